"""Industry chains: names, normalisation, SERVES from group names, sentences and tables."""

from __future__ import annotations

import pytest

from ingest import industry
from ingest.model import Document

REPORT = "003_95c8e72264adc48e"
NATIONAL = "002_dc279a758713c14f"


@pytest.mark.parametrize("term, expected", [
    ("装备制造业", "装备制造"), ("装备制造产业", "装备制造"), ("高端装备制造", "装备制造"),
    ("汽车产业链", "汽车"), ("信息技术行业", "信息技术"), ("现代服务业", "现代服务业"), ("智慧旅游", "旅游"),
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
    programmes = {m.name: m.properties["programme_groups"] for m in ex.mentions if m.properties}
    assert programmes["旅游"] == ["旅游专业群"] and programmes["餐饮"] == ["烹饪专业群"]


def test_seed_national_list(corpus_text):
    ex = industry.extract(Document(NATIONAL, NATIONAL, corpus_text[NATIONAL]))
    serves = {(f.source.name, f.target.name) for f in ex.facts}
    assert ("辽宁石油化工职教集团", "石油化工") in serves
    assert not any(s == "淄博职业教育集团" for s, _ in serves)
