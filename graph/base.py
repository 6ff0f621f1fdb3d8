"""The GraphStore contract: a few primitives each backend implements, and backend-neutral
logic (upsert with merge, neighbourhoods, shortest paths, name lookup, stats) built on them.

Backends: ``graph.networkx_store.NetworkxStore`` (embedded default, a folder on disk) and
``graph.neo4j_store.Neo4jStore`` (a Bolt server). ``graph.factory.open_store`` picks one.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter, deque
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Iterable, Iterator

from graph.errors import NotFoundError
from graph.normalize import name_key
from graph.schema import Edge, Node, check_edge_types


def stats_dict(documents: int, nodes: dict[str, int], edges: dict[str, int]) -> dict[str, Any]:
    """The stats shape every backend returns, from its per-type counts."""
    return {
        "documents": documents,
        "nodes": sum(nodes.values()),
        "edges": sum(edges.values()),
        "nodes_by_type": dict(sorted(nodes.items())),
        "edges_by_type": dict(sorted(edges.items())),
    }


class GraphStore(ABC):
    """Storage contract. Backends implement the abstract primitives only."""

    # ---- primitives -------------------------------------------------------------------
    @abstractmethod
    def get_node(self, node_id: str) -> Node | None:
        """The node with this id, or None."""

    @abstractmethod
    def put_node(self, node: Node) -> None:
        """Insert or replace a node as given (no merging: use upsert_node)."""

    @abstractmethod
    def get_edge(self, source: str, target: str, type: str) -> Edge | None:
        """The edge (source, target, type), or None."""

    @abstractmethod
    def put_edge(self, edge: Edge) -> None:
        """Insert or replace an edge as given (both endpoints must exist)."""

    @abstractmethod
    def iter_nodes(self, type: str | None = None) -> Iterator[Node]:
        """All nodes, optionally of one type."""

    @abstractmethod
    def iter_edges(self, type: str | None = None) -> Iterator[Edge]:
        """All edges, optionally of one relation type."""

    @abstractmethod
    def out_edges(self, node_id: str) -> list[Edge]:
        """Edges whose source is node_id."""

    @abstractmethod
    def in_edges(self, node_id: str) -> list[Edge]:
        """Edges whose target is node_id."""

    @abstractmethod
    def put_document(self, doc_id: str, text: str, meta: dict[str, Any]) -> None:
        """Store a document's text (the text evidence offsets point into) and its metadata."""

    @abstractmethod
    def get_document_text(self, doc_id: str) -> str | None:
        """The stored text of a document, or None."""

    @abstractmethod
    def documents(self) -> dict[str, dict[str, Any]]:
        """Metadata of every stored document, by document id."""

    @abstractmethod
    def commit(self) -> None:
        """Make pending writes durable (atomic for the embedded store)."""

    def close(self) -> None:
        """Release resources (driver connections, file handles)."""

    def writing(self, wait: float = 5.0, command: str | None = None,
                allow_problems: bool = False) -> AbstractContextManager["GraphStore"]:
        """Hold the store for a change: one writer at a time. The embedded store takes a file
        lock (graph/lock.py) and reloads a stale copy; a server backend relies on its own
        transactions, so the default holds nothing."""
        return nullcontext(self)

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- backend-neutral logic ------------------------------------------------------
    def upsert_node(self, node: Node) -> Node:
        """Insert a node, or merge aliases/docs/properties into the stored one."""
        existing = self.get_node(node.id)
        if existing is None:
            self.put_node(node)
            return node
        if existing.merge(node):
            self.put_node(existing)
        return existing

    def upsert_edge(self, edge: Edge) -> Edge:
        """Insert an edge, or add its new evidence to the stored one (no duplicate evidence)."""
        src, tgt = self.get_node(edge.source), self.get_node(edge.target)
        if src is None or tgt is None:
            missing = edge.source if src is None else edge.target
            raise NotFoundError(f"edge {edge.type}: endpoint {missing} is not in the graph")
        check_edge_types(edge, src.type, tgt.type)
        existing = self.get_edge(*edge.key)
        if existing is None:
            self.put_edge(edge)
            return edge
        if existing.merge(edge):
            self.put_edge(existing)
        return existing

    def upsert_many(self, nodes: Iterable[Node], edges: Iterable[Edge]) -> None:
        """Upsert nodes then edges. Backends may override with a batched version."""
        for n in nodes:
            self.upsert_node(n)
        for e in edges:
            self.upsert_edge(e)

    def node_count(self) -> int:
        return sum(1 for _ in self.iter_nodes())

    def edge_count(self) -> int:
        return sum(1 for _ in self.iter_edges())

    def require_node(self, node_id: str) -> Node:
        node = self.get_node(node_id)
        if node is None:
            raise NotFoundError(f"no node with id {node_id!r}")
        return node

    def stats(self) -> dict[str, Any]:
        """Counts: documents, nodes per type, edges per type."""
        return stats_dict(len(self.documents()), Counter(n.type for n in self.iter_nodes()),
                          Counter(e.type for e in self.iter_edges()))

    def find_nodes(self, name: str, type: str | None = None, limit: int = 10) -> list[Node]:
        """Nodes whose name or alias matches ``name``: exact key match first, then substring."""
        key = name_key(name)
        if not key:
            return []
        exact: list[Node] = []
        partial: list[tuple[int, Node]] = []
        for n in self.iter_nodes(type):
            keys = {name_key(a) for a in [n.name, *n.aliases]}
            if key in keys:
                exact.append(n)
            elif any(key in k or (len(k) >= 4 and k in key) for k in keys):
                best = min(abs(len(k) - len(key)) for k in keys)
                partial.append((best, n))
        partial.sort(key=lambda t: (t[0], t[1].name))
        return (exact + [n for _, n in partial])[:limit]

    def edges_of(self, node_id: str) -> list[Edge]:
        """All edges touching a node (out then in)."""
        return self.out_edges(node_id) + self.in_edges(node_id)

    def neighborhood(
        self, node_id: str, depth: int = 1, types: Iterable[str] | None = None, limit: int = 200
    ) -> tuple[list[Node], list[Edge]]:
        """The ego network of a node up to ``depth`` hops, following edges of ``types`` (any if None).

        Breadth-first, so when ``limit`` nodes are reached the nearest ones are kept; within one
        hop, edges are followed by type, then by the id of the node at the other end, so every store
        keeps the same nodes whatever order its adjacency comes in.
        """
        self.require_node(node_id)
        allowed = set(types) if types else None
        seen: dict[str, int] = {node_id: 0}
        order = [node_id]
        edges: dict[tuple[str, str, str], Edge] = {}
        queue = deque([node_id])
        while queue:
            cur = queue.popleft()
            if seen[cur] >= depth:
                continue
            hop = [(e.type, e.target if e.source == cur else e.source, e) for e in self.edges_of(cur)
                   if allowed is None or e.type in allowed]
            hop.sort(key=lambda t: (t[0], t[1]))
            for _, other, e in hop:
                if other not in seen:
                    if len(seen) >= limit:
                        continue
                    seen[other] = seen[cur] + 1
                    order.append(other)
                    queue.append(other)
                edges[e.key] = e
        nodes = [self.require_node(i) for i in order]
        kept = set(order)
        return nodes, [e for e in edges.values() if e.source in kept and e.target in kept]

    def shortest_paths(self, source: str, target: str, max_hops: int = 4, limit: int = 10) -> list[list[Edge]]:
        """All shortest paths (as edge lists, edges followed in either direction) up to max_hops."""
        self.require_node(source)
        self.require_node(target)
        if source == target:
            return [[]]
        # BFS recording every predecessor edge at the shortest distance.
        dist = {source: 0}
        preds: dict[str, list[tuple[str, Edge]]] = {}
        frontier = [source]
        for d in range(1, max_hops + 1):
            nxt: list[str] = []
            for cur in frontier:
                for e in self.edges_of(cur):
                    other = e.target if e.source == cur else e.source
                    if other not in dist:
                        dist[other] = d
                        nxt.append(other)
                    if dist[other] == d:
                        preds.setdefault(other, []).append((cur, e))
            if target in dist:
                break
            frontier = nxt
        if target not in dist:
            return []
        paths: list[list[Edge]] = []

        def walk(node: str, acc: list[Edge]) -> None:
            if len(paths) >= limit:
                return
            if node == source:
                paths.append(list(reversed(acc)))
                return
            for prev, e in preds.get(node, []):
                walk(prev, acc + [e])

        walk(target, [])
        return paths
