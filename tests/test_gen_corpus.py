"""The synthetic corpus of the scale benchmarks (benchmarks/gen_corpus.py): the same seed gives
the same documents, another seed others, and no body of the real corpora is named."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import gen_corpus  # noqa: E402


def _corpus(seed: int) -> list[tuple[str, str]]:
    return list(gen_corpus.generate(0.3, seed))


def test_same_seed_same_documents_other_seed_others():
    a, b, c = _corpus(3), _corpus(3), _corpus(4)
    assert a == b
    assert a != c
    chars = sum(len(t) for _, t in a)
    assert 0.3 * gen_corpus.sample_size() <= chars < 0.3 * gen_corpus.sample_size() + 60000


def test_documents_have_the_shapes_extraction_reads():
    text = "\n".join(t for _, t in gen_corpus.generate(3, 0))
    for shape in ("序号\t集团名称\t牵头单位", "序号\t工作任务\t责任单位", "牵头", "成员单位", "签", "到20"):
        assert shape in text, shape


def test_no_name_of_the_real_corpora_is_generated():
    writer = gen_corpus.Writer(5)
    for _ in writer.documents(100000):
        pass
    assert writer.names.used and not writer.names.used & writer.names.real
