"""Graph endpoints serialise their response model once (api/app.py ``_json``): the body is what
FastAPI's own response_model serialisation gives, and /openapi.json still names the models."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from api import schemas as S
from api.app import create_app
from graph.settings import Settings
from web_store import GROUP, build_toy_store


@pytest.fixture()
def client(tmp_path):
    store = build_toy_store(tmp_path / "store")
    return TestClient(create_app(store=store, settings=Settings(store=tmp_path / "store")))


@pytest.mark.parametrize("path, model", [
    ("/entities?name=辽西北职教联盟", S.EntityList),
    (f"/entities/{GROUP}", S.EntityDetail),
    (f"/entities/{GROUP}/neighbors?depth=2", S.Subgraph),
])
def test_a_graph_response_is_its_model_as_json(client, path, model):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    parsed = model.model_validate_json(r.content)
    # the same JSON FastAPI's response_model path writes (compact, non-ASCII kept)
    assert r.content == parsed.model_dump_json().encode()
    assert "辽西北" in r.content.decode() and "\\u" not in r.content.decode()


def test_openapi_still_names_the_response_models(client):
    spec = client.get("/openapi.json").json()
    ok = spec["paths"]["/entities/{node_id}/neighbors"]["get"]["responses"]["200"]["content"]["application/json"]
    assert ok["schema"]["$ref"].endswith("/Subgraph")
    assert json.dumps(spec["components"]["schemas"]["EntityList"])
