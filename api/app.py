"""The HTTP API: a FastAPI app over any GraphStore (read-only unless an API token is set).

>>> app = create_app(store=NetworkxStore("vocgraph-data"))        # doctest: +SKIP
>>> uvicorn.run(app, host="127.0.0.1", port=8000)                  # or: vocgraph serve

Handlers are thin: graph queries come from the GraphStore contract (so the Neo4j backend
works too), answers from search.answer / search.trace, ingest from ingest.pipeline; those
packages are imported when a request needs them. Every error leaves as
``{"error": {"code", "message"}}`` (see api/http_errors.py, the one place mapping errors to codes).
"""

from __future__ import annotations

import hmac
import importlib
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Literal

from fastapi import Depends, FastAPI, File, Header, Query, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from api import schemas as S
from api.cli import version
from api.common import match_entities
from api.evidence import table_row
from api.exitcodes import USAGE
from api.http_errors import ERROR_RESPONSES, ApiError, install_error_handlers, not_found
from graph.base import GraphStore
from graph.errors import ConfigError, InputError
from graph.schema import EDGE_TYPES, NODE_TYPES
from graph.settings import Settings

STATIC = Path(__file__).resolve().parent / "static"

# Caps: a request can never ask for more than this.
MAX_TOP, MAX_LIMIT, MAX_NEIGHBORS, MAX_HOPS, MAX_PATHS = 50, 100, 500, 6, 20
MAX_UPLOAD_FILES, MAX_UPLOAD_BYTES = 20, 20 * 1024 * 1024
UPLOAD_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
CONTEXT_CHARS = 100
SENTENCE_ENDS = "。！？；!?;"

NodeType = Literal[NODE_TYPES]  # type: ignore[valid-type]


class StoreHolder:
    """The store behind the app and the lock that serialises access to it.

    Handlers run in a thread pool; the embedded store is not thread-safe for writes, and
    an upload must not be seen half-ingested, so every access holds the lock.
    """

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.lock = threading.RLock()

    @contextmanager
    def use(self) -> Iterator[GraphStore]:
        with self.lock:
            yield self.store

    def reload(self) -> None:
        """After a failed write: drop uncommitted changes by reloading the embedded store."""
        from graph.networkx_store import NetworkxStore

        if isinstance(self.store, NetworkxStore):
            self.store = NetworkxStore(self.store.path)


def _package_function(module: str, name: str) -> Callable[..., Any]:
    """A function from another package, imported on first use (503 when it is missing)."""
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        ours = (exc.name or "").split(".")[0] in ("graph", "ingest", "search", "api")
        hint = "this installation of vocgraph lacks it" if ours else 'pip install "vocgraph[all]"'
        raise ConfigError(f"{module}.{name} is not available: module {exc.name} is missing ({hint})") from exc


def _fastapi(**kwargs: Any) -> FastAPI:
    """FastAPI with /docs served from local files when fastapi-offline is installed (no CDN)."""
    try:
        from fastapi_offline import FastAPIOffline
    except ImportError:
        return FastAPI(**kwargs)  # /docs then loads Swagger UI from its CDN
    return FastAPIOffline(**kwargs)


def _require_node(store: GraphStore, node_id: str, what: str = "entity"):
    node = store.get_node(node_id)
    if node is None:
        suggestions = [S.brief(n) for n in match_entities(store, node_id, None, 5)]
        raise not_found(f"no {what} with id {node_id!r}", suggestions)
    return node


def _require_text(q: str) -> None:
    """A blank question is bad usage, as on the CLI (exit 2): 422, never an empty answer."""
    if not q.strip():
        raise ApiError(USAGE.status, USAGE.code, "query parameter 'q': the question is empty")


def sentence_window(text: str, start: int, end: int, max_chars: int = CONTEXT_CHARS) -> tuple[int, int]:
    """The span of the sentence around [start, end): from the previous to the next 。！？；
    (at most ``max_chars`` on each side: table rows and headings have no sentence ends)."""
    quote = text[start:end].strip()
    left = start
    while left > 0 and start - left < max_chars and text[left - 1] not in SENTENCE_ENDS:
        left -= 1
    right = end
    if quote and quote[-1] in SENTENCE_ENDS:
        return left, right  # the quote already ends its sentence
    while right < len(text) and right - end < max_chars and text[right] not in SENTENCE_ENDS:
        right += 1
    if right < len(text) and text[right] in SENTENCE_ENDS:
        right += 1
    return left, right


def _split_types(values: list[str] | None) -> tuple[set[str], set[str]]:
    """``types`` given as repeated or comma-separated values: (relation types, node types)."""
    rels, node_types = set(), set()
    for v in values or []:
        for t in filter(None, (s.strip() for s in v.split(","))):
            if t in EDGE_TYPES:
                rels.add(t)
            elif t in NODE_TYPES:
                node_types.add(t)
            else:
                raise ApiError(422, "invalid_parameter",
                               f"query parameter 'types': unknown type {t!r}; expected relation types "
                               f"({', '.join(EDGE_TYPES)}) or node types ({', '.join(NODE_TYPES)})")
    return rels, node_types


def create_app(store: GraphStore | None = None, settings: Settings | None = None,
               backend: str = "networkx") -> FastAPI:
    """The app over ``store`` (default: the store named by ``settings``, else the environment)."""
    settings = settings or Settings.from_env()
    if store is None:
        from graph.factory import open_store

        store = open_store(settings, backend=backend)
    holder = StoreHolder(store)
    app = _fastapi(
        title="vocgraph API",
        version=version(),
        description="Knowledge graph and semantic search over Chinese vocational-education documents. "
                    "Read-only unless VOCGRAPH_API_TOKEN is set. Every error has the shape "
                    '`{"error": {"code", "message"}}`.',
        responses=ERROR_RESPONSES,
    )
    app.state.graph = holder
    app.state.settings = settings
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    # ---- pages ------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/viz/{node_id}", response_class=HTMLResponse, tags=["pages"],
             summary="The ego network of a node as a self-contained HTML page")
    def viz(node_id: str, depth: int = Query(1, ge=1, le=2),
            limit: int = Query(200, ge=1, le=MAX_NEIGHBORS)) -> HTMLResponse:
        from api.viz import render_ego_network

        with holder.use() as st:
            _require_node(st, node_id)
            return HTMLResponse(render_ego_network(st, node_id, depth=depth, limit=limit))

    # ---- graph ------------------------------------------------------------------------
    @app.get("/health", response_model=S.Health, tags=["graph"])
    def health() -> S.Health:
        with holder.use() as st:
            return S.Health(status="ok", nodes=st.node_count(), edges=st.edge_count())

    @app.get("/entities", response_model=S.EntityList, tags=["graph"],
             summary="Find nodes by name or alias (exact, substring, then fuzzy)")
    def entities(name: str | None = Query(None, min_length=1, max_length=200),
                 type: NodeType | None = None,
                 limit: int = Query(10, ge=1, le=MAX_LIMIT)) -> S.EntityList:
        with holder.use() as st:
            if name is None:
                found = sorted(st.iter_nodes(type), key=lambda n: n.name)[:limit]
            else:
                found = match_entities(st, name, type, limit)
            return S.EntityList(query=name, type=type, entities=[S.NodeOut.of(n) for n in found])

    @app.get("/entities/{node_id}", response_model=S.EntityDetail, tags=["graph"],
             summary="A node with its aliases and every edge touching it, with evidence")
    def entity(node_id: str) -> S.EntityDetail:
        with holder.use() as st:
            node = _require_node(st, node_id)
            edges = st.edges_of(node_id)
            others = {e.target if e.source == node_id else e.source for e in edges}
            neighbors = [S.brief(n) for n in (st.get_node(i) for i in sorted(others)) if n is not None]
            return S.EntityDetail(node=S.NodeOut.of(node), edges=[S.EdgeOut.of(e) for e in edges],
                                  neighbors=neighbors)

    @app.get("/entities/{node_id}/neighbors", response_model=S.Subgraph, tags=["graph"],
             summary="The ego network: nodes and edges up to depth hops")
    def neighbors(node_id: str, depth: int = Query(1, ge=1, le=2),
                  types: list[str] | None = Query(None, description="relation types to follow and/or "
                                                  "node types to keep, comma-separated or repeated"),
                  limit: int = Query(200, ge=1, le=MAX_NEIGHBORS)) -> S.Subgraph:
        rels, node_types = _split_types(types)
        with holder.use() as st:
            _require_node(st, node_id)
            nodes, edges = st.neighborhood(node_id, depth=depth, types=rels or None, limit=limit)
            truncated = len(nodes) >= limit
            if node_types:
                nodes = [n for n in nodes if n.id == node_id or n.type in node_types]
                kept = {n.id for n in nodes}
                edges = [e for e in edges if e.source in kept and e.target in kept]
            return S.Subgraph(center=node_id, depth=depth, nodes=[S.NodeOut.of(n) for n in nodes],
                              edges=[S.EdgeOut.of(e) for e in edges], truncated=truncated)

    @app.get("/paths", response_model=S.Paths, tags=["graph"],
             summary="Shortest paths between two nodes (edges followed in either direction)")
    def paths(source: str = Query(..., min_length=1), target: str = Query(..., min_length=1),
              max_hops: int = Query(4, ge=1, le=MAX_HOPS),
              limit: int = Query(10, ge=1, le=MAX_PATHS)) -> S.Paths:
        with holder.use() as st:
            _require_node(st, source, "source")
            _require_node(st, target, "target")
            out = []
            for edge_path in st.shortest_paths(source, target, max_hops=max_hops, limit=limit):
                order, cur = [source], source
                for e in edge_path:
                    cur = e.target if e.source == cur else e.source
                    order.append(cur)
                out.append(S.PathOut(length=len(edge_path),
                                     nodes=[S.brief(st.require_node(i)) for i in order],
                                     edges=[S.EdgeOut.of(e) for e in edge_path]))
            return S.Paths(source=source, target=target, max_hops=max_hops, paths=out)

    # ---- questions --------------------------------------------------------------------
    @app.get("/ask", response_model=S.AskResponse, tags=["search"],
             summary="Answer a question (Chinese or English): the JSON of `vocgraph ask --json`")
    def ask(q: str = Query(..., min_length=1, max_length=500),
            top: int = Query(10, ge=1, le=MAX_TOP)) -> dict[str, Any]:
        _require_text(q)
        fn = _package_function("search.answer", "ask")
        with holder.use() as st:
            return fn(st, q, top=top)

    @app.get("/search", response_model=S.SearchResponse, tags=["search"],
             summary="Hybrid search over nodes and passages: the JSON of `vocgraph search --json`")
    def search(q: str = Query(..., min_length=1, max_length=500), type: NodeType | None = None,
               top: int = Query(10, ge=1, le=MAX_TOP)) -> dict[str, Any]:
        _require_text(q)
        fn = _package_function("search.answer", "search")
        with holder.use() as st:
            return fn(st, q, type=type, top=top)

    @app.get("/trace", response_model=S.TraceResponse, tags=["search"],
             summary="Trace a policy, target or measure: the JSON of `vocgraph trace --json`")
    def trace(q: str = Query(..., min_length=1, max_length=500),
              direction: Literal["down", "up", "both"] = "down") -> dict[str, Any]:
        _require_text(q)
        fn = _package_function("search.trace", "trace")
        with holder.use() as st:
            return fn(st, q, direction=direction)

    # ---- documents --------------------------------------------------------------------
    @app.get("/documents", response_model=S.DocumentList, tags=["documents"])
    def documents() -> S.DocumentList:
        with holder.use() as st:
            docs = st.documents()
        return S.DocumentList(documents=[S.DocumentInfo(id=k, meta=v) for k, v in sorted(docs.items())])

    @app.get("/documents/{doc_id}/context", response_model=S.Context, tags=["documents"],
             summary="A quoted span of a stored document in its sentence (for highlighting evidence)")
    def context(doc_id: str, start: int = Query(..., ge=0), end: int = Query(..., ge=0)) -> S.Context:
        with holder.use() as st:
            text = st.get_document_text(doc_id)
            if text is None:
                raise not_found(f"no document with id {doc_id!r}; known: {', '.join(sorted(st.documents()))}")
        if not start < end <= len(text):
            raise ApiError(422, "invalid_parameter",
                           f"span [{start}, {end}) is not inside document {doc_id!r} ({len(text)} characters)")
        row = table_row(text, start, end)
        # A table row is shown as the row (with the table's header), not its neighbouring rows.
        left, right = (row.start, row.end) if row else sentence_window(text, start, end)
        return S.Context(doc=doc_id, start=start, end=end, quote=text[start:end], context=text[left:right],
                         context_start=left, highlight_start=start - left, highlight_end=end - left,
                         row=S.TableRowOut(cells=row.cells, header=row.header, caption=row.caption) if row else None)

    def require_token(authorization: str | None = Header(None)) -> None:
        token = settings.api_token
        if not token:
            raise ApiError(403, "forbidden", "the API is read-only: set VOCGRAPH_API_TOKEN to enable uploads")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise ApiError(403, "forbidden", "uploads need the header 'Authorization: Bearer <VOCGRAPH_API_TOKEN>'")

    @app.post("/documents", response_model=S.Upload, status_code=201, tags=["documents"],
              dependencies=[Depends(require_token)],
              summary="Upload and ingest documents (.txt .md .docx .pdf); needs the API token")
    def upload(files: list[UploadFile] = File(..., description="one or more documents")) -> S.Upload:
        return _ingest_uploads(holder, settings, files)

    return app


def _ingest_uploads(holder: StoreHolder, settings: Settings, files: list[UploadFile]) -> S.Upload:
    """Read every upload first: one bad file rejects the request before anything is stored."""
    read_document = _package_function("ingest.readers", "read_document")
    ingest_documents = _package_function("ingest.pipeline", "ingest_documents")
    if len(files) > MAX_UPLOAD_FILES:
        raise ApiError(422, "invalid_parameter", f"at most {MAX_UPLOAD_FILES} files per upload")
    with tempfile.TemporaryDirectory(prefix="vocgraph-upload-") as tmp:
        docs, names = [], set()
        for f in files:
            name = Path((f.filename or "").replace("\\", "/")).name
            if not name or name.startswith(".") or Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
                raise InputError(name or "(unnamed file)",
                                 f"unsupported file; expected one of {', '.join(UPLOAD_SUFFIXES)}")
            if name in names:
                raise InputError(name, "uploaded twice in one request")
            names.add(name)
            data = f.file.read(MAX_UPLOAD_BYTES + 1)
            if len(data) > MAX_UPLOAD_BYTES:
                raise ApiError(413, "too_large", f"{name}: larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MiB")
            path = Path(tmp) / name
            path.write_bytes(data)
            try:
                doc = read_document(path)
            except InputError as exc:
                raise InputError(name, exc.reason) from exc
            doc.path = doc.meta["path"] = name  # not the temp folder it was read from
            docs.append(doc)
        with holder.lock:
            st = holder.store
            before_nodes, before_edges = st.node_count(), st.edge_count()
            try:
                report = ingest_documents(docs, st)
                st.commit()
            except Exception:
                holder.reload()
                raise
            indexed = _update_indexes(st, [d.id for d in docs])
            return S.Upload(
                documents=[d.id for d in docs], nodes=st.node_count(), edges=st.edge_count(),
                added_nodes=st.node_count() - before_nodes, added_edges=st.edge_count() - before_edges,
                unchanged=list(getattr(report, "unchanged", [])),
                warnings=[str(w) for w in getattr(report, "warnings", [])], indexed=indexed)


def _update_indexes(store: GraphStore, doc_ids: list[str]) -> bool:
    """Bring the search indexes up to date after an upload, when the search package is there.

    The embedder is the one the existing index was built with (search.index's default).
    """
    try:
        update = _package_function("search.index", "update_indexes")
    except ConfigError:
        return False
    update(store, doc_ids=doc_ids)
    return True
