#!/usr/bin/env python3
"""Score the pipeline on the development corpus against the hand annotations (docs/dev-gold.md).

    .venv/bin/python scripts/eval_dev.py                  # ingest data/corpus-dev, score both halves
    .venv/bin/python scripts/eval_dev.py --half odd       # only the pages the rules are written on
    .venv/bin/python scripts/eval_dev.py --misses         # list what was missed and what is wrong
    .venv/bin/python scripts/eval_dev.py --json           # machine-readable

Rules are developed on the odd-numbered pages; the even-numbered ones are scored only at
checkpoints. Figures (recall = found / gold; precision = correct / predicted on annotated pages):

- bodies: every organisation of the page, by type (a node of that type with one of the
  body's names among its names or aliases, mentioned in that document);
- relations: LEADS, MEMBER_OF, PARTNERS_WITH with evidence in the page; ``role``/``kind`` agreement
  is reported among the relations found;
- aliases merged (both forms on one node) and keep-apart pairs kept apart;
- policy facts: policies, ISSUED_BY, IMPLEMENTS, targets (year and quantity), measures,
  RESPONSIBLE_FOR (with ``role`` agreement).

Names are compared after Traditional→Simplified conversion and the resolver's keys, never by
substring (measures, whose gold text is a fragment of the heading, are the one exception).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from graph.base import GraphStore  # noqa: E402
from graph.normalize import name_key  # noqa: E402
from graph.schema import ORG_TYPES, Edge, Node  # noqa: E402
from ingest.resolve import Resolver  # noqa: E402

GOLD = ROOT / "tests" / "data" / "dev_gold"
CORPUS = ROOT / "data" / "corpus-dev"
ORG_RELATIONS = ("LEADS", "MEMBER_OF", "PARTNERS_WITH")
POLICY_PARTS = ("policy", "ISSUED_BY", "IMPLEMENTS", "target", "measure", "RESPONSIBLE_FOR")


def _t2s():
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a dependency
        return lambda s: s
    conv = opencc.OpenCC("t2s")
    return conv.convert


T2S = _t2s()


def half_of(doc: str) -> str:
    m = re.match(r"(\d+)", doc)
    return "odd" if m and int(m.group(1)) % 2 else "even"


def quarter_of(doc: str) -> str:
    """The even pages split once more: e2 (002, 006, …) became development pages after the first
    checkpoint; e0 (004, 008, …) stayed unseen until the second one, and is split again: e4
    (004, 012, …) became development pages after it, e8 (008, 016, …) stays unseen until the
    third checkpoint."""
    m = re.match(r"(\d+)", doc)
    n = int(m.group(1)) if m else 0
    return "odd" if n % 2 else ("e2" if n % 4 == 2 else ("e4" if n % 8 == 4 else "e8"))


# The columns the report can show, as unions of the quarters above.
GROUPS: dict[str, tuple[str, ...]] = {
    "odd": ("odd",), "even": ("e2", "e4", "e8"), "e2": ("e2",), "e0": ("e4", "e8"),
    "e4": ("e4",), "e8": ("e8",), "dev": ("odd", "e2", "e4"), "all": ("odd", "e2", "e4", "e8"),
}


def load_gold(folder: Path = GOLD) -> dict[str, dict[str, Any]]:
    gold = {}
    for p in sorted(folder.glob("*.json")):
        try:
            obj = json.loads(p.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise SystemExit(f"eval_dev: {p}: invalid JSON ({exc})") from exc
        gold[obj.get("doc") or p.stem] = obj
    return gold


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    agree: int = 0  # role/kind agreement among found
    with_role: int = 0

    def add(self, other: "Tally") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    def to_dict(self) -> dict[str, Any]:
        return {**vars(self), "recall": self.recall, "precision": self.precision}


@dataclass
class Report:
    tallies: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))  # (half, part)
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


class Matcher:
    """Gold names → node ids, by the resolver's key and the surface key of each name and alias
    (both sides converted to Simplified)."""

    def __init__(self, store: GraphStore) -> None:
        self.resolver = Resolver()
        self.nodes: dict[str, Node] = {n.id: n for n in store.iter_nodes()}
        self.index: dict[tuple[str, str], set[str]] = defaultdict(set)
        for n in self.nodes.values():
            for form in (n.name, *n.aliases):
                for f in {form, T2S(form)}:
                    for k in self._keys(f, n.type):
                        self.index[(n.type, k)].add(n.id)

    def _keys(self, name: str, node_type: str) -> set[str]:
        keys = {name_key(name), name_key(name).lower()}
        try:
            keys.add(self.resolver.key(name, node_type))
        except Exception:  # a key rule that refuses a form: the surface key still applies
            pass
        return {k for k in keys if k}

    def ids(self, names: list[str], types: list[str], doc: str | None = None) -> set[str]:
        out: set[str] = set()
        for name in names:
            for t in types:
                for k in self._keys(T2S(name), t):
                    out |= self.index.get((t, k), set())
        if doc is not None:
            out = {i for i in out if doc in self.nodes[i].docs}
        return out


def _edges_in(store: GraphStore) -> dict[str, dict[str, list[Edge]]]:
    """type → doc → edges with evidence in that doc."""
    by: dict[str, dict[str, list[Edge]]] = defaultdict(lambda: defaultdict(list))
    for e in store.iter_edges():
        for d in {ev.doc for ev in e.evidence}:
            by[e.type][d].append(e)
    return by


def _num(q: Any) -> float | None:
    try:
        return float(str(q).replace(",", "").rstrip("%"))
    except ValueError:
        return None


def score(store: GraphStore, gold: dict[str, dict[str, Any]], docs: set[str] | None = None) -> Report:
    match = Matcher(store)
    edges = _edges_in(store)
    rep = Report()
    for doc, g in sorted(gold.items()):
        if docs is not None and doc not in docs:
            continue
        half = quarter_of(doc)
        bodies = g.get("bodies") or []
        names_of: dict[str, tuple[list[str], list[str]]] = {}
        for b in bodies:
            forms = [b["name"], *(b.get("aliases") or [])]
            for f in forms:
                names_of[f] = (forms, [b["type"]])

        def ids_of(name: str) -> set[str]:
            forms, types = names_of.get(name, ([name], sorted(ORG_TYPES)))
            return match.ids(forms, types, doc)

        # bodies
        t = rep.tallies[(half, "bodies")]
        gold_ids: set[str] = set()
        for b in bodies:
            ids = match.ids([b["name"], *(b.get("aliases") or [])], [b["type"]], doc)
            t.gold += 1
            if ids:
                t.found += 1
                gold_ids |= ids
            else:
                rep.misses.append(f"{doc}: body {b['name']} [{b['type']}]")
        any_type = set()
        for b in bodies:
            any_type |= match.ids([b["name"], *(b.get("aliases") or [])], sorted(ORG_TYPES), doc)
        for n in match.nodes.values():
            if n.type in ORG_TYPES and doc in n.docs:
                t.predicted += 1
                if n.id in gold_ids:
                    t.correct += 1
                else:
                    why = "wrong type" if n.id in any_type else "not a body"
                    rep.wrong.append(f"{doc}: body {n.name} [{n.type}] ({why})")
        # aliases and keep-apart
        t = rep.tallies[(half, "aliases")]
        for b in bodies:
            for a in b.get("aliases") or []:
                t.gold += 1
                full = match.ids([b["name"]], [b["type"]], doc)
                short = match.ids([a], [b["type"]], doc)
                if full & short:
                    t.found += 1
                else:
                    rep.misses.append(f"{doc}: alias {a} = {b['name']}")
        t = rep.tallies[(half, "apart")]
        for a, b in g.get("apart") or []:
            t.gold += 1
            if not (ids_of(a) & ids_of(b)):
                t.found += 1
            else:
                rep.misses.append(f"{doc}: apart {a} ≠ {b} merged")
        # organisation relations
        for rel in ORG_RELATIONS:
            t = rep.tallies[(half, rel)]
            gold_rel = [r for r in g.get("relations") or [] if r.get("type") == rel]
            matched_edges: set[tuple[str, str, str]] = set()
            for r in gold_rel:
                t.gold += 1
                src, tgt = ids_of(r["source"]), ids_of(r["target"])
                hit = [e for e in edges[rel][doc]
                       if (e.source in src and e.target in tgt)
                       or (rel == "PARTNERS_WITH" and e.source in tgt and e.target in src)]
                if hit:
                    t.found += 1
                    matched_edges |= {e.key for e in hit}
                    want = r.get("role") if rel != "PARTNERS_WITH" else r.get("kind")
                    if want:
                        t.with_role += 1
                        got = {str(e.properties.get("role" if rel != "PARTNERS_WITH" else "kind", "")) for e in hit}
                        if want in got:
                            t.agree += 1
                else:
                    rep.misses.append(f"{doc}: {r['source']} -{rel}-> {r['target']}")
            for e in edges[rel][doc]:
                t.predicted += 1
                if e.key in matched_edges:
                    t.correct += 1
                else:
                    s, o = match.nodes[e.source], match.nodes[e.target]
                    rep.wrong.append(f"{doc}: {s.name} [{s.type}] -{rel}-> {o.name} [{o.type}]")
        _score_policy(doc, half, g, match, edges, rep)
    return rep


def _policy_ids(match: Matcher, p: dict[str, Any] | str, doc: str | None) -> set[str]:
    from ingest.policy_text import normalize_number

    forms: list[str] = []
    if isinstance(p, str):
        forms = [p]
    else:
        forms = [x for x in (p.get("number"), p.get("title")) if x]
    out: set[str] = set()
    for f in forms:
        f = T2S(f).strip("《》")
        out |= match.ids([f], ["Policy"], doc)
        num = normalize_number(f) if any(c.isdigit() for c in f) else None
        for n in match.nodes.values():
            if n.type != "Policy" or (doc is not None and doc not in n.docs):
                continue
            props = n.properties
            if num and num in {normalize_number(T2S(x)) for x in (props.get("number"), n.name, *n.aliases) if x}:
                out.add(n.id)
            elif not num and name_key(f) in {name_key(T2S(x)) for x in (props.get("title"), n.name, *n.aliases) if x}:
                out.add(n.id)
    return out


def _score_policy(doc: str, half: str, g: dict[str, Any], match: Matcher,
                  edges: dict[str, dict[str, list[Edge]]], rep: Report) -> None:
    policies = g.get("policies") or []
    t = rep.tallies[(half, "policy")]
    for p in policies:
        t.gold += 1
        if _policy_ids(match, p, doc):
            t.found += 1
        else:
            rep.misses.append(f"{doc}: policy {p.get('number') or ''} {p.get('title') or ''}".rstrip())
    for p in policies:
        pids = _policy_ids(match, p, doc)
        t = rep.tallies[(half, "ISSUED_BY")]
        for issuer in p.get("issuers") or []:
            t.gold += 1
            aids = match.ids([issuer], ["Agency"], None)
            if any(e.source in pids and e.target in aids for e in edges["ISSUED_BY"][doc]):
                t.found += 1
            else:
                rep.misses.append(f"{doc}: {p.get('number') or p.get('title')} -ISSUED_BY-> {issuer}")
        t = rep.tallies[(half, "IMPLEMENTS")]
        for cited in p.get("implements") or []:
            t.gold += 1
            cids = _policy_ids(match, cited, None)
            if any(e.source in pids and e.target in cids for e in edges["IMPLEMENTS"][doc]):
                t.found += 1
            else:
                rep.misses.append(f"{doc}: {p.get('number') or p.get('title')} -IMPLEMENTS-> {cited}")
    targets = [n for n in match.nodes.values() if n.type == "Target" and doc in n.docs]
    t = rep.tallies[(half, "target")]
    for tg in g.get("targets") or []:
        q = _num(tg.get("quantity"))
        if q is None:
            continue  # a target sentence without a number (经过5—10年…) is no quantified target
        t.gold += 1
        year = tg.get("year")
        ok = [n for n in targets
              if _num(n.properties.get("quantity")) == q
              and (not year or not n.properties.get("year") or int(n.properties["year"]) == int(year))]
        if ok:
            t.found += 1
        else:
            rep.misses.append(f"{doc}: target {year} {tg.get('text')}")
    measures = [n for n in match.nodes.values() if n.type == "Measure" and doc in n.docs]
    t = rep.tallies[(half, "measure")]
    tr = rep.tallies[(half, "RESPONSIBLE_FOR")]
    for ms in g.get("measures") or []:
        t.gold += 1
        frag = name_key(T2S(ms.get("text", "")))
        ok = [n for n in measures
              if frag and (frag in name_key(T2S(n.name)) or frag in name_key(T2S(str(n.properties.get("text", "")))))]
        if ok:
            t.found += 1
        else:
            rep.misses.append(f"{doc}: measure {ms.get('text')}")
        mids = {n.id for n in ok}
        for r in ms.get("responsible") or []:
            tr.gold += 1
            aids = match.ids([r["name"]], ["Agency"], None)
            hit = [e for e in edges["RESPONSIBLE_FOR"][doc] if e.source in aids and e.target in mids]
            if hit:
                tr.found += 1
                if r.get("role"):
                    tr.with_role += 1
                    if r["role"] in {str(e.properties.get("role", "")) for e in hit}:
                        tr.agree += 1
            else:
                rep.misses.append(f"{doc}: {r['name']} -RESPONSIBLE_FOR-> {ms.get('text')}")


def summary(rep: Report) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    parts = ["bodies", *ORG_RELATIONS, "aliases", "apart", *POLICY_PARTS]
    for half, members in GROUPS.items():
        rows: dict[str, Any] = {}
        rel_total, pol_total = Tally(), Tally()
        for part in parts:
            t = Tally()
            for (h, p), v in rep.tallies.items():
                if p == part and h in members:
                    t.add(v)
            rows[part] = t.to_dict()
            if part in ORG_RELATIONS:
                rel_total.add(t)
            if part in POLICY_PARTS:
                pol_total.add(t)
        rows["relations"] = rel_total.to_dict()
        rows["policy facts"] = pol_total.to_dict()
        out[half] = rows
    return out


def _f(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.3f}"


def format_summary(s: dict[str, dict[str, Any]], halves: tuple[str, ...] = ("odd", "e2", "e0", "all")) -> str:
    lines = [f"{'':16}" + "".join(f"{h:>30}" for h in halves),
             f"{'':16}" + "".join(f"{'gold found  R     P   role':>30}" for _ in halves)]
    for part in next(iter(s.values())):
        cells = []
        for h in halves:
            d = s[h][part]
            role = f"{d['agree'] / d['with_role']:.2f}" if d["with_role"] else "  - "
            cells.append(f"{d['gold']:>8}{d['found']:>6}  {_f(d['recall'])} {_f(d['precision'])} {role:>5}")
        lines.append(f"{part:16}" + "".join(f"{c:>30}" for c in cells))
    return "\n".join(lines)


def build_store(tmp: str, with_seed: bool = False) -> GraphStore:
    from graph.networkx_store import NetworkxStore
    from ingest.pipeline import ingest_paths

    store = NetworkxStore(tmp)
    paths = sorted(CORPUS.glob("*.txt"))
    if with_seed:
        paths = sorted((ROOT / "data" / "corpus").glob("*.txt")) + paths
    report = ingest_paths(paths, store, commit=False)
    for path, reason in report.skipped:
        print(f"eval_dev: skipped {path}: {reason}", file=sys.stderr)
    return store


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", help="score an existing store folder instead of ingesting data/corpus-dev")
    ap.add_argument("--half", choices=tuple(GROUPS), default="dev",
                    help="which pages to list misses for (the table always shows both halves)")
    ap.add_argument("--with-seed", action="store_true", help="ingest the sample corpus too")
    ap.add_argument("--misses", action="store_true", help="list misses and wrong predictions")
    ap.add_argument("--doc", action="append", help="only this page (stem prefix, e.g. 007); repeatable")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--checkpoint", action="store_true",
                    help="also show the unseen pages (e8, and the even / e0 / all unions holding them)")
    args = ap.parse_args(argv)
    if not args.checkpoint and (set(GROUPS[args.half]) - set(GROUPS["dev"])):
        ap.error(f"--half {args.half} holds unseen pages (e8): misses for them only with --checkpoint")
    gold = load_gold()
    if not gold:
        print("eval_dev: no gold files in tests/data/dev_gold", file=sys.stderr)
        return 1
    docs = None
    if args.doc:
        docs = {d for d in gold if any(d.startswith(p) for p in args.doc)}
    with tempfile.TemporaryDirectory() as tmp:
        if args.store:
            from graph.networkx_store import NetworkxStore
            store: GraphStore = NetworkxStore(args.store)
        else:
            store = build_store(tmp, args.with_seed)
        rep = score(store, gold, docs)
    s = summary(rep)
    if not args.checkpoint:
        s = {h: v for h, v in s.items() if set(GROUPS[h]) <= set(GROUPS["dev"])}
        rep.misses = [m for m in rep.misses if quarter_of(m) in GROUPS["dev"]]
        rep.wrong = [w for w in rep.wrong if quarter_of(w) in GROUPS["dev"]]
    if args.json:
        print(json.dumps({"summary": s, "misses": rep.misses, "wrong": rep.wrong}, ensure_ascii=False, indent=1))
        return 0
    print(f"pages annotated: {len(gold)} (odd {sum(half_of(d) == 'odd' for d in gold)}, "
          f"even {sum(half_of(d) == 'even' for d in gold)}: e2 {sum(quarter_of(d) == 'e2' for d in gold)}, "
          f"e4 {sum(quarter_of(d) == 'e4' for d in gold)}, e8 {sum(quarter_of(d) == 'e8' for d in gold)})")
    if args.checkpoint:
        print(format_summary(s, ("odd", "even", "all")))
        print()
        print(format_summary(s, ("odd", "e2", "e0")))
        print()
        print(format_summary(s, ("dev", "e4", "e8")))
    else:  # the unseen pages (e8) are scored only at checkpoints
        print(format_summary(s, ("odd", "e2", "e4", "dev")))
    if args.misses:
        def keep(x: str) -> bool:
            return quarter_of(x) in GROUPS[args.half]
        print(f"\nmisses ({sum(keep(m) for m in rep.misses)}):")
        print("\n".join(f"  {m}" for m in rep.misses if keep(m)))
        print(f"\nwrong ({sum(keep(w) for w in rep.wrong)}):")
        print("\n".join(f"  {w}" for w in rep.wrong if keep(w)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
