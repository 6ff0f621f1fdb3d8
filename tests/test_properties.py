"""Property-based tests (hypothesis): readers, text forms, segmentation and every extractor take
any text — random Unicode, control characters, long lines, deep brackets, wide and ragged
tables — without crashing, within a bounded time, and keep their offsets inside the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import InputError
from ingest.extractors import load_extractors
from ingest.ideographs import unify_ideographs
from ingest.model import Document
from ingest.policy_segments import segment_policies
from ingest.readers import decode_text, read_document
from ingest.tables import read_tables
from ingest.textforms import analysis_text
from pathological import PLACES, SUFFIXES, TRADES

# Small examples, a deadline per example: the extractors cost ~100-200 µs a character.
FAST = settings(max_examples=30, deadline=3000, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)

_CUES = ["牵头", "组建", "成员单位", "签订", "合作", "以下简称", "关于印发", "的通知", "〔2024〕3号", "到2025年",
         "服务", "产业", "、", "，", "。", "：", "\t", "\n", " ", "（", "）", "《", "》", "“", "”", "(", ")",
         "【", "】", "等", "和", "与", "有限公司", "学院", "集团", "联盟", "一、", "（二）", "1.", "\x00", "\x07",
         "\u200b", "\ufeff", "\u3000", "⻢", "⾼", "\r", "\f", "Liaoning Vocational College", "|", "...", "A"]
_PIECES = st.one_of(st.sampled_from(_CUES), st.sampled_from(PLACES), st.sampled_from(TRADES),
                    st.sampled_from(SUFFIXES), st.text(max_size=6))
# Text shaped like documents: cue words, names, punctuation, controls and random characters mixed.
DOCLIKE = st.lists(_PIECES, max_size=80).map("".join)
ANY_TEXT = st.text(max_size=300)
_CELL = st.one_of(st.just(""), st.sampled_from(PLACES).map(lambda p: p + "职业技术学院"), st.text(max_size=5))
TABLES = st.lists(st.lists(_CELL, min_size=0, max_size=25).map("\t".join), max_size=12).map("\n".join)
BRACKETS = st.tuples(st.sampled_from("（(《【“〔「"), st.sampled_from("）)》】”〕」"), st.integers(0, 150),
                     st.integers(0, 150)).map(lambda t: t[0] * t[2] + "临川职业学院关于印发" + t[1] * t[3] + "。")
LONG_LINE = st.tuples(st.sampled_from(PLACES), st.integers(20, 120)).map(
    lambda t: (t[0] + "华兴装备制造有限公司联合") * t[1])

EXTRACTORS = load_extractors()


def _check_extraction(text: str) -> None:
    doc = Document.from_text("p", "p.txt", text)
    assert len(doc.text) == len(text)
    for name, fn in EXTRACTORS:
        ex = fn(doc)
        for m in ex.mentions:
            assert m.start == -1 or 0 <= m.start <= m.end <= len(text), (name, m)
        for f in ex.facts:
            assert 0 <= f.evidence.start <= f.evidence.end <= len(text), (name, f)


@FAST
@given(st.binary(max_size=400))
def test_decode_text_returns_text_or_input_error(data):
    try:
        text, enc = decode_text(data, "x.txt")
    except InputError as exc:
        assert exc.reason
    else:
        assert isinstance(text, str) and enc


@FAST
@given(ANY_TEXT)
def test_read_document_on_any_text_file(tmp_path_factory, text):
    p = tmp_path_factory.mktemp("r") / "doc.txt"
    p.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        doc = read_document(p)
    except InputError as exc:
        assert "doc.txt" in str(exc)
    else:
        assert len(doc.text) == len(doc.stored_text) == doc.meta["chars"]
        assert "\r" not in doc.stored_text


@FAST
@given(st.one_of(ANY_TEXT, DOCLIKE))
def test_text_forms_keep_the_length(text):
    assert len(analysis_text(text)) == len(text)
    assert len(unify_ideographs(text)) == len(text)


@FAST
@given(st.one_of(DOCLIKE, TABLES, BRACKETS))
def test_segmentation_spans_stay_in_the_text(text):
    for table in read_tables(text):
        for row in table.rows:
            assert 0 <= row.start <= row.end <= len(text)
            for cell in row.cells:
                assert 0 <= cell.start <= cell.end <= len(text)
    for seg in segment_policies(text):
        assert 0 <= seg.start <= seg.end <= len(text)


@pytest.mark.parametrize("shape", ["random", "doclike", "tables", "brackets", "long_line"])
def test_extractors_take_any_text(shape):
    strategy = {"random": ANY_TEXT, "doclike": DOCLIKE, "tables": TABLES, "brackets": BRACKETS,
                "long_line": LONG_LINE}[shape]

    @settings(max_examples=12 if shape == "long_line" else 20, deadline=5000, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])
    @given(strategy)
    def run(text):
        _check_extraction(text)

    run()
