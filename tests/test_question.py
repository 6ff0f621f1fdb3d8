"""Question parsing on a small hand-made graph: answer types, relations, regions, industries,
entities (aliases, 职教 = 职业教育, a dropped 市), and names the graph does not know."""

from __future__ import annotations

import pytest

from search.graphview import GraphView
from search.question import parse_question
from search_sample import build_sample_store


@pytest.fixture(scope="module")
def view(tmp_path_factory):
    return GraphView(build_sample_store(tmp_path_factory.mktemp("q") / "store"))


@pytest.mark.parametrize("question,answer_type,relation,region,industry", [
    ("哪些职教集团服务辽宁的装备制造产业", "Group", "SERVES", "辽宁", "装备制造"),
    ("which groups serve equipment manufacturing in Liaoning", "Group", "SERVES", "辽宁", "装备制造"),
    ("辽宁有哪些服务石油化工产业的职教集团", "Group", "SERVES", "辽宁", "石油化工"),
    ("哪些集团服务辽宁的石化产业", "Group", "SERVES", "辽宁", "石油化工"),
    ("Which alliances serve the petrochemical industry in Shenyang?", "Group", "SERVES", "沈阳", "石油化工"),
    ("辽宁的职教集团有哪些", "Group", None, "辽宁", None),
    ("铁岭有哪些学校", "School", None, "铁岭", None),
    ("哪些企业与沈阳市装备制造工程学校合作", "Enterprise", "PARTNERS_WITH", None, None),
    ("建设50所左右省级优质中职学校由哪些部门负责", "Agency", "RESPONSIBLE_FOR", None, None),
    ("哪些文件由辽宁省教育厅发布", "Policy", "ISSUED_BY", None, None),
    ("辽宁职业学院牵头哪些联盟", "Group", "LEADS", None, None),
])
def test_answer_type_relation_and_constraints(view, question, answer_type, relation, region, industry):
    it = parse_question(view, question)
    assert (it.answer_type, it.relation, it.region, it.industry) == (answer_type, relation, region, industry)


def test_the_lead_of_a_group_is_asked_by_the_inverse_of_leads(view):
    it = parse_question(view, "辽西北职教联盟的牵头单位")
    assert it.relation == "LEADS" and it.answer_type is None
    assert [e["name"] for e in it.entities] == ["辽西北职业教育联盟"]  # 职教 = 职业教育


def test_names_inside_an_entity_are_not_constraints(view):
    it = parse_question(view, "哪些企业与沈阳市装备制造工程学校合作")
    assert [e["name"] for e in it.entities] == ["沈阳市装备制造工程学校"]
    assert it.region is None and it.industry is None


@pytest.mark.parametrize("question,name", [
    ("沈阳外事服务学校和哪些企业合作", "沈阳市外事服务学校"),      # alias / dropped 市
    ("哪些学校与华晨宝马合作", "华晨宝马汽车有限公司"),             # company without legal form
    ("who leads 辽西北职业教育联盟", "辽西北职业教育联盟"),
])
def test_entities_resolve_through_aliases_and_variants(view, question, name):
    assert name in [e["name"] for e in parse_question(view, question).entities]


def test_english_question_with_a_chinese_name_is_still_english(view):
    it = parse_question(view, "who leads 辽西北职业教育联盟")
    assert it.relation == "LEADS"


@pytest.mark.parametrize("question", [
    "哪些企业与北京大学合作", "清华大学牵头哪些联盟", "Which companies partner with Peking University?",
    "辽宁航天职教集团的牵头单位",
])
def test_unknown_bodies_are_recorded_not_guessed(view, question):
    it = parse_question(view, question)
    assert it.unresolved and not it.entities


def test_a_described_task_is_not_a_name(view):
    it = parse_question(view, "建设50所左右省级优质中职学校由哪些部门负责")
    assert not it.unresolved and "50所左右省级优质中职学校" in it.topic


def test_region_containment(view):
    school = next(n.id for n in view.nodes.values() if n.name == "沈阳市装备制造工程学校")
    hebei = next(n.id for n in view.nodes.values() if n.name == "河北省装备制造职业教育集团")
    lxb = next(n.id for n in view.nodes.values() if n.name == "辽西北职业教育联盟")
    assert view.in_region(school, "沈阳") and view.in_region(school, "辽宁")
    assert view.in_region(hebei, "河北") and not view.in_region(hebei, "辽宁")
    assert view.in_region(lxb, "辽宁")  # LOCATED_IN 铁岭市, whose parent is 辽宁省


def test_compound_group_nouns_beat_their_first_word(view):
    assert parse_question(view, "哪些行业产教融合共同体在沈阳").answer_type == "Group"
    assert parse_question(view, "哪些产业学院服务装备制造").answer_type == "Group"


def test_the_place_in_a_name_beats_a_conflicting_located_in(tmp_path):
    from graph.schema import Edge, Evidence

    st = build_sample_store(tmp_path / "s")
    hebei = st.find_nodes("河北省装备制造职业教育集团")[0]
    liaoning = st.find_nodes("辽宁省", type="Region")[0]
    st.upsert_edge(Edge(source=hebei.id, target=liaoning.id, type="LOCATED_IN",
                        evidence=[Evidence("list", 0, 4, "关于公布")]))
    v = GraphView(st)
    assert v.in_region(hebei.id, "河北") and not v.in_region(hebei.id, "辽宁")


@pytest.mark.parametrize("question,kind", [
    ("沈阳有哪些产业学院", "产业学院"), ("which industry colleges are in Shenyang", "产业学院"),
    ("辽宁有哪些联盟", "联盟"), ("Which alliances serve the petrochemical industry?", "联盟"),
    ("沈阳有哪些市域产教联合体", "联合体"), ("哪些行业产教融合共同体在沈阳", "共同体"),
    ("辽宁的职教集团有哪些", "职教集团"), ("哪些集团服务辽宁的石化产业", None), ("which groups serve rail transit", None),
])
def test_the_kind_of_group_asked_for(view, question, kind):
    it = parse_question(view, question)
    assert it.answer_type == "Group" and it.group_kind == kind


def test_kinds_of_group_come_from_the_end_of_the_name():
    from search.naming import kind_accepts, name_kind

    assert name_kind("应急管理产业学院(化工方向)") == "产业学院"
    assert name_kind("辽西北职教联盟") == "联盟" and name_kind("沈阳高新区市域产教联合体") == "联合体"
    assert not kind_accepts("产业学院", "沈阳经济技术开发区高端装备制造产教联合体")
    assert kind_accepts("职教集团", "辽西北职业教育联盟")  # the umbrella word only ranks


@pytest.mark.parametrize("question,answer_type", [
    ("辽宁省有多少个职教集团", "Group"), ("铁岭有几所学校", "School"), ("how many schools are in Tieling", "School"),
])
def test_count_questions(view, question, answer_type):
    it = parse_question(view, question)
    assert it.count and it.answer_type == answer_type


@pytest.mark.parametrize("question,role", [
    ("辽教发〔2021〕55号落实了哪个文件", "agent"), ("哪些政策落实了辽教发〔2021〕55号", "patient"),
    ("辽教发〔2021〕55号被哪些文件落实", "patient"),
    ("辽西北职教联盟由谁牵头", "patient"), ("辽西北职业教育联盟是谁牵头的", "patient"),
    ("辽西北职业教育联盟有哪些成员", "patient"), ("辽宁职业学院是哪些联盟的成员", "agent"),
    ("辽宁职业学院牵头哪些联盟", "agent"), ("who leads 辽西北职业教育联盟", "patient"),
    ("which groups does 辽宁职业学院 lead", "agent"),
])
def test_the_part_an_entity_plays_comes_from_word_order(view, question, role):
    assert parse_question(view, question).role == role


def test_a_verb_inside_a_modifier_is_not_the_relation_asked(view):
    it = parse_question(view, "服务装备制造的职教集团由谁牵头")
    assert (it.relation, it.industry, it.via_groups) == ("LEADS", "装备制造", True)
    assert not it.entities and not it.unresolved


@pytest.mark.parametrize("question,name", [
    ("who leads the Liaoning equipment manufacturing vocational education group", "辽宁装备制造职业教育集团"),
    ("who leads the Liaoning petrochemical vocational education group", "辽宁石油化工职业教育集团"),
    ("which companies partner with the northwest Liaoning vocational education alliance", "辽西北职业教育联盟"),
    ("which policies were issued by the Liaoning Department of Education", "辽宁省教育厅"),
    ("what is the provincial department of education responsible for", "辽宁省教育厅"),
])
def test_english_descriptions_name_the_body_with_all_their_parts(view, question, name):
    it = parse_question(view, question)
    assert [e["name"] for e in it.entities] == [name]
    assert it.region is None and it.industry is None and not it.unresolved


@pytest.mark.parametrize("question", [
    "who leads the Liaoning aerospace vocational education group",  # a part we cannot map
])
def test_an_english_description_with_an_unknown_part_is_unresolved(view, question):
    it = parse_question(view, question)
    assert it.unresolved and not it.entities


def test_an_english_description_that_fits_several_bodies_stays_a_description(view):
    it = parse_question(view, "who leads the equipment manufacturing vocational education groups")
    assert not it.entities and it.via_groups and it.industry == "装备制造"


def test_a_bare_kind_of_group_asks_for_groups(view):
    it = parse_question(view, "沈阳的产业学院")
    assert (it.answer_type, it.group_kind, it.region) == ("Group", "产业学院", "沈阳")


def test_a_development_zone_is_a_part_of_an_english_name(view):
    it = parse_question(view, "members of the Shenyang Economic and Technological Development Zone consortium")
    assert [e["name"] for e in it.entities] == ["沈阳经济技术开发区高端装备制造产教联合体"]
    assert it.relation == "MEMBER_OF" and it.role == "patient"


def test_which_units_is_any_kind_of_body(view):
    it = parse_question(view, "哪些单位牵头了辽宁的职教集团")
    assert it.answer_type is None and it.relation == "LEADS" and it.via_groups


@pytest.mark.parametrize("question,industry", [
    ("哪些职教集团服务辽宁的航天产业", "航天"), ("辽宁有哪些航天职教集团", "航天"),
    ("辽宁有哪些示范性职教集团", None), ("沈阳有哪些市域产教联合体", None), ("辽宁省有多少个职教集团", None),
])
def test_an_industry_no_vocabulary_knows_is_still_a_constraint(view, question, industry):
    assert parse_question(view, question).industry == industry


# ---- names as users write them: Traditional, short forms, noisy nodes (invented bodies) ------
INVENTED = (
    "東川農牧職業教育集團由東川職業技術學院牽頭組建。\n"
    "宁远星河能源集团股份有限公司牵头组建东川煤化工产教融合共同体。\n"
    "西川精雕科技集团有限公司任东川煤化工产教融合共同体副理事长单位，北湖轻工有限公司为成员单位。\n"
    "东川职业技术学院与西川精雕科技集团有限公司签约。\n"
    "png北湖区产教联合体由北湖职业技术学院牵头。\n"
    "东川市教育局关于同意成立东川农牧职业教育集团的批复。\n"
    "西川省东川市职业中学成立于1985年。\n"
)


@pytest.fixture(scope="module")
def invented(tmp_path_factory):
    from graph.networkx_store import NetworkxStore
    from graph.schema import Edge, Evidence, Node, make_node_id

    store = NetworkxStore(tmp_path_factory.mktemp("inv") / "store")
    store.put_document("inv", INVENTED, {"path": "inv.txt"})
    ids: dict[str, str] = {}

    def n(type_, name, aliases=(), **props):
        ids[name] = make_node_id(type_, name)
        store.upsert_node(Node(id=ids[name], type=type_, name=name, aliases=list(aliases), properties=props))
        return ids[name]

    def e(src, rel, tgt, phrase, **props):
        start = INVENTED.index(phrase)
        store.upsert_edge(Edge(source=src, target=tgt, type=rel, properties=props,
                               evidence=[Evidence("inv", start, start + len(phrase), phrase)]))

    xc = n("Region", "西川省", ["西川"])
    dc = n("Region", "东川市", ["东川"], parent=xc)
    n("Region", "宁远市", ["宁远"])
    n("Region", "北湖市", ["北湖"])
    school = n("School", "东川职业技术学院")
    n("School", "东川职院")  # a second node of the same school, linked to nothing
    agri = n("Group", "東川農牧職業教育集團")
    e(school, "LEADS", agri, "東川農牧職業教育集團由東川職業技術學院牽頭組建")
    coal = n("Group", "东川煤化工产教融合共同体")
    xinghe = n("Enterprise", "宁远星河能源集团股份有限公司")
    e(xinghe, "LEADS", coal, "宁远星河能源集团股份有限公司牵头组建东川煤化工产教融合共同体")
    jd = n("Enterprise", "西川精雕科技集团有限公司")
    e(jd, "MEMBER_OF", coal, "西川精雕科技集团有限公司任东川煤化工产教融合共同体副理事长单位", role="副理事长")
    e(n("Enterprise", "北湖轻工有限公司"), "MEMBER_OF", coal, "北湖轻工有限公司为成员单位", role="成员单位")
    e(school, "PARTNERS_WITH", jd, "东川职业技术学院与西川精雕科技集团有限公司签约")
    noisy = n("Group", "png北湖区产教联合体")
    n("Group", "北湖区产教联合体")
    e(n("School", "北湖职业技术学院"), "LEADS", noisy, "png北湖区产教联合体由北湖职业技术学院牵头")
    n("Group", "东川高新区市域产教联合体")
    policy = n("Policy", "东川市教育局关于同意成立东川农牧职业教育集团的批复")
    e(policy, "ISSUED_BY", n("Agency", "东川市教育局"), "东川市教育局关于同意成立东川农牧职业教育集团的批复")
    n("Group", "东川农牧职业教育集团章程")
    ms = n("School", "西川省东川市职业中学")
    e(ms, "LOCATED_IN", xc, "西川省东川市职业中学成立于1985年")
    store.commit()
    return GraphView(store), ids


def _names(it):
    return [e["name"] for e in it.entities]


def test_a_traditional_question_meets_a_traditional_node(invented):
    view, _ = invented
    it = parse_question(view, "東川農牧職教集團的牽頭單位")
    assert _names(it) == ["東川農牧職業教育集團"] and it.relation == "LEADS" and it.role == "patient"
    it = parse_question(view, "东川农牧职教集团的牵头单位")  # Simplified question, Traditional node
    assert _names(it) == ["東川農牧職業教育集團"]


def test_a_short_form_is_read_as_the_body_and_says_so(invented):
    view, _ = invented
    it = parse_question(view, "星河能源牵头哪个共同体")
    assert _names(it) == ["宁远星河能源集团股份有限公司"] and it.relation == "LEADS" and it.role == "agent"
    assert it.entities[0]["read_as"] == "read 星河能源 as 宁远星河能源集团股份有限公司"
    assert _names(parse_question(view, "西川精雕与哪所学校签约")) == ["西川精雕科技集团有限公司"]


def test_a_bare_node_of_a_body_is_read_as_its_linked_node_too(invented):
    view, _ = invented
    it = parse_question(view, "东川职院的合作企业")
    assert (it.answer_type, it.relation) == ("Enterprise", "PARTNERS_WITH")
    assert _names(it) == ["东川职院", "东川职业技术学院"]
    it = parse_question(view, "北湖区产教联合体的牵头单位")
    assert "png北湖区产教联合体" in _names(it)


@pytest.mark.parametrize("mention,name", [
    ("东川市域产教联合体", "东川高新区市域产教联合体"),  # a district is never left out
    ("东川农牧职业教育集团", "东川农牧职业教育集团章程"),  # a group is not its charter
    ("宁远星河", "宁远市星河能源集团股份有限公司"),  # ends before a 市: a place, not a short form
])
def test_what_a_short_form_cannot_stand_for(mention, name):
    from search.graphview import match_key
    from search.mentions import abbreviation_score

    assert abbreviation_score(match_key(mention), match_key(name), (0,)) == 0


def test_a_near_spelling_keeps_the_place(invented):
    from search.mentions import loose_matches

    view, _ = invented
    assert not loose_matches(view, "西川煤化工产教融合共同体")
    assert [r.name for r in loose_matches(view, "东川煤化工产教融合共同")] == ["东川煤化工产教融合共同体"]


@pytest.mark.parametrize("question,relation,role", [
    ("东川煤化工产教融合共同体的副理事长单位", "MEMBER_OF", "patient"),
    ("东川煤化工产教融合共同体是谁发起的", "LEADS", "patient"),
    ("东川职业技术学院与哪些企业签约", "PARTNERS_WITH", None),
    ("which company signed an agreement with 东川职业技术学院", "PARTNERS_WITH", None),
])
def test_relation_words_of_councils_founders_and_signings(invented, question, relation, role):
    view, _ = invented
    it = parse_question(view, question)
    assert it.relation == relation and it.entities
    if role:
        assert it.role == role


def test_a_policy_title_without_its_issuer_names_the_policy(invented):
    view, _ = invented
    it = parse_question(view, "关于同意成立东川农牧职业教育集团的批复是哪个部门发文的")
    assert _names(it) == ["东川市教育局关于同意成立东川农牧职业教育集团的批复"]
    assert (it.answer_type, it.relation, it.region) == ("Agency", "ISSUED_BY", None)


def test_a_place_named_inside_a_name_puts_the_body_there(invented):
    from search.graphquery import in_region

    view, ids = invented
    school = ids["西川省东川市职业中学"]
    assert not view.in_region(school, "东川") and in_region(view, school, "东川")
    assert in_region(view, school, "西川") and not in_region(view, ids["东川职业技术学院"], "北湖")
