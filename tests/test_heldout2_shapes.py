"""Shapes of the second held-out set's develop half (issue 9), on short invented sentences: a
member list after joint leads (成员包括…等N家单位), an English alliance whose founders are listed after
its lead, a bracket holding a body's Chinese name and its acronym, a school's report naming itself
学院 (由学院牵头组建的G), a defined short form that the suffix walk cannot read, a place-named school
in a list, a clause's subject and verb before an agency, a short form by first characters before
教师, a school's own training centre, an office that issues a notice, a zone's short name."""

from __future__ import annotations

import pytest

from ingest import english, sentences
from ingest.model import Document
from ingest.orgnames import find_orgs, short_forms


def _facts(text: str) -> set[tuple[str, str, str, str | None]]:
    ex = sentences.extract(Document.from_text("h2", "h2.txt", text))
    return {(f.type, f.source.name, f.target.name, f.properties.get("role") or f.properties.get("kind"))
            for f in ex.facts}


def _en(text: str):
    return english.extract(Document("en", "en.txt", text))


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in find_orgs(text)]


# -- relations ---------------------------------------------------------------------------------

def test_members_listed_after_the_joint_leads_of_a_group():
    g = "南浦电子信息市域产教联合体"
    zone, school, firm = "南浦经济技术开发区管理委员会", "南浦电子职业学院", "东川智能装备有限公司"
    m1, m2 = "北岭市中等专业学校", "西岭精密电子有限公司"
    text = (f"{g}揭牌成立\n\n5月8日，{g}成立大会举行。联合体由{zone}、{school}、{firm}共同牵头组建，"
            f"成员包括{m1}、{m2}等40家单位。")
    got = _facts(text)
    assert {("LEADS", x, g, "牵头") for x in (zone, school, firm)} <= got
    assert {("MEMBER_OF", x, g, "成员") for x in (m1, m2)} <= got
    assert not {f for f in got if f[0] == "MEMBER_OF" and f[1] in (zone, school, firm)}


ALLIANCE = "Example River Logistics Vocational Education Alliance"
LEAD, A, B = "Foo Transport Vocational College", "Bar Industry Polytechnic", "Baz Shipping Co., Ltd."


def test_founding_members_after_a_stated_lead_are_members():
    ex = _en(f"The {ALLIANCE} was launched on Monday. The alliance is led by {LEAD} and was jointly established "
             f"by 30 colleges and enterprises. Its founding members include {A} and {B}.")
    got = {(f.type, f.source.name, f.target.name, f.properties.get("role")) for f in ex.facts}
    assert ("LEADS", LEAD, ALLIANCE, "牵头") in got
    assert {("MEMBER_OF", x, ALLIANCE, "成员") for x in (A, B)} <= got
    assert not {f for f in got if f[0] == "LEADS" and f[1] in (A, B)}


def test_founding_members_without_a_lead_still_initiate():
    ex = _en(f"The {ALLIANCE} was set up in May. Its founding members include {A} and {B}.")
    assert ("LEADS", A, ALLIANCE, "发起") in {(f.type, f.source.name, f.target.name, f.properties.get("role"))
                                              for f in ex.facts}


def test_a_bracket_with_the_chinese_name_and_the_acronym():
    ex = _en(f"The {ALLIANCE} is led by {LEAD} (北岭交通职业学院, FTVC). FTVC signed an agreement with {B}.")
    pairs = {(a.short, a.full) for a in ex.aliases}
    assert ("北岭交通职业学院", LEAD) in pairs and ("FTVC", LEAD) in pairs


REPORT = "临川信息工程职业学院2023年度质量报告\n\n"


def test_a_report_naming_its_own_school_as_the_lead():
    g = "临川市数字经济职业教育集团"
    text = REPORT + f"（二）集团化办学。由学院牵头组建的{g}现有成员单位60家。"
    assert ("LEADS", "临川信息工程职业学院", g, "牵头") in _facts(text)


def test_schools_join_a_group_by_its_defined_short_form():
    g, short = "临川市数字经济职业教育集团", "临川数经集团"
    m1, m2 = "北岭市职业中等专业学校", "东川五金技师学院"
    text = REPORT + f"学院牵头组建了{g}（以下简称“{short}”）。今年，{m1}、{m2}等5家单位新加入{short}。"
    got = _facts(text)
    assert {("MEMBER_OF", x, short, "成员") for x in (m1, m2)} <= got


# -- names -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a school named by its place and 职业技术学校, as an item of a list of bodies
    ("联合北岭物流有限公司、临川市职业技术学校、东川商贸职业学院等单位",
     [("北岭物流有限公司", "Enterprise"), ("临川市职业技术学校", "School"), ("东川商贸职业学院", "School")]),
    ("临川市职业技术学校、南浦市物流行业协会等当选为理事单位",
     [("临川市职业技术学校", "School"), ("南浦市物流行业协会", "Association")]),
    # the subject and its verb before an agency that opens with a place
    ("学院承接临川市人力资源和社会保障局下达的培训任务", [("临川市人力资源和社会保障局", "Agency")]),
    ("学校走访南浦市教育局", [("南浦市教育局", "Agency")]),
    # a short form by first characters, before its teachers
    ("临川信息职院教师团队为企业解决难题", [("临川信息职院", "School")]),
    # a zone's short name that jieba cuts into characters, with and without its place
    ("南浦经开区管委会主任出席", [("南浦经开区管委会", "Agency")]),
    ("经开区管委会主任在总结时指出", [("经开区管委会", "Agency")]),
    ("北岭综保区管委会牵头", [("北岭综保区管委会", "Agency")]),
    # a school's own training centre is no body; a public one is
    ("企业代表参观了学院新能源汽车实训中心", []),
    ("学生在北岭市公共实训中心实习", [("北岭市公共实训中心", "Institute")]),
])
def test_names(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text", [
    "全省中等职业学校要加强管理",
    "临川市职业技术学校要加强管理",  # outside a list: the place's schools of that kind
    "各市职业技术学校、企业要落实责任",
    "高职院教学改革",
])
def test_categories_stay_no_names(text):
    assert _names(text) == []


def test_the_office_that_issues_a_notice_names_no_second_body():
    text = "北岭省教育厅办公室\n关于公布第二批名单的通知\n\n北岭省教育厅办公室\n2024年5月20日"
    found = find_orgs(text)
    _, mentions = short_forms(text, found)
    assert {m.name for m in found + mentions} == {"北岭省教育厅办公室"}


def test_a_division_still_names_its_department():
    text = "北岭省教育厅职业教育处负责解释。"
    found = find_orgs(text)
    _, mentions = short_forms(text, found)
    assert "北岭省教育厅" in {m.name for m in mentions}


def test_a_short_form_by_first_characters_is_the_full_name():
    text = "临川信息工程职业学院2023年度质量报告。临川信息职院教师团队为企业解决难题47项。"
    aliases, _ = short_forms(text, find_orgs(text))
    assert ("临川信息职院", "临川信息工程职业学院") in {(a.short, a.full) for a in aliases}


# -- shapes left on the e8 development pages -----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a list of colleges closed by the kind they are: industry colleges are groups, a school's own
    # secondary colleges are no bodies
    ("学校建有星河网络学院、云帆智能化学院、北岭服装学院等产业学院。",
     [("星河网络学院", "Group"), ("云帆智能化学院", "Group"), ("北岭服装学院", "Group")]),
    ("学校设立机电工程学院、护理学院、智能汽车学院等8个二级学院。", []),
    # 国家 before a ministry whose official name lacks it; the short form of another ministry
    ("临川职业技术学院是经北岭省人民政府批准、国家教育部备案的高职院校",
     [("临川职业技术学院", "School"), ("北岭省人民政府", "Agency"), ("国家教育部", "Agency")]),
    ("学校入选工信部试点名单", [("工信部", "Agency")]),
    # a ministry's programme of colleges is no body; a campus district is no university
    ("学校是工信部专精特新产业学院首批立项建设单位", [("工信部", "Agency")]),
    ("学校地处南岭大学城，交通便利", []),
    ("北岭大学城市学院", [("北岭大学城市学院", "School")]),
])
def test_names_on_the_e8_pages(text, expected):
    assert _names(text) == expected


def test_a_ministry_written_with_guojia_keeps_the_ministry_key():
    (m,) = [m for m in find_orgs("国家教育部备案") if m.name == "国家教育部"]
    assert m.properties.get("key") == "教育部"


@pytest.mark.parametrize("text, expected", [
    # a list of brands closed by a count and its head, without 等
    ("源于教育部与星河、云帆、华腾三大汽车厂商共同实施的项目", ["星河", "云帆", "华腾"]),
    ("学校与星河、云帆两家企业签约", ["星河", "云帆"]),
    # one item before a count is no list
    ("学校与星河五家企业合作", []),
])
def test_brands_before_a_count(text, expected):
    from ingest.orgnames import find_listed
    found = find_orgs(text)
    assert [m.name for m in find_listed(text, 0, len(text), "d", found)] == expected


def test_a_ministry_and_the_brands_it_works_with_are_partners():
    text = "项目源于教育部与星河、云帆、华腾三大汽车厂商自2010年共同实施的合作项目。"
    got = {(f[1], f[2]) for f in _facts(text) if f[0] == "PARTNERS_WITH"}
    assert {("教育部", x) for x in ("星河", "云帆", "华腾")} <= got


def test_a_group_short_form_that_cuts_the_field_of_its_head():
    from ingest.orgnames import abbreviates
    assert abbreviates("南浦职业集团", "南浦职业教育集团")
    assert not abbreviates("临江职业学院", "临江职业技术学院")  # a school's head still keeps every word


def test_a_company_named_without_its_legal_form_in_running_text():
    text = "北岭职业学院与星澜再生资源有限公司签约。星澜再生资源的技术实力与学院专业优势高度契合。"
    aliases, _ = short_forms(text, find_orgs(text))
    assert ("星澜再生资源", "星澜再生资源有限公司") in {(a.short, a.full) for a in aliases}


@pytest.mark.parametrize("text, expected", [
    # a notice's addressees: every body of the kinds of place listed after 各, a zone kind after 各
    ("各市、州、直管市、某某林区发改委、教育局，有关企业：", []),
    ("各县（区）人民政府，各开发区(新区)管委会：", []),
    ("各成员单位、北岭市教育局要抓好落实", [("北岭市教育局", "Agency")]),
    ("各省辖市、北岭示范区教育局，各高等职业学校：", [("北岭示范区教育局", "Agency")]),
    # a province before the kind of group its cities build; a count of groups
    ("北岭省市域产教联合体建设指导意见", []),
    ("南浦市域产教联合体牵头单位", [("南浦市域产教联合体", "Group")]),
    ("会上启动了五大产教融合共同体和北岭科学城智能制造产教联合体",
     [("北岭科学城智能制造产教联合体", "Group")]),
    # the level a group is to reach is no part of its name
    ("高质量打造国家级汽车产业集群产教联合体；", [("汽车产业集群产教联合体", "Group")]),
])
def test_names_of_notices_and_plans(text, expected):
    assert _names(text) == expected


def test_a_ministry_node_keeps_its_official_name():
    from ingest.resolve import Resolver
    assert Resolver().canonical_name(["国家教育部", "教育部"], "Agency") == "教育部"
    assert Resolver().canonical_name(["工信部", "工业和信息化部"], "Agency") == "工业和信息化部"


# -- shapes written to probe the kinds of page of the held-out set (invented) --------------------

def test_a_table_written_one_cell_per_line():
    from ingest import tables
    g1, g2 = "南浦高新区电子信息市域产教联合体", "东川经开区装备制造市域产教联合体"
    text = ("第三批市域产教联合体名单\n\n序号\n联合体名称\n牵头单位\n1\n" + g1 + "\n南浦高新技术产业开发区管理委员会\n"
            "南浦电子职业学院\n2\n" + g2 + "\n东川经济技术开发区管理委员会\n东川机电职业技术学院\n")
    ex = tables.extract(Document.from_text("t", "t.txt", text))
    got = {(f.type, f.source.name, f.target.name) for f in ex.facts}
    assert got == {("LEADS", "南浦高新技术产业开发区管理委员会", g1), ("LEADS", "南浦电子职业学院", g1),
                   ("LEADS", "东川经济技术开发区管理委员会", g2), ("LEADS", "东川机电职业技术学院", g2)}


def test_lines_of_a_list_that_is_no_table_give_no_row():
    from ingest.cell_lines import cell_line_tables
    assert cell_line_tables("序号\n1\n北岭职业学院举行开学典礼。\n") == []


def test_the_bodies_a_group_gathers_are_its_members():
    g = "北岭新能源汽车行业产教融合共同体"
    m1, m2 = "南浦汽车职业学院", "北岭电池材料有限公司"
    text = (f"{g}成立大会在南浦举行。共同体由北岭汽车工程大学牵头，汇聚了{m1}、{m2}等86家院校、企业和科研机构。")
    got = _facts(text)
    assert {("MEMBER_OF", x, g, "成员") for x in (m1, m2)} <= got
    assert not {f for f in _facts(f"{g}汇聚了{m1}的优势资源。") if f[0] == "MEMBER_OF"}


def test_an_adverb_jieba_reads_before_a_place_is_no_part_of_the_name():
    assert _names("会议同意北岭华科自动化有限公司、南浦市技师学院加入联盟。") == [
        ("北岭华科自动化有限公司", "Enterprise"), ("南浦市技师学院", "School")]


def test_members_of_the_community_include():
    g = "Southwest Rail Transit Industry-Education Integration Community"
    ex = _en(f"The {g} was set up in May. Members of the community include Dianchi Technician College and "
             "Yunling Signal Technology Co., Ltd.")
    got = {(f.type, f.source.name, f.target.name) for f in ex.facts}
    assert ("MEMBER_OF", "Dianchi Technician College", g) in got


def test_a_site_footer_names_the_school_of_wo_yuan():
    g = "南浦文旅职业教育联盟"
    text = (f"首页 > 学院新闻\n\n发布时间：2024-05-12\n\n5月10日，由我院牵头成立的{g}召开成立大会。"
            "学院与南浦旅游集团有限公司签订校企合作协议。\n\n南浦旅游职业学院 版权所有\n")
    got = _facts(text)
    assert ("LEADS", "南浦旅游职业学院", g, "牵头") in got
    assert ("PARTNERS_WITH", "南浦旅游职业学院", "南浦旅游集团有限公司", "签约") in got
