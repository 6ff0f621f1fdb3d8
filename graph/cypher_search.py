"""The Cypher of the search indexes kept inside Neo4j, as pure functions returning query strings.

The search side of the graph (written by search/neo4j_index.py):

- ``(:SearchNode {sid, row, item, thash, hash, tokens, dl, embedding, name_embedding})``: one per
  graph node; ``item`` is the search item as JSON (id, type, name, text ...), ``embedding`` the
  vector of its description, ``name_embedding`` the vector of a bare industry-chain name.
- ``(:SearchPassage {sid, row, item, thash, hash, tokens, dl, embedding})``: one per evidence
  sentence (embedded) or document chunk (lexical only: no ``embedding``).
- ``(:SearchIndex {id: 'vocgraph', manifest, generation, node_stats, passage_stats})``: the
  embedder, the graph signature the index was built from, and the BM25 statistics.

``tokens`` holds the jieba tokens of the text (the ones the embedded store's BM25 uses), each
written as ``t`` + 12 hex digits of its hash, so that any full-text analyzer keeps it whole.

Values travel as $parameters; labels and property names come from the constants below, and the
only number written into a statement (the vector dimension of an index) is checked to be one.

>>> vector_query().split(" YIELD ")[0]
'CALL db.index.vector.queryNodes($index, $k, $vector)'
"""

from __future__ import annotations

from graph.errors import SchemaError, allowed

SEARCH_NODE = "SearchNode"
SEARCH_PASSAGE = "SearchPassage"
SEARCH_META = "SearchIndex"
SEARCH_LABELS = (SEARCH_NODE, SEARCH_PASSAGE)
VECTOR_PROPERTIES = ("embedding", "name_embedding")
TOKENS = "tokens"
META_ID = "vocgraph"


def _label(label: str) -> str:
    return allowed(label, SEARCH_LABELS, "search label")


def _vector_property(prop: str) -> str:
    return allowed(prop, VECTOR_PROPERTIES, "vector property")


def index_name(label: str, prop: str) -> str:
    """The Neo4j name of the index on ``label.prop``: ``vocgraph_searchpassage_embedding``."""
    return f"vocgraph_{_label(label).lower()}_{prop}"


# ---- DDL (Neo4j 5) ------------------------------------------------------------------------
def create_search_constraints() -> list[str]:
    """Uniqueness of ``sid`` on both search labels (with its lookup index)."""
    return [f"CREATE CONSTRAINT vocgraph_{_label(lb).lower()}_sid IF NOT EXISTS "
            f"FOR (n:{lb}) REQUIRE n.sid IS UNIQUE" for lb in SEARCH_LABELS]


def create_vector_index(label: str, prop: str, dimensions: int) -> str:
    """``CREATE VECTOR INDEX`` with cosine similarity (Neo4j 5.11+).

    >>> create_vector_index("SearchPassage", "embedding", 256).split(" OPTIONS ")[1]
    "{indexConfig: {`vector.dimensions`: 256, `vector.similarity_function`: 'cosine'}}"
    """
    if isinstance(dimensions, bool) or not isinstance(dimensions, int) or not 0 < dimensions <= 4096:
        raise SchemaError(f"vector dimension must be a whole number from 1 to 4096, not {dimensions!r}")
    return (f"CREATE VECTOR INDEX {index_name(label, prop)} IF NOT EXISTS "
            f"FOR (n:{_label(label)}) ON (n.{_vector_property(prop)}) "
            f"OPTIONS {{indexConfig: {{`vector.dimensions`: {dimensions}, "
            f"`vector.similarity_function`: 'cosine'}}}}")


def create_fulltext_index(label: str) -> str:
    """``CREATE FULLTEXT INDEX`` over the token property; the whitespace analyzer keeps every
    hashed jieba token whole (the analyzer never sees Chinese text, so none is needed for it)."""
    return (f"CREATE FULLTEXT INDEX {index_name(label, TOKENS)} IF NOT EXISTS "
            f"FOR (n:{_label(label)}) ON EACH [n.{TOKENS}] "
            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}")


def drop_index(label: str, prop: str) -> str:
    return f"DROP INDEX {index_name(label, prop)} IF EXISTS"


# ---- queries ------------------------------------------------------------------------------
def vector_query() -> str:
    """The ids of the ``$k`` rows nearest to ``$vector`` in vector index ``$index``, nearest first,
    in one record (ArcadeDB sends a Bolt message per record: one list is much faster)."""
    return ("CALL db.index.vector.queryNodes($index, $k, $vector) YIELD node, score "
            "WITH node, score ORDER BY score DESC RETURN collect(node.sid) AS sids")


def fulltext_query() -> str:
    """The ids of the best ``$k`` rows of full-text index ``$index`` for the Lucene query
    ``$terms`` (hashed tokens joined by OR), in one record."""
    return ("CALL db.index.fulltext.queryNodes($index, $terms, {limit: $k}) YIELD node, score "
            "WITH node, score ORDER BY score DESC LIMIT $k RETURN collect(node.sid) AS sids")


def rows_by_sid(label: str) -> str:
    """Vector, tokens and token count of the rows ``$sids`` (the caller scores them exactly and
    keeps them: a row does not change within an index generation)."""
    return (f"UNWIND $sids AS sid MATCH (p:{_label(label)} {{sid: sid}}) "
            f"RETURN collect(p.sid) AS sids, collect(coalesce(p.embedding, [])) AS vectors, "
            f"collect(coalesce(p.{TOKENS}, '')) AS tokens")  # collect() drops nulls: keep the lists aligned


def read_search_items(label: str) -> str:
    """Every row of a search label in row order (item JSON, hashes; no vectors)."""
    return (f"MATCH (p:{_label(label)}) RETURN p.sid AS sid, p.row AS row, p.item AS item, "
            "p.thash AS thash, p.hash AS hash ORDER BY p.row")


def read_vectors(label: str, prop: str) -> str:
    """Content hash and vector of every row of ``label`` that has ``prop``."""
    return (f"MATCH (p:{_label(label)}) WHERE p.{_vector_property(prop)} IS NOT NULL "
            f"RETURN p.sid AS sid, p.hash AS hash, p.{prop} AS vector ORDER BY p.row")


def upsert_search_items(label: str) -> str:
    """Create or update rows: ``$rows`` of {sid, row, item, thash, hash, tokens, dl}."""
    return (f"UNWIND $rows AS r MERGE (p:{_label(label)} {{sid: r.sid}}) "
            "SET p.row = r.row, p.item = r.item, p.thash = r.thash, p.hash = r.hash, "
            f"p.{TOKENS} = r.tokens, p.dl = r.dl")


def set_vectors(label: str, prop: str) -> str:
    """Set ``prop`` on rows: ``$rows`` of {sid, vector} (a null vector removes it)."""
    return (f"UNWIND $rows AS r MATCH (p:{_label(label)} {{sid: r.sid}}) "
            f"SET p.{_vector_property(prop)} = r.vector")


def delete_search_items(label: str) -> str:
    return f"UNWIND $sids AS sid MATCH (p:{_label(label)} {{sid: sid}}) DELETE p"


def clear_search_items(label: str) -> str:
    return f"MATCH (p:{_label(label)}) DELETE p"


def read_manifest() -> str:
    return (f"MATCH (m:{SEARCH_META} {{id: $id}}) RETURN m.manifest AS manifest, "
            "m.generation AS generation")


def read_stats() -> str:
    return (f"MATCH (m:{SEARCH_META} {{id: $id}}) RETURN m.node_stats AS node_stats, "
            "m.passage_stats AS passage_stats, m.generation AS generation")


def write_manifest() -> str:
    """Publish an index generation: manifest and BM25 statistics, as JSON strings."""
    return (f"MERGE (m:{SEARCH_META} {{id: $id}}) SET m.manifest = $manifest, "
            "m.generation = $generation, m.node_stats = $node_stats, m.passage_stats = $passage_stats")
