"""Round four (the e8 pages): shapes of pages the rules had not read. A profile's list of titles
(学校是…、G理事长单位和发起单位、G2牵头单位), founders who 发起成立 a group, a school profile scraped as
escaped HTML (<\\/p>, \\"), the 全日制 of a school's kind. Invented bodies."""

from __future__ import annotations

from ingest import sentences
from ingest.model import Document
from ingest.textforms import analysis_text

S = "临川职业技术学院"
G1, G2 = "临川职教集团", "临川市域产教联合体"


def _facts(text: str) -> set[tuple[str, str, str, str | None]]:
    ex = sentences.extract(Document.from_text("r", "r.txt", text))
    return {(f.type, f.source.name, f.target.name, f.properties.get("role") or f.properties.get("kind"))
            for f in ex.facts}


def _names(text: str) -> set[str]:
    return {m.name for m in sentences.extract(Document.from_text("r", "r.txt", text)).mentions}


def test_a_profile_list_of_titles_gives_the_roles_of_the_school():
    text = (f"{S}是经北岭省人民政府批准组建的高等职业学校。"
            f"学校是北岭省文明单位、{G1}理事长单位和发起单位、{G2}牵头单位、全国健康学校建设单位。")
    got = {f for f in _facts(text) if f[0] in ("LEADS", "MEMBER_OF")}
    assert got == {("LEADS", S, G1, "理事长"), ("LEADS", S, G1, "发起"), ("LEADS", S, G2, "牵头")}


def test_a_title_in_a_later_clause_of_the_list_takes_the_subject_of_the_sentence():
    text = f"{S}始建于1958年。学校是北岭省文明单位；是全国首批试点学校、{G1}副理事长单位。"
    assert ("MEMBER_OF", S, G1, "副理事长") in _facts(text)


def test_a_title_without_a_group_gives_nothing():
    text = f"{S}始建于1958年。学校是北岭省文明单位、首批现代学徒制试点项目牵头单位。"
    assert not {f for f in _facts(text) if f[0] in ("LEADS", "MEMBER_OF")}


def test_founders_who_initiate_a_group_lead_it_and_are_not_partners():
    g = "东川科学城智能制造产教联合体"
    e1, e2 = "北岭创新科技有限公司", "临川智能科技股份有限公司"
    text = (f"会上，副区长和教育局局长共同启动了{g}。该联合体是依托东川科学城，由{S}携手{e1}、{e2}等龙头企业，"
            "联合区域职业院校、科研机构共同发起成立的产教融合创新平台。")
    got = _facts(text)
    assert {("LEADS", x, g, "发起") for x in (S, e1, e2)} <= got
    assert not {f for f in got if f[0] in ("MEMBER_OF", "PARTNERS_WITH")}


def test_founders_who_found_a_group_together_stay_members():
    g = "东川智能制造产教联合体"
    text = f"{g}由{S}、北岭创新科技有限公司共同组建。"
    assert ("MEMBER_OF", S, g, "成员") in _facts(text)


def test_escaped_html_of_a_scraped_page_is_blanked():
    raw = '<p data-id=\\"p7\\" style=\\"text-indent: 30px;\\">临川学院始建于1958年。<\\/p><p>北岭<\\/strong>公司<\\/span>'
    out = analysis_text(raw)
    assert len(out) == len(raw)
    assert "<" not in out and "\\" not in out and "p>" not in out
    assert "临川学院始建于1958年。" in out


def test_a_full_time_school_kind_is_no_name():
    text = f"{S}是经北岭省人民政府批准组建的全日制普通高等职业学校。"
    assert "全日制普通高等职业学校" not in _names(text)
    assert S in _names(text)


def test_an_injected_line_with_kana_and_a_random_key_is_blanked_whole():
    body = "临川汽车职业技术大学18日正式成立。据了解，该校与北岭汽车集团联合成立临川汽车产业集群产教融合联合体。" * 2
    spam = "色v「そりゃもらえるんなら欲しいですけど」 “我们签订了意向订单。”东川金姿纺织用品有限公司主任说。euJ3xY-yAzoyB3a6QWq-临川新闻"
    out = analysis_text(body + "\n" + spam + "\n" + body)
    assert "东川金姿纺织用品有限公司" not in out and not out.split("\n")[1].strip()
    assert out.startswith(body)


def test_a_news_subheading_between_paragraphs_ends_a_name():
    text = ("2025年4月17日，临川工贸职业学院与北岭再生资源有限公司签约仪式在东川集团会议室举行。\n"
            "聚焦循环经济：北岭再生资源展现行业领先实力\n"
            "东川集团总经理李超介绍了集团及旗下北岭再生资源有限公司的核心业务。")
    names = _names(text)
    assert not any(n.startswith("北岭再生资源展现") for n in names)
    assert "东川集团" in names
