"""Parity: the seed corpus pushed to a Bolt server answers exactly like the embedded store.

Same stats, same export (byte for byte, in the same order), same name lookups, neighbourhoods,
shortest paths, question answers (tests/data/eval_questions.jsonl) and policy traces.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.networkx_store import NetworkxStore
from neo4j_server import fresh_database

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

QUESTIONS = Path(__file__).resolve().parent / "data" / "eval_questions.jsonl"


@pytest.fixture(scope="module")
def neo4j_settings():
    yield from fresh_database()


@pytest.fixture(scope="module")
def stores(seed_store_path, neo4j_settings):
    """(embedded seed store, the same pushed into the server, the push report)."""
    from graph.neo4j_store import Neo4jStore, push

    embedded = NetworkxStore(seed_store_path)
    with Neo4jStore.from_settings(neo4j_settings) as remote:
        report = push(embedded, remote)
        yield embedded, remote, report


def _export(store) -> str:
    data = {"nodes": [n.to_dict() for n in store.iter_nodes()], "edges": [e.to_dict() for e in store.iter_edges()]}
    return json.dumps(data, ensure_ascii=False)


def _sample(store, per_type: int = 4) -> list[str]:
    """A few node ids of every type, spread over the graph (deterministic)."""
    by_type: dict[str, list[str]] = {}
    for n in store.iter_nodes():
        by_type.setdefault(n.type, []).append(n.id)
    out = []
    for ids in by_type.values():
        step = max(1, len(ids) // per_type)
        out.extend(ids[::step][:per_type])
    return out


def test_push_copies_everything_and_pushing_again_changes_nothing(stores):
    from graph.neo4j_store import push

    embedded, remote, report = stores
    stats = embedded.stats()
    assert stats["nodes"] > 500 and stats["edges"] > 500
    assert (report["documents"], report["nodes"], report["edges"]) == \
        (stats["documents"], stats["nodes"], stats["edges"])
    assert remote.stats() == stats
    before = _export(remote)
    again = push(embedded, remote)
    assert again["nodes"] == stats["nodes"]
    assert remote.stats() == stats and _export(remote) == before


def test_export_and_documents_are_identical(stores):
    embedded, remote, _ = stores
    assert _export(remote) == _export(embedded)
    assert remote.documents() == embedded.documents()
    for doc_id in embedded.documents():
        assert remote.get_document_text(doc_id) == embedded.get_document_text(doc_id)


def test_every_answer_can_still_quote_its_source(stores):
    _, remote, _ = stores
    texts = {d: remote.get_document_text(d) for d in remote.documents()}
    edges = list(remote.iter_edges())
    assert all(e.evidence for e in edges)
    for e in edges:
        for ev in e.evidence:
            assert texts[ev.doc][ev.start:ev.end] == ev.quote


def test_name_lookups_match(stores):
    embedded, remote, _ = stores
    names = [embedded.require_node(i).name for i in _sample(embedded)]
    for q in [*names, "辽宁", "装备制造", "职业学院", "沈阳市外事服务学校", "辽西北职教联盟", "教育厅"]:
        assert remote.find_nodes(q) == embedded.find_nodes(q), q
    assert remote.find_nodes("学院", type="School", limit=20) == embedded.find_nodes("学院", type="School", limit=20)


def same_network(a, b) -> bool:
    """The same nodes and edges, in any order."""
    key = lambda net: (sorted(n.id for n in net[0]), sorted((e.source, e.target, e.type) for e in net[1]), net)  # noqa: E731
    (na, ea, _), (nb, eb, _) = key(a), key(b)
    return na == nb and ea == eb and {n.id: n for n in a[0]} == {n.id: n for n in b[0]} and \
        {(e.source, e.target, e.type): e for e in a[1]} == {(e.source, e.target, e.type): e for e in b[1]}


def test_neighbourhoods_match(stores):
    embedded, remote, _ = stores
    for node_id in _sample(embedded):
        assert same_network(remote.neighborhood(node_id), embedded.neighborhood(node_id)), node_id
        # A small limit keeps the same nearest nodes (breadth first, one hop ordered by edge type
        # and node id) on both stores, in the same order.
        small = [s.neighborhood(node_id, depth=2, limit=15) for s in (remote, embedded)]
        assert [n.id for n in small[0][0]] == [n.id for n in small[1][0]], node_id
        assert same_network(*small), node_id
    some = _sample(embedded, per_type=1)
    for node_id in some:
        assert same_network(remote.neighborhood(node_id, types=["LEADS", "MEMBER_OF"]),
                            embedded.neighborhood(node_id, types=["LEADS", "MEMBER_OF"]))


def test_shortest_paths_match(stores):
    embedded, remote, _ = stores
    ids = _sample(embedded, per_type=2)
    found = 0
    for a, b in zip(ids, ids[1:] + ids[:1]):
        paths = embedded.shortest_paths(a, b, max_hops=4)
        found += bool(paths)
        assert remote.shortest_paths(a, b, max_hops=4) == paths, (a, b)
    assert found >= 3  # the sample does reach across the graph


def _questions() -> list[str]:
    if not QUESTIONS.exists():
        pytest.skip(f"{QUESTIONS} is not written yet")
    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r.get("question") or r["q"] for r in rows]


def test_questions_get_the_same_answers(stores, tmp_path_factory):
    answer = pytest.importorskip("search.answer")
    embedded, remote, _ = stores
    questions = _questions()
    # Same embedder on both sides (the fast deterministic one: parity is about the graph).
    kwargs = {"embedder_spec": "hash"}
    dirs = {name: tmp_path_factory.mktemp(f"index-{name}") for name in ("embedded", "neo4j")}
    answered = 0
    for q in questions:
        want = answer.ask(embedded, q, index_dir=dirs["embedded"], **kwargs)
        got = answer.ask(remote, q, index_dir=dirs["neo4j"], **kwargs)
        assert got == want, q
        answered += bool(want["answers"])
    assert answered >= len(questions) // 2  # the comparison is about real answers


def test_traces_match(stores):
    trace = pytest.importorskip("search.trace")
    embedded, remote, _ = stores
    policies = list(embedded.iter_nodes("Policy"))
    queries = [p.properties.get("number") or p.name for p in policies[:: max(1, len(policies) // 6)]]
    queries += [t.name for t in list(embedded.iter_nodes("Target"))[:2]]
    assert len(queries) >= 6
    for q in queries:
        got = trace.trace(remote, q, "both")
        assert got == trace.trace(embedded, q, "both"), q
    assert any(got["edges"] for q in queries for got in [trace.trace(embedded, q, "down")])


@pytest.fixture()
def empty_server_settings():
    yield from fresh_database()


def test_ingesting_straight_into_neo4j_builds_the_same_graph(corpus_files, tmp_path, empty_server_settings):
    """`vocgraph ingest --backend neo4j`: the pipeline on the Bolt store gives the embedded graph."""
    from graph.neo4j_store import Neo4jStore
    from ingest.pipeline import ingest_paths

    files = [f for f in corpus_files if f.stat().st_size < 20_000][:2]  # the short documents: fast
    assert files
    embedded = NetworkxStore(tmp_path / "store")
    ingest_paths(files, embedded)
    embedded = NetworkxStore(tmp_path / "store")  # as every command sees it: loaded from disk
    with Neo4jStore.from_settings(empty_server_settings) as remote:
        ingest_paths(files, remote)
        assert remote.stats() == embedded.stats()
        assert _export(remote) == _export(embedded)
        again = ingest_paths(files, remote)  # re-ingesting changes nothing
        assert _export(remote) == _export(embedded) and again.stats == embedded.stats()


def test_questions_get_the_same_answers_from_the_indexes_in_the_database(stores, tmp_path_factory):
    """No index folder on the Neo4j side: vectors and BM25 tokens live on search rows of the
    database and are queried through its vector and full-text indexes."""
    answer = pytest.importorskip("search.answer")
    from search.hybrid import clear_cache
    from search.index import update_indexes

    embedded, remote, _ = stores
    kwargs = {"embedder_spec": "hash"}
    local = tmp_path_factory.mktemp("index-embedded-2")
    first = update_indexes(remote, embedder_spec="hash")
    assert first["embedded"] > 0 and first["passages"] > 100
    again = update_indexes(remote, embedder_spec="hash")  # idempotent: nothing written, same generation
    assert again["embedded"] == 0 and again["generation"] == first["generation"]
    clear_cache()
    answered = 0
    for q in _questions():
        want = answer.ask(embedded, q, index_dir=local, **kwargs)
        got = answer.ask(remote, q, **kwargs)
        assert got == want, q
        answered += bool(want["answers"])
    assert answered >= len(_questions()) // 2
    for q in ("职业教育集团 牵头", "装备制造 产教融合", "人社"):
        assert answer.search(remote, q, **kwargs) == answer.search(embedded, q, index_dir=local, **kwargs), q
