"""`vocgraph neo4j push` and `--backend neo4j` from the command line."""

from __future__ import annotations

import json

import pytest

from api.cli import main
from neo4j_server import fresh_database


@pytest.fixture(scope="module")
def neo4j_settings():
    yield from fresh_database()


@pytest.fixture()
def server_env(neo4j_settings, monkeypatch):
    """NEO4J_* pointing at this module's database (the CLI reads them once, like a user's shell)."""
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.neo4j_uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_settings.neo4j_user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.neo4j_password)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.neo4j_database or "")
    return neo4j_settings


@pytest.mark.neo4j
@pytest.mark.slow
def test_push_then_read_through_the_neo4j_backend(seed_store_path, server_env, capsys):
    assert main(["neo4j", "push", "--store", str(seed_store_path), "--clear", "--embedder", "hash"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("pushed 5 documents, ") and server_env.neo4j_uri in err
    assert "search indexes in the database: " in err and "(hash)" in err

    assert main(["export", "--store", str(seed_store_path)]) == 0
    embedded = capsys.readouterr().out
    assert main(["export", "--backend", "neo4j"]) == 0
    assert capsys.readouterr().out == embedded

    assert main(["neo4j", "push", "--store", str(seed_store_path), "--embedder", "hash"]) == 0  # idempotent
    assert " 0 texts embedded" in capsys.readouterr().err
    assert main(["ask", "哪些学校牵头职业教育集团", "--backend", "neo4j", "--embedder", "hash"]) == 0
    assert capsys.readouterr().out.strip()
    assert main(["stats", "--backend", "neo4j"]) == 0
    remote_stats = capsys.readouterr().out
    assert main(["stats", "--store", str(seed_store_path)]) == 0
    assert capsys.readouterr().out == remote_stats
    assert json.loads(embedded)["nodes"]


@pytest.mark.neo4j
def test_wrong_password_on_the_command_line_is_reported_without_the_password(tmp_path, server_env, capsys):
    store = tmp_path / "store"
    store.mkdir()
    (store / "graph.json").write_text('{"nodes": [], "edges": []}', encoding="utf-8")
    code = main(["neo4j", "push", "--store", str(store), "--neo4j-password", "wrong-secret-99"])
    err = capsys.readouterr().err
    assert code == 1
    assert server_env.neo4j_uri in err and "credentials" in err and "wrong-secret-99" not in err


def test_push_from_a_folder_without_a_store_fails_clearly(tmp_path, capsys):
    assert main(["neo4j", "push", "--store", str(tmp_path / "nothing")]) == 1
    assert "no embedded store here" in capsys.readouterr().err


def test_unreachable_server_fails_with_the_uri(tmp_path, capsys):
    store = tmp_path / "store"
    store.mkdir()
    (store / "graph.json").write_text('{"nodes": [], "edges": []}', encoding="utf-8")
    code = main(["neo4j", "push", "--store", str(store), "--neo4j-uri", "bolt://127.0.0.1:1",
                 "--neo4j-password", "x-password"])
    assert code == 1
    assert "bolt://127.0.0.1:1: cannot reach" in capsys.readouterr().err
