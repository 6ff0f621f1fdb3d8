"""English pages (ingest/english.py): names by head word, their types, relation cues in active
and passive form with lists, the attendance negative, acronyms and bilingual aliases, evidence
offsets, and the cost on Chinese pages. Every body here is invented."""

from __future__ import annotations

import time

import pytest

from ingest import english
from ingest.english import find_english_orgs
from ingest.model import Alias, Document


def _ex(text: str):
    return english.extract(Document("en", "en.txt", text))


def _facts(text: str) -> set[tuple[str, str, str, str]]:
    return {(f.type, f.source.name, f.target.name, f.properties.get("role") or f.properties.get("kind"))
            for f in _ex(text).facts}


def _names(text: str) -> list[tuple[str, str]]:
    return [(n.type, n.name) for n in find_english_orgs(text)]


ALLIANCE = "Example Vocational Education Alliance"
FOO, BAR, BAZ = "Foo Polytechnic", "Bar Technology Co., Ltd.", "Baz University"


# ---- names and types ------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Foo Polytechnic", ("School", "Foo Polytechnic")),
    ("staff of Foo Vocational and Technical College", ("School", "Foo Vocational and Technical College")),
    ("Foo Vocational University", ("School", "Foo Vocational University")),
    ("the Foo Institute of Technology", ("School", "Foo Institute of Technology")),
    ("University of Foo for Science and Technology", ("School", "University of Foo for Science and Technology")),
    ("Bar Technology Co., Ltd.", ("Enterprise", "Bar Technology Co., Ltd.")),
    ("Bar Technology (Group) Co., Ltd", ("Enterprise", "Bar Technology (Group) Co., Ltd")),
    ("Bar Logistics Group", ("Enterprise", "Bar Logistics Group")),
    ("the Qux Vocational Education Group", ("Group", "Qux Vocational Education Group")),
    ("the Qux Logistics Alliance", ("Group", "Qux Logistics Alliance")),
    ("the World Qux Skills League", ("Group", "World Qux Skills League")),
    ("the Qux Industry-Education Integration Community", ("Group", "Qux Industry-Education Integration Community")),
    ("the Qux Training Consortium", ("Group", "Qux Training Consortium")),
    ("the Bar Smart Manufacturing Industrial College", ("Group", "Bar Smart Manufacturing Industrial College")),
    ("the Ministry of Education", ("Agency", "Ministry of Education")),
    ("Foo Municipal Education Commission", ("Agency", "Foo Municipal Education Commission")),
    ("Foo Provincial Department of Education", ("Agency", "Foo Provincial Department of Education")),
    ("Foo Municipal Education Bureau", ("Agency", "Foo Municipal Education Bureau")),
    ("Foo Municipal People's Government", ("Agency", "Foo Municipal People's Government")),
    ("the Qux Machinery Industry Association", ("Association", "Qux Machinery Industry Association")),
    ("the Foo Academy of Agricultural Sciences", ("Institute", "Foo Academy of Agricultural Sciences")),
    ("the Qux Research Institute", ("Institute", "Qux Research Institute")),
    ("National Center for Qux Education", ("Institute", "National Center for Qux Education")),
    ("the Qux–Zeta Vocational Education Alliance", ("Group", "Qux–Zeta Vocational Education Alliance")),  # en dash
])
def test_names_and_types(text, expected):
    assert _names(text) == [expected]


@pytest.mark.parametrize("text", [
    "The alliance held its meeting.",          # no capitalised modifier: an anaphor, not a name
    "The Alliance will hold its meeting.",
    "Foo Talent Development Department",       # a company's department is no body of its own
    "vocational colleges and universities",
    "the Party Committee of the school",
])
def test_not_names(text):
    assert _names(text) == []


def test_lists_split_into_names_and_function_words_stay_inside():
    assert _names("Foo Polytechnic, Baz University and Bar Technology Co., Ltd. took part") == [
        ("School", FOO), ("School", BAZ), ("Enterprise", BAR)]
    assert _names("the Ministry of Education and the Ministry of Finance") == [
        ("Agency", "Ministry of Education"), ("Agency", "Ministry of Finance")]
    assert _names("Ministry of Human Resources and Social Security") == [
        ("Agency", "Ministry of Human Resources and Social Security")]


def test_leading_the_possessive_and_titles_are_stripped():
    assert _names("The Foo Polytechnic’s students") == [("School", FOO)]
    assert _names("Wang Lin, Vice President of Foo Polytechnic, said") == [("School", FOO)]
    assert _names("Qux’s State Council") == [("Agency", "State Council")]


def test_a_body_inside_a_longer_name_is_its_own_body():
    assert _names("the Qux Testing Authority of the Ministry of Labour") == [
        ("Agency", "Qux Testing Authority of the Ministry of Labour"), ("Agency", "Ministry of Labour")]


# ---- relation cues --------------------------------------------------------------------------
def test_jointly_established_by_a_school_and_an_enterprise():
    text = f"The {ALLIANCE} was jointly established by {FOO} and {BAR}"
    assert _facts(text) == {("MEMBER_OF", FOO, ALLIANCE, "成员"), ("MEMBER_OF", BAR, ALLIANCE, "成员"),
                            ("PARTNERS_WITH", FOO, BAR, "共建")}


def test_co_founded_by_a_list():
    text = f"The {ALLIANCE} was co-founded by {FOO}, {BAZ} and Qux Logistics Group."
    assert {f for f in _facts(text) if f[0] == "MEMBER_OF"} == {
        ("MEMBER_OF", n, ALLIANCE, "成员") for n in (FOO, BAZ, "Qux Logistics Group")}


def test_active_jointly_established():
    text = f"{FOO}, {BAZ} and {BAR} jointly established the {ALLIANCE} in 2021."
    got = _facts(text)
    assert {("MEMBER_OF", n, ALLIANCE, "成员") for n in (FOO, BAZ, BAR)} <= got
    assert ("PARTNERS_WITH", FOO, BAR, "共建") in got and ("PARTNERS_WITH", BAZ, BAR, "共建") in got


@pytest.mark.parametrize("text", [
    f"The {ALLIANCE}, led by {FOO}, held its first council meeting.",
    f"The {ALLIANCE} is led by {FOO}.",
    f"Led by {FOO}, the {ALLIANCE} was launched in May.",
    f"{FOO} took the lead in establishing the {ALLIANCE}.",
    f"The {ALLIANCE} was founded in 2019. The alliance is led by {FOO}.",
])
def test_led_by(text):
    assert ("LEADS", FOO, ALLIANCE, "牵头") in _facts(text)


def test_initiated_by_active_passive_and_founding_members():
    assert _facts(f"The {ALLIANCE} was initiated by {FOO} and {BAZ}.") == {
        ("LEADS", FOO, ALLIANCE, "发起"), ("LEADS", BAZ, ALLIANCE, "发起")}
    assert ("LEADS", FOO, ALLIANCE, "发起") in _facts(
        f"The {ALLIANCE} was launched in May. {FOO} and {BAZ} jointly initiated the alliance.")
    assert ("LEADS", BAZ, ALLIANCE, "发起") in _facts(
        f"The {ALLIANCE} was set up in May. Its founding members include {FOO} and {BAZ}.")


def test_members_include_and_joined():
    text = f"The {ALLIANCE} was set up in May. Members include {FOO}, {BAZ} and {BAR}"
    assert {("MEMBER_OF", n, ALLIANCE, "成员") for n in (FOO, BAZ, BAR)} <= _facts(text)
    assert _facts(f"{FOO} joined the {ALLIANCE} in 2021.") == {("MEMBER_OF", FOO, ALLIANCE, "成员")}
    assert _facts(f"{FOO} and {BAZ} are members of the {ALLIANCE}.") == {
        ("MEMBER_OF", FOO, ALLIANCE, "成员"), ("MEMBER_OF", BAZ, ALLIANCE, "成员")}
    assert _facts("Members include Foo Polytechnic and Baz University.") == set()  # no group named


def test_chairman_and_council_units():
    text = (f"{FOO} was elected the chairman unit of the {ALLIANCE}, and {BAZ} and {BAR} "
            "were elected vice-chairman units.")
    assert _facts(text) == {("LEADS", FOO, ALLIANCE, "理事长"), ("MEMBER_OF", BAZ, ALLIANCE, "副理事长"),
                            ("MEMBER_OF", BAR, ALLIANCE, "副理事长")}
    assert ("LEADS", FOO, ALLIANCE, "理事长") in _facts(f"The {ALLIANCE} was founded with {FOO} as the chairman unit.")
    assert ("MEMBER_OF", BAZ, ALLIANCE, "理事") in _facts(
        f"The {ALLIANCE} held its meeting. The council member units are {BAZ} and {BAR}.")


def test_signed_agreements():
    for text in (f"{FOO} signed an agreement with {BAR} on talent training.",
                 f"{FOO} and {BAR} signed a cooperation agreement.",
                 f"An agreement was signed between {FOO} and {BAR}.",
                 f"{FOO} signed a strategic cooperation agreement with {BAR}."):
        assert _facts(text) == {("PARTNERS_WITH", FOO, BAR, "签约")}, text


def test_three_parties_signing_pair_up():
    got = _facts(f"{FOO}, {BAZ} and {BAR} signed a tripartite agreement.")
    assert got == {("PARTNERS_WITH", FOO, BAZ, "签约"), ("PARTNERS_WITH", FOO, BAR, "签约"),
                   ("PARTNERS_WITH", BAZ, BAR, "签约")}


def test_co_built_order_class_and_cooperation():
    college = "Bar Smart Manufacturing Industrial College"
    assert _facts(f"{FOO} and {BAR} co-built the {college}.") == {("PARTNERS_WITH", FOO, BAR, "共建")}
    assert _facts(f"{FOO} co-built a training base with {BAR}.") == {("PARTNERS_WITH", FOO, BAR, "共建")}
    assert _facts(f"The {college} was jointly built by {FOO} and {BAR}.") == {("PARTNERS_WITH", FOO, BAR, "共建")}
    assert _facts(f"{FOO} opened a {BAR} order class.") == {("PARTNERS_WITH", FOO, BAR, "订单班")}
    assert _facts(f"{FOO} has cooperated with {BAR} since 2015.") == {("PARTNERS_WITH", FOO, BAR, "合作")}


@pytest.mark.parametrize("text", [
    f"Leaders from {FOO}, {BAZ} and the Foo Municipal Education Bureau attended the founding ceremony of the {ALLIANCE}.",
    f"The forum was hosted by {FOO} and presided over by the Foo Municipal Education Bureau.",
    f"Wang Lin, president of {BAZ}, delivered a speech at the {ALLIANCE} conference.",
    f"{FOO} hosted the inaugural meeting of the {ALLIANCE}, and Li Hua of {BAZ} addressed the meeting.",
    f"The ceremony of the {ALLIANCE} was attended by {FOO} and {BAR}.",
])
def test_attending_or_hosting_a_meeting_is_no_relation(text):
    assert _facts(text) == set()


# ---- aliases --------------------------------------------------------------------------------
def test_acronym_in_brackets_is_an_alias_and_its_uses_are_mentions():
    text = f"{FOO} (FP) took the lead in establishing the {ALLIANCE}. FP will host the secretariat."
    ex = _ex(text)
    assert Alias("FP", FOO, "School") in ex.aliases
    assert [m.name for m in ex.mentions if m.name == "FP"] == ["FP", "FP"]
    assert ("LEADS", FOO, ALLIANCE, "牵头") in {(f.type, f.source.name, f.target.name, f.properties["role"])
                                              for f in ex.facts}


def test_a_short_form_with_a_place_word_in_brackets():
    text = ("Foo Polytechnic signed an agreement with Qux Radio & TV University (Qux RTU). "
            "Graduates will study at Qux RTU.")
    ex = _ex(text)
    assert Alias("Qux RTU", "Qux Radio & TV University", "School") in ex.aliases
    assert [m.name for m in ex.mentions].count("Qux RTU") == 2
    assert _names("Foo University (Bar Campus)") == [("School", "Foo University")]
    assert Alias("Bar Campus", "Foo University", "School") not in _ex("Foo University (Bar Campus) opened.").aliases


def test_chinese_name_beside_the_english_one():
    zh_page = ("临江职业技术学院（Linjiang Polytechnic）是一所公办高等职业院校，学校与星河智能装备有限公司签订合作协议，"
               "共建智能制造产业学院。")
    assert Alias("Linjiang Polytechnic", "临江职业技术学院", None) in _ex(zh_page).aliases
    en_page = ("Linjiang Polytechnic (临江职业技术学院) is a public vocational college. It signed an agreement "
               "with Bar Technology Co., Ltd. in 2021 and runs three order classes with local companies.")
    assert Alias("临江职业技术学院", "Linjiang Polytechnic", None) in _ex(en_page).aliases


def test_a_shorter_form_of_one_longer_name_is_an_alias():
    text = f"The Sino-Qux {ALLIANCE} was set up in May. The {ALLIANCE} will meet every year."
    assert Alias(ALLIANCE, f"Sino-Qux {ALLIANCE}", "Group") in _ex(text).aliases


def test_a_chinese_paragraph_and_its_translation_pair_their_names():
    text = ("临江市教育局日前印发通知，要求各职业院校深化产教融合，推进校企合作，到2025年建成一批示范性职业教育集团。\n"
            "Recently, the Linjiang Municipal Education Bureau issued a notice asking vocational schools to deepen "
            "the integration of industry and education.\n")
    assert Alias("临江市教育局", "Linjiang Municipal Education Bureau", None) in _ex(text).aliases


# ---- evidence -------------------------------------------------------------------------------
def test_evidence_is_the_sentence_and_offsets_index_the_text():
    text = (f"On 3 May 2022, the {ALLIANCE} was set up in Linjiang.\n"
            f"The {ALLIANCE} was jointly established by {FOO} and {BAR} The council elected {FOO} as the chairman unit. "
            "Leaders of the city attended.")
    ex = _ex(text)
    assert ex.facts
    for f in ex.facts:
        ev = f.evidence
        assert ev.quote == text[ev.start:ev.end] and ev.doc == "en"
        assert ev.quote == ev.quote.strip() and "\n" not in ev.quote
        for m in (f.source, f.target):  # a reference (the alliance) may be an empty span
            assert ev.start <= m.start <= m.end <= ev.end
    for m in ex.mentions:
        assert text[m.start:m.end] in (m.name, m.name.replace(" ", "\n"))
    chair = next(f for f in ex.facts if f.properties.get("role") == "理事长")
    assert chair.evidence.quote == f"The council elected {FOO} as the chairman unit."


# ---- where it runs --------------------------------------------------------------------------
def test_english_sentence_inside_a_chinese_page():
    text = ("临江职业技术学院2023年质量年度报告。学校持续深化产教融合。\n"
            f"In 2023, {FOO} signed an agreement with {BAR} on apprenticeships.\n"
            "学校与星河智能装备有限公司共建实训基地。")
    assert _facts(text) == {("PARTNERS_WITH", FOO, BAR, "签约")}


def test_a_chinese_page_costs_almost_nothing():
    text = "临江职业技术学院牵头组建临江现代物流职业教育集团，成员单位包括星河物流有限公司等。" * 2000
    assert _ex(text).mentions == []
    start = time.perf_counter()
    for _ in range(5):
        _ex(text)
    assert (time.perf_counter() - start) / 5 < 0.05  # 80,000 characters


def test_pipeline_makes_one_node_of_a_chinese_and_an_english_name(tmp_path):
    from graph.networkx_store import NetworkxStore
    from ingest.pipeline import ingest_documents

    text = ("临江职业技术学院（Linjiang Polytechnic）与星河智能装备有限公司签订合作协议，共建智能制造产业学院。"
            "学校是临江现代物流职业教育集团的牵头单位，现有专业42个，在校生1.5万人。\n"
            "In 2022, Linjiang Polytechnic joined the Example Vocational Education Alliance.")
    store = NetworkxStore(tmp_path / "store")
    ingest_documents([Document("p", "p.txt", text)], store)
    schools = [n for n in store.iter_nodes() if n.type == "School"]
    assert len(schools) == 1
    assert {schools[0].name, *schools[0].aliases} >= {"临江职业技术学院", "Linjiang Polytechnic"}
    member = [e for e in store.iter_edges("MEMBER_OF") if e.source == schools[0].id]
    assert member and store.get_node(member[0].target).name == ALLIANCE


def test_cues_after_the_founding_of_the_group_that_opens_the_sentence():
    text = ("The Linjiang Vocational Education Alliance was established on May 5, led by Beiling Polytechnic "
            "and initiated by Dongchuan Vocational and Technical College.")
    got = {(f[0], f[1], f[3]) for f in _facts(text) if f[2] == "Linjiang Vocational Education Alliance"}
    assert got == {("LEADS", "Beiling Polytechnic", "牵头"), ("LEADS", "Dongchuan Vocational and Technical College", "发起")}
