"""CLI: ingest / export / stats / show, exit codes and output shapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from api.cli import main
from fake_extractor import FAKE

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = "由辽宁职业学院牵头组建辽西北职教联盟。\n辽西北职教联盟牵头单位：辽宁职业学院\n"


@pytest.fixture()
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SAMPLE, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def isolated(monkeypatch):
    """Keep these tests about the CLI: a fake extractor, and no search indexes."""
    monkeypatch.setattr("ingest.pipeline.load_extractors", lambda: FAKE)
    monkeypatch.setitem(sys.modules, "search.index", None)


def run(*argv: str) -> int:
    return main(list(argv))


def test_ingest_ok_then_stats_export_show(tmp_path, inputs, capsys):
    store = str(tmp_path / "store")
    assert run("ingest", str(inputs), "--store", store, "--no-index") == 0
    out = capsys.readouterr().out
    assert "ingested 1" in out and "documents: 1" in out and "nodes:" in out and "edges:" in out

    assert run("stats", "--store", store, "--json") == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["documents"] == 1 and stats["nodes"] == sum(stats["nodes_by_type"].values())

    assert run("export", "--store", store) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"nodes", "edges"}
    for n in data["nodes"]:
        assert set(n) == {"id", "type", "name", "aliases", "properties"}
    for e in data["edges"]:
        assert set(e) == {"source", "target", "type", "properties", "evidence"}
        for ev in e["evidence"]:
            assert set(ev) == {"doc", "start", "end", "quote"}
    assert len(data["nodes"]) == stats["nodes"] and len(data["edges"]) == stats["edges"]


def test_show_node_with_quotes_and_suggestions(tmp_path, inputs, capsys):
    store = str(tmp_path / "store")
    run("ingest", str(inputs), "--store", store, "-q")
    capsys.readouterr()
    assert run("show", "辽宁省", "--store", store) == 0
    out = capsys.readouterr().out
    assert out.startswith("辽宁省  [Region]") and "aliases: 辽宁" in out
    assert "<-[LOCATED_IN]-" in out and "“" in out and "「" not in out  # one quote style, as ask

    assert run("show", "辽宁", "--store", store, "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["node"]["name"] == "辽宁省"
    assert all(e["evidence"] for e in shown["edges"])

    assert run("show", "辽西", "--store", store) == 1
    err = capsys.readouterr().err
    assert "did you mean" in err and "辽西北" in err

    assert run("show", "火星基地", "--store", store) == 1
    assert "no node named" in capsys.readouterr().err


def test_skipped_files_exit_3_and_are_named(tmp_path, inputs, capsys):
    (inputs / "empty.txt").write_bytes(b"")
    code = run("ingest", str(inputs), str(tmp_path / "missing.docx"), "--store", str(tmp_path / "s"), "-q")
    assert code == 3
    err = capsys.readouterr().err
    assert "empty.txt: empty file" in err
    assert "missing.docx: no such file or folder" in err


def test_reingest_reports_unchanged(tmp_path, inputs, capsys):
    store = str(tmp_path / "store")
    run("ingest", str(inputs), "--store", store, "-q")
    assert run("ingest", str(inputs), "--store", store, "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ingested"] == [] and report["unchanged"] == ["a"]
    assert report["nodes_added"] == 0 and report["edges_added"] == 0
    (inputs / "a.txt").write_text("由铁岭市农业学校牵头组建铁岭农业职教集团。\n", encoding="utf-8")
    assert run("ingest", str(inputs), "--store", store) == 0
    assert "ingested 1 (1 replacing an older version)" in capsys.readouterr().out


def test_corrupt_store_is_fatal(tmp_path, inputs, capsys):
    store = tmp_path / "store"
    store.mkdir()
    (store / "graph.json").write_text("{broken", encoding="utf-8")
    assert run("ingest", str(inputs), "--store", str(store), "-q") == 1
    assert "graph.json" in capsys.readouterr().err
    assert run("stats", "--store", str(store)) == 1


def test_bad_aliases_file_is_fatal(tmp_path, inputs, capsys):
    bad = tmp_path / "aliases.tsv"
    bad.write_text("merge\ta\tb\n", encoding="utf-8")
    assert run("ingest", str(inputs), "--store", str(tmp_path / "s"), "--aliases", str(bad), "-q") == 1
    assert "aliases.tsv" in capsys.readouterr().err


def test_default_store_from_environment(tmp_path, inputs, monkeypatch, capsys):
    monkeypatch.setenv("VOCGRAPH_STORE", str(tmp_path / "env-store"))
    assert run("ingest", str(inputs), "-q") == 0
    assert (tmp_path / "env-store" / "graph.json").exists()


def test_index_hook_gets_the_new_documents(tmp_path, inputs, monkeypatch):
    import types

    calls = []
    mod = types.ModuleType("search.index")
    mod.update_indexes = lambda store, doc_ids, embedder_spec=None, progress=None: calls.append((doc_ids, embedder_spec))
    monkeypatch.setitem(sys.modules, "search.index", mod)
    store = str(tmp_path / "s")
    assert run("ingest", str(inputs), "--store", store, "--embedder", "hash", "-q") == 0
    assert calls == [(["a"], "hash")]
    assert run("ingest", str(inputs), "--store", store, "--no-index", "-q") == 0
    assert len(calls) == 1


def test_console_script_usage_errors_exit_2(tmp_path):
    env = {**os.environ, "VOCGRAPH_STORE": str(tmp_path / "s")}
    for argv in (["ingest"], ["ingest", "x", "--bogus"], ["show"]):
        proc = subprocess.run([sys.executable, "-m", "api.cli", *argv], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2, (argv, proc.stderr)
        assert "usage:" in proc.stderr


def test_unwritable_store_is_fatal(tmp_path, inputs, capsys, monkeypatch):
    def refuse(path, text):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("graph.networkx_store.atomic_write_text", refuse)
    assert run("ingest", str(inputs), "--store", str(tmp_path / "store"), "-q") == 1
    assert "cannot write the store" in capsys.readouterr().err


@pytest.fixture()
def neo4j_env(monkeypatch):
    """A fresh database on the configured Bolt server (skipped locally without one, like the
    other neo4j tests; CI starts ArcadeDB)."""
    from neo4j_server import fresh_database

    gen = fresh_database()
    settings = next(gen)
    for var, value in (("NEO4J_URI", settings.neo4j_uri), ("NEO4J_USER", settings.neo4j_user),
                       ("NEO4J_PASSWORD", settings.neo4j_password),
                       ("NEO4J_DATABASE", settings.neo4j_database or "")):
        monkeypatch.setenv(var, value)
    yield settings
    gen.close()


@pytest.mark.neo4j
def test_ingest_into_the_neo4j_backend_matches_the_embedded_store(tmp_path, inputs, neo4j_env, capsys):
    assert run("ingest", str(inputs), "--store", str(tmp_path / "s"), "-q") == 0
    assert run("ingest", str(inputs), "--backend", "neo4j", "-q") == 0
    assert run("ingest", str(inputs), "--backend", "neo4j", "--json") == 0  # idempotent there too
    assert json.loads(capsys.readouterr().out)["unchanged"] == ["a"]
    assert run("export", "--store", str(tmp_path / "s")) == 0
    embedded = json.loads(capsys.readouterr().out)
    assert run("export", "--backend", "neo4j") == 0
    remote = json.loads(capsys.readouterr().out)
    assert remote == embedded and embedded["edges"]


def test_docx_and_pdf_inputs_through_the_cli(tmp_path, capsys):
    import docx

    from test_readers import minimal_pdf

    folder = tmp_path / "in"
    folder.mkdir()
    d = docx.Document()
    d.add_paragraph("由辽宁职业学院牵头组建辽西北职教联盟。")
    d.save(folder / "w.docx")
    (folder / "p.pdf").write_bytes(minimal_pdf(["Liaoning vocational education"]))
    assert run("ingest", str(folder), "--store", str(tmp_path / "s"), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert sorted(report["ingested"]) == ["p", "w"]
    assert report["stats"]["edges_by_type"]["LEADS"] == 1


def test_progress_bar_draws_only_on_a_terminal():
    import io

    from api.commands_graph import ProgressBar

    class Tty(io.StringIO):
        def isatty(self):
            return True

    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        bar = ProgressBar(stream)
        bar(1, 4, "a.txt")
        bar.close()
    assert "[#######-----------------------] 1/4 a.txt" in tty.getvalue()
    assert pipe.getvalue() == ""
    quiet = Tty()
    ProgressBar(quiet, enabled=False)(1, 4, "a.txt")
    assert quiet.getvalue() == ""


def test_adding_documents_keeps_the_index_embedder(tmp_path, inputs, monkeypatch):
    """An index built with one embedder is updated with the same one when --embedder is omitted."""
    import importlib

    monkeypatch.delitem(sys.modules, "search.index")
    monkeypatch.delenv("VOCGRAPH_EMBEDDER", raising=False)
    index = importlib.import_module("search.index")
    store = str(tmp_path / "s")
    assert run("ingest", str(inputs / "a.txt"), "--store", store, "--embedder", "hash", "-q") == 0
    (inputs / "b.txt").write_text("由辽宁农业职业技术学院牵头组建辽宁现代农业职教集团。\n", encoding="utf-8")
    assert run("ingest", str(inputs / "b.txt"), "--store", store, "-q") == 0
    from graph.networkx_store import NetworkxStore

    assert index.indexed_embedder(NetworkxStore(store)) == "hash"
