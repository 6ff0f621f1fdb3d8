"""Removing documents on the Neo4j backend: the same result as the embedded store (a Bolt server)."""

from __future__ import annotations

import pytest

from api.commands_graph import export_graph
from fake_extractor import FAKE
from graph.networkx_store import NetworkxStore
from ingest.model import Document
from ingest.pipeline import ingest_documents
from ingest.remove import remove_documents
from neo4j_server import fresh_database

pytestmark = pytest.mark.neo4j

TEXTS = {"a": "由甲乙职业学院牵头组建甲乙职教联盟。", "b": "由丙丁职业学院牵头组建丙丁职教联盟。甲乙职业学院"}


@pytest.fixture(scope="module")
def neo4j_settings():
    yield from fresh_database()


def _docs():
    return [Document(id=d, path=f"{d}.txt", text=t, meta={"path": f"{d}.txt"}) for d, t in TEXTS.items()]


def test_remove_on_neo4j_matches_the_embedded_store(neo4j_settings, tmp_path):
    from graph.neo4j_store import Neo4jStore

    embedded = NetworkxStore(tmp_path / "store")
    with Neo4jStore.from_settings(neo4j_settings) as server:
        for st in (embedded, server):
            ingest_documents(_docs(), st, extractors=FAKE)
            report = remove_documents(st, ["a"])
            st.commit()
            assert report.removed == ["a"] and set(st.documents()) == {"b"}
            assert st.get_document_text("a") is None
        assert export_graph(server) == export_graph(embedded)
        assert {n.name for n in server.iter_nodes()} >= {"甲乙职业学院", "丙丁职教联盟"}
