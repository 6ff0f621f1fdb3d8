"""The lexical side of search: jieba tokens with the domain's abbreviations folded into shared
concept tokens, and a BM25 index (bm25s) over them.

Chinese documents abbreviate freely (职教 for 职业教育, 中职 for 中等职业学校), so a query
with one form must find text with the other. Every variant of an abbreviation group adds the
same concept token, in queries and in indexed text alike:

>>> "~职业教育" in tokenize("东川职教联盟") and "~职业教育" in tokenize("东川职业教育联盟")
True
"""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

from graph.normalize import clean_text

# Abbreviation groups: every surface form in a group yields the group's concept token.
ABBREVIATIONS: tuple[tuple[str, ...], ...] = (
    ("职业教育", "职教"),
    ("产教融合", "产教"),
    ("中等职业学校", "中职", "中等职业教育", "中专"),
    ("高等职业院校", "高职", "高等职业教育", "高职院校", "高职专科"),
    ("学校企业", "校企"),
    ("职业学校", "职业院校", "职校"),
    ("人力资源社会保障", "人社", "人力资源和社会保障"),
    ("教育厅", "省教育厅"),
    ("示范性职业教育集团", "示范性职教集团"),
)

# Domain words jieba should keep whole (so 产教融合 is not split into 产/教/融合).
_USER_WORDS = (
    "职业教育", "职教", "产教融合", "产教", "校企合作", "校企", "中职", "高职",
    "联合体", "共同体", "协作体", "产业学院", "牵头单位", "成员单位", "装备制造", "石油化工",
    "轨道交通", "现代农业", "现代服务业", "订单班", "双元制", "实训基地", "教育厅", "教育局",
)

_USER_FREQ = 200000
_SHORT = 1000  # a query at most this long is cut without the whole dictionary (ingest.segmenter.for_text)

_STOP = frozenset(
    "的 了 和 与 及 以及 或 在 是 为 对 由 把 被 将 等 有 哪些 哪个 什么 谁 吗 呢 啊 之 其 "
    "这 那 各 个 所 并 也 都 中 上 下 于 从 向 到 a an the of in on for to and or is are which "
    "what who whom how does do did by with".split()
)
_KEEP = re.compile(r"[\w]", re.UNICODE)

_JIEBA_LOCK = threading.Lock()
_JIEBA = None


def _jieba():
    """jieba with the domain words: a copy of the process's one loaded dictionary
    (ingest.segmenter), made on first use."""
    global _JIEBA
    with _JIEBA_LOCK:
        if _JIEBA is None:
            from ingest.segmenter import with_words

            _JIEBA = with_words(_USER_WORDS, freq=_USER_FREQ)
        return _JIEBA


def concept_tokens(text: str) -> list[str]:
    """The concept token of every abbreviation group that has a form in ``text``."""
    out = []
    for group in ABBREVIATIONS:
        if any(form in text for form in group):
            out.append("~" + group[0])
    return out


def tokenize(text: str, *, query: bool = False) -> list[str]:
    """Lower-cased jieba tokens without punctuation and stop words, plus concept tokens.
    ``query``: a short text, cut without building the whole dictionary when no text has
    needed it yet in this process (the same tokens; a cold ``vocgraph ask`` starts faster)."""
    text = clean_text(text).lower()
    if query and _JIEBA is None and len(text) <= _SHORT:
        from ingest.segmenter import for_text

        tk = for_text(text, _USER_WORDS, _USER_FREQ)
    else:
        tk = _jieba()
    tokens = [t for t in tk.lcut(text) if t.strip() and _KEEP.search(t) and t not in _STOP]
    return tokens + concept_tokens(text)


class LexicalIndex:
    """BM25 over tokenised texts; rows keep the order of the texts given to ``build``."""

    def __init__(self, model=None, size: int = 0) -> None:
        self._model = model
        self.size = size

    @classmethod
    def build(cls, texts: Sequence[str]) -> "LexicalIndex":
        import bm25s

        corpus = [tokenize(t) or ["∅"] for t in texts]
        if not corpus:
            return cls(None, 0)
        model = bm25s.BM25()
        model.index(corpus, show_progress=False)
        return cls(model, len(corpus))

    def scores(self, query: str | list[str]) -> np.ndarray:
        """BM25 score of every row for the query (zeros when nothing matches)."""
        if self._model is None:
            return np.zeros(self.size, dtype=np.float32)
        tokens = tokenize(query, query=True) if isinstance(query, str) else list(query)
        vocab = self._model.vocab_dict
        tokens = [t for t in tokens if t in vocab]
        if not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._model.get_scores(tokens), dtype=np.float32)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "size.json").write_text(json.dumps({"size": self.size}), encoding="utf-8")
        if self._model is not None:
            self._model.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        """The index saved in ``folder``, for scoring (a loaded index is not saved again)."""
        size = json.loads((folder / "size.json").read_text(encoding="utf-8"))["size"]
        if not size:
            return cls(None, 0)
        postings = _Postings.open(folder)
        if postings is not None:
            return cls(postings, size)
        import bm25s

        return cls(bm25s.BM25.load(str(folder), show_progress=False), size)


class _Postings:
    """A saved bm25s index read with numpy alone. Importing bm25s pulls in scipy.sparse, half a
    second of a cold ``vocgraph ask``, and scoring a query needs only the precomputed postings:
    the scores are those of ``bm25s.BM25.get_scores`` (the same sum over the query's tokens).
    Only for the file format and methods known here; anything else is loaded by bm25s."""

    METHODS = ("lucene", "robertson", "atire")  # no non-occurrence term

    def __init__(self, vocab: dict[str, int], data: np.ndarray, indices: np.ndarray, indptr: np.ndarray,
                 num_docs: int, dtype: str) -> None:
        self.vocab_dict = vocab
        self.data, self.indices, self.indptr = data, indices, indptr
        self.num_docs, self.dtype = num_docs, np.dtype(dtype)

    @classmethod
    def open(cls, folder: Path) -> "_Postings | None":
        try:
            params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
            if not str(params.get("version", "")).startswith("0.3.") or params.get("method") not in cls.METHODS:
                return None
            vocab = json.loads((folder / "vocab.index.json").read_text(encoding="utf-8"))
            arrays = [np.load(folder / f"{n}.csc.index.npy", allow_pickle=False) for n in ("data", "indices", "indptr")]
        except (OSError, ValueError, KeyError):
            return None
        return cls(vocab, *arrays, num_docs=int(params["num_docs"]), dtype=params.get("dtype", "float32"))

    def get_scores(self, tokens: list[str]) -> np.ndarray:
        scores = np.zeros(self.num_docs, dtype=self.dtype)
        for t in tokens:
            i = self.vocab_dict.get(t)
            if i is not None:
                start, end = self.indptr[i], self.indptr[i + 1]
                np.add.at(scores, self.indices[start:end], self.data[start:end])
        return scores
