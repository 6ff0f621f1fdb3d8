"""The vocabulary of industries: the sectors vocational documents name, how their surface forms
normalise to one canonical term (装备制造业 / 高端装备制造 → 装备制造, 石化 → 石油化工,
物流 → 现代物流), their English names, and whether a phrase names one.

The terms are read from ``ingest/data/industries.tsv``, built from
- GB/T 4754-2017 《国民经济行业分类》 (with amendment No. 1, 2019): the 20 sections (门类 A-T)
  and 97 major divisions (大类 01-97);
- 教育部《职业教育专业目录（2021年）》 (教职成〔2021〕2号), 高等职业教育专科: the 19 专业大类
  (41-59) and their 97 专业类;
- 国家统计局《战略性新兴产业分类（2018）》 (国家统计局令第23号): the nine strategic emerging
  industries (新一代信息技术, 高端装备制造, 新材料, 生物, 新能源汽车, 新能源, 节能环保, 数字创意,
  相关服务业);
- the industry-chain names of provincial plans (集成电路, 低空经济, 康养, 现代煤化工, 动力电池 …).
Each row gives a canonical term, its source entry, synonyms and English names; rows marked
``scan = no`` (教育, 统计, 公共管理 …) are too general to be looked for inside running text.

A lower layer: organisation-name checks (ingest/orgnames), the industry extractor
(ingest/industry.py) and the question parser's tables (search/vocab.py) all read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "industries.tsv"


@dataclass
class Industry:
    """One canonical term with everything the data file says about it."""

    term: str
    sources: list[tuple[str, str]] = field(default_factory=list)  # (level, code)
    synonyms: list[str] = field(default_factory=list)
    english: list[str] = field(default_factory=list)
    scan: bool = True


def _load(path: Path = DATA_FILE) -> dict[str, Industry]:
    out: dict[str, Industry] = {}
    owner: dict[str, str] = {}  # every form → its canonical term
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 6)[:6]
        term, level, code, syns, english, scan = (c.strip() for c in cols)
        if not term or not level:
            raise ValueError(f"{path.name}:{lineno}: a row needs a term and a level")
        ind = out.setdefault(term, Industry(term))
        ind.sources.append((level, code))
        if scan == "no":
            ind.scan = False
        for form in [term, *(s.strip() for s in syns.split("|"))]:
            if not form:
                continue
            if owner.setdefault(form, term) != term:
                raise ValueError(f"{path.name}:{lineno}: {form} is a synonym of both {owner[form]} and {term}")
            if form != term and form not in ind.synonyms:
                ind.synonyms.append(form)
        for en in (e.strip().lower() for e in english.split("|")):
            if en and en not in ind.english:
                ind.english.append(en)
    return out


INDUSTRIES: dict[str, Industry] = _load()
# Every form (canonical term or synonym) → the canonical term.
_CANON: dict[str, str] = {f: ind.term for ind in INDUSTRIES.values() for f in (ind.term, *ind.synonyms)}
# The forms looked for in running text (lexicon_terms), longest first for each first character.
_LEXICON: tuple[str, ...] = tuple(sorted({f for ind in INDUSTRIES.values() if ind.scan
                                          for f in (ind.term, *ind.synonyms) if len(f) >= 2},
                                         key=lambda f: (-len(f), f)))
LEXICON_SET = frozenset(_LEXICON)
_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _f in _LEXICON:
    _BY_FIRST[_f[0]] = _BY_FIRST.get(_f[0], ()) + (_f,)
del _f

_SUFFIX_RE = re.compile(r"(?:产业链|产业集群|产业|行业|大类|类)$")
# Words before an industry that do not change which one it is (高端装备制造, 智慧旅游, 绿色石化).
_MODIFIERS = ("高端", "智慧", "现代", "绿色", "新型", "先进")
_SURFACE_MODIFIERS = ("高端", "智慧")
# Endings after an industry that name the same one (汽车制造业 = 汽车, 餐饮服务业 = 餐饮).
_ENDINGS = ("业", "制造", "服务", "制造业", "服务业")  # the longest head first


def _known(t: str) -> str | None:
    """The canonical term of a form, also with an ending (畜牧业, 装备制造业, 餐饮服务业, 汽车制造)
    or a modifier (智慧物流, 绿色建材) that the vocabulary does not list itself."""
    if t in _CANON:
        return _CANON[t]
    for cut in _ENDINGS:
        head = t[:-len(cut)]
        if t.endswith(cut) and len(head) >= 2 and head in _CANON:
            return _CANON[head]
    for mod in _MODIFIERS:
        rest = t[len(mod):]
        if t.startswith(mod) and len(rest) >= 2:
            hit = _known(rest)
            if hit:
                return hit
    return None


def _strip_suffix(t: str) -> str:
    m = _SUFFIX_RE.search(t)
    if not m:
        return t
    rest = t[:m.start()]
    if m.group(0) in ("类", "大类") and not _known(rest):
        return t  # 门类, 人类: a class only when the vocabulary knows the word before it
    return rest if len(rest) >= 2 else t


def surface(term: str) -> str:
    """The industry as the text names it, without 产业/行业/业 endings and the 高端/智慧 that make
    it no other industry: 装备制造业 / 装备制造产业 / 高端装备制造 → 装备制造, 石化产业 → 石化,
    现代服务业 stays. Unknown phrases only lose their ending (低空飞行产业 → 低空飞行)."""
    t = _strip_suffix(term.strip())
    canon = _known(t)
    if canon is None:
        return t
    for mod in _SURFACE_MODIFIERS:
        rest = t[len(mod):]
        if t.startswith(mod) and len(rest) >= 2 and _known(rest) == canon:
            t = rest  # 高端装备制造 → 装备制造, 智慧旅游 → 旅游
    if t in INDUSTRIES:
        return t  # a canonical term keeps its ending (现代服务业, 茶业, 汽车服务)
    for cut in _ENDINGS:
        head = t[:-len(cut)]
        if t.endswith(cut) and len(head) >= 2 and _CANON.get(head) == canon:
            return head  # 畜牧业 → 畜牧, 装备制造业 → 装备制造, 汽车制造业 → 汽车 (医药制造 stays)
    return t


def normalise(term: str) -> str:
    """The canonical term of an industry name: 装备制造业 / 高端装备制造 → 装备制造, 石化产业 →
    石油化工, 汽车产业链 → 汽车, 康养 → 健康养老, 电子与信息大类 → 电子信息; 现代服务业 stays.
    A phrase the vocabulary does not know comes back as ``surface`` makes it."""
    t = term.strip()
    hit = _known(t) or _known(_strip_suffix(t))
    return hit if hit else surface(t)


def is_known(term: str) -> bool:
    """True if the vocabulary knows the industry (under any of its names)."""
    t = term.strip()
    return bool(_known(t) or _known(_strip_suffix(t)))


def names_an_industry(text: str) -> bool:
    """True if ``text`` holds a sector of the lexicon or a phrase before 产业/行业 (what makes a
    group's name specific even without a place: 航空维修职业教育集团, 农机装备产业产教融合共同体)."""
    return bool(lexicon_terms(text)) or bool(re.search(r"[\u4e00-\u9fff]{2}(?:产业|行业)", text))


_TAIL_RE = re.compile(r"服务业|制造业|产业链|产业|行业|业")


def lexicon_terms(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping lexicon terms in text, longest first, left to right: (start, end, term)
    with the 产业/行业/业 after a term inside the span, the term as the lexicon spells it."""
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(text)
    by_first = _BY_FIRST
    while i < n:
        cands = by_first.get(text[i])
        if cands:
            for term in cands:
                if text.startswith(term, i):
                    end = i + len(term)
                    # 旅游服务业 / 服装制造业 / 汽车产业链 name the head industry (旅游, 服装, 汽车).
                    tail = _TAIL_RE.match(text, end)
                    if tail and not term.endswith("业"):
                        if term.endswith(("服务", "制造")) and tail.group(0) == "业":
                            term = term + "业"
                        end = tail.end()
                    out.append((i, end, term))
                    i = end
                    break
            else:
                i += 1
        else:
            i += 1
    return out


# ---- tables for question parsing (search/vocab.py) ------------------------------------------
def english_names() -> dict[str, str]:
    """English industry words → canonical term, for the scanned terms (``education`` and the
    like would match every question about vocational education)."""
    return {en: ind.term for ind in INDUSTRIES.values() if ind.scan for en in ind.english}


def synonyms() -> dict[str, str]:
    """Chinese synonyms → canonical term (石化 → 石油化工, 康养 → 健康养老), scanned terms only."""
    return {s: ind.term for ind in INDUSTRIES.values() if ind.scan for s in ind.synonyms}


def terms() -> tuple[str, ...]:
    """The canonical terms that are scanned, longest first."""
    return tuple(sorted((ind.term for ind in INDUSTRIES.values() if ind.scan), key=lambda t: (-len(t), t)))
