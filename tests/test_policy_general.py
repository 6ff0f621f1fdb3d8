"""Policy rules stated as patterns of the language (issue 10, second round): short texts with
invented bodies, titles and numbers, one per shape."""

from __future__ import annotations

from ingest import policy
from ingest.model import Document
from ingest.policy import agency_mentions, written_or_canonical
from tests.test_policy_shapes import _facts, _segs

HEAD = "岚州市教育局文件\n\n岚教发〔2031〕7号\n\n岚州市教育局关于推进合作的实施意见\n\n各县（市、区）教育局：\n"


def _pairs(text: str, kind: str):
    return {(f.source.name, f.target.name) for f in _facts(text, kind)}


# ---- responsible parties: X要… opens the task ----------------------------------------------
def test_a_subject_that_must_act_opening_the_task_is_responsible():
    text = HEAD + "一、重点任务\n（一）各地教育行政部门要指导本地区学校做好衔接。\n"
    assert {s for s, _ in _pairs(text, "RESPONSIBLE_FOR")} == {"各地教育行政部门"}


def test_a_subject_inside_a_headed_task_is_no_party_of_it():
    text = HEAD + ("一、保障措施\n（一）加强组织领导。各级教育行政部门要建立工作机制。\n"
                   "（二）完善协同机制。设立工作专班，负责推进。各市政府要制定实施方案。\n")
    assert _pairs(text, "RESPONSIBLE_FOR") == set()


def test_led_forms_still_count_anywhere_in_the_task():
    text = HEAD + "一、重点任务\n（一）建设实训基地。统筹资源。由市教育局牵头，市财政局配合。\n"
    assert {s for s, _ in _pairs(text, "RESPONSIBLE_FOR")} == {"岚州市教育局", "岚州市财政局"}


# ---- a bare place is no alias of its government ------------------------------------------
def test_a_bare_place_is_no_alias_of_its_government():
    d = Document("d", "d.txt", "")
    found = agency_mentions(d, "临川市", {"省": "青岚省"})
    assert [m.name for m in found] == ["临川市人民政府"]
    found = agency_mentions(d, "市发改委", {"市": "临川市"})
    assert [m.name for m in found] == ["临川市发改委", "市发改委"]


# ---- the node keeps the documents' full form ---------------------------------------------
def test_a_written_full_form_names_the_body():
    assert written_or_canonical("青岚省人力资源社会保障厅", "青岚省人力资源和社会保障厅") == "青岚省人力资源社会保障厅"
    assert written_or_canonical("青岚省人社厅", "青岚省人力资源和社会保障厅") == "青岚省人力资源和社会保障厅"
    d = Document("d", "d.txt", "")
    m = agency_mentions(d, "省人力资源社会保障厅", {"省": "青岚省"})[0]
    assert m.properties["_qualified"] == "青岚省人力资源社会保障厅"


# ---- headers: metadata fields, number and title on one line -------------------------------
def test_spaced_keys_and_colons_in_cells_are_read():
    from ingest.policy_segments import read_fields
    text = "索 引 号: | xx-2031-01 | 主题分类: | 教育 |\n发文机关: | 岚州市政府 | 成文日期: | 2031-01-02 |\n文 号 | 岚政办发〔2031〕9号 |\n"
    f = read_fields(text)
    assert f["issuer"][0] == "岚州市政府" and f["number"][0] == "岚政办发〔2031〕9号"


def test_the_fields_are_the_header_of_a_page_without_one():
    text = ("发布机构 | 青岚省人民政府 | 文 号 | 青政发[2031]41号 |\n成文日期 | 2031-03-04 |\n"
            "各市人民政府：\n为做好工作，根据《国务院关于推进某项工作的决定》（国发〔2029〕8号）精神，提出如下意见。\n")
    segs = _segs(text)
    assert [(s.number, [n for n, _, _ in s.issuers]) for s in segs] == [("青政发[2031]41号", ["青岚省人民政府"])]
    assert ("青政发[2031]41号", "国发〔2029〕8号") in _pairs(text, "IMPLEMENTS")


def test_number_then_title_on_one_line_with_the_sites_issuer_field():
    text = ("发文机关: | 岚州市政府 | 成文日期: | 2031-01-22 |\n"
            "标 题: | 岚政办发〔2031〕9号 岚州市人民政府办公室关于推进某项工作的实施意见 | ||\n"
            "岚政办发〔2031〕9号 岚州市人民政府办公室关于推进某项工作的实施意见\n各县、区人民政府：\n正文。\n")
    segs = _segs(text)
    assert [(s.number, s.title) for s in segs] == [("岚政办发〔2031〕9号", "岚州市人民政府办公室关于推进某项工作的实施意见")]
    assert [n for n, _, _ in segs[0].issuers] == ["岚州市人民政府办公室", "岚州市政府"]


# ---- news pages reporting a policy -------------------------------------------------------
def test_a_listed_joint_issue_with_deng():
    text = "2031年3月1日，岚州市财政局、岚州市教育局等联合颁布《关于同意成立某某职业教育集团的批复》（岚教函〔2031〕64号）。\n"
    assert _pairs(text, "ISSUED_BY") == {("岚教函〔2031〕64号", "岚州市财政局"), ("岚教函〔2031〕64号", "岚州市教育局")}


def test_n_departments_give_their_named_lead():
    text = "近日，教育部等六部门联合印发《关于推进某项工作的意见》（教职成〔2031〕5号）。\n"
    assert _pairs(text, "ISSUED_BY") == {("教职成〔2031〕5号", "教育部")}


def test_the_sentence_subject_issues_what_it_has_issued():
    text = ("岚州市委、市政府始终高度重视职业教育，近年来，先后出台了《岚州市职业教育发展规划（2031—2035年）》"
            "和《关于促进职业教育发展的若干政策》，成效明显。\n")
    got = _pairs(text, "ISSUED_BY")
    for title in ("岚州市职业教育发展规划（2031—2035年）", "关于促进职业教育发展的若干政策"):
        assert {a for p, a in got if p == title} == {"岚州市委", "岚州市政府"}  # node: 岚州市人民政府


def test_an_opening_date_is_not_the_subject():
    text = "1.统筹加强。2031年省政府召开了全省职业教育工作会议，印发了《关于加快发展某项事业的意见》。\n"
    assert {a for _, a in _pairs(text, "ISSUED_BY")} == {"省政府"}


def test_a_subject_that_does_not_issue_is_none():
    text = "学校师生认真学习，深入领会《关于推进某项工作的意见》。\n"
    assert _pairs(text, "ISSUED_BY") == set()


# ---- titles without 《》, titles that name what they implement, notices that issue ---------
def test_a_title_named_without_brackets_after_a_lineage_verb():
    text = "学院表示，此举是落实党中央国务院关于推进某项职业教育改革的意见重要内容，也是贯彻落实国家职业教育某某实施方案的举措。\n"
    d = Document("d", "d.txt", text)
    out = policy.extract(d)
    names = {m.name for m in out.mentions if m.type == "Policy"}
    assert {"关于推进某项职业教育改革的意见", "国家职业教育某某实施方案"} <= names
    issuers = [f.target for f in out.facts if f.type == "ISSUED_BY"]
    assert {a.name for a in issuers} == {"党中央", "国务院"}
    assert {a.properties["_qualified"] for a in issuers} == {"中共中央", "国务院"}  # 党中央 is a form of 中共中央


def test_a_title_that_names_what_it_implements():
    text = "2031年省政府印发了《贯彻实施国务院加快发展某项事业决定的意见》。\n"
    assert ("贯彻实施国务院加快发展某项事业决定的意见", "国务院加快发展某项事业决定") in _pairs(text, "IMPLEMENTS")
    assert ("国务院加快发展某项事业决定", "国务院") in _pairs(text, "ISSUED_BY")


def test_a_numbered_notice_without_title_is_the_document_it_issues():
    text = ("青政办〔2031〕22号\n各市、自治州人民政府，省政府各部门：《青岚省某项事业发展规划（2031—2035年）》已经省人民政府同意，"
            "现印发给你们，请认真贯彻执行。\n青岚省人民政府办公厅\n二〇三一年十二月二十五日\n正文。\n")
    segs = _segs(text)
    assert [(s.number, s.title, [n for n, _, _ in s.issuers]) for s in segs] == [
        ("青政办〔2031〕22号", "青岚省某项事业发展规划（2031—2035年）", ["青岚省人民政府办公厅"])]


def test_a_list_in_quotes_issued_on_the_ground_of_a_cited_notice():
    text = ("日前，根据《关于开展某类示范单位建设的通知》（教职成司函〔2031〕12号）的工作安排，经申报、评审等环节，"
            "教育部职业教育与成人教育司发布了“第一批某类示范单位名单”，共50家。\n")
    assert _pairs(text, "ISSUED_BY") == {("第一批某类示范单位名单", "教育部职业教育与成人教育司")}
    assert _pairs(text, "IMPLEMENTS") == {("第一批某类示范单位名单", "教职成司函〔2031〕12号")}


def test_quotes_that_no_verb_issues_are_no_policy():
    text = "学校获评“某类示范单位名单”入选单位，并学习《关于开展某类示范单位建设的通知》。\n"
    d = Document("d", "d.txt", text)
    assert "某类示范单位名单" not in {m.name for m in policy.extract(d).mentions if m.type == "Policy"}


def test_a_government_keeps_its_written_short_form_as_an_alias():
    d = Document("d", "d.txt", "")
    m = agency_mentions(d, "市政府", {"市": "岚州市"})
    assert m[0].name == "岚州市政府" and m[0].properties["_qualified"] == "岚州市人民政府"


def test_a_notice_issues_the_documents_of_its_opening_sentence():
    text = ("岚州市教育局关于印发某类名单的通知\n岚教发〔2031〕8号\n各县（市、区）教育局：\n"
            "根据《关于开展某类建设的通知》（岚教发〔2030〕2号），经审议，现将《岚州市某类示范企业名单》《岚州市某类示范学校名单》印发给你们。\n")
    got = _pairs(text, "ISSUED_BY")
    assert {("岚州市某类示范企业名单", "岚州市教育局"), ("岚州市某类示范学校名单", "岚州市教育局")} <= got
    assert not any(p == "岚教发〔2030〕2号" for p, _ in got)  # the ground is not issued by the notice
