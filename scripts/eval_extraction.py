#!/usr/bin/env python3
"""Measure extraction quality against the hand-written gold facts (docs/evaluation.md).

    .venv/bin/python scripts/eval_extraction.py                 # ingest data/corpus into a temp store
    .venv/bin/python scripts/eval_extraction.py --store DIR     # evaluate an existing store
    .venv/bin/python scripts/eval_extraction.py --json          # machine-readable result

Recall: the share of gold facts (tests/data/gold_*.jsonl) found as an edge of the same type
between the nodes the two names resolve to, with evidence in the gold fact's document.
Precision: inside the exhaustively annotated (doc, relation) scopes of
tests/data/gold_scopes.jsonl, the share of predicted edges of that type with evidence in that
document that match a gold fact.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph.base import GraphStore  # noqa: E402
from graph.errors import InputError  # noqa: E402
from graph.normalize import name_key  # noqa: E402
from graph.schema import EDGE_TYPES, NODE_TYPES, Edge  # noqa: E402
from ingest.resolve import Decisions, Resolver  # noqa: E402

DATA = ROOT / "tests" / "data"
# gold_*.jsonl files that are not facts: the scopes. The measure → target links (gold_links) are
# made by the linking step at the end of every ingest, so they count here too (their reasons and
# the known-wrong pairs are checked by scripts/eval_links.py).
NOT_EXTRACTION_GOLD = frozenset({"gold_scopes.jsonl"})


def extraction_gold_files(folder: Path = DATA) -> list[Path]:
    return [p for p in sorted(folder.glob("gold_*.jsonl")) if p.name not in NOT_EXTRACTION_GOLD]
GOLD_KEYS = ("type", "source", "source_type", "target", "target_type", "doc")
SYMMETRIC = frozenset({"PARTNERS_WITH"})


@dataclass(frozen=True)
class GoldFact:
    type: str
    source: str
    source_type: str
    target: str
    target_type: str
    doc: str
    origin: str = ""  # file:line

    def label(self) -> str:
        return f"{self.doc}: {self.source} [{self.source_type}] -{self.type}-> {self.target} [{self.target_type}]"


def _read_jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{path}:{lineno}", f"invalid JSON ({exc})") from exc
        if not isinstance(obj, dict):
            raise InputError(f"{path}:{lineno}", "expected a JSON object")
        yield lineno, obj


def load_gold(paths: Iterable[Path]) -> list[GoldFact]:
    """Gold facts from JSONL files; every line is checked against the schema."""
    facts = []
    for path in paths:
        for lineno, obj in _read_jsonl(path):
            where = f"{path.name}:{lineno}"
            missing = [k for k in GOLD_KEYS if not isinstance(obj.get(k), str) or not obj[k]]
            if missing:
                raise InputError(where, f"missing or empty {', '.join(missing)}")
            if obj["type"] not in EDGE_TYPES:
                raise InputError(where, f"unknown relation type {obj['type']!r}")
            for k in ("source_type", "target_type"):
                if obj[k] not in NODE_TYPES:
                    raise InputError(where, f"unknown node type {obj[k]!r} in {k}")
            facts.append(GoldFact(*(obj[k] for k in GOLD_KEYS), origin=where))
    return facts


def load_scopes(path: Path) -> set[tuple[str, str]]:
    """(doc, relation type) pairs annotated exhaustively."""
    if not path.exists():
        return set()
    scopes = set()
    for lineno, obj in _read_jsonl(path):
        if obj.get("type") not in EDGE_TYPES or not isinstance(obj.get("doc"), str):
            raise InputError(f"{path.name}:{lineno}", 'expected {"doc": DOC_ID, "type": RELATION}')
        scopes.add((obj["doc"], obj["type"]))
    return scopes


@dataclass
class Counts:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    def scores(self) -> dict[str, float | None]:
        recall = self.found / self.gold if self.gold else None
        precision = self.correct / self.predicted if self.predicted else None
        f1 = (2 * precision * recall / (precision + recall)
              if precision is not None and recall is not None and precision + recall else None)
        return {"precision": precision, "recall": recall, "f1": f1}


@dataclass
class Result:
    overall: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    misses: list[GoldFact] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    scopes: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.overall.scores(),
            "counts": vars(self.overall),
            "scopes": self.scopes,
            "by_type": {t: {**c.scores(), "counts": vars(c)} for t, c in sorted(self.by_type.items())},
            "misses": [g.label() for g in self.misses],
            "false_positives": self.false_positives,
        }


class _Matcher:
    """Resolves gold names to stored node ids by resolution keys (exact, never by substring)."""

    def __init__(self, store: GraphStore, decisions: Decisions | None = None) -> None:
        self.resolver = Resolver(decisions)
        self.nodes = {n.id: n for n in store.iter_nodes()}
        self.index: dict[tuple[str, str], set[str]] = defaultdict(set)
        for n in self.nodes.values():
            for form in (n.name, *n.aliases):
                self.index[(n.type, self.resolver.key(form, n.type))].add(n.id)
                self.index[(n.type, name_key(form))].add(n.id)

    def ids(self, name: str, node_type: str) -> set[str]:
        return (self.index.get((node_type, self.resolver.key(name, node_type)), set())
                | self.index.get((node_type, name_key(name)), set()))


def evaluate(store: GraphStore, gold: list[GoldFact], scopes: set[tuple[str, str]],
             decisions: Decisions | None = None) -> Result:
    """Compare the store's edges with the gold facts (see the module docstring)."""
    match = _Matcher(store, decisions)
    result = Result(scopes=len(scopes))
    edges_by_type: dict[str, list[Edge]] = defaultdict(list)
    for e in store.iter_edges():
        edges_by_type[e.type].append(e)

    def hits(edge: Edge, g: GoldFact, src: set[str], tgt: set[str]) -> bool:
        if not any(ev.doc == g.doc for ev in edge.evidence):
            return False
        if edge.source in src and edge.target in tgt:
            return True
        return g.type in SYMMETRIC and edge.source in tgt and edge.target in src

    resolved = {g: (match.ids(g.source, g.source_type), match.ids(g.target, g.target_type)) for g in gold}
    for g in gold:
        c = result.by_type[g.type]
        c.gold += 1
        src, tgt = resolved[g]
        if src and tgt and any(hits(e, g, src, tgt) for e in edges_by_type[g.type]):
            c.found += 1
        else:
            result.misses.append(g)
    gold_by_scope: dict[tuple[str, str], list[GoldFact]] = defaultdict(list)
    for g in gold:
        gold_by_scope[(g.doc, g.type)].append(g)
    for doc, rel in sorted(scopes):
        c = result.by_type[rel]
        for e in edges_by_type[rel]:
            if not any(ev.doc == doc for ev in e.evidence):
                continue
            c.predicted += 1
            if any(hits(e, g, *resolved[g]) for g in gold_by_scope[(doc, rel)]):
                c.correct += 1
            else:
                s, t = match.nodes[e.source], match.nodes[e.target]
                result.false_positives.append(f"{doc}: {s.name} [{s.type}] -{rel}-> {t.name} [{t.type}]")
    for c in result.by_type.values():
        for k in ("gold", "found", "predicted", "correct"):
            setattr(result.overall, k, getattr(result.overall, k) + getattr(c, k))
    return result


def _fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.3f}"


def format_result(result: Result, max_items: int = 50) -> str:
    lines = [f"{'relation':<16}{'gold':>6}{'found':>7}{'pred':>6}{'ok':>6}   precision  recall  f1"]
    rows = [*sorted(result.by_type.items()), ("overall", result.overall)]
    for name, c in rows:
        s = c.scores()
        lines.append(f"{name:<16}{c.gold:>6}{c.found:>7}{c.predicted:>6}{c.correct:>6}   "
                     f"{_fmt(s['precision'])}      {_fmt(s['recall'])}  {_fmt(s['f1'])}")
    lines.append(f"(precision over {result.scopes} exhaustively annotated (doc, relation) scopes)")
    for title, items in (("misses", [g.label() for g in result.misses]),
                         ("false positives", result.false_positives)):
        lines.append(f"\n{title} ({len(items)}):")
        lines += [f"  {x}" for x in items[:max_items]]
        if len(items) > max_items:
            lines.append(f"  ... {len(items) - max_items} more")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", help="evaluate this store folder (default: ingest data/corpus into a temp store)")
    ap.add_argument("--gold", nargs="*", type=Path,
                    help="gold files (default: tests/data/gold_*.jsonl but gold_scopes)")
    ap.add_argument("--scopes", type=Path, default=DATA / "gold_scopes.jsonl", help="scopes file")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--max-items", type=int, default=50, help="misses / false positives listed")
    args = ap.parse_args(argv)

    from graph.networkx_store import NetworkxStore
    from ingest.resolve import load_decisions

    gold = load_gold(args.gold if args.gold else extraction_gold_files())
    scopes = load_scopes(args.scopes)
    if not gold:
        print("eval_extraction: no gold facts found (tests/data/gold_*.jsonl)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        if args.store:
            store = NetworkxStore(args.store)
            decisions = load_decisions(args.store)
        else:
            from ingest.pipeline import ingest_paths

            store = NetworkxStore(tmp)
            report = ingest_paths(sorted((ROOT / "data" / "corpus").glob("*.txt")), store, commit=False)
            for path, reason in report.skipped:
                print(f"eval_extraction: skipped {path}: {reason}", file=sys.stderr)
            decisions = None
        result = evaluate(store, gold, scopes, decisions)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(format_result(result, args.max_items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
