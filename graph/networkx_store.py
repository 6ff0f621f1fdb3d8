"""The embedded default store: a graph in memory (networkx's MultiDiGraph layout, in plain
dicts) persisted in a folder.

Layout of the store folder (format 3)::

    graph.json        one generation: the document list, the stored texts' manifest (document
                      id -> text file), the live index generation and the graph file's name
    graph/<sha>.pickle  nodes and edges (graph/compact.py; named by content)
    texts/<sha>.txt   the stored text each evidence offset points into (named by content)
    index/<gen>/      search index generations (written by search/index.py)
    .lock             the writer lock (graph/lock.py)

A commit writes new text files, the graph file and the index generation first (new names, never overwriting
anything live), then graph.json to a temp file, fsyncs it and renames it over the old one: that
rename is the commit. A kill at any point leaves either the old or the new generation whole.
Files the live generation stops naming are kept RETAIN_SECONDS for readers still on an older
one (graph.json lists them under ``retired``); files no generation names and ``.tmp`` leftovers of
killed writers are deleted by the next writer.

Format 2 stores (nodes and edges inline in graph.json) and format 1 stores (graph.json +
documents.json + docs/<id>.txt + index/CURRENT) still load; the first commit rewrites them as
format 3.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from graph import compact
from graph.base import GraphStore
from graph.errors import SchemaError, StoreError
from graph.lock import DEFAULT_WAIT, StoreLock
from graph.schema import Edge, Node

FORMAT_VERSION = 3
MANIFEST_FORMATS = (2, 3)  # graph.json holds the document list (format 2: and the graph inline)
# Fault injection for the crash tests: seconds to sleep at each commit step (tests/test_crash.py).
PAUSE_ENV = "VOCGRAPH_COMMIT_PAUSE"
# Files a commit stops naming stay this long for readers still on an older generation.
RETAIN_SECONDS = 120.0
_NAMES_BUILD = threading.Lock()
_GRAPH_FILE = re.compile(r"graph/[0-9a-f]{32}\.pickle")
RETAIN_INDEXES = 4  # ... but no more than this many superseded index generations


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_text(path: Path, text: str) -> None:
    """Write text to ``path`` atomically (temp file in the same folder, fsync, rename, fsync
    of the folder so the rename itself survives a power cut)."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """``atomic_write_text`` for bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o664 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def safe_doc_filename(doc_id: str) -> str:
    """The format-1 file name of a document's text (``docs/<id>.txt``)."""
    return doc_id.replace("/", "_").replace("\\", "_").replace("\x00", "_") + ".txt"


def _pause(step: str) -> None:
    seconds = os.environ.get(PAUSE_ENV)
    if seconds:
        time.sleep(float(seconds))


def _stat_stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class NetworkxStore(GraphStore):
    """Embedded store. ``NetworkxStore(path)`` loads the folder's live generation (or starts empty).

    Writers go through ``writing()`` (the store lock; a stale copy is reloaded first) and
    ``commit()``; readers never lock. ``problems`` lists what the load-time check found.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.lock = StoreLock(self.path)
        self._load()
        if self.path.is_dir() and self.lock.try_acquire():  # nobody writing: sweep leftovers
            try:
                self._clean_temp_files()
            finally:
                self.lock.release()

    # ---- persistence ------------------------------------------------------------------
    @property
    def graph_file(self) -> Path:
        return self.path / "graph.json"

    @property
    def docs_file(self) -> Path:
        """The format-1 document list (read once, removed by the first commit)."""
        return self.path / "documents.json"

    @property
    def index_generation(self) -> str | None:
        """Name of the live search index generation (a folder in ``<store>/index``), or None."""
        return self._index

    def set_index_generation(self, name: str | None) -> None:
        """Make ``name`` the index generation of the next commit."""
        self._index = name
        self._dirty = True

    def _reset(self) -> None:
        # The graph in plain dicts, in networkx's MultiDiGraph layout (so iteration orders, and
        # with them exports, are those of the networkx store this was): node id -> Node, and
        # source -> target -> type -> Edge (succ) with its mirror (pred). Building these is
        # 3-4× faster than networkx's add_edge at 100k nodes; ``g`` gives a networkx view.
        self._nodes: dict[str, Node] = {}
        self._succ: dict[str, dict[str, dict[str, Edge]]] = {}
        self._pred: dict[str, dict[str, dict[str, Edge]]] = {}
        self._edges = 0
        self._graph_rel: str | None = None  # the graph file the generation on disk names
        self._cited = None  # what the graph file says documents are cited by (graph/check.py)
        self._names = None  # (generation key, graph.names.NameIndex)
        self._docs: dict[str, dict[str, Any]] = {}
        self._texts: dict[str, str] = {}  # document id -> text file, relative to the store
        self._pending_texts: dict[str, str] = {}
        self._index: str | None = None
        self._retired: dict[str, float] = {}  # file -> when the live generation stopped naming it
        self._live_files: set[str] = set()  # the files the generation on disk names
        self._generation = 0
        self._format = 0  # 0: nothing on disk, 1: legacy layout, 2: graph inline, 3: current
        self._stamp: tuple[int, int, int] | None = None
        self._dirty = False
        self.problems: list[str] = []

    def _load(self) -> None:
        self._reset()
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: store path exists and is not a folder")
        data: Any = None
        if self.graph_file.exists():
            try:
                with open(self.graph_file, encoding="utf-8") as fh:
                    st = os.fstat(fh.fileno())
                    self._stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
                    data = json.loads(fh.read())
                if isinstance(data, dict) and data.get("graph") is not None:
                    self._load_graph_file(data["graph"])
                with compact.gc_paused():
                    for nd in data.get("nodes", []):
                        self._add_node(Node.from_dict(nd))
                    for ed in data.get("edges", []):
                        self._add_edge(Edge.from_dict(ed))
            except (ValueError, KeyError, TypeError, AttributeError, SchemaError) as exc:
                raise StoreError(f"{self.graph_file}: cannot read the graph ({exc})") from exc
        if isinstance(data, dict) and data.get("format") in MANIFEST_FORMATS:
            self._format = data["format"]
            self._generation = int(data.get("generation") or 0)
            self._docs = data.get("documents") or {}
            self._texts = dict(data.get("texts") or {})
            self._index = data.get("index")
            self._retired = dict(data.get("retired") or {})
        elif isinstance(data, dict) and isinstance(data.get("format"), int) and data["format"] > FORMAT_VERSION:
            raise StoreError(f"{self.graph_file}: store format {data['format']} is newer than this "
                             f"vocgraph reads ({FORMAT_VERSION}); upgrade vocgraph")
        else:
            self._load_format1(data is not None)
        if not isinstance(self._docs, dict) or not all(isinstance(m, dict) for m in self._docs.values()):
            where = self.graph_file if self._format in MANIFEST_FORMATS else self.docs_file
            raise StoreError(f"{where}: expected an object of documents by id")
        self._graph_rel = data["graph"] if self._format == FORMAT_VERSION and isinstance(data.get("graph"), str) else None
        self._live_files = {*self._texts.values(), *([f"index/{self._index}"] if self._index else []),
                            *([self._graph_rel] if self._graph_rel else [])}
        from graph.check import quick_problems

        self.problems = quick_problems(self, self._cited)
        self._cited = None  # true of the file only: the graph in memory changes

    def _load_graph_file(self, rel: str) -> None:
        """Nodes and edges from the compact graph file graph.json names (format 3)."""
        if not isinstance(rel, str) or not _GRAPH_FILE.fullmatch(rel):
            raise StoreError(f"{self.graph_file}: {rel!r} is not the name of a graph file")
        path = self.path / rel
        try:
            blob = path.read_bytes()
        except OSError as exc:
            raise StoreError(f"{path}: cannot read the graph file graph.json names ({exc})") from exc
        try:
            self._nodes, self._succ, self._pred, self._edges, self._cited = compact.loads(blob)
        except StoreError as exc:
            raise StoreError(f"{path}: {exc}") from exc

    def _load_format1(self, has_graph: bool) -> None:
        """graph.json (nodes, edges) + documents.json + docs/<id>.txt + index/CURRENT."""
        if self.docs_file.exists():
            try:
                self._docs = json.loads(self.docs_file.read_text(encoding="utf-8"))
            except ValueError as exc:
                raise StoreError(f"{self.docs_file}: cannot read document list ({exc})") from exc
            if not isinstance(self._docs, dict):
                raise StoreError(f"{self.docs_file}: expected an object of documents by id")
        if has_graph or self._docs:
            self._format = 1
        self._texts = {d: f"docs/{safe_doc_filename(d)}" for d in self._docs}
        current = self.path / "index" / "CURRENT"
        if current.exists():
            name = current.read_text(encoding="utf-8").strip()
            self._index = name if name and (self.path / "index" / name).is_dir() else None

    @property
    def generation(self) -> int:
        """The number of the generation this copy holds (0: nothing committed in format 2)."""
        return self._generation

    @property
    def dirty(self) -> bool:
        """Whether there are changes made through the primitives that are not committed yet."""
        return self._dirty

    def is_stale(self) -> bool:
        """Whether another writer committed since this copy was loaded."""
        return _stat_stamp(self.graph_file) != self._stamp

    def reload(self) -> None:
        """Drop uncommitted changes and load the live generation again."""
        self._load()

    @contextmanager
    def writing(self, wait: float = DEFAULT_WAIT, command: str | None = None,
                allow_problems: bool = False) -> Iterator["NetworkxStore"]:
        """Hold the store lock for a change: waits up to ``wait`` s for another writer (then
        StoreBusyError naming it), reloads this copy if another writer committed since it was
        loaded, and drops uncommitted changes if the block fails."""
        outer = not self.lock.held
        self.lock.acquire(wait, command)
        try:
            if outer:
                self._clean_temp_files()
                if self.is_stale():
                    if self._dirty:
                        raise StoreError(f"{self.path}: another writer committed since this store was "
                                         "loaded; its uncommitted changes would overwrite that: reopen and retry")
                    self._load()
                if self.problems and not allow_problems:
                    raise StoreError(f"{self.path}: the store is inconsistent ({'; '.join(self.problems[:3])}); "
                                     "run `vocgraph check --repair` before changing it")
            yield self
        except BaseException:
            if outer:
                self._load()
            raise
        finally:
            self.lock.release()

    def commit(self) -> None:
        """Write a new generation atomically (takes the lock when the caller did not)."""
        with self.writing(allow_problems=True):
            try:
                self._write_generation()
            except OSError as exc:  # permissions, disk full: the live generation is intact
                raise StoreError(f"{self.path}: cannot write the store ({exc})") from exc

    def _write_generation(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        _pause("start")
        texts = dict(self._texts)
        for doc_id, text in self._pending_texts.items():
            rel = f"texts/{hashlib.sha256(text.encode('utf-8')).hexdigest()[:32]}.txt"
            if not (self.path / rel).exists():
                atomic_write_text(self.path / rel, text)
                _pause("text")
            texts[doc_id] = rel
        texts = {d: texts[d] for d in sorted(self._docs) if d in texts}
        blob = compact.dumps(self._nodes, self._succ, self._pred, self._edges)
        graph_rel = f"graph/{hashlib.blake2b(blob, digest_size=16).hexdigest()}.pickle"
        if not (self.path / graph_rel).exists():
            atomic_write_bytes(self.path / graph_rel, blob)
            _pause("graph file")
        live = {*texts.values(), graph_rel, *([f"index/{self._index}"] if self._index else [])}
        retired, expired = self._retire(live)
        data = {
            "format": FORMAT_VERSION, "generation": self._generation + 1, "index": self._index,
            "documents": self._docs, "texts": texts, "retired": retired, "graph": graph_rel,
            "counts": {"nodes": len(self._nodes), "edges": self._edges},
        }
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        _pause("graph")
        atomic_write_text(self.graph_file, payload)  # the commit point
        _pause("renamed")
        was_format1 = self._format == 1
        self._texts, self._retired, self._format = texts, retired, FORMAT_VERSION
        self._graph_rel = graph_rel
        self._generation += 1
        self._pending_texts.clear()
        self._dirty = False
        self._stamp = _stat_stamp(self.graph_file)
        self._live_files = live
        self._collect(live | set(retired), expired, was_format1)

    def _retire(self, live: set[str]) -> tuple[dict[str, float], list[str]]:
        """Files the live generation names and the new one does not are retired, not deleted:
        a reader that loaded an older generation still reads them for RETAIN_SECONDS (at most
        RETAIN_INDEXES index generations are kept). Returns (still retired, expired)."""
        now = time.time()
        before = set(self._live_files)
        retired = {f: t for f, t in self._retired.items() if f not in live}
        retired.update({f: now for f in before - live if f not in retired})
        expired = [f for f, t in retired.items() if now - t > RETAIN_SECONDS]
        indexes = sorted((t, f) for f, t in retired.items() if f.startswith("index/") and f not in expired)
        expired += [f for _, f in indexes[:-RETAIN_INDEXES]] if len(indexes) > RETAIN_INDEXES else []
        return {f: t for f, t in sorted(retired.items()) if f not in expired}, expired

    # ---- cleaning ---------------------------------------------------------------------
    def _clean_temp_files(self) -> None:
        """Delete what a killed writer left: temp files and unfinished index folders."""
        for folder in (self.path, self.path / "texts", self.path / "docs", self.path / "graph", self.path / "index"):
            if not folder.is_dir():
                continue
            for p in folder.glob(".*.tmp"):
                shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)

    def _collect(self, keep: set[str], expired: list[str], was_format1: bool) -> None:
        """After a commit: delete expired files and those no generation names (written by a
        writer killed before its commit)."""
        for rel in expired:
            p = self.path / rel
            shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
        for folder, pattern in (("texts", "*.txt"), ("docs", "*.txt"), ("graph", "*.pickle")):
            for p in (self.path / folder).glob(pattern) if (self.path / folder).is_dir() else ():
                if f"{folder}/{p.name}" not in keep:
                    p.unlink(missing_ok=True)
        index = self.path / "index"
        if index.is_dir():
            for p in index.iterdir():
                if p.is_dir() and not p.name.startswith(".") and f"index/{p.name}" not in keep:
                    shutil.rmtree(p, ignore_errors=True)
            if was_format1:
                (index / "CURRENT").unlink(missing_ok=True)  # graph.json names the index now
        if was_format1:
            self.docs_file.unlink(missing_ok=True)
        self._clean_temp_files()

    # ---- primitives -----------------------------------------------------------------
    def get_node(self, node_id: str) -> Node | None:
        return self._nodes.get(node_id)

    def put_node(self, node: Node) -> None:
        self._add_node(node)
        self._dirty = True

    def _add_node(self, node: Node) -> None:
        if node.id not in self._succ:
            self._succ[node.id] = {}
            self._pred[node.id] = {}
        self._nodes[node.id] = node

    def get_edge(self, source: str, target: str, type: str) -> Edge | None:
        return self._succ.get(source, {}).get(target, {}).get(type)

    def put_edge(self, edge: Edge) -> None:
        self._add_edge(edge)
        self._dirty = True

    def _add_edge(self, edge: Edge) -> None:
        src, tgt = edge.source, edge.target
        out = self._succ.get(src)
        if out is None:  # as networkx: an edge brings its endpoints into the adjacency
            out = self._succ[src] = {}
            self._pred[src] = {}
        if tgt not in self._succ:
            self._succ[tgt] = {}
            self._pred[tgt] = {}
        keys = out.get(tgt)
        if keys is None:  # one dict for both directions, as networkx keeps it
            keys = out[tgt] = self._pred[tgt][src] = {}
        if edge.type not in keys:
            self._edges += 1
        keys[edge.type] = edge

    def iter_nodes(self, type: str | None = None) -> Iterator[Node]:
        if type is None:
            yield from self._nodes.values()
            return
        for n in self._nodes.values():
            if n.type == type:
                yield n

    def iter_edges(self, type: str | None = None) -> Iterator[Edge]:
        for out in self._succ.values():
            for keys in out.values():
                if type is None:
                    yield from keys.values()
                else:
                    e = keys.get(type)
                    if e is not None:
                        yield e

    def out_edges(self, node_id: str) -> list[Edge]:
        return [e for keys in self._succ.get(node_id, {}).values() for e in keys.values()]

    def in_edges(self, node_id: str) -> list[Edge]:
        return [e for keys in self._pred.get(node_id, {}).values() for e in keys.values()]

    def remove_edge(self, source: str, target: str, type: str) -> None:
        """Delete an edge if present (used when a document is replaced or removed)."""
        keys = self._succ.get(source, {}).get(target)
        if keys is None or type not in keys:
            return
        del keys[type]
        self._edges -= 1
        if not keys:
            del self._succ[source][target]
            del self._pred[target][source]
        self._dirty = True

    def remove_node(self, node_id: str) -> None:
        """Delete a node and its edges if present."""
        if node_id not in self._succ:
            return
        out, inn = self._succ.pop(node_id), self._pred.pop(node_id)
        self._edges -= sum(map(len, out.values())) + sum(len(k) for u, k in inn.items() if u != node_id)
        for v in out:
            if v != node_id:
                del self._pred[v][node_id]
        for u in inn:
            if u != node_id:
                del self._succ[u][node_id]
        self._nodes.pop(node_id, None)
        self._dirty = True

    @property
    def g(self):
        """The graph as a networkx MultiDiGraph (a copy, built on each call: for networkx's
        algorithms; nodes carry ``node``, edges ``edge``, keyed by relation type)."""
        import networkx as nx

        g = nx.MultiDiGraph()
        for nid in self._succ:
            if nid in self._nodes:
                g.add_node(nid, node=self._nodes[nid])
            else:
                g.add_node(nid)
        for e in self.iter_edges():
            g.add_edge(e.source, e.target, key=e.type, edge=e)
        return g

    def name_index(self):
        """The name index of this generation (graph/names.py), built on first use; None while
        there are uncommitted changes (then lookups test every node, as GraphStore's do)."""
        if self._dirty:
            return None
        key = (self._generation, self._stamp, len(self._nodes))
        names = self._names
        if names is None or names[0] != key:
            with _NAMES_BUILD:  # concurrent requests build it once
                names = self._names
                if names is None or names[0] != key:
                    from graph.names import NameIndex

                    self._names = names = (key, NameIndex(self._nodes.values()))
        return names[1]

    def find_nodes(self, name: str, type: str | None = None, limit: int = 10) -> list[Node]:
        index = self.name_index()
        return index.find(name, type, limit) if index is not None else super().find_nodes(name, type, limit)

    def remove_document(self, doc_id: str) -> None:
        """Drop a document and its stored text from the document list (its evidence: see
        ingest.remove, which calls this last)."""
        self._docs.pop(doc_id, None)
        self._pending_texts.pop(doc_id, None)
        self._texts.pop(doc_id, None)
        self._dirty = True

    def node_count(self) -> int:
        return len(self._nodes)

    def edge_count(self) -> int:
        return self._edges

    def put_document(self, doc_id: str, text: str, meta: dict[str, Any]) -> None:
        self._docs[doc_id] = dict(meta)
        self._pending_texts[doc_id] = text
        self._dirty = True

    def get_document_text(self, doc_id: str) -> str | None:
        if doc_id in self._pending_texts:
            return self._pending_texts[doc_id]
        rel = self._texts.get(doc_id)
        if rel is None:
            return None
        try:
            return (self.path / rel).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def has_document_text(self, doc_id: str) -> bool:
        """Whether the document's stored text is there (without reading it)."""
        rel = self._texts.get(doc_id)
        return doc_id in self._pending_texts or (rel is not None and (self.path / rel).is_file())

    def documents(self) -> dict[str, dict[str, Any]]:
        return dict(self._docs)
