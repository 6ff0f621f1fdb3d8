"""The API's writes: ``POST /documents`` (upload and ingest) and ``DELETE /documents/{id}``.

Both need the API token, checked from the headers before a byte of the body is read. An upload's
body is counted while it streams in and refused (413) past ``MAX_BODY_BYTES``, whatever
Content-Length says; each file is then limited to ``MAX_UPLOAD_BYTES``. Writes hold the store
lock (graph/lock.py), so an upload beside a CLI ingest waits for it and then adds to what it
committed; after ``WRITE_WAIT`` seconds it gives up with 503 naming the other writer. They work
on a copy of the embedded store (``StoreHolder.writer``): the API's readers do not wait for them.
"""

from __future__ import annotations

import hmac
import tempfile
from pathlib import Path
from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile

from api import schemas as S
from api.common import package_function
from api.http_errors import ApiError, not_found
from graph.base import GraphStore
from graph.errors import ConfigError, InputError
from graph.settings import Settings

MAX_UPLOAD_FILES = 20
MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # one file
MAX_BODY_BYTES = 64 * 1024 * 1024  # the whole request, counted while it streams
MAX_QUERY_BYTES = 4096  # a query string longer than this is refused (414) before routing
UPLOAD_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
WRITE_WAIT = 5.0  # seconds a write waits for another writer (a CLI ingest) before 503

UPLOAD_BODY_SCHEMA = {
    "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
        "type": "object", "required": ["files"],
        "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"},
                                 "description": "one or more documents"}}}}}},
}


def check_token(settings: Settings, authorization: str | None) -> None:
    """403 unless the API has a token and the request carries it (``Authorization: Bearer``)."""
    token = settings.api_token
    if not token:
        raise ApiError(403, "forbidden", "the API is read-only: set VOCGRAPH_API_TOKEN to enable uploads")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(403, "forbidden", "writes need the header 'Authorization: Bearer <VOCGRAPH_API_TOKEN>'")


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", f"the request body is larger than {limit // (1024 * 1024)} MiB")


async def read_upload_form(request: Request, limit: int | None = None) -> list[UploadFile]:
    """The ``files`` of a multipart body, the body counted as it arrives (413 past ``limit``)."""
    limit = MAX_BODY_BYTES if limit is None else limit
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    seen = 0
    receive = request.receive

    async def counted() -> dict[str, Any]:
        nonlocal seen
        message = await receive()
        if message.get("type") == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _too_large(limit)
        return message

    limited = Request(request.scope, receive=counted)
    form = await limited.form(max_files=MAX_UPLOAD_FILES + 1, max_fields=MAX_UPLOAD_FILES + 10)
    files = [v for k, v in form.multi_items() if k == "files" and isinstance(v, UploadFile)]
    if not files:
        raise ApiError(422, "invalid_parameter", "body field 'files': at least one file is required")
    if len(files) > MAX_UPLOAD_FILES:
        raise ApiError(422, "invalid_parameter", f"at most {MAX_UPLOAD_FILES} files per upload")
    return files


def read_uploads(files: list[UploadFile]) -> list[Any]:
    """Documents from the uploads; one bad file rejects the request before anything is stored."""
    read_document = package_function("ingest.readers", "read_document")
    docs, names = [], set()
    with tempfile.TemporaryDirectory(prefix="vocgraph-upload-") as tmp:
        for f in files:
            name = Path((f.filename or "").replace("\\", "/")).name
            if not name or name.startswith(".") or Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
                raise InputError(name or "(unnamed file)",
                                 f"unsupported file; expected one of {', '.join(UPLOAD_SUFFIXES)}")
            if name in names:
                raise InputError(name, "uploaded twice in one request")
            names.add(name)
            f.file.seek(0)
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
    return docs


def ingest_uploads(holder: Any, files: list[UploadFile], settings: Settings | None = None) -> S.Upload:
    """Read, then ingest under the store lock; graph and index are committed together. The
    settings' document limits (VOCGRAPH_MAX_DOC_CHARS, VOCGRAPH_DOC_SECONDS) apply."""
    docs = read_uploads(files)
    ingest_documents = package_function("ingest.pipeline", "ingest_documents")
    limits = package_function("ingest.budget", "Limits")(
        max_chars=settings.max_doc_chars, seconds=settings.doc_seconds) if settings is not None else None
    with holder.writer() as st:
        with st.writing(wait=WRITE_WAIT, command="vocgraph serve: POST /documents"):
            before_nodes, before_edges = st.node_count(), st.edge_count()
            report = ingest_documents(docs, st, commit=False, limits=limits)
            indexed = _update_indexes(st, report.ingested) if report.ingested else False
            if report.ingested and getattr(st, "dirty", True):
                st.commit()
            return S.Upload(
                documents=list(report.ingested), nodes=st.node_count(), edges=st.edge_count(),
                added_nodes=st.node_count() - before_nodes, added_edges=st.edge_count() - before_edges,
                unchanged=list(report.unchanged),
                skipped=[f"{path}: {reason}" for path, reason in report.skipped],
                warnings=[str(w) for w in report.warnings], indexed=indexed)


def remove_upload(holder: Any, doc_id: str) -> S.Removed:
    """Remove one document (its facts, text and index entries) under the store lock."""
    remove_documents = package_function("ingest.remove", "remove_documents")
    with holder.writer() as st:
        with st.writing(wait=WRITE_WAIT, command=f"vocgraph serve: DELETE /documents/{doc_id}"):
            if doc_id not in st.documents():
                raise not_found(f"no document with id {doc_id!r}; known: {', '.join(sorted(st.documents()))}")
            spec = _indexed_embedder(st)
            report = remove_documents(st, [doc_id], link_embedder=spec or "none")
            indexed = False
            if spec is not None:
                package_function("search.index", "update_indexes")(st, doc_ids=[], embedder_spec=spec)
                indexed = True
            if getattr(st, "dirty", True):
                st.commit()
            return S.Removed(removed=report.removed, nodes=st.node_count(), edges=st.edge_count(),
                             removed_nodes=report.nodes_removed, removed_edges=report.edges_removed,
                             links=report.links, indexed=indexed)


def _indexed_embedder(store: GraphStore) -> str | None:
    try:
        return package_function("search.index", "indexed_embedder")(store)
    except ConfigError:
        return None


def _update_indexes(store: GraphStore, doc_ids: list[str]) -> bool:
    """Bring the search indexes up to date, when the search package is there (the embedder is
    the one the existing index was built with: search.index's default)."""
    try:
        update = package_function("search.index", "update_indexes")
    except ConfigError:
        return False
    update(store, doc_ids=doc_ids)
    return True
