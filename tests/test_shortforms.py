"""Short forms and aliases of one document's bodies (ingest/orgnames/short.py, ingest/shortforms.py):
以下简称, a prefix of one full name, the usual abbreviation, the document's own place; a short form
shared by two bodies gives no alias. Invented bodies throughout."""

from __future__ import annotations

import pytest

from ingest.model import Alias, Document
from ingest.orgnames import abbreviates, find_orgs, short_forms


def _pairs(text: str) -> set[tuple[str, str, str | None]]:
    aliases, _ = short_forms(text, find_orgs(text))
    return {(a.short, a.full, a.type) for a in aliases}


@pytest.mark.parametrize("short, full, expected", [
    ("临江航院", "临江航空职业技术学院", True),
    ("临航", "临江航空职业技术学院", True),
    ("北职院", "北岭职业技术学院", True),
    ("东职大", "东川职业技术大学", True),
    ("临职", "临江职业技术学院", True),
    ("临江职教集团", "临江职业教育集团", True),
    ("临江公交技校", "临江市公共交通技工学校", True),
    ("物流职院", "临江市公共物流职业学院", True),
    ("北岭集团", "北岭集团有限公司", True),
    ("北岭轨道集团公司", "北岭市城市轨道交通集团有限公司", True),
    ("北岭装备制造共同体", "北岭省装备制造产教融合共同体", True),
    # different bodies: a word left out of a full name, another head, a group and its subsidiary
    ("临江职业学院", "临江职业技术学院", False),
    ("临江学院", "临江职业技术学院", False),
    ("临江大学", "临江职业大学", False),
    ("北岭集团", "北岭集团物流有限公司", False),
    ("北岭集团", "北岭职业教育集团", False),
])
def test_abbreviates(short, full, expected):
    assert abbreviates(short, full) is expected


@pytest.mark.parametrize("text, pair", [
    ('临江航空职业技术学院（以下简称“临江航院”）与北岭公司签约。', ("临江航院", "临江航空职业技术学院", "School")),
    ("北岭东达汽车有限公司（简称东达汽车）成立于2010年。", ("东达汽车", "北岭东达汽车有限公司", "Enterprise")),
    ("临江职业学院与北岭华迅科技有限公司(下称华迅科技)签约。", ("华迅科技", "北岭华迅科技有限公司", "Enterprise")),
])
def test_defined_short_forms(text, pair):
    assert pair in _pairs(text)


def test_defined_short_forms_of_several_bodies():
    text = '临江轻工集团、临江轻工职业技术学院（以下分别简称"轻工集团"、"轻工学院"）共建实训基地。'
    pairs = _pairs(text)
    assert ("轻工集团", "临江轻工集团", "Enterprise") in pairs
    assert ("轻工学院", "临江轻工职业技术学院", "School") in pairs


def test_prefix_of_one_full_name():
    text = "临江职业技术学院与东川吉达汽车有限公司举行签约仪式。东川集团副总经理出席。东川吉达将选派技术骨干。"
    aliases, mentions = short_forms(text, find_orgs(text), "d")
    assert Alias("东川吉达", "东川吉达汽车有限公司", "Enterprise") in aliases
    spot = next(m for m in mentions if m.name == "东川吉达")
    assert text[spot.start:spot.end] == "东川吉达" and spot.type == "Enterprise"
    assert not any(a.short == "东川" for a in aliases)  # 东川集团 is another body


def test_abbreviation_in_running_text():
    text = "临江航空职业技术学院举行揭牌仪式。临航与北岭公司共建产业学院，临江航院学生参加。"
    pairs = _pairs(text)
    assert ("临航", "临江航空职业技术学院", "School") in pairs
    assert ("临江航院", "临江航空职业技术学院", "School") in pairs


def test_a_short_form_shared_by_two_bodies_stays_apart():
    text = "临江航空职业技术学院与临江航海职业技术学院签约。临江航院学生参加。"
    assert not any(a.short == "临江航院" for a in short_forms(text, find_orgs(text))[0])


def test_own_place_and_government_forms():
    text = "临江市人民政府、临江市高新区管委会出席。市政府领导讲话，市高新区管委会介绍。北岭省政府网报道。"
    pairs = _pairs(text)
    assert ("市政府", "临江市人民政府", "Agency") in pairs
    assert ("市高新区管委会", "临江市高新区管委会", "Agency") in pairs


def test_unit_names_its_agency():
    text = "临江省教育厅职业教育处印发通知。"
    _, mentions = short_forms(text, find_orgs(text))
    assert [(m.name, m.type) for m in mentions] == [("临江省教育厅", "Agency")]


def test_common_phrases_are_no_short_forms():
    text = "临江市外事服务学校开设职业技能等级证书课程。临江市外事服务专业群建设。"
    assert _pairs(text) == set()


def test_the_extractor_emits_aliases_and_mentions():
    from ingest import shortforms
    from ingest.extractors import EXTRACTOR_MODULES

    assert "ingest.shortforms" in EXTRACTOR_MODULES
    doc = Document("d", "d.txt", "东川吉达汽车有限公司（以下简称“吉达汽车”）与临江职业学院签约。吉达汽车将接收实习生。")
    ex = shortforms.extract(doc)
    assert Alias("吉达汽车", "东川吉达汽车有限公司", "Enterprise") in ex.aliases
    assert doc.text.rindex("吉达汽车") in [m.start for m in ex.mentions if m.name == "吉达汽车"]


def test_party_prefix_left_out():
    pairs = _pairs("中共东川省委教育工委主持会议。东川省委教育工委负责人、省委教育工委领导出席")
    fulls = {(s, f) for s, f, _ in pairs}
    assert ("东川省委教育工委", "中共东川省委教育工委") in fulls
    assert ("省委教育工委", "中共东川省委教育工委") in fulls


def test_branch_named_without_its_region():
    fulls = {(s, f) for s, f, _ in _pairs("北岭集团乘用车福建分公司与学院签约。北岭集团乘用车分公司将派员")}
    assert ("北岭集团乘用车分公司", "北岭集团乘用车福建分公司") in fulls
    # two branches: the short form stays apart from both
    two = _pairs("北岭集团乘用车福建分公司、北岭集团乘用车广西分公司。北岭集团乘用车分公司将派员")
    assert not any(s == "北岭集团乘用车分公司" for s, _, _ in two)


def test_zone_names_its_administration():
    fulls = {(s, f) for s, f, _ in _pairs("依托临川高新区管委会组建。代表高新区参会")}
    assert ("临川高新区", "临川高新区管委会") in fulls
    assert ("高新区", "临川高新区管委会") in fulls


def test_short_form_fitting_two_bodies_goes_to_the_one_it_leaves_nothing_specific_out_of():
    pairs = _pairs("临江职业技术学院、临江科技职业学院入选。临职院、临科技职院获批")
    assert ("临职院", "临江职业技术学院", "School") in pairs
    assert ("临科技职院", "临江科技职业学院", "School") in pairs
    # both keep 航 of a specific word: the short form stays apart from both
    assert not any(s == "临江航院" for s, _, _ in _pairs("临江航空职业技术学院与临江航海职业学院。临江航院"))


def test_a_bare_party_committee_is_the_documents_own():
    text = "《中共临江省委、临江省人民政府关于加快发展的意见》。在省委、省政府的领导下，全省职业教育快速发展。"
    pairs = _pairs(text)
    assert ("省委", "中共临江省委", "Agency") in pairs


def test_a_short_school_form_read_by_its_longer_name_is_its_alias():
    from ingest import shortforms

    text = "临江市公共物流技工学校与北岭公司签约。临江物流技校第三届订单班开班。仪式上，物流技校校长致辞。"
    ex = shortforms.extract(Document("s", "s.txt", text))
    pairs = {(a.short, a.full) for a in ex.aliases}
    assert ("物流技校", "临江物流技校") in pairs
    assert any(m.name == "物流技校" for m in ex.mentions)


def test_a_prefix_after_以_and_before_援藏_is_a_short_form():
    pairs = _pairs("北岭泓锐科技有限公司与临江职业技术学院签约。以北岭泓锐援藏团队为起点，带动发展。")
    assert ("北岭泓锐", "北岭泓锐科技有限公司", "Enterprise") in pairs


@pytest.mark.parametrize("higher, lower", [
    ("湘潭市人民政府", "湘潭市岳塘区人民政府"),  # real places: the segmenter knows their words
    ("江西省教育厅", "江西省赣州市教育厅"),
    ("洛阳市教育局", "洛阳市嵩县教育局"),
])
def test_a_higher_government_is_not_the_short_form_of_one_below_it(higher, lower):
    from ingest import shortforms

    assert not abbreviates(higher, lower)
    text = f"联合体由{lower}、岚州职业技术学院共同牵头组建。{higher}副市长王明出席大会并讲话。"
    ex = shortforms.extract(Document.from_text("h", "h.txt", text))
    assert not [a for a in ex.aliases if a.short == higher]
