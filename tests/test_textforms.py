"""Text forms (ingest/textforms.py): the analysis text extractors read has the length of the
original; Traditional pages give Simplified names whose evidence quotes the original; page
furniture, image lines, spam and inline pinyin are blanked; random text never breaks it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.networkx_store import NetworkxStore
from ingest.model import Document, Mention
from ingest.pipeline import ingest_paths
from ingest.readers import read_document
from ingest.resolve import Resolver
from ingest.textforms import SURFACE, analysis_text, is_traditional, original_surface, to_simplified

TRAD_PAGE = (
    "臨江市現代服務業職業教育集團成立\n"
    "發布時間:2024-05-06 來源: 臨江日報 瀏覽次數:12\n"
    "近日,由臨江職業技術學院牽頭,聯合臨江港務集團有限公司等30家單位組建的臨江市現代服務業職業教育集團成立。\n"
    "![](http://img.example.cn/a.jpg)\n"
    "IMG_1234.png\n"
    "開幕式現場 張三 攝\n"
    "會上,臨江職業技術學院與北嶺物流(wù)有限公司簽訂校企合作協議。\n"
)


def _blank(line: str) -> bool:
    return analysis_text(line + "\n正文") == " " * len(line) + "\n正文"


# ---- the whole path: a Traditional page read, extracted and stored ----------------------
@pytest.fixture(scope="module")
def trad_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("trad")
    (folder / "page.txt").write_text(TRAD_PAGE, encoding="utf-8")
    store = NetworkxStore(folder / "store")
    report = ingest_paths([folder / "page.txt"], store)
    assert report.ingested == ["page"] and not report.skipped
    return store


def test_traditional_page_gives_simplified_names(trad_store):
    names = {(n.type, n.name) for n in trad_store.iter_nodes()}
    assert ("School", "临江职业技术学院") in names
    assert ("Group", "临江市现代服务业职业教育集团") in names
    assert ("Enterprise", "北岭物流有限公司") in names  # the pinyin note does not cut the name
    assert not any(is_traditional(name) for _, name in names)


def test_evidence_quotes_and_stored_text_are_the_original(trad_store):
    stored = trad_store.get_document_text("page")
    assert stored == TRAD_PAGE
    edges = list(trad_store.iter_edges())
    assert {e.type for e in edges} >= {"LEADS", "PARTNERS_WITH"}
    for e in edges:
        for ev in e.evidence:
            assert TRAD_PAGE[ev.start:ev.end] == ev.quote
    lead = next(e for e in edges if e.type == "LEADS")
    assert "牽頭" in lead.evidence[0].quote


def test_read_document_keeps_the_original_and_analysis_of_the_same_length(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(TRAD_PAGE, encoding="utf-8")
    doc = read_document(p)
    assert doc.original == TRAD_PAGE and doc.stored_text == TRAD_PAGE
    assert len(doc.text) == len(TRAD_PAGE) == doc.meta["chars"]
    at = doc.text.index("临江职业技术学院")
    ev = doc.evidence(at, at + 8)
    assert ev.quote == "臨江職業技術學院" == doc.original[ev.start:ev.end]
    assert doc.surface(at, at + 8) == "臨江職業技術學院"


def test_simplified_text_has_no_original():
    doc = Document.from_text("d", "d.txt", "临江职业技术学院牵头成立临江职教集团。")
    assert doc.original is None and doc.stored_text == doc.text
    assert doc.surface(0, 8) is None
    with pytest.raises(ValueError):
        Document("d", "d.txt", "短", original="长一点")


def test_traditional_surface_is_kept_as_an_alias_never_as_the_name():
    doc = Document.from_text("d", "d.txt", "由臨江職業技術學院牽頭。")
    m = Mention("School", "临江职业技术学院", "d", 1, 9)
    other = Mention("School", "临江职业技术学院", "e", 0, 8)
    doc.mark_surfaces([m, other])
    assert m.properties[SURFACE] == "臨江職業技術學院" and SURFACE not in other.properties
    node = next(iter(Resolver().build_nodes([m, other]).values()))
    assert node.name == "临江职业技术学院"
    assert "臨江職業技術學院" in node.aliases
    assert SURFACE not in node.properties
    # The stored Traditional alias never wins the name when the node is built again.
    again = next(iter(Resolver().build_nodes([other], {node.id: node}).values()))
    assert again.name == "临江职业技术学院"


def test_original_surface_needs_a_pure_conversion():
    orig = "聯(lián)盟 臨江學院"
    a = analysis_text(orig)
    assert original_surface(orig, a, 0, 8) is None  # noise blanked inside: no alias
    assert original_surface(orig, a, 9, 13) == "臨江學院"
    assert original_surface(orig, a, 9, 13, "江学院") == "江學院"
    assert original_surface(orig, a, 9, 13, "别的") is None


# ---- conversion ---------------------------------------------------------------------------
def test_traditional_converted_character_for_character():
    t = "國家發展改革委辦公廳、教育部辦公廳關於印發試點名單的通知"
    a = analysis_text(t)
    assert a == "国家发展改革委办公厅、教育部办公厅关于印发试点名单的通知"


def test_simplified_page_keeps_characters_that_t2s_would_rewrite():
    # 乾 is correct Simplified in a place name; t2s alone would write 干.
    t = "乾安县职业教育中心与企业签订合作协议。" * 3
    assert analysis_text(t) == t
    assert to_simplified("臨江縣職業教育中心") == "临江县职业教育中心"  # a Traditional page is converted whole
    assert to_simplified("中國") == "中國"  # one changed character is no evidence of a Traditional text


def test_traditional_quotation_in_a_simplified_page_is_converted():
    t = "临江职业学院召开会议。\n" * 5 + "會議審議通過了聯盟章程。\n"
    assert analysis_text(t).endswith("会议审议通过了联盟章程。\n")


# ---- noise lines ---------------------------------------------------------------------------
@pytest.mark.parametrize("line", [
    "来源:临江日报",
    "来源： 临江日报",
    "發布時間:2021-12-01 09:37:00來源: 臨江日報",
    "发布日期:2025-04-30",
    "更新时间:2021/4/23 9:27:19 来源: 作者:浏览次数:",
    "浏览次数:1149",
    "点击数:",
    "作者:",
    "编辑:张三",
    "责任编辑:吴一凡",
    "文章作者:李四审核:王五编发:赵六发布时间:2024-01-12浏览次数:10",
    "时间: 2024-05-28 来源:人民日报",
    "字号 大 中 小",
    "【字体:大 中 小】 【打印本页】 【关闭窗口】",
    "打印本页",
    "关闭窗口",
    "关闭",
    "分享到:",
    "上一篇:临江职业学院召开教学工作会议",
    "下一篇:没有了",
    "首页 > 新闻中心 > 学校要闻",
    "您的位置:首页 >新闻中心>新闻网>学校要闻>详细内容",
    "当前位置: 媒体报道",
    "临江新闻网 > 教育",
    "Position : Home > News & Events > Events > Content",
    "相关热词搜索:职业教育 产教融合|临江技校|临江职校|临江培训",
    "标签:",
    "延伸阅读:",
    "版权所有©临江职业技术学院 地址:临江市滨江路1号 临ICP备11005299号-1",
    "设为首页加入收藏联系我们",
    "弘扬教育家精神 踏实践行“工匠精...",
    "|",
])
def test_furniture_lines_are_blanked(line):
    assert _blank(line), line


@pytest.mark.parametrize("line", [
    "![](http://img.example.cn/upload/2023/a.jpg)",
    "![]()",
    "IMG_1234.png",
    "image.png",
    "合影.jpg",
    "图片",
    "【资料图】",
    "開班儀式現場 張三 攝",
    "图为签约仪式现场",
])
def test_image_lines_and_captions_are_blanked(line):
    assert _blank(line), line


def test_spam_line_and_spam_token():
    assert _blank("真人娱乐城百家乐在线投注")
    assert _blank("188体育365官网")
    a = analysis_text("会议在某某9988776网站召开。")
    assert a.replace(" ", "") == "会议在召开。"
    a = analysis_text("由临江援藏工作队和XX.COM共同发起。")
    assert "COM" not in a and a.replace(" ", "") == "由临江援藏工作队和共同发起。"


def test_injected_line_prefix_is_blanked():
    t = "某某会临府办发[2018]16号\n各区县人民政府:\n某某会一、总体要求\n(一)指导思想。\n某某会(二)工作原则。\n"
    a = analysis_text(t)
    assert "某某会" not in a
    assert "一、总体要求" in a and "临府办发[2018]16号" in a


def test_headings_of_one_kind_are_not_a_prefix():
    t = "任务一、建设实训基地\n任务二、共建产业学院\n"
    assert analysis_text(t) == t


def test_kana_sentences_in_a_chinese_page_are_blanked():
    body = "临江职业技术学院与临江港务集团有限公司签订校企合作协议,共建实训基地和产业学院,联合培养技术技能人才。"
    t = body + "これは関係のない文章です。" + body
    a = analysis_text(t)
    assert a.startswith(body) and a.endswith(body) and "これ" not in a


def test_bylines_are_blanked_and_alias_definitions_kept():
    a = analysis_text("(记者 张三 通讯员 李四)近日,临江职业学院牵头成立集团。")
    assert a.lstrip().startswith("近日")
    t = "临江港务集团有限公司(以下简称“临江港务”)"
    assert analysis_text(t) == t


def test_html_and_json_remnants():
    a = analysis_text('{"text":"临江职业学院牵头","id":"3"}')
    assert a.split() == ["临江职业学院牵头", "3"]
    assert analysis_text("<p>临江职业学院</p>&nbsp;").split() == ["临江职业学院"]
    t = 'He said "yes": fine.'
    assert analysis_text(t) == t  # no JSON on the page: quotes and colons stay


def test_inline_pinyin_is_blanked_and_names_read_whole():
    t = "臨江職業教育聯(lián)盟由臨江職業學院牽頭成立。"
    a = analysis_text(t)
    assert a.replace(" ", "") == "临江职业教育联盟由临江职业学院牵头成立。"
    assert "(lián)" in t and len(a) == len(t)
    # An English abbreviation in brackets is no pinyin.
    t = "人工智能(AI)产业学院"
    assert analysis_text(t) == t


def test_invisible_characters_do_not_break_names():
    t = "临江\u200b职业\u3000技术\ufeff学院\ue06e牵头\xa0成立"
    a = analysis_text(t)
    assert len(a) == len(t) and a.replace(" ", "") == "临江职业技术学院牵头成立"
    assert analysis_text("甲\u2028乙") == "甲\n乙"


def test_markdown_tables_and_content_stay():
    t = "| 序号 | 单位 |\n|----|----|\n| 1 | 临江职业学院 |\n大会由临江职业学院主办。\n"
    assert analysis_text(t) == t


# ---- properties ----------------------------------------------------------------------------
FRAGMENTS = st.sampled_from([
    "來源:", "发布时间:2024-01-01", "浏览次数:", "\n", "\n\n", "\u3000", "　", " ", "\t", "(lián)", "聯", "盟",
    "臨江職業技術學院", "牵头", "![](a.png)", "IMG_1.jpg", "首页 > 新闻 > ", "text\":\"", "\",\"", "\"}", "<p>",
    "&nbsp;", "http://a.cn/x", "XX.COM", "9988776网站", "(记者 张三)", "图片", " 摄", "...", "一、", "(二)",
    "乾", "干", "\u200b", "\ufeff", "\x00", "\x1b", "\x85", "\u2028", "\ue000", "\U0010fffd", "𠀀", "ロサ", "は",
])
TEXTS = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",))),
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=4)), max_size=40).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_analysis_text_keeps_length_lines_and_tabs(text):
    a = analysis_text(text)
    assert isinstance(a, str) and len(a) == len(text)
    for o, c in zip(text, a):
        if o in "\n\t":
            assert c == o
        elif c == "\n":
            assert o in "\n\u2028\u2029"


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_document_from_any_text(text):
    doc = Document.from_text("d", "d.txt", text)
    assert len(doc.text) == len(doc.stored_text) == len(text)
    assert doc.stored_text == text
    if text:
        ev = doc.evidence(0, len(text))
        assert ev.quote == text
