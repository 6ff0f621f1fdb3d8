"""Neo4jStore errors that need no server: bad URIs, unreachable servers, a missing driver."""

from __future__ import annotations

import sys

import pytest

from graph.errors import ConfigError, StoreError


@pytest.mark.parametrize("uri", ["bolt://127.0.0.1:1", "neo4j://127.0.0.1:1"])
def test_unreachable_server_is_a_store_error_naming_the_uri(uri):
    from graph.neo4j_store import Neo4jStore

    with pytest.raises(StoreError, match=f"{uri}: cannot reach"):
        Neo4jStore(uri, "neo4j", "secret-password", connection_timeout=2)


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "127.0.0.1:7687", "bolt+x://host"])
def test_malformed_uri_is_a_config_error(uri):
    from graph.neo4j_store import Neo4jStore

    with pytest.raises(ConfigError, match="invalid Neo4j URI"):
        Neo4jStore(uri, "neo4j", "secret-password")


def test_missing_driver_says_what_to_install(monkeypatch):
    from graph.neo4j_store import Neo4jStore

    monkeypatch.setitem(sys.modules, "neo4j", None)
    with pytest.raises(ConfigError, match=r'pip install "vocgraph\[neo4j\]"'):
        Neo4jStore("bolt://127.0.0.1:7687", "neo4j", "secret-password")
