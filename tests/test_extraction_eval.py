"""Extraction quality against the gold facts (tests/data/gold_*.jsonl, docs/evaluation.md),
and the evaluator itself on a tiny hand-made store."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.networkx_store import NetworkxStore
from graph.schema import Edge, Evidence, Node, make_node_id

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def _load_eval():
    spec = importlib.util.spec_from_file_location("eval_extraction", ROOT / "scripts" / "eval_extraction.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["eval_extraction"] = mod  # dataclasses look their module up while being built
    spec.loader.exec_module(mod)
    return mod


ev = _load_eval()


def _gold_files() -> list[Path]:
    return ev.extraction_gold_files(DATA)


def _tiny_store(tmp_path) -> NetworkxStore:
    store = NetworkxStore(tmp_path)
    nodes = [Node(make_node_id(t, n), t, n, aliases=a) for t, n, a in [
        ("School", "辽宁职业学院", []), ("Group", "辽西北职业教育联盟", ["辽西北职教联盟"]),
        ("School", "铁岭师范高等专科学校", []), ("Group", "沈阳旅游职业教育集团", []),
        ("Enterprise", "辉山乳业集团", [])]]
    by_name = {n.name: n.id for n in nodes}
    store.upsert_many(nodes, [])

    def edge(s, t, rel, doc):
        return Edge(by_name[s], by_name[t], rel, evidence=[Evidence(doc, 0, 2, "xx")])

    store.upsert_many([], [
        edge("辽宁职业学院", "辽西北职业教育联盟", "LEADS", "000"),          # correct
        edge("铁岭师范高等专科学校", "辽西北职业教育联盟", "LEADS", "000"),  # false positive
        edge("辽宁职业学院", "辉山乳业集团", "PARTNERS_WITH", "000"),       # correct (symmetric)
        edge("铁岭师范高等专科学校", "沈阳旅游职业教育集团", "LEADS", "003"),  # outside the scopes
    ])
    return store


def test_evaluator_counts(tmp_path):
    gold = [
        ev.GoldFact("LEADS", "辽宁职业学院", "School", "辽西北职教联盟", "Group", "000"),
        ev.GoldFact("LEADS", "辽宁职业学院", "School", "沈阳旅游职业教育集团", "Group", "000"),  # missed
        ev.GoldFact("PARTNERS_WITH", "辉山乳业集团", "Enterprise", "辽宁职业学院", "School", "000"),
        ev.GoldFact("LEADS", "辽宁职业学院", "School", "辽西北职业教育联盟", "Group", "003"),  # wrong doc
    ]
    result = ev.evaluate(_tiny_store(tmp_path), gold, {("000", "LEADS"), ("000", "PARTNERS_WITH")})
    assert vars(result.overall) == {"gold": 4, "found": 2, "predicted": 3, "correct": 2}
    assert result.overall.scores()["recall"] == 0.5
    assert result.overall.scores()["precision"] == pytest.approx(2 / 3)
    assert result.false_positives == ["000: 铁岭师范高等专科学校 [School] -LEADS-> 辽西北职业教育联盟 [Group]"]
    assert len(result.misses) == 2
    assert result.by_type["PARTNERS_WITH"].scores()["f1"] == 1.0
    assert "overall" in ev.format_result(result)


@pytest.mark.parametrize("line, reason", [
    ('{"type": "LEADS", "source": "a"}', "missing"),
    ('{"type": "LEAD", "source": "a", "source_type": "School", "target": "b", "target_type": "Group", "doc": "d"}',
     "unknown relation"),
    ('{"type": "LEADS", "source": "a", "source_type": "Schol", "target": "b", "target_type": "Group", "doc": "d"}',
     "unknown node type"),
    ("not json", "invalid JSON"),
])
def test_bad_gold_lines_are_reported_with_file_and_line(tmp_path, line, reason):
    p = tmp_path / "gold_x.jsonl"
    p.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=reason) as info:
        ev.load_gold([p])
    assert "gold_x.jsonl:1" in str(info.value)


def test_gold_files_are_valid():
    facts = ev.load_gold(_gold_files())
    scopes = ev.load_scopes(DATA / "gold_scopes.jsonl")
    docs = {p.stem for p in (ROOT / "data" / "corpus").glob("*.txt")}
    assert {f.doc for f in facts} <= docs
    assert {d for d, _ in scopes} <= docs


@pytest.mark.slow
def test_extraction_quality_on_the_seed_corpus(seed_store):
    gold = ev.load_gold(_gold_files())
    scopes = ev.load_scopes(DATA / "gold_scopes.jsonl")
    assert len(gold) >= 150, f"only {len(gold)} gold facts in tests/data/gold_*.jsonl"
    assert scopes, "no exhaustively annotated scopes in tests/data/gold_scopes.jsonl"
    result = ev.evaluate(seed_store, gold, scopes)
    scores = result.overall.scores()
    report = ev.format_result(result, max_items=30)
    assert scores["recall"] >= 0.9, report
    assert scores["precision"] is not None and scores["precision"] >= 0.9, report


def test_script_runs_on_a_store(tmp_path, capsys):
    _tiny_store(tmp_path / "s").commit()
    gold = tmp_path / "gold_t.jsonl"
    gold.write_text(json.dumps({"type": "LEADS", "source": "辽宁职业学院", "source_type": "School",
                                "target": "辽西北职教联盟", "target_type": "Group", "doc": "000"},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    scopes = tmp_path / "scopes.jsonl"
    scopes.write_text('{"doc": "000", "type": "LEADS"}\n', encoding="utf-8")
    assert ev.main(["--store", str(tmp_path / "s"), "--gold", str(gold), "--scopes", str(scopes), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["recall"] == 1.0 and out["precision"] == 0.5
