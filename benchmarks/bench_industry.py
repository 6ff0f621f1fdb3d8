"""Micro-benchmark of ingest.industry_vocab.lexicon_terms, the industry-term scan that the
industry extractor runs on group names, sentences and table cells.

Two figures on the five seed documents of data/corpus: ``docs`` scans each whole document once
(the worst case: every character is a possible start), ``extract`` runs the industry extractor
(ingest.industry.extract, behind its cache) on each document.

    .venv/bin/python benchmarks/bench_industry.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest import industry, industry_vocab  # noqa: E402
from ingest.model import Document  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    docs = sorted((ROOT / "data" / "corpus").glob("*.txt"))
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in docs]
    chars = sum(len(t) for _, t in texts)
    best = float("inf")
    found = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        found = sum(len(industry_vocab.lexicon_terms(t)) for _, t in texts)
        best = min(best, time.perf_counter() - t0)
    print(f"lexicon_terms on {len(texts)} documents ({chars} chars): {best * 1000:.1f} ms, {found} terms")
    extract_fn = getattr(industry._extract_cached, "__wrapped__", industry._extract_cached)
    best = float("inf")
    for _ in range(max(1, args.repeat // 2)):
        t0 = time.perf_counter()
        for stem, t in texts:
            extract_fn(stem, t, stem)
        best = min(best, time.perf_counter() - t0)
    print(f"industry.extract on {len(texts)} documents: {best * 1000:.1f} ms")


if __name__ == "__main__":
    main()
