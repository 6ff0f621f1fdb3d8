"""The Bolt server the neo4j-marked tests run against, from NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD /
NEO4J_DATABASE (scripts/test.sh sources them from .arcadedb/env.sh after scripts/arcadedb.sh start).

No server configured: the tests fail when CI=true (so CI cannot go green without them) and are
skipped otherwise. Each test module gets a database of its own when the server is the local
ArcadeDB (ARCADEDB_HTTP_URL set: created and dropped over its HTTP API, so two test runs sharing
the server do not see each other's graphs); against a real Neo4j it clears NEO4J_DATABASE.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import urllib.request
from typing import Iterator

import pytest

from graph.settings import Settings


def require_server() -> Settings:
    """The configured server's settings; fail (CI) or skip (locally) when there is none."""
    settings = Settings.from_env()
    if os.environ.get("NEO4J_URI") and settings.neo4j_password:
        return settings
    reason = ("no Bolt server configured: run scripts/arcadedb.sh start && source .arcadedb/env.sh "
              "(NEO4J_URI and NEO4J_PASSWORD are unset)")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _arcadedb_command(settings: Settings, command: str) -> None:
    url = os.environ["ARCADEDB_HTTP_URL"].rstrip("/") + "/api/v1/server"
    token = base64.b64encode(f"{settings.neo4j_user}:{settings.neo4j_password}".encode()).decode()
    req = urllib.request.Request(url, data=json.dumps({"command": command}).encode(), method="POST",
                                 headers={"Authorization": f"Basic {token}",
                                          "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        resp.read()


def fresh_database() -> Iterator[Settings]:
    """Yield settings pointing at an empty database; clean up afterwards."""
    settings = require_server()
    from graph.neo4j_store import Neo4jStore

    if os.environ.get("ARCADEDB_HTTP_URL"):
        name = f"vocgraph_test_{os.getpid()}_{secrets.token_hex(3)}"
        _arcadedb_command(settings, f"create database {name}")
        try:
            yield settings.with_overrides(neo4j_database=name)
        finally:
            _arcadedb_command(settings, f"drop database {name}")
        return
    with Neo4jStore.from_settings(settings) as store:
        store.clear()
    yield settings
