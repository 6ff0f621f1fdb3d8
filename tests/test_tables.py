"""List tables: rows from tabs, pipes and numbered lines; header roles; LEADS/PARTNERS_WITH."""

from __future__ import annotations

import pytest

from ingest import tables
from ingest.model import Document

NATIONAL = "002_dc279a758713c14f"
REPORT = "003_95c8e72264adc48e"


def _facts(text: str) -> set[tuple[str, str, str]]:
    ex = tables.extract(Document("t", "t.txt", text))
    return {(f.type, f.source.name, f.target.name) for f in ex.facts}


@pytest.mark.parametrize("text, expected", [
    # tab rows under a header; a lead cell holding two units separated by a space
    ("序号\t集团名称\t牵头单位\n1\t联想职业教育集团\t联想集团\n"
     "3\t北京现代服务业职业教育集团\t北京祥龙资产经营有限责任公司 北京市商业学校\n",
     {("LEADS", "联想集团", "联想职业教育集团"),
      ("LEADS", "北京祥龙资产经营有限责任公司", "北京现代服务业职业教育集团"),
      ("LEADS", "北京市商业学校", "北京现代服务业职业教育集团")}),
    # a pipe table without header: the title above says which column is the lead; the second lead
    # of row 8 continues on the next line
    ("省级职教集团名称及牵头学校\n\n- | | | |\n|----|----|----|\n| 5 | 辽西北职教联盟 | 辽宁职业学院 |\n"
     "| 8 | 辽宁装备制造职教集团 | 沈阳职业技术学院\n辽宁装备制造职业技术学院 |\n",
     {("LEADS", "辽宁职业学院", "辽西北职教联盟"),
      ("LEADS", "沈阳职业技术学院", "辽宁装备制造职教集团"),
      ("LEADS", "辽宁装备制造职业技术学院", "辽宁装备制造职教集团")}),
    # numbered rows separated by spaces
    ("省级示范性职教集团牵头单位\n5 辽西北职教联盟 辽宁职业学院\n6 辽宁现代服务业职教集团 辽宁现代服务职业技术学院\n",
     {("LEADS", "辽宁职业学院", "辽西北职教联盟"),
      ("LEADS", "辽宁现代服务职业技术学院", "辽宁现代服务业职教集团")}),
    # page header and page number between rows do not end the table
    ("序号\t集团名称\t牵头单位\n1\t联想职业教育集团\t联想集团\n\n- 2 -\n\n沈阳市中等职业教育质量年报(2023年度)\n\n"
     "2\t北京交通职业教育集团\t北京交通运输职业学院\n",
     {("LEADS", "联想集团", "联想职业教育集团"), ("LEADS", "北京交通运输职业学院", "北京交通职业教育集团")}),
    # 主体单位 may be a district; a row whose cells slid into one cell
    ("序号\t主体单位\t联合体共同体名称\t\n1\t铁西区\t沈阳经济技术开发区高端装备制造产教联合体\t\n"
     "8\t8 沈阳市城市建设管理学校 智能建造产业链行业产教融合共同体\t\t\n9\t铁西区\t\t\n",
     {("LEADS", "铁西区", "沈阳经济技术开发区高端装备制造产教联合体"),
      ("LEADS", "沈阳市城市建设管理学校", "智能建造产业链行业产教融合共同体")}),
    # the school column of a 产业学院 list
    ("序号\t学校名称\t兴辽产业学院名称\n10\t辽宁石化职业技术学院\t应急管理产业学院 (化工方向)\n",
     {("LEADS", "辽宁石化职业技术学院", "应急管理产业学院(化工方向)")}),
    # a school column next to a group that is not its 产业学院: a member school
    ("序号\t学校名称\t所在职教集团\n1\t营口职业技术学院\t辽宁装备制造职业教育集团\n",
     {("MEMBER_OF", "营口职业技术学院", "辽宁装备制造职业教育集团")}),
    # a partner column: a list cell, Latin words and a broken school name
    ("序号\t学校\t合作方\t合作项目\n2\t沈阳市装备自造工程学 校\t德国 EBG 集团、伍尔特集团、歌德学院等企业和机构\t培训\n",
     {("PARTNERS_WITH", "沈阳市装备自造工程学校", "德国EBG集团"),
      ("PARTNERS_WITH", "沈阳市装备自造工程学校", "伍尔特集团"),
      ("PARTNERS_WITH", "沈阳市装备自造工程学校", "歌德学院")}),
    # PDF text: a space-separated header and rows, two leads in one row
    ("序号 集团名称 牵头单位\n1 辽宁现代农业职教集团 辽宁农业职业技术学院\n"
     "8 辽宁装备制造职教集团 沈阳职业技术学院 辽宁装备制造职业技术学院\n",
     {("LEADS", "辽宁农业职业技术学院", "辽宁现代农业职教集团"),
      ("LEADS", "沈阳职业技术学院", "辽宁装备制造职教集团"),
      ("LEADS", "辽宁装备制造职业技术学院", "辽宁装备制造职教集团")}),
    # without header or title a pair of names says nothing about who leads
    ("辽西北职业教育联盟 辽宁职业学院\n", set()),
    # 理事长单位 and 成员单位 columns; units listed with 、
    ("序号\t集团名称\t理事长单位\t成员单位\n1\t辽宁冶金职业教育集团\t鞍山职业技术学院、鞍钢集团有限公司\t"
     "本溪钢铁(集团)有限责任公司、辽宁科技学院\n",
     {("LEADS", "鞍山职业技术学院", "辽宁冶金职业教育集团"), ("LEADS", "鞍钢集团有限公司", "辽宁冶金职业教育集团"),
      ("MEMBER_OF", "本溪钢铁(集团)有限责任公司", "辽宁冶金职业教育集团"),
      ("MEMBER_OF", "辽宁科技学院", "辽宁冶金职业教育集团")}),
    # a task list with a 牵头单位 column: the task text names no group
    ("序号\t重点任务\t牵头单位\t配合单位\n3\t围绕重点产业建设20个左右职业教育集团\t省教育厅\t省发展改革委\n", set()),
    # a table of schools and programmes gives no relation; prose gives no table
    ("学校\t新申请专业名称\t专业大类\n沈阳市外事服务学校\t中西面点\t74 旅游大类\n", set()),
    ("联盟是由辽宁职业学院牵头，联合辽西北区域内职业院校、企业共同参与的非法人组织。", set()),
])
def test_table_facts(text, expected):
    assert _facts(text) == expected


def test_evidence_is_the_row():
    text = "序号\t集团名称\t牵头单位\n12\t河北省装备制造职业教育集团\t河北机电职业技术学院\n"
    (fact,) = tables.extract(Document("t", "t.txt", text)).facts
    assert fact.evidence.quote == "12\t河北省装备制造职业教育集团\t河北机电职业技术学院"
    assert text[fact.source.start:fact.source.end] == "河北机电职业技术学院"
    assert fact.properties == {"pattern": "table:lead", "role": "牵头"}


def test_school_column_gives_school_mentions():
    text = "学校\t新申请专业名称\t专业大类\n沈阳市外事服务学校\t中西面点\t74 旅游大类\nVI to 33 V\t绘画\t75 文化艺术大类\n"
    ex = tables.extract(Document("t", "t.txt", text))
    assert [(m.type, m.name) for m in ex.mentions] == [("School", "沈阳市外事服务学校")]


# --- the real seed files ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_facts(corpus_text):
    out = {}
    for doc_id in (NATIONAL, REPORT):
        ex = tables.extract(Document(doc_id, doc_id, corpus_text[doc_id]))
        out[doc_id] = ex
    return out


def _leads(ex) -> dict[str, set[str]]:
    leads: dict[str, set[str]] = {}
    for f in ex.facts:
        if f.type == "LEADS":
            leads.setdefault(f.target.name, set()).add(f.source.name)
    return leads


def test_national_list_all_147_groups_with_leads(seed_facts, corpus_text):
    ex = seed_facts[NATIONAL]
    (listed,) = [t for t in tables.read_tables(corpus_text[NATIONAL])
                 if t.header is not None and [c.text for c in t.header.cells][-1:] == ["牵头单位"]]
    rows = {(r.start, r.end) for r in listed.rows}
    national = [f for f in ex.facts if f.properties.get("role") == "牵头"
                and any(a <= f.evidence.start < b for a, b in rows)]
    groups = {f.target.name for f in national}
    assert len(groups) == 147
    assert len(national) == 165  # 18 rows name two lead units
    leads = _leads(ex)
    assert leads["河北省装备制造职业教育集团"] == {"河北机电职业技术学院"}
    assert leads["联想职业教育集团"] == {"联想集团"}
    assert leads["中国现代畜牧业职业教育集团"] == {"中国牧工商(集团)总公司", "江苏农牧科技职业学院"}
    assert leads["泛长三角港口与航运国际职教集团"] == {"江苏海事职业技术学院", "上海船员服务协会"}
    assert leads["天津卫生职业教育集团"] == {"天津医学高等专科学校"}
    types = {f.source.name: f.source.type for f in national}
    assert types["上海船员服务协会"] == "Association" and types["联想集团"] == "Enterprise"


def test_liaoning_list_14_groups_second_lead_on_next_line(seed_facts):
    ex = seed_facts[NATIONAL]
    liaoning = [f for f in ex.facts if "职教" in f.target.name and f.evidence.quote.startswith("|")]
    assert len({f.target.name for f in liaoning}) == 14
    assert len(liaoning) == 15
    assert _leads(ex)["辽宁装备制造职教集团"] == {"沈阳职业技术学院", "辽宁装备制造职业技术学院"}
    row8 = next(f for f in liaoning if f.source.name == "辽宁装备制造职业技术学院")
    assert "沈阳职业技术学院\n辽宁装备制造职业技术学院" in row8.evidence.quote


def test_report_table_2_6_and_5_1(seed_facts):
    leads = _leads(seed_facts[REPORT])
    unions = [g for g in leads if g.endswith("产教联合体")]
    communities = [g for g in leads if g.endswith("产教融合共同体")]
    assert len(unions) == 3 and len(communities) == 9  # row 9 of table 2-6 names no community
    assert leads["沈北科教融合园市域产教联合体"] == {"沈北新区"}
    assert leads["现代农业机械行业产教融合共同体"] == {"辽中区职业教育中心"}
    colleges = [g for g in leads if g.endswith(("产业学院", "产业学院(化工方向)"))]
    assert len(colleges) == 10
    assert leads["智慧酒店产业学院"] == {"沈阳市外事服务学校"}


def test_report_table_2_3_schools(seed_facts):
    schools = {m.name for m in seed_facts[REPORT].mentions if m.type == "School"}
    for name in ("沈阳市外事服务学校", "沈阳市汽车工程学校", "康平县职业教育中心", "法库县职业中等专业学校",
                 "沈阳市皇姑区南山护理中等职业学校", "辽宁省育才中等职业技术专业学校"):
        assert name in schools


def test_table_roles_are_the_graph_vocabulary():
    text = ("序号\t集团名称\t理事长单位\t副理事长单位\n"
            "1\t青岚现代农业职业教育集团\t青岚职业技术学院\t北岭乳业有限公司\n")
    got = {(f.type, f.source.name, f.properties.get("role")) for f in tables.extract(Document("t", "t.txt", text)).facts}
    assert got == {("LEADS", "青岚职业技术学院", "理事长"), ("MEMBER_OF", "北岭乳业有限公司", "副理事长")}


def test_a_member_table_with_a_post_column_under_the_groups_title():
    from ingest import tables
    from ingest.model import Document

    text = ("北岭智能制造职业教育集团成员单位名单\n序号\t单位名称\t职务\n1\t北岭职业技术学院\t理事长单位\n"
            "2\t东川机电有限公司\t副理事长单位\n3\t临江技师学院\t理事单位\n")
    got = {(f.type, f.source.name, f.target.name, f.properties.get("role"))
           for f in tables.extract(Document("t", "t.txt", text)).facts}
    g = "北岭智能制造职业教育集团"
    assert got == {("LEADS", "北岭职业技术学院", g, "理事长"), ("MEMBER_OF", "东川机电有限公司", g, "副理事长"),
                   ("MEMBER_OF", "临江技师学院", g, "理事")}
