"""Removing documents (CLI ``remove``, ``DELETE /documents/{id}``): evidence, edges and nodes
resting on them alone go, nodes other documents name stay, links are computed again, the index
forgets them; removing then re-ingesting gives a byte-identical export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.cli import main
from graph.networkx_store import NetworkxStore

DATA = Path(__file__).resolve().parent / "data" / "unseen"
# Small real documents (policies with targets and measures, an org report, a group list).
FILES = [*sorted((DATA / "policy").glob("*.txt"))[:4], *sorted((DATA / "orgs").glob("*.txt"))[:2]]


def _export(store: Path, capsys) -> str:
    assert main(["export", "--store", str(store)]) == 0
    return capsys.readouterr().out


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """A store with FILES ingested one run each (real extractors, no index)."""
    store = tmp_path_factory.mktemp("remove") / "store"
    for f in FILES:
        assert main(["ingest", str(f), "--store", str(store), "--no-index", "-q"]) == 0
    return store


def test_remove_then_reingest_gives_a_byte_identical_export(ingested, tmp_path, capsys):
    import shutil

    store = tmp_path / "store"
    shutil.copytree(ingested, store)
    before = _export(store, capsys)
    for f in (FILES[-1], FILES[0], FILES[2]):  # the last, the first and one in the middle
        assert main(["remove", str(f), "--store", str(store)]) == 0
        out = capsys.readouterr().out
        assert out.startswith("removed 1 document(s)")
        st = NetworkxStore(store)
        assert f.stem not in st.documents() and not st.problems
        assert all(ev.doc != f.stem for e in st.iter_edges() for ev in e.evidence)
        assert all(f.stem not in n.docs for n in st.iter_nodes())
        assert main(["ingest", str(f), "--store", str(store), "--no-index", "-q"]) == 0
        assert _export(store, capsys) == before, f.name


def test_remove_keeps_nodes_other_documents_name_and_drops_the_rest(ingested, tmp_path, capsys):
    import shutil

    store = tmp_path / "store"
    shutil.copytree(ingested, store)
    st = NetworkxStore(store)
    def shared_with_others(doc: str) -> int:
        return sum(1 for n in st.iter_nodes() if doc in n.docs and len(n.docs) > 1)

    victim = max(sorted(st.documents()), key=shared_with_others)
    only = {n.id for n in st.iter_nodes() if n.docs == [victim]}
    shared = {n.id for n in st.iter_nodes() if victim in n.docs and len(n.docs) > 1}
    assert only  # (these documents share no node: test_delete_document_over_http checks shared ones)
    assert main(["remove", victim, "--store", str(store), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["removed"] == [victim] and report["nodes_removed"] > 0
    st = NetworkxStore(store)
    left = {n.id for n in st.iter_nodes()}
    assert shared <= left
    assert not {i for i in only if i in left and not st.edges_of(i)}  # none left dangling
    links = [e for e in st.iter_edges("IMPLEMENTS") if e.properties.get("reason")]
    assert all(ev.doc in st.documents() for e in links for ev in e.evidence)


def test_removing_an_unknown_document_removes_nothing(ingested, capsys):
    before = NetworkxStore(ingested).stats()
    assert main(["remove", FILES[0].stem, "no-such-doc", "--store", str(ingested)]) == 1
    assert "no-such-doc" in capsys.readouterr().err
    assert NetworkxStore(ingested).stats() == before


def test_remove_drops_the_documents_index_entries(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VOCGRAPH_EMBEDDER", "hash")
    store = tmp_path / "store"
    assert main(["ingest", str(FILES[0]), str(FILES[4]), "--store", str(store), "-q"]) == 0
    from search.index import load_indexes

    st = NetworkxStore(store)
    assert {p["doc"] for p in load_indexes(st).passages} == {FILES[0].stem, FILES[4].stem}
    assert main(["remove", FILES[4].stem, "--store", str(store)]) == 0
    st = NetworkxStore(store)
    idx = load_indexes(st)
    assert {p["doc"] for p in idx.passages} == {FILES[0].stem}
    assert {n["id"] for n in idx.nodes} == {n.id for n in st.iter_nodes()}


def test_delete_document_over_http(tmp_path, monkeypatch):
    from write_client import AUTH, write_client

    client = write_client(tmp_path / "store", monkeypatch)
    files = [("files", ("a.txt", "由甲乙职业学院牵头组建甲乙职教联盟。".encode())),
             ("files", ("b.txt", "由丙丁职业学院牵头组建丙丁职教联盟。甲乙职业学院".encode()))]
    assert client.post("/documents", headers=AUTH, files=files).status_code == 201
    assert client.delete("/documents/a").status_code == 403  # the token, as for uploads
    r = client.delete("/documents/a", headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["removed"] == ["a"] and body["removed_nodes"] == 1 and body["removed_edges"] == 1
    assert [d["id"] for d in client.get("/documents").json()["documents"]] == ["b"]
    names = {n["name"] for n in client.get("/entities").json()["entities"]}
    assert "甲乙职业学院" in names and "甲乙职教联盟" not in names  # b still names the school
    r = client.delete("/documents/a", headers=AUTH)
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
