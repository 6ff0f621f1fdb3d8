"""One Policy node across documents when one cites it by title and another by number
(ingest/policy_join.py): the same graph whatever the ingest order, in one run or several."""

from __future__ import annotations

import json

import pytest

from graph.networkx_store import NetworkxStore
from graph.schema import make_node_id
from ingest.model import Document
from ingest.pipeline import ingest_documents

# A provincial notice: its header pairs its number with its title, and it cites the national
# plan as 《title》（number）.
PROVINCE = ("辽宁省教育厅文件\n\n辽教发〔2021〕59号\n\n辽宁省教育厅关于推进职业教育集团化办学的实施意见\n\n"
            "各市教育局：\n为贯彻落实《国家职业教育改革实施方案》（国发〔2019〕4号），推进职业教育集团化"
            "办学，提出如下意见。\n到2022年，建设30个左右职业教育集团。\n\n辽宁省教育厅\n2021年6月5日\n")
# A city notice citing both only by title.
CITY = ("沈阳市教育局文件\n\n沈教发〔2021〕12号\n\n沈阳市教育局关于深化产教融合的通知\n\n各区、县（市）教育局：\n"
        "根据《国家职业教育改革实施方案》和《辽宁省教育厅关于推进职业教育集团化办学的实施意见》，"
        "结合我市实际，现就有关工作通知如下。\n到2023年，建设10个左右市级职业教育集团。\n\n"
        "沈阳市教育局\n2021年9月1日\n")

NATIONAL = make_node_id("Policy", "国发(2019)4号")
PROVINCIAL = make_node_id("Policy", "辽教发(2021)59号")
CITY_ID = make_node_id("Policy", "沈教发(2021)12号")


def _doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, f"{doc_id}.txt", text)


def _snapshot(store: NetworkxStore) -> tuple[dict, dict]:
    nodes = {n.id: (n.type, n.name, sorted(n.aliases), sorted(n.docs),
                    json.dumps(n.properties, sort_keys=True, ensure_ascii=False)) for n in store.iter_nodes()}
    edges = {e.key: sorted((ev.doc, ev.start, ev.end) for ev in e.evidence) for e in store.iter_edges()}
    return nodes, edges


def _ingest(tmp_path, name: str, runs: list[list[tuple[str, str]]]) -> NetworkxStore:
    for run in runs:
        store = NetworkxStore(tmp_path / name)
        ingest_documents([_doc(i, t) for i, t in run], store)
    return NetworkxStore(tmp_path / name)


def test_title_only_citation_joins_the_number_in_any_order(tmp_path):
    one_run = _ingest(tmp_path, "one", [[("province", PROVINCE), ("city", CITY)]])
    province_first = _ingest(tmp_path, "pc", [[("province", PROVINCE)], [("city", CITY)]])
    city_first = _ingest(tmp_path, "cp", [[("city", CITY)], [("province", PROVINCE)]])
    snap = _snapshot(one_run)
    assert _snapshot(province_first) == snap
    assert _snapshot(city_first) == snap

    policies = {n.id: n for n in one_run.iter_nodes("Policy")}
    assert set(policies) == {NATIONAL, PROVINCIAL, CITY_ID}  # no title-keyed duplicates
    national = policies[NATIONAL]
    assert national.docs == ["city", "province"]
    assert "国家职业教育改革实施方案" in {national.name, *national.aliases}
    assert national.properties["number"] == "国发〔2019〕4号"
    # The city notice implements both, by the nodes of their numbers.
    implemented = {e.target for e in one_run.out_edges(CITY_ID) if e.type == "IMPLEMENTS"}
    assert implemented == {NATIONAL, PROVINCIAL}


def test_merged_node_keeps_the_evidence_of_the_title_citation(tmp_path):
    store = _ingest(tmp_path, "s", [[("city", CITY)], [("province", PROVINCE)]])
    edge = store.get_edge(CITY_ID, PROVINCIAL, "IMPLEMENTS")
    assert edge is not None
    assert [ev.doc for ev in edge.evidence] == ["city"]
    assert "《辽宁省教育厅关于推进职业教育集团化办学的实施意见》" in edge.evidence[0].quote
    assert store.get_node(make_node_id("Policy", "辽宁省教育厅关于推进职业教育集团化办学的实施意见")) is None


def test_a_title_paired_with_two_numbers_joins_neither(tmp_path):
    other = PROVINCE.replace("国发〔2019〕4号", "国发〔2020〕8号").replace("辽教发〔2021〕59号", "辽教发〔2021〕60号")
    store = _ingest(tmp_path, "two", [[("province", PROVINCE), ("other", other)], [("city", CITY)]])
    ids = {n.id for n in store.iter_nodes("Policy")}
    assert {NATIONAL, make_node_id("Policy", "国发(2020)8号")} <= ids  # two numbers, two nodes
    assert make_node_id("Policy", "国家职业教育改革实施方案") in ids  # the bare title stays apart


@pytest.mark.parametrize("title", ["《实施方案》", "《国家职业教育改革实施方案（试行）》"])
def test_only_exact_long_titles_join(tmp_path, title):
    city = CITY.replace("《国家职业教育改革实施方案》", title)
    store = _ingest(tmp_path, "x", [[("province", PROVINCE)], [("city", city)]])
    assert store.get_node(NATIONAL).docs == ["province"]
