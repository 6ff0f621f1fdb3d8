"""Generalisation, second held-out set: organisation extraction on twelve invented pages.

tests/data/unseen/orgs/heldout2/ was written after every page of the development corpus had
been read while writing rules, so it is the only text left that no rule was written on: group
foundings, a council meeting, school–enterprise signings, two provincial list tables (tab cells
and one cell per line), a school's annual report, two web pages with furniture, a Traditional
page and an English page, from eleven provinces. The answers (expected.json) were written by
hand before anything was scored.

The documents are split in two halves (``_about._halves``). The develop half is asserted: no
name outside the answers but the documented ``known_wrong_names``, recall of names, relations and
aliases at least the first score (``_about.first_score_counts``), and every figure at least the
floors reached by the rules written on it (``DEVELOP_FLOORS``). The holdout half is
only measured and printed (``pytest -s``), so that it stays a measure of generalisation until a
checkpoint; nothing may be fitted to it.

Scoring follows the pipeline up to node resolution: every registered extractor runs on the
document as read (Traditional text converted, furniture blanked), mentions are place-qualified
and the document's short forms applied (``ingest.pipeline.qualify_mentions`` / ``apply_aliases``),
and a name counts by the form it is resolved by. A short form named in the answers counts as its
body for names and relations (as scripts/eval_dev.py matches any alias); whether it was merged
with its full name is scored separately as ``aliases``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.extractors import load_extractors
from ingest.model import Extraction
from ingest.pipeline import apply_aliases, qualify_mentions
from ingest.readers import read_document
from ingest.resolve import full_name

FOLDER = Path(__file__).resolve().parent / "data" / "unseen" / "orgs" / "heldout2"
GOLD = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))
ABOUT = GOLD["_about"]
HALVES: dict[str, list[str]] = ABOUT["_halves"]
DOCS = sorted(n for n in GOLD if n.endswith(".txt"))
ORG_TYPES = frozenset({"School", "Enterprise", "Agency", "Group", "Association", "Institute"})
RELATIONS = frozenset({"LEADS", "MEMBER_OF", "PARTNERS_WITH"})


def _relation(rel: str, a: str, b: str) -> tuple[str, str, str]:
    return (rel, *sorted((a, b))) if rel == "PARTNERS_WITH" else (rel, a, b)


class _Forms:
    """Union of names the extraction says are one body (its aliases, a mention's surface and
    the name it resolves by)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        while self.parent.get(x, x) != x:
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


def _extract(name: str):
    doc = read_document(FOLDER / name)
    ex = Extraction()
    for _, fn in load_extractors():
        ex.extend(fn(doc))
    named = [*ex.mentions, *(m for f in ex.facts for m in (f.source, f.target))]
    qualify_mentions(doc, named)
    apply_aliases(named, ex.aliases)
    gold = GOLD[name]
    short = {s: f for s, f in gold.get("aliases", [])}

    def canon(m) -> str:
        n = full_name(m)
        return short.get(n, n)

    orgs = {(canon(m), m.type) for m in named if m.type in ORG_TYPES}
    rels = {_relation(f.type, canon(f.source), canon(f.target)) for f in ex.facts
            if f.type in RELATIONS and f.source.type in ORG_TYPES and f.target.type in ORG_TYPES}
    forms = _Forms()
    for a in ex.aliases:
        if a.short and a.full:
            forms.union(a.short.strip(), a.full.strip())
    for m in named:
        if m.type in ORG_TYPES:
            forms.union(m.name, full_name(m))
    merged = {(s, f) for s, f in gold.get("aliases", []) if forms.find(s) == forms.find(f)}
    return orgs, rels, merged


@pytest.fixture(scope="module")
def results():
    return {name: _extract(name) for name in DOCS}


def _ratio(hit: int, n: int) -> float:
    return hit / n if n else 1.0


def score(results, docs):
    """Micro-averaged names P/R, relations P/R, aliases merged, over ``docs``; and the lines
    that say what each document missed and added."""
    t = dict.fromkeys(("nf", "ng", "nh", "rf", "rg", "rh", "ag", "ah"), 0)
    lines = []
    for name in docs:
        orgs, rels, merged = results[name]
        gold = GOLD[name]
        g_orgs = set(gold["orgs"].items())
        g_rels = {_relation(*r) for r in gold["relations"]}
        g_alias = {tuple(a) for a in gold.get("aliases", [])}
        t["nf"] += len(orgs); t["ng"] += len(g_orgs); t["nh"] += len(orgs & g_orgs)
        t["rf"] += len(rels); t["rg"] += len(g_rels); t["rh"] += len(rels & g_rels)
        t["ag"] += len(g_alias); t["ah"] += len(merged)
        lines.append(f"{name}: names {len(orgs & g_orgs)}/{len(g_orgs)} (+{len(orgs - g_orgs)} wrong), "
                     f"relations {len(rels & g_rels)}/{len(g_rels)} (+{len(rels - g_rels)} wrong), "
                     f"aliases {len(merged)}/{len(g_alias)}")
        lines += [f"    missed name {x}" for x in sorted(g_orgs - orgs)]
        lines += [f"    wrong name  {x}" for x in sorted(orgs - g_orgs)]
        lines += [f"    missed rel  {x}" for x in sorted(g_rels - rels)]
        lines += [f"    wrong rel   {x}" for x in sorted(rels - g_rels)]
        lines += [f"    unmerged    {x}" for x in sorted(g_alias - merged)]
    s = {"names_P": _ratio(t["nh"], t["nf"]), "names_R": _ratio(t["nh"], t["ng"]),
         "relations_P": _ratio(t["rh"], t["rf"]), "relations_R": _ratio(t["rh"], t["rg"]),
         "aliases": _ratio(t["ah"], t["ag"])}
    return s, lines


def _fmt(s) -> str:
    return "  ".join(f"{k} {v:.2f}" for k, v in s.items())


def test_halves_split_the_documents():
    assert sorted(HALVES["develop"] + HALVES["holdout"]) == DOCS
    assert HALVES["develop"] == DOCS[:6] and HALVES["holdout"] == DOCS[6:]


@pytest.mark.parametrize("name", HALVES["develop"])
def test_develop_names_have_no_junk(name, results):
    """No name (or type) outside the answers in the develop half, but for the documented misses."""
    orgs, _, _ = results[name]
    gold = GOLD[name]["orgs"]
    known = GOLD[name].get("known_wrong_names", {})
    assert {n: t for n, t in orgs if gold.get(n) != t and n not in known} == {}


# The develop half after the first round of rules written on it (checkpoint 1, see _about): the
# floors it may not fall below ("hit/total", exact). The first score stays recorded in _about.
DEVELOP_FLOORS = {"names_P": "66/66", "names_R": "66/66", "relations_P": "45/45", "relations_R": "45/45",
                  "aliases": "9/9"}


def test_develop_half_keeps_its_first_score(results):
    s, lines = score(results, HALVES["develop"])
    print("\ndevelop half: " + _fmt(s) + "\n" + "\n".join(lines))
    first = ABOUT["first_score_counts"]["develop"]  # "hit/total", exact (first_score is rounded)
    for key in ("names_R", "relations_R", "aliases"):
        hit, total = map(int, first[key].split("/"))
        assert s[key] >= hit / total - 1e-9, (key, s[key], first[key])
    for key, floor in DEVELOP_FLOORS.items():
        hit, total = map(int, floor.split("/"))
        assert s[key] >= hit / total - 1e-9, (key, s[key], floor)


def test_holdout_half_is_measured_only(results):
    """Printed, never asserted on its figures until a checkpoint (see _about)."""
    s, lines = score(results, HALVES["holdout"])
    print("\nholdout half (measured, not asserted): " + _fmt(s) + "\n" + "\n".join(lines))
    assert set(s) == {"names_P", "names_R", "relations_P", "relations_R", "aliases"}
