"""Sentence patterns: 牵头, 理事长单位, 成员单位, 加入, 参与, 共同成立, 与…合作, 授牌, 实训基地, 对接."""

from __future__ import annotations

import pytest

from ingest import sentences
from ingest.model import Document

ALLIANCE = "000_a28793f59af4ca6d"
REPORT = "003_95c8e72264adc48e"


def _facts(text: str) -> set[tuple[str, str, str]]:
    ex = sentences.extract(Document("s", "s.txt", text))
    return {(f.type, f.source.name, f.target.name) for f in ex.facts}


@pytest.mark.parametrize("text, expected", [
    ("2019年，由沈阳职业技术学院牵头组建了沈阳装备制造职业教育集团。",
     {("LEADS", "沈阳职业技术学院", "沈阳装备制造职业教育集团")}),
    ("辽西北职业教育联盟成立于2013年。联盟是由辽宁职业学院牵头，联合区域内职业院校共同参与的非法人组织。",
     {("LEADS", "辽宁职业学院", "辽西北职业教育联盟")}),
    ("学校还加入了华住集团、暨南大学联合牵头的全国现代住宿业产教融合共同体。",
     {("LEADS", "华住集团", "全国现代住宿业产教融合共同体"),
      ("LEADS", "暨南大学", "全国现代住宿业产教融合共同体")}),
    ("大连职业技术学院牵头成立大连旅游职业教育集团，辽宁机电职业技术学院担任理事长单位。",
     {("LEADS", "大连职业技术学院", "大连旅游职业教育集团"),
      ("LEADS", "辽宁机电职业技术学院", "大连旅游职业教育集团")}),
    ("组建沈阳经济技术开发区高端装备制造产教联合体,此联合体由沈阳经济技术开发区管委会牵头,"
     "沈阳工业大学、沈阳东洋异型管有限公司等高校、企业等共同参与。",
     {("LEADS", "沈阳经济技术开发区管委会", "沈阳经济技术开发区高端装备制造产教联合体"),
      ("MEMBER_OF", "沈阳工业大学", "沈阳经济技术开发区高端装备制造产教联合体"),
      ("MEMBER_OF", "沈阳东洋异型管有限公司", "沈阳经济技术开发区高端装备制造产教联合体")}),
    ("辽西北职业教育联盟成立。一年来，联盟新发展了盘锦职业技术学院、辽宁网力技术合作有限公司等140家成员单位。",
     {("MEMBER_OF", "盘锦职业技术学院", "辽西北职业教育联盟"),
      ("MEMBER_OF", "辽宁网力技术合作有限公司", "辽西北职业教育联盟")}),
    ("营口职业技术学院加入了辽宁装备制造职业教育集团。",
     {("MEMBER_OF", "营口职业技术学院", "辽宁装备制造职业教育集团")}),
    ("沈阳市外事服务学校、沈阳职业技术学院和万豪国际集团共同成立了智慧酒店产业学院。",
     {("MEMBER_OF", "沈阳市外事服务学校", "智慧酒店产业学院"),
      ("MEMBER_OF", "沈阳职业技术学院", "智慧酒店产业学院"),
      ("MEMBER_OF", "万豪国际集团", "智慧酒店产业学院"),
      ("PARTNERS_WITH", "沈阳市外事服务学校", "万豪国际集团"),
      ("PARTNERS_WITH", "沈阳职业技术学院", "万豪国际集团")}),
    ("由华晨宝马公司与市装备制造工程学校、辽宁工贸学校等2所学校合作,培养技术工人。",
     {("PARTNERS_WITH", "华晨宝马公司", "市装备制造工程学校"),
      ("PARTNERS_WITH", "华晨宝马公司", "辽宁工贸学校")}),
    ("会上,德国 GFM 集团为沈阳市装备制造工程学校、沈阳现代制造服务学校授牌\"中德双元制合作交流校\"。",
     {("PARTNERS_WITH", "德国GFM集团", "沈阳市装备制造工程学校"),
      ("PARTNERS_WITH", "德国GFM集团", "沈阳现代制造服务学校")}),
    ("抚顺职业技术学院与抚顺石化公司合作开办订单班。",
     {("PARTNERS_WITH", "抚顺职业技术学院", "抚顺石化公司")}),
    ("辽西北职业教育联盟成立。目前，已在辽宁开原雨润\n\n食品有限公司、辉山\n\n乳业集团等企业遴选公共实训\n\n基地6个。",
     {("PARTNERS_WITH", "辽西北职业教育联盟", "辽宁开原雨润食品有限公司"),
      ("PARTNERS_WITH", "辽西北职业教育联盟", "辉山乳业集团")}),
    ("辽宁冶金职业教育集团成立。成员单位包括鞍山职业技术学院、鞍钢集团有限公司等。",
     {("MEMBER_OF", "鞍山职业技术学院", "辽宁冶金职业教育集团"),
      ("MEMBER_OF", "鞍钢集团有限公司", "辽宁冶金职业教育集团")}),
    ("营口职业技术学院是辽宁装备制造职业教育集团的成员单位。",
     {("MEMBER_OF", "营口职业技术学院", "辽宁装备制造职业教育集团")}),
    ("辽宁现代服务职业技术学院作为牵头单位，联合沈阳商业城股份有限公司、大连万达集团等42家单位组建了辽宁现代服务业职业教育集团。",
     {("LEADS", "辽宁现代服务职业技术学院", "辽宁现代服务业职业教育集团"),
      ("MEMBER_OF", "沈阳商业城股份有限公司", "辽宁现代服务业职业教育集团"),
      ("MEMBER_OF", "大连万达集团", "辽宁现代服务业职业教育集团")}),
    ("辽宁石化职业教育集团成立于2012年。集团理事长单位为辽宁石化职业技术学院。",
     {("LEADS", "辽宁石化职业技术学院", "辽宁石化职业教育集团")}),
    ("抚顺职业技术学院是一所高职院校。该校与沈阳新松机器人自动化股份有限公司共建实训基地。",
     {("PARTNERS_WITH", "抚顺职业技术学院", "沈阳新松机器人自动化股份有限公司")}),
    ("鞍山职业技术学院开设“鞍钢集团有限公司订单班”，培养学生80名。",
     {("PARTNERS_WITH", "鞍山职业技术学院", "鞍钢集团有限公司")}),
    # a group word inside a phrase is no anaphor: no group is led here
    ("辽宁装备制造职业教育集团成立。推进职业教育集团化办学，由省教育厅牵头，会同省发展改革委组织实施。", set()),
    # no named partner, a document title, a person: nothing
    ("学校与企业共建《智慧酒店产业学院》。", set()),
    ("铁西区教育局牵头制定《沈阳经济技术开发区高端装备制造产教联合体工作方案》。", set()),
    ("首届理事会主席由辽宁职业学院院长担任。", set()),
])
def test_sentence_facts(text, expected):
    assert _facts(text) == expected


def test_a_summary_written_like_the_alliance_report():
    """Lines broken mid-sentence, 集团 as an anaphor, counts, new members, vice-chair, kinds."""
    text = ("辽宁现代农业职业教育集团成立于2010年，\n\n是由辽宁农业职业技术学院牵头，联合\n\n"
            "省内38所职业院校、56家企业组建的\n\n职业教育集团，现有成员单位112家。\n\n"
            "集团与营口东盛实业有限公司、辽宁禾丰牧业股份有限公司\n\n等企业共建校外实训基地20个。\n\n"
            "2015年，集团新吸纳了熊岳农业高级中学、盖州市职教中心等15家成员单位。\n\n"
            "辽宁省农业科学院担任副理事长单位。\n\n"
            "集团组织成员院校与大连獐子岛集团股份有限公司开展现代学徒制试点，与鞍钢集团签订了订单培养协议。\n")
    ex = sentences.extract(Document("m", "m.txt", text))
    g = "辽宁现代农业职业教育集团"
    got = {(f.type, f.source.name, f.target.name, f.properties.get("kind")) for f in ex.facts}
    assert got == {
        ("LEADS", "辽宁农业职业技术学院", g, None),
        ("PARTNERS_WITH", g, "营口东盛实业有限公司", "共建"),
        ("PARTNERS_WITH", g, "辽宁禾丰牧业股份有限公司", "共建"),
        ("MEMBER_OF", "熊岳农业高级中学", g, None),
        ("MEMBER_OF", "盖州市职教中心", g, None),
        ("MEMBER_OF", "辽宁省农业科学院", g, None),
        ("PARTNERS_WITH", g, "大连獐子岛集团股份有限公司", "合作"),
        ("PARTNERS_WITH", g, "鞍钢集团", "订单班"),
    }
    assert [m.properties["member_count"] for m in ex.mentions if m.properties.get("member_count")] == [112]


def test_kind_of_partnership():
    ex = sentences.extract(Document("s", "s.txt", "抚顺职业技术学院与抚顺石化公司合作开办订单班。"))
    (fact,) = ex.facts
    assert fact.properties["kind"] == "订单班"
    assert fact.evidence.quote == "抚顺职业技术学院与抚顺石化公司合作开办订单班。"


def test_case_school_resolves_xuexiao():
    text = ("【案例 1-7】沈阳市装备制造工程学校专业精准匹配 工作岗位稳定\n\n"
            "作为学校校外实训基地之一的沈阳罕王精密轴承有限公司,不断为学校提供岗位。\n\n"
            "【案例 2-5】 沈阳市装备制造工程学校对接行业领军企业\n\n学校主动对接中车集团、沈鼓集团等国有企事业单位。\n")
    assert _facts(text) == {
        ("PARTNERS_WITH", "沈阳市装备制造工程学校", "沈阳罕王精密轴承有限公司"),
        ("PARTNERS_WITH", "沈阳市装备制造工程学校", "中车集团"),
        ("PARTNERS_WITH", "沈阳市装备制造工程学校", "沈鼓集团"),
    }


def test_xuexiao_outside_a_case_is_nobody():
    assert _facts("学校与沈阳好利来有限公司交流合作。") == set()


# --- the real seed files ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed(corpus_text):
    return {d: sentences.extract(Document(d, d, corpus_text[d])) for d in (ALLIANCE, REPORT)}


def _rel(ex, rel):
    return {(f.source.name, f.target.name) for f in ex.facts if f.type == rel}


def test_alliance_lead_members_partners_and_count(seed):
    ex = seed[ALLIANCE]
    a = "辽西北职业教育联盟"
    assert _rel(ex, "LEADS") == {("辽宁职业学院", a)}
    assert _rel(ex, "MEMBER_OF") == {("盘锦职业技术学院", a), ("辽宁网力技术合作有限公司", a)}
    partners = {t for s, t in _rel(ex, "PARTNERS_WITH") if s == a}
    assert {"大连森茂有限责任公司", "辽宁开原雨润食品有限公司", "中航工业辽宁陆平机械股份有限公司",
            "铁岭中油机械设备有限公司", "辉山乳业集团", "铁岭通达园林绿化有限责任公司", "省农科院",
            # …等院校、企业专家参加了联盟举办的…论证会
            "沈阳农业大学", "抚顺市农业特产学校", "西丰县职教中心", "昌图县职业高中", "辽宁丹铁种业公司",
            "铁岭宝源种业公司", "辽宁唐人神曙光集团", "铁岭永鸿牧业有限公司"} == partners
    counts = {m.properties["member_count"] for m in ex.mentions if "member_count" in m.properties}
    assert counts == {345}


def test_report_cases(seed):
    ex = seed[REPORT]
    members = _rel(ex, "MEMBER_OF")
    union = "沈阳经济技术开发区高端装备制造产教联合体"
    for m in ("辽宁轨道交通职业学院", "沈阳工业大学", "沈阳东洋异型管有限公司", "唐立新院士工作站"):
        assert (m, union) in members  # case 5-2
    assert ("沈阳市外事服务学校", "全国餐饮业产教融合共同体") in members  # case 5-3: 学校还加入了…
    partners = _rel(ex, "PARTNERS_WITH")
    assert ("沈阳市外事服务学校", "沈阳好利来有限公司") in partners  # case 5-8, school of case 5-7
    assert ("沈阳现代制造服务学校", "辽宁盛京大斗米业有限公司") in partners  # case 5-10
    assert ("华晨宝马公司", "省劳动经济技术学校") in partners  # case 5-9


def test_policy_documents_give_no_org_facts(corpus_text):
    for doc_id in ("001_daae26761a379f0c", "004_627cb893184ac5d4"):
        assert sentences.extract(Document(doc_id, doc_id, corpus_text[doc_id])).facts == []


@pytest.mark.parametrize("text, expected", [
    # a school's own report: 学校 is the school of the title
    ("南通航运职业技术学院\n2024年质量年度报告\n\n学校与华晨宝马、海尔、京东等企业进行“订单班”培养。",
     {("PARTNERS_WITH", "南通航运职业技术学院", y, "订单班") for y in ("华晨宝马", "海尔", "京东")}),
    ("辽宁职业学院与华为、新松等10余家知名企业开展合作。",
     {("PARTNERS_WITH", "辽宁职业学院", y, "合作") for y in ("华为", "新松")}),
    ("辽宁职业学院与中物联、中烹协等行业协会建立合作关系。",
     {("PARTNERS_WITH", "辽宁职业学院", y, "合作") for y in ("中物联", "中烹协")}),
    ("沈阳职业技术学院联合华为、新松等企业共同成立了智能制造产业学院。",
     {("MEMBER_OF", x, "智能制造产业学院", None) for x in ("沈阳职业技术学院", "华为", "新松")}
     | {("PARTNERS_WITH", "沈阳职业技术学院", y, "共建") for y in ("华为", "新松")}),
    # a generic subject, or none (a city's report), gives no relation
    ("职业院校与华为、京东等企业合作。", set()),
    ("各校与华为、京东等企业合作。", set()),
    ("辽西北职业教育联盟成立。开展校企协同育人,与华晨宝马、海尔等企业进行“订单班”培养。", set()),
    ("辽宁职业学院与政府、行业、企业等单位合作。", set()),
])
def test_names_without_suffix_typed_by_their_list(text, expected):
    ex = sentences.extract(Document("s", "s.txt", text))
    assert {(f.type, f.source.name, f.target.name, f.properties.get("kind")) for f in ex.facts} == expected


def test_a_heading_glued_to_a_sentence_is_not_its_subject():
    text = ("作为首批试点院校，青岚职业技术学院以服务产业为使命。\n"
            "六维融合育人模式\n学校创新育人模式。与北岭乳业有限公司等企业建立稳定合作关系。")
    assert ("PARTNERS_WITH", "青岚职业技术学院", "北岭乳业有限公司") in _facts(text)


def test_a_page_that_opens_with_two_schools_has_no_page_school():
    text = "青岚职业技术学院与云川职业技术学院举行交流会。学校与北岭乳业有限公司合作。"
    assert not {f for f in _facts(text) if f[2] == "北岭乳业有限公司"}
