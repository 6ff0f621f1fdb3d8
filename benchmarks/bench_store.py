#!/usr/bin/env python3
"""Median load time of the embedded store over the seed corpus.

    .venv/bin/python benchmarks/bench_store.py              # ingest data/corpus into a temp store first
    .venv/bin/python benchmarks/bench_store.py --store DIR  # time an existing store

Prints the ingest time (when it ingests), the median, min and max of --runs loads, and memory:
the Python heap a loaded store holds (tracemalloc) and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph.networkx_store import NetworkxStore  # noqa: E402


def time_loads(path: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        store = NetworkxStore(path)
        times.append(time.perf_counter() - t)
    assert store.node_count() > 0, f"{path}: empty store"
    return times


def loaded_heap_mib(path: Path) -> float:
    """MiB of Python objects a loaded store keeps alive."""
    tracemalloc.start()
    store = NetworkxStore(path)
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert store.node_count() > 0
    return current / 2**20


def peak_rss_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, help="an existing store folder")
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store
        if path is None:
            from ingest.pipeline import ingest_paths

            path = Path(tmp)
            t = time.perf_counter()
            report = ingest_paths(sorted((ROOT / "data" / "corpus").glob("*.txt")), NetworkxStore(path))
            print(f"ingest: {len(report.ingested)} documents in {time.perf_counter() - t:.2f} s "
                  f"({report.stats['nodes']} nodes, {report.stats['edges']} edges)")
        times = time_loads(path, args.runs)
        size = (path / "graph.json").stat().st_size
        print(f"load: median {statistics.median(times) * 1000:.1f} ms, min {min(times) * 1000:.1f} ms, "
              f"max {max(times) * 1000:.1f} ms over {args.runs} runs (graph.json {size / 1024:.0f} KiB)")
        print(f"memory: loaded store {loaded_heap_mib(path):.1f} MiB of Python objects; "
              f"process peak RSS {peak_rss_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
