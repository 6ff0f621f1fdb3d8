#!/usr/bin/env python3
"""Cold start-up of the CLI: a fresh ``vocgraph --help`` against a fresh ``vocgraph ask``.

    .venv/bin/python benchmarks/bench_startup.py                  # ingest data/corpus (hash index) first
    .venv/bin/python benchmarks/bench_startup.py --store DIR      # an existing store with an index
    .venv/bin/python benchmarks/bench_startup.py --before 1824f33~1   # also the tree of that commit
    .venv/bin/python benchmarks/bench_startup.py --ingest --runs 3    # and a whole ingest per run
    .venv/bin/python benchmarks/bench_startup.py --before 1824f33~1 --paths search/lexical.py ingest/segmenter.py

Each run is a new process (``python -m api.cli`` in the source tree), so imports, the store
load, the index load and the jieba dictionary are all paid again. Prints the median wall time
and the median CPU time (user + system of the child, steadier on a shared machine) of --runs
runs of each, and the difference (aim: ``ask`` within 1.5 s of ``--help``, issue 12). With
--before, the same commands run from an export of that commit too, interleaved with the
current tree's runs so that both see the same load.
"""

from __future__ import annotations

import argparse
import os
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


def child_env(pycache: Path | None) -> dict[str, str]:
    """The environment of the timed processes. With ``pycache``, bytecode is cached there (as
    an installed package has its .pyc files) even where PYTHONDONTWRITEBYTECODE is set, as on
    the development box, where every run would otherwise compile ~50 modules (~0.3 s)."""
    env = dict(os.environ)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def export(rev: str, into: Path, paths: list[str] | None = None) -> Path:
    """The source tree of ``rev`` (git archive: no worktree, nothing written to .git); with
    ``paths``, the tree of HEAD with only those files as they were at ``rev`` (one change
    measured alone, beside everything committed since)."""
    into.mkdir()
    archive = subprocess.run(["git", "archive", "HEAD" if paths else rev], cwd=ROOT, check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    for path in paths or ():
        old = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True)
        if old.returncode == 0:
            (into / path).write_bytes(old.stdout)
        else:  # the file did not exist then
            (into / path).unlink(missing_ok=True)
    return into


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, help="an existing store folder with a search index")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--question", default=QUESTION)
    ap.add_argument("--before", metavar="REV", help="also time the CLI of this commit")
    ap.add_argument("--paths", nargs="+", metavar="PATH",
                    help="with --before: HEAD's tree with only these files from REV")
    ap.add_argument("--ingest", action="store_true",
                    help="also time a fresh `vocgraph ingest data/corpus` (hash index) per run")
    ap.add_argument("--no-bytecode", action="store_true",
                    help="keep the environment's PYTHONDONTWRITEBYTECODE (every run compiles the sources)")
    args = ap.parse_args(argv)
    print(describe())
    cli = [sys.executable, "-m", "api.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"now": ROOT}
        if args.before:
            label = args.before + (f" ({', '.join(args.paths)})" if args.paths else "")
            trees[label] = export(args.before, Path(tmp) / "before", args.paths)
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            subprocess.run([*cli, "ingest", str(ROOT / "data" / "corpus"), "--store", str(store),
                            "--embedder", "hash", "-q"], check=True, cwd=ROOT)
        env = child_env(None if args.no_bytecode else Path(tmp) / "pycache")
        print("bytecode: " + ("not cached (sources compiled on every run)" if env.get("PYTHONDONTWRITEBYTECODE")
                              else "cached, as for an installed package"))
        fresh = iter(range(10**6))
        commands = {"--help": lambda: [*cli, "--help"],
                    "ask": lambda: [*cli, "ask", args.question, "--store", str(store.resolve())]}
        if args.ingest:  # into a new store each time, search index (hash embedder) included
            commands["ingest"] = lambda: [*cli, "ingest", str(ROOT / "data" / "corpus"), "--store",
                                          str(Path(tmp) / f"ingest-{next(fresh)}"), "--embedder", "hash", "-q"]
        results: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for tree, cwd in trees.items():  # warm the page cache, bytecode and the jieba caches
            for name, cmd in commands.items():
                if name != "ingest":
                    timed(cmd(), cwd, env)
        for _ in range(args.runs):
            for tree, cwd in trees.items():
                for name, cmd in commands.items():
                    results.setdefault((tree, name), []).append(timed(cmd(), cwd, env))
    print(f"runs: {args.runs} fresh processes each, interleaved; medians")
    for tree in trees:
        med = {name: (statistics.median(w for w, _ in results[tree, name]),
                      statistics.median(c for _, c in results[tree, name])) for name in commands}
        (hw, hc), (aw, ac) = med["--help"], med["ask"]
        print(f"[{tree}]")
        print(f"  vocgraph --help   wall {hw:.2f} s   cpu {hc:.2f} s")
        print(f"  vocgraph ask      wall {aw:.2f} s   cpu {ac:.2f} s")
        print(f"  ask − help        wall {aw - hw:.2f} s   cpu {ac - hc:.2f} s   "
              f"(aim ≤ {AIM_S} s: {'met' if aw - hw <= AIM_S else 'not met'} on wall time)")
        if "ingest" in med:
            iw, ic = med["ingest"]
            print(f"  vocgraph ingest   wall {iw:.2f} s   cpu {ic:.2f} s   (data/corpus, hash index, new store)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
