"""The embedded default store: a networkx MultiDiGraph persisted in a folder.

Layout of the store folder::

    graph.json        nodes and edges (the export format)
    documents.json    document metadata by id (path, sha256, characters, ingested_at)
    docs/<id>.txt     the stored text each evidence offset points into
    index/            search indexes (written by search/)

Every file is written to a temp file in the same folder and renamed over the old one, so a
crash mid-write never leaves a half-written graph behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterator

import networkx as nx

from graph.base import GraphStore
from graph.errors import SchemaError, StoreError
from graph.schema import Edge, Node

FORMAT_VERSION = 1


def atomic_write_text(path: Path, text: str) -> None:
    """Write text to ``path`` atomically (temp file in the same folder, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def safe_doc_filename(doc_id: str) -> str:
    """A file name for a document id (ids are file stems; path separators are replaced)."""
    return doc_id.replace("/", "_").replace("\\", "_").replace("\x00", "_") + ".txt"


class NetworkxStore(GraphStore):
    """Embedded store. ``NetworkxStore(path)`` loads the folder if it exists, else starts empty."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.g = nx.MultiDiGraph()
        self._docs: dict[str, dict[str, Any]] = {}
        self._pending_texts: dict[str, str] = {}
        self._load()

    # ---- persistence ------------------------------------------------------------------
    @property
    def graph_file(self) -> Path:
        return self.path / "graph.json"

    @property
    def docs_file(self) -> Path:
        return self.path / "documents.json"

    def _load(self) -> None:
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: store path exists and is not a folder")
        if self.graph_file.exists():
            try:
                data = json.loads(self.graph_file.read_text(encoding="utf-8"))
                for nd in data.get("nodes", []):
                    n = Node.from_dict(nd)
                    self.g.add_node(n.id, node=n)
                for ed in data.get("edges", []):
                    e = Edge.from_dict(ed)
                    self.g.add_edge(e.source, e.target, key=e.type, edge=e)
            except (ValueError, KeyError, TypeError, AttributeError, SchemaError) as exc:
                raise StoreError(f"{self.graph_file}: cannot read the graph ({exc})") from exc
        if self.docs_file.exists():
            try:
                self._docs = json.loads(self.docs_file.read_text(encoding="utf-8"))
            except ValueError as exc:
                raise StoreError(f"{self.docs_file}: cannot read document list ({exc})") from exc
            if not isinstance(self._docs, dict):
                raise StoreError(f"{self.docs_file}: expected an object of documents by id")

    def commit(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        for doc_id, text in self._pending_texts.items():
            atomic_write_text(self.path / "docs" / safe_doc_filename(doc_id), text)
        self._pending_texts.clear()
        data = {
            "format": FORMAT_VERSION,
            "nodes": [n.to_dict() for n in self.iter_nodes()],
            "edges": [e.to_dict() for e in self.iter_edges()],
        }
        atomic_write_text(self.graph_file, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        atomic_write_text(self.docs_file, json.dumps(self._docs, ensure_ascii=False, indent=1))

    # ---- primitives -----------------------------------------------------------------
    def get_node(self, node_id: str) -> Node | None:
        data = self.g.nodes.get(node_id)
        return None if data is None else data["node"]

    def put_node(self, node: Node) -> None:
        self.g.add_node(node.id, node=node)

    def get_edge(self, source: str, target: str, type: str) -> Edge | None:
        data = self.g.get_edge_data(source, target, key=type)
        return None if data is None else data["edge"]

    def put_edge(self, edge: Edge) -> None:
        self.g.add_edge(edge.source, edge.target, key=edge.type, edge=edge)

    def iter_nodes(self, type: str | None = None) -> Iterator[Node]:
        for _, data in self.g.nodes(data=True):
            n = data["node"]
            if type is None or n.type == type:
                yield n

    def iter_edges(self, type: str | None = None) -> Iterator[Edge]:
        for _, _, k, data in self.g.edges(keys=True, data=True):
            if type is None or k == type:
                yield data["edge"]

    def out_edges(self, node_id: str) -> list[Edge]:
        if node_id not in self.g:
            return []
        return [d["edge"] for _, _, d in self.g.out_edges(node_id, data=True)]

    def in_edges(self, node_id: str) -> list[Edge]:
        if node_id not in self.g:
            return []
        return [d["edge"] for _, _, d in self.g.in_edges(node_id, data=True)]

    def remove_edge(self, source: str, target: str, type: str) -> None:
        """Delete an edge if present (the pipeline uses it when a document is replaced)."""
        if self.g.has_edge(source, target, key=type):
            self.g.remove_edge(source, target, key=type)

    def remove_node(self, node_id: str) -> None:
        """Delete a node and its edges if present."""
        if node_id in self.g:
            self.g.remove_node(node_id)

    def node_count(self) -> int:
        return self.g.number_of_nodes()

    def edge_count(self) -> int:
        return self.g.number_of_edges()

    def put_document(self, doc_id: str, text: str, meta: dict[str, Any]) -> None:
        self._docs[doc_id] = dict(meta)
        self._pending_texts[doc_id] = text

    def get_document_text(self, doc_id: str) -> str | None:
        if doc_id in self._pending_texts:
            return self._pending_texts[doc_id]
        p = self.path / "docs" / safe_doc_filename(doc_id)
        return p.read_text(encoding="utf-8") if p.exists() else None

    def documents(self) -> dict[str, dict[str, Any]]:
        return dict(self._docs)
