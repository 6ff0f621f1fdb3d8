"""Embedding work is done once per text: linking keeps its vectors beside the store (a second
ingest embeds only the new measures and targets) and a batch embeds a repeated text once."""

from __future__ import annotations

import numpy as np

from graph.networkx_store import NetworkxStore
from ingest.model import Document
from ingest.pipeline import ingest_documents
from search.embedders.hash import HashEmbedder
from search.linking import compute_links, link_measures, vector_cache_path
from search.vector import content_hash, embed_with_cache

FIRST = """辽宁省教育厅文件

辽教发〔2021〕59号

辽宁省教育厅关于推进高等职业教育开放办学的实施意见

一、工作目标

到 2022 年，建设 30 个左右职业教育协作体，重点建设50所左右省级优质中职学校。

二、重点工作

1. 推进专业协作体建设。构建高等职业教育专业协作体，形成以强扶弱的专业协作机制。

2. 建设优质学校。建设50所左右省级优质中等职业学校。

(此件主动公开发布)
"""

SECOND = """辽宁省教育厅文件

辽教发〔2022〕12号

辽宁省教育厅关于加快发展现代职业教育的实施意见

一、工作目标

到 2025 年，建成20个左右省级现代学徒制试点专业。

二、重点工作

1. 推进现代学徒制试点。遴选20个左右省级现代学徒制试点专业。

(此件主动公开发布)
"""


class CountingEmbedder(HashEmbedder):
    """The hash embedder, counting every text it is asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def embed_passages(self, texts):
        self.texts.extend(texts)
        return super().embed_passages(texts)

    def embed_queries(self, texts):
        self.texts.extend(texts)
        return super().embed_queries(texts)


def _ingest(store, doc_id, text):
    ingest_documents([Document(doc_id, f"{doc_id}.txt", text)], store)


def test_a_second_ingest_embeds_only_the_new_measures_and_targets(tmp_path):
    store = NetworkxStore(tmp_path / "store")
    _ingest(store, "059", FIRST)
    first = CountingEmbedder()
    link_measures(store, embedder=first)
    store.commit()
    assert len(first.texts) == 4  # 2 targets + 2 measures
    _ingest(store, "012", SECOND)
    again = CountingEmbedder()
    links = compute_links(NetworkxStore(tmp_path / "store"), embedder=again)  # a fresh process's view
    assert again.texts and len(again.texts) < len(first.texts)
    assert all("学徒制" in t for t in again.texts)  # only the second policy's target and task
    # and the links are those computed with nothing cached
    fresh = compute_links(store, embedder=HashEmbedder())
    assert [(e.source, e.target, e.properties) for e in links] == \
        [(e.source, e.target, e.properties) for e in fresh]


def test_embed_with_cache_embeds_a_repeated_text_once():
    calls: list[list[str]] = []

    def embed(texts):
        calls.append(list(texts))
        return HashEmbedder().embed_passages(texts)

    texts = ["建设优质学校", "推进专业协作体建设", "建设优质学校", "建设优质学校"]
    cache: dict[str, np.ndarray] = {}
    out, n = embed_with_cache(texts, [content_hash(t) for t in texts], cache, embed, HashEmbedder().dim)
    assert n == 2 and calls == [["建设优质学校", "推进专业协作体建设"]]
    assert np.array_equal(out[0], out[2]) and np.array_equal(out[0], out[3])
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0)


def test_an_unreadable_cache_file_is_embedded_again(tmp_path):
    store = NetworkxStore(tmp_path / "store")
    _ingest(store, "059", FIRST)
    model = CountingEmbedder()
    path = vector_cache_path(store, model)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a numpy file")
    assert len(link_measures(store, embedder=model)) == 2
    assert len(model.texts) == 4
    model.texts.clear()
    link_measures(store, embedder=model)  # the file was rewritten
    assert model.texts == []
