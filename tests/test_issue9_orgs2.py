"""Issue 9, round two, on short invented sentences: a brand jieba reads as a verb among named
companies in a list closed by its count (与A有限公司、B有限公司、C等28家企业建立合作关系), an addressee
line whose bracket lists places (各市（含甲、乙市）教育局), and a news dateline glued to a name
(新华社北京3月18日电某某大学)."""

from __future__ import annotations

from ingest.orgnames import find_listed, find_orgs

from test_issue9_orgs import _facts, _names


def _listed(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in find_listed(text, found=find_orgs(text))]


SCHOOL = "南岭陶瓷职业学院"
A, B = "北浦东山陶瓷股份有限公司", "西岭市南坪釉料科技有限公司"
BRAND = "远航"  # jieba tags it a verb: only the list of named companies makes it a body


def test_a_brand_among_named_companies_in_a_counted_list():
    text = f"{SCHOOL}围绕陶瓷产业集群，与{A}（以下简称“东山陶瓷”）、{B}、{BRAND}等28家企业建立了稳定的合作关系。"
    assert (BRAND, "Enterprise") in _listed(text)
    got = _facts(text)
    assert {("PARTNERS_WITH", SCHOOL, x, "合作") for x in (A, B, BRAND)} <= got


def test_a_verb_like_item_without_named_companies_is_no_brand():
    # the other items are bare too: nothing says 远航 is a company
    assert (BRAND, "Enterprise") not in _listed(f"{SCHOOL}与星河、{BRAND}等28家企业建立了合作关系。")


def test_a_verb_like_item_in_an_uncounted_list_is_no_brand():
    assert (BRAND, "Enterprise") not in _listed(f"{SCHOOL}与{A}、{BRAND}等企业建立了合作关系。")


def test_places_in_an_addressee_bracket_give_no_body():
    got = _names("各市（含东浦、西岭市）教育局，各有关院校：\n\n现将有关事项通知如下。")
    assert not [n for n, _ in got if "）" in n or n.startswith("西岭市")]


def test_a_bracket_inside_a_name_stays():
    assert ("北岭东山机械（集团）有限公司", "Enterprise") in _names("学校与北岭东山机械（集团）有限公司签约。")


def test_a_dateline_is_no_part_of_the_name():
    for line in ("新华网北京3月18日电北岭师范大学与南浦动力有限公司签署合作协议。",
                 "新华社北京3月18日电 北岭师范大学与南浦动力有限公司签署合作协议。",
                 "本报讯 南浦日报记者三月十八日电北岭师范大学与南浦动力有限公司签署合作协议。"):
        assert ("北岭师范大学", "School") in _names(line), line
        assert ("PARTNERS_WITH", "北岭师范大学", "南浦动力有限公司", "签约") in _facts(line), line


def test_a_trade_starting_with_the_wire_character_stays():
    assert ("北岭十一日电气有限公司", "Enterprise") in _names("学校与北岭十一日电气有限公司签约。")


def test_a_place_name_ending_in_yue_is_not_a_month():
    from ingest.orgnames import find_orgs

    assert [m.name for m in find_orgs("年会在长春净月汽车职业技术学院召开。")] == ["长春净月汽车职业技术学院"]
    assert [m.name for m in find_orgs("3月北岭职业技术学院召开大会。")] == ["北岭职业技术学院"]


def test_a_subjectless_clause_after_one_opened_by_gai_yuan_continues_the_school():
    from ingest import sentences
    from ingest.model import Document

    text = ("北岭信息职业技术学院与北岭数字科技有限公司共建的数字商贸产业学院揭牌。\n"
            "当天，该院还与北岭智慧物流有限公司签订了订单培养协议；与北岭文化旅游发展有限公司签约共建实训基地。\n")
    pairs = {tuple(sorted((f.source.name, f.target.name))) for f in sentences.extract(Document.from_text("d", "d.txt", text)).facts
             if f.type == "PARTNERS_WITH"}
    assert ("北岭信息职业技术学院", "北岭文化旅游发展有限公司") in pairs
    assert not any("数字商贸产业学院" in p for p in pairs)


def test_a_countys_vocational_school_is_one_school_not_a_category():
    from ingest.orgnames import find_orgs

    assert [m.name for m in find_orgs("卓资县职业技术学校与企业签约。")] == ["卓资县职业技术学校"]
    assert [m.name for m in find_orgs("各县职业学校要加强管理。")] == []
    assert [m.name for m in find_orgs("临川市中等职业学校共有12所。")] == []  # a city's: a category


def test_a_trade_word_jieba_tags_as_a_verb_before_the_legal_suffix_stays_in_the_name():
    from ingest.orgnames import find_orgs

    assert [m.name for m in find_orgs("学院与北岭云计算有限公司签约。")] == ["北岭云计算有限公司"]
    assert [m.name for m in find_orgs("全面推进合作有限公司")] == []


def test_a_seat_taken_to_join_a_group_named_after_it():
    from ingest import sentences
    from ingest.model import Document

    text = "北岭信息技术职业学院作为副理事长单位参与北岭智能网联汽车产教联盟建设。\n"
    facts = [(f.type, f.source.name, f.target.name, f.properties.get("role"))
             for f in sentences.extract(Document.from_text("d", "d.txt", text)).facts]
    assert facts == [("MEMBER_OF", "北岭信息技术职业学院", "北岭智能网联汽车产教联盟", "副理事长")]
