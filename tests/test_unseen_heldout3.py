"""Generalisation, third held-out set: organisation extraction on twelve more invented pages.

tests/data/unseen/orgs/heldout3/ holds twelve pages from twelve provinces and regions that
heldout2 did not use (Heilongjiang, Jiangsu, Hebei, Fujian, Hunan, Xinjiang; Jilin, Guizhou,
Gansu, Hainan, Shanxi, Inner Mongolia), in the same shapes: group foundings, a council meeting
with attendees who are not members, school–enterprise signings and an industry college, a tab
list table and a one-cell-per-line list, an annual report, two web pages with furniture, a
Traditional page and an English page. The answers (expected.json) and the questions were written
by hand and committed before anything was run on them.

Scoring is heldout2's (tests/test_unseen_heldout2.py: every registered extractor, then
``qualify_mentions`` and ``apply_aliases``; a short form named in the answers counts as its
body), run on this folder. The develop half (c01–c06) is asserted at its first score
(``_about.first_score_counts``, the floors) with its documented ``known_wrong_names``; the holdout
half (d01–d06) is only measured and printed (``pytest -s``) until a checkpoint.

First score, 2026-12-03, main at f8984f4 (``_about.first_score_note``):
develop names P 60/61 R 60/62, relations P 40/40 R 40/41, aliases 12/12 (the floors);
holdout names P 60/64 R 60/63, relations P 36/38 R 36/44, aliases 6/7 (printed only).
"""

from __future__ import annotations

import json
import re
import types
from pathlib import Path

import pytest

import test_unseen_heldout2 as h2

FOLDER = Path(__file__).resolve().parent / "data" / "unseen" / "orgs" / "heldout3"
GOLD = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))
ABOUT = GOLD["_about"]
HALVES: dict[str, list[str]] = ABOUT["_halves"]
DOCS = sorted(n for n in GOLD if n.endswith(".txt"))


def _on_this_folder(fn):
    """heldout2's function with this folder and these answers in place of its own (its module
    is left untouched)."""
    return types.FunctionType(fn.__code__, {**fn.__globals__, "FOLDER": FOLDER, "GOLD": GOLD},
                              fn.__name__, fn.__defaults__, fn.__closure__)


_extract = _on_this_folder(h2._extract)
score = _on_this_folder(h2.score)

_LINE = re.compile(r"names (\d+)/(\d+) \(\+(\d+) wrong\), relations (\d+)/(\d+) \(\+(\d+) wrong\), "
                   r"aliases (\d+)/(\d+)$")


def counts(lines) -> dict[str, str]:
    """The figures of ``score`` as exact "hit/total" strings, summed from its per-document lines."""
    t = [0] * 8
    for line in lines:
        m = _LINE.search(line)
        if m:
            t = [a + int(b) for a, b in zip(t, m.groups())]
    nh, ng, nw, rh, rg, rw, ah, ag = t
    return {"names_P": f"{nh}/{nh + nw}", "names_R": f"{nh}/{ng}", "relations_P": f"{rh}/{rh + rw}",
            "relations_R": f"{rh}/{rg}", "aliases": f"{ah}/{ag}"}


@pytest.fixture(scope="module")
def results():
    return {name: _extract(name) for name in DOCS}


def test_halves_split_the_documents():
    assert sorted(HALVES["develop"] + HALVES["holdout"]) == DOCS
    assert HALVES["develop"] == DOCS[:6] and HALVES["holdout"] == DOCS[6:]
    assert all(n.startswith("c") for n in HALVES["develop"]) and all(n.startswith("d") for n in HALVES["holdout"])


def test_questions_point_at_the_pages():
    rows = [json.loads(x) for x in (FOLDER / "questions.jsonl").read_text(encoding="utf-8").splitlines() if x]
    assert len(rows) == 24 and len({r["id"] for r in rows}) == 24
    for r in rows:
        assert r["doc"] + ".txt" in GOLD and r["id"] == "h3" + r["doc"][:1] + r["id"][3:]
        assert r["expect_empty"] == (not r["expected"])


# No name (or type) outside the answers in the develop half, but for the documented misses.
test_develop_names_have_no_junk = pytest.mark.parametrize("name", HALVES["develop"])(
    _on_this_folder(h2.test_develop_names_have_no_junk))


def test_develop_half_keeps_its_first_score(results):
    s, lines = score(results, HALVES["develop"])
    print("\ndevelop half: " + h2._fmt(s) + "  " + str(counts(lines)) + "\n" + "\n".join(lines))
    for key, floor in ABOUT["first_score_counts"]["develop"].items():
        hit, total = map(int, floor.split("/"))
        assert s[key] >= (hit / total if total else 1.0) - 1e-9, (key, s[key], floor)


# The develop half after issue 9's round two (tests/test_issue9_orgs2.py): the floors it may not fall
# below ("hit/total", exact); the first score stays recorded in _about.
DEVELOP_FLOORS = {"names_P": "62/62", "names_R": "62/62", "relations_P": "41/41", "relations_R": "41/41",
                  "aliases": "12/12"}


def test_develop_half_keeps_its_round_two_score(results):
    s, lines = score(results, HALVES["develop"])
    got = counts(lines)
    for key, floor in DEVELOP_FLOORS.items():
        hit, total = map(int, floor.split("/"))
        assert s[key] >= hit / total - 1e-9, (key, got[key], floor)


def test_holdout_half_is_measured_only(results):
    """Printed, never asserted on its figures until a checkpoint (see _about)."""
    s, lines = score(results, HALVES["holdout"])
    print("\nholdout half (measured, not asserted): " + h2._fmt(s) + "  " + str(counts(lines)) + "\n"
          + "\n".join(lines))
    assert set(s) == {"names_P", "names_R", "relations_P", "relations_R", "aliases"}
