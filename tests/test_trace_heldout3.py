"""``trace`` on the heldout3 policy documents (tests/data/unseen/policy/heldout3), ingested by the
pipeline (page cleaning included): a notice shows the plan it issues with that plan's lineage,
targets and measures with departments; a cited policy shows who implements it; a number read
from the page's metadata row finds its policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.networkx_store import NetworkxStore
from ingest.pipeline import ingest_paths
from search.trace import trace_trees

HELDOUT3 = Path(__file__).resolve().parent / "data" / "unseen" / "policy" / "heldout3"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = NetworkxStore(str(tmp_path_factory.mktemp("h3")))
    ingest_paths(sorted(HELDOUT3.glob("*.txt")), s, commit=False)
    return s


def _children(tree, label):
    return [c for c in tree.children if c.label == label]


def _measures(tree):
    for c in tree.children:
        if c.label == "measure":
            yield c
        elif c.label == "list":
            yield from _measures(c)


def test_a_notice_shows_the_plan_it_issues_with_lineage_targets_and_departments(store):
    _, [tree] = trace_trees(store, "国办函[2032]21号")
    assert [a.node.name for a in _children(tree, "issued by")] == ["国务院办公厅"]
    [plan] = _children(tree, "issues")
    assert [p.node.properties.get("number") for p in _children(plan, "implements")] == ["国发〔2031〕11号"]
    assert len(_children(plan, "target")) == 3
    measures = {m.node.properties.get("text", m.node.name)[:8]: {c.node.name for c in m.children} for m in _measures(plan)}
    assert len(measures) == 5
    first = next(v for k, v in measures.items() if k.startswith("面向重点群体"))
    assert first == {"人力资源社会保障部", "教育部", "财政部", "农业农村部"}


def test_a_cited_policy_shows_who_implements_it(store):
    _, [tree] = trace_trees(store, "国发〔2031〕11号")
    assert [c.node.name for c in _children(tree, "implemented by")] == ["职业技能提升重点任务分工方案"]


def test_the_number_of_a_metadata_row_finds_the_city_opinion(store):
    _, [tree] = trace_trees(store, "临政办发〔2032〕7号")
    assert tree.node.properties.get("title") == "临川市人民政府办公室关于深化产教融合的实施意见"
    assert [p.node.properties.get("number") for p in _children(tree, "implements")] == ["北政办发〔2031〕18号"]
    assert len(_children(tree, "target")) == 3 and len(list(_measures(tree))) == 5
