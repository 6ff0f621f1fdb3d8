"""Shapes of issue 9's remaining organisation misses, on short invented sentences: members that
join formally (正式加入) or whose application is passed (入盟申请), a person between a title and a
university (会长某某、某大学教授), a bureau written after its government (某特别行政区政府某某局), and a
founder that initiates with allies (由X发起，联合A、B…共同组建)."""

from __future__ import annotations

from ingest import sentences
from ingest.model import Document
from ingest.orgnames import find_orgs


def _facts(text: str) -> set[tuple[str, str, str, str | None]]:
    ex = sentences.extract(Document.from_text("i9", "i9.txt", text))
    return {(f.type, f.source.name, f.target.name, f.properties.get("role") or f.properties.get("kind"))
            for f in ex.facts}


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.type) for m in find_orgs(text)]


GROUP = "北岭市装备制造职业教育集团"
SCHOOL, FIRM = "南浦智能装备职业中等专业学校", "西岭动力部件有限公司"


def test_a_list_closed_by_its_count_joins_formally():
    got = _facts(f"{GROUP}年会召开\n\n会议审议通过了新增成员单位的议案，{SCHOOL}、{FIRM}等9家单位正式加入集团。")
    assert {("MEMBER_OF", x, GROUP, "成员") for x in (SCHOOL, FIRM)} <= got


def test_one_body_formally_becomes_a_member():
    firm = "东川机械有限公司"
    assert ("MEMBER_OF", firm, GROUP, "成员") in _facts(f"{firm}正式成为{GROUP}成员单位。")


ALLIANCE = "北岭口岸经济职业教育联盟"
A, B, C = "西岭国际商贸职业学校", "东川口岸物流有限公司", "南山跨境电商产业园运营有限公司"


def test_applicants_admitted_to_the_alliance_are_members():
    got = _facts(f"{ALLIANCE}第三次会员大会召开\n\n7月2日，{ALLIANCE}第三次会员大会在南浦口岸职业学院召开。"
                 f"大会审议通过了{A}、{B}、{C}等8家单位的入盟申请。")
    assert {("MEMBER_OF", x, ALLIANCE, "成员") for x in (A, B, C)} <= got
    assert not {f for f in got if f[1] == "南浦口岸职业学院"}


def test_applicants_named_after_their_application():
    got = _facts(f"提交入盟申请的{A}、{B}已通过审核，成为{ALLIANCE}会员。")
    assert {("MEMBER_OF", x, ALLIANCE, "成员") for x in (A, B)} <= got


def test_a_refused_application_gives_no_member():
    got = _facts(f"{ALLIANCE}理事会召开。理事会驳回了{A}的入盟申请。")
    assert ("MEMBER_OF", A, ALLIANCE, "成员") not in got


def test_a_person_after_a_title_shares_no_university_name():
    # 石峰 and 长安 are both places, but 石峰 follows a title: a person, not 石峰大学
    got = _names("北岭省机械工业联合会会长石峰、长安大学教授罗建军应邀参会。")
    assert ("长安大学", "School") in got
    assert all(n != "石峰大学" for n, _ in got)


def test_a_bureau_after_its_government_is_one_agency():
    got = _names("南浦市教育局、澳门特别行政区政府教育及青年发展局（以下简称“教青局”）代表出席成立仪式。")
    assert ("澳门特别行政区政府教育及青年发展局", "Agency") in got
    assert ("澳门特别行政区政府", "Agency") not in got


def test_a_government_before_a_verb_stays_the_government():
    got = _names("北岭市人民政府召开新闻发布会。北岭市政府当局表示支持。")
    assert [n for n, _ in got] == ["北岭市人民政府", "北岭市政府"]


def _initiated(text_of_the_sentence: str) -> set:
    g = "北岭智慧旅游职业教育联盟"
    return _facts(f"{g}在南浦成立\n\n【本报讯】{g}成立大会日前在南浦举行。{text_of_the_sentence}")


LEAD, M1, M2, M3 = "南浦城市旅游职业技术学院", "东川酒店管理学院", "南山旅游职业技术学校", "北岭海洋度假区有限公司"


def test_a_founder_initiates_with_its_allies():
    got = _initiated(f"联盟由{LEAD}发起，联合{M1}、{M2}、{M3}等31家院校和企业共同组建，旨在推动资源共享。")
    g = "北岭智慧旅游职业教育联盟"
    assert ("LEADS", LEAD, g, "发起") in got
    assert {("MEMBER_OF", x, g, "成员") for x in (M1, M2, M3)} <= got
    assert not {f for f in got if f[0] == "LEADS" and f[1] in (M1, M2, M3)}


def test_a_traditional_founder_initiates_with_its_allies():
    text = ("北嶺智慧旅遊職業教育聯盟在南浦成立\n\n【本報訊】北嶺智慧旅遊職業教育聯盟成立大會日前在南浦舉行。"
            "聯盟由南浦城市旅遊職業技術學院發起，聯合東川酒店管理學院、南山旅遊職業技術學校等31家院校和企業共同組建。")
    got = _facts(text)
    assert {f[0] for f in got if f[1].startswith("南浦城市")} == {"LEADS"}
    assert {f[0] for f in got if f[1].startswith(("東川", "东川", "南山"))} == {"MEMBER_OF"}


def test_a_role_after_a_batch_word_belongs_to_the_body_before():
    g = "北岭智慧旅游职业教育联盟"
    got = _facts(f"{g}成立\n\n大会审议通过了联盟章程，推选{LEAD}为首届理事长单位，{M1}、{M3}为副理事长单位。")
    assert ("LEADS", LEAD, g, "理事长") in got
    assert {("MEMBER_OF", x, g, "副理事长") for x in (M1, M3)} <= got
    assert not {f for f in got if f[0] == "LEADS" and f[1] in (M1, M3)}


COLLEGE, POLY, SHORT = "北岭稀土新材料产业学院", "南浦有色冶金职业技术学院", "南浦冶金职院"
ZONE_BODY = "南浦经开区管委会"


def _college_page(last_sentence: str) -> set:
    return _facts(f"{COLLEGE}揭牌成立\n\n10月20日，{POLY}（以下简称“{SHORT}”）与北岭稀土新材料股份有限公司共建的"
                  f"{COLLEGE}在南浦经开区揭牌成立。\n\n产业学院由{SHORT}牵头建设，北岭稀土新材料股份有限公司提供生产性"
                  f"实训场地和设备。\n\n{last_sentence}")


def test_a_bare_industry_college_led_by_a_school():
    got = _college_page("")
    assert any(f[0] == "LEADS" and f[1] in (POLY, SHORT) and f[2] == COLLEGE and f[3] == "牵头" for f in got)


def test_a_subjectless_clause_continues_the_clause_before():
    got = _college_page(f"揭牌仪式后，{SHORT}还与东川永磁电机有限公司分别签订了订单班培养协议，"
                        f"与{ZONE_BODY}签署了共建稀土产业公共实训基地的框架协议。")
    assert any(f[0] == "PARTNERS_WITH" and {f[1], f[2]} in ({SHORT, ZONE_BODY}, {POLY, ZONE_BODY}) for f in got)
    assert not any(f[0] == "PARTNERS_WITH" and COLLEGE in (f[1], f[2]) and ZONE_BODY in (f[1], f[2]) for f in got)


def test_a_rare_first_character_stays_in_the_name():
    # jieba cuts the unknown 磨岚 into 磨 (a verb) and 岚: the name keeps both
    got = _names("东川国际商贸职业学校与磨岚跨境电商产业园运营有限公司签约开设“跨境电商订单班”。")
    assert ("磨岚跨境电商产业园运营有限公司", "Enterprise") in got


def test_a_leading_verb_is_still_stripped():
    assert _names("推进东川职业教育集团建设，充分调动北岭物流有限公司。") == [
        ("东川职业教育集团", "Group"), ("北岭物流有限公司", "Enterprise")]


def test_a_supply_cooperative_union_is_a_government_body():
    got = _names("北岭市供销合作社联合社、东川县农村信用合作联社参加签约。南浦省供销合作联社主办。")
    assert ("北岭市供销合作社联合社", "Agency") in got
    assert ("东川县农村信用合作联社", "Enterprise") in got
    assert ("南浦省供销合作联社", "Agency") in got


def test_menu_words_and_bullets_do_not_open_a_name():
    text = "页面\n配色\n辅助线\n重置\n南浦省供销合作联社\n  • NANPU SUPPLY UNION\n  • 南浦供销合作联社\n"
    assert [n for n, _ in _names(text)] == ["南浦省供销合作联社", "南浦供销合作联社"]


def test_a_name_broken_by_a_line_is_still_one():
    assert _names("辽宁开原雨润\n食品有限公司") == [("辽宁开原雨润食品有限公司", "Enterprise")]


def test_a_bare_department_before_its_heads_title_is_a_body():
    got = _names("会上，北岭新区人民政府副区长张三和北岭教育工作党委书记、教育局局长李四共同启动了联合体。")
    assert ("教育局", "Agency") in got
    assert _names("各教育局局长参会。全省教育局局长会议召开。") == []


def _aliases(text: str) -> set[tuple[str, str]]:
    from ingest import shortforms
    ex = shortforms.extract(Document.from_text("i9", "i9.txt", text))
    return {(a.short, a.full) for a in ex.aliases}


def test_a_school_without_its_place_and_its_generic_words():
    got = _aliases("南浦工贸职业学院与北岭再生资源有限公司签约。双方认为，北岭再生资源的技术实力与工贸学院的汽车专业优势高度契合。")
    assert ("工贸学院", "南浦工贸职业学院") in got


def test_a_school_keeping_its_place_is_no_form_of_a_longer_name():
    from ingest.orgnames import abbreviates
    assert not abbreviates("临江职业学院", "临江职业技术学院")
    assert not abbreviates("职业学院", "临江职业技术学院")


def test_a_brand_prefix_after_a_verb_is_a_short_form():
    got = _aliases("南浦工贸职业学院与鸿岚再生资源有限公司签约。学院将围绕鸿岚再生的技术需求，优化专业设置。")
    assert ("鸿岚再生", "鸿岚再生资源有限公司") in got


def test_a_company_named_by_its_country_and_brand():
    got = _aliases("该项目源于教育部与德国北岚、奥迪、宝马三大汽车厂商自2010年共同实施的合作项目。")
    assert ("北岚", "德国北岚") in got


def test_a_regional_level_heading_and_header_cells_are_no_names():
    text = "自治区级示范性职业教育集团（联盟）培育单位名单\n序号\n集团名称\n1\n南浦现代农业职业教育集团\n"
    assert _names(text) == [("南浦现代农业职业教育集团", "Group")]
    assert _names("开展自治区级示范性职业教育集团建设。") == []
    assert _names("自治区教育厅、自治区人民政府办公厅印发。") == [("自治区教育厅", "Agency"), ("自治区人民政府办公厅", "Agency")]
