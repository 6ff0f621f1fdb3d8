"""Tracing over the seed corpus together with the unseen policy documents
(tests/data/unseen/policy): every policy keeps its own targets and measures, a notice reaches
the plan it issues, and the links inferred for the unseen plans are the right ones."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from graph.networkx_store import NetworkxStore
from ingest.pipeline import ingest_paths
from search.trace import render, trace

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen" / "policy"


@pytest.fixture(scope="module")
def mixed_store(tmp_path_factory, corpus_files) -> NetworkxStore:
    store = NetworkxStore(tmp_path_factory.mktemp("mixed-store"))
    ingest_paths([*corpus_files, *sorted(UNSEEN.glob("*.txt"))], store)
    return store


def _expected_measures() -> dict[str, int]:
    counts: dict[str, set[str]] = defaultdict(set)
    for line in (UNSEEN / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("type") == "HAS_MEASURE":
            counts[row["source"]].add(row["target"])
    return {p: len(m) for p, m in counts.items()}


def test_no_measure_or_target_is_shared_by_two_policies(mixed_store):
    owners: dict[str, set[str]] = defaultdict(set)
    for policy in mixed_store.iter_nodes("Policy"):
        for e in mixed_store.out_edges(policy.id):
            if e.type in ("HAS_MEASURE", "HAS_TARGET"):
                owners[e.target].add(policy.id)
    shared = {mixed_store.get_node(k).name: v for k, v in owners.items() if len(v) > 1}
    assert not shared


@pytest.mark.parametrize("policy, count", sorted(_expected_measures().items()))
def test_each_unseen_policy_traces_to_its_own_measures(mixed_store, policy, count):
    out = trace(mixed_store, policy)
    assert out["matches"][0]["name"] in (policy, mixed_store.get_node(out["matches"][0]["id"]).name)
    # Its own measures (a notice that forwards another policy shows that one's measures too).
    own = {e["target"] for e in out["edges"] if e["type"] == "HAS_MEASURE" and e["source"] == out["matches"][0]["id"]}
    assert len(own) == count


def test_a_notice_traces_down_to_the_plan_it_issues_and_a_measure_up_to_the_notice(mixed_store):
    down = render(mixed_store, "松教办发〔2022〕3号")
    assert "issues: Policy 松阳县中等职业教育“双优”建设工作方案" in down
    assert "Measure ② 推行现代学徒制" in down  # circled numbers keep their mark and order
    up = trace(mixed_store, "加大经费投入", direction="up")
    numbers = {mixed_store.get_node(n["id"]).properties.get("number") for n in up["nodes"]}
    assert {"松教办发[2022]3号", "白政发〔2023〕5号"} <= numbers


def test_links_of_the_unseen_plans_share_the_thing_counted(mixed_store):
    links = set()
    for m in mixed_store.iter_nodes("Measure"):
        for e in mixed_store.out_edges(m.id):
            if e.type == "IMPLEMENTS":
                links.add((m.name, mixed_store.get_node(e.target).name))
    assert ("推进产教融合型企业培育", "到2023年，培育30家以上产教融合型企业") in links
    assert ("推进骨干专业建设", "到2025年，建设20个以上市级骨干专业（群）") in links
    # a shared theme word (产教融合) or one character (高) is not a link
    assert ("同步规划产教融合与经济社会发展", "到2023年，建设10个左右市级产教融合实训基地") not in links
    assert ("推进中高职贯通培养", "建成3所左右省级“双高”学校") not in links
