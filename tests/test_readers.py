"""Readers: encodings, BOM, newlines, .docx tables, .pdf pages, and the error paths."""

from __future__ import annotations

import pytest

from graph.errors import InputError
from ingest.readers import iter_input_files, read_document, unique_doc_id

TEXT = "关于公布辽宁省示范性职业教育集团名单的通知\n辽西北职教联盟\t辽宁职业学院\n"


@pytest.mark.parametrize("encoding, data, expected_encoding", [
    ("utf-8", TEXT.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    ("gbk", TEXT.encode("gbk"), "gb18030"),
    ("gb18030", TEXT.encode("gb18030"), "gb18030"),
])
def test_text_encodings_are_detected(tmp_path, encoding, data, expected_encoding):
    p = tmp_path / "notice.txt"
    p.write_bytes(data)
    doc = read_document(p)
    assert doc.text == TEXT
    assert doc.id == "notice"
    assert doc.meta["encoding"] == expected_encoding
    assert doc.meta["chars"] == len(TEXT)
    assert len(doc.meta["sha256"]) == 64 and doc.meta["format"] == "txt"


def test_crlf_becomes_lf_and_offsets_match_the_file_text(tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes("第一行\r\n辽宁职业学院牵头\r\n".encode("utf-8"))
    doc = read_document(p)
    assert doc.text == "第一行\n辽宁职业学院牵头\n"
    assert doc.meta["format"] == "md"
    start = doc.text.index("辽宁职业学院")
    assert doc.evidence(start, start + 6).quote == "辽宁职业学院"


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\n\t", "no text"),
    ("binary.txt", b"\x00\x01\x02\xff\xfe\x00garbage" * 20, "binary"),
    ("image.png", b"\x89PNG\r\n", "unsupported file type"),
    ("broken.docx", b"not a zip", "not a readable .docx"),
    ("broken.pdf", b"%PDF-1.4 nothing", "not a readable PDF"),
])
def test_bad_inputs_raise_input_error_naming_file_and_reason(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_document(p)
    assert name in str(info.value)
    assert reason in info.value.reason


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")


def test_docx_paragraphs_and_tables_as_tab_separated_rows(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("辽宁省示范性职业教育集团名单")
    table = d.add_table(rows=2, cols=3)
    for r, row in enumerate([("序号", "集团名称", "牵头单位"), ("1", "辽宁装备制造职教集团", "沈阳职业技术学院")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    d.add_paragraph("附件结束")
    p = tmp_path / "list.docx"
    d.save(p)
    doc = read_document(p)
    assert doc.text.split("\n") == [
        "辽宁省示范性职业教育集团名单",
        "序号\t集团名称\t牵头单位",
        "1\t辽宁装备制造职教集团\t沈阳职业技术学院",
        "附件结束",
    ]
    assert doc.meta["format"] == "docx"


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with Helvetica text lines (no PDF writer library is installed)."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({ln}) Tj T*" for ln in lines) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_text_is_read_per_page(tmp_path):
    p = tmp_path / "report.pdf"
    p.write_bytes(minimal_pdf(["Shenyang report 2023", "second line"]))
    doc = read_document(p)
    assert "Shenyang report 2023" in doc.text and "second line" in doc.text
    assert doc.meta["format"] == "pdf"


def test_folders_are_walked_sorted_and_unsupported_files_reported(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.md", "b/1.docx", "c.png", "README.md", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, skipped = iter_input_files([tmp_path, tmp_path / "a.md", tmp_path / "missing.txt"])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.md", "b/1.docx", "b/2.txt"]
    reasons = dict(skipped)
    assert "unsupported file type" in reasons[str(tmp_path / "c.png")]
    assert reasons[str(tmp_path / "missing.txt")] == "no such file or folder"
    assert len(skipped) == 2


def test_unique_doc_ids():
    assert unique_doc_id("report", set()) == "report"
    assert unique_doc_id("report", {"report", "report-2"}) == "report-3"


def test_seed_corpus_reads_as_utf8(corpus_files):
    for p in corpus_files:
        doc = read_document(p)
        assert doc.meta["encoding"] in ("utf-8", "utf-8-sig")
        assert "\r" not in doc.text and doc.meta["chars"] > 1000


def test_traditional_file_reads_with_the_original_kept(tmp_path):
    original = "發布時間:2024-05-06 來源:臨江日報\n臨江職業技術學院牽頭組建臨江職教聯(lián)盟。\n"
    p = tmp_path / "trad.txt"
    p.write_bytes(original.encode("utf-8"))
    doc = read_document(p)
    assert doc.original == original and doc.meta["chars"] == len(original) == len(doc.text)
    first, second = doc.text.split("\n")[:2]
    assert not first.strip()  # page furniture blanked
    assert second.replace(" ", "") == "临江职业技术学院牵头组建临江职教联盟。"
    start = doc.text.index("临江职业技术学院")
    ev = doc.evidence(start, start + 8)
    assert ev.quote == "臨江職業技術學院" == doc.original[ev.start:ev.end]


def test_simplified_text_has_no_original(tmp_path):
    p = tmp_path / "notice.txt"
    p.write_bytes(TEXT.encode("gbk"))
    doc = read_document(p)
    assert doc.original is None and doc.stored_text == doc.text == TEXT
