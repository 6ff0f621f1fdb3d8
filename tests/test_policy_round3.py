"""Policy shapes read in the third round of issue 10 (developed on the e4 development pages):
short real-shaped texts with invented bodies, titles and numbers."""

from __future__ import annotations

import pytest

from tests.test_policy_shapes import _facts, _segs


def _pairs(text: str, kind: str):
    return {(f.source.name, f.target.name) for f in _facts(text, kind)}


# ---- a notice printed without its title line ----------------------------------------------
ADDRESSED = ("来 源: | 临川市人民政府办公室 | 文 号: | 临市府发〔2031〕12号 | 浏 览 量: |\n"
             "各县（市、区）人民政府，市级有关部门：\n"
             "现将《临川市职业教育改革实施方案》印发你们，请认真抓好贯彻落实。\n"
             "临川市人民政府\n2031年11月30日\n"
             "临川市职业教育改革实施方案\n"
             "为加快发展，根据《北岭省人民政府关于印发北岭省职业教育改革实施方案的通知》（北府发〔2030〕14号）"
             "要求，结合我市实际，制定本实施方案。\n")


def test_an_addressed_notice_without_title_is_the_plan_it_issues():
    segs = _segs(ADDRESSED)
    assert [(s.number, s.title, [n for n, _, _ in s.issuers]) for s in segs] == [
        ("临市府发〔2031〕12号", "临川市职业教育改革实施方案", ["临川市人民政府"])]
    assert ("临市府发〔2031〕12号", "北府发〔2030〕14号") in _pairs(ADDRESSED, "IMPLEMENTS")


def test_yuyi_yinfa_and_the_grounds_of_the_notice():
    text = ("各高等职业院校：\n"
            "为贯彻落实《东川省教育厅关于建立诊断与改进制度的通知》（东教职〔2030〕2号），细化《东川省诊断与改进"
            "实施方案》（东教高〔2030〕3号），现将《东川省诊断与改进实施细则》予以印发，请认真执行。\n"
            "东川省教育厅\n2031年6月6日\n附件：\n东川省诊断与改进\n实施细则\n"
            "按照省教育厅《东川省诊断与改进实施方案》，特制定本实施细则。\n")
    segs = _segs(text)
    assert [(s.title, [n for n, _, _ in s.issuers]) for s in segs] == [("东川省诊断与改进实施细则", ["东川省教育厅"])]
    implements = _pairs(text, "IMPLEMENTS")
    assert {t for s, t in implements if s == "东川省诊断与改进实施细则"} == {"东教职〔2030〕2号", "东教高〔2030〕3号"}
    # 细化 names a ground, not a document the notice issues: the plan is not re-issued by it
    assert ("东教高〔2030〕3号", "东川省教育厅") in _pairs(text, "ISSUED_BY")


def test_an_addressee_line_alone_is_no_policy():
    assert _segs("各县（市、区）教育局：\n请于3月1日前报送材料。\n临川市教育局\n2031年1月2日\n") == ()


# ---- measures: an aims word inside a task ------------------------------------------------
def test_an_aims_word_further_on_in_a_task_keeps_it_a_task():
    text = ("临川市教育局关于做好试点工作的通知\n各县（市、区）教育局：\n现就有关事项通知如下：\n"
            "一、各地教育部门要发挥试点学校的示范引领作用，建立改革新机制，统筹开展试点，确保如期实现试点目标。\n"
            "二、总体目标\n到2032年，建成10所试点学校。\n")
    measures = [f.target.name for f in _facts(text, "HAS_MEASURE")]
    assert len(measures) == 1 and measures[0].startswith("各地教育部门要发挥试点学校")
    assert {s for s, _ in _pairs(text, "RESPONSIBLE_FOR")} == {"各地教育部门"}


# ---- targets: a range of past years is no target -----------------------------------------
def test_a_range_of_past_years_sets_no_target():
    text = ("临川市教育局关于推进合作的实施意见\n各县（市、区）教育局：\n"
            "2028至2030年连续三年招生增长，2030年招生3300人，在校生6700人。\n"
            "到2035年，建成20个以上实训基地。\n")
    assert [t for _, t in _pairs(text, "HAS_TARGET")] == ["到2035年，建成20个以上实训基地"]


# ---- issuers: the drafting body under a plan's title -------------------------------------
def test_the_drafting_body_above_the_bracketed_month_is_an_issuer():
    text = ("北政办〔2031〕226号\n"
            "各市（州）人民政府，省政府各部门：《北岭省中等职业教育发展规划（2031—2035年）》已经省人民政府同意，"
            "现印发给你们，请认真贯彻执行。\n北岭省人民政府办公厅\n二〇三一年十二月二十五日\n"
            "北岭省中等职业教育发展规划\n（2031—2035年）省教育厅\n（二〇三一年十二月）\n为加快发展，特制定本规划。\n")
    segs = _segs(text)
    assert [n for n, _, _ in segs[0].issuers] == ["北岭省人民政府办公厅", "省教育厅"]
    assert {t for s, t in _pairs(text, "ISSUED_BY") if s == "北政办〔2031〕226号"} == {"北岭省人民政府办公厅", "北岭省教育厅"}


# ---- news: plans named without 《》 ------------------------------------------------------
def test_a_news_page_names_plans_after_their_verb():
    from ingest.policy_cite import find_citations
    text = ("坚持组织化推动。在全省率先出台具有“临川辨识度”的职业教育提质增效工作实施方案，着力实施重点工程。\n"
            "坚持融合化发展。实施产教联合体高质量发展三年行动计划，依托产业优势，推动校企合作。\n")
    assert [c.title for c in find_citations(text)] == ["职业教育提质增效工作实施方案", "产教联合体高质量发展三年行动计划"]
    # inside a policy's own text the same words are tasks, not documents
    assert [c.title for c in find_citations("临教发〔2031〕3号\n临川市教育局关于推进合作的通知\n各学校：\n"
                                            "一、实施产教联合体高质量发展三年行动计划，推动校企合作。\n")] == []


# ---- responsible departments: national task divisions and tables -------------------------
def _roles(text: str):
    return {(f.source.name, f.target.name, f.properties["role"]) for f in _facts(text, "RESPONSIBLE_FOR")}


PLAN = ("北岭省人民政府办公厅关于印发职业教育提质行动方案的通知\n北政办发〔2031〕9号\n各市人民政府，省政府各部门：\n"
        "现将《北岭省职业教育提质行动方案》印发给你们，请认真贯彻执行。\n北岭省人民政府办公厅\n2031年4月1日\n"
        "北岭省职业教育提质行动方案\n")


def test_a_national_division_by_duty():
    text = ("职业教育改革重点工作分工方案\n各省、自治区、直辖市人民政府：\n"
            "（一）推进中等职业教育优质发展。实施达标工程。（教育部牵头，国家发展改革委、财政部等按职责分工负责）\n"
            "（二）推进高等职业教育提质培优。（教育部、人力资源社会保障部按职责分工负责）\n"
            "（三）落实地方责任。（各省级人民政府负责，2031年底前完成）\n"
            "（四）加强学校管理。（由学校负责）\n")
    assert _roles(text) == {
        ("教育部", "推进中等职业教育优质发展", "牵头"), ("国家发展改革委", "推进中等职业教育优质发展", "配合"),
        ("财政部", "推进中等职业教育优质发展", "配合"), ("教育部", "推进高等职业教育提质培优", "责任"),
        ("人力资源社会保障部", "推进高等职业教育提质培优", "责任"), ("各省级人民政府", "落实地方责任", "责任")}


def test_label_lines_keep_bracketed_names_and_stop_at_a_time_label():
    text = ("临川市人民政府关于推动职业教育高质量发展的实施意见\n临府发〔2031〕8号\n各县（市、区）人民政府：\n"
            "一、重点任务\n1.深化产教融合。建设10个市域产教联合体。\n责任单位：市教育局、各县（市、区）人民政府\n"
            "2.加强经费保障。落实生均拨款。（责任部门：市财政局 完成时限：2031年12月）\n"
            "3.加强师资队伍建设。一是实施教师素质提升计划（责任单位：市教育局）；二是完善兼职教师制度（责任单位：市人社局）。\n")
    roles = _roles(text)
    assert ("各县(市、区)人民政府", "深化产教融合", "责任") in roles
    assert ("临川市财政局", "加强经费保障", "责任") in roles and not any("时限" in s for s, _, _ in roles)
    assert ("临川市教育局", "实施教师素质提升计划", "责任") in roles
    assert ("临川市人社局", "完善兼职教师制度", "责任") in roles


def test_a_pipe_table_with_a_measures_column_under_its_task_group():
    text = PLAN + ("附件\n重点任务分工表\n| 序号 | 主要任务 | 具体措施 | 牵头单位 | 配合单位 |\n| --- | --- | --- | --- | --- |\n"
                   "| 1 | 优化布局 | 建设高水平专业群 | 省教育厅 | 省财政厅、省人力资源社会保障厅 |\n")
    assert _roles(text) == {("北岭省教育厅", "建设高水平专业群", "牵头"), ("北岭省财政厅", "建设高水平专业群", "配合"),
                            ("北岭省人力资源社会保障厅", "建设高水平专业群", "配合")}
    assert {f.target.properties.get("group") for f in _facts(text, "HAS_MEASURE")} == {"优化布局"}


def test_roles_a_cell_states_and_a_task_wrapping_onto_an_unnumbered_row():
    text = PLAN + ("附件\n任务分工\n序号\t工作任务\t责任单位\n1\t建设高水平专业群，打造一批\t省教育厅（牵头）、省财政厅\n"
                   "\t特色专业\t\n2\t推进校企合作\t省发展改革委牵头，省教育厅配合\n")
    assert _roles(text) == {
        ("北岭省教育厅", "建设高水平专业群，打造一批特色专业", "牵头"), ("北岭省财政厅", "建设高水平专业群，打造一批特色专业", "责任"),
        ("北岭省发展改革委", "推进校企合作", "牵头"), ("北岭省教育厅", "推进校企合作", "配合")}


# ---- headers: a bracketed number under the title; 等N部门 and the signature ----------------
def test_a_bracketed_number_under_the_title_heads_the_policy():
    segs = _segs("临川市人民政府办公室关于印发临川市职业教育改革实施方案的通知\n（临政办发〔2031〕15号）\n"
                 "各县（市、区）人民政府：\n现将实施方案印发给你们。\n")
    assert [(s.number, s.title) for s in segs] == [("临政办发〔2031〕15号", "临川市人民政府办公室关于印发临川市职业教育改革实施方案的通知")]
    # the number of a citation wrapped onto its own line heads nothing
    assert _segs("为落实《北岭省人民政府关于推进合作的通知》\n（北政发〔2031〕4号）\n精神，现通知如下。\n") == ()


def test_a_joint_title_with_deng_n_departments_takes_the_signature_list():
    text = ("东川省教育厅等三部门关于推进实训基地建设的通知\n东教联〔2031〕7号\n各市教育局：\n现就有关事项通知如下。\n"
            "东川省教育厅 东川省财政厅 东川省人力资源和社会保障厅\n2031年9月16日\n")
    assert [n for n, _, _ in _segs(text)[0].issuers] == ["东川省教育厅", "东川省财政厅", "东川省人力资源和社会保障厅"]


def test_metadata_cells_holding_key_and_value():
    from ingest.policy_segments import read_fields
    f = read_fields("索引号：xx/2032-00021 | 主题分类：教育 | 发布机构：临川市人民政府办公室\n"
                    "文号：临政办发〔2032〕7号 | 成文日期：2032-03-01 | 发布日期：2032-03-05\n")
    assert (f["number"][0], f["issuer"][0], f["date"][0]) == ("临政办发〔2032〕7号", "临川市人民政府办公室", "2032-03-01")


def test_a_second_list_in_the_same_bracket():
    text = ("职业技能提升重点任务分工方案\n各省人民政府：\n（一）落实资金保障。加强资金监管。（财政部、人力资源社会保障部按职责分工负责，"
            "各省级人民政府负责落实）\n")
    assert {s for s, _, _ in _roles(text)} == {"财政部", "人力资源社会保障部", "各省级人民政府"}


def test_a_number_row_the_page_cleaning_blanked_is_read_from_the_original():
    from ingest.policy_text import reading_view
    row = "文号：临政办发〔2032〕7号 | 成文日期：2032-03-01"
    original = row + "\n正文。\n"
    assert "临政办发〔2032〕7号" in reading_view(" " * len(row) + "\n正文。\n", original).text
    # round 5: every furniture line the cleaning blanked is read back (a title with the page's
    # 发布时间/来源 line under it is a document: tests/test_policy_round5.py); a blanked line that
    # is no furniture stays blank
    other = "浏览次数：35 | 发布日期：2032-03-05"
    assert other in reading_view(" " * len(other) + "\n正文。\n", other + "\n正文。\n").text
    spam = "更多精彩内容请关注"
    assert "精彩" not in reading_view(" " * len(spam) + "\n正文。\n", spam + "\n正文。\n").text


# ---- heldout4 shapes, stated as patterns --------------------------------------------------
def test_a_signature_over_two_lines_and_a_national_bureaus_local_branch():
    from ingest.agencies import split_agencies
    assert split_agencies("国家税务总局东川省税务局") == ["国家税务总局东川省税务局"]
    text = ("东川省教育厅等三部门关于推进实训基地建设的通知\n东教联〔2031〕7号\n各市教育局：\n现就有关事项通知如下。\n"
            "东川省教育厅　东川省财政厅\n国家税务总局东川省税务局\n2031年9月16日\n")
    assert [n for n, _, _ in _segs(text)[0].issuers] == ["东川省教育厅", "东川省财政厅", "国家税务总局东川省税务局"]


def test_a_responsibility_header_spanning_role_cells_below():
    text = PLAN + ("任务清单\n序号\t工作任务\t责任单位\t\t完成时限\n\t\t牵头\t配合\t\n"
                   "1\t推进办学条件达标\t省人力资源社会保障厅\t省财政厅、各市人民政府\t2033年底\n")
    assert _roles(text) == {("北岭省人力资源社会保障厅", "推进办学条件达标", "牵头"),
                            ("北岭省财政厅", "推进办学条件达标", "配合"), ("各市人民政府", "推进办学条件达标", "配合")}


def test_the_measures_column_beside_a_task_column_names_the_measure():
    text = PLAN + ("附件\n重点任务分工\n| 序号 | 重点任务 | 工作举措 | 责任单位 |\n| --- | --- | --- | --- |\n"
                   "| 1 | 建设联合体 | 在园区布局建设市域产教联合体 | 省发展改革委、省教育厅等 |\n")
    assert _roles(text) == {("北岭省发展改革委", "在园区布局建设市域产教联合体", "责任"),
                            ("北岭省教育厅", "在园区布局建设市域产教联合体", "责任")}


# ---- targets: more year phrases -----------------------------------------------------------
TARGET_HEAD = "临川市人民政府关于推进职业教育发展的实施意见\n临府发〔2032〕3号\n各县（市、区）人民政府：\n"


@pytest.mark.parametrize("sentence,want", [
    ("2025年前，新增10所达标中职学校，职业院校毕业生就业率超过95%。",
     {(2025, 10), (2025, 95)}),
    ("力争用3年时间，培育20家产教融合型企业，建设5个市域产教联合体。", {(2035, 20), (2035, 5)}),
    ("到2026年，实现县域中职学校全覆盖，累计投入资金2亿元，培训技能人才1.5万人次。", {(2026, 2), (2026, 1.5)}),
    ("到2030年，基本建成现代职业教育体系。其中，建成1所职业本科学校、5所省级“双高”学校。", {(2030, 1), (2030, 5)}),
    ("截至2031年底，全市已建成3所示范学校。2031年前三季度新增培训2万人次。", set()),
])
def test_more_year_phrases(sentence, want):
    got = {(f.target.properties["year"], f.target.properties["quantity"]) for f in _facts(TARGET_HEAD + sentence + "\n", "HAS_TARGET")}
    assert got == want


# ---- heldout5 shapes, stated as patterns --------------------------------------------------
def test_the_plan_a_notice_issues_keeps_its_measures_below_the_public_line():
    text = ("东川省人民政府办公厅关于印发东川省技能提升行动方案的通知\n东政办发〔2032〕22号\n各市人民政府：\n"
            "《东川省技能提升行动方案》已经省政府同意，现印发给你们。\n东川省人民政府办公厅\n2032年5月6日\n（此件公开发布）\n"
            "东川省技能提升\n行动方案\n一、重点任务\n1．扩大招生规模。支持技工院校扩大招生。（责任单位：省人力资源社会保障厅；完成时限：2034年）\n")
    assert {(f.source.name, f.target.name) for f in _facts(text, "HAS_MEASURE")} == {("东川省技能提升行动方案", "扩大招生规模")}
    assert {s for s, _, _ in _roles(text)} == {"东川省人力资源社会保障厅"}


def test_a_list_of_key_tasks_is_a_document():
    from ingest.policy_text import policy_kind
    assert policy_kind("2032年技能提升重点工作任务") == "工作任务"
    assert policy_kind("2032年职业教育工作要点") == "工作要点"
    assert policy_kind("重点任务") is None  # a section heading, not a title


# ---- heldout6 shapes, stated as patterns --------------------------------------------------
def test_a_party_committee_issuer_names_its_city():
    text = ("中共临川市委办公室 临川市人民政府办公室关于推动职业教育发展的实施意见\n临办发〔2032〕12号\n各县（市、区）党委和人民政府：\n"
            "（一）优化布局。整合办学资源。（市委组织部、市教育局按职责分工负责）\n")
    assert _segs(text)[0].places == {"市": "临川市"}
    assert {s for s, _, _ in _roles(text)} == {"临川市委组织部", "临川市教育局"}


def test_units_under_a_level_are_a_party_in_a_led_cell():
    text = PLAN + "附件\n任务分工\n序号\t重点任务\t责任单位\n1\t开展专业评估\t省教育厅牵头，省直有关部门配合\n"
    assert _roles(text) == {("北岭省教育厅", "开展专业评估", "牵头"), ("北岭省直有关部门", "开展专业评估", "配合")}


# ---- heldout7 shapes, stated as patterns --------------------------------------------------
def test_parties_before_an_unbracketed_division_by_duty():
    text = ("北岭省发展和改革委员会 北岭省教育厅关于深化产教融合的通知\n北发改社会〔2032〕410号\n各市发展改革委：\n"
            "（一）培育企业。一是建立认证制度，由省发展改革委牵头，省教育厅配合；二是落实激励政策，省财政厅、省税务局按职责分工负责。\n")
    roles = _roles(text)
    assert ("北岭省财政厅", "落实激励政策", "责任") in roles and ("北岭省税务局", "落实激励政策", "责任") in roles
    assert ("北岭省发展改革委", "建立认证制度", "牵头") in roles


def test_a_subject_that_must_act_right_after_a_task_heading_carries_it():
    text = TARGET_HEAD + "一、重点任务\n（一）建设产教融合型城市。各县（市、区）教育局要制定建设方案，统筹推进试点。\n"
    assert {s for s, _, _ in _roles(text)} == {"各县（市、区）教育局"}


# ---- heldout8 shapes, stated as patterns --------------------------------------------------
def test_a_leader_column_names_no_body_and_a_bracketed_unit_is_its_bodys():
    text = PLAN + ("任务清单\n序号\t重点任务\t责任领导\t责任单位\n"
                   "1\t开展技能提升行动\t王副省长\t省人力资源社会保障厅（省职业技能鉴定中心）、省教育厅\n")
    assert _roles(text) == {("北岭省人力资源社会保障厅", "开展技能提升行动", "责任"), ("北岭省教育厅", "开展技能提升行动", "责任")}


@pytest.mark.parametrize("tail,want", [
    ("（省教育厅负责，各市教育局配合）", {("东川省教育厅", "责任"), ("各市教育局", "配合")}),
    ("（牵头处室：省教育厅教师处；协同部门：省人力资源社会保障厅）", {("东川省教育厅教师处", "牵头"), ("东川省人力资源社会保障厅", "配合")}),
    ("（责任主体：各市教育局）", {("各市教育局", "责任")}),
])
def test_more_trailing_forms(tail, want):
    text = ("东川省教育厅关于推进教师队伍建设的实施意见\n东教师〔2032〕14号\n各市教育局：\n"
            f"（一）完善教师准入制度。落实企业工作经历要求。{tail}\n")
    assert {(s, r) for s, _, r in _roles(text)} == want


def test_you_x_fuze_after_the_heading():
    text = ("东川省教育厅关于推进教师队伍建设的实施意见\n东教师〔2032〕14号\n各市教育局：\n"
            "（二）健全教师培训体系。由省教育厅负责，每年组织教师全员培训。\n")
    assert _roles(text) == {("东川省教育厅", "健全教师培训体系", "责任")}


# ---- more forms, stated before a new set was written -------------------------------------
@pytest.mark.parametrize("sentence,want", [
    ("建立联席会议制度。由市教育局牵头负责，市财政局、市人社局协助。",
     {("临川市教育局", "牵头"), ("临川市财政局", "配合"), ("临川市人社局", "配合")}),
    ("建立联席会议制度，市教育局为责任单位。", {("临川市教育局", "责任")}),
    ("建立联席会议制度。（市教育局等部门负责；完成时间：2032年底前）", {("临川市教育局", "责任")}),
])
def test_departments_in_words(sentence, want):
    text = TARGET_HEAD + "一、重点任务\n（一）加强统筹。" + sentence + "\n"
    assert {(s, r) for s, _, r in _roles(text)} == want


def test_numbered_rows_with_dots_chinese_numerals_and_a_group_row():
    text = PLAN + ("任务分工\n编号\t工作任务\t责任部门（单位）\n1.\t建设实训基地\t省教育厅\n"
                   "二\t深化产教融合\t\n3、\t推进校企合作\t省发展改革委\n四\t办好技工院校\t省人力资源社会保障厅\n")
    facts = _facts(text, "HAS_MEASURE")
    assert {f.target.name for f in facts} == {"建设实训基地", "推进校企合作", "办好技工院校"}
    assert next(f for f in facts if f.target.name == "推进校企合作").target.properties["group"] == "深化产教融合"


# ---- heldout9 shapes, stated as patterns --------------------------------------------------
def test_a_duty_line_closing_a_group_is_its_tasks_duty():
    text = PLAN + ("一、重点任务\n（一）实施达标工程\n1.改善办学条件。新建一批校舍。\n2.完善实训设施。更新实训设备。\n"
                   "责任单位：省教育厅、省财政厅\n（二）推进专业建设\n3.优化专业布局。调整专业。（责任单位：省人力资源社会保障厅）\n"
                   "4.建设骨干专业。遴选一批专业。\n责任单位：省教育厅\n")
    assert {(s, t) for s, t, _ in _roles(text)} == {
        ("北岭省教育厅", "改善办学条件"), ("北岭省财政厅", "改善办学条件"), ("北岭省教育厅", "完善实训设施"),
        ("北岭省财政厅", "完善实训设施"), ("北岭省人力资源社会保障厅", "优化专业布局"), ("北岭省教育厅", "建设骨干专业")}


def test_a_task_cell_ending_in_its_departments():
    text = PLAN + ("北岭省2033年职业教育工作要点\n| 序号 | 工作内容 | 完成时间 |\n| --- | --- | --- |\n"
                   "| 1 | 建设高水平实训基地（省教育厅、省财政厅） | 2033年底 |\n"
                   "| 2 | 开展技能大赛（省教育厅牵头，省人力资源社会保障厅配合） | 2033年6月 |\n"
                   "| 3 | 修订专业目录（2033年版） | 2033年 |\n")
    assert _roles(text) == {("北岭省教育厅", "建设高水平实训基地", "责任"), ("北岭省财政厅", "建设高水平实训基地", "责任"),
                            ("北岭省教育厅", "开展技能大赛", "牵头"), ("北岭省人力资源社会保障厅", "开展技能大赛", "配合")}


def test_x_yao_huitong_y_and_kinds_of_department():
    text = ("教育部办公厅关于做好学生实习管理工作的通知\n教职成厅函〔2032〕12号\n各省教育厅：\n"
            "二、加强实习保障。各省级教育行政部门要会同人力资源社会保障部门推动落实实习责任保险。\n")
    assert {(s, r) for s, _, r in _roles(text)} == {("各省级教育行政部门", "牵头"), ("人力资源社会保障部门", "配合")}


def test_background_headings_are_no_measures():
    text = PLAN + ("一、背景\n（一）现实基础。全省职业教育快速发展，规模持续扩大。\n（二）存在问题。办学条件仍有短板。\n"
                   "二、重点任务\n（三）夯实发展基础。改善办学条件。（责任单位：省教育厅）\n")
    assert [f.target.name for f in _facts(text, "HAS_MEASURE")] == ["夯实发展基础"]


# ---- heldout10 shapes, stated as patterns -------------------------------------------------
def test_tasks_numbered_diyi_dier():
    text = ("东川省人力资源和社会保障厅关于推进一体化改革的意见\n东人社发〔2032〕33号\n各市人力资源社会保障局：\n二、重点任务\n"
            "第一，开发课程标准。组织专家参与。（责任单位：省人力资源社会保障厅）\n第二，培养一体化教师。每年培训教师。\n")
    assert [f.target.name for f in _facts(text, "HAS_MEASURE")] == ["开发课程标准", "培养一体化教师"]
    assert {(s, t) for s, t, _ in _roles(text)} == {("东川省人力资源社会保障厅", "开发课程标准")}


def test_a_report_naming_what_a_document_carries_out():
    text = ("近日，临川市人民政府办公室印发《临川市产教融合实施方案》（以下简称《方案》）。\n"
            "据了解，《方案》是落实《北岭省产教融合实施意见》（北政办发〔2031〕12号）的具体举措。\n")
    assert _pairs(text, "IMPLEMENTS") == {("临川市产教融合实施方案", "北政办发〔2031〕12号")}


# ---- heldout11 shapes, stated as patterns -------------------------------------------------
def test_a_division_of_tasks_headed_by_department_and_a_plain_bracket_of_bodies():
    text = PLAN + ("一、省教育厅\n1.统筹职业学校布局调整。\n2.组织教师素质提升计划。\n二、构建产教融合发展格局\n"
                   "3.支持办学条件改善。对达标学校给予奖补。（省教育厅、省财政厅）\n4.开展培训（含技工院校培训）。\n")
    assert {(s, t) for s, t, _ in _roles(text)} == {
        ("北岭省教育厅", "统筹职业学校布局调整"), ("北岭省教育厅", "组织教师素质提升计划"),
        ("北岭省教育厅", "支持办学条件改善"), ("北岭省财政厅", "支持办学条件改善")}


# ---- heldout12 shapes, stated as patterns -------------------------------------------------
def test_cells_ending_in_their_duty_and_school_collectives():
    text = PLAN + ("附件\n改革任务清单\n序号\t改革任务\t责任单位\n1\t落实用人自主权\t省委编办、省人力资源社会保障厅按职责分工负责\n"
                   "2\t推动校企双元育人\t省教育厅牵头，各职业学校落实\n")
    assert _roles(text) == {("北岭省委编办", "落实用人自主权", "责任"), ("北岭省人力资源社会保障厅", "落实用人自主权", "责任"),
                            ("北岭省教育厅", "推动校企双元育人", "牵头"), ("各职业学校", "推动校企双元育人", "配合")}
    prose = TARGET_HEAD + "二、推进教材改革。开发新型活页式教材。市教育局负责牵头，各职业学校参与。\n"
    assert {(s, r) for s, _, r in _roles(prose)} == {("临川市教育局", "牵头"), ("各职业学校", "配合")}
