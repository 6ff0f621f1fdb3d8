"""The in-database search indexes without a server: the DDL and queries as strings, the adapter
chosen from the agent string, and BM25 over database rows equal to the local index's."""

from __future__ import annotations

import numpy as np
import pytest

from graph import cypher_search as cs
from graph.errors import SchemaError
from graph.neo4j_indexes import ArcadeDBIndexes, Neo4jIndexes, is_arcadedb, search_index_admin
from search.lexical import LexicalIndex, tokenize
from search.neo4j_index import bm25_scores, bm25_stats, text_codes, token_code

TEXTS = [
    "东川职业教育集团由东川职业技术学院牵头组建，成员单位包括二十家企业。",
    "市教育局、人社局共同推进产教融合，支持职教集团开展订单班。",
    "装备制造产业学院服务高端装备制造产业链。",
    "",
    "中职学校与企业开展校企合作，共建实训基地。",
]


def test_vector_index_ddl_is_neo4j_5_syntax():
    q = cs.create_vector_index(cs.SEARCH_PASSAGE, "embedding", 384)
    assert q == ("CREATE VECTOR INDEX vocgraph_searchpassage_embedding IF NOT EXISTS "
                 "FOR (n:SearchPassage) ON (n.embedding) OPTIONS {indexConfig: "
                 "{`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}}")


def test_fulltext_index_ddl_is_neo4j_5_syntax():
    assert cs.create_fulltext_index(cs.SEARCH_NODE) == (
        "CREATE FULLTEXT INDEX vocgraph_searchnode_tokens IF NOT EXISTS FOR (n:SearchNode) "
        "ON EACH [n.tokens] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}")
    assert all("REQUIRE n.sid IS UNIQUE" in q for q in cs.create_search_constraints())


@pytest.mark.parametrize("label, prop, dim", [
    ("Entity", "embedding", 8), ("SearchNode) DETACH DELETE (n", "embedding", 8),
    ("SearchNode", "name", 8), ("SearchNode", "embedding", 0), ("SearchNode", "embedding", "8}"),
    ("SearchNode", "embedding", True), ("SearchNode", "embedding", 10_000),
])
def test_ddl_takes_only_known_labels_properties_and_sizes(label, prop, dim):
    with pytest.raises(SchemaError):
        cs.create_vector_index(label, prop, dim)


def test_queries_take_values_as_parameters():
    for q in (cs.vector_query(), cs.fulltext_query()):
        assert "$index" in q and "$k" in q
    assert "$vector" in cs.vector_query() and "$terms" in cs.fulltext_query()
    for label in cs.SEARCH_LABELS:
        for q in (cs.upsert_search_items(label), cs.set_vectors(label, "embedding"), cs.rows_by_sid(label)):
            assert q.startswith("UNWIND $") and f":{label} " in q
    with pytest.raises(SchemaError):
        cs.read_search_items("Document")


def test_the_adapter_follows_the_agent_string():
    class Fake:
        uri, database = "bolt://db.example:7687", "vocgraph"

        def __init__(self, agent):
            self.agent = agent

        def server_agent(self):
            return self.agent

    assert is_arcadedb("Neo4j/5.26.0 compatible (ArcadeDB 26.10.2)")
    assert isinstance(search_index_admin(Fake("Neo4j/5.26.0")), Neo4jIndexes)
    arcade = search_index_admin(Fake("Neo4j/5.26.0 compatible (ArcadeDB 26.10.2)"))
    assert isinstance(arcade, ArcadeDBIndexes) and arcade.http_url.startswith("http")
    assert arcade.index_name("SearchPassage", "tokens") == "SearchPassage[tokens]"
    assert Neo4jIndexes.index_name("SearchPassage", "tokens") == "vocgraph_searchpassage_tokens"


def test_tokens_are_ascii_words_and_concepts_survive():
    codes = text_codes("东川职教联盟")
    assert all(c.isascii() and c.isalnum() for c in codes)
    assert token_code("~职业教育") in codes and token_code("~职业教育") in text_codes("职业教育集团")


@pytest.mark.parametrize("query", ["职业教育集团 牵头", "职教 产教融合", "装备制造", "校企 实训基地", "没有的词"])
def test_bm25_over_rows_equals_the_local_index(query):
    local = LexicalIndex.build(TEXTS).scores(query)
    docs = [text_codes(t) for t in TEXTS]
    codes = [token_code(t) for t in tokenize(query)]
    stats = bm25_stats(docs)
    codes = [c for c in codes if c in stats["df"]]
    got = bm25_scores(codes, list(enumerate(docs)), stats, len(TEXTS))
    assert got.dtype == np.float32 and np.array_equal(got, local)
