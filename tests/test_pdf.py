"""PDF text through PDFium: a browser-printed Chinese PDF reads back character for character,
with page offsets for evidence; radical code points never reach the extractors."""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

import pytest

from ingest.ideographs import unify_ideographs
from ingest.readers import read_document

PDF_DIR = Path(__file__).resolve().parent / "data" / "pdf"
# tests/data/pdf/chromium_zh.pdf: chromium_zh.txt printed by headless Chromium with Noto Sans CJK
# SC (make_pdf.py). pypdf read 马车 高 长风 黄龙门 飞鱼齐 of it as radicals (⻢⻋ ⾼ ⻓⻛ ⻩⻰⻔ ⻜⻥⻬).


@pytest.fixture(scope="module")
def printed():
    source = (PDF_DIR / "chromium_zh.txt").read_text(encoding="utf-8").rstrip("\n")
    return source, read_document(PDF_DIR / "chromium_zh.pdf")


def test_browser_printed_pdf_reads_character_for_character(printed):
    source, doc = printed
    assert doc.stored_text == source
    assert doc.meta["format"] == "pdf" and doc.meta["chars"] == len(source)
    assert not any(0x2E80 <= ord(c) <= 0x2FDF for c in doc.text)


def test_pdf_pages_give_the_page_of_an_offset(printed):
    source, doc = printed
    pages = doc.meta["pages"]
    assert pages == [0, source.index("附件：成员单位名单")]
    at = doc.text.index("南溪黄龙门业股份有限公司", pages[1])
    assert bisect_right(pages, at) == 2  # page numbers count from 1
    assert bisect_right(pages, doc.text.index("北岭马车智能装备职业教育集团")) == 1


def test_names_with_radical_prone_characters_are_extracted(printed):
    from ingest.extractors import load_extractors

    _, doc = printed
    names = {m.name for name, fn in load_extractors() for m in fn(doc).mentions}
    assert {"北岭马车智能装备职业教育集团", "临川长风汽车有限公司", "南溪黄龙门业股份有限公司"} <= names


def test_radicals_and_compatibility_ideographs_become_unified():
    assert unify_ideographs("⻢⻋⾼⻓⻛⻩⻰⻔⻜⻥⻬") == "马车高长风黄龙门飞鱼齐"
    assert unify_ideographs("\uf90a\u2f00") == "金一"  # compatibility 金, Kangxi radical one
    kept = "（，）：①ＡＢ１２ﬁ"
    assert unify_ideographs(kept) == kept  # NFKC would rewrite these: they are left alone


def test_text_files_with_radicals_are_unified_offsets_kept(tmp_path):
    p = tmp_path / "copied.txt"
    p.write_text("北岭⻢⻋有限公司与临川⾼等职业学院签约", encoding="utf-8")
    doc = read_document(p)
    assert doc.stored_text == "北岭马车有限公司与临川高等职业学院签约"
    assert len(doc.stored_text) == len(p.read_text(encoding="utf-8"))


def test_encrypted_pdf_is_refused_naming_the_file():
    from graph.errors import InputError

    with pytest.raises(InputError) as info:
        read_document(PDF_DIR / "encrypted.pdf")
    assert "encrypted.pdf" in str(info.value) and "encrypted PDF" in info.value.reason


def test_a_printed_table_reads_as_tab_separated_rows():
    """chromium_table.pdf: a bordered HTML table printed by Chromium. Cells stand over 1.5 em
    apart, so PDFium's inserted spaces there become tabs; words of a sentence keep their spaces."""
    from ingest.tables import extract

    source = (PDF_DIR / "chromium_table.txt").read_text(encoding="utf-8").rstrip("\n")
    doc = read_document(PDF_DIR / "chromium_table.pdf")
    assert doc.stored_text == source
    leads = {(f.source.name, f.target.name) for f in extract(doc).facts if f.type == "LEADS"}
    assert ("临川高等职业技术学院", "临川马车智能装备职业教育集团") in leads
