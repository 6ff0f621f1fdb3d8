"""The API over the Neo4j backend: the same answers as over the embedded store, because the app
only uses the GraphStore contract."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from neo4j_server import fresh_database
from web_store import DOC_ID, DOC_TEXT, ENTERPRISE, GROUP, SCHOOL, build_toy_store

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def clients(tmp_path_factory):
    """(client over the embedded toy store, client over the same graph pushed to the server)."""
    from graph.neo4j_store import Neo4jStore, push

    toy = build_toy_store(tmp_path_factory.mktemp("toy") / "store")
    for settings in fresh_database():
        with Neo4jStore.from_settings(settings) as remote:
            push(toy, remote)
            yield TestClient(create_app(store=toy, settings=settings)), \
                TestClient(create_app(store=remote, settings=settings))


@pytest.mark.parametrize("url", [
    "/health",
    "/entities?name=辽西北职教联盟",
    f"/entities/{GROUP}",
    f"/entities/{SCHOOL}/neighbors?depth=2",
    f"/paths?source={ENTERPRISE}&target={GROUP}",
    "/documents",
])
def test_same_json_on_both_backends(clients, url):
    local, remote = clients
    a, b = local.get(url), remote.get(url)
    assert a.status_code == b.status_code == 200, b.text
    norm = lambda body: json.dumps(body, ensure_ascii=False, sort_keys=True)  # noqa: E731
    if url.startswith(("/entities/", "/documents")):
        # Edge and neighbour order may differ between backends; compare as sets.
        assert _sorted(a.json()) == _sorted(b.json())
    else:
        assert norm(a.json()) == norm(b.json())


def _sorted(body):
    if isinstance(body, dict):
        return {k: _sorted(v) for k, v in body.items()}
    if isinstance(body, list):
        return sorted((_sorted(v) for v in body), key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return body


def test_unknown_id_and_context_on_neo4j(clients):
    _, remote = clients
    r = remote.get("/entities/辽宁职业学院")
    assert r.status_code == 404 and SCHOOL in [s["id"] for s in r.json()["error"]["suggestions"]]
    start = DOC_TEXT.index("辽宁职业学院牵头")
    c = remote.get(f"/documents/{DOC_ID}/context", params={"start": start, "end": start + 8}).json()
    assert c["quote"] == "辽宁职业学院牵头"


def test_viz_on_neo4j_draws_the_same_nodes(clients):
    local, remote = clients
    pattern = re.compile(r"var nodes = new vis\.DataSet\((\[.*?\])\);\n", re.S)
    ids = [sorted(n["id"] for n in json.loads(pattern.search(c.get(f"/viz/{SCHOOL}?depth=2").text).group(1)))
           for c in (local, remote)]
    assert ids[0] == ids[1] and len(ids[0]) == 4
