"""Creating the search indexes on the server: one small adapter per server kind, chosen from the
agent string the server sends when the driver connects.

Neo4j 5 (and Aura) create them with the Cypher DDL of graph/cypher_search.py and query them by
their names (``vocgraph_searchpassage_embedding``). ArcadeDB answers the same query procedures
(``db.index.vector.queryNodes``, ``db.index.fulltext.queryNodes``) over Bolt, but creates indexes
only with its SQL over HTTP, on declared properties, and names them ``Type[property]``.

>>> ArcadeDBIndexes.index_name("SearchPassage", "embedding")
'SearchPassage[embedding]'
"""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Protocol

from graph import cypher_search as cs
from graph.errors import StoreError

ARCADEDB_HTTP_PORT = 2480  # ArcadeDB's default HTTP port (ARCADEDB_HTTP_URL overrides)


class SearchIndexAdmin(Protocol):
    """What the search side needs from a server: create, drop and name its indexes."""

    def ensure(self, dimensions: int) -> None: ...
    def drop_vectors(self) -> None: ...
    def index_name(self, label: str, prop: str) -> str: ...


class Neo4jIndexes:
    """Neo4j 5: ``CREATE VECTOR INDEX`` / ``CREATE FULLTEXT INDEX`` in Cypher."""

    def __init__(self, store: Any) -> None:
        self.store = store

    @staticmethod
    def index_name(label: str, prop: str) -> str:
        return cs.index_name(label, prop)

    def ensure(self, dimensions: int) -> None:
        for q in cs.create_search_constraints():
            self.store.execute(q)
        for label in cs.SEARCH_LABELS:
            self.store.execute(cs.create_vector_index(label, "embedding", dimensions))
            self.store.execute(cs.create_fulltext_index(label))

    def drop_vectors(self) -> None:
        for label in cs.SEARCH_LABELS:
            self.store.execute(cs.drop_index(label, "embedding"))


class ArcadeDBIndexes:
    """ArcadeDB: types, properties and ``LSM_VECTOR`` / ``FULL_TEXT`` indexes in SQL over HTTP."""

    def __init__(self, store: Any, http_url: str) -> None:
        self.store = store
        self.http_url = http_url.rstrip("/")

    @staticmethod
    def index_name(label: str, prop: str) -> str:
        return f"{label}[{prop}]"

    def ensure(self, dimensions: int) -> None:
        cs.create_vector_index(cs.SEARCH_NODE, "embedding", dimensions)  # the same checks
        for q in cs.create_search_constraints():
            self.store.execute(q)
        for label in cs.SEARCH_LABELS:
            self._sql(f"CREATE VERTEX TYPE {label} IF NOT EXISTS")
            self._sql(f"CREATE PROPERTY {label}.embedding IF NOT EXISTS ARRAY_OF_FLOATS")
            self._sql(f"CREATE PROPERTY {label}.{cs.TOKENS} IF NOT EXISTS STRING")
            self._sql(f"CREATE INDEX IF NOT EXISTS ON {label} (embedding) LSM_VECTOR "
                      f"METADATA {{dimensions: {dimensions}, similarity: 'COSINE'}}")
            self._sql(f"CREATE INDEX IF NOT EXISTS ON {label} ({cs.TOKENS}) FULL_TEXT")

    def drop_vectors(self) -> None:
        for label in cs.SEARCH_LABELS:
            self._sql(f"DROP INDEX `{self.index_name(label, 'embedding')}` IF EXISTS")

    def _sql(self, command: str) -> Any:
        user, password = self.store.credentials()
        database = self.store.database
        if not database:
            raise StoreError(f"{self.store.uri}: ArcadeDB needs a database name (NEO4J_DATABASE)")
        url = f"{self.http_url}/api/v1/command/{urllib.parse.quote(database)}"
        headers = {"Content-Type": "application/json"}
        if password is not None:
            token = base64.b64encode(f"{user or ''}:{password}".encode()).decode()
            headers["Authorization"] = f"Basic {token}"
        req = urllib.request.Request(url, data=json.dumps({"language": "sql", "command": command}).encode(),
                                     method="POST", headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=120) as resp:
                return json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:300].decode("utf-8", "replace")
            raise StoreError(f"{self.http_url}: ArcadeDB refused {command.split(' ON ')[0]!r} ({exc.code}: {detail})") from exc
        except OSError as exc:
            raise StoreError(f"{self.http_url}: cannot reach ArcadeDB's HTTP API to create the search "
                             f"indexes ({exc}); set ARCADEDB_HTTP_URL") from exc


def arcadedb_http_url(bolt_uri: str) -> str:
    """$ARCADEDB_HTTP_URL, else the Bolt host on ArcadeDB's default HTTP port."""
    env = os.environ.get("ARCADEDB_HTTP_URL")
    if env:
        return env
    host = urllib.parse.urlsplit(bolt_uri).hostname or "127.0.0.1"
    return f"http://{host}:{ARCADEDB_HTTP_PORT}"


def is_arcadedb(agent: str) -> bool:
    """ArcadeDB's agent reads ``Neo4j/5.26.0 compatible (ArcadeDB 26.10.2)``.

    >>> is_arcadedb("Neo4j/5.26.0 compatible (ArcadeDB 26.10.2)"), is_arcadedb("Neo4j/5.26.0")
    (True, False)
    """
    return "arcadedb" in agent.lower()


def search_index_admin(store: Any) -> SearchIndexAdmin:
    """The adapter for ``store``'s server."""
    if is_arcadedb(store.server_agent()):
        return ArcadeDBIndexes(store, arcadedb_http_url(store.uri))
    return Neo4jIndexes(store)
