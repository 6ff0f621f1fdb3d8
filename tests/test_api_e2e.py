"""The API end to end over the ingested sample corpus: questions, tracing, evidence in context,
the viz page matching the neighbours endpoint, and an upload merging into the seed graph."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.networkx_store import NetworkxStore
from graph.settings import Settings
from web_store import indexed_copy

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def web_seed_path(seed_store_path, tmp_path_factory):
    return indexed_copy(seed_store_path, tmp_path_factory.mktemp("web-seed") / "store")


@pytest.fixture(scope="module")
def client(web_seed_path):
    return TestClient(create_app(store=NetworkxStore(web_seed_path), settings=Settings(store=web_seed_path)))


def entity_id(client, name: str, type_: str | None = None) -> str:
    params = {"name": name, "limit": 1, **({"type": type_} if type_ else {})}
    (found,) = client.get("/entities", params=params).json()["entities"]
    return found["id"]


def test_health_reports_the_seed_graph(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["nodes"] > 300 and body["edges"] > 300


def test_ask_answers_the_lead_of_the_alliance(client):
    r = client.get("/ask", params={"q": "辽西北职业教育联盟的牵头单位", "top": 5})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["question"] == "辽西北职业教育联盟的牵头单位"
    assert "辽宁职业学院" in [a["name"] for a in body["answers"][:3]]
    top = next(a for a in body["answers"] if a["name"] == "辽宁职业学院")
    assert top["evidence"] and all({"doc", "start", "end", "quote"} <= set(e) for e in top["evidence"])


def test_ask_respects_the_region_in_english(client):
    r = client.get("/ask", params={"q": "which groups serve equipment manufacturing in Liaoning"})
    names = [a["name"] for a in r.json()["answers"]]
    assert names and not [n for n in names if n.startswith(("河北", "山西", "陕西", "重庆"))]


def test_search_returns_the_search_json(client):
    r = client.get("/search", params={"q": "装备制造", "type": "Group", "top": 5})
    assert r.status_code == 200, r.text
    assert r.json()  # the shape is search's; /search passes it through unchanged


def test_trace_passes_through(client):
    r = client.get("/trace", params={"q": "辽教发〔2021〕55号", "direction": "both"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["query"] == "辽教发〔2021〕55号" and body["matches"]


def test_evidence_of_an_edge_reads_back_in_its_sentence(client):
    group = entity_id(client, "辽西北职教联盟", "Group")
    detail = client.get(f"/entities/{group}").json()
    assert detail["node"]["name"] == "辽西北职业教育联盟"
    lead = next(e for e in detail["edges"] if e["type"] == "LEADS")
    assert next(n for n in detail["neighbors"] if n["id"] == lead["source"])["name"] == "辽宁职业学院"
    ev = lead["evidence"][0]
    c = client.get(f"/documents/{ev['doc']}/context", params={"start": ev["start"], "end": ev["end"]}).json()
    assert c["context"][c["highlight_start"]:c["highlight_end"]] == ev["quote"]


@pytest.mark.parametrize("name, depth", [("辽宁职业学院", 1), ("辽宁职业学院", 2), ("辽宁省", 1)])
def test_viz_shows_exactly_the_neighbours(client, name, depth):
    node = entity_id(client, name)
    api = client.get(f"/entities/{node}/neighbors", params={"depth": depth}).json()
    html = client.get(f"/viz/{node}", params={"depth": depth}).text
    nodes = json.loads(re.search(r"var nodes = new vis\.DataSet\((\[.*?\])\);\n", html, re.S).group(1))
    assert sorted(n["id"] for n in nodes) == sorted(n["id"] for n in api["nodes"])
    assert len(nodes) <= 200


def test_paths_between_a_school_and_a_region(client):
    school, region = entity_id(client, "辽宁职业学院", "School"), entity_id(client, "辽宁省", "Region")
    paths = client.get("/paths", params={"source": school, "target": region}).json()["paths"]
    assert paths and paths[0]["nodes"][0]["id"] == school and paths[0]["nodes"][-1]["id"] == region


def test_upload_merges_into_the_seed_graph(web_seed_path, tmp_path):
    path = tmp_path / "store"
    shutil.copytree(web_seed_path, path)
    app = create_app(store=NetworkxStore(path), settings=Settings(store=path, api_token="t0ken"))
    client = TestClient(app)
    before = client.get("/health").json()
    text = "序号\t集团名称\t牵头单位\n1\t辽西北职教联盟\t辽宁职业学院\n2\t铁岭现代农业职业教育集团\t铁岭农业职业技术学院\n"
    r = client.post("/documents", headers={"Authorization": "Bearer t0ken"},
                    files={"files": ("new_list.txt", text.encode("utf-8"), "text/plain")})
    assert r.status_code == 201, r.text
    after = client.get("/health").json()
    assert after["nodes"] > before["nodes"]
    # The alliance stays one node; the new document is one more piece of evidence on its lead.
    group = entity_id(client, "辽西北职业教育联盟", "Group")
    lead = next(e for e in client.get(f"/entities/{group}").json()["edges"] if e["type"] == "LEADS")
    assert "new_list" in {ev["doc"] for ev in lead["evidence"]}
    assert r.json()["indexed"] is True
    answers = client.get("/ask", params={"q": "铁岭现代农业职业教育集团的牵头单位"}).json()["answers"]
    assert "铁岭农业职业技术学院" in [a["name"] for a in answers[:3]]
