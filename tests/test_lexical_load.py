"""A saved BM25 index loads without bm25s (whose scipy import slows a cold ``vocgraph ask``) and
scores every query exactly as bm25s itself does."""

from __future__ import annotations

import bm25s
import numpy as np

from search.lexical import LexicalIndex

TEXTS = ["临江职业技术学院牵头组建临江装备制造职业教育集团", "北岭乳业有限公司与临江职院共建产业学院",
         "到2025年，建成10个市域产教联合体", "中职学校与高职院校贯通培养", "汽车 汽车 汽车 新能源汽车"]


def test_loaded_index_scores_as_bm25s(tmp_path):
    LexicalIndex.build(TEXTS).save(tmp_path)
    ours = LexicalIndex.load(tmp_path)
    theirs = LexicalIndex(bm25s.BM25.load(str(tmp_path), show_progress=False), len(TEXTS))
    for query in ("职教集团 装备制造", "汽车", "中等职业学校", "临江 临江 学院", "没有这个词"):
        a, b = ours.scores(query), theirs.scores(query)
        assert a.dtype == b.dtype and np.array_equal(a, b), query
    assert ours.scores("汽车").argmax() == 4
