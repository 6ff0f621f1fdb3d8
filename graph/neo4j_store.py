"""The Neo4j backend: the GraphStore contract over a Bolt server (Neo4j 5, Aura, or ArcadeDB).

Nodes are ``(:Entity:<NodeType>)``, relations are relationship types, evidence lives on the
relationship as JSON, documents are ``(:Document)`` nodes; graph/cypher.py holds every query and
describes the layout. Writes are batched (``upsert_many``: one transaction per ``batch_size``
rows, default 1000) and idempotent: upserting the same nodes and edges twice changes nothing.
Each write is committed when its call returns, so ``commit()`` has nothing left to do.

>>> store = Neo4jStore("bolt://127.0.0.1:7687", "neo4j", "secret")   # doctest: +SKIP
>>> store.upsert_many(nodes, edges); store.close()                     # doctest: +SKIP
"""

from __future__ import annotations

import copy
import json
import time
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, TypeVar

from graph import cypher
from graph.base import GraphStore, stats_dict
from graph.errors import ConfigError, NotFoundError, StoreError
from graph.normalize import name_key
from graph.schema import EDGE_TYPES, NODE_TYPES, Edge, Evidence, Node, check_edge_types

if TYPE_CHECKING:
    from graph.settings import Settings

T = TypeVar("T")
DEFAULT_BATCH = 1000
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _import_driver() -> Any:
    try:
        import neo4j
    except ImportError as exc:
        raise ConfigError('the Neo4j backend needs the neo4j driver: pip install "vocgraph[neo4j]"') from exc
    return neo4j


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def node_row(node: Node, seq: int) -> dict[str, Any]:
    """A node as Neo4j properties (``props`` as JSON; lists of strings stay lists)."""
    return {
        "id": node.id, "type": node.type, "name": node.name,
        "aliases": list(node.aliases), "docs": list(node.docs),
        "keys": sorted({name_key(a) for a in [node.name, *node.aliases]} - {""}),
        "props": _json(node.properties), "seq": seq,
    }


def node_from_record(rec: Any) -> Node:
    return Node(id=rec["id"], type=rec["type"], name=rec["name"], aliases=list(rec["aliases"] or []),
                docs=list(rec["docs"] or []), properties=json.loads(rec["props"] or "{}"))


def edge_row(edge: Edge, seq: int) -> dict[str, Any]:
    return {"source": edge.source, "target": edge.target, "props": _json(edge.properties),
            "evidence": _json([e.to_dict() for e in edge.evidence]), "seq": seq}


def edge_from_record(rec: Any) -> Edge:
    return Edge(source=rec["source"], target=rec["target"], type=rec["type"],
                properties=json.loads(rec["props"] or "{}"),
                evidence=[Evidence.from_dict(e) for e in json.loads(rec["evidence"] or "[]")])


def _uri_error(uri: str, detail: str = "") -> ConfigError:
    schemes = ", ".join(s + "://" for s in URI_SCHEMES)
    return ConfigError(f"invalid Neo4j URI {uri!r}{detail} (NEO4J_URI or --neo4j-uri): "
                       f"expected one of {schemes} followed by host:port")


def _known(node_type: str | None = None, relation: str | None = None) -> bool:
    """False for a type outside the schema: the embedded store finds nothing of it, and so do we."""
    return (node_type is None or node_type in NODE_TYPES) and (relation is None or relation in EDGE_TYPES)


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class Neo4jStore(GraphStore):
    """A GraphStore on a Bolt server. Connects (and checks the credentials) when created."""

    def __init__(self, uri: str, user: str | None, password: str | None, database: str | None = None,
                 batch_size: int = DEFAULT_BATCH, connection_timeout: float = 10.0) -> None:
        neo4j = _import_driver()
        self.uri = uri
        self.user = user
        self.database = database
        self.batch_size = max(1, int(batch_size))
        self._errors = neo4j.exceptions
        self._read_routing = neo4j.RoutingControl.READ
        self._schema_ready = False
        self._last_seq = 0
        self._password = password
        auth = (user or "", password) if password is not None else None
        if "://" not in uri or uri.partition("://")[0] not in URI_SCHEMES:
            raise _uri_error(uri)
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=auth, connection_timeout=connection_timeout)
        except (ValueError, self._errors.ConfigurationError) as exc:
            raise _uri_error(uri, f" ({exc})") from exc
        try:
            self._call(lambda: self._driver.verify_connectivity())
        except BaseException:
            self._driver.close()
            raise

    @classmethod
    def from_settings(cls, settings: "Settings") -> "Neo4jStore":
        """The store named by NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE."""
        return cls(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password,
                   settings.neo4j_database)

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, database={self.database!r})"

    def close(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            driver.close()
            self._driver = None

    # ---- driver calls, with errors that name the server (never the password) -----------
    def _call(self, fn: Callable[[], T]) -> T:
        if self._driver is None:
            raise StoreError(f"{self.uri}: the Neo4j store is closed")
        err = self._errors
        try:
            return fn()
        except err.AuthError as exc:
            raise StoreError(f"{self.uri}: the server rejected the credentials of user {self.user!r} "
                             "(check NEO4J_USER / NEO4J_PASSWORD)") from exc
        except (err.ServiceUnavailable, err.SessionExpired) as exc:
            raise StoreError(f"{self.uri}: cannot reach the Neo4j server ({exc})") from exc
        except err.Neo4jError as exc:
            raise StoreError(f"{self.uri}: {exc.code}: {exc.message}") from exc
        except err.DriverError as exc:
            raise StoreError(f"{self.uri}: {type(exc).__name__}: {exc}") from exc

    def _read(self, query: str, **params: Any) -> list[Any]:
        """Run a read query (retried on transient errors by the driver); its records."""
        return self._call(lambda: self._driver.execute_query(
            query, params, database_=self.database, routing_=self._read_routing).records)

    def _write(self, work: Callable[[Any], T]) -> T:
        """Run ``work(tx)`` in one managed write transaction, retried on transient errors."""
        def run() -> T:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(work)
        self._ensure_schema()
        return self._call(run)

    # ---- for the search indexes kept in the database (search/neo4j_index.py) ----------
    # The search side keeps its tables and indexes in the same database; these run its
    # statements (graph/cypher_search.py) with the store's error handling.
    indexes_in_database = True

    def read(self, query: str, **params: Any) -> list[Any]:
        """The records of a read query."""
        return self._read(query, **params)

    def write_batches(self, query: str, rows: list[dict[str, Any]], key: str = "rows") -> None:
        """Run ``query`` (an ``UNWIND $rows``) over ``rows`` in batches, one transaction each."""
        for chunk in _chunks(rows, self.batch_size):
            self._write(lambda tx, c=chunk: tx.run(query, {key: c}).consume())

    def execute(self, query: str, **params: Any) -> None:
        """Run one auto-committed statement (index DDL cannot share a transaction with writes)."""
        self._call(lambda: self._driver.execute_query(query, params, database_=self.database))

    def server_agent(self) -> str:
        """The server's agent string (``Neo4j/5.26.0``; ArcadeDB's names itself after it)."""
        return self._call(lambda: self._driver.get_server_info().agent) or ""

    def credentials(self) -> tuple[str | None, str | None]:
        """(user, password), for a server API beside Bolt (ArcadeDB's HTTP index DDL)."""
        return self.user, self._password

    def _ensure_schema(self) -> None:
        """Create the uniqueness constraints (and their id indexes) before the first write."""
        if self._schema_ready:
            return
        for query in cypher.create_constraints():
            self._call(lambda q=query: self._driver.execute_query(q, database_=self.database))
        self._schema_ready = True

    def _next_seq(self, n: int) -> int:
        """The first of ``n`` increasing insertion numbers (time-based, so later writers sort later)."""
        start = max(time.time_ns(), self._last_seq + 1)
        self._last_seq = start + n - 1
        return start

    # ---- primitives -----------------------------------------------------------------
    def get_node(self, node_id: str) -> Node | None:
        recs = self._read(cypher.node_by_id(), id=node_id)
        return node_from_record(recs[0]) if recs else None

    def put_node(self, node: Node) -> None:
        self._write(lambda tx: self._write_nodes(tx, [node], merge=False))

    def get_edge(self, source: str, target: str, type: str) -> Edge | None:
        if not _known(relation=type):
            return None
        recs = self._read(cypher.edges_by_keys(type), keys=[{"source": source, "target": target}])
        return edge_from_record(recs[0]) if recs else None

    def put_edge(self, edge: Edge) -> None:
        self._write(lambda tx: self._write_edges(tx, [edge], merge=False))

    def iter_nodes(self, type: str | None = None) -> Iterator[Node]:
        if not _known(node_type=type):
            return
        for rec in self._read(cypher.all_nodes(type)):
            yield node_from_record(rec)

    def iter_edges(self, type: str | None = None) -> Iterator[Edge]:
        if not _known(relation=type):
            return
        edges = [edge_from_record(r) for r in self._read(cypher.all_edges(type))]
        yield from _networkx_order(edges, lambda e: (e.source, e.target))

    def out_edges(self, node_id: str) -> list[Edge]:
        edges = [edge_from_record(r) for r in self._read(cypher.out_edges(), id=node_id)]
        return _networkx_order(edges, lambda e: e.target)

    def in_edges(self, node_id: str) -> list[Edge]:
        return [edge_from_record(r) for r in self._read(cypher.in_edges(), id=node_id)]

    def put_document(self, doc_id: str, text: str, meta: dict[str, Any]) -> None:
        self.put_documents([(doc_id, text, meta)])

    def get_document_text(self, doc_id: str) -> str | None:
        recs = self._read(cypher.document_text(), id=doc_id)
        return recs[0]["text"] if recs else None

    def documents(self) -> dict[str, dict[str, Any]]:
        return {r["id"]: json.loads(r["meta"] or "{}") for r in self._read(cypher.all_documents())}

    def commit(self) -> None:
        """Nothing to do: every write is committed in its own transaction when it returns."""

    def remove_edge(self, source: str, target: str, type: str) -> None:
        """Delete an edge if present (a changed or removed document's facts)."""
        if _known(relation=type):
            self._write(lambda tx: tx.run(cypher.delete_edge(type), source=source, target=target).consume())

    def remove_node(self, node_id: str) -> None:
        """Delete a node and its edges if present."""
        self._write(lambda tx: tx.run(cypher.delete_node(), id=node_id).consume())

    def remove_document(self, doc_id: str) -> None:
        """Delete a stored document (ingest.remove drops its evidence first)."""
        self._write(lambda tx: tx.run(cypher.delete_document(), id=doc_id).consume())

    # ---- batched writes and server-side shortcuts -------------------------------------
    def put_documents(self, docs: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
        """Store many documents (id, text, meta), ``batch_size`` a transaction."""
        rows = [{"id": d, "text": t, "meta": _json(m)} for d, t, m in docs]
        for chunk in _chunks(rows, self.batch_size):
            seq = self._next_seq(len(chunk))
            for i, row in enumerate(chunk):
                row["seq"] = seq + i
            self._write(lambda tx, c=chunk: tx.run(cypher.merge_documents(), rows=c).consume())

    def upsert_many(self, nodes: Iterable[Node], edges: Iterable[Edge]) -> None:
        """Upsert nodes then edges like the base class does, one transaction per ``batch_size`` rows.

        Within a transaction the stored versions are read in one query, merged in Python with
        Node.merge / Edge.merge (the same rules as the embedded store), and written back in one
        query per node type or relation type.
        """
        for chunk in _chunks(_dedupe(nodes, lambda n: n.id), self.batch_size):
            self._write(lambda tx, c=chunk: self._write_nodes(tx, c, merge=True))
        for chunk in _chunks(_dedupe(edges, lambda e: e.key), self.batch_size):
            self._write(lambda tx, c=chunk: self._write_edges(tx, c, merge=True))

    def _write_nodes(self, tx: Any, nodes: list[Node], merge: bool) -> None:
        stored = {r["id"]: node_from_record(r)
                  for r in tx.run(cypher.nodes_by_ids(), ids=[n.id for n in nodes])}
        seq = self._next_seq(len(nodes))
        new: dict[str, list[dict[str, Any]]] = defaultdict(list)
        changed: list[Node] = []
        for i, node in enumerate(nodes):
            old = stored.get(node.id)
            if old is None:
                new[node.type].append(node_row(node, seq + i))
            elif not merge:
                changed.append(node)
            elif old.merge(node):
                changed.append(old)
        for node_type, rows in new.items():
            tx.run(cypher.create_nodes(node_type), rows=rows).consume()
        if changed:
            tx.run(cypher.update_nodes(), rows=[node_row(n, 0) for n in changed]).consume()

    def _write_edges(self, tx: Any, edges: list[Edge], merge: bool) -> None:
        ids = sorted({e.source for e in edges} | {e.target for e in edges})
        types = {r["id"]: r["type"] for r in tx.run(cypher.node_types_by_ids(), ids=ids)}
        seq = self._next_seq(len(edges))
        by_rel: dict[str, list[tuple[int, Edge]]] = defaultdict(list)
        for i, edge in enumerate(edges):
            for end in (edge.source, edge.target):
                if end not in types:
                    raise NotFoundError(f"edge {edge.type}: endpoint {end} is not in the graph")
            check_edge_types(edge, types[edge.source], types[edge.target])
            by_rel[edge.type].append((seq + i, edge))
        for relation, group in by_rel.items():
            if merge:
                keys = [{"source": e.source, "target": e.target} for _, e in group]
                stored = {(r["source"], r["target"]): edge_from_record(r)
                          for r in tx.run(cypher.edges_by_keys(relation), keys=keys)}
                merged = []
                for n, edge in group:
                    old = stored.get((edge.source, edge.target))
                    if old is None:
                        merged.append((n, edge))
                    elif old.merge(edge):
                        merged.append((n, old))
                group = merged
            if group:
                # An existing edge keeps its seq (ON CREATE SET), as a networkx re-put keeps its place.
                rows = [edge_row(e, n) for n, e in group]
                tx.run(cypher.merge_edges(relation), rows=rows).consume()

    def node_count(self) -> int:
        return sum(r["count"] for r in self._read(cypher.count_nodes_by_type()))

    def edge_count(self) -> int:
        return sum(r["count"] for r in self._read(cypher.count_edges_by_type()))

    def stats(self) -> dict[str, Any]:
        """The same counts as GraphStore.stats, counted on the server."""
        nodes = {r["type"]: r["count"] for r in self._read(cypher.count_nodes_by_type())}
        edges = {r["type"]: r["count"] for r in self._read(cypher.count_edges_by_type())}
        return stats_dict(len(self.documents()), nodes, edges)

    def find_nodes(self, name: str, type: str | None = None, limit: int = 10) -> list[Node]:
        """GraphStore.find_nodes over the candidates the server pre-selects by name key."""
        key = name_key(name)
        if not key or not _known(node_type=type):
            return []
        candidates = [node_from_record(r) for r in self._read(cypher.nodes_matching_key(type), key=key)]
        return GraphStore.find_nodes(_Candidates(candidates), name, None, limit)  # type: ignore[arg-type]

    def edges_of(self, node_id: str) -> list[Edge]:
        """Out edges then in edges, each in insertion order, in one round trip."""
        recs = self._read(cypher.edges_touching(), id=node_id)
        out = [edge_from_record(r) for r in recs if r["source"] == node_id]
        into = [edge_from_record(r) for r in sorted((r for r in recs if r["target"] == node_id),
                                                     key=lambda r: r["source_seq"])]
        return _networkx_order(out, lambda e: e.target) + into

    def clear(self) -> int:
        """Delete every vocgraph node, edge and document (in batches); the number of nodes deleted."""
        total = 0
        while True:
            deleted = self._write(lambda tx: tx.run(cypher.delete_batch(), batch=10 * self.batch_size)
                                  .single()["deleted"])
            total += deleted
            if not deleted:
                return total


class _Candidates:
    """A node list that GraphStore.find_nodes can rank (it only needs iter_nodes)."""

    def __init__(self, nodes: list[Node]) -> None:
        self._nodes = nodes

    def iter_nodes(self, type: str | None = None) -> Iterator[Node]:
        return iter(self._nodes)


def _networkx_order(edges: list[Edge], group: Callable[[Edge], Any]) -> list[Edge]:
    """Edges (in insertion order) grouped the way a networkx MultiDiGraph lists a node's out edges:
    by the neighbour, neighbours in the order they were first linked.

    The store returns edges in the order of an embedded store loaded from disk (which is how
    every command sees it): out edges like this, in edges by source node then insertion. Same
    order, same answers: BFS limits, path order and export order all follow it.
    """
    first: dict[Any, int] = {}
    for i, e in enumerate(edges):
        first.setdefault(group(e), i)
    return sorted(edges, key=lambda e: first[group(e)])


def _dedupe(items: Iterable[T], key: Callable[[T], Any]) -> list[T]:
    """Items with one entry per key, later duplicates merged into the first (as repeated upserts would)."""
    first: dict[Any, Any] = {}
    copied: set[Any] = set()
    for item in items:
        k = key(item)
        if k not in first:
            first[k] = item
            continue
        if k not in copied:  # merge into a copy: the caller's objects are not ours to change
            first[k] = copy.deepcopy(first[k])
            copied.add(k)
        first[k].merge(item)
    return list(first.values())


def push(source: GraphStore, target: Neo4jStore, clear: bool = False) -> dict[str, Any]:
    """Copy every document, node and edge of ``source`` into ``target`` (an upsert: run it twice,
    nothing changes). ``clear`` empties the target first. Returns counts and seconds per phase.

    >>> push(NetworkxStore("vocgraph-data"), Neo4jStore.from_settings(settings))  # doctest: +SKIP
    {'documents': 5, 'nodes': 1234, 'edges': 2345, 'seconds': {...}}
    """
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    if clear:
        target.clear()
        seconds["clear"] = time.perf_counter() - t0
    t = time.perf_counter()
    docs = source.documents()
    target.put_documents((d, source.get_document_text(d) or "", meta) for d, meta in docs.items())
    seconds["documents"] = time.perf_counter() - t
    t = time.perf_counter()
    nodes = list(source.iter_nodes())
    target.upsert_many(nodes, [])
    seconds["nodes"] = time.perf_counter() - t
    t = time.perf_counter()
    edges = list(source.iter_edges())
    target.upsert_many([], edges)
    seconds["edges"] = time.perf_counter() - t
    seconds["total"] = time.perf_counter() - t0
    return {"documents": len(docs), "nodes": len(nodes), "edges": len(edges), "seconds": seconds}
