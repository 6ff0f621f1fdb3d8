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
largest size over that at the smallest (1.0: linear), printed beside the limit of issue 11 (3.0×
from 100 KB to 1 MB; tests/test_bounded.py holds smaller sizes to it) with ``ok`` or ``OVER``; the
exit status is 1 when a pattern is over the limit or did not finish.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchinfo import describe  # noqa: E402

MAX_GROWTH = 3.0  # issue 11: time per character at 1 MB within 3× of that at 100 KB

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
    ap.add_argument("--limit", type=float, default=MAX_GROWTH, help="growth per character allowed (default 3.0)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {}
    over = []
    if not args.json:
        print(describe(), flush=True)
    for pattern in args.patterns.split(","):
        runs = {size: measure(pattern, size, args.timeout) for size in sizes}
        per_kb = {size: (r["seconds"] / size * 1000 if r.get("seconds") is not None else None) for size, r in runs.items()}
        lo, hi = per_kb[sizes[0]], per_kb[sizes[-1]]
        growth = round(hi / lo, 2) if lo and hi else None
        verdict = "ok" if growth is not None and growth <= args.limit else "OVER"
        if verdict != "ok":
            over.append(pattern)
        results[pattern] = {"runs": runs, "ms_per_kb": per_kb, "growth": growth, "limit": args.limit, "verdict": verdict}
        if not args.json:
            cells = "  ".join(f"{size // 1000} KB: {v * 1000:.1f} ms/KB" if v is not None else f"{size // 1000} KB: timeout"
                              for size, v in per_kb.items())
            print(f"{pattern:15} {cells}  growth {growth}× (limit {args.limit:g}×: {verdict})", flush=True)
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(f"{len(results) - len(over)} of {len(results)} patterns within {args.limit:g}× growth per character"
              + (f"; over: {', '.join(over)}" if over else ""))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
