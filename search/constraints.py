"""Constraints a question names: a region and an industry chain, found by phrase scanners
built once per view (thousands of place names and the industry vocabulary, Chinese and English).

>>> # industry_core("装备制造产业")
>>> # '装备制造'

search/question.py reads them from the question once its named entities are masked (MASK), so
the 大连 inside 大连市装备制造工程学校 is no region constraint.
"""

from __future__ import annotations

import re
import weakref
from typing import Any

from search.graphview import GraphView
from search.vocab import INDUSTRY_EN, INDUSTRY_ZH, INDUSTRY_ZH_SYNONYMS

MASK = "□"  # what a masked character (an entity's) becomes


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class WordScanner:
    """Whole-word occurrences of many phrases in a text, looked up by the first two characters
    at each word start: one pass per question instead of one regex per phrase (the gazetteer's
    thousands of English names and the industry vocabulary would otherwise compile a pattern
    each and push every other one out of the re module's cache)."""

    def __init__(self, phrases) -> None:
        self.by_start: dict[str, list[str]] = {}
        for ph in sorted(set(phrases), key=lambda x: (-len(x), x)):
            if ph:
                self.by_start.setdefault(ph[:2], []).append(ph)

    def find(self, text: str):
        """(position, phrase) of every whole-word occurrence, by position, longest first."""
        prev = False
        for i, ch in enumerate(text):
            word = _is_word_char(ch)
            if word and not prev or not word:
                for ph in self.by_start.get(text[i:i + 2], ()):
                    if not text.startswith(ph, i):
                        continue
                    # \b semantics at both ends (a phrase may start or end with a non-word character).
                    if (i > 0 and _is_word_char(text[i - 1])) == _is_word_char(ph[0]):
                        continue
                    end = i + len(ph)
                    if end < len(text) and _is_word_char(text[end]) == _is_word_char(ph[-1]):
                        continue
                    yield i, ph
            prev = word


class PlainScanner:
    """Every occurrence of many phrases (Chinese: no word boundaries), by first character."""

    def __init__(self, phrases) -> None:
        self.by_first: dict[str, list[str]] = {}
        for ph in sorted(set(phrases), key=lambda x: (-len(x), x)):
            if ph:
                self.by_first.setdefault(ph[0], []).append(ph)

    def find(self, text: str):
        for i, ch in enumerate(text):
            for ph in self.by_first.get(ch, ()):
                if text.startswith(ph, i):
                    yield i, ph


_SCANNERS: "weakref.WeakKeyDictionary[GraphView, dict[str, Any]]" = weakref.WeakKeyDictionary()


def _scanners(view: GraphView) -> dict[str, Any]:
    """The view's phrase scanners (English places, industry names), built once per view."""
    sc = _SCANNERS.get(view)
    if sc is None:
        names = set(INDUSTRY_ZH) | set(INDUSTRY_ZH_SYNONYMS)
        for n in view.nodes.values():
            if n.type == "IndustryChain":
                names.add(industry_core(n.name))
                names.add(n.name)
        sc = {"en_regions": WordScanner(view.english_region_names()),
              "en_industries": WordScanner(INDUSTRY_EN),
              "zh_industries": PlainScanner(n for n in names if len(n) >= 2)}
        _SCANNERS[view] = sc
    return sc


def region_constraint(view: GraphView, text: str, english: bool) -> tuple[str | None, list[tuple[int, int]]]:
    low = text.lower()
    found = list(_scanners(view)["en_regions"].find(low)) if re.search(r"[a-z]", low) else []
    best = None
    for pos, surface in found + list(view.places_in(text)):  # the longest name, the earliest
        if len(surface) >= 2 and (best is None or (-len(surface), pos) < (-best[1], best[0])):
            best = (pos, len(surface), view.region_names[surface])
    if best is None:
        return None, []
    return best[2], [(best[0], best[0] + best[1])]


def industry_constraint(view: GraphView, text: str) -> tuple[str | None, list[tuple[int, int]]]:
    """An industry named in the (masked) text: English vocabulary, IndustryChain names, words."""
    low = text.lower()
    sc = _scanners(view)
    en = min(sc["en_industries"].find(low), key=lambda f: (-len(f[1]), f[0]), default=None)
    if en:  # the longest English name, the earliest
        return INDUSTRY_EN[en[1]], [(en[0], en[0] + len(en[1]))]
    # The longest name first, the earliest occurrence of it first.
    for pos, name in sorted(sc["zh_industries"].find(text), key=lambda f: (-len(f[1]), f[1], f[0])):
        # A bare common word (建设, 制造) is an industry only where the question says so.
        if len(name) >= 4 or _INDUSTRY_CUE_AFTER.match(text, pos + len(name)) \
                or _INDUSTRY_CUE_BEFORE.search(text[max(0, pos - 3):pos]):
            return INDUSTRY_ZH_SYNONYMS.get(name, name), [(pos, pos + len(name))]
    # An industry no vocabulary knows (服务辽宁的航天产业, 哪些航天职教集团) still constrains the
    # answer: only bodies serving or named for it, so a question about a missing one gets none.
    for pat in (_UNKNOWN_INDUSTRY, _UNKNOWN_GROUP_MODIFIER):
        m = pat.search(text)
        if not m:
            continue
        start = m.start(1) + len(_ASK_PREFIX.match(m.group(1)).group(0))
        word = text[start:m.end(1)]
        if len(word) >= 2 and not _GENERIC_MODIFIER.fullmatch(word) and MASK not in word \
                and not _NOT_AN_INDUSTRY.search(word):
            return word, [(start, m.end(1))]
    return None, []


_UNKNOWN_INDUSTRY = re.compile(r"(?:服务|对接|面向)(?:于|□*的)?([\u4e00-\u9fff]{2,8}?)(?:产业链|产业集群|产业|行业|领域)")
_UNKNOWN_GROUP_MODIFIER = re.compile(
    r"(?:哪些|哪个|有|的|^)([\u4e00-\u9fff]{2,6}?)(?:职业教育集团|职教集团|产业学院|职业教育联盟|职教联盟|联盟|产教联合体|"
    r"产教融合共同体|协作体)")
_ASK_PREFIX = re.compile(r"(哪些|哪个|哪家|哪几个|多少个?|多少家|多少所|几个|几家|几所|有)*")
# A kind of body or a relation verb is no industry: 哪些学校牵头产教联合体 asks who leads them.
_NOT_AN_INDUSTRY = re.compile(r"(学校|院校|学院|高校|大学|企业|公司|部门|单位|机构|协会|政府|"
                              r"牵头|参与|加入|发起|组建|合作|共建|成员|理事|负责|落实|位于)")
# Words that qualify a body without naming an industry (示范性职教集团, 省级产业学院).
_GENERIC_MODIFIER = re.compile(r"(示范性?|省级|国家级|市级|区级|县级|高水平|优质|重点|主要|所有|全部|其他|现有|区域性?|"
                               r"行业|市域|骨干|特色|各类|培育|实体化|全国性?|全省|本地|当地|服务)+")


_INDUSTRY_CUE_AFTER = re.compile(r"(产业|行业|产业链|领域|类|业)")
_INDUSTRY_CUE_BEFORE = re.compile(r"(服务|对接|面向)\S{0,1}$")


_INDUSTRY_SUFFIX = re.compile(r"(产业链|产业集群|产业|行业|业)$")


def industry_core(name: str) -> str:
    """装备制造产业 → 装备制造, 现代服务业 stays (业 only goes when 3+ characters remain)."""
    m = _INDUSTRY_SUFFIX.search(name)
    if m and (m.group(1) != "业" or len(name) - 1 >= 4):
        core = name[: m.start()]
        return core if len(core) >= 2 else name
    return name
