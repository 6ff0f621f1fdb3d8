"""The HTTP API: a FastAPI app over any GraphStore (read-only unless an API token is set).

>>> app = create_app(store=NetworkxStore("vocgraph-data"))        # doctest: +SKIP
>>> uvicorn.run(app, host="127.0.0.1", port=8000)                  # or: vocgraph serve

Handlers are thin: graph queries come from the GraphStore contract (so the Neo4j backend
works too), answers from search.answer / search.trace, ingest from ingest.pipeline; those
packages are imported when a request needs them. Every error leaves as
``{"error": {"code", "message"}}`` (see api/http_errors.py, the one place mapping errors to codes).
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Literal

from fastapi import Depends, FastAPI, Header, Query, Request
from starlette.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from api import schemas as S
from api.cli import version
from api.common import match_entities, package_function
from api.evidence import table_row
from api.exitcodes import USAGE
from api.http_errors import ERROR_RESPONSES, ApiError, error_response, install_error_handlers, not_found
from api.uploads import (MAX_QUERY_BYTES, UPLOAD_BODY_SCHEMA, check_token, ingest_uploads, read_upload_form,
                         remove_upload)
from graph.base import GraphStore
from graph.schema import EDGE_TYPES, NODE_TYPES
from graph.settings import Settings

STATIC = Path(__file__).resolve().parent / "static"

# Caps: a request can never ask for more than this.
MAX_TOP, MAX_LIMIT, MAX_NEIGHBORS, MAX_HOPS, MAX_PATHS = 50, 100, 500, 6, 20
CONTEXT_CHARS = 100
SENTENCE_ENDS = "。！？；!?;"

NodeType = Literal[NODE_TYPES]  # type: ignore[valid-type]


class StoreHolder:
    """The store behind the app: readers share one generation, writers build the next.

    The embedded store is never changed in place while it serves: a request takes the live
    generation (``use()``, no lock) and reads it in parallel with the other requests; a write
    (``writer()``) changes a fresh copy and swaps it in once committed, and a commit by another
    process (a CLI ingest) is loaded as a new copy by the first request that notices it, while
    the others go on with the generation they have. Nobody sees half an upload. A server
    backend (Neo4j) has transactions of its own, but its client object is shared: its readers
    and writers take ``lock`` as before.
    """

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.lock = threading.RLock()  # server backends only
        self.write_lock = threading.Lock()  # one write at a time in this process
        self._reloading = threading.Lock()

    def _embedded(self) -> bool:
        from graph.networkx_store import NetworkxStore

        return isinstance(self.store, NetworkxStore)

    @contextmanager
    def use(self) -> Iterator[GraphStore]:
        if not self._embedded():
            with self.lock:
                yield self.store
            return
        store = self.store
        if store.is_stale() and not store.dirty and self._reloading.acquire(blocking=False):
            try:  # another process committed: this request loads the new generation
                if self.store is store:
                    from graph.networkx_store import NetworkxStore

                    self.store = store = NetworkxStore(store.path)
                else:
                    store = self.store
            finally:
                self._reloading.release()
        yield store

    @contextmanager
    def writer(self) -> Iterator[GraphStore]:
        """The store to change: a fresh copy of the embedded store, swapped in when the block
        succeeds (dropped when it fails); a server backend itself, with readers held off."""
        from graph.networkx_store import NetworkxStore

        with self.write_lock:
            if self._embedded():
                copy = NetworkxStore(self.store.path)
                yield copy
                self.store = copy
            else:
                with self.lock:
                    yield self.store


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


class RefuseLongQueries:
    """An over-long query string gets the one error shape (uvicorn refuses past 16 KiB itself).

    A plain ASGI middleware: ``@app.middleware("http")`` wraps every request in Starlette's
    BaseHTTPMiddleware (a task group and a body stream per request), a good part of what a
    small request costs the server (BENCHMARKS.md, "API")."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
            response = error_response(414, "too_long", f"the query string is longer than {MAX_QUERY_BYTES} bytes")
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _json(model: BaseModel) -> Response:
    """A response model as JSON, serialised once here (pydantic's compiled serialiser, in the
    request's worker thread): returned as a Response, FastAPI does not validate the model
    again against ``response_model`` (which it does in a second thread hop); the schema in
    /openapi.json is unchanged."""
    return Response(model.model_dump_json(), media_type="application/json")


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

    app.add_middleware(RefuseLongQueries)
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
                 limit: int = Query(10, ge=1, le=MAX_LIMIT)) -> Response:
        with holder.use() as st:
            if name is None:
                found = sorted(st.iter_nodes(type), key=lambda n: n.name)[:limit]
            else:
                found = match_entities(st, name, type, limit)
            return _json(S.EntityList(query=name, type=type, entities=[S.NodeOut.of(n) for n in found]))

    @app.get("/entities/{node_id}", response_model=S.EntityDetail, tags=["graph"],
             summary="A node with its aliases and every edge touching it, with evidence")
    def entity(node_id: str) -> Response:
        with holder.use() as st:
            node = _require_node(st, node_id)
            edges = st.edges_of(node_id)
            others = {e.target if e.source == node_id else e.source for e in edges}
            neighbors = [S.brief(n) for n in (st.get_node(i) for i in sorted(others)) if n is not None]
            return _json(S.EntityDetail(node=S.NodeOut.of(node), edges=[S.EdgeOut.of(e) for e in edges],
                                        neighbors=neighbors))

    @app.get("/entities/{node_id}/neighbors", response_model=S.Subgraph, tags=["graph"],
             summary="The ego network: nodes and edges up to depth hops")
    def neighbors(node_id: str, depth: int = Query(1, ge=1, le=2),
                  types: list[str] | None = Query(None, description="relation types to follow and/or "
                                                  "node types to keep, comma-separated or repeated"),
                  limit: int = Query(200, ge=1, le=MAX_NEIGHBORS)) -> Response:
        rels, node_types = _split_types(types)
        with holder.use() as st:
            _require_node(st, node_id)
            nodes, edges = st.neighborhood(node_id, depth=depth, types=rels or None, limit=limit)
            truncated = len(nodes) >= limit
            if node_types:
                nodes = [n for n in nodes if n.id == node_id or n.type in node_types]
                kept = {n.id for n in nodes}
                edges = [e for e in edges if e.source in kept and e.target in kept]
            return _json(S.Subgraph(center=node_id, depth=depth, nodes=[S.NodeOut.of(n) for n in nodes],
                                    edges=[S.EdgeOut.of(e) for e in edges], truncated=truncated))

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
        fn = package_function("search.answer", "ask")
        with holder.use() as st:
            return fn(st, q, top=top)

    @app.get("/search", response_model=S.SearchResponse, tags=["search"],
             summary="Hybrid search over nodes and passages: the JSON of `vocgraph search --json`")
    def search(q: str = Query(..., min_length=1, max_length=500), type: NodeType | None = None,
               top: int = Query(10, ge=1, le=MAX_TOP)) -> dict[str, Any]:
        _require_text(q)
        fn = package_function("search.answer", "search")
        with holder.use() as st:
            return fn(st, q, type=type, top=top)

    @app.get("/trace", response_model=S.TraceResponse, tags=["search"],
             summary="Trace a policy, target or measure: the JSON of `vocgraph trace --json`")
    def trace(q: str = Query(..., min_length=1, max_length=500),
              direction: Literal["down", "up", "both"] = "down") -> dict[str, Any]:
        _require_text(q)
        fn = package_function("search.trace", "trace")
        with holder.use() as st:
            result = fn(st, q, direction=direction)
            if not result.get("matches"):  # as `vocgraph trace` (exit 1): nothing to trace is a 404
                raise not_found(f"no policy, target or measure matches {q!r}",
                                [S.brief(n) for n in match_entities(st, q, "Policy", 5)])
            return result

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
        check_token(settings, authorization)  # from the headers: the body is not read yet

    @app.post("/documents", response_model=S.Upload, status_code=201, tags=["documents"],
              dependencies=[Depends(require_token)], openapi_extra=UPLOAD_BODY_SCHEMA,
              summary="Upload and ingest documents (.txt .md .docx .pdf); needs the API token")
    async def upload(request: Request) -> S.Upload:
        files = await read_upload_form(request)
        return await run_in_threadpool(ingest_uploads, holder, files, settings)

    @app.delete("/documents/{doc_id}", response_model=S.Removed, tags=["documents"],
                dependencies=[Depends(require_token)],
                summary="Remove a document and every fact resting on it alone; needs the API token")
    def delete_document(doc_id: str) -> S.Removed:
        return remove_upload(holder, doc_id)

    return app
