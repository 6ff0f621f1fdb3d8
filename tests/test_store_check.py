"""The store's files: format-1 stores load and migrate, leftovers of killed writers are swept,
the load-time check finds evidence of documents not in the list, ``vocgraph check [--repair]``."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from api.cli import main
from fake_extractor import FAKE
from graph.check import check_store
from graph.networkx_store import FORMAT_VERSION, NetworkxStore, safe_doc_filename
from ingest.model import Document
from ingest.pipeline import ingest_documents

TEXTS = {"a": "由甲乙职业学院牵头组建甲乙职教联盟。\n", "b": "由丙丁职业学院牵头组建丙丁职教联盟。\n"}


def _store(path: Path) -> NetworkxStore:
    st = NetworkxStore(path)
    docs = [Document(id=d, path=f"{d}.txt", text=t, meta={"path": f"{d}.txt"}) for d, t in TEXTS.items()]
    ingest_documents(docs, st, extractors=FAKE)
    return NetworkxStore(path)


def _graph_dicts(st: NetworkxStore) -> dict:
    return {"nodes": [n.to_dict() for n in st.iter_nodes()], "edges": [e.to_dict() for e in st.iter_edges()]}


def _as_format1(path: Path, documents: dict) -> None:
    """Rewrite a store in the layout vocgraph wrote before (graph.json, documents.json, docs/)."""
    st = NetworkxStore(path)
    for d in st.documents():
        (path / "docs").mkdir(exist_ok=True)
        (path / "docs" / safe_doc_filename(d)).write_text(st.get_document_text(d), encoding="utf-8")
    (path / "graph.json").write_text(json.dumps({"format": 1, **_graph_dicts(st)}, ensure_ascii=False),
                                     encoding="utf-8")
    (path / "documents.json").write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")
    for p in (path / "texts").iterdir():
        p.unlink()
    shutil.rmtree(path / "graph")


def _as_format2(path: Path) -> None:
    """Rewrite a store as format 2 wrote it: nodes and edges inline in graph.json."""
    st = NetworkxStore(path)
    data = json.loads((path / "graph.json").read_text(encoding="utf-8"))
    del data["graph"], data["counts"]
    data.update(format=2, **_graph_dicts(st))
    (path / "graph.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(path / "graph")


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch):
    monkeypatch.setattr("ingest.pipeline.load_extractors", lambda: FAKE)
    monkeypatch.setitem(sys.modules, "search.index", None)


def test_a_format1_store_loads_and_its_first_commit_migrates_it(tmp_path, capsys):
    path = tmp_path / "store"
    docs = _store(path).documents()
    assert main(["export", "--store", str(path)]) == 0
    before = capsys.readouterr().out
    _as_format1(path, docs)
    old = NetworkxStore(path)
    assert set(old.documents()) == {"a", "b"} and not old.problems
    assert old.get_document_text("a") == TEXTS["a"]
    assert main(["export", "--store", str(path)]) == 0
    assert capsys.readouterr().out == before
    old.commit()
    assert not (path / "documents.json").exists()  # graph.json holds the document list now
    new = NetworkxStore(path)
    assert json.loads((path / "graph.json").read_text(encoding="utf-8"))["format"] == FORMAT_VERSION
    assert new.get_document_text("b") == TEXTS["b"] and not new.problems
    assert main(["export", "--store", str(path)]) == 0
    assert capsys.readouterr().out == before


def test_a_format2_store_loads_and_its_first_commit_writes_the_compact_graph_file(tmp_path, capsys):
    path = tmp_path / "store"
    _store(path)
    assert main(["export", "--store", str(path)]) == 0
    before = capsys.readouterr().out
    _as_format2(path)
    old = NetworkxStore(path)
    assert not old.problems and old.node_count() == 4
    assert main(["export", "--store", str(path)]) == 0
    assert capsys.readouterr().out == before
    old.commit()
    manifest = json.loads((path / "graph.json").read_text(encoding="utf-8"))
    assert manifest["format"] == FORMAT_VERSION and "nodes" not in manifest
    assert (path / manifest["graph"]).is_file()
    assert main(["export", "--store", str(path)]) == 0
    assert capsys.readouterr().out == before
    # The graph file the old generation named goes once its retention is over; a commit that
    # changes nothing names the same file (it is named by its content).
    NetworkxStore(path).commit()
    assert json.loads((path / "graph.json").read_text(encoding="utf-8"))["graph"] == manifest["graph"]


def test_a_document_list_behind_the_graph_is_found_and_repaired(tmp_path, capsys):
    # What a kill between the two renames of the old layout left behind (issue 11).
    path = tmp_path / "store"
    docs = _store(path).documents()
    _as_format1(path, {"a": docs["a"]})
    st = NetworkxStore(path)
    assert st.problems and "'b'" in st.problems[0]
    (tmp_path / "c.txt").write_text("由戊己职业学院牵头组建戊己职教联盟。\n", encoding="utf-8")
    assert main(["ingest", str(tmp_path / "c.txt"), "--store", str(path), "--no-index"]) == 1
    assert "vocgraph check --repair" in capsys.readouterr().err  # no change on top of it
    assert main(["stats", "--store", str(path)]) == 0  # readers still read, with a warning
    assert "run `vocgraph check --repair`" in capsys.readouterr().err
    assert main(["check", "--store", str(path)]) == 1
    assert "cite documents that are not stored" in capsys.readouterr().out
    assert main(["check", "--repair", "--store", str(path)]) == 0
    assert "repaired: dropped" in capsys.readouterr().out
    st = NetworkxStore(path)
    assert not st.problems and check_store(st).ok
    assert all(ev.doc == "a" for e in st.iter_edges() for ev in e.evidence)
    assert main(["check", "--store", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert main(["ingest", str(tmp_path / "c.txt"), "--store", str(path), "--no-index", "-q"]) == 0


def test_quotes_that_no_longer_match_the_text_are_dropped(tmp_path, capsys):
    path = tmp_path / "store"
    st = _store(path)
    text_file = path / json.loads((path / "graph.json").read_text(encoding="utf-8"))["texts"]["b"]
    text_file.write_text("另一篇文字，长度不同。" * 3, encoding="utf-8")  # edited behind vocgraph's back
    report = check_store(NetworkxStore(path))
    assert not report.ok and "no longer match" in " ".join(report.problems)
    assert main(["check", "--repair", "--store", str(path)]) == 0
    st = NetworkxStore(path)
    assert check_store(st).ok and {ev.doc for e in st.iter_edges() for ev in e.evidence} == {"a"}


def test_leftovers_of_a_killed_writer_are_swept_on_the_next_open(tmp_path):
    path = tmp_path / "store"
    _store(path)
    leftovers = [path / ".graph.json.abc.tmp", path / "texts" / ".x.txt.abc.tmp"]
    for p in leftovers:
        p.write_text("half", encoding="utf-8")
    (path / "index").mkdir()
    (path / "index" / ".g123.tmp").mkdir()
    orphan = path / "texts" / "0123456789abcdef0123456789abcdef.txt"  # written, never committed
    orphan.write_text("orphan", encoding="utf-8")
    st = NetworkxStore(path)
    assert not any(p.exists() for p in leftovers) and not (path / "index" / ".g123.tmp").exists()
    st.commit()  # a commit also drops text files no generation names
    assert not orphan.exists() and set(NetworkxStore(path).documents()) == {"a", "b"}


def test_files_a_commit_stops_naming_stay_a_while_for_readers(tmp_path, monkeypatch):
    import graph.networkx_store as nxs

    path = tmp_path / "store"
    st = _store(path)
    old_text = path / json.loads((path / "graph.json").read_text(encoding="utf-8"))["texts"]["b"]
    reader = NetworkxStore(path)  # still on this generation
    from ingest.remove import remove_documents

    remove_documents(st, ["b"])
    st.commit()
    assert old_text.exists() and reader.get_document_text("b") == TEXTS["b"]
    assert f"texts/{old_text.name}" in json.loads((path / "graph.json").read_text(encoding="utf-8"))["retired"]
    monkeypatch.setattr(nxs, "RETAIN_SECONDS", -1.0)
    st.put_node(next(st.iter_nodes()))
    st.commit()  # retired long enough: gone
    assert not old_text.exists()
    assert not json.loads((path / "graph.json").read_text(encoding="utf-8"))["retired"]
