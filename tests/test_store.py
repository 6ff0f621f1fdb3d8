"""The embedded store: round trip, atomic writes, load speed, evidence dedupe, corrupt files."""

from __future__ import annotations

import json
import os
import statistics
import time

import pytest

from graph.errors import NotFoundError, SchemaError, StoreError
from graph.networkx_store import NetworkxStore, atomic_write_text
from graph.schema import Edge, Evidence, Node, make_node_id


def _school(name: str) -> Node:
    return Node(id=make_node_id("School", name), type="School", name=name, docs=["d1"])


def _group(name: str) -> Node:
    return Node(id=make_node_id("Group", name), type="Group", name=name, docs=["d1"])


def _small_graph(store: NetworkxStore) -> tuple[Node, Node, Edge]:
    s, g = _school("辽宁职业学院"), _group("辽西北职业教育联盟")
    e = Edge(s.id, g.id, "LEADS", {"confidence": 0.9}, [Evidence("d1", 3, 9, "辽宁职业学院")])
    store.upsert_many([s, g], [e])
    store.put_document("d1", "牵头：辽宁职业学院", {"path": "d1.txt", "sha256": "x"})
    return s, g, e


def test_round_trip(tmp_path):
    store = NetworkxStore(tmp_path)
    s, g, e = _small_graph(store)
    store.commit()
    again = NetworkxStore(tmp_path)
    assert again.get_node(s.id) == s and again.get_node(g.id) == g
    assert again.get_edge(*e.key).to_dict() == e.to_dict()
    assert again.get_document_text("d1") == "牵头：辽宁职业学院"
    assert again.documents()["d1"]["sha256"] == "x"
    assert again.stats()["edges_by_type"] == {"LEADS": 1}


def test_evidence_is_not_duplicated(tmp_path):
    store = NetworkxStore(tmp_path)
    s, g, e = _small_graph(store)
    store.upsert_edge(Edge(s.id, g.id, "LEADS", evidence=[Evidence("d1", 3, 9, "辽宁职业学院")]))
    store.upsert_edge(Edge(s.id, g.id, "LEADS", evidence=[Evidence("d2", 0, 6, "辽宁职业学院")]))
    assert [(ev.doc, ev.start) for ev in store.get_edge(*e.key).evidence] == [("d1", 3), ("d2", 0)]


def test_upsert_checks_endpoints_and_types(tmp_path):
    store = NetworkxStore(tmp_path)
    s, g, _ = _small_graph(store)
    with pytest.raises(NotFoundError):
        store.upsert_edge(Edge(s.id, "Group-missing", "MEMBER_OF", evidence=[Evidence("d1", 0, 1, "x")]))
    with pytest.raises(SchemaError):
        store.upsert_edge(Edge(g.id, s.id, "LEADS", evidence=[Evidence("d1", 0, 1, "x")]))


def test_limited_neighbourhood_is_the_same_whatever_the_insertion_order(tmp_path):
    """Within one hop, edges are followed by type, then by the other node's id, so a limited
    neighbourhood keeps the same nodes however the store's adjacency happens to be ordered."""
    group = _group("某某现代农业职业教育集团")
    schools = [_school(f"某某第{i}职业学校") for i in range(6)]
    edges = [Edge(s.id, group.id, "MEMBER_OF" if i % 2 else "LEADS", {}, [Evidence("d1", i, i + 1, "x")])
             for i, s in enumerate(schools)]
    kept = []
    for k, order in enumerate((edges, edges[::-1])):
        store = NetworkxStore(tmp_path / str(k))
        store.upsert_many([group, *schools], order)
        kept.append([n.id for n in store.neighborhood(group.id, limit=4)[0]])
    leads = sorted(s.id for i, s in enumerate(schools) if i % 2 == 0)
    assert kept[0] == kept[1] == [group.id, *leads]


def test_atomic_write_leaves_old_file_when_the_write_fails(tmp_path, monkeypatch):
    target = tmp_path / "graph.json"
    atomic_write_text(target, "old")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]  # no temp file left behind


def test_uncommitted_changes_are_not_on_disk(tmp_path):
    store = NetworkxStore(tmp_path)
    _small_graph(store)
    store.commit()
    store.put_node(_school("沈阳市外事服务学校"))
    assert NetworkxStore(tmp_path).node_count() == 2


@pytest.mark.parametrize("content", [
    "{not json",
    '{"nodes": [{"id": 1}]}',
    '{"nodes": [{"id": "x", "type": "Planet", "name": "x"}]}',
    '{"nodes": [], "edges": [{"source": "a", "target": "b", "type": "LIKES"}]}',
    '[1, 2]',
])
def test_bad_store_file_raises_store_error(tmp_path, content):
    (tmp_path / "graph.json").write_text(content, encoding="utf-8")
    with pytest.raises(StoreError, match="graph.json"):
        NetworkxStore(tmp_path)


def test_store_path_that_is_a_file(tmp_path):
    f = tmp_path / "store"
    f.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="not a folder"):
        NetworkxStore(f)


@pytest.mark.parametrize("content", ["[", "[]"])
def test_corrupt_document_list(tmp_path, content):
    (tmp_path / "documents.json").write_text(content, encoding="utf-8")
    with pytest.raises(StoreError, match="documents.json"):
        NetworkxStore(tmp_path)


def test_remove_primitives(tmp_path):
    store = NetworkxStore(tmp_path)
    s, g, e = _small_graph(store)
    store.remove_edge(*e.key)
    assert store.get_edge(*e.key) is None
    store.remove_node(s.id)
    assert store.get_node(s.id) is None and store.node_count() == 1


@pytest.mark.slow
def test_seed_store_loads_fast(seed_store_path):
    times = []
    for _ in range(5):
        t = time.perf_counter()
        store = NetworkxStore(seed_store_path)
        times.append(time.perf_counter() - t)
    assert store.node_count() > 0
    assert statistics.median(times) < 0.5, times


@pytest.mark.slow
def test_seed_store_export_is_valid_json(seed_store_path, capsys):
    from api.cli import main

    assert main(["export", "--store", str(seed_store_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["nodes"] and data["edges"]
    assert all(e["evidence"] for e in data["edges"])


# ---- the compact graph file (format 3, graph/compact.py) ------------------------------------
def _graph_file(path) -> "os.PathLike":
    return path / json.loads((path / "graph.json").read_text(encoding="utf-8"))["graph"]


def test_the_graph_file_round_trips_and_shares_nothing_mutable(tmp_path):
    st = NetworkxStore(tmp_path)
    s, g, e = _small_graph(st)
    props = {"programme_groups": ["a"]}
    a, b = _school("甲职业学院"), _school("乙职业学院")
    a.properties = b.properties = props  # sharing an extractor might leave
    st.upsert_many([a, b], [])
    st.commit()
    back = NetworkxStore(tmp_path)
    assert [n.to_dict() for n in back.iter_nodes()] == [n.to_dict() for n in st.iter_nodes()]
    assert [x.to_dict() for x in back.iter_edges()] == [x.to_dict() for x in st.iter_edges()]
    assert back.edge_count() == 1 and back.out_edges(s.id)[0].evidence == e.evidence
    back.get_node(a.id).properties["programme_groups"].append("b")
    assert back.get_node(b.id).properties["programme_groups"] == ["a"]


def test_a_planted_graph_file_cannot_run_code(tmp_path):
    import pickle

    st = NetworkxStore(tmp_path)
    _small_graph(st)
    st.commit()

    class Boom:
        def __reduce__(self):
            return (os.system, ("touch " + str(tmp_path / "pwned"),))

    _graph_file(tmp_path).write_bytes(pickle.dumps({"nodes": Boom()}))
    with pytest.raises(StoreError, match="never holds"):
        NetworkxStore(tmp_path)
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("damage", [b"", b"not a pickle", None])
def test_a_damaged_graph_file_is_a_store_error(tmp_path, damage):
    st = NetworkxStore(tmp_path)
    _small_graph(st)
    st.commit()
    if damage is None:
        _graph_file(tmp_path).unlink()
    else:
        _graph_file(tmp_path).write_bytes(damage)
    with pytest.raises(StoreError, match="graph file"):
        NetworkxStore(tmp_path)


def test_a_graph_file_of_an_older_schema_gets_the_defaults_of_new_fields(tmp_path):
    from graph import compact

    st = NetworkxStore(tmp_path)
    s, _, _ = _small_graph(st)
    node = st.get_node(s.id)
    del node.__dict__["aliases"]  # as written before Node had aliases
    blob = compact.pickle.dumps({"schema": {}, "nodes": st._nodes, "succ": st._succ, "pred": st._pred,
                                 "edges": 1})
    nodes, _, _, edges, cited = compact.loads(blob)
    assert nodes[s.id].aliases == [] and edges == 1 and cited is None
