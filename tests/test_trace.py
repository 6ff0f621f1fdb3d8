"""``vocgraph trace`` and search.trace: matching, the tree down and up, the JSON shape."""

from __future__ import annotations

import json

import pytest

from api.cli import main
from graph.networkx_store import NetworkxStore
from ingest.model import Document
from ingest.pipeline import ingest_documents
from search.trace import find_matches, render, trace

OPINION = """教育部文件 辽宁省人民政府

辽政发〔2021〕2号

教育部 辽宁省人民政府 关于整省推进职业教育实用高效发展的意见

各市人民政府：

为贯彻落实《国家职业教育改革实施方案》，现提出如下意见。

一、主要目标

到2022年，重点建设50所左右省级优质中职学校。

二、重点任务

（一）实施提质培优行动计划。重点建设50所左右省级优质中职学校。

2021年1月7日

辽宁省工作任务清单

序号\t政策内容\t责任部门
12\t建设50所左右省级优质中等职业学校\t省教育厅，各市
13\t建设辽宁职业教育大数据平台\t省教育厅
"""
NOTICE = """辽宁省教育厅文件

辽教发〔2021〕55号

辽宁省教育厅关于转发意见的通知

各市教育局：

现将《教育部 辽宁省人民政府关于整省推进职业教育实用高效发展的意见》（辽政发〔2021〕2号）转发你们。
"""


@pytest.fixture()
def store_path(tmp_path):
    path = tmp_path / "store"
    store = NetworkxStore(path)
    ingest_documents([Document("opinion", "opinion.txt", OPINION), Document("notice", "notice.txt", NOTICE)], store)
    return path


@pytest.fixture()
def store(store_path):
    return NetworkxStore(store_path)


@pytest.mark.parametrize("query", ["辽政发〔2021〕2号", "辽政发[2021]2号", "辽政发(2021)2号", "辽政发﹝2021﹞2号",
                                   "整省推进职业教育实用高效发展的意见"])
def test_a_policy_is_found_by_any_bracket_form_or_a_title_fragment(store, query):
    assert [n.properties.get("number") for n in find_matches(store, query)][:1] == ["辽政发〔2021〕2号"]


def test_the_json_shape(store):
    out = trace(store, "辽政发〔2021〕2号")
    assert set(out) >= {"query", "matches", "nodes", "edges"}
    assert out["query"] == "辽政发〔2021〕2号"
    assert all(set(m) == {"id", "type", "name"} for m in out["matches"] + out["nodes"])
    ids = {n["id"] for n in out["nodes"]}
    for e in out["edges"]:
        assert set(e) == {"source", "target", "type", "properties", "evidence"}
        assert e["source"] in ids and e["target"] in ids
        assert all(set(ev) == {"doc", "start", "end", "quote"} for ev in e["evidence"])
    links = [e for e in out["edges"] if e["type"] == "IMPLEMENTS" and e["target"].startswith("Target")]
    assert links and all({"reason", "confidence"} <= set(e["properties"]) for e in links)
    types = {e["type"] for e in out["edges"]}
    # policy → targets → measures (with departments) → downstream documents
    assert {"HAS_TARGET", "HAS_MEASURE", "RESPONSIBLE_FOR", "IMPLEMENTS", "ISSUED_BY"} <= types
    names = {n["name"] for n in out["nodes"]}
    assert "辽宁省教育厅关于转发意见的通知" in names or any("55号" in n for n in names)


def test_down_tree_lists_targets_measures_departments_and_downstream_documents(store):
    text = render(store, "辽政发〔2021〕2号")
    lines = text.splitlines()
    assert lines[0].startswith("Policy 辽政发〔2021〕2号")
    assert "2021-01-07" in lines[0] and "教育部" in lines[0]
    assert "  target: Target 到2022年，重点建设50所左右省级优质中职学校" in lines
    linked = next(line for line in lines if "implemented by: Measure 12." in line)
    assert linked.startswith("    ") and "same_quantity" in linked and "辽宁省教育厅" in linked
    assert any(line.startswith("  implemented by: Policy 辽教发〔2021〕55号") for line in lines)


def test_up_from_a_measure_reaches_its_target_policy_and_what_that_policy_implements(store):
    out = trace(store, "建设50所左右省级优质中等职业学校", direction="up")
    assert out["matches"][0]["type"] == "Measure"
    kinds = {(e["type"]) for e in out["edges"]}
    assert {"IMPLEMENTS", "HAS_MEASURE", "HAS_TARGET"} <= kinds
    names = {n["name"] for n in out["nodes"]}
    assert "国家职业教育改革实施方案" in names
    text = render(store, "建设50所左右省级优质中等职业学校", direction="up")
    assert "implements target: Target 到2022年" in text and "implements: Policy 国家职业教育改革实施方案" in text


def test_both_directions_from_a_target(store):
    out = trace(store, "到2022年，重点建设50所左右省级优质中职学校", direction="both")
    assert out["matches"][0]["type"] == "Target"
    assert {n["type"] for n in out["nodes"]} >= {"Target", "Measure", "Policy"}


def test_cli_human_and_json_output(store_path, capsys):
    assert main(["trace", "辽政发[2021]2号", "--store", str(store_path)]) == 0
    assert capsys.readouterr().out.startswith("Policy 辽政发〔2021〕2号")
    assert main(["trace", "大数据平台", "--store", str(store_path), "--json", "--direction", "up"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["matches"][0]["name"] == "建设辽宁职业教育大数据平台"


def test_cli_unknown_query_exits_1(store_path, capsys):
    assert main(["trace", "不存在的政策", "--store", str(store_path)]) == 1
    assert "no policy, target or measure matches" in capsys.readouterr().err


def test_cli_bad_direction_is_a_usage_error(store_path):
    with pytest.raises(SystemExit) as info:
        main(["trace", "x", "--store", str(store_path), "--direction", "sideways"])
    assert info.value.code == 2


def test_cli_link_stores_the_links_used_by_trace(store_path, capsys):
    assert main(["link", "--store", str(store_path), "--embedder", "none"]) == 0
    assert "measure → target link(s)" in capsys.readouterr().out
    stored = NetworkxStore(store_path)
    assert any(stored.get_node(e.source).type == "Measure" for e in stored.iter_edges("IMPLEMENTS"))


@pytest.mark.slow
def test_trace_on_the_seed_corpus(seed_store):
    out = trace(seed_store, "辽教发〔2021〕59号")
    measures = {n["name"] for n in out["nodes"] if n["type"] == "Measure"}
    assert len(measures) == 18
    link = next(e for e in out["edges"] if e["type"] == "IMPLEMENTS"
                and seed_store.get_node(e["source"]).name == "推进专业协作体建设")
    assert seed_store.get_node(link["target"]).name == "到2022年，建设30个左右职业教育协作体"
    up = trace(seed_store, "完成200万人次左右职业技能培训", direction="up")
    assert "辽政发〔2021〕2号" in {seed_store.get_node(n["id"]).properties.get("number") for n in up["nodes"]}
