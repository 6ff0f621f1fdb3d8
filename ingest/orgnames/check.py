"""Whether the words before an organisation suffix make the name of one body: not generic
(中等职业学校), not a category (临川市中职学校), holding a proper-name part (a place, a brand, a
name jieba tags as such), and not a second body glued on (共青团锦州市委员会锦州市残疾人联合会).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterable

from ingest.orgnames.words import (_CJK, _CLOSE, _GENERIC_TOKENS, _OPEN, _STANDALONE, _STOP_TOKENS, _SUFFIX_TYPE,
                             _ZONE_WORDS, classify_org, per_set, pos_cut, segment, tokenizer)
from ingest.industry_vocab import names_an_industry
from ingest.regions import is_place_relative, lookup_region, region_prefix


def _covered(body: str, words: frozenset[str]) -> bool:
    """True if ``body`` is a concatenation of ``words`` (whatever jieba made of it)."""
    ok = [True] + [False] * len(body)
    for i in range(1, len(body) + 1):
        ok[i] = any(ok[j] and body[j:i] in words for j in range(max(0, i - 6), i))
    return ok[len(body)]


def _is_generic(tokens: Iterable[str]) -> bool:
    """Only generic words (中等职业, 有关): no body's own name (memoised: pure, and asked again for
    the same words)."""
    return _generic(tuple(tokens))


@lru_cache(maxsize=1 << 16)
def _generic(tokens: tuple[str, ...]) -> bool:
    tokens = [t for t in tokens if t not in _OPEN and t not in _CLOSE]
    body = "".join(tokens)
    if len(body) < 2:
        return True
    return all(t in _GENERIC_TOKENS or t in _STOP_TOKENS or t.isdigit() for t in tokens) or _covered(
        re.sub(r"\d+", "", body), _GENERIC_TOKENS | _STOP_TOKENS)


# School types: "临川市中职学校" is a category of schools in a city, not one school.
_SCHOOL_CATEGORY = frozenset({"中职", "中高职", "中等职业", "中等", "职业", "高职", "高等职业", "普通", "各类", "职业技术",
                              "多所", "部分", "各", "所有", "全部", "公办", "民办"})


# Group kinds: "临川市市域产教联合体" is the kind of body a city builds, not one body.
_GROUP_CATEGORY = frozenset({"市域", "区域", "行业", "产教", "融合", "产教融合", "示范", "示范性", "省级", "市级"})


def _is_category(tokens: list[str], suffix: str) -> bool:
    """Region + school type + 学校 (临川市中等职业学校, 临川中职学校) names a category."""
    if not tokens or suffix != "学校" and _SUFFIX_TYPE.get(suffix) != "Group":
        return False
    i = 0
    while i < len(tokens) and _place(tokens[i], i == 0):
        i += 1
    rest = "".join(tokens[i:])
    if 0 < i == len(tokens) and suffix in _INDUSTRY_KINDS:
        return True  # 河南省行业产教融合共同体: the kind of body a province selects, no industry named
    category = _SCHOOL_CATEGORY if suffix == "学校" else _GROUP_CATEGORY
    if suffix == "学校" and 0 < i and tokens[i - 1].endswith(("县", "旗")) and rest in _COUNTY_SCHOOL:
        return False  # 某某县职业技术学校: a county has one such school, and this is its name
    return 0 < i and bool(rest) and _covered(rest, category)


# What a county's own vocational school is called after the county (某某县职业技术学校, 某某旗职业学校).
_COUNTY_SCHOOL = frozenset({"职业", "职业技术", "职业技术教育"})


# Group kinds named for an industry: a place alone before them names no body.
_INDUSTRY_KINDS = frozenset({"行业产教融合共同体", "产教融合共同体", "产业学院"})


@lru_cache(maxsize=4096)
def _is_verb(token: str) -> bool:
    """jieba tags the token as a plain verb (not a verbal noun such as 建设, 服务, 管理)."""
    tags = pos_cut(token)
    return len(token) >= 2 and len(tags) == 1 and tags[0].flag == "v"


# Verbs that name a trade inside organisation names (装备制造, 智能建造, 汽车维修).
_NAME_VERBS = frozenset("""制造 建造 设计 维修 加工 运营 装配 检测 运输 养殖 种植 印刷 包装 销售 服务 建设 发展
应用 保障 保育 管理 经营 开发 控制 监测 养护 运用 检修 创意 贸易 物流 融合 振兴""".split())


@lru_cache(maxsize=4096)
def _place(token: str, first: bool = True) -> bool:
    """A place name (临川, 临川市, 北岭区): jieba's ns tag or an administrative suffix."""
    if re.fullmatch(r"[\u4e00-\u9fff]{2,6}(?:省|市|区|县)", token):
        return True
    if not first:
        return False  # after the first place only 市/区/县 names follow (临川市北岭区, not 临川东美)
    if token in ("城市", "都市", "城乡", "社区", "地方", "区域", "全国", "国家", "国际"):
        return False  # common nouns jieba tags as places
    tags = pos_cut(token)
    return len(tags) == 1 and tags[0].flag == "ns"


@lru_cache(maxsize=4096)
def _modifier(token: str) -> bool:
    """An adverb, adjective or pronoun (全面, 有效, 不断, 我): what precedes a verb, not a name."""
    tags = pos_cut(token)
    return len(tags) == 1 and tags[0].flag in ("d", "ad", "a", "r", "c", "p")


@lru_cache(maxsize=4096)
def _proper_noun(token: str) -> bool:
    """jieba's part of speech says place, person or other proper name."""
    return len(token) >= 2 and all(p.flag in ("ns", "nr", "nz", "nt", "nrt", "nrfg")
                                   for p in pos_cut(token))


# Suffixes that already say which field a body serves (X产业学院, X行业产教融合共同体): any prefix
# that is not generic names one body. Registered company names (…有限公司) are names whatever
# words they use.
_FIELD_SUFFIXES = frozenset({"产业学院", "行业产教融合共同体", "产教融合共同体", "市域产教联合体", "产教联合体",
                             "职业教育园区"})
# Bodies of an industry's schools (全国某某行指委, 全国某某和某某职业教育教学指导委员会): the industry names them.
_FIELD_ASSOCIATIONS = frozenset({"行指委", "教指委", "教学指导委员会", "行业指导委员会"})
_LEGAL_SUFFIXES = frozenset({"有限公司", "股份有限公司", "有限责任公司", "总公司"})
# jieba tags some everyday words as names (智慧 nr, 阳光 nr): a name tag counts for rarer words only.
_PROPER_FLAGS = frozenset({"nr", "nrt", "nz", "nt", "nrfg", "ns", "j"})
_COMMON_FREQ = 1000
_BRAND_FREQ = 500
_RARE_FREQ = 50
_NOT_PLACES = frozenset({"城市", "都市", "城乡", "社区", "地方", "区域", "国家", "国际", "城区", "市区", "地区"})
_FUNCTION_CHARS = frozenset("的和与及在为是了等对向到从将把被让各本该我其这此之所以或并且也都又还")


@lru_cache(maxsize=8192)
def _proper_token(token: str) -> bool:
    """A token that only a proper name is made of: a place of the gazetteer (or a 省/市/区/县
    name), a Latin word, or a word jieba tags as a name and that is not an everyday word."""
    if re.search(r"[A-Za-z]", token):
        return True
    if len(token) < 2 or token in _NOT_PLACES or token in _GENERIC_TOKENS or token in _STOP_TOKENS or \
            token in _SUFFIX_TYPE:
        return False
    if lookup_region(token) is not None or (
            len(token) >= 3 and re.fullmatch(r"[\u4e00-\u9fff]+(?:省|市|区|县|州|旗)", token)
            and token[0] not in "各全本该省市区县"):
        return True
    tags = pos_cut(token)
    if len(tags) == 1 and tags[0].flag == "ns":
        return True  # a place however common (a country: 某国鲁班工坊); common nouns are in _NOT_PLACES
    return len(tags) == 1 and tags[0].flag in _PROPER_FLAGS and \
        tokenizer().FREQ.get(token, 0) < _COMMON_FREQ


def _specific(prefix: str, tokens: list[str], suffix: str, typ: str) -> bool:
    """True if the words before the suffix make one body of the name: a proper-name element (a
    place, a Latin brand, a name jieba tags as such, or a word jieba does not know, which it cuts
    into single characters: 华住, 中车, 信创), an industry for a group, or a legal company suffix.
    暑期学校, 特色职业培训学院, 教育部门管理中职学校 are made of common words only; in
    中国特色现代职业学校 the place qualifies 特色, not the school."""
    if typ == "Enterprise" and suffix in _LEGAL_SUFFIXES or suffix in _FIELD_SUFFIXES or suffix in _STANDALONE:
        return True
    if typ in ("Agency", "Institute") and prefix in ("省", "市", "区", "县", "州"):
        return True  # 省教育厅, 市教育局: the document's own province or city
    if typ == "Agency" and any(prefix.startswith(n) for n in _STANDALONE):
        return True  # 国务院某某工作部际联席会议: a body of a national one
    if typ == "Group" or suffix in _FIELD_ASSOCIATIONS:
        if names_an_industry(prefix):
            return True
    if region_prefix(prefix + suffix) is not None or is_place_relative(prefix + suffix):
        return True  # 辽西北产教融合联盟, 市汽车工程学校 (the document's own city)
    run = 0
    for i, t in enumerate(tokens):
        if len(t) == 1 and re.match(f"[{_CJK}]", t) and t not in _FUNCTION_CHARS:
            run += 1  # an unknown word: jieba cut it into single characters
            if run >= 2 or i + 1 < len(tokens) and _surname(t):
                return True  # 周明远院士工作站: a surname and a given name
            continue
        run = 0
        if _proper_token(t) and not (i + 1 < len(tokens) and tokens[i + 1] == "特色"):
            return True
        if typ == "Enterprise" and _brand(t) or i == 0 and _brand(t, _RARE_FREQ):
            return True  # a rare word opening the name: a brand, or a place the gazetteer lacks
    return False


def _brand(token: str, freq: int = 0) -> bool:
    """A short word that jieba knows but rarely sees: in front of 集团/公司 it is a brand
    (鞍钢集团, 双汇集团, 格力公司), not an everyday word (第二, 现代, 层次)."""
    return 2 <= len(token) <= 3 and token not in _GENERIC_TOKENS and token not in _STOP_TOKENS and \
        token not in _SUFFIX_TYPE and \
        tokenizer().FREQ.get(token, 0) < (freq or _BRAND_FREQ)


@lru_cache(maxsize=1024)
def _surname(char: str) -> bool:
    return pos_cut(char)[0].flag == "nr"


@lru_cache(maxsize=1 << 16)
def _second_body(prefix: str, suffix: str) -> int:
    """Where a second body starts inside ``prefix``: after a complete name (共青团锦州市委员会, or
    锦州市教育局 followed by 和/与/及/经), a place opens a new name (锦州市残疾人联合会). 0 when
    there is none; 招商局南京油运 is one name, 招商局 being no complete name of a known kind."""
    for p in range(len(prefix) - 1, 2, -1):
        first = prefix[:p].rstrip("和与及经、")
        place, core = _place_and_core(prefix[p:] + suffix)
        # 中国移动通信集团辽宁有限公司 is a branch: after the place comes only the suffix.
        if (classify_org(first) or first.endswith("委员会")) and place and (
                core != suffix or _SUFFIX_TYPE.get(suffix) == "Agency" and classify_org(first) == "Agency"):
            return p  # 中国移动通信集团辽宁有限公司 stays one; 某市教育局某市人社局 are two agencies
    return 0


def _place_and_core(name: str) -> tuple[str | None, str]:
    """The place a name opens with (its gazetteer name; "" for 省/市 meaning the document's own)
    and the rest: 临川市X, 临川X, 某省临川市X → (临川市, X); 市X → ("", X)."""
    if r := region_prefix(name):
        return r[0].name, name[len(r[1]):]
    return ("", name[1:]) if is_place_relative(name) else (None, name)


def _longer_form(name: str, typ: str, doc_names: Iterable[str], specific: bool) -> str | None:
    """The one longer name of the same type in the document whose tail ``name`` is: 汽车工程学校 in a
    report that names 营口市汽车工程学校. A ``specific`` name (中澳学院) only takes a place in front
    (营口中澳学院). None when there is none, or when the longer names are different bodies
    (天津中澳学院 and 营口中澳学院)."""
    pool = _ending_with(name, doc_names) if isinstance(doc_names, frozenset) else doc_names
    cands = {n for n in pool if len(n) > len(name) and n.endswith(name) and classify_org(n) == typ}
    split = {n: _place_and_core(n) for n in cands}
    if specific:
        cands = {n for n in cands if split[n][1] == name}
    cores = {split[n][1] for n in cands}
    places = {split[n][0] for n in cands} - {"", None}
    if len(cores) != 1 or len(places) > 1:
        return None
    return max(cands, key=lambda n: (len(n), n))


def _ending_with(name: str, doc_names: frozenset[str]) -> list[str]:
    """The names of ``doc_names`` that end with ``name``: a range of the names sorted by their
    reversed spelling (a bucket by the last characters grew with the document: every 有限公司
    of a long list shared one)."""
    rev = _reversed_sorted(doc_names)
    key = name[::-1]
    out = []
    for i in range(bisect.bisect_left(rev, key), len(rev)):
        if not rev[i].startswith(key):
            break
        out.append(rev[i][::-1])
    return out


@per_set
def _reversed_sorted(doc_names: frozenset[str]) -> list[str]:
    """A document's names spelt backwards, sorted: one sort per document, not one scan per name read."""
    return sorted(n[::-1] for n in doc_names)


def place_typo(name: str, doc_names: Iterable[str]) -> str | None:
    """The name the document writes elsewhere when ``name`` is it with one character of the place
    misread: 菅口现代制造服务学校 in a report that also writes 营口现代制造服务学校 (OCR). None when
    ``name`` opens with a known place, or when no single such name exists."""
    if region_prefix(name) is not None or is_place_relative(name):
        return None
    index = _typo_index(frozenset(doc_names))  # built once per document, not a scan per name
    found = set()
    for i in range(len(name)):
        found |= index.get(name[:i] + "\0" + name[i + 1:], set())
    found.discard(name)
    return found.pop() if len(found) == 1 else None


@per_set
def _typo_index(doc_names: frozenset[str]) -> dict[str, set[str]]:
    """Each name that opens with a known place, under its forms with one character of the place
    masked (营口… under \\0口… and 营\\0…): a name found under one of them differs from it there only."""
    index: dict[str, set[str]] = {}
    for other in doc_names:
        r = region_prefix(other)
        for i in range(len(r[1]) if r else 0):
            index.setdefault(other[:i] + "\0" + other[i + 1:], set()).add(other)
    return index


# Tags jieba gives a lone character that is the piece of a word it does not know (a morpheme, a
# non-word, a name part), never a word of a clause (a verb, a noun like 厂, a particle).
_PIECE_TAGS = frozenset({"ng", "g", "x", "zg", "nr", "nrfg", "nrt", "nz", "ns", "j"})


def _unknown_word_start(cut: list, i: int) -> bool:
    """Whether the one-character "verb" at ``cut[i]`` opens a word jieba does not know (a rare place or
    brand it cuts into characters, 磨 + 憨): the next token is one character that is no word of its
    own (jieba tags it ng, nr, x …)."""
    if len(cut[i].word) != 1 or cut[i].flag[:1] != "v" or i + 1 >= len(cut):
        return False
    nxt = cut[i + 1]
    return len(nxt.word) == 1 and nxt.flag in _PIECE_TAGS and nxt.word not in _STOP_TOKENS and \
        lookup_region(nxt.word) is None


@lru_cache(maxsize=1 << 16)
def _leading_verbs(prefix: str) -> int:
    """Length of the verbs/adverbs/prepositions that open ``prefix`` (推进, 充分调动): a name
    never starts with one."""
    n = 0
    if prefix.startswith(_ZONE_WORDS):
        return 0  # a zone's short name (经开区, then 管委会) opens it: 经 and 开 are no verbs here
    cut = list(pos_cut(prefix))
    for i, p in enumerate(cut):
        if lookup_region(p.word) is not None:
            break  # a place jieba tags as a verb (a city named by two verbs) opens the name
        if _unknown_word_start(cut, i):
            break  # 磨憨跨境…有限公司: jieba cuts a word it does not know into characters, the first a "verb"
        # Not "d": jieba tags some place names as adverbs (大连).
        if (p.flag[:1] in ("v", "p", "c") or p.flag in ("ad", "l")) and p.flag != "vn" or p.word in _STOP_TOKENS:
            n += len(p.word)
        else:
            break
    return n

