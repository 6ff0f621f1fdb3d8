"""Evaluate question answering against a gold file of questions with expected answers.

Each line of the JSONL file: ``{"id", "question", "kind", "lang", "expected": [names],
"forbidden": [names], "expect_empty": bool}``. An answer matches an expected name when their
match keys are equal or one contains the other (entity resolution may keep 星河汽车公司 where
the gold says 星河汽车有限公司 — the gold lists the forms it accepts).

A question is a hit at k when an expected name is in the top k answers and no forbidden name
appears anywhere in the answers; a question expecting nothing is a hit when there is no answer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from graph.errors import InputError
from search.graphview import match_key


def load_questions(path: str | Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise InputError(str(path), f"line {n}: not JSON ({exc})") from exc
        if "question" not in row or not (row.get("expected") or row.get("expect_empty") or row.get("forbidden")):
            raise InputError(str(path), f"line {n}: needs a question and expected, forbidden or expect_empty")
        rows.append(row)
    return rows


def names_match(answer: str, gold: str) -> bool:
    a, g = match_key(answer), match_key(gold)
    return a == g or (min(len(a), len(g)) >= 4 and (a in g or g in a))


def score_question(row: dict[str, Any], answers: list[dict[str, Any]]) -> dict[str, Any]:
    """hit@1, hit@5, reciprocal rank and the reason of a failure for one question."""
    names = [a["name"] for a in answers]
    forbidden = [n for n in names if any(names_match(n, f) for f in row.get("forbidden", []))]
    if row.get("expect_empty"):
        ok = not names
        return {"hit1": ok, "hit5": ok, "rr": 1.0 if ok else 0.0,
                "why": "" if ok else f"expected no answer, got {names[:3]}"}
    rank = next((i for i, n in enumerate(names, 1) if any(names_match(n, g) for g in row.get("expected", []))), None)
    if not row.get("expected"):  # only forbidden names: a hit when none shows up
        ok = not forbidden
        return {"hit1": ok, "hit5": ok, "rr": 1.0 if ok else 0.0,
                "why": "" if ok else f"forbidden answers {forbidden}"}
    if forbidden:
        return {"hit1": False, "hit5": False, "rr": 0.0, "why": f"forbidden answers {forbidden}"}
    if rank is None:
        return {"hit1": False, "hit5": False, "rr": 0.0, "why": f"expected {row['expected'][:2]}, got {names[:3]}"}
    return {"hit1": rank == 1, "hit5": rank <= 5, "rr": 1.0 / rank,
            "why": "" if rank <= 5 else f"first expected answer at rank {rank}"}


def evaluate(ask: Callable[[str], dict[str, Any]], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Run ``ask`` on every question; overall hit@1, hit@5, MRR and per-question results."""
    results = []
    for row in rows:
        out = ask(row["question"])
        s = score_question(row, out["answers"])
        results.append({"id": row.get("id"), "question": row["question"], "kind": row.get("kind"),
                        **s, "answers": [a["name"] for a in out["answers"][:5]],
                        "interpretation": out["interpretation"]})
    n = max(len(results), 1)
    return {"questions": len(results),
            "hit@1": round(sum(r["hit1"] for r in results) / n, 3),
            "hit@5": round(sum(r["hit5"] for r in results) / n, 3),
            "mrr": round(sum(r["rr"] for r in results) / n, 3),
            "results": results}
