"""Scoring policy extraction on a folder of invented policy documents with hand-written facts
(``expected.jsonl``: header rows ``{"doc", "policy", "title", "issuer", "date"}`` and fact rows
``{"doc", "type", "source", "target"}``, targets with ``year`` and ``quantity``, departments
with ``role``). Used by tests/test_policy_heldout2.py; ``python -m tests.policy_facts FOLDER``
prints the table and the misses.

Matching: policies by their normalised number (brackets, 號/号, a doubled 号 do not matter) or
title key; agencies by ``name_key``; a target by its policy, year and quantity and a wording
that overlaps the expected fragment; a measure by the expected fragment of its heading.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.normalize import name_key
from ingest import policy, tasks
from ingest.model import Document
from ingest.policy_text import bigram_dice, find_numbers, normalize_number

RELATIONS = ("ISSUED_BY", "IMPLEMENTS", "HAS_TARGET", "HAS_MEASURE", "RESPONSIBLE_FOR")


def load(folder: Path) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    headers: dict[str, list[dict]] = defaultdict(list)
    facts: dict[str, list[dict]] = defaultdict(list)
    for line in (folder / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            (headers if "policy" in row else facts)[row["doc"]].append(row)
    return headers, facts


def doc(folder: Path, name: str) -> Document:
    return Document(name, f"{name}.txt", (folder / f"{name}.txt").read_text(encoding="utf-8"))


def pkey(name: str) -> str:
    """A policy's key: its normalised number when the name is a number, else its title key."""
    nums = find_numbers(name.replace("號", "号"))
    if nums and len(name_key(nums[0][0])) >= len(name_key(name)) - 1:
        return normalize_number(nums[0][0])
    return name_key(name.rstrip("…"))


@dataclass
class Found:
    type: str
    source: str
    target: str
    tprops: dict[str, Any]
    props: dict[str, Any]


def extracted(d: Document) -> list[Found]:
    out = policy.extract(d)
    out.extend(tasks.extract(d))
    return [Found(f.type, f.source.name, f.target.name, dict(f.target.properties), dict(f.properties))
            for f in out.facts if f.type in RELATIONS]


def _measure_ok(found_name: str, found_props: dict[str, Any], fragment: str) -> bool:
    frag = name_key(fragment)
    names = [name_key(found_name.rstrip("…")), name_key(str(found_props.get("text", "")))]
    return any(frag and (frag in n or (found_name.endswith("…") and frag.startswith(n))) for n in names if n)


def _num(x: Any) -> float | None:
    try:
        return float(str(x).rstrip("%"))
    except ValueError:
        return None


def same(f: Found, g: dict) -> bool:
    if f.type != g["type"]:
        return False
    t = g["type"]
    if t in ("ISSUED_BY", "IMPLEMENTS", "HAS_TARGET", "HAS_MEASURE") and pkey(f.source) != pkey(g["source"]):
        return False
    if t == "ISSUED_BY":
        return name_key(f.target) == name_key(g["target"])
    if t == "IMPLEMENTS":
        return pkey(f.target) == pkey(g["target"])
    if t == "HAS_TARGET":
        if _num(f.tprops.get("quantity")) != _num(g["quantity"]) or f.tprops.get("year") != g["year"]:
            return False
        a, b = name_key(str(f.tprops.get("text") or f.target)), name_key(g["target"])
        return b in a or a in b or bigram_dice(a, b) >= 0.5
    if t == "HAS_MEASURE":
        return _measure_ok(f.target, f.tprops, g["target"])
    if t == "RESPONSIBLE_FOR":
        return name_key(f.source) == name_key(g["source"]) and _measure_ok(f.target, f.tprops, g["target"])
    return False


def score(folder: Path) -> dict[str, Any]:
    """Per relation and overall: gold, found, predicted, correct, recall, precision, role
    agreement among the RESPONSIBLE_FOR found; and the misses and wrong facts."""
    _, facts = load(folder)
    tally: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses, wrong = [], []
    for name in sorted(facts):
        found, gold = extracted(doc(folder, name)), facts[name]
        for g in gold:
            t = tally[g["type"]]
            t["gold"] += 1
            hit = [f for f in found if same(f, g)]
            if hit:
                t["found"] += 1
                if g.get("role"):
                    t["with_role"] += 1
                    t["agree"] += any(f.props.get("role") == g["role"] for f in hit)
            else:
                misses.append(f"{name}: {g['type']} {g['source']} -> {g['target']}")
        for f in found:
            t = tally[f.type]
            t["predicted"] += 1
            if any(same(f, g) for g in gold):
                t["correct"] += 1
            else:
                wrong.append(f"{name}: {f.type} {f.source} -> {f.target}")
    rows: dict[str, dict[str, Any]] = {}
    total: dict[str, int] = defaultdict(int)
    for rel in RELATIONS:
        t = tally[rel]
        for k, v in t.items():
            total[k] += v
        rows[rel] = _row(t)
    rows["policy facts"] = _row(total)
    return {"rows": rows, "misses": misses, "wrong": wrong}


def _row(t: dict[str, int]) -> dict[str, Any]:
    return {"gold": t["gold"], "found": t["found"], "predicted": t["predicted"], "correct": t["correct"],
            "recall": t["found"] / t["gold"] if t["gold"] else None,
            "precision": t["correct"] / t["predicted"] if t["predicted"] else None,
            "role": t["agree"] / t["with_role"] if t["with_role"] else None}


def format_score(s: dict[str, Any]) -> str:
    f = lambda x: "  n/a" if x is None else f"{x:5.3f}"  # noqa: E731
    lines = [f"{'':16}{'gold':>6}{'found':>7}{'pred':>6}{'ok':>5}  recall  precision  role"]
    for rel, r in s["rows"].items():
        lines.append(f"{rel:16}{r['gold']:>6}{r['found']:>7}{r['predicted']:>6}{r['correct']:>5}  "
                     f"{f(r['recall'])}   {f(r['precision'])}    {f(r['role'])}")
    return "\n".join(lines)


def check_headers(folder: Path, name: str) -> None:
    """Assert that every header row of ``name`` is a policy segment with that title, issuers and date."""
    from ingest.policy_segments import segment_policies
    from ingest.policy_text import reading_view

    headers, _ = load(folder)
    segments = segment_policies(reading_view(doc(folder, name).text).text)
    for want in headers[name]:
        seg = next((s for s in segments if pkey(s.number or s.title or "") == pkey(want["policy"])), None)
        assert seg is not None, (want["policy"], [s.name for s in segments])
        assert name_key(seg.title or "") == name_key(want["title"])
        assert "、".join(n for n, _, _ in seg.issuers) == want["issuer"]
        assert seg.date == want["date"]


def check_score(folder: Path, recall: float, precision: float, role: float) -> None:
    """Assert the policy-facts and RESPONSIBLE_FOR figures of a folder reach these bounds."""
    result = score(folder)
    print(format_score(result))
    rows = result["rows"]
    assert rows["policy facts"]["recall"] >= recall, result["misses"]
    assert rows["RESPONSIBLE_FOR"]["recall"] >= recall, result["misses"]
    assert rows["policy facts"]["precision"] >= precision, result["wrong"]
    assert rows["RESPONSIBLE_FOR"]["role"] >= role


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "data/unseen/policy/heldout2")
    result = score(folder)
    print(format_score(result))
    print("\nmisses:\n  " + "\n  ".join(result["misses"]))
    print("\nwrong:\n  " + "\n  ".join(result["wrong"]))
