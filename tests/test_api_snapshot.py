"""The API's readers share one generation of the embedded store without a lock; a write, or a
commit by another process, swaps in a new one (api/app.py StoreHolder). Name lookups through
the index (graph/names.py) answer as the scan over every node does."""

from __future__ import annotations

import threading

import pytest

from api.app import StoreHolder
from api.common import match_entities
from graph.base import GraphStore
from graph.networkx_store import NetworkxStore
from graph.schema import Edge, Evidence, Node, make_node_id


def _school(name: str, doc: str = "d1") -> Node:
    return Node(id=make_node_id("School", name), type="School", name=name, docs=[doc])


def _store(path) -> NetworkxStore:
    st = NetworkxStore(path)
    a, g = _school("甲乙职业学院"), Node(id=make_node_id("Group", "甲乙职教联盟"), type="Group",
                                         name="甲乙职教联盟", docs=["d1"])
    st.upsert_many([a, g], [Edge(a.id, g.id, "LEADS", evidence=[Evidence("d1", 0, 6, "甲乙职业学院")])])
    st.put_document("d1", "甲乙职业学院牵头", {"path": "d1.txt"})
    st.commit()
    return st


def test_a_reader_keeps_its_generation_while_a_write_swaps_in_the_next(tmp_path):
    holder = StoreHolder(_store(tmp_path))
    with holder.use() as before:
        with holder.writer() as st:
            with st.writing():
                st.upsert_node(_school("丙丁职业学院"))
                st.commit()
        assert before.node_count() == 2  # the reader's generation is untouched
    with holder.use() as after:
        assert after is not before and after.node_count() == 3


def test_another_processs_commit_is_loaded_as_a_new_generation(tmp_path):
    holder = StoreHolder(_store(tmp_path))
    with holder.use() as first:
        pass
    other = NetworkxStore(tmp_path)  # as a CLI ingest beside the server
    other.upsert_node(_school("戊己职业学院"))
    other.commit()
    with holder.use() as second:
        assert second is not first and second.find_nodes("戊己职业学院")
    assert first.node_count() == 2 and not first.find_nodes("戊己职业学院")


def test_readers_in_many_threads_see_whole_generations_during_writes(tmp_path):
    holder = StoreHolder(_store(tmp_path))
    seen: list[tuple[int, int]] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            with holder.use() as st:
                seen.append((st.node_count(), sum(1 for _ in st.iter_nodes())))

    readers = [threading.Thread(target=read) for _ in range(4)]
    for t in readers:
        t.start()
    try:
        for i in range(5):
            with holder.writer() as st:
                with st.writing():
                    st.upsert_node(_school(f"第{i}职业学院"))
                    st.commit()
    finally:
        stop.set()
        for t in readers:
            t.join()
    assert seen and all(count == listed for count, listed in seen)
    assert {count for count, _ in seen} <= set(range(2, 8))
    with holder.use() as st:
        assert st.node_count() == 7


@pytest.mark.parametrize("type_", [None, "School", "Group"])
def test_name_lookups_through_the_index_answer_as_the_scan_does(seed_store, type_):
    nodes = sorted(seed_store.iter_nodes(), key=lambda n: n.id)[::23]
    queries = [q for n in nodes for q in (n.name, n.name[:4], n.name[2:], n.name[:-2] + "学校")]
    assert seed_store.name_index() is not None
    for q in queries:
        assert ([n.id for n in seed_store.find_nodes(q, type_, 10)]
                == [n.id for n in GraphStore.find_nodes(seed_store, q, type_, 10)])
    indexed = [[n.id for n in match_entities(seed_store, q, type_, 10)] for q in queries]
    seed_store._dirty = True  # uncommitted changes: lookups scan every node
    try:
        assert seed_store.name_index() is None
        assert indexed == [[n.id for n in match_entities(seed_store, q, type_, 10)] for q in queries]
    finally:
        seed_store._dirty = False
