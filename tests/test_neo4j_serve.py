"""Several API servers on one graph: two `vocgraph serve --backend neo4j` processes answer alike,
and both see a document that a third process ingests, with no index folder anywhere (the search
indexes live in the database)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from neo4j_server import fresh_database

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]
ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ["哪些学校牵头职业教育集团", "哪些企业是职业教育集团的成员", "which schools lead vocational education groups"]


@pytest.fixture(scope="module")
def neo4j_settings():
    yield from fresh_database()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str, **params) -> dict:
    url = f"http://127.0.0.1:{port}{path}" + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.load(r)


def _wait(proc: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 90
    while True:
        try:
            _get(port, "/health")
            return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(proc.stdout.read().decode() if proc.stdout else "timeout")
            time.sleep(0.3)


def _answers(port: int) -> list[dict]:
    return [_get(port, "/ask", q=q) for q in QUESTIONS] + [_get(port, "/search", q="职业教育集团 牵头")]


def test_two_servers_answer_alike_before_and_after_a_third_process_ingests(neo4j_settings, corpus_files, tmp_path):
    small = [f for f in corpus_files if f.stat().st_size < 20_000]
    assert len(small) >= 2
    env = {**os.environ, "NEO4J_URI": neo4j_settings.neo4j_uri, "NEO4J_USER": neo4j_settings.neo4j_user or "",
           "NEO4J_PASSWORD": neo4j_settings.neo4j_password or "", "NEO4J_DATABASE": neo4j_settings.neo4j_database or "",
           "VOCGRAPH_EMBEDDER": "hash", "PYTHONPATH": str(ROOT)}
    env.pop("VOCGRAPH_INDEX_DIR", None)
    cli = [sys.executable, "-m", "api.cli"]
    first = subprocess.run([*cli, "ingest", str(small[0]), "--backend", "neo4j", "-q"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    ports = [_free_port(), _free_port()]
    servers = [subprocess.Popen([*cli, "serve", "--backend", "neo4j", "--port", str(p)], cwd=tmp_path, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for p in ports]
    try:
        for proc, port in zip(servers, ports):
            _wait(proc, port)
        before = [_answers(p) for p in ports]
        assert before[0] == before[1]
        health = _get(ports[0], "/health")

        third = subprocess.run([*cli, "ingest", str(small[1]), "--backend", "neo4j", "-q"], cwd=tmp_path, env=env,
                               capture_output=True, text=True, timeout=300)
        assert third.returncode == 0, third.stderr
        after = [_answers(p) for p in ports]
        assert after[0] == after[1]
        assert after[0] != before[0]  # the new document shows in both servers' answers
        assert all(_get(p, "/health")["nodes"] > health["nodes"] for p in ports)
    finally:
        for proc in servers:
            proc.terminate()
            proc.wait(timeout=20)
    assert not any(tmp_path.glob("**/manifest.json")), "an index folder was written"
