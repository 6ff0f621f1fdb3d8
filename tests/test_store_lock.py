"""One writer at a time: concurrent CLI ingests lose nothing; a second writer waits ``--wait``
seconds and then exits 1 naming the holder; readers never wait; an API upload beside a CLI
ingest keeps both. Figures: docs/reliability.md."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from api.cli import main
from graph.errors import StoreBusyError
from graph.lock import StoreLock
from graph.networkx_store import NetworkxStore

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent
CHARS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
PER_WORKER = 8

# A writer process: ingests its documents one `vocgraph ingest` at a time (fake extractor).
WORKER = textwrap.dedent("""
    import os, sys
    sys.path[:0] = [{root!r}, {tests!r}]
    import ingest.pipeline
    from fake_extractor import FAKE
    ingest.pipeline.load_extractors = lambda: FAKE
    from api.cli import main
    import time
    started = time.time()
    index = [] if os.environ.get("WORKER_INDEX") else ["--no-index"]
    codes = [main(["ingest", p, "--store", {store!r}, *index, "-q", "--wait", "60"]) for p in sys.argv[1:]]
    print("span", started, time.time())
    sys.exit(max(codes))
""")

# Holds the store lock until killed, after saying so on stdout.
HOLDER = textwrap.dedent("""
    import sys, time
    sys.path[:0] = [{root!r}]
    from graph.lock import StoreLock
    from pathlib import Path
    StoreLock(Path({store!r})).acquire(command="vocgraph ingest big-folder")
    print("held", flush=True)
    time.sleep(60)
""")


def _doc(folder: Path, worker: int, i: int) -> Path:
    a, b = CHARS[worker], CHARS[i]
    p = folder / f"w{worker}_{i:02d}.txt"
    p.write_text(f"由{a}{b}职业学院牵头组建{a}{b}职教联盟。\n", encoding="utf-8")
    return p


def _python(code: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


@pytest.fixture()
def holder(tmp_path):
    """Another process holding the store lock; yields (store folder, its pid)."""
    store = tmp_path / "store"
    store.mkdir()
    proc = _python(HOLDER.format(root=str(ROOT), store=str(store)))
    assert proc.stdout.readline().strip() == "held"
    yield store, proc.pid
    proc.kill()
    proc.wait()


def test_two_processes_ingesting_at_once_lose_nothing(tmp_path):
    store = tmp_path / "store"
    folder = tmp_path / "in"
    folder.mkdir()
    files = {w: [str(_doc(folder, w, i)) for i in range(PER_WORKER)] for w in (0, 1)}
    code = WORKER.format(root=str(ROOT), tests=str(TESTS), store=str(store))
    started = time.perf_counter()
    # One writer also updates the search index in each commit (hash embedder).
    procs = [_python(code, *files[w], env={"WORKER_INDEX": "1", "VOCGRAPH_EMBEDDER": "hash"} if w else None)
             for w in (0, 1)]
    outs = [p.communicate(timeout=240) for p in procs]
    seconds = time.perf_counter() - started
    assert [p.returncode for p in procs] == [0, 0], [o[1][-800:] for o in outs]
    (a0, a1), (b0, b1) = [map(float, o[0].split()[-2:]) for o in outs]
    assert a0 < b1 and b0 < a1  # the two writers did run at the same time
    st = NetworkxStore(store)
    expected = {Path(f).stem for fs in files.values() for f in fs}
    lost = expected - set(st.documents())
    leads = {e.evidence[0].doc for e in st.iter_edges("LEADS")}
    print(f"\n2 processes x {PER_WORKER} ingests in {seconds:.1f} s: {len(lost)} documents lost, "
          f"{len(expected - leads)} LEADS edges lost")
    assert not lost and leads == expected
    assert st.stats()["edges_by_type"]["LEADS"] == 2 * PER_WORKER and not st.problems
    from search.index import current_generation, load_generation

    built_for = load_generation(current_generation(st)).manifest["graph"]["documents"]
    assert set(built_for) <= expected and built_for  # an index of a whole generation


def test_a_second_writer_waits_then_exits_1_naming_the_holder(holder, tmp_path, capsys, monkeypatch):
    store, pid = holder
    (tmp_path / "a.txt").write_text("由甲乙职业学院牵头组建甲乙职教联盟。\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "search.index", None)
    started = time.perf_counter()
    code = main(["ingest", str(tmp_path / "a.txt"), "--store", str(store), "--no-index", "--wait", "0.5"])
    waited = time.perf_counter() - started
    err = capsys.readouterr().err
    assert code == 1
    assert f"pid {pid}" in err and "vocgraph ingest big-folder" in err and "--wait" in err
    assert 0.5 <= waited < 5
    for argv in (["remove", "a"], ["link", "--embedder", "none"], ["check", "--repair"]):
        assert main([*argv, "--store", str(store), "--wait", "0"]) == 1
        assert f"pid {pid}" in capsys.readouterr().err


def test_readers_never_wait_for_a_writer(holder, capsys):
    store, _ = holder
    started = time.perf_counter()
    assert main(["stats", "--store", str(store), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 0
    assert time.perf_counter() - started < 2


def test_the_lock_goes_with_its_holder(holder):
    store, pid = holder
    lock = StoreLock(store)
    with pytest.raises(StoreBusyError, match=f"pid {pid}"):
        lock.acquire(wait=0.1)
    os.kill(pid, 9)  # even SIGKILL: the kernel drops the flock
    os.waitpid(pid, 0)
    lock.acquire(wait=2)
    lock.release()


def test_an_upload_beside_a_cli_ingest_keeps_both(tmp_path, monkeypatch):
    from write_client import AUTH, lead_file, write_client

    store = tmp_path / "store"
    client = write_client(store, monkeypatch)
    r = client.post("/documents", headers=AUTH, files=[lead_file("api1.txt", "甲", "甲")])
    assert r.status_code == 201 and r.json()["documents"] == ["api1"]
    # Meanwhile another process (the CLI) ingests into the same folder.
    (tmp_path / "cli.txt").write_text("由乙乙职业学院牵头组建乙乙职教联盟。\n", encoding="utf-8")
    code = WORKER.format(root=str(ROOT), tests=str(TESTS), store=str(store))
    proc = _python(code, str(tmp_path / "cli.txt"))
    assert proc.wait(timeout=120) == 0, proc.stderr.read()
    assert client.get("/documents").json()["documents"][1]["id"] == "cli"  # readers see it
    r = client.post("/documents", headers=AUTH, files=[lead_file("api2.txt", "丙", "丙")])
    assert r.status_code == 201
    assert set(NetworkxStore(store).documents()) == {"api1", "cli", "api2"}


def test_an_upload_while_another_process_writes_is_503_naming_it(holder, monkeypatch):
    import api.uploads
    from write_client import AUTH, lead_file, write_client

    store, pid = holder
    monkeypatch.setattr(api.uploads, "WRITE_WAIT", 0.2)
    r = write_client(store, monkeypatch).post("/documents", headers=AUTH, files=[lead_file("a.txt", "甲", "甲")])
    assert r.status_code == 503 and r.json()["error"]["code"] == "store_busy"
    assert f"pid {pid}" in r.json()["error"]["message"]


def test_a_question_while_a_writer_works_answers_from_the_older_index(tmp_path, monkeypatch):
    from graph.schema import Node, make_node_id
    from search.answer import ask
    from search.hybrid import clear_cache
    from search_sample import build_sample_store

    monkeypatch.setenv("VOCGRAPH_EMBEDDER", "hash")
    store = tmp_path / "store"
    st = build_sample_store(store)
    assert [a["name"] for a in ask(st, "辽西北职业教育联盟的牵头单位")["answers"]][:1] == ["辽宁职业学院"]
    st.put_node(Node(make_node_id("School", "新加的学校"), "School", "新加的学校", docs=[]))
    st.commit()  # the graph changed, its index did not (as after `ingest --no-index`)
    clear_cache()
    proc = _python(HOLDER.format(root=str(ROOT), store=str(store)))
    try:
        assert proc.stdout.readline().strip() == "held"
        started = time.perf_counter()
        answers = ask(NetworkxStore(store), "辽西北职业教育联盟的牵头单位")["answers"]
        assert time.perf_counter() - started < 3  # no wait for the writer
        assert answers[0]["name"] == "辽宁职业学院"
    finally:
        proc.kill()
        proc.wait()


def test_the_apis_readers_do_not_wait_for_an_upload(tmp_path, monkeypatch):
    import threading

    from fake_extractor import fake_extract
    from write_client import AUTH, lead_file, write_client

    client = write_client(tmp_path / "store", monkeypatch)
    assert client.post("/documents", headers=AUTH, files=[lead_file("a.txt", "甲", "乙")]).status_code == 201
    started = threading.Event()

    def slow(doc):
        started.set()
        time.sleep(1.5)
        return fake_extract(doc)

    monkeypatch.setattr("ingest.pipeline.load_extractors", lambda: [("slow", slow)])
    upload = threading.Thread(target=lambda: client.post("/documents", headers=AUTH,
                                                         files=[lead_file("b.txt", "丙", "丁")]))
    upload.start()
    assert started.wait(10)
    t = time.perf_counter()
    docs = [d["id"] for d in client.get("/documents").json()["documents"]]
    health = client.get("/health").json()
    waited = time.perf_counter() - t
    upload.join()
    assert docs == ["a"] and health["nodes"] == 2  # the live generation, not half an upload
    assert waited < 1.0
    assert [d["id"] for d in client.get("/documents").json()["documents"]] == ["a", "b"]
