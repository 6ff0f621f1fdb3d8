#!/usr/bin/env python3
"""Cold start-up of the CLI: a fresh ``vocgraph --help`` against a fresh ``vocgraph ask``.

    .venv/bin/python benchmarks/bench_startup.py              # ingest data/corpus (hash index) first
    .venv/bin/python benchmarks/bench_startup.py --store DIR  # an existing store with an index

Each run is a new process, so imports, the store load, the index load and the jieba dictionary
are all paid again. Prints the median wall time and the median CPU time (user + system of the
child, steadier on a shared machine) of --runs runs of each, and the difference (aim: ``ask``
within 1.5 s of ``--help``, issue 12).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchinfo import describe

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "哪些职教集团服务装备制造产业"
AIM_S = 1.5


def cli() -> list[str]:
    script = Path(sys.executable).parent / "vocgraph"
    return [str(script)] if script.exists() else [sys.executable, "-m", "api.cli"]


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def medians(cmd: list[str], runs: int) -> tuple[float, float]:
    timed(cmd)  # warm the page cache (and jieba's own cache file) so every run below is alike
    results = [timed(cmd) for _ in range(runs)]
    return statistics.median(w for w, _ in results), statistics.median(c for _, c in results)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, help="an existing store folder with a search index")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--question", default=QUESTION)
    args = ap.parse_args(argv)
    print(describe())
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            subprocess.run([*cli(), "ingest", str(ROOT / "data" / "corpus"), "--store", str(store),
                            "--embedder", "hash", "-q"], check=True, cwd=ROOT)
        help_wall, help_cpu = medians([*cli(), "--help"], args.runs)
        ask_wall, ask_cpu = medians([*cli(), "ask", args.question, "--store", str(store)], args.runs)
    print(f"runs: {args.runs} fresh processes each (medians)")
    print(f"vocgraph --help   wall {help_wall:.2f} s   cpu {help_cpu:.2f} s")
    print(f"vocgraph ask      wall {ask_wall:.2f} s   cpu {ask_cpu:.2f} s")
    print(f"ask − help        wall {ask_wall - help_wall:.2f} s   cpu {ask_cpu - help_cpu:.2f} s   "
          f"(aim ≤ {AIM_S} s: {'met' if ask_wall - help_wall <= AIM_S else 'not met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
