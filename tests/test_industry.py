"""Industry chains: names, normalisation, SERVES from group names, sentences and tables."""

from __future__ import annotations

import pytest

from ingest import industry, industry_vocab
from ingest.model import Document
from ingest.resolve import QUALIFIED

REPORT = "003_95c8e72264adc48e"
NATIONAL = "002_dc279a758713c14f"


@pytest.mark.parametrize("term, expected", [
    ("装备制造业", "装备制造"), ("装备制造产业", "装备制造"), ("高端装备制造", "装备制造"),
    ("汽车产业链", "汽车"), ("信息技术行业", "电子信息"), ("现代服务业", "现代服务业"), ("智慧旅游", "旅游"),
    ("畜牧业", "畜牧"), ("茶业", "茶业"), ("汽车服务业", "汽车服务"), ("餐饮服务业", "餐饮"),
])
def test_normalise(term, expected):
    assert industry.normalise(term) == expected


@pytest.mark.parametrize("name, expected", [
    ("辽宁装备制造职业教育集团", ["装备制造"]),
    ("湖南省轨道交通装备制造职教集团", ["轨道交通", "装备制造"]),
    ("北京现代服务业职业教育集团", ["现代服务业"]),
    ("汽车产业链行业产教融合共同体", ["汽车"]),
    ("沈阳经济技术开发区高端装备制造产教联合体", ["装备制造"]),
    ("智慧酒店产业学院", ["酒店"]),
    ("淄博职业教育集团", []),
    ("联想职业教育集团", []),
])
def test_industries_in_name(name, expected):
    assert [t for _, _, t in industry.industries_in_name(name)] == expected


def test_group_named_for_an_industry_serves_it():
    text = "序号\t集团名称\t牵头单位\n12\t河北省装备制造职业教育集团\t河北机电职业技术学院\n"
    ex = industry.extract(Document("i", "i.txt", text))
    (fact,) = ex.facts
    assert (fact.type, fact.source.name, fact.target.name) == ("SERVES", "河北省装备制造职业教育集团", "装备制造")
    assert fact.evidence.quote == "河北省装备制造职业教育集团"
    assert text[fact.target.start:fact.target.end] == "装备制造"


def test_subject_serving_an_industry():
    text = "辽宁省交通运输职业教育集团成立于2015年。该集团服务辽宁交通运输产业。"
    facts = {(f.source.name, f.target.name, f.properties["pattern"]) for f in industry.extract(Document("i", "", text)).facts}
    assert ("辽宁省交通运输职业教育集团", "交通运输", "group-name") in facts


def test_seed_report(corpus_text):
    ex = industry.extract(Document(REPORT, REPORT, corpus_text[REPORT]))
    serves = {(f.source.name, f.target.name) for f in ex.facts}
    assert ("汽车产业链行业产教融合共同体", "汽车") in serves
    assert ("沈阳市外事服务学校", "文旅") in serves  # case 5-3: 着力服务现代文旅产业发展需求
    programmes = {m.name: m.properties["programme_groups"] for m in ex.mentions if "programme_groups" in m.properties}
    assert programmes["旅游"] == ["旅游专业群"] and programmes["餐饮"] == ["烹饪专业群"]


def test_seed_national_list(corpus_text):
    ex = industry.extract(Document(NATIONAL, NATIONAL, corpus_text[NATIONAL]))
    serves = {(f.source.name, f.target.name) for f in ex.facts}
    assert ("辽宁石油化工职教集团", "石油化工") in serves
    assert not any(s == "淄博职业教育集团" for s, _ in serves)


# ---- the national vocabulary (ingest/data/industries.tsv) ------------------------------------------
@pytest.mark.parametrize("forms, canonical", [
    (["装备制造", "装备制造业", "装备制造产业", "高端装备制造", "高端装备制造产业", "装备制造大类"], "装备制造"),
    (["汽车", "汽车产业", "汽车制造", "汽车制造业", "汽车产业链"], "汽车"),
    (["电子信息", "新一代信息技术", "新一代信息技术产业", "电子与信息大类", "电子信息类", "信息技术"], "电子信息"),
    (["养老", "康养", "健康养老", "康养产业", "智慧健康养老"], "健康养老"),
    (["物流", "现代物流", "现代物流业", "智慧物流", "物流类"], "现代物流"),
    (["石化", "石油化工", "绿色石化", "石化产业"], "石油化工"),
    (["集成电路", "芯片", "半导体产业"], "集成电路"),
])
def test_synonyms_normalise_to_one_canonical_term(forms, canonical):
    assert {industry.normalise(f) for f in forms} == {canonical}


@pytest.mark.parametrize("name, canonical", [
    ("农林牧渔大类", "农林牧渔"), ("资源环境与安全大类", "资源环境"), ("装备制造大类", "装备制造"),
    ("电子与信息大类", "电子信息"), ("食品药品与粮食大类", "食品药品"), ("财经商贸大类", "财经商贸"),
    ("旅游大类", "旅游"), ("医药卫生大类", "医药卫生"), ("公共管理与服务大类", "公共管理与服务"),
    ("汽车制造类", "汽车"), ("城市轨道交通类", "轨道交通"), ("集成电路类", "集成电路"),
])
def test_programme_catalogue_names(name, canonical):
    assert industry.normalise(name) == canonical and industry_vocab.is_known(name)


def test_the_catalogue_has_its_19_divisions_and_the_nine_strategic_industries():
    def codes(level):
        return {code for ind in industry_vocab.INDUSTRIES.values() for lv, code in ind.sources if lv == level}
    assert codes("专业大类") == {str(c) for c in range(41, 60)}
    assert len(codes("专业类")) == 97
    assert codes("战略性新兴产业") == {str(c) for c in range(1, 10)}
    assert len(codes("GB/T 4754 门类")) == 20 and len(codes("GB/T 4754 大类")) == 97


@pytest.mark.parametrize("name, expected", [
    ("全国新能源汽车行业产教融合共同体", ["新能源汽车"]),
    ("某某市新能源汽车行业产教融合共同体", ["新能源汽车"]),
    ("某某省集成电路产教融合共同体", ["集成电路"]),
    ("某某低空经济行业产教融合共同体", ["低空经济"]),
    ("某某生态康养行业产教融合共同体", ["健康养老"]),
    ("全国现代煤化工产教融合共同体", ["现代煤化工"]),
    ("某某动力电池产业学院", ["动力电池"]),
    ("某某省新一代信息技术产业学院", ["电子信息"]),
])
def test_strategic_emerging_industries_and_chains_in_group_names(name, expected):
    assert [t for _, _, t in industry.industries_in_name(name)] == expected


def test_a_group_named_for_a_strategic_industry_serves_its_canonical_node():
    text = "近日，全国新能源汽车行业产教融合共同体成立大会召开。"
    ex = industry.extract(Document("i", "i.txt", text))
    facts = [(f.source.name, f.target.name, f.target.properties.get(QUALIFIED, f.target.name)) for f in ex.facts]
    assert ("全国新能源汽车行业产教融合共同体", "新能源汽车", "新能源汽车") in facts


def test_a_synonym_mention_keeps_its_surface_and_resolves_by_the_canonical_term():
    text = "序号\t集团名称\t牵头单位\n1\t某某省石化职业教育集团\t某某石化职业技术学院\n"
    (fact,) = industry.extract(Document("i", "i.txt", text)).facts
    assert fact.target.name == "石化" and fact.target.properties[QUALIFIED] == "石油化工"
    assert text[fact.target.start:fact.target.end] == "石化"


@pytest.mark.parametrize("english, canonical", [
    ("equipment manufacturing", "装备制造"), ("high-end equipment manufacturing", "装备制造"),
    ("new energy vehicles", "新能源汽车"), ("integrated circuits", "集成电路"), ("logistics", "现代物流"),
    ("elderly care", "健康养老"), ("low-altitude economy", "低空经济"), ("petrochemical", "石油化工"),
    ("new-generation information technology", "电子信息"), ("digital creative", "数字创意"),
])
def test_english_names(english, canonical):
    assert industry_vocab.english_names()[english] == canonical


def test_general_words_are_not_looked_for_in_text():
    en = industry_vocab.english_names()
    assert "education" not in en and "public administration" not in en
    assert industry_vocab.lexicon_terms("某某职业教育集团") == []
    assert industry.normalise("教育") == "教育"  # known, but never found inside running text


def test_question_tables_come_from_the_same_vocabulary():
    from search import vocab

    assert vocab.INDUSTRY_ZH_SYNONYMS["康养"] == "健康养老" == industry.normalise("康养")
    assert vocab.INDUSTRY_EN["new energy vehicles"] == "新能源汽车"
    assert "低空经济" in vocab.INDUSTRY_ZH and "教育" not in vocab.INDUSTRY_ZH


def test_lexicon_terms_longest_first_with_endings():
    text = "对接新能源汽车产业链、高端装备制造业和餐饮服务业"
    assert [(text[a:b], t) for a, b, t in industry_vocab.lexicon_terms(text)] == [
        ("新能源汽车产业链", "新能源汽车"), ("高端装备制造业", "高端装备制造业"), ("餐饮服务业", "餐饮")]
