"""Policies, issuers, dates, lineage and targets (ingest/policy.py, ingest/policy_text.py):
small snippets in the shape of the seed documents, then the seed corpus against the gold facts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from ingest.model import Document
from ingest.policy import extract
from ingest.policy_targets import split_goals
from ingest.policy_text import find_numbers, normalize_number, policy_kind
from ingest.policy_segments import segment_policies
from ingest.policy_cite import find_citations

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def _doc(text: str, doc_id: str = "d") -> Document:
    return Document(doc_id, f"{doc_id}.txt", text)


def _facts(text: str) -> set[tuple[str, str, str]]:
    return {(f.type, f.source.name, f.target.name) for f in extract(_doc(text)).facts}


@pytest.mark.parametrize("surface", [
    "辽教发〔2021〕59号", "辽教发[2021]59号", "辽教发(2021)59号", "辽教发（2021）59号",
    "辽教发﹝2021﹞59号", "辽教发【2021】59号", "辽教发〔 2021 〕 59 号",
])
def test_every_bracket_variant_of_a_number_is_one_key(surface):
    assert normalize_number(surface) == "辽教发(2021)59号"


def test_running_text_before_a_number_is_not_its_prefix():
    text = "根据辽政发〔2021〕2号文件和教职成司函〔2020〕33号的要求"
    assert [n for n, _, _ in find_numbers(text)] == ["辽政发〔2021〕2号", "教职成司函〔2020〕33号"]


@pytest.mark.parametrize("title, kind", [
    ("国家职业教育改革实施方案", "实施方案"),
    ("辽宁省职业技能提升行动实施方案（2019—2021年）", "实施方案"),
    ("沈阳市推进职业院校面向社会开展职业培训工作指导意见(试行)", "指导意见"),
    ("辽西北职教联盟章程", "章程"),
    ("中华人民共和国职业教育法", "法"),
    ("机械制图", None),                                   # a course
    ("畜牧兽医专业中高职衔接人才培养方案", None),            # a curriculum
    ("辽宁高职教育集团化办学模式的研究与实践", None),        # research
    ("网店装修基本设计与要求", None),
])
def test_policy_titles_are_told_from_other_quoted_titles(title, kind):
    assert policy_kind(title) == kind


TWO_NOTICES = """1.国家级牵头建设（1个）

教育部司局函件

教职成司函〔2020〕33号

关于公布第一批示范性职业教育集团（联盟） 培育单位名单的通知

各省、自治区、直辖市教育厅（教委）：

根据《关于开展示范性职业教育集团（联盟）建设的通知》（教职成司函〔2019〕92号）的工作安排，确定了名单。

教育部职业教育与成人教育司

2020年10月15日

2.省级级牵头建设（1个）

辽宁省教育厅办公室

辽教办〔2018〕99号

辽宁省教育厅办公室关于报送省级示范性职业教育集团办学工作总结的通知

各省级示范性职教集团牵头院校：

请各牵头单位认真总结集团化办学情况。

辽宁省教育厅职业教育与成人教育处拟文 2018年5月25日印发
"""


def test_a_document_with_two_notices_gives_two_policies_with_issuer_and_date():
    segs = segment_policies(TWO_NOTICES)
    assert [(s.number, s.date) for s in segs] == [("教职成司函〔2020〕33号", "2020-10-15"),
                                                   ("辽教办〔2018〕99号", "2018-05-25")]
    # the letterhead class 函件 is not a body; the signature above the date line is the issuer
    assert [n for n, _, _ in segs[0].issuers] == ["教育部职业教育与成人教育司"]
    # 拟文 (drafted by) names the drafting office, not the issuer
    assert [n for n, _, _ in segs[1].issuers] == ["辽宁省教育厅办公室"]
    facts = _facts(TWO_NOTICES)
    assert ("ISSUED_BY", "教职成司函〔2020〕33号", "教育部职业教育与成人教育司") in facts
    assert ("IMPLEMENTS", "教职成司函〔2020〕33号", "教职成司函〔2019〕92号") in facts


def test_title_and_number_pair_is_one_policy_and_an_alias_points_back_to_it():
    text = ("辽宁省教育厅文件\n\n辽教发〔2021〕55号\n\n辽宁省教育厅关于转发某意见的通知\n\n各市教育局：\n\n"
            "现将《教育部 辽宁省人民政府关于整省推进职业教育实用高效发展的意见》（辽政发〔2021〕2号，"
            "以下简称《意见》）转发你们。各地要按照《意见》中的任务要求，制定《沈阳市职业教育提质培优实施方案》。\n")
    cites = find_citations(text)
    assert {c.key for c in cites if c.title and "意见" in c.title} == {"辽政发(2021)2号"}
    ex = extract(_doc(text))
    implements = [f for f in ex.facts if f.type == "IMPLEMENTS"]
    assert {f.target.properties["key"] for f in implements} == {"辽政发(2021)2号"}
    assert len(implements) == 2  # 转发 after the title, 按照 before the alias
    # 制定《…》 creates the policy but it does not implement it
    assert any(m.type == "Policy" and m.name == "沈阳市职业教育提质培优实施方案" for m in ex.mentions)
    issued = {(f.source.properties["key"], f.target.name) for f in ex.facts if f.type == "ISSUED_BY"}
    assert ("辽政发(2021)2号", "教育部") in issued and ("辽政发(2021)2号", "辽宁省人民政府") in issued


def test_a_policy_cited_inside_a_task_list_cell_is_not_implemented_by_the_notice():
    text = ("辽宁省教育厅文件\n\n辽教发〔2021〕55号\n\n辽宁省教育厅关于某事的通知\n\n各市教育局：\n\n"
            "序号\t主要任务\t任务内容\t责任部门\n17\t\t全面落实《辽宁省职业技能提升行动实施方案（2019—2021年）》\t省教育厅\n")
    assert not [f for f in extract(_doc(text)).facts if f.type == "IMPLEMENTS"]


def test_goals_of_one_sentence_become_one_target_each_and_borrow_the_verb():
    assert split_goals("建设30个左右职业教育协作体，200门左右精品在线开放课程，100个左右学徒制示范专业") == [
        "建设30个左右职业教育协作体", "建设200门左右精品在线开放课程", "建设100个左右学徒制示范专业"]
    assert split_goals("培育10所左右股份制、混合所有制职业院校") == ["培育10所左右股份制、混合所有制职业院校"]


def test_targets_after_a_year_with_quantity_unit_and_a_line_broken_mid_word():
    text = ("教育部文件 辽宁省人民政府\n\n辽政发〔2021〕2号\n\n教育部 辽宁省人民政府 关于整省推进职业教育的意见\n\n"
            "各市人民政府：\n\n(二) 主要目标。到2022年，重点建设50所左右省级优\n\n质中职学校、20所左右省级高水平高职院校，"
            "新增高素质劳动者和技术技能人才50万人左右，完成职业技能培训200万人次左右。\n\n"
            "推动全省职业院校到 2022 年全部达到国家设置标准。\n")
    targets = [m for m in extract(_doc(text)).mentions if m.type == "Target"]
    assert [t.name for t in targets] == [
        "到2022年，重点建设50所左右省级优质中职学校", "到2022年，重点建设20所左右省级高水平高职院校",
        "到2022年，新增高素质劳动者和技术技能人才50万人左右", "到2022年，完成职业技能培训200万人次左右"]
    props = targets[3].properties
    assert (props["year"], props["quantity"], props["unit"], props["qualifier"]) == (2022, 200, "万人次", "左右")


def test_an_unnumbered_policy_is_read_from_its_title_and_addressee():
    text = "\n沈阳市教育局关于做好职业启蒙教育工作的通知\n\n各区县教育局：\n\n到2024年，建设40个左右实训基地。\n"
    facts = _facts(text)
    assert ("ISSUED_BY", "沈阳市教育局关于做好职业启蒙教育工作的通知", "沈阳市教育局") in facts
    assert ("HAS_TARGET", "沈阳市教育局关于做好职业启蒙教育工作的通知", "到2024年，建设40个左右实训基地") in facts


def test_a_report_without_a_policy_header_gives_cited_policies_but_no_lineage():
    text = "为贯彻《国家职业教育改革实施方案》，我市学校开设了《机械制图》课程。到2024年，建设40个实训基地。\n"
    ex = extract(_doc(text))
    assert [m.name for m in ex.mentions if m.type == "Policy"] == ["国家职业教育改革实施方案"]
    assert not ex.facts


# ---- the seed corpus ----------------------------------------------------------------------
def _load_eval():
    spec = importlib.util.spec_from_file_location("eval_extraction", ROOT / "scripts" / "eval_extraction.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_extraction", mod)
    spec.loader.exec_module(mod)
    return mod


POLICY_TYPES = ("ISSUED_BY", "IMPLEMENTS", "HAS_TARGET", "HAS_MEASURE", "RESPONSIBLE_FOR")


@pytest.mark.slow
def test_policy_facts_against_the_gold(seed_store):
    ev = _load_eval()
    gold = ev.load_gold([DATA / "gold_policy.jsonl"])
    scopes = {s for s in ev.load_scopes(DATA / "gold_scopes.jsonl") if s[1] in POLICY_TYPES}
    assert len(gold) >= 60
    result = ev.evaluate(seed_store, gold, scopes)
    # Measure → Target links are a post-processing step (search.linking), not in the ingest
    ingest_only = [g for g in result.misses if not (g.type == "IMPLEMENTS" and g.source_type == "Measure")]
    report = ev.format_result(result)
    assert not ingest_only, report
    assert result.overall.scores()["precision"] >= 0.95, report


@pytest.mark.slow
def test_each_seed_policy_has_its_number_issuer_and_date(seed_store):
    by_number = {n.properties.get("number"): n for n in seed_store.iter_nodes("Policy")}
    expected = {
        "辽教发〔2021〕59号": (["辽宁省教育厅"], None),
        "辽教发〔2021〕55号": (["辽宁省教育厅"], None),
        "辽政发〔2021〕2号": (["教育部", "辽宁省人民政府"], "2021-01-07"),
        "教职成司函〔2020〕33号": (["教育部职业教育与成人教育司"], "2020-10-15"),
        "辽教办〔2018〕99号": (["辽宁省教育厅办公室"], "2018-05-25"),
    }
    for number, (issuers, date) in expected.items():
        node = by_number[number]
        assert node.properties["issuer"] == issuers
        assert node.properties.get("date") == date
        agencies = {seed_store.get_node(e.target).name for e in seed_store.out_edges(node.id) if e.type == "ISSUED_BY"}
        assert agencies == set(issuers)


@pytest.mark.slow
def test_the_forwarding_notice_implements_the_ministry_province_opinion(seed_store):
    pol = {n.properties.get("number"): n for n in seed_store.iter_nodes("Policy")}
    edge = seed_store.get_edge(pol["辽教发〔2021〕55号"].id, pol["辽政发〔2021〕2号"].id, "IMPLEMENTS")
    assert edge is not None
    assert any("转发" in ev.quote for ev in edge.evidence)
    # a cited title not in the corpus is a node too, implemented by the opinion
    plan = seed_store.find_nodes("国家职业教育改革实施方案", type="Policy")[0]
    assert seed_store.get_edge(pol["辽政发〔2021〕2号"].id, plan.id, "IMPLEMENTS") is not None


@pytest.mark.slow
def test_quantified_targets_of_001_and_004(seed_store):
    def targets(number):
        pol = next(n for n in seed_store.iter_nodes("Policy") if n.properties.get("number") == number)
        return {seed_store.get_node(e.target).name for e in seed_store.out_edges(pol.id) if e.type == "HAS_TARGET"}

    assert targets("辽教发〔2021〕59号") == {"到2022年，建设30个左右职业教育协作体",
                                           "到2022年，建设200门左右精品在线开放课程",
                                           "到2022年，建设100个左右学徒制示范专业"}
    assert "到2022年，重点建设50所左右省级优质中职学校" in targets("辽政发〔2021〕2号")
    assert len(targets("辽政发〔2021〕2号")) == 5


def test_a_signer_on_the_number_line_and_a_date_in_chinese_numerals():
    text = ("教育部文件\n\n教职成〔2019〕13号   签发人：王某\n\n教育部关于职业院校专业人才培养方案制订与实施工作的指导意见\n\n"
            "各省教育厅：\n\n正文。\n\n教育部\n\n二〇一九年六月五日\n")
    (seg,) = segment_policies(text)
    assert (seg.number, seg.kind, seg.date) == ("教职成〔2019〕13号", "指导意见", "2019-06-05")
    assert [n for n, _, _ in seg.issuers] == ["教育部"]


def test_the_signing_body_on_the_date_line_is_the_issuer():
    (seg,) = segment_policies("\n关于做好职业启蒙教育工作的通知\n\n各学校：\n\n正文。\n\n沈阳市教育局 2023年9月1日\n")
    assert [n for n, _, _ in seg.issuers] == ["沈阳市教育局"] and seg.date == "2023-09-01"


def test_quantified_goals_under_a_goal_heading_without_a_year():
    text = ("辽宁省教育厅文件\n\n辽教发〔2022〕9号\n\n辽宁省教育厅关于推进某工作的通知\n\n各市教育局：\n\n"
            "一、工作目标\n\n培育10个左右省级示范性职业教育集团，建成20所以上产教融合实训基地。\n\n"
            "二、重点任务\n\n1. 建设实训基地。建设5个公共实训基地。\n")
    targets = [m for m in extract(_doc(text)).mentions if m.type == "Target"]
    assert [t.name for t in targets] == ["培育10个左右省级示范性职业教育集团", "建成20所以上产教融合实训基地"]
    assert "year" not in targets[0].properties


def test_a_notice_that_issues_a_plan_gives_the_plan_its_targets_and_issuer():
    text = ("国务院文件\n\n国发〔2019〕4号\n\n国务院关于印发国家职业教育改革实施方案的通知\n\n各省、自治区、直辖市人民政府：\n\n"
            "现将《国家职业教育改革实施方案》印发给你们，请认真贯彻执行。\n\n国务院\n\n2019年1月24日\n\n（此件公开发布）\n\n"
            "国家职业教育改革实施方案\n\n到2022年，建设50所高水平高等职业学校和150个骨干专业（群）。\n")
    facts = _facts(text)
    assert ("ISSUED_BY", "国家职业教育改革实施方案", "国务院") in facts
    assert ("HAS_TARGET", "国家职业教育改革实施方案", "到2022年，建设50所高水平高等职业学校") in facts
    assert ("HAS_TARGET", "国家职业教育改革实施方案", "到2022年，建设150个骨干专业（群）") in facts
    assert not any(t == "IMPLEMENTS" for t, _, _ in facts)  # 印发 issues the plan, it does not implement it


def test_a_target_with_its_stated_responsible_units():
    text = ("辽宁省教育厅文件\n\n辽教发〔2022〕9号\n\n辽宁省教育厅关于推进某工作的通知\n\n各市教育局：\n\n"
            "到2025年，建设20个左右市域产教联合体（责任单位：省教育厅、省发展改革委）。\n")
    facts = _facts(text)
    assert ("HAS_TARGET", "辽教发〔2022〕9号", "到2025年，建设20个左右市域产教联合体") in facts
    assert {(s, t) for r, s, t in facts if r == "RESPONSIBLE_FOR"} == {
        ("辽宁省教育厅", "到2025年，建设20个左右市域产教联合体"), ("辽宁省发展改革委", "到2025年，建设20个左右市域产教联合体")}


def test_a_plan_issued_by_a_notice_implements_what_its_own_text_cites():
    text = ("白河市人民政府文件\n\n白政发〔2023〕5号\n\n白河市人民政府关于印发白河市职业教育行动方案的通知\n\n各区县人民政府：\n\n"
            "现将《白河市职业教育行动方案》印发给你们。\n\n白河市人民政府\n2023年11月20日\n\n白河市职业教育行动方案\n\n"
            "为落实《东川省人民政府关于推动职业教育高质量发展的实施意见》（东政发〔2022〕9号），制定本方案。\n\n"
            "一、主要目标\n\n力争到2026年，建设省级教师教学创新团队50个以上。\n")
    facts = _facts(text)
    assert ("IMPLEMENTS", "白河市职业教育行动方案", "东政发〔2022〕9号") in facts
    assert ("IMPLEMENTS", "白政发〔2023〕5号", "东政发〔2022〕9号") not in facts
    assert ("HAS_TARGET", "白河市职业教育行动方案", "到2026年，建设省级教师教学创新团队50个以上") in facts


def test_a_title_cited_before_its_number_is_named_by_the_number():
    text = ("江北省教育厅文件\n\n江教职〔2022〕7号\n\n江北省教育厅关于转发《职业教育提质培优行动计划（2020—2023年）》的通知\n\n"
            "各市教育局：\n\n现将《职业教育提质培优行动计划（2020—2023年）》（教职成〔2020〕7号）转发给你们。\n")
    assert {f for f in _facts(text) if f[0] == "IMPLEMENTS"} == {("IMPLEMENTS", "江教职〔2022〕7号", "教职成〔2020〕7号")}


def test_a_title_wrapped_over_three_lines_and_a_five_year_plan_deadline():
    text = ("河源市教育局文件\n\n河教〔2023〕9号\n\n河源市教育局关于印发《河源市推进\n现代职业教育体系建设改革\n实施方案》的通知\n\n"
            "各县区教育局：\n\n到“十四五”末，建成3个左右市域产教联合体。\n\n河源市教育局\n二〇二三年 三月十五日\n")
    seg = segment_policies(text)[0]
    assert (seg.title, seg.date) == ("河源市教育局关于印发《河源市推进现代职业教育体系建设改革实施方案》的通知", "2023-03-15")
    assert ("HAS_TARGET", "河教〔2023〕9号", "到2025年，建成3个左右市域产教联合体") in _facts(text)
