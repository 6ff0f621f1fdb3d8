"""Policy shapes read in the sixth round of issue 10 (developed on heldout17–20, now develop data):
short real-shaped texts with invented bodies, titles and numbers, each written for the shape, not
copied from a set."""

from __future__ import annotations

from tests.test_policy_round5 import _duties, _pairs
from tests.test_policy_shapes import _segs

# ---- a plan titled alone, its issuers and date in brackets under the title ------------------
LIST = ("椒岭县职业技能提升工作任务清单\n"
        "（中共椒岭县委办公室 椒岭县人民政府办公室 2034年4月2日印发）\n"
        "为贯彻落实《榕川市人民政府关于印发榕川市职业技能提升实施方案的通知》（榕府发〔2034〕3号）精神，"
        "到2030年，县职业中学在校生达到1800人。现将工作任务清单印发如下，请认真落实。\n"
        "| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 1 | 建设县级公共实训基地 | 县人社局 | 县财政局、县住建局 | 2035年 |\n"
        "| 2 | 开展新型学徒制培训 | 县人社局 | 县工信局 | 每年 |\n"
        "各责任单位要明确专人，按月报送进展，确保各项任务按期完成，县政府督查室跟踪督办。\n")


def test_issuers_in_brackets_under_a_title_sign_the_plan():
    seg = _segs(LIST)[0]
    assert seg.title == "椒岭县职业技能提升工作任务清单"
    assert [n for n, _, _ in seg.issuers] == ["中共椒岭县委办公室", "椒岭县人民政府办公室"]
    assert seg.date == "2034-04-02"


def test_a_list_after_a_sentence_citing_a_policy_is_the_plans_own():
    """The sentence before the table cites a notice; the table is the plan's, not the notice's."""
    owners = {s for s, _ in _pairs(LIST, "HAS_MEASURE")}
    assert owners == {"椒岭县职业技能提升工作任务清单"}
    assert _duties(LIST, "建设县级公共实训基地") == {("椒岭县人社局", "牵头"), ("椒岭县财政局", "配合"),
                                               ("椒岭县住建局", "配合")}


# ---- a markdown table whose task has a second row of its own -------------------------------
TABLE = ("榕川市技能培训工作方案\n"
         "（榕川市人民政府办公室2034年3月1日印发）\n"
         "一、主要任务\n"
         "| 序号 | 任务名称 | 工作措施 | 牵头单位 | 配合单位 |\n"
         "| --- | --- | --- | --- | --- |\n"
         "| 1 | 提升培训供给 | 公布市级培训机构目录，实行动态管理 | 市人社局 | 市教育局 |\n"
         "|  |  | 支持职业院校面向社会开展培训 | 市教育局 | 市人社局 |\n"
         "| 2 | 加强过程监管 | 推广培训监管服务平台 | 市人社局 | 市财政局 |\n"
         "二、工作要求\n"
         "各县（市、区）要明确专人负责，细化时间节点，按季度报送工作进展情况。\n")


def test_an_unnumbered_row_naming_its_own_lead_is_a_measure_of_its_own():
    measures = {t for _, t in _pairs(TABLE, "HAS_MEASURE")}
    assert any(t.startswith("支持职业院校面向社会开展培训") for t in measures)
    assert not any("动态管理支持" in t for t in measures)
    assert _duties(TABLE, "支持职业院校") == {("榕川市教育局", "牵头"), ("榕川市人社局", "配合")}
    assert _duties(TABLE, "公布市级培训机构目录") == {("榕川市人社局", "牵头"), ("榕川市教育局", "配合")}


# ---- a title with its number in brackets on the same line; duties in labels and words -------
OPINION = ("椒川省人力资源和社会保障厅关于推进技工院校发展的意见（椒人社发〔2034〕5号）\n"
           "发布时间：2034-03-15　　信息来源：技工院校管理处\n"
           "各市（州）人力资源社会保障局，各技工院校：\n"
           "为深入贯彻《人力资源社会保障部关于推进技工教育发展的意见》（人社部发〔2033〕9号），现提出以下意见。\n"
           "（一）优化院校布局。推动县级技工学校资源整合。此项工作由省人社厅（技工院校管理处）负责，"
           "各市（州）人力资源社会保障局具体落实。\n"
           "（二）深化教学改革。推行一体化课程。省人社厅牵头，省教育厅、省财政厅给予支持。\n"
           "（三）推进校企共建。共建产业学院。（牵头：省人社厅职业能力建设处；配合：省国资委）\n"
           "（四）落实同等待遇。落实毕业生同等待遇。（责任处室：省人社厅就业促进处，协助：各市（州）人力资源社会保障局）\n"
           "椒川省人力资源和社会保障厅\n"
           "2034年3月10日\n")


def test_a_title_with_its_number_in_brackets_on_one_line():
    seg = _segs(OPINION)[0]
    assert seg.number == "椒人社发〔2034〕5号"
    assert seg.title == "椒川省人力资源和社会保障厅关于推进技工院校发展的意见"
    assert [n for n, _, _ in seg.issuers] == ["椒川省人力资源和社会保障厅"]


def test_duties_in_words_and_in_bare_labels():
    assert _duties(OPINION, "优化院校布局") == {("椒川省人社厅", "责任"), ("各市（州）人力资源社会保障局", "责任")}
    assert _duties(OPINION, "深化教学改革") == {("椒川省人社厅", "牵头"), ("椒川省教育厅", "配合"),
                                          ("椒川省财政厅", "配合")}
    assert _duties(OPINION, "推进校企共建") == {("椒川省人社厅职业能力建设处", "牵头"), ("椒川省国资委", "配合")}
    duties = _duties(OPINION, "落实同等待遇")
    assert ("椒川省人社厅就业促进处", "责任") in duties
    assert not any(p.startswith("协助") for p, _ in duties)
