"""Policy shapes read in the seventh round of issue 10 (developed on heldout17–20): short
real-shaped texts with invented bodies, titles and numbers, each written for the shape, not copied
from a set."""

from __future__ import annotations

import pytest

from ingest.policy_parties import STATED_RESPONSIBLE, cell_roles, led_together, stated_roles
from ingest.policy_text import reading_view
from tests.test_policy_round5 import _duties, _pairs
from tests.test_policy_shapes import _segs


# ---- one rule for a label written as the role word alone -----------------------------------
@pytest.mark.parametrize("text, want", [
    ("（牵头：市人社局；配合：市教育局、市财政局）", {("市人社局", "牵头"), ("市教育局", "配合"), ("市财政局", "配合")}),
    ("【责任科室：职教科；协同：各县（区）教育局】", {("职教科", "责任"), ("各县(区)教育局", "配合")}),
    ("（牵头处室：规划处；协助：财务处）", {("规划处", "牵头"), ("财务处", "配合")}),
    ("（主责：县人社局；协办：县总工会）", {("县人社局", "牵头"), ("县总工会", "配合")}),
])
def test_a_bare_role_word_labels_its_list_wherever_it_stands(text, want):
    m = STATED_RESPONSIBLE.search("建设公共实训基地。" + text)
    assert m is not None and set(stated_roles(m)) == want


def test_a_bare_label_on_a_line_of_its_own():
    m = STATED_RESPONSIBLE.search("协同：县教育局、县科技局")
    assert m is not None and set(stated_roles(m)) == {("县教育局", "配合"), ("县科技局", "配合")}


def test_a_led_list_inside_a_label_keeps_its_roles():
    """（责任单位：X牵头，Y、Z配合；完成时限：…）: the led form inside the label says who leads."""
    m = STATED_RESPONSIBLE.search("（责任单位：市发改委牵头，市工信局、市财政局配合；完成时限：持续推进）")
    assert m is not None
    assert set(stated_roles(m)) == {("市发改委", "牵头"), ("市工信局", "配合"), ("市财政局", "配合")}


# ---- a web page naming its notice in a 名称： field, the plan after the signature ------------
PAGE = ("索引号：XX-2034-00021\t发布机构：榕川市人民政府\n"
        "发文字号：榕政〔2034〕4号\n"
        "名称：榕川市人民政府关于印发榕川市技能人才培育行动计划的通知\n"
        "来源：市政府办\t浏览次数：120\n"
        "各县（市、区）人民政府，市直各单位：\n"
        "现将《榕川市技能人才培育行动计划》印发给你们，请认真组织实施。\n"
        "榕川市人民政府\n"
        "2034年2月3日\n"
        "榕川市技能人才培育行动计划\n"
        "为落实《椒川省技能人才发展规划》（椒人社发〔2033〕9号），制定本行动计划。\n"
        "到2030年，全市新增高技能人才2万人，建成市级技能大师工作室30个。\n"
        "一是扩大技能培训规模。面向重点群体开展补贴性培训。（责任单位：市人社局、市财政局）\n"
        "二是建设公共实训基地。依托园区建设共享实训基地。（责任单位：市人社局牵头，市教育局配合；完成时限：2031年）\n"
        "各地各部门要细化工作措施，每半年报送工作进展。\n")


def test_the_name_field_titles_the_notice_and_the_plan_owns_its_text():
    seg = _segs(PAGE)[0]
    assert seg.title == "榕川市人民政府关于印发榕川市技能人才培育行动计划的通知"
    assert seg.number == "榕政〔2034〕4号"
    targets = {s for s, _ in _pairs(PAGE, "HAS_TARGET")}
    assert targets == {"榕川市技能人才培育行动计划"}
    assert ("榕川市技能人才培育行动计划", "椒人社发〔2033〕9号") in _pairs(PAGE, "IMPLEMENTS")
    assert ("榕川市技能人才培育行动计划", "榕川市人民政府") in _pairs(PAGE, "ISSUED_BY")


def test_lines_opening_yishi_erhshi_are_the_plans_measures():
    measures = {(s, t) for s, t in _pairs(PAGE, "HAS_MEASURE")}
    assert measures == {("榕川市技能人才培育行动计划", "扩大技能培训规模"), ("榕川市技能人才培育行动计划", "建设公共实训基地")}
    assert _duties(PAGE, "建设公共实训基地") == {("榕川市人社局", "牵头"), ("榕川市教育局", "配合")}
    assert _duties(PAGE, "扩大技能培训规模") == {("榕川市人社局", "责任"), ("榕川市财政局", "责任")}


# ---- a task breakdown table issued by a notice: its 具体措施 column names the measures ---------
BREAKDOWN = ("椒岭县人民政府办公室关于印发椒岭县技能培训任务分解表的通知\n"
             "椒政办〔2034〕6号\n"
             "各乡镇人民政府，县直各单位：\n"
             "现将《椒岭县技能培训任务分解表》印发给你们，请认真抓好落实。\n"
             "椒岭县人民政府办公室\n"
             "2034年3月9日\n"
             "椒岭县技能培训任务分解表\n"
             "序号\t工作任务\t具体措施\t完成时限\t牵头单位\t配合单位\n"
             "1\t扩大培训规模\t每年开展补贴性职业技能培训5000人次\t每年\t县人社局\t县财政局\n"
             "2\t建设实训基地\t在县工业园建设公共实训基地\t2032年底\t县工业园管委会\t县人社局、县教育局\n"
             "力争到2030年，全县技能人才总量达到3万人。\n")


def test_a_breakdown_table_after_the_date_is_the_issued_plans():
    owners = {s for s, _ in _pairs(BREAKDOWN, "HAS_MEASURE")}
    assert owners == {"椒岭县技能培训任务分解表"}
    assert {s for s, _ in _pairs(BREAKDOWN, "HAS_TARGET")} == {"椒岭县技能培训任务分解表"}


def test_the_measures_column_beside_a_task_column_names_the_measure():
    measures = {t for _, t in _pairs(BREAKDOWN, "HAS_MEASURE")}
    assert measures == {"每年开展补贴性职业技能培训5000人次", "在县工业园建设公共实训基地"}
    assert _duties(BREAKDOWN, "在县工业园") == {("椒岭县工业园管委会", "牵头"), ("椒岭县人社局", "配合"),
                                            ("椒岭县教育局", "配合")}


# ---- a task list one cell per line with a 责任领导 column -------------------------------------
CELLS = ("榕川市蕉岗区人民政府关于印发蕉岗区职业培训实施方案的通知\n"
         "蕉政发〔2034〕3号\n"
         "各街道办事处，区政府各部门：\n"
         "现将《蕉岗区职业培训实施方案》印发给你们，请认真贯彻执行。\n"
         "榕川市蕉岗区人民政府\n"
         "2034年5月6日\n"
         "蕉岗区职业培训实施方案\n"
         "重点任务分解\n"
         "序号\n任务\n责任领导\n牵头单位\n责任单位\n"
         "1\n开展订单培训\n区政府分管副区长\n区人社局\n区教育局、各街道办事处\n"
         "2\n建设培训基地\n区政府分管副区长\n区教育局\n区财政局\n"
         "各牵头单位要会同责任单位制定年度计划。\n")


def test_a_leader_column_of_a_one_cell_per_line_list_names_no_body():
    measures = {t for _, t in _pairs(CELLS, "HAS_MEASURE")}
    assert measures == {"开展订单培训", "建设培训基地"}
    duties = _duties(CELLS, "开展订单培训")
    assert ("榕川市蕉岗区人社局", "牵头") in duties and ("榕川市蕉岗区教育局", "责任") in duties
    assert not any("副区长" in p for p, _ in duties)


# ---- X会同Y: X leads, Y helps --------------------------------------------------------------
def test_together_in_a_bracket_leads_and_helps():
    text = "2.扩大培训供给。支持职业院校承担补贴培训项目。（教育部、人力资源社会保障部会同国家发展改革委负责）"
    m = STATED_RESPONSIBLE.search(text)
    assert m is not None
    assert stated_roles(m) == [("教育部", "牵头"), ("人力资源社会保障部", "牵头"), ("国家发展改革委", "配合")]


def test_together_in_a_cell_leads_and_helps():
    assert cell_roles("省人社厅会同省教育厅、省财政厅") == [("省人社厅", "牵头"), ("省教育厅", "配合"),
                                                         ("省财政厅", "配合")]
    assert led_together("龙头企业会同合作院校") == []  # not bodies of government: no duty stated


def test_a_body_that_guides_the_responsible_ones_helps():
    m = STATED_RESPONSIBLE.search("支持县级技工学校创建重点学校。（各县（市、区）人民政府负责，市人社局指导）")
    assert m is not None
    assert set(stated_roles(m)) == {("各县(市、区)人民政府", "责任"), ("市人社局", "配合")}


# ---- headers: the issuer on its own line above a 转发 title; a date in brackets under the number
def test_an_issuer_line_above_a_forwarding_title_opens_the_title():
    text = ("椒岭县人民政府办公室\n"
            "转发榕川市人民政府办公室关于做好技能培训工作的通知\n"
            "椒政办转〔2034〕2号\n"
            "各乡镇人民政府，县政府各部门：\n"
            "现将《榕川市人民政府办公室关于做好技能培训工作的通知》（榕政办发〔2034〕7号）转发给你们，请认真贯彻落实。\n"
            "椒岭县人民政府办公室\n"
            "2034年4月2日\n")
    seg = _segs(text)[0]
    assert seg.title == "椒岭县人民政府办公室转发榕川市人民政府办公室关于做好技能培训工作的通知"
    assert [n for n, _, _ in seg.issuers] == ["椒岭县人民政府办公室"]


def test_a_date_in_brackets_under_the_number_is_no_title():
    text = ("中共椒川省委 椒川省人民政府\n"
            "关于推进技能型社会建设的实施意见\n"
            "椒发〔2034〕9号\n"
            "（2034年4月2日）\n"
            "为深入贯彻落实国家关于技能型社会建设的部署，结合我省实际，现提出如下实施意见。\n"
            "一、主要任务\n"
            "（一）扩大培训规模。面向重点群体开展培训。（省人力资源社会保障厅牵头，省财政厅配合）\n")
    seg = _segs(text)[0]
    assert seg.title == "中共椒川省委 椒川省人民政府关于推进技能型社会建设的实施意见"
    assert [n for n, _, _ in seg.issuers] == ["中共椒川省委", "椒川省人民政府"]
    assert seg.date == "2034-04-02"


# ---- a 一是/二是 task whose party is the subject of its next clause -----------------------------
# A county plan's title, its issuer and date in brackets, its first heading.
_COUNTY_PLAN_HEAD = "椒岭县技能培训提升行动方案\n（椒岭县人民政府办公室 2034年1月8日印发）\n一、重点任务\n"


def test_a_listed_task_takes_the_subject_of_its_next_clause():
    text = (_COUNTY_PLAN_HEAD +
            "1.深化校企合作。一是推行订单培养，由县教育局牵头，县人社局配合；二是建设共享实训基地，县财政局要落实建设资金。\n")
    assert _duties(text, "推行订单培养") == {("椒岭县教育局", "牵头"), ("椒岭县人社局", "配合")}
    assert _duties(text, "建设共享实训基地") == {("椒岭县财政局", "责任")}


def test_a_body_that_guides_in_words_helps():
    text = (_COUNTY_PLAN_HEAD +
            "（一）建设乡村培训站点。在各乡镇建设技能培训站点，由各乡镇人民政府负责，县人社局指导。\n")
    assert _duties(text, "建设乡村培训站点") == {("各乡镇人民政府", "责任"), ("椒岭县人社局", "配合")}


def test_a_contact_column_of_a_one_cell_per_line_list_names_no_body():
    text = ("椒岭县技能培训重点任务清单\n"
            "（椒岭县人民政府办公室 2034年1月8日印发）\n"
            "序号\n工作任务\n牵头单位\n配合单位\n联系人\n"
            "1\n开展订单培训\n县人社局\n县教育局\n李某\n"
            "2\n建设培训基地\n县教育局\n县财政局\n王某\n"
            "各牵头单位要按月报送进展。\n")
    assert {t for _, t in _pairs(text, "HAS_MEASURE")} == {"开展订单培训", "建设培训基地"}
    assert _duties(text, "开展订单培训") == {("椒岭县人社局", "牵头"), ("椒岭县教育局", "配合")}


def test_x_together_with_y_responsible_closing_a_task_without_you():
    from ingest.policy_parties import duty_run

    assert duty_run("推动县职业中专与园区企业共建实训车间3个，县教育局职成股会同县工信局负责") == [
        ("县教育局职成股", "牵头"), ("县工信局", "配合")]
    assert duty_run("新增专业向先进制造倾斜。市教育局会同市发改委、市工信局负责") == [
        ("市教育局", "牵头"), ("市发改委", "配合"), ("市工信局", "配合")]
    assert duty_run("省教育厅要会同有关部门开展年度监测评估") == []  # a duty inside a closing sentence


def test_a_cell_or_bracket_stating_by_whom_with_you():
    assert cell_roles("由区教育局负责，各街道办事处配合") == [("区教育局", "责任"), ("各街道办事处", "配合")]
    assert cell_roles("省教育厅（牵头）、省财政厅") == [("省教育厅", "牵头"), ("省财政厅", None)]
    bracket = STATED_RESPONSIBLE.search("支持各市新建技工院校。（由省人社厅负责，省教育厅配合）")
    assert stated_roles(bracket) == [("省人社厅", "责任"), ("省教育厅", "配合")]


WEB_NOTICE = ("当前位置:首页 > 政策文件\n\n"
              "    澜江壮族自治区人民政府办公厅关于印发 《澜江壮族自治区市域产教联合体建设 指导意见》等2个指导意见的通知 (澜政办发〔2033〕70号)\n\n"
              "    2033-10-15 17:30     来源:澜江壮族自治区人民政府门户网站\n    【字体: 打印\n\n"
              "    各市、县人民政府，自治区人民政府各组成部门：\n\n"
              "    《澜江壮族自治区市域产教联合体建设指导意见》、《澜江壮族自治区行业产教融合共同体建设指导意见》"
              "等2个指导意见已经自治区人民政府同意，现印发给你们，请结合实际认真贯彻落实。\n\n    2033年10月6日\n\n"
              "    澜江壮族自治区市域产教联合体建设指导意见\n\n"
              "    为贯彻落实中共中央办公厅、国务院办公厅印发的《关于深化职业教育改革的意见》有关部署及教育部、自治区人民政府"
              "联合印发的《推动产教融合创新高地实施方案》有关要求，制定本指导意见。\n")


def test_a_web_notice_issuing_several_documents_with_buttons_under_its_title():
    seg, = _segs(WEB_NOTICE)
    assert seg.number == "澜政办发〔2033〕70号"  # the 【字体 button line does not end the notice
    assert seg.title == "澜江壮族自治区人民政府办公厅关于印发《澜江壮族自治区市域产教联合体建设指导意见》等2个指导意见的通知"
    assert [n for n, _, _ in seg.issuers] == ["澜江壮族自治区人民政府办公厅"]
    assert seg.end == len(reading_view(WEB_NOTICE).text)
    from tests.test_policy_round5 import _facts

    issued = {f.target.properties.get("key", f.target.name) for f in _facts(WEB_NOTICE, "ISSUED_BY")
              if f.source.name == "推动产教融合创新高地实施方案"}
    assert issued == {"教育部", "澜江壮族自治区人民政府"}  # both, after 有关部署及; 自治区 spelled out
    implements = {t for s, t in _pairs(WEB_NOTICE, "IMPLEMENTS") if s == "澜江壮族自治区市域产教联合体建设指导意见"}
    assert implements == {"关于深化职业教育改革的意见", "推动产教融合创新高地实施方案"}


def test_the_bodies_that_approved_a_list_issue_it():
    from ingest.policy import context_issuers

    text = ("各市（州）发改委、教育局：\n按照《澜江省产教融合型企业实施细则》工作要求，经省发改委、省教育厅、省人社厅等8部门联合审议通过，"
            "现将《澜江省首批产教融合型企业名单》印发给你们。\n")
    assert [n for n, _ in context_issuers(text, text.index("《澜江省首批"))] == ["省发改委", "省教育厅", "省人社厅"]
    plain = "经研究，现将《澜江省首批产教融合型企业名单》印发给你们。"
    assert context_issuers(plain, plain.index("《")) == []


def test_a_title_wrapped_inside_its_quoted_title_above_the_number():
    text = ("澜州市教育局 澜州市财政局关于转发《澜江省职业学校办学能力提升\n行动方案（2034—2037年）》的通知\n"
            "澜教发〔2034〕8号\n各县（市、区）教育局、财政局：\n现将《澜江省职业学校办学能力提升行动方案（2034—2037年）》转发给你们。\n")
    seg, = _segs(text)
    assert seg.title == "澜州市教育局 澜州市财政局关于转发《澜江省职业学校办学能力提升行动方案（2034—2037年）》的通知"
    assert [n for n, _, _ in seg.issuers] == ["澜州市教育局", "澜州市财政局"]


def test_unnumbered_plans_opening_the_page_with_issuer_and_date_or_with_their_text():
    signed = ("澜溪县职业教育三年行动计划（2035—2037年）\n澜溪县人民政府办公室\n2035年4月3日\n"
              "为落实《澜江省职业教育发展实施方案》，制定本计划。\n一、行动目标\n到2037年，开设县域特色专业5个。\n")
    seg, = _segs(signed)
    assert seg.title == "澜溪县职业教育三年行动计划（2035—2037年）"
    assert [n for n, _, _ in seg.issuers] == ["澜溪县人民政府办公室"] and seg.date == "2035-04-03"
    points = ("澜溪县人力资源和社会保障局2035年技能人才工作要点\n2035年，县人力资源和社会保障局将认真贯彻落实上级部署。\n"
              "一、主要目标\n全年新增高技能人才800人。\n")
    seg, = _segs(points)
    assert seg.title == "澜溪县人力资源和社会保障局2035年技能人才工作要点"
    assert [n for n, _, _ in seg.issuers] == ["澜溪县人力资源和社会保障局"]
    assert _segs("澜溪县教育局召开2035年工作会议\n2035年，全县教育系统取得新成绩。\n") == ()  # news, no plan
