"""Upload limits: the token before the body, the body size while it streams, the query string's
length, and a response that lists exactly the documents stored. The streaming tests drive the
ASGI app directly, counting what it reads of the body (the test client reads bodies whole)."""

from __future__ import annotations

import anyio
import pytest

import api.uploads
from write_client import AUTH, lead_file, write_client

BOUNDARY = "vocgraphtestboundary"


def multipart_chunks(total: int, chunk: int = 64 * 1024) -> list[bytes]:
    """A multipart body with one .txt file of about ``total`` bytes, in chunks."""
    head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()
    body = head + "职".encode() * (total // 3) + f"\r\n--{BOUNDARY}--\r\n".encode()
    return [body[i:i + chunk] for i in range(0, len(body), chunk)]


def call(app, headers: dict[str, str], chunks: list[bytes], content_length: int | None = None):
    """POST /documents straight into the ASGI app; (status, JSON text, bytes of body read)."""
    read = 0
    pending = list(chunks)
    sent: list[dict] = []

    async def receive():
        nonlocal read
        if not pending:
            return {"type": "http.request", "body": b"", "more_body": False}
        piece = pending.pop(0)
        read += len(piece)
        return {"type": "http.request", "body": piece, "more_body": bool(pending)}

    async def send(message):
        sent.append(message)

    hdrs = {"content-type": f"multipart/form-data; boundary={BOUNDARY}", **{k.lower(): v for k, v in headers.items()}}
    if content_length is not None:
        hdrs["content-length"] = str(content_length)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/documents", "raw_path": b"/documents", "root_path": "",
             "query_string": b"", "headers": [(k.encode(), v.encode()) for k, v in hdrs.items()],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    anyio.run(app, scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body.decode(), read


@pytest.fixture()
def client(tmp_path, monkeypatch):
    return write_client(tmp_path / "store", monkeypatch)


def test_the_token_is_checked_before_a_byte_of_the_body_is_read(client):
    chunks = multipart_chunks(8 * 1024 * 1024)
    status, body, read = call(client.app, {}, chunks, content_length=sum(map(len, chunks)))
    assert status == 403 and '"forbidden"' in body
    assert read == 0


def test_a_declared_length_over_the_limit_is_refused_unread(client, monkeypatch):
    monkeypatch.setattr(api.uploads, "MAX_BODY_BYTES", 1024 * 1024)
    chunks = multipart_chunks(3 * 1024 * 1024)
    status, body, read = call(client.app, AUTH, chunks, content_length=sum(map(len, chunks)))
    assert status == 413 and '"too_large"' in body and read == 0


def test_a_body_without_length_is_cut_off_while_it_streams(client, monkeypatch):
    limit = 1024 * 1024
    monkeypatch.setattr(api.uploads, "MAX_BODY_BYTES", limit)
    chunks = multipart_chunks(8 * limit)
    status, body, read = call(client.app, AUTH, chunks)  # chunked: no Content-Length
    assert status == 413 and '"too_large"' in body
    assert read <= limit + len(chunks[0])  # stopped at the limit, not after 8 MiB
    assert not client.get("/documents").json()["documents"]


def test_a_file_over_the_per_file_limit_is_413(client, monkeypatch):
    monkeypatch.setattr(api.uploads, "MAX_UPLOAD_BYTES", 1000)
    r = client.post("/documents", headers=AUTH, files=[("files", ("a.txt", "职".encode() * 400))])
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"


def test_an_over_long_query_string_gets_the_json_error_shape(client):
    r = client.get("/search", params={"q": "职" * 3000})
    assert r.status_code == 414
    assert set(r.json()) == {"error"} and r.json()["error"]["code"] == "too_long"
    assert client.get("/search", params={"q": "职" * 100}).status_code != 414


def test_the_response_lists_exactly_the_documents_stored(client, monkeypatch):
    r = client.post("/documents", headers=AUTH, files=[lead_file("a.txt", "甲", "乙")])
    assert r.json()["documents"] == ["a"]

    def picky(doc):
        if "丁" in doc.text:
            raise ValueError("cannot read this one")
        from fake_extractor import fake_extract

        return fake_extract(doc)

    monkeypatch.setattr("ingest.pipeline.load_extractors", lambda: [("picky", picky)])
    r = client.post("/documents", headers=AUTH, files=[lead_file("a.txt", "甲", "乙"), lead_file("b.txt", "丙", "丙"),
                                                       lead_file("c.txt", "丁", "丁")])
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["documents"] == ["b"] and body["unchanged"] == ["a"]
    assert len(body["skipped"]) == 1 and body["skipped"][0].startswith("c.txt")
    stored = [d["id"] for d in client.get("/documents").json()["documents"]]
    assert stored == ["a", "b"]


def test_uploads_use_the_settings_document_limit(tmp_path):
    """VOCGRAPH_MAX_DOC_CHARS applies to uploads as to `vocgraph ingest`: an over-long text is
    skipped with its reason and nothing of it is stored."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from graph.settings import Settings

    settings = Settings.from_env({"VOCGRAPH_STORE": str(tmp_path / "s"), "VOCGRAPH_API_TOKEN": "t",
                                  "VOCGRAPH_EMBEDDER": "hash", "VOCGRAPH_MAX_DOC_CHARS": "50"})
    client = TestClient(create_app(settings=settings))
    text = "临川职业技术学院牵头组建临川装备制造职业教育集团。" * 5
    r = client.post("/documents", headers={"Authorization": "Bearer t"},
                    files={"files": ("long.txt", text.encode("utf-8"), "text/plain")})
    assert r.status_code in (200, 201), r.text
    body = r.json()
    assert body["documents"] == [] and any("long.txt" in s and "too large" in s for s in body["skipped"])
