"""Neo4jStore against a real Bolt server: the GraphStore contract, batching, idempotence, errors.

The graph is a few facts from data/corpus/000 (辽西北职业教育联盟), written through both backends
so every answer can be compared with the embedded store's.
"""

from __future__ import annotations

import pytest

from graph.errors import NotFoundError, SchemaError, StoreError
from graph.networkx_store import NetworkxStore
from graph.schema import Edge, Evidence, Node, make_node_id
from neo4j_server import fresh_database
from test_neo4j_parity import same_network

pytestmark = pytest.mark.neo4j

DOC = "000_liaoxibei"
TEXT = ("辽西北职业教育联盟成立于2013年6月，是由辽宁职业学院牵头，联合辽西北区域内职业院校、企业、"
        "行业协会、科研院所共同参与的非法人组织。铁岭中油机械设备有限公司与辽宁职业学院共建实训基地。")


def ev(quote: str) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(DOC, start, start + len(quote), quote)


def node(type_: str, name: str, **kw) -> Node:
    return Node(make_node_id(type_, name), type_, name, docs=[DOC], **kw)


SCHOOL = node("School", "辽宁职业学院", aliases=["辽宁职院"])
GROUP = node("Group", "辽西北职业教育联盟", aliases=["辽西北职教联盟"], properties={"members": 345})
ENTERPRISE = node("Enterprise", "铁岭中油机械设备有限公司")
REGION = node("Region", "辽宁")
NODES = [SCHOOL, GROUP, ENTERPRISE, REGION]
EDGES = [
    Edge(SCHOOL.id, GROUP.id, "LEADS", {"confidence": 0.9}, [ev("由辽宁职业学院牵头")]),
    Edge(ENTERPRISE.id, SCHOOL.id, "PARTNERS_WITH", {}, [ev("铁岭中油机械设备有限公司与辽宁职业学院共建实训基地")]),
    Edge(GROUP.id, REGION.id, "LOCATED_IN", {}, [ev("辽西北职业教育联盟")]),
    Edge(SCHOOL.id, REGION.id, "LOCATED_IN", {}, [ev("辽宁职业学院")]),
]


@pytest.fixture(scope="module")
def neo4j_settings():
    yield from fresh_database()


@pytest.fixture()
def store(neo4j_settings):
    from graph.neo4j_store import Neo4jStore

    with Neo4jStore.from_settings(neo4j_settings) as s:
        s.clear()
        yield s


def fill(s) -> None:
    s.put_document(DOC, TEXT, {"path": "data/corpus/000.txt"})
    s.upsert_many([Node.from_dict(n.to_dict()) for n in NODES], [Edge.from_dict(e.to_dict()) for e in EDGES])
    s.commit()


@pytest.fixture()
def embedded(tmp_path):
    s = NetworkxStore(tmp_path / "store")
    fill(s)
    return NetworkxStore(tmp_path / "store")


def export(s) -> dict:
    return {"nodes": [n.to_dict() for n in s.iter_nodes()], "edges": [e.to_dict() for e in s.iter_edges()]}


def test_nodes_edges_evidence_and_documents_round_trip(store, embedded):
    fill(store)
    assert export(store) == export(embedded)
    assert store.stats() == embedded.stats()
    lead = store.get_edge(SCHOOL.id, GROUP.id, "LEADS")
    q = lead.evidence[0]
    assert store.get_document_text(DOC)[q.start:q.end] == q.quote == "由辽宁职业学院牵头"
    assert store.documents() == {DOC: {"path": "data/corpus/000.txt"}}
    assert store.get_node(GROUP.id).properties == {"members": 345}
    assert store.get_node("School-000000000000") is None and store.get_document_text("nope") is None


def test_upserting_twice_changes_nothing(store):
    fill(store)
    before = export(store)
    fill(store)
    assert export(store) == before
    assert store.node_count() == 4 and store.edge_count() == 4


def test_upsert_merges_aliases_and_evidence_like_the_embedded_store(store, embedded):
    fill(store)
    more_node = Node(SCHOOL.id, "School", "辽宁职业学院", aliases=["辽宁职业技术学院"], docs=["003_x"])
    more_edge = Edge(SCHOOL.id, GROUP.id, "LEADS", {"confidence": 0.95}, [ev("辽宁职业学院牵头")])
    for s in (store, embedded):
        s.upsert_many([Node.from_dict(more_node.to_dict())], [Edge.from_dict(more_edge.to_dict())])
        s.upsert_edge(Edge.from_dict(more_edge.to_dict()))  # same evidence again: no duplicate
    assert export(store) == export(embedded)
    assert [e.quote for e in store.get_edge(SCHOOL.id, GROUP.id, "LEADS").evidence] == \
        ["由辽宁职业学院牵头", "辽宁职业学院牵头"]


def test_queries_answer_like_the_embedded_store(store, embedded):
    fill(store)
    assert store.find_nodes("辽西北职教联盟") == embedded.find_nodes("辽西北职教联盟") == [GROUP]
    assert store.find_nodes("辽宁") == embedded.find_nodes("辽宁")
    assert store.find_nodes("学院", type="School") == embedded.find_nodes("学院", type="School")
    assert same_network(store.neighborhood(REGION.id, depth=2), embedded.neighborhood(REGION.id, depth=2))
    assert same_network(store.neighborhood(SCHOOL.id, types=["LEADS"]), embedded.neighborhood(SCHOOL.id, types=["LEADS"]))
    assert store.shortest_paths(ENTERPRISE.id, GROUP.id) == embedded.shortest_paths(ENTERPRISE.id, GROUP.id)
    assert store.shortest_paths(ENTERPRISE.id, REGION.id) == embedded.shortest_paths(ENTERPRISE.id, REGION.id)
    assert store.edges_of(SCHOOL.id) == embedded.edges_of(SCHOOL.id)


def test_types_outside_the_schema_find_nothing_as_on_the_embedded_store(store, embedded):
    fill(store)
    for s in (store, embedded):
        assert list(s.iter_nodes("Person")) == [] and list(s.iter_edges("KNOWS")) == []
        assert s.get_edge(SCHOOL.id, GROUP.id, "KNOWS") is None
        assert s.find_nodes("辽宁职业学院", type="Person") == []


def test_batches_larger_than_one_transaction(store):
    n = 2500
    nodes = [Node(make_node_id("School", f"学校{i}"), "School", f"第{i}职业学校") for i in range(n)]
    region = Node(make_node_id("Region", "沈阳"), "Region", "沈阳")
    edges = [Edge(x.id, region.id, "LOCATED_IN", evidence=[Evidence("d", i, i + 1, "沈")])
             for i, x in enumerate(nodes)]
    store.upsert_many([region, *nodes], edges)
    store.upsert_many([region, *nodes], edges)
    assert store.node_count() == n + 1 and store.edge_count() == n
    assert [x.id for x in store.iter_nodes("School")][:3] == [x.id for x in nodes[:3]]


def test_duplicates_within_one_batch_are_merged_without_touching_the_callers_objects(store):
    a = Node(SCHOOL.id, "School", "辽宁职业学院", aliases=["甲"])
    b = Node(SCHOOL.id, "School", "辽宁职业学院", aliases=["乙"])
    store.upsert_many([a, b], [])
    assert store.get_node(SCHOOL.id).aliases == ["甲", "乙"]
    assert a.aliases == ["甲"]


def test_edges_need_both_ends_and_a_schema_shape(store):
    fill(store)
    with pytest.raises(NotFoundError, match="Group-missing"):
        store.upsert_many([], [Edge(SCHOOL.id, "Group-missing", "MEMBER_OF")])
    with pytest.raises(SchemaError, match="SERVES cannot end at a Region"):
        store.upsert_many([], [Edge(SCHOOL.id, REGION.id, "SERVES")])
    assert store.edge_count() == 4


def test_clear_removes_the_graph(store):
    fill(store)
    assert store.clear() == 5  # four nodes and the document
    assert store.stats()["nodes"] == 0 and store.documents() == {}


def test_wrong_password_is_a_store_error_naming_the_uri_not_the_password(neo4j_settings):
    from graph.neo4j_store import Neo4jStore

    with pytest.raises(StoreError) as info:
        Neo4jStore(neo4j_settings.neo4j_uri, neo4j_settings.neo4j_user, "not-the-password-42")
    assert neo4j_settings.neo4j_uri in str(info.value) and "credentials" in str(info.value)
    assert "not-the-password-42" not in str(info.value)


def test_unknown_database_is_a_store_error(neo4j_settings):
    from graph.neo4j_store import Neo4jStore

    with Neo4jStore(neo4j_settings.neo4j_uri, neo4j_settings.neo4j_user, neo4j_settings.neo4j_password,
                    database="no_such_vocgraph_db") as s:
        with pytest.raises(StoreError, match="no_such_vocgraph_db"):
            s.node_count()


def test_routing_uri_scheme_works(neo4j_settings):
    from graph.neo4j_store import Neo4jStore

    uri = neo4j_settings.neo4j_uri.replace("bolt://", "neo4j://")
    with Neo4jStore(uri, neo4j_settings.neo4j_user, neo4j_settings.neo4j_password,
                    neo4j_settings.neo4j_database) as s:
        assert s.node_count() >= 0
