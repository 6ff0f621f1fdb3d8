"""A small store built by hand from real snippets of the sample corpus, for the web tests
(API, viz) that must not depend on the extraction pipeline.
"""

from __future__ import annotations

from pathlib import Path

from graph.networkx_store import NetworkxStore
from graph.schema import Edge, Evidence, Node, make_node_id

# Lines 1-11 of data/corpus/000 with their blank lines removed: the alliance summary.
DOC_ID = "000_liaoxibei"
DOC_TEXT = (
    "辽西北职业教育联盟成立于2013年6月，是辽宁省第一个区域性职业教育集团。"
    "联盟是由辽宁职业学院牵头，联合辽西北区域内职业院校、企业、行业协会、科研院所共同参与的非法人组织，"
    "现有成员单位345个。铁岭中油机械设备有限公司与辽宁职业学院共建实训基地。"
)
DOC2_ID = "002_lists"
DOC2_TEXT = "22\t辽宁装备制造职业教育集团\t沈阳职业技术学院 辽宁装备制造职业技术学院\n"


def nid(type_: str, name: str) -> str:
    return make_node_id(type_, name)


SCHOOL = nid("School", "辽宁职业学院")
GROUP = nid("Group", "辽西北职业教育联盟")
ENTERPRISE = nid("Enterprise", "铁岭中油机械设备有限公司")
REGION = nid("Region", "辽宁")
GROUP2 = nid("Group", "辽宁装备制造职业教育集团")
SCHOOL2 = nid("School", "沈阳职业技术学院")
SCHOOL3 = nid("School", "辽宁装备制造职业技术学院")
CHAIN = nid("IndustryChain", "装备制造")
ISOLATED = nid("School", "沈阳市外事服务学校")


def _ev(doc: str, text: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence(doc=doc, start=start, end=start + len(quote), quote=quote)


def build_toy_store(path: Path) -> NetworkxStore:
    """Two groups, their leads, a partner enterprise, an industry chain, a region; committed."""
    store = NetworkxStore(path)
    store.put_document(DOC_ID, DOC_TEXT, {"path": "000_liaoxibei.txt", "characters": len(DOC_TEXT)})
    store.put_document(DOC2_ID, DOC2_TEXT, {"path": "002_lists.txt", "characters": len(DOC2_TEXT)})
    nodes = [
        Node(SCHOOL, "School", "辽宁职业学院", docs=[DOC_ID]),
        Node(GROUP, "Group", "辽西北职业教育联盟", aliases=["辽西北职教联盟"], docs=[DOC_ID],
             properties={"members": 345}),
        Node(ENTERPRISE, "Enterprise", "铁岭中油机械设备有限公司", docs=[DOC_ID]),
        Node(REGION, "Region", "辽宁"),
        Node(GROUP2, "Group", "辽宁装备制造职业教育集团", aliases=["辽宁装备制造职教集团"], docs=[DOC2_ID]),
        Node(SCHOOL2, "School", "沈阳职业技术学院", docs=[DOC2_ID]),
        Node(SCHOOL3, "School", "辽宁装备制造职业技术学院", docs=[DOC2_ID]),
        Node(CHAIN, "IndustryChain", "装备制造"),
        Node(ISOLATED, "School", "沈阳市外事服务学校", aliases=["沈阳外事服务学校"]),
    ]
    edges = [
        Edge(SCHOOL, GROUP, "LEADS", evidence=[_ev(DOC_ID, DOC_TEXT, "由辽宁职业学院牵头")]),
        Edge(ENTERPRISE, SCHOOL, "PARTNERS_WITH",
             evidence=[_ev(DOC_ID, DOC_TEXT, "铁岭中油机械设备有限公司与辽宁职业学院共建实训基地")]),
        Edge(GROUP, REGION, "LOCATED_IN", evidence=[_ev(DOC_ID, DOC_TEXT, "辽宁省第一个区域性职业教育集团")]),
        Edge(SCHOOL2, GROUP2, "LEADS", evidence=[_ev(DOC2_ID, DOC2_TEXT, "辽宁装备制造职业教育集团\t沈阳职业技术学院")]),
        Edge(SCHOOL3, GROUP2, "LEADS", evidence=[_ev(DOC2_ID, DOC2_TEXT, "沈阳职业技术学院 辽宁装备制造职业技术学院")]),
        Edge(GROUP2, CHAIN, "SERVES", evidence=[_ev(DOC2_ID, DOC2_TEXT, "辽宁装备制造职业教育集团")]),
        Edge(GROUP2, REGION, "LOCATED_IN", evidence=[_ev(DOC2_ID, DOC2_TEXT, "辽宁装备制造职业教育集团")]),
    ]
    store.upsert_many(nodes, edges)
    store.commit()
    return store


def indexed_copy(seed_path: Path, dest: Path) -> Path:
    """A copy of an ingested store with its search index built by the fast 'hash' embedder
    (the default embedder takes minutes on the whole corpus; these tests check the web layer)."""
    import shutil

    from search.index import update_indexes

    shutil.copytree(seed_path, dest)
    update_indexes(NetworkxStore(dest), embedder_spec="hash")
    return dest
