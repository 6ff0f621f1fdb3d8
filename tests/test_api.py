"""The HTTP API on a small hand-built store: every endpoint, the one error shape, caps, auth."""

from __future__ import annotations

import re
import sys
import types

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.settings import Settings
from web_store import (CHAIN, DOC_ID, DOC_TEXT, ENTERPRISE, GROUP, GROUP2, ISOLATED, REGION, SCHOOL,
                       SCHOOL2, build_toy_store)


@pytest.fixture()
def toy(tmp_path):
    return build_toy_store(tmp_path / "store")


@pytest.fixture()
def client(toy, tmp_path):
    return TestClient(create_app(store=toy, settings=Settings(store=tmp_path / "store")))


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


def test_health_counts_nodes_and_edges(client, toy):
    r = client.get("/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "nodes": toy.node_count(), "edges": toy.edge_count()}


# ---- entities --------------------------------------------------------------------------------
def test_entities_match_alias(client):
    r = client.get("/entities", params={"name": "辽西北职教联盟"})
    assert r.status_code == 200
    assert r.json()["entities"][0]["id"] == GROUP
    assert "辽西北职教联盟" in r.json()["entities"][0]["aliases"]


def test_entities_fuzzy_match_survives_a_typo(client):
    # 联明 for 联盟: neither exact nor a substring, still found by similarity.
    r = client.get("/entities", params={"name": "辽西北职业教育联明"})
    assert [e["id"] for e in r.json()["entities"]][:1] == [GROUP]


def test_entities_type_filter_and_limit(client):
    r = client.get("/entities", params={"name": "职业技术学院", "type": "School", "limit": 1})
    body = r.json()
    assert len(body["entities"]) == 1 and body["entities"][0]["type"] == "School"
    r = client.get("/entities", params={"name": "辽宁", "type": "Group"})
    assert {e["type"] for e in r.json()["entities"]} == {"Group"}


def test_entities_without_name_lists_nodes_of_a_type(client):
    r = client.get("/entities", params={"type": "School"})
    assert {e["id"] for e in r.json()["entities"]} >= {SCHOOL, SCHOOL2, ISOLATED}


def test_entity_detail_has_aliases_edges_and_evidence(client):
    r = client.get(f"/entities/{GROUP}")
    assert r.status_code == 200
    body = r.json()
    assert body["node"]["name"] == "辽西北职业教育联盟"
    assert body["node"]["aliases"] == ["辽西北职教联盟"]
    leads = [e for e in body["edges"] if e["type"] == "LEADS"]
    assert leads and leads[0]["source"] == SCHOOL
    ev = leads[0]["evidence"][0]
    assert ev["quote"] == "由辽宁职业学院牵头" and DOC_TEXT[ev["start"]:ev["end"]] == ev["quote"]
    assert {n["id"] for n in body["neighbors"]} == {SCHOOL, REGION}


def test_unknown_entity_is_404_with_name_suggestions(client):
    # A user who pastes a name where the id goes is pointed at the node's id.
    err = assert_error(client.get("/entities/辽宁职业学院"), 404, "not_found")
    assert "辽宁职业学院" in err["message"]
    assert SCHOOL in [s["id"] for s in err["suggestions"]]
    err = assert_error(client.get("/entities/School-000000000000/neighbors"), 404, "not_found")


# ---- neighbours and paths ----------------------------------------------------------------------
def test_neighbors_depth_one_and_two(client):
    one = client.get(f"/entities/{SCHOOL}/neighbors").json()
    assert one["center"] == SCHOOL and one["depth"] == 1
    assert {n["id"] for n in one["nodes"]} == {SCHOOL, GROUP, ENTERPRISE}
    assert {(e["source"], e["type"]) for e in one["edges"]} == {(SCHOOL, "LEADS"), (ENTERPRISE, "PARTNERS_WITH")}
    two = client.get(f"/entities/{SCHOOL}/neighbors", params={"depth": 2}).json()
    assert {n["id"] for n in two["nodes"]} == {SCHOOL, GROUP, ENTERPRISE, REGION}
    assert two["truncated"] is False


def test_neighbors_types_filter_relations_and_node_types(client):
    r = client.get(f"/entities/{SCHOOL}/neighbors", params={"types": "LEADS"}).json()
    assert {n["id"] for n in r["nodes"]} == {SCHOOL, GROUP}
    r = client.get(f"/entities/{SCHOOL}/neighbors", params=[("types", "Enterprise")]).json()
    assert {n["id"] for n in r["nodes"]} == {SCHOOL, ENTERPRISE}
    err = assert_error(client.get(f"/entities/{SCHOOL}/neighbors", params={"types": "FRIENDS"}),
                       422, "invalid_parameter")
    assert "FRIENDS" in err["message"]


def test_neighbors_limit_truncates_to_nearest(client):
    r = client.get(f"/entities/{GROUP2}/neighbors", params={"limit": 2}).json()
    assert len(r["nodes"]) == 2 and r["truncated"] is True and r["nodes"][0]["id"] == GROUP2


def test_paths_between_two_nodes(client):
    r = client.get("/paths", params={"source": ENTERPRISE, "target": GROUP})
    assert r.status_code == 200
    (path,) = r.json()["paths"]
    assert path["length"] == 2
    assert [n["id"] for n in path["nodes"]] == [ENTERPRISE, SCHOOL, GROUP]
    assert [e["type"] for e in path["edges"]] == ["PARTNERS_WITH", "LEADS"]
    assert client.get("/paths", params={"source": ENTERPRISE, "target": GROUP, "max_hops": 1}).json()["paths"] == []
    assert client.get("/paths", params={"source": ENTERPRISE, "target": ISOLATED}).json()["paths"] == []
    err = assert_error(client.get("/paths", params={"source": ENTERPRISE, "target": "辽西北职教联盟"}),
                       404, "not_found")
    assert GROUP in [s["id"] for s in err["suggestions"]]


# ---- errors and caps -------------------------------------------------------------------------
@pytest.mark.parametrize("url, param", [
    (f"/entities/{SCHOOL}/neighbors?depth=3", "depth"),
    (f"/entities/{SCHOOL}/neighbors?depth=0", "depth"),
    (f"/entities/{SCHOOL}/neighbors?limit=100000", "limit"),
    (f"/entities/{SCHOOL}/neighbors?depth=two", "depth"),
    ("/entities?name=x&limit=101", "limit"),
    ("/entities?name=x&type=Person", "type"),
    (f"/paths?source={SCHOOL}&target={GROUP}&max_hops=7", "max_hops"),
    (f"/paths?source={SCHOOL}", "target"),
    ("/ask?q=x&top=51", "top"),
    ("/ask?q=x&top=0", "top"),
    ("/ask", "q"),
    ("/search?q=x&type=Nothing", "type"),
    ("/trace?q=x&direction=sideways", "direction"),
    (f"/viz/{SCHOOL}?depth=3", "depth"),
    (f"/documents/{DOC_ID}/context?start=5", "end"),
])
def test_bad_parameters_are_422_naming_the_parameter(client, url, param):
    err = assert_error(client.get(url), 422, "invalid_parameter")
    assert repr(param) in err["message"]


def test_unknown_route_and_method_have_the_error_shape(client):
    err = assert_error(client.get("/no/such/route"), 404, "not_found")
    assert "/no/such/route" in err["message"]
    assert_error(client.delete("/health"), 405, "method_not_allowed")
    assert_error(client.get("/static/missing.js"), 404, "not_found")


def test_domain_errors_map_to_http_codes():
    from api.http_errors import domain_status
    from graph.errors import ConfigError, InputError, NotFoundError, StoreError

    assert domain_status(NotFoundError("x")) == (404, "not_found")
    assert domain_status(InputError("a.pdf", "broken")) == (400, "bad_input")
    assert domain_status(ConfigError("x"))[0] == 503
    assert domain_status(StoreError("x"))[0] == 503


# ---- documents ---------------------------------------------------------------------------------
def test_context_highlights_the_quote_in_its_sentence(client):
    quote = "由辽宁职业学院牵头"
    start = DOC_TEXT.index(quote)
    r = client.get(f"/documents/{DOC_ID}/context", params={"start": start, "end": start + len(quote)})
    assert r.status_code == 200
    c = r.json()
    assert c["quote"] == quote
    assert c["context"][c["highlight_start"]:c["highlight_end"]] == quote
    # The sentence runs from after the previous 。 to its own 。.
    assert c["context"].startswith("联盟是由辽宁职业学院牵头") and c["context"].endswith("现有成员单位345个。")
    assert DOC_TEXT[c["context_start"]:c["context_start"] + len(c["context"])] == c["context"]


@pytest.mark.parametrize("text, quote, expected", [
    ("前文。联盟由辽宁职业学院牵头，现有成员单位345个。后文。", "辽宁职业学院牵头", "联盟由辽宁职业学院牵头，现有成员单位345个。"),
    ("前文。联盟由辽宁职业学院牵头。后文。", "联盟由辽宁职业学院牵头。", "联盟由辽宁职业学院牵头。"),
    ("表\n| 5 | 辽西北职教联盟 | 辽宁职业学院 |\n", "辽西北职教联盟", "表\n| 5 | 辽西北职教联盟 | 辽宁职业学院 |\n"),
])
def test_sentence_window(text, quote, expected):
    from api.app import sentence_window

    start = text.index(quote)
    left, right = sentence_window(text, start, start + len(quote))
    assert text[left:right] == expected


def test_sentence_window_is_capped_without_sentence_ends():
    from api.app import sentence_window

    text = "字" * 1000
    left, right = sentence_window(text, 500, 510, max_chars=50)
    assert (left, right) == (450, 560)


def test_context_errors(client):
    assert_error(client.get(f"/documents/{DOC_ID}/context", params={"start": 5, "end": 99999}),
                 422, "invalid_parameter")
    assert_error(client.get(f"/documents/{DOC_ID}/context", params={"start": 5, "end": 5}),
                 422, "invalid_parameter")
    err = assert_error(client.get("/documents/nope/context", params={"start": 0, "end": 1}), 404, "not_found")
    assert DOC_ID in err["message"]


def test_documents_list(client):
    ids = [d["id"] for d in client.get("/documents").json()["documents"]]
    assert DOC_ID in ids


# ---- pages -------------------------------------------------------------------------------------
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def test_viz_page_is_self_contained_html(client):
    r = client.get(f"/viz/{SCHOOL}", params={"depth": 2})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "vis.Network" in r.text and "辽宁职业学院" in r.text
    assert not EXTERNAL.search(r.text)
    assert_error(client.get("/viz/School-000000000000"), 404, "not_found")


def test_search_page_and_its_assets_load_nothing_from_outside(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert 'src="/static/app.js"' in page.text
    assert not EXTERNAL.search(page.text)
    for asset in ("/static/app.js", "/static/style.css"):
        r = client.get(asset)
        assert r.status_code == 200
        assert "http://" not in r.text and "https://" not in r.text


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/health", "/ask", "/search", "/entities", "/entities/{node_id}",
                 "/entities/{node_id}/neighbors", "/paths", "/trace", "/viz/{node_id}", "/documents"):
        assert path in spec["paths"], path
    assert "ErrorResponse" in spec["components"]["schemas"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    pytest.importorskip("fastapi_offline")
    assert not EXTERNAL.search(docs.text), "with fastapi-offline, /docs loads Swagger UI locally"


# ---- ask / search / trace plumbing (the search package is faked here; see test_api_e2e) -------
# Fields beyond the documented ones (a score on a quote, timings) must pass through untouched.
ASK_RESULT = {
    "question": "", "interpretation": {"answer_type": "School", "relation": "LEADS"}, "seconds": 0.01,
    "answers": [{"id": SCHOOL, "name": "辽宁职业学院", "type": "School", "score": 0.9,
                 "path": [{"source": SCHOOL, "type": "LEADS", "target": GROUP}],
                 "evidence": [{"doc": DOC_ID, "start": 3, "end": 9, "quote": DOC_TEXT[3:9], "score": 0.5}]}],
}


@pytest.fixture()
def fake_search(monkeypatch):
    calls = []
    answer = types.ModuleType("search.answer")

    def ask(store, question, top=10):
        calls.append(("ask", question, top))
        return ASK_RESULT | {"question": question}

    def search(store, text, type=None, top=10):
        calls.append(("search", text, type, top))
        return {"query": text, "results": [{"id": CHAIN, "kind": "node"}]}

    trace_mod = types.ModuleType("search.trace")

    def trace(store, query, direction="down"):
        calls.append(("trace", query, direction))
        return {"query": query, "matches": [{"id": "Policy-0", "type": "Policy", "name": query}], "nodes": [], "edges": []}

    answer.ask, answer.search, trace_mod.trace = ask, search, trace
    monkeypatch.setitem(sys.modules, "search.answer", answer)
    monkeypatch.setitem(sys.modules, "search.trace", trace_mod)
    return calls


def test_ask_search_trace_pass_through(client, fake_search):
    r = client.get("/ask", params={"q": "辽西北职业教育联盟的牵头单位", "top": 3})
    assert r.status_code == 200
    assert r.json() == ASK_RESULT | {"question": "辽西北职业教育联盟的牵头单位"}
    r = client.get("/search", params={"q": "装备制造", "type": "IndustryChain"})
    assert r.json() == {"query": "装备制造", "results": [{"id": CHAIN, "kind": "node"}]}
    r = client.get("/trace", params={"q": "辽教发〔2021〕55号", "direction": "both"})
    assert r.json()["query"] == "辽教发〔2021〕55号"
    assert fake_search == [("ask", "辽西北职业教育联盟的牵头单位", 3), ("search", "装备制造", "IndustryChain", 10),
                           ("trace", "辽教发〔2021〕55号", "both")]


def test_missing_search_package_is_503(client, monkeypatch):
    monkeypatch.setitem(sys.modules, "search.trace", None)  # import now fails
    err = assert_error(client.get("/trace", params={"q": "x"}), 503, "unavailable")
    assert "search.trace" in err["message"]


# ---- uploads -----------------------------------------------------------------------------------
def test_upload_is_forbidden_without_a_configured_token(client):
    r = client.post("/documents", files={"files": ("a.txt", "辽宁职业学院".encode(), "text/plain")},
                    headers={"Authorization": "Bearer anything"})
    err = assert_error(r, 403, "forbidden")
    assert "VOCGRAPH_API_TOKEN" in err["message"]


@pytest.fixture()
def token_client(toy, tmp_path):
    settings = Settings(store=tmp_path / "store", api_token="s3cret")
    return TestClient(create_app(store=toy, settings=settings))


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"},
                                     {"Authorization": "Basic s3cret"}])
def test_upload_needs_the_right_bearer_token(token_client, headers):
    r = token_client.post("/documents", files={"files": ("a.txt", "x".encode(), "text/plain")}, headers=headers)
    assert_error(r, 403, "forbidden")


AUTH = {"Authorization": "Bearer s3cret"}


@pytest.mark.parametrize("name, data, words", [
    ("empty.txt", b"", "empty"),
    ("virus.exe", b"MZ\x90\x00", "unsupported"),
    ("broken.pdf", b"%PDF-1.4 this is not a pdf", "broken.pdf"),
    ("broken.docx", b"PK\x03\x04 not a zip", "broken.docx"),
])
def test_bad_upload_is_rejected_and_loses_nothing(token_client, toy, tmp_path, name, data, words):
    graph_file = tmp_path / "store" / "graph.json"
    before_bytes = graph_file.read_bytes()
    before = token_client.get("/health").json()
    good = ("ok.txt", "沈阳市外事服务学校与辽宁职业学院签订合作协议。".encode(), "text/plain")
    r = token_client.post("/documents", headers=AUTH,
                          files=[("files", good), ("files", (name, data, "application/octet-stream"))])
    err = assert_error(r, 400, "bad_input")
    assert words in err["message"]
    assert token_client.get("/health").json() == before
    assert graph_file.read_bytes() == before_bytes
    assert "ok" not in toy.documents()


def test_upload_with_token_ingests_the_document(token_client, toy, tmp_path):
    # A list table as it comes out of a PDF: header row, tab-separated rows.
    text = "序号\t集团名称\t牵头单位\n1\t辽宁轨道交通职业教育集团\t辽宁轨道交通职业学院\n"
    r = token_client.post("/documents", headers=AUTH,
                          files={"files": ("upload_list.txt", text.encode("utf-8"), "text/plain")})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["documents"] == ["upload_list"]
    assert body["added_nodes"] >= 2 and body["nodes"] == token_client.get("/health").json()["nodes"]
    # Stored durably: a fresh load of the folder sees the new document, its text and its facts.
    from graph.networkx_store import NetworkxStore

    reloaded = NetworkxStore(tmp_path / "store")
    assert reloaded.documents()["upload_list"]["path"] == "upload_list.txt"
    assert reloaded.get_document_text("upload_list") == text
    (school,) = token_client.get("/entities", params={"name": "辽宁轨道交通职业学院", "limit": 1}).json()["entities"]
    detail = token_client.get(f"/entities/{school['id']}").json()
    assert any(e["type"] == "LEADS" and e["evidence"][0]["doc"] == "upload_list" for e in detail["edges"])
    # Uploading the same file again changes nothing.
    again = token_client.post("/documents", headers=AUTH,
                              files={"files": ("upload_list.txt", text.encode("utf-8"), "text/plain")}).json()
    assert again["added_nodes"] == 0 and again["added_edges"] == 0


# ---- vocgraph serve ----------------------------------------------------------------------------
def test_cli_serve_answers_health_on_loopback(toy):
    import json
    import socket
    import subprocess
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--store", str(toy.path),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as r:
                    body = json.load(r)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stdout.read().decode() if proc.poll() is not None else "timeout")
                time.sleep(0.2)
        assert body == {"status": "ok", "nodes": toy.node_count(), "edges": toy.edge_count()}
    finally:
        proc.terminate()
        proc.wait(timeout=20)
