"""Relations, third round: a list of leads with a garbled item, leads of two groups respectively,
a council member among the members (被选为理事成员单位), a subjectless clause after a time word,
three-party signings with a subdistrict; the party prefix of a committee's key. Invented bodies."""

from __future__ import annotations

from ingest import sentences
from ingest.model import Document
from ingest.resolve import Resolver

S = "青岚职业技术学院"
E1, E2 = "北岭乳业有限公司", "云川直播文化传媒有限公司"
A1 = "青岚新区管委会"
U = "青岚新区市域产教联合体"


def _facts(text: str) -> set[tuple[str, str, str, str | None]]:
    ex = sentences.extract(Document("r", "r.txt", text))
    return {(f.type, f.source.name, f.target.name, f.properties.get("role") or f.properties.get("kind"))
            for f in ex.facts}


def test_every_body_of_a_lead_list_with_a_garbled_item_leads():
    text = f"12月12日，由{A1}、久久综合九月天和{E1}共同牵头的{U}成立大会召开。"
    got = _facts(text)
    assert ("LEADS", A1, U, "牵头") in got and ("LEADS", E1, U, "牵头") in got


def test_two_bodies_lead_two_groups_respectively():
    g1, g2 = "临江省药品食品职业教育集团", "临江省现代物流职业教育集团"
    text = f"青岚药科职业学院和北岭城市职业技术学院的请示获省教育厅批复，分别以两所高校为牵头单位的{g1}和{g2}正式成立。"
    got = {f for f in _facts(text) if f[0] == "LEADS"}
    assert got == {("LEADS", "青岚药科职业学院", g1, "牵头"), ("LEADS", "北岭城市职业技术学院", g2, "牵头")}


def test_a_council_member_among_the_members():
    c = "全国北岭汽车行业产教融合共同体"
    text = f"2023年10月18日，{c}成立大会召开。\n随后，会议表决通过理事会组成人员。\n青岚职专作为理事成员单位获得授牌\n大会圆满结束。"
    assert ("MEMBER_OF", "青岚职专", c, "理事") in _facts(text)


def test_a_clause_after_a_time_word_continues_the_school_of_the_text():
    a1, a2 = "临江省电气行业协会", "临江省泵阀行业协会"
    text = (f"仪式现场，{S}分别与{E1}签署合作协议。{E1}投入资金与{S}共建“青岚产业学院”。"
            f"同时，与{a1}、{a2}等13家行业协会签署合作协议。")
    got = _facts(text)
    assert ("PARTNERS_WITH", S, a1, "签约") in got and ("PARTNERS_WITH", S, a2, "签约") in got
    assert not any(f[1] == "青岚产业学院" for f in got)


def test_a_three_party_agreement_with_a_subdistrict():
    d = "北岭区东岙街道"
    text = f"当天，{S}还与{E1}签署战略合作协议。与{d}和{E2}签署“政企校”三方合作协议，并共建实训基地。"
    pairs = {frozenset((f[1], f[2])) for f in _facts(text) if f[0] == "PARTNERS_WITH"}
    assert {frozenset((S, d)), frozenset((S, E2)), frozenset((d, E2))} <= pairs


def test_a_party_committee_is_keyed_without_the_party_prefix():
    r = Resolver()
    assert r.key("中共临江市委", "Agency") == r.key("临江市委", "Agency")
    assert r.key("中共中央", "Agency") != r.key("中央", "Agency")


def test_a_college_two_bodies_build_is_a_joint_body():
    text = f"她回顾了{S}与北岭技术学院合作共建“临江厨艺学院”的友好合作历程。临江厨艺学院培养了大批人才。"
    ex = sentences.extract(Document("r", "r.txt", text))
    assert {m.type for m in ex.mentions if m.name == "临江厨艺学院"} == {"Group"}


def test_an_order_class_named_by_a_prefix_keeps_the_written_form_as_alias():
    text = "青岚职业技术学院携手北岭轨道交通集团有限公司打造的“2019北岭轨道订单班”开班。"
    ex = sentences.extract(Document("r", "r.txt", text))
    assert ("北岭轨道", "北岭轨道交通集团有限公司") in {(a.short, a.full) for a in ex.aliases}


def test_a_row_of_party_kinds_makes_one_agreement_and_the_title_school_is_our_school():
    t1, e = "东川吉达技术学院", "北岭(泰国)制冷设备有限公司"
    text = (f"首 页\n\n学校要闻\n\n临江职院携手{t1}、北岭泰国公司签约\n\n2026年03月12日\n\n"
            f"3月12日，我校与{t1}、{e}以线上形式举行国际交流合作协议签约仪式，正式开启“校-校-企”产教合作。")
    pairs = {frozenset((f[1], f[2])) for f in _facts(text) if f[0] == "PARTNERS_WITH"}
    assert frozenset((t1, e)) in pairs
    assert frozenset(("临江职院", e)) in pairs


def test_both_parties_are_the_two_bodies_named_before():
    text = f"{E1}向{S}捐赠软件套装，双方共建“北岭数字化仿真技术中心”。"
    assert ("PARTNERS_WITH", E1, S, "共建") in _facts(text)
    text = f"{E1}董事长、{S}校长出席。\n随后，双方代表正式签署战略合作协议。"
    assert ("PARTNERS_WITH", E1, S, "签约") in _facts(text)
    # a cooperation in general adds nothing to what the pair's own facts say
    assert not _facts(f"{E1}向{S}捐赠设备，标志着双方开启深度合作新篇章。")


def test_an_anaphor_before_its_initiator():
    text = "临江新能源汽车产教融合联盟成立\n据悉，该联盟由临江大学发起，东川职业技术学院等30家单位共同参与。"
    assert ("LEADS", "临江大学", "临江新能源汽车产教融合联盟", "发起") in _facts(text)


def test_an_order_class_opening_and_a_college_built_together_are_partnerships():
    got = _facts(f"{S}与{E1}举行订单班开班仪式，首届“北岭乳业班”共招收学生40名。")
    assert ("PARTNERS_WITH", S, E1, "订单班") in got
    text = f"{E1}与{S}共建的“北岭工匠学院”揭牌成立。"
    ex = sentences.extract(Document("r", "r.txt", text))
    assert ("PARTNERS_WITH", E1, S, "共建") in _facts(text)
    assert {m.type for m in ex.mentions if m.name == "北岭工匠学院"} == {"Group"}
    # founding a group together stays a founding (its members), not a pairwise partnership of 与
    got = _facts(f"{S}与{E1}共同成立北岭乳业产教融合共同体。")
    assert ("MEMBER_OF", S, "北岭乳业产教融合共同体", "成员") in got


def test_officials_unveiling_a_group_together_are_no_partners():
    assert not _facts(f"临江市教育局与{S}负责人共同为北岭新能源产教融合共同体揭牌。")


G2 = "北岭现代物流产教融合共同体"


def test_council_roles_elected_and_shared_leads_with_allies():
    head = f"{G2}成立\n"
    assert ("LEADS", "北岭物流集团有限公司", G2, "理事长") in _facts(head + "北岭物流集团有限公司当选为首届理事长单位。")
    got = _facts(head + "大会选举北岭职业技术学院为理事长单位，东川物流有限公司为副理事长单位。")
    assert ("LEADS", "北岭职业技术学院", G2, "理事长") in got
    got = _facts(head + "北岭职业技术学院与东川物流有限公司作为共同牵头单位，携手临江技师学院等单位组建共同体。")
    assert {("LEADS", "北岭职业技术学院", G2, "牵头"), ("LEADS", "东川物流有限公司", G2, "牵头"),
            ("MEMBER_OF", "临江技师学院", G2, "成员")} <= got
    assert not any(f[0] == "PARTNERS_WITH" for f in got)
    got = _facts(head + "共同体由北岭市人民政府指导，北岭职业技术学院和东川物流有限公司牵头组建。")
    assert {f for f in got if f[0] == "LEADS"} == {("LEADS", "北岭职业技术学院", G2, "牵头"),
                                                    ("LEADS", "东川物流有限公司", G2, "牵头")}


def test_a_school_joining_a_company_to_build_and_a_base_named_by_both():
    assert ("PARTNERS_WITH", S, E1, "共建") in _facts(f"{S}联合{E1}共建人工智能产业学院。")
    assert ("PARTNERS_WITH", S, E1, "共建") in _facts(f"{S}·{E1}产教融合实训基地揭牌仪式举行。")
    # a lead joining bodies to found a group makes them members (group roles), not partners
    got = _facts(f"{U}成立。该联合体由{S}牵头，联合{E1}、{E2}等单位共同组建。")
    assert not any(f[0] == "PARTNERS_WITH" for f in got)


def test_roles_of_names_one_per_line_or_numbered_under_a_heading():
    head = f"{G2}成立\n"
    got = _facts(head + "副理事长单位\n东川物流有限公司\n临江技师学院\n")
    assert {("MEMBER_OF", "东川物流有限公司", G2, "副理事长"), ("MEMBER_OF", "临江技师学院", G2, "副理事长")} <= got
    got = _facts(head + "共同体首批成员单位名单如下：\n1. 北岭职业技术学院\n2. 东川物流有限公司\n会议强调，要加强合作。\n")
    assert {f for f in got if f[0] == "MEMBER_OF"} == {("MEMBER_OF", "北岭职业技术学院", G2, "成员"),
                                                       ("MEMBER_OF", "东川物流有限公司", G2, "成员")}
    assert ("MEMBER_OF", "东川物流有限公司", G2, "副理事长") in _facts(head + "东川物流有限公司成功入选共同体副理事长单位。")


def test_the_head_of_a_body_elected_chairman_gives_the_body_the_post():
    head = f"{G2}成立\n"
    got = _facts(head + "会议选举产生了第一届理事会。北岭物流集团有限公司董事长王五当选理事长，临江交通职业学院院长赵六当选副理事长。")
    assert {("LEADS", "北岭物流集团有限公司", G2, "理事长"), ("MEMBER_OF", "临江交通职业学院", G2, "副理事长")} <= got
    # a person's post of its own gives nothing
    assert not _facts(head + "北岭职业技术学院副院长张三当选共同体秘书长。")
