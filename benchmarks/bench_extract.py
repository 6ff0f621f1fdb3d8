#!/usr/bin/env python3
"""Extraction speed against jieba's segmentation, and each ingest stage's cost per character
as the corpus grows (synthetic corpora from benchmarks/gen_corpus.py).

    .venv/bin/python benchmarks/bench_extract.py                  # 1× (3 runs) and 10× (1 run)
    .venv/bin/python benchmarks/bench_extract.py --scales 1,10,30 --repeats 3
    .venv/bin/python benchmarks/bench_extract.py --profile /tmp/extract.prof --scales 1

Every run is a fresh process (no cache of an earlier run helps it) that generates the corpus
into a temporary folder, extracts a small warm-up document of another seed (dictionaries and
gazetteers load once per process: reported as "warm-up"), then ingests the corpus through the
public pipeline with --no-index semantics (no search index; links by quantities and keywords,
no embedder) and times each stage in CPU seconds (time.process_time, steadier than wall time
on a shared machine): reading, extraction (per extractor), resolution and writing, linking,
store save, store load. Then it segments the same texts with jieba's default tokenizer, the
limit extraction is measured against (issue 12: extraction should be faster). Figures are
medians over --repeats runs; peak RSS is the largest of them.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchinfo import describe, peak_rss_mib  # noqa: E402

STAGES = ("read", "extract", "resolve", "link", "save", "load")


# ---- one run, in its own process ----------------------------------------------------------
def _timed_extractors():
    from ingest.extractors import load_extractors

    spent: dict[str, float] = {}

    def wrap(name, fn):
        def timed(doc):
            t = time.process_time()
            try:
                return fn(doc)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t
        return timed

    return [(name, wrap(name, fn)) for name, fn in load_extractors()], spent


def one_run(scale: float, seed: int, profile: Path | None) -> dict:
    import gen_corpus

    from graph.networkx_store import NetworkxStore
    from ingest.pipeline import ingest_paths
    from ingest.segmenter import default as jieba_default
    from search.linking import link_measures

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docs, chars = gen_corpus.write(tmp / "corpus", scale, seed)
        gen_corpus.write(tmp / "warmup", 0.05, seed + 1000)

        t = time.process_time()
        ingest_paths([tmp / "warmup"], NetworkxStore(tmp / "warm-store"), link_embedder="none")
        warmup = time.process_time() - t

        extractors, per_extractor = _timed_extractors()
        marks: dict[str, float] = {}

        def progress(i, n, name):
            if name == "resolving":
                marks["resolving"] = time.process_time()

        store = NetworkxStore(tmp / "store")
        prof = None
        if profile:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        t0 = time.process_time()
        report = ingest_paths([tmp / "corpus"], store, progress=progress, extractors=extractors,
                              commit=False, link_embedder=None)
        t1 = time.process_time()
        link_measures(store, embedder="none")
        t2 = time.process_time()
        if prof:
            prof.disable()
            prof.dump_stats(str(profile))
        store.commit()
        t3 = time.process_time()
        loaded = NetworkxStore(tmp / "store")
        t4 = time.process_time()
        assert not report.skipped, report.skipped
        extract = sum(per_extractor.values())
        stages = {"read": marks["resolving"] - t0 - extract, "extract": extract,
                  "resolve": t1 - marks["resolving"], "link": t2 - t1, "save": t3 - t2, "load": t4 - t3}
        nodes, edges = loaded.node_count(), loaded.edge_count()

        texts = [p.read_text(encoding="utf-8") for p in sorted((tmp / "corpus").glob("*.txt"))]
        tk = jieba_default()  # jieba.dt, already loaded by extraction
        jieba_runs = []
        for _ in range(3):  # short: the median of three steadies it
            t = time.process_time()
            for text in texts:
                tk.lcut(text)
            jieba_runs.append(time.process_time() - t)
        jieba_cpu = statistics.median(jieba_runs)

    return {"scale": scale, "docs": docs, "chars": chars, "nodes": nodes, "edges": edges,
            "warmup": warmup, "stages": stages, "extractors": per_extractor, "jieba": jieba_cpu,
            "rss_mib": peak_rss_mib()}


# ---- the parent: runs, medians, the table ---------------------------------------------------
def run_child(scale: float, seed: int, profile: Path | None) -> dict:
    cmd = [sys.executable, __file__, "--one", str(scale), "--seed", str(seed)]
    if profile:
        cmd += ["--profile", str(profile)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def summarise(runs: list[dict]) -> dict:
    med = lambda xs: statistics.median(xs)  # noqa: E731
    first = runs[0]
    return {
        "scale": first["scale"], "docs": first["docs"], "chars": first["chars"],
        "nodes": first["nodes"], "edges": first["edges"], "runs": len(runs),
        "warmup": med([r["warmup"] for r in runs]),
        "stages": {s: med([r["stages"][s] for r in runs]) for s in STAGES},
        "extractors": {e: med([r["extractors"][e] for r in runs]) for e in first["extractors"]},
        "jieba": med([r["jieba"] for r in runs]),
        "rss_mib": max(r["rss_mib"] for r in runs),
    }


def report(results: list[dict]) -> None:
    import gen_corpus

    print(f"CPU seconds (time.process_time), medians; characters are Unicode code points "
          f"(1× = the sample corpus, {gen_corpus.sample_size():,} characters)")
    for r in results:
        st, chars = r["stages"], r["chars"]
        ex = st["extract"]
        print(f"\n{r['scale']:g}×: {r['docs']} documents, {chars:,} characters → {r['nodes']:,} nodes, "
              f"{r['edges']:,} edges; {r['runs']} run(s); warm-up {r['warmup']:.2f} s; peak RSS {r['rss_mib']:.0f} MiB")
        print(f"  extraction  {chars / ex / 1000:8.1f} k chars/CPU-s ({chars * 3 / ex / 1e6:.2f} MB/s of UTF-8)")
        print(f"  jieba lcut  {chars / r['jieba'] / 1000:8.1f} k chars/CPU-s  → extraction is "
              f"{ex / r['jieba']:.1f}× slower than segmenting" if ex > r["jieba"] else
              f"  jieba lcut  {chars / r['jieba'] / 1000:8.1f} k chars/CPU-s  → extraction is "
              f"{r['jieba'] / ex:.1f}× faster than segmenting")
        total = sum(st.values())
        print("  stage        CPU s   µs/char   share")
        for s in STAGES:
            print(f"  {s:<10} {st[s]:7.2f}  {st[s] / chars * 1e6:8.2f}   {st[s] / total:5.1%}")
        print("  extractor    CPU s   µs/char")
        for e, v in sorted(r["extractors"].items(), key=lambda kv: -kv[1]):
            print(f"  {e:<18} {v:7.2f}  {v / chars * 1e6:8.2f}")
    base = results[0]
    for r in results[1:]:
        print(f"\ngrowth of cost per character, {base['scale']:g}× → {r['scale']:g}× (aim: within 1.3×)")
        for s in (*STAGES, "jieba"):
            a = (base["jieba"] if s == "jieba" else base["stages"][s]) / base["chars"]
            b = (r["jieba"] if s == "jieba" else r["stages"][s]) / r["chars"]
            print(f"  {s:<10} {b / a if a else float('nan'):6.2f}×")
    if len(results) > 1:
        extrapolate(results[-2], results[-1])


def extrapolate(lo: dict, hi: dict) -> None:
    """Cost per character at 100× and 1,000×, continuing the slope between the two largest
    measured scales on a log-log curve (cost ∝ characters^k). Not measured: said so."""
    print(f"\nextrapolated, NOT measured (log-log slope {lo['scale']:g}× → {hi['scale']:g}×): CPU s and µs/char")
    ratio = hi["chars"] / lo["chars"]
    for scale in (100, 1000):
        if scale <= hi["scale"]:
            continue
        chars = hi["chars"] * scale / hi["scale"]
        row = []
        for s in STAGES:
            a, b = lo["stages"][s] / lo["chars"], hi["stages"][s] / hi["chars"]
            # per-character growth exponent; a cost per character that fell is assumed flat from here
            k = max(0.0, math.log(b / a) / math.log(ratio)) if a > 0 and b > 0 else 0.0
            per_char = b * (chars / hi["chars"]) ** k
            row.append(f"{s} {per_char * chars:,.0f} s ({per_char * 1e6:.1f})")
        print(f"  {scale:g}× ({chars / 1e6:.1f} M chars): " + ", ".join(row))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scales", default="1,10", help="comma-separated multiples of the sample corpus")
    ap.add_argument("--repeats", type=int, default=None,
                    help="runs per scale (default: 3 at 1× and below, 1 above)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--profile", type=Path, help="cProfile the ingest of the first scale into this file")
    ap.add_argument("--json", action="store_true", help="print the results as JSON as well")
    ap.add_argument("--out", type=Path, help="also write the results as JSON here (benchmarks/plot_scale.py)")
    ap.add_argument("--one", type=float, help=argparse.SUPPRESS)  # a child: one run, JSON out
    args = ap.parse_args(argv)
    if args.one is not None:
        print(json.dumps(one_run(args.one, args.seed, args.profile)))
        return 0
    print(describe())
    results = []
    for i, scale in enumerate(float(s) for s in args.scales.split(",")):
        repeats = args.repeats or (3 if scale <= 1 else 1)
        t = time.perf_counter()
        runs = [run_child(scale, args.seed, args.profile if i == 0 and k == 0 else None) for k in range(repeats)]
        results.append(summarise(runs))
        print(f"[{scale:g}×: {repeats} run(s) in {time.perf_counter() - t:.0f} s wall]", file=sys.stderr)
    report(results)
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
