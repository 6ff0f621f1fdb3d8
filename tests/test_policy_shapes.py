"""Short real-shaped texts (invented bodies and numbers) for each policy shape of issue 10:
headers, lineage, targets, measures and departments, and the government-body vocabulary."""

from __future__ import annotations

from ingest import policy, tasks
from ingest.agencies import agency_forms, canonical_agency, is_agency, split_agencies
from ingest.model import Document
from ingest.policy_text import normalize_number, reading_view
from ingest.policy_segments import read_fields, segment_policies


def _segs(text: str):
    return segment_policies(reading_view(text).text)


def _facts(text: str, kind: str):
    d = Document("d", "d.txt", text)
    out = policy.extract(d)
    out.extend(tasks.extract(d))
    return [f for f in out.facts if f.type == kind]


# ---- headers ------------------------------------------------------------------------------
def test_title_after_and_before_the_number():
    after = _segs("岚州市教育局文件\n\n岚教发〔2023〕3号\n\n岚州市教育局关于做好招生工作的通知\n\n各县（市、区）教育局：\n")
    before = _segs("岚州市教育局关于做好招生工作的通知\n岚教发〔2023〕3号\n各县（市、区）教育局：\n正文。\n")
    for segs in (after, before):
        assert [(s.number, s.title, [n for n, _, _ in s.issuers]) for s in segs] == [
            ("岚教发〔2023〕3号", "岚州市教育局关于做好招生工作的通知", ["岚州市教育局"])]


def test_misprinted_numbers():
    assert normalize_number("青教职成〔201419号") == normalize_number("青教职成〔2014〕19号")
    assert normalize_number("岚政办[2007]119號") == normalize_number("岚政办〔2007〕119号")
    assert normalize_number("发改社会﹝2020﹞1558号") == "发改社会(2020)1558号"
    segs = _segs("青岚省人民政府办公厅关于印发实施方案的通知\n\n青政办发〔2023〕21号号\n\n各市人民政府：\n")
    assert segs[0].key == normalize_number("青政办发〔2023〕21号")


def test_web_furniture_is_ignored_and_metadata_fields_are_read():
    text = ("来源：岚州市教育局\n发布日期：2023-05-06\n浏览次数：88\n"
            "索引号 | 001/2023-01 | 主题分类 | 教育\n发文机关 | 岚州市教育局 岚州市财政局 | 成文日期 | 2023年05月02日\n"
            "标题 | 关于开展职业教育活动周的通知\n文号 | 岚教发〔2023〕11号 | 发布日期 | 2023年05月06日\n\n"
            "关于开展职业教育活动周的通知\n\n各县（市、区）教育局：\n现将有关事项通知如下。\n")
    fields = read_fields(text)
    assert fields["number"][0] == "岚教发〔2023〕11号" and fields["issuer"][0] == "岚州市教育局 岚州市财政局"
    [seg] = _segs(text)
    assert (seg.number, seg.title, [n for n, _, _ in seg.issuers], seg.date) == (
        "岚教发〔2023〕11号", "关于开展职业教育活动周的通知", ["岚州市教育局", "岚州市财政局"], "2023-05-02")


def test_issuers_of_joint_documents_and_prefixes():
    cases = {
        "国家发展改革委办公厅、教育部办公厅关于印发试点名单的通知": ["国家发展改革委办公厅", "教育部办公厅"],
        "青岚省发展改革委 省教育厅 省财政厅等8部门关于印发实施方案的通知": ["青岚省发展改革委", "省教育厅", "省财政厅"],
        "岚州市人民政府印发关于推进改革的实施方案的通知": ["岚州市人民政府"],
        "岚州市教育局岚州市人力资源和社会保障局关于同意成立职业教育集团的批复": ["岚州市教育局", "岚州市人力资源和社会保障局"],
    }
    for title, want in cases.items():
        [seg] = _segs(f"{title}\n\n各有关单位：\n正文。\n")
        assert [n for n, _, _ in seg.issuers] == want, title


def test_issuer_from_the_signature_and_the_printing_line():
    [seg] = _segs("关于开展技能竞赛的通知\n\n各学校：\n正文。\n\n岚州市教育局\n2023年5月8日\n")
    assert [n for n, _, _ in seg.issuers] == ["岚州市教育局"] and seg.date == "2023-05-08"


def test_traditional_page_with_pinyin_and_spam():
    text = ("青嵐省教育廳關於推進產教融合的通(tōng)知\n\n各市教育局：\n"
            "廣告詞一、總體要求\n廣告詞二、重點任務\n廣告詞（三）組織實施\n")
    [seg] = _segs(text)
    assert seg.title == "青岚省教育厅关于推进产教融合的通知"
    [f] = [f for f in _facts(text, "ISSUED_BY")]
    assert f.target.name == "青岚省教育厅" and text[f.evidence.start:f.evidence.end].startswith("青嵐省")


# ---- lineage ------------------------------------------------------------------------------
def test_several_citations_in_one_sentence_each_implement():
    text = ("岚政发〔2023〕6号\n\n岚州市人民政府关于推进职业教育发展的实施意见\n\n各县人民政府：\n"
            "为贯彻落实《国务院关于加快职业教育发展的决定》（国发〔2014〕19号）、《青岚省人民政府关于推进职业教育的意见》"
            "（青政发〔2022〕8号）和《青岚省职业教育条例》精神，提出如下意见。\n")
    targets = {f.target.name for f in _facts(text, "IMPLEMENTS")}
    assert targets == {"国发〔2014〕19号", "青政发〔2022〕8号", "青岚省职业教育条例"}
    issued = {(f.source.name, f.target.name) for f in _facts(text, "ISSUED_BY")}
    assert ("国发〔2014〕19号", "国务院") in issued and ("青政发〔2022〕8号", "青岚省人民政府") in issued


def test_forwarding_implements_and_the_issuers_before_a_cited_title():
    text = ("岚州市教育局转发青岚省教育厅等部门关于推进综合育人的通知\n\n各县（市、区）教育局：\n"
            "现将青岚省教育厅、青岚省总工会《关于推进综合育人的通知》（青教职成〔2023〕11号）转发给你们，请贯彻落实。\n")
    assert {f.target.name for f in _facts(text, "IMPLEMENTS")} == {"青教职成〔2023〕11号"}
    issued = {(f.source.name, f.target.name) for f in _facts(text, "ISSUED_BY")}
    assert {("青教职成〔2023〕11号", "青岚省教育厅"), ("青教职成〔2023〕11号", "青岚省总工会")} <= issued


# ---- targets ------------------------------------------------------------------------------
def test_every_quantified_clause_is_a_target():
    text = ("岚教发〔2023〕2号\n\n岚州市教育局关于印发行动计划的通知\n\n各学校：\n"
            "力争到2025年，建设5个实训基地，培育10家产教融合型企业，建成3个产业学院，"
            "就业率达到95%以上，年培训达到2万人次，开发30门课程。\n")
    facts = _facts(text, "HAS_TARGET")
    assert sorted(f.target.properties["quantity"] for f in facts) == [2, 3, 5, 10, 30, 95]
    assert {f.target.properties["year"] for f in facts} == {2025}
    assert len({(f.evidence.start, f.evidence.end) for f in facts}) == 6


def test_five_year_plan_end_and_years_of_effort():
    text = ("岚教发〔2023〕2号\n\n岚州市教育局关于推进改革的通知\n\n各学校：\n"
            "到“十四五”末，建成10个示范专业。经过3年努力，培育20家产教融合型企业。\n\n岚州市教育局\n2023年3月1日\n")
    got = {(f.target.properties["quantity"], f.target.properties["year"]) for f in _facts(text, "HAS_TARGET")}
    assert got == {(10, 2025), (20, 2026)}


def test_targets_a_news_page_reports_for_a_cited_policy():
    text = "教育部日前印发《关于深入推进职业教育集团化办学的意见》提出，到2020年，初步建成300个骨干职业教育集团。"
    [f] = _facts(text, "HAS_TARGET")
    assert f.source.name == "关于深入推进职业教育集团化办学的意见" and f.target.properties["quantity"] == 300
    assert ("关于深入推进职业教育集团化办学的意见", "教育部") in {(x.source.name, x.target.name) for x in _facts(text, "ISSUED_BY")}


# ---- measures and departments -------------------------------------------------------------
HEAD = "岚教发〔2023〕5号\n\n岚州市教育局关于推进工作的实施方案\n\n各县（市、区）教育局：\n"


def _resp(text: str) -> set[tuple[str, str, str]]:
    return {(f.source.name, f.target.name, f.properties.get("role")) for f in _facts(text, "RESPONSIBLE_FOR")}


def test_trailing_forms_give_roles():
    text = HEAD + ("一、重点任务\n（一）加强专业建设。动态调整专业。（牵头单位：市教育局；配合单位：市发改委、市财政局）\n"
                   "（二）推行学徒制。联合培养。（市人社局牵头，市教育局配合）\n"
                   "（三）加大投入。保障经费。[责任单位：市财政局]\n")
    assert _resp(text) == {("岚州市教育局", "加强专业建设", "牵头"), ("岚州市发改委", "加强专业建设", "配合"),
                           ("岚州市财政局", "加强专业建设", "配合"), ("岚州市人社局", "推行学徒制", "牵头"),
                           ("岚州市教育局", "推行学徒制", "配合"), ("岚州市财政局", "加大投入", "责任")}


def test_listed_tasks_and_departments_in_words():
    text = HEAD + ("一、加强组织领导。一是成立工作专班，由市教育局牵头，市财政局配合；二是各县（市、区）教育局要明确专人负责。\n"
                   "二、强化协同。市教育局会同市经信委建立协调机制。\n")
    names = {f.target.name for f in _facts(text, "HAS_MEASURE")}
    assert names == {"成立工作专班", "各县（市、区）教育局要明确专人负责", "强化协同"}
    assert _resp(text) == {("岚州市教育局", "成立工作专班", "牵头"), ("岚州市财政局", "成立工作专班", "配合"),
                           ("各县（市、区）教育局", "各县（市、区）教育局要明确专人负责", "责任"),
                           ("岚州市教育局", "强化协同", "牵头"), ("岚州市经信委", "强化协同", "配合")}


def test_section_headings_are_not_measures():
    text = HEAD + ("一、总体要求\n（一）指导思想。坚持以人为本。\n（二）基本原则。坚持统筹。\n（三）总体目标。到2025年，建成5个基地。\n"
                   "二、重点任务\n（一）建设实训基地。统筹建设。\n")
    assert {f.target.name for f in _facts(text, "HAS_MEASURE")} == {"建设实训基地"}


def test_task_tables_one_cell_per_line_and_between_pipes():
    per_line = HEAD + "\n任务分工\n\n序号\n工作任务\n牵头单位\n配合单位\n1\n建设实训基地\n市教育局\n市财政局\n2\n培育企业\n市发改委\n市教育局\n"
    piped = HEAD + ("\n任务清单\n\n| 序号 | 工作任务 | 主要内容 | 责任单位 |\n| --- | --- | --- | --- |\n"
                    "| 1 | 建设实训基地 | 统筹建设 | 市教育局 |\n| 2 | 培育企业 | 建立培育库 | 市发改委、市教育局 |\n")
    assert _resp(per_line) == {("岚州市教育局", "建设实训基地", "牵头"), ("岚州市财政局", "建设实训基地", "配合"),
                               ("岚州市发改委", "培育企业", "牵头"), ("岚州市教育局", "培育企业", "配合")}
    assert _resp(piped) == {("岚州市教育局", "建设实训基地", "责任"), ("岚州市发改委", "培育企业", "责任"),
                            ("岚州市教育局", "培育企业", "责任")}


def test_one_department_node_for_every_form():
    text = HEAD + "一、重点任务\n（一）加强建设。统筹。（责任单位：市发改委）\n（二）培育企业。统筹。（责任单位：市发展和改革委员会）\n"
    keys = {f.source.properties["key"] for f in _facts(text, "RESPONSIBLE_FOR")}
    assert len(keys) == 1


# ---- the government-body vocabulary -------------------------------------------------------
def test_forms_of_a_kind_are_one_canonical_body():
    city = {"市": "岚州市", "省": "青岚省"}
    for forms, want in (
        (("市发改委", "市发展改革委", "岚州市发展和改革委员会"), "岚州市发展和改革委员会"),
        (("市经信局", "市经济和信息化局"), "岚州市经济和信息化局"),
        (("市人社局", "市人力社保局", "市人力资源和社会保障局"), "岚州市人力资源和社会保障局"),
        (("省人社厅", "省人力资源社会保障厅"), "青岚省人力资源和社会保障厅"),
        (("市教体局", "市教育体育局"), "岚州市教育体育局"),
        (("市市场监管局",), "岚州市市场监督管理局"),
        (("市退役军人事务局",), "岚州市退役军人事务局"),
        (("团市委",), "共青团岚州市委员会"),
    ):
        assert {canonical_agency(f, city) for f in forms} == {want}, forms


def test_ministries_are_the_same_body_everywhere():
    assert canonical_agency("人社部") == canonical_agency("人力资源社会保障部", {"市": "岚州市"}) == "人力资源和社会保障部"
    assert canonical_agency("工信部") == "工业和信息化部"
    assert canonical_agency("国家发改委") == canonical_agency("国家发展改革委") == "国家发展和改革委员会"
    assert canonical_agency("国务院国资委") == "国务院国有资产监督管理委员会"
    assert canonical_agency("国办") == "国务院办公厅"


def test_is_agency_and_forms_and_split():
    assert all(is_agency(n) for n in ("市发改委", "管委会", "国资委", "岚州市总工会", "县妇联", "市残联", "教育部"))
    assert not is_agency("教育部门") and not is_agency("岚州职业技术学院")
    assert "发改委" in agency_forms("发展和改革委员会")
    assert split_agencies("岚州市教育局岚州市财政局") == ["岚州市教育局", "岚州市财政局"]
