"""A small hand-made graph for the search tests: real names and sentences from the sample
corpus, with evidence offsets into the stored texts, built without the ingest pipeline."""

from __future__ import annotations

from pathlib import Path

from graph.networkx_store import NetworkxStore
from graph.schema import Edge, Evidence, Node, make_node_id

DOCS = {
    "list": (
        "关于公布第一批示范性职业教育集团（联盟）培育单位名单的通知\n"
        "12\t河北省装备制造职业教育集团\t河北机电职业技术学院\n"
        "19\t山西省装备制造职业教育集团\t山西机电职业技术学院\n"
        "22\t辽宁装备制造职业教育集团\t沈阳职业技术学院 辽宁装备制造职业技术学院\n"
        "125\t重庆装备制造职业教育集团\t重庆市渝北职业教育中心\n"
        "137\t陕西装备制造职业教育集团\t陕西工业职业技术学院\n"
        "| 5 | 辽西北职教联盟 | 辽宁职业学院 |\n"
        "| 7 | 辽宁石油化工职教集团 | 辽宁石化职业技术学院 |\n"
    ),
    "alliance": (
        "辽西北职业教育联盟成立于2013年6月，是辽宁省第一个区域性职业教育集团。"
        "联盟是由辽宁职业学院牵头，联合辽西北区域内职业院校、企业、行业协会、科研院所共同参与的非法人组织，"
        "现有成员单位345个。\n"
        "联盟与大连森茂有限责任公司等19家企业建立了“企业课堂”（场中校），弥补了联盟教学资源不足的缺陷。\n"
        "铁岭中油机械设备有限公司作为联盟成员单位，积极接纳学生开展专业教学实习与顶岗实习。\n"
    ),
    "report": (
        "【案例 5-2】沈阳经济技术开发区高端装备制造产教联合体\n"
        "组建沈阳经济技术开发区高端装备制造产教联合体,此联合体由沈阳经济技术开发区管委会牵头,"
        "辽宁轨道交通职业学院、沈阳工业大学、沈阳东洋异型管有限公司、唐立新院士工作站等高校、企业、科研机构等共同参与。\n"
        "由华晨宝马汽车有限公司与沈阳市装备制造工程学校、沈阳市汽车工程学校等6所学校合作,为华晨宝马公司培养技术工人。\n"
        "沈阳市外事服务学校与沈阳香格里拉大酒店合作开设订单班。\n"
    ),
    "policy": (
        "辽宁省教育厅关于落实《教育部 辽宁省人民政府关于整省推进职业教育改革的意见》的通知 辽教发〔2021〕55号\n"
        "12\t\t建设50所左右省级优质中职学校、20所左右省级高水平高职院校。\t省教育厅、各市\n"
        "17\t\t全面落实职业技能提升行动，按规定承担补贴性培训任务。\t省人力资源社会保障厅、省教育厅、各市\n"
    ),
}


def _ev(doc: str, phrase: str) -> Evidence:
    text = DOCS[doc]
    start = text.index(phrase)
    return Evidence(doc=doc, start=start, end=start + len(phrase), quote=phrase)


def _node(type_: str, name: str, aliases=(), **props) -> Node:
    return Node(id=make_node_id(type_, name), type=type_, name=name, aliases=list(aliases), properties=props)


def build_sample_store(path: Path) -> NetworkxStore:
    """A NetworkxStore in ``path`` holding the sample graph (committed)."""
    store = NetworkxStore(path)
    for doc_id, text in DOCS.items():
        store.put_document(doc_id, text, {"path": f"{doc_id}.txt"})
    nodes: dict[str, Node] = {}

    def n(type_: str, name: str, aliases=(), **props) -> str:
        node = _node(type_, name, aliases, **props)
        nodes[name] = node
        store.upsert_node(node)
        return node.id

    ln = n("Region", "辽宁省", ["辽宁"])
    sy = n("Region", "沈阳市", ["沈阳"], parent=ln)
    tl = n("Region", "铁岭市", ["铁岭"], parent=ln)
    n("Region", "河北省", ["河北"])
    equip = n("IndustryChain", "装备制造")
    hi_equip = n("IndustryChain", "高端装备制造")
    petro = n("IndustryChain", "石油化工")
    edges: list[Edge] = []

    def e(src: str, rel: str, tgt: str, doc: str, phrase: str) -> None:
        edges.append(Edge(source=src, target=tgt, type=rel, evidence=[_ev(doc, phrase)]))

    rows = [
        ("河北省装备制造职业教育集团", ["河北机电职业技术学院"], equip),
        ("山西省装备制造职业教育集团", ["山西机电职业技术学院"], equip),
        ("辽宁装备制造职业教育集团", ["沈阳职业技术学院", "辽宁装备制造职业技术学院"], equip),
        ("重庆装备制造职业教育集团", ["重庆市渝北职业教育中心"], equip),
        ("陕西装备制造职业教育集团", ["陕西工业职业技术学院"], equip),
    ]
    for group, leads, chain in rows:
        g = n("Group", group, ["辽宁装备制造职教集团"] if group.startswith("辽宁") else [])
        line = next(l for l in DOCS["list"].splitlines() if group in l)
        for lead in leads:
            e(n("School", lead), "LEADS", g, "list", line)
        e(g, "SERVES", chain, "list", group)
    lxb = n("Group", "辽西北职业教育联盟", ["辽西北职教联盟"])
    lzy = n("School", "辽宁职业学院")
    e(lzy, "LEADS", lxb, "alliance", "联盟是由辽宁职业学院牵头")
    e(lzy, "LEADS", lxb, "list", "| 5 | 辽西北职教联盟 | 辽宁职业学院 |")
    e(lxb, "LOCATED_IN", tl, "alliance", "辽西北职业教育联盟成立于2013年6月，是辽宁省第一个区域性职业教育集团")
    e(n("Enterprise", "大连森茂有限责任公司"), "PARTNERS_WITH", lxb, "alliance", "联盟与大连森茂有限责任公司等19家企业建立了“企业课堂”")
    e(n("Enterprise", "铁岭中油机械设备有限公司"), "MEMBER_OF", lxb, "alliance", "铁岭中油机械设备有限公司作为联盟成员单位")
    petro_g = n("Group", "辽宁石油化工职业教育集团", ["辽宁石油化工职教集团"])
    e(n("School", "辽宁石化职业技术学院"), "LEADS", petro_g, "list", "| 7 | 辽宁石油化工职教集团 | 辽宁石化职业技术学院 |")
    e(petro_g, "SERVES", petro, "list", "辽宁石油化工职教集团")

    ud = n("Group", "沈阳经济技术开发区高端装备制造产教联合体")
    e(n("Agency", "沈阳经济技术开发区管委会"), "LEADS", ud, "report", "此联合体由沈阳经济技术开发区管委会牵头")
    e(ud, "SERVES", hi_equip, "report", "沈阳经济技术开发区高端装备制造产教联合体")
    for member in ("辽宁轨道交通职业学院", "沈阳工业大学"):
        e(n("School", member), "MEMBER_OF", ud, "report", member)
    e(n("Enterprise", "沈阳东洋异型管有限公司"), "MEMBER_OF", ud, "report", "沈阳东洋异型管有限公司")
    e(n("Institute", "唐立新院士工作站"), "MEMBER_OF", ud, "report", "唐立新院士工作站")
    bmw = n("Enterprise", "华晨宝马汽车有限公司", ["华晨宝马", "华晨宝马公司"])
    zb = n("School", "沈阳市装备制造工程学校", ["沈阳装备制造工程学校", "市装备制造工程学校"])
    qc = n("School", "沈阳市汽车工程学校")
    quote = "由华晨宝马汽车有限公司与沈阳市装备制造工程学校、沈阳市汽车工程学校等6所学校合作"
    e(bmw, "PARTNERS_WITH", zb, "report", quote)
    e(bmw, "PARTNERS_WITH", qc, "report", quote)
    e(zb, "LOCATED_IN", sy, "report", "沈阳市装备制造工程学校")
    ws = n("School", "沈阳市外事服务学校", ["沈阳外事服务学校"])
    e(n("Enterprise", "沈阳香格里拉大酒店"), "PARTNERS_WITH", ws, "report", "沈阳市外事服务学校与沈阳香格里拉大酒店合作开设订单班")

    pol = n("Policy", "辽教发〔2021〕55号", number="辽教发〔2021〕55号")
    edu = n("Agency", "辽宁省教育厅", ["省教育厅"])
    cities = n("Agency", "各市")
    hr = n("Agency", "辽宁省人力资源社会保障厅", ["省人力资源社会保障厅"])
    e(pol, "ISSUED_BY", edu, "policy", "辽宁省教育厅")
    m12 = n("Measure", "建设50所左右省级优质中职学校、20所左右省级高水平高职院校。", number="12")
    m17 = n("Measure", "全面落实职业技能提升行动，按规定承担补贴性培训任务。", number="17")
    e(pol, "HAS_MEASURE", m12, "policy", "建设50所左右省级优质中职学校、20所左右省级高水平高职院校。")
    e(pol, "HAS_MEASURE", m17, "policy", "全面落实职业技能提升行动，按规定承担补贴性培训任务。")
    row12 = next(l for l in DOCS["policy"].splitlines() if l.startswith("12"))
    row17 = next(l for l in DOCS["policy"].splitlines() if l.startswith("17"))
    for agency in (edu, cities):
        e(agency, "RESPONSIBLE_FOR", m12, "policy", row12)
    for agency in (hr, edu, cities):
        e(agency, "RESPONSIBLE_FOR", m17, "policy", row17)
    for edge in edges:
        store.upsert_edge(edge)
    store.commit()
    return store
