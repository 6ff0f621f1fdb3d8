"""The Cypher query functions: parameters only, labels and relationship types from the schema."""

from __future__ import annotations

import inspect
import re

import pytest

from graph import cypher
from graph.errors import SchemaError
from graph.schema import EDGE_TYPES, NODE_TYPES

# Every query function, called with each argument the schema allows.
QUERY_FUNCS = [f for name, f in inspect.getmembers(cypher, inspect.isfunction)
               if f.__module__ == cypher.__name__ and name not in {"node_label", "rel_type", "_rel_pattern"}]


def _all_queries() -> list[str]:
    out: list[str] = []
    for f in QUERY_FUNCS:
        params = inspect.signature(f).parameters
        if not params:
            result = f()
            out.extend(result if isinstance(result, list) else [result])
        elif "node_type" in params:
            out.extend(f(t) for t in NODE_TYPES)
            if params["node_type"].default is None:
                out.append(f())
        elif "relation" in params:
            out.extend(f(t) for t in EDGE_TYPES)
            if params["relation"].default is None:
                out.append(f())
        else:
            raise AssertionError(f"{f.__name__}: unexpected parameters {list(params)}")
    return out


def test_every_query_takes_values_as_parameters():
    queries = _all_queries()
    assert len(queries) > 40
    for q in queries:
        # No literal strings or numbers: values always arrive as $parameters.
        assert "'" not in q and '"' not in q, q
        assert not re.search(r"[^\w$.]\d+\b", q.replace("count(*)", "")), q


def test_labels_and_relationship_types_come_from_the_schema():
    assert cypher.create_nodes("School") == "UNWIND $rows AS row CREATE (n:Entity:School) SET n = row"
    assert ":LEADS]" in cypher.merge_edges("LEADS")
    assert "(n:Policy)" in cypher.all_nodes("Policy")
    assert "(n:Entity)" in cypher.all_nodes()
    assert "-[r]->" in cypher.all_edges() and "-[r:SERVES]->" in cypher.all_edges("SERVES")


@pytest.mark.parametrize("bad", [
    "School) DETACH DELETE n //",
    "School`",
    "school",
    "",
    "Entity",
    "Document",
])
def test_node_types_outside_the_schema_are_refused(bad):
    with pytest.raises(SchemaError, match="unknown node type"):
        cypher.all_nodes(bad)


@pytest.mark.parametrize("bad", ["LEADS]->() DETACH DELETE r //", "leads", "KNOWS", ""])
def test_relation_types_outside_the_schema_are_refused(bad):
    with pytest.raises(SchemaError, match="unknown relation type"):
        cypher.merge_edges(bad)


def test_constraints_cover_node_and_document_ids_and_are_idempotent():
    stmts = cypher.create_constraints()
    assert all("IF NOT EXISTS" in s and "IS UNIQUE" in s for s in stmts)
    assert any("(n:Entity)" in s for s in stmts) and any("(d:Document)" in s for s in stmts)


def test_writes_are_batched_with_unwind():
    for q in [cypher.create_nodes("Group"), cypher.update_nodes(), cypher.merge_edges("MEMBER_OF"),
              cypher.merge_documents(), cypher.nodes_by_ids(), cypher.edges_by_keys("LEADS")]:
        assert q.startswith("UNWIND $"), q


def test_reads_keep_insertion_order():
    for q in [cypher.all_nodes(), cypher.out_edges(), cypher.edges_touching(), cypher.all_documents(),
              cypher.nodes_matching_key("School")]:
        assert re.search(r"ORDER BY \w\.seq$", q), q
    # Edges listed per node come grouped by their source, as the embedded store lists them.
    assert cypher.all_edges().endswith("ORDER BY a.seq, r.seq")
    assert cypher.in_edges().endswith("ORDER BY a.seq, r.seq")
