"""Policy extraction on policy documents written for testing, unlike the seeds in their
issuers, number formats, dates, numbering schemes and task-table shapes
(tests/data/unseen/policy/*.txt, expected facts written by hand in expected.jsonl).

Facts are compared by (type, source, target) with names normalised by ``name_key``; a
measure name cut with … matches the expected text it starts. Run with ``-s`` to see the
precision and recall per relation.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from graph.normalize import name_key
from ingest import policy, tasks
from ingest.model import Document
from ingest.policy_segments import segment_policies

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen" / "policy"
RELATIONS = ("ISSUED_BY", "IMPLEMENTS", "HAS_TARGET", "HAS_MEASURE", "RESPONSIBLE_FOR")


def _expected() -> tuple[dict[str, list[dict]], dict[str, set[tuple[str, str, str]]]]:
    headers: dict[str, list[dict]] = defaultdict(list)
    facts: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for line in (UNSEEN / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if "policy" in row:
            headers[row["doc"]].append(row)
        else:
            facts[row["doc"]].add((row["type"], row["source"], row["target"]))
    return headers, facts


HEADERS, FACTS = _expected()
DOCS = sorted(FACTS)


def _doc(name: str) -> Document:
    return Document(name, f"{name}.txt", (UNSEEN / f"{name}.txt").read_text(encoding="utf-8"))


def _key(name: str) -> str:
    return name_key(name.rstrip("…"))


def _same(found: tuple[str, str, str], want: tuple[str, str, str]) -> bool:
    if found[0] != want[0] or _key(found[1]) != _key(want[1]):
        return False
    if found[2].endswith("…"):  # a long measure named by its first 60 characters
        return _key(want[2]).startswith(_key(found[2]))
    return _key(found[2]) == _key(want[2])


def extracted(name: str) -> set[tuple[str, str, str]]:
    doc = _doc(name)
    out = policy.extract(doc)
    out.extend(tasks.extract(doc))
    return {(f.type, f.source.name, f.target.name) for f in out.facts if f.type in RELATIONS}


def score() -> dict[str, dict[str, float]]:
    """Precision and recall per relation and overall, over all unseen documents."""
    tp_p, n_p, tp_r, n_r = (defaultdict(int) for _ in range(4))
    for name in DOCS:
        found, gold = extracted(name), FACTS[name]
        for f in found:
            n_p[f[0]] += 1
            tp_p[f[0]] += any(_same(f, g) for g in gold)
        for g in gold:
            n_r[g[0]] += 1
            tp_r[g[0]] += any(_same(f, g) for f in found)
    result = {}
    for rel in (*RELATIONS, "all"):
        rels = RELATIONS if rel == "all" else (rel,)
        p = sum(tp_p[r] for r in rels) / max(1, sum(n_p[r] for r in rels))
        r = sum(tp_r[r] for r in rels) / max(1, sum(n_r[r] for r in rels))
        result[rel] = {"precision": round(p, 3), "recall": round(r, 3)}
    return result


def test_unseen_precision_and_recall():
    result = score()
    for rel, pr in result.items():
        print(f"{rel:16} P={pr['precision']:.3f} R={pr['recall']:.3f}")
    assert result["all"]["precision"] >= 0.95 and result["all"]["recall"] >= 0.95, result


@pytest.mark.parametrize("name", DOCS)
def test_unseen_facts(name):
    found, gold = extracted(name), FACTS[name]
    missing = sorted(g for g in gold if not any(_same(f, g) for f in found))
    wrong = sorted(f for f in found if not any(_same(f, g) for g in gold))
    assert not missing and not wrong, {"missing": missing, "wrong": wrong}


@pytest.mark.parametrize("name", DOCS)
def test_unseen_policy_headers(name):
    text = _doc(name).text
    got = {name_key(s.number or ""): s for s in segment_policies(text)}
    for want in HEADERS[name]:
        seg = got.get(name_key(want["policy"]))
        assert seg is not None, (want["policy"], list(got))
        assert (seg.title, "、".join(n for n, _, _ in seg.issuers), seg.date) == (want["title"], want["issuer"], want["date"])


@pytest.mark.parametrize("name", DOCS)
def test_unseen_measure_counts(name):
    """One measure per numbered task: a task list restating the body's tasks adds no second one."""
    want: dict[str, set[str]] = defaultdict(set)
    for t, s, o in FACTS[name]:
        if t == "HAS_MEASURE":
            want[_key(s)].add(_key(o))
    doc = _doc(name)
    keys: dict[str, set[str]] = defaultdict(set)
    for f in tasks.extract(doc).facts:
        if f.type == "HAS_MEASURE":
            keys[_key(f.source.name)].add(f.target.properties["key"])
    assert {p: len(k) for p, k in keys.items()} == {p: len(m) for p, m in want.items()}
