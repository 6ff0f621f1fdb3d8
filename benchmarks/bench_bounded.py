#!/usr/bin/env python3
"""Extraction time per KB on the pathological inputs of tests/pathological.py at two or more sizes
(issue 11: extraction must grow linearly with the document).

    .venv/bin/python benchmarks/bench_bounded.py                          # 100 KB and 1 MB, every pattern
    .venv/bin/python benchmarks/bench_bounded.py --sizes 10000,40000 --patterns dense_orgs,wide_table
    .venv/bin/python benchmarks/bench_bounded.py --json > figures.json

A size is a number of characters (KB below = 1 000 characters of text). Each pattern and size runs
in a fresh process (no cache of an earlier size helps the next), after a small warm-up document;
time is CPU seconds of every extractor (time.process_time, steadier than wall time on a shared
machine), reading and the analysis text included. ``growth`` is the time per character at the
largest size over that at the smallest (1.0: linear; tests/test_bounded.py fails above 3.0).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import json, sys, time
sys.path[:0] = [{root!r}, {tests!r}]
from pathological import PATTERNS
from ingest.extractors import load_extractors
from ingest.model import Document
extractors = load_extractors()
warm = Document.from_text("warm", "warm.txt", PATTERNS[{pattern!r}](300))
for _, fn in extractors:
    fn(warm)
text = PATTERNS[{pattern!r}]({size})
start = time.process_time()
doc = Document.from_text("d", "d.txt", text)
per = {{}}
for name, fn in extractors:
    t = time.process_time()
    fn(doc)
    per[name.rsplit(".", 1)[-1]] = round(time.process_time() - t, 3)
print(json.dumps({{"seconds": time.process_time() - start, "per_extractor": per}}))
"""


def measure(pattern: str, size: int, timeout: float) -> dict:
    code = _CHILD.format(root=str(ROOT), tests=str(ROOT / "tests"), pattern=pattern, size=size)
    try:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout,
                             check=True, cwd=ROOT).stdout
    except subprocess.TimeoutExpired:
        return {"seconds": None, "timeout": timeout}
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    from pathological import PATTERNS

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100000,1000000", help="characters, comma-separated")
    ap.add_argument("--patterns", default=",".join(PATTERNS), help="comma-separated (default: all)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per run before giving up")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {}
    for pattern in args.patterns.split(","):
        runs = {size: measure(pattern, size, args.timeout) for size in sizes}
        per_kb = {size: (r["seconds"] / size * 1000 if r.get("seconds") is not None else None) for size, r in runs.items()}
        lo, hi = per_kb[sizes[0]], per_kb[sizes[-1]]
        growth = round(hi / lo, 2) if lo and hi else None
        results[pattern] = {"runs": runs, "ms_per_kb": per_kb, "growth": growth}
        if not args.json:
            cells = "  ".join(f"{size // 1000} KB: {v * 1000:.0f} ms/KB" if v is not None else f"{size // 1000} KB: timeout"
                              for size, v in per_kb.items())
            print(f"{pattern:15} {cells}  growth {growth}", flush=True)
    if args.json:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
