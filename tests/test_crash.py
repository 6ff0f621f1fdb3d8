"""SIGKILL at random points of real commits: the store is always one whole generation.

A forked child ingests documents (fake extractor, hash embedder: graph, document list, stored
text and index generation in each commit) and removes older ones, reporting each commit and
each commit step it reaches; a pause at every step (graph/networkx_store.py's fault hook) widens
the windows between the file renames. The parent kills it after a random delay, then opens the
store and checks that nothing committed is lost and that graph, documents, texts and index agree.
Figures: docs/reliability.md.
"""

from __future__ import annotations

import os
import random
import threading
import signal
import time
from collections import Counter
from pathlib import Path

import pytest

import graph.networkx_store as nxs
from fake_extractor import FAKE
from graph.check import check_store
from graph.networkx_store import NetworkxStore
from ingest.model import Document
from ingest.pipeline import ingest_documents
from ingest.remove import remove_documents
from search.index import current_generation, graph_signature, load_generation, update_indexes

TRIES = 55
CHARS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"


def sample_doc(i: int) -> Document:
    a, b = CHARS[i % len(CHARS)], CHARS[(i // len(CHARS)) % len(CHARS)]
    text = f"由{a}{b}职业学院牵头组建{a}{b}职教联盟。\n{a}{b}职教联盟成员：{b}{a}学校\n"
    return Document(id=f"d{i:03d}", path=f"d{i:03d}.txt", text=text, meta={"path": f"d{i:03d}.txt"})


def _child(path: Path, start: int, fd: int) -> None:
    """Ingest documents start, start+1, ... one commit each; remove every third older one."""
    def say(line: str) -> None:
        os.write(fd, (line + "\n").encode())

    def pause(step: str) -> None:
        say(f"step {step}")
        time.sleep(0.004)

    nxs._pause = pause
    i = start
    while True:
        st = NetworkxStore(path)
        with st.writing(wait=30):
            doc = sample_doc(i)
            say(f"begin +{doc.id}")
            ingest_documents([doc], st, extractors=FAKE, commit=False)
            update_indexes(st, [doc.id], embedder_spec="hash")
        say(f"done +{doc.id}")
        old = f"d{i - 2:03d}"
        if i % 3 == 0 and old in st.documents():
            with st.writing(wait=30):
                say(f"begin -{old}")
                remove_documents(st, [old])
                update_indexes(st, doc_ids=[], embedder_spec="hash")
            say(f"done -{old}")
        i += 1


def _apply(docs: set[str], op: str) -> set[str]:
    return docs | {op[1:]} if op[0] == "+" else docs - {op[1:]}


def _consistent(path: Path, committed: set[str], in_flight: str | None) -> tuple[bool, str]:
    st = NetworkxStore(path)
    docs = set(st.documents())
    allowed = [committed] + ([_apply(committed, in_flight)] if in_flight else [])
    if docs not in allowed:
        return False, f"documents {sorted(docs)} are neither {[sorted(a) for a in allowed]}"
    if st.problems:
        return False, f"load check: {st.problems}"
    report = check_store(st)
    if not report.ok:
        return False, f"check: {report.problems}"
    node_docs = {d for n in st.iter_nodes() for d in n.docs}
    if node_docs != docs:
        return False, f"nodes name {sorted(node_docs)}, documents are {sorted(docs)}"
    if docs:
        gen = current_generation(st)
        if gen is None:
            return False, "no index generation"
        manifest = load_generation(gen).manifest
        if manifest["graph"] != graph_signature(st):
            return False, f"index built for {manifest['graph']}, graph is {graph_signature(st)}"
    return True, ""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_at_random_points_leaves_one_whole_generation(tmp_path):
    if threading.active_count() > 1 and not os.environ.get("VOCGRAPH_FORK_TESTS"):
        pytest.skip("a fork beside other threads can deadlock: scripts/test.sh runs this file alone first")
    rng = random.Random(11)
    path = tmp_path / "store"
    warm = NetworkxStore(tmp_path / "warm")  # import and warm up what the children will use
    ingest_documents([sample_doc(999)], warm, extractors=FAKE, commit=False)
    update_indexes(warm, embedder_spec="hash")
    committed: set[str] = set()
    next_doc, inconsistent, lost, killed_at = 0, [], 0, Counter()
    started = time.perf_counter()
    for attempt in range(TRIES):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: write until killed
            os.close(r)
            try:
                _child(path, next_doc, w)
            finally:
                os._exit(1)
        os.close(w)
        fh = os.fdopen(r)
        lines, wanted = [], rng.randint(1, 6)
        while len(lines) < wanted:  # kill after a random report line, a random moment later
            line = fh.readline()
            if not line:
                break
            lines.append(line.rstrip("\n"))
        time.sleep(rng.uniform(0.0, 0.02))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        lines += fh.read().splitlines()
        fh.close()
        in_flight, step = None, "between commits"
        for line in lines:
            kind, _, rest = line.partition(" ")
            if kind == "begin":
                in_flight, step = rest, "before the first step"
            elif kind == "step":
                step = rest
            elif kind == "done":
                committed = _apply(committed, rest)
                in_flight, step = None, "between commits"
        killed_at[step if in_flight else "between commits"] += 1
        ok, why = _consistent(path, committed, in_flight)
        if not ok:
            inconsistent.append(f"try {attempt} (killed at {step}): {why}")
        docs = set(NetworkxStore(path).documents())
        kept = committed - {in_flight[1:]} if in_flight and in_flight[0] == "-" else committed
        lost += len(kept - docs)  # a committed document gone (its removal was not in flight)
        committed = docs  # the in-flight change, when it made it, is committed now
        next_doc = max([int(d[1:]) for d in committed] + [next_doc - 1]) + 1
        if in_flight and in_flight[0] == "+":
            next_doc = max(next_doc, int(in_flight[2:]) + 1)
    seconds = time.perf_counter() - started
    print(f"\n{TRIES} SIGKILLs in {seconds:.1f} s: {len(inconsistent)} inconsistent, {lost} lost; "
          f"killed at {dict(sorted(killed_at.items()))}; {len(committed)} documents at the end")
    assert not inconsistent, inconsistent[:3]
    assert lost == 0
    mid_commit = sum(c for s, c in killed_at.items() if s != "between commits")
    assert mid_commit >= TRIES // 3, killed_at  # the kills did land inside commits
    assert killed_at["graph"] + killed_at["text"] >= 4, killed_at  # between file renames
    st = NetworkxStore(path)  # a reader's open sweeps what the killed writers left
    leftovers = [p for p in path.rglob("*.tmp")]
    assert not leftovers, leftovers
    assert st.documents()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_readers_beside_a_busy_writer_always_see_a_whole_generation(tmp_path):
    if threading.active_count() > 1 and not os.environ.get("VOCGRAPH_FORK_TESTS"):
        pytest.skip("a fork beside other threads can deadlock: scripts/test.sh runs this file alone first")
    path = tmp_path / "store"
    warm = NetworkxStore(tmp_path / "warm")
    ingest_documents([sample_doc(999)], warm, extractors=FAKE, commit=False)
    update_indexes(warm, embedder_spec="hash")
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            _child(path, 0, w)
        finally:
            os._exit(1)
    os.close(w)
    os.set_blocking(r, False)
    reads, bad, generations = 0, [], set()
    deadline = time.monotonic() + 2.0
    try:
        while time.monotonic() < deadline:
            try:
                os.read(r, 1 << 16)  # keep the writer's pipe drained
            except BlockingIOError:
                pass
            if not (path / "graph.json").exists():
                continue
            st = NetworkxStore(path)
            generations.add(st.generation)
            reads += 1
            report = check_store(st)
            node_docs = {d for n in st.iter_nodes() for d in n.docs}
            if st.problems or not report.ok or node_docs != set(st.documents()):
                bad.append(st.problems or report.problems or "node documents")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(r)
    print(f"\n{reads} reads over {len(generations)} generations beside a writer: {len(bad)} inconsistent")
    assert reads > 20 and len(generations) > 5
    assert not bad, bad[:3]
