"""Where a name starts: the left boundary of a name ending at a suffix, found by walking back over
jieba tokens until a function word or verb (由, 与, 联合, 依托, 的 ...), a punctuation mark or a list
number. PDF/Word text breaks lines (and inserts spaces) inside names, so the walk hops over such
whitespace.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.orgnames.check import _NAME_VERBS, _is_generic, _is_verb, _modifier, _place, _proper_noun
from ingest.industry_vocab import names_an_industry
from ingest.regions import lookup_region
from ingest.orgnames.words import classify_org, memo_on, pos_cut, segment, _CJK, _CLOSE, _OPEN, _ROLE_TOKENS, _STANDALONE, _STOP_TOKENS, _SUFFIXES, _ZONE_WORDS

_HEADING_LINE_RE = re.compile(r"^\s*(?:[表图冬]\s*\d|【|\d+(?:\s*\.\s*\d+)+\s|[一二三四五六七八九十]+[、是]|"
                              r"（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[章节部分])")
_KICKER_RE = re.compile(r"^\s*[^。，,；;:：\n]{2,14}[:：][^。，,；;:：\n]{2,30}$")
_ORDINAL_RE = re.compile(r"^第?[一二三四五六七八九十百千两几首]+[个家所批届位名]$")  # 第一个, 两所 (not 第一中学)
# Stop words that also occur inside names (北岭联合物流有限公司, 南浦技术合作有限公司).
_SOFT_STOPS = frozenset({"联合", "合作", "共同", "发展"})
_CONJUNCTIONS = frozenset({"和", "与", "及", "同"})
_NAME_CHAR_RE = re.compile(rf"[{_CJK}〇A-Za-z0-9·•（）()\-]")
_MAX_NAME = 40
# A news dateline (…3月18日电, …三月十八日讯) before a name: the day written in Chinese numerals, or
# after the digits the walk stopped at.
# 电 opening a word (日电子, 日电气) is a trade, not the wire.
_WIRE = r"(?:电(?![子气力器网视信话缆机池脑站厂梯影台商动源线路])|讯)"
_DATELINE_RE = re.compile(rf"[^月，。]{{0,12}}月[〇零一二三四五六七八九十]{{1,3}}日{_WIRE}")
_DAY_AFTER_DIGITS_RE = re.compile(rf"(?:月[〇零一二三四五六七八九十]{{1,3}})?日{_WIRE}")
# The suffixes that end a whole name (学校, 有限公司 …): a line ending in one ends there.
_SUFFIX_END_RE = re.compile("(?:" + "|".join(sorted((re.escape(x) for x, _ in _SUFFIXES), key=len, reverse=True)) + r")\s*$")
_LEGAL = frozenset({"有限公司", "股份有限公司", "有限责任公司"})
# A verb with the complement 好 (落实好, 对接好, 建设好): it ends a clause, never opens a name.
_VERB_GOOD_RE = re.compile(r"^(?:落实|对接|建设|办|用|发挥|抓|做|管|服务|完成|利用)好$")
# Nouns for a kind of body: before a place they end a name (友好合作企业某省某某有限公司).
_KIND_NOUNS = frozenset({"企业", "单位", "院校", "高校", "学校", "会员", "成员", "伙伴", "机构", "部门",
                         "平台", "载体", "基地", "纽带", "桥梁"})  # 构建…人才培养平台某省某某职业教育集团


# A school, or the word a school's own text calls itself by, right before a name.
_OWN_SCHOOL_END_RE = re.compile(r"(?:学院|学校|大学|职院|技校|我校|我院|本校|该校|该院)$")


_BULLETS = "•▪●◆■"
_MENU_WORD_RE = re.compile(rf"[{_CJK}]{{1,4}}")


def _menu_line(text: str, k: int) -> bool:
    """Whether the line ending at ``k`` is a page's menu word: a line of one to four characters (no
    punctuation) under another such line."""
    a = text.rfind("\n", 0, k) + 1
    above_end = text[:a].rstrip(" \u3000\r\n")
    b = above_end.rfind("\n") + 1
    return bool(_MENU_WORD_RE.fullmatch(text[a:k].strip()) and _MENU_WORD_RE.fullmatch(above_end[b:].strip()))


def _soft_space(text: str, i: int) -> bool:
    """Whitespace at i that a PDF/Word extraction inserted inside a phrase: a run of spaces and
    line breaks (no tab) between two name characters."""
    j = i
    while j < len(text) and text[j] in " \u3000\r\n":
        j += 1
    k = i
    while k > 0 and text[k - 1] in " \u3000\r\n":
        k -= 1
    if j >= len(text) or k == 0:
        return False
    run = text[k:j]
    if text[k - 1] in _BULLETS or text[j] in _BULLETS:
        return False  # "• 某某联社": a bullet opens a list item, never the middle of a name
    if "\n" in run and _menu_line(text, k):
        return False  # 页面\n配色\n重置\n某某联社: a stack of a page's short menu words
    if "\n" in run:
        prev_line = text[text.rfind("\n", 0, k) + 1:k]
        if _HEADING_LINE_RE.match(prev_line):
            return False  # a caption or heading ends at its line break (表 5-1 兴辽产业学院名单)
    if "\n" in run and _KICKER_RE.match(text[text.rfind("\n", 0, k) + 1:k]):
        line_start = text.rfind("\n", 0, k) + 1
        before = text[:line_start].rstrip(" \u3000\r\n")
        if not before or before[-1] in "。！？!?”":
            return False  # a news subheading between paragraphs (聚焦循环经济：某某展现领先实力)
    if "\n" in run and _SUFFIX_END_RE.search(text[text.rfind("\n", 0, k) + 1:k]):
        return False  # a line that ends with a whole name (a list of one name per line)
    if "\n" in run and re.search(r"[ \u3000]\r?\n", run):
        # A line that ends in a space ends a heading or a cell ("专业委员会为基础 \n联盟在…"),
        # while a name broken by the PDF ("辽宁开原雨润\n食品有限公司") has no trailing space.
        return False
    return bool(_NAME_CHAR_RE.match(text[j])) and bool(_NAME_CHAR_RE.match(text[k - 1]))


def _left_context(text: str, s: int, lo: int) -> tuple[str, list[int]]:
    """Name characters left of s (hopping soft whitespace), nearest last, with their offsets."""
    chars: list[str] = []
    pos: list[int] = []
    i = s - 1
    depth = 0
    while i >= lo and len(chars) < _MAX_NAME:
        c = text[i]
        if c in " \u3000\r\n":
            if not _soft_space(text, i):
                break
            i -= 1
            continue
        if c in _CLOSE:
            depth += 1
        elif c in _OPEN:
            if depth == 0:
                break
            depth -= 1
        elif not _NAME_CHAR_RE.match(c) or c.isdigit() and depth == 0:
            break
        chars.append(c)
        pos.append(i)
        i -= 1
    chars.reverse()
    pos.reverse()
    cut = 0
    if depth > 0:
        # 各市（含甲、乙市）教育局: a bracket opened before the walk's stop is no part of the name
        for k, c in enumerate(chars):
            if c in _CLOSE:
                depth -= 1
                cut = k + 1
                if depth == 0:
                    break
    # 新华社北京3月18日电某某大学, 本报三月十八日讯某某学院: a news dateline glued to the name
    after_digit = cut == 0 and i >= lo and text[i].isdigit()
    dateline = (_DAY_AFTER_DIGITS_RE if after_digit else _DATELINE_RE).match("".join(chars), cut)
    if dateline:
        cut = dateline.end()
    return "".join(chars[cut:]), pos[cut:]


def _ends_with_org(prefix: str) -> bool:
    """True if ``prefix`` ends with a complete school/agency-like name (学校, 学院, 教育局 ...)."""
    if any(prefix[-n:] in names for n, names in _STANDALONE_BY_LENGTH):
        return True
    return any(len(prefix) > n + 1 and prefix[-n:] in suffixes for n, suffixes in _SCHOOL_AGENCY_BY_LENGTH)


def _by_length(words) -> tuple[tuple[int, frozenset[str]], ...]:
    """``words`` grouped by length: whether a string ends with one is a look-up per length."""
    return tuple((n, frozenset(w for w in words if len(w) == n)) for n in sorted({len(w) for w in words}))


_STANDALONE_BY_LENGTH = _by_length(_STANDALONE)
_SCHOOL_AGENCY_BY_LENGTH = _by_length({x for x, typ in _SUFFIXES if typ in ("School", "Agency")})


def _drop_person(taken: list[str]) -> list[str]:
    """``taken`` (tokens nearest last-first) without the person name that opens it."""
    body = "".join(reversed(taken))
    words = pos_cut(body, True)
    if not words or not words[0].flag.startswith("nr") or len(words[0].word) < 2 or len(words) < 2:
        return taken
    n = len(words[0].word)
    while taken and n > 0:
        n -= len(taken[-1])
        taken = taken[:-1]
    return taken


def _brand_between(rest: list[str], taken: list[str]) -> list[str]:
    """北岭市三将贸易有限公司: one or two single characters that jieba reads as a number or a verb,
    between a place and the trade of a registered company name, are its brand; the tokens (nearest
    first) to add to ``taken``, or none."""
    singles: list[str] = []
    for t in rest[:2]:
        if len(t) != 1 or not re.match(f"[{_CJK}]", t) or t in "与和及同的在为由对向从把被让是了等之":
            break
        singles.append(t)
    j = len(singles)
    if not singles or j >= len(rest) or not _place(rest[j]) or any(_proper_noun(t) or _place(t) for t in taken):
        return []
    return [*singles, rest[j]]


def _join_zone_words(tokens: list[str]) -> list[str]:
    """``tokens`` with the zone words jieba cut into characters (经/开/区) joined again."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for w in _ZONE_WORDS:
            j, acc = i, ""
            while j < len(tokens) and len(acc) < len(w) and w.startswith(acc + tokens[j]):
                acc += tokens[j]
                j += 1
            if acc == w and j - i > 1:
                out.append(w)
                i = j
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _verb_before_place(token: str, taken: list[str]) -> bool:
    """A plain verb or an adverb (承接, 委托, 同意) right before the place that opens the name so far: a
    clause's verb, never part of a name (trades such as 振兴, 服务 excepted)."""
    return bool(taken) and (_is_verb(token) or _adverb(token)) and token not in _NAME_VERBS and \
        lookup_region(token) is None and (_place(taken[-1]) or lookup_region(taken[-1]) is not None)


@lru_cache(maxsize=4096)
def _adverb(token: str) -> bool:
    """A word jieba tags as an adverb only (同意, 全面): before a place it ends a clause. 大连 is tagged
    so too, but the gazetteer knows it (the caller asks it first)."""
    import jieba.posseg

    tags = jieba.posseg.lcut(token, HMM=False)
    return len(token) >= 2 and len(tags) == 1 and tags[0].flag in ("d", "ad")


# Subjects a report's clause opens with before its verb (学校建有…, 学院承办…): never part of a name.
_SUBJECT_WORDS = frozenset({"学校", "学院", "我校", "我院", "本校", "本院", "该校", "该院", "集团", "联盟", "公司", "企业"})


def _clause_verb(token: str, left: str, taken: list[str]) -> bool:
    """A plain verb right after a subject word (学校建有, 我院设有): the clause's verb, not the name's."""
    return bool(taken) and left in _SUBJECT_WORDS and _is_verb(token) and token not in _NAME_VERBS


# What stands before 月 when it is a month: a numeral or a relative word (3月, 十月, 本月, 上月).
_MONTH_BEFORE_RE = re.compile(r"[〇零一二三四五六七八九十两本上下同当每次该个半岁年]")


def _trade_word(token: str) -> bool:
    """A word that, before a verb such as 计算, makes it a company's trade (云计算, 数据计算): a
    noun-like word of its own, no verb, stop word or function word."""
    return len(token) >= 1 and not _is_verb(token) and token not in _STOP_TOKENS and not _modifier(token) \
        and bool(re.fullmatch(r"[\u4e00-\u9fff]+", token))


def _walk_left(context: str, suffix: str, tok) -> int:
    """How many characters of ``context`` (nearest last) belong to the name ending in ``suffix``
    (memoised on the tokenizer: the page's pass and the sentence's read the same contexts)."""
    if not context:
        return 0
    memo = memo_on(tok, "_vocgraph_walks")
    n = memo.get((context, suffix))
    if n is None:
        n = memo[(context, suffix)] = _walk(context, suffix, tok)
    return n


def _walk(context: str, suffix: str, tok) -> int:
    if suffix in ("酒店", "大酒店", "宾馆") and re.search(r"(?:有限公司|有限责任公司|集团)$", context):
        return 0  # 某某投资有限公司酒店中心: a department of the company, which is the name
    if suffix == "实训中心" and re.search(r"(?:学院|学校|大学|职院|技校|中心)$", context):
        return 0  # 某某职业学院实训中心: the school's own facility
    tokens = _join_zone_words(list(segment(tok, context)))
    taken: list[str] = []
    rev = list(reversed(tokens))
    stop = None  # where the walk ended on a stop token
    for i, t in enumerate(rev):
        if not taken and t in _CONJUNCTIONS and i + 1 < len(rev) and len(rev[i + 1]) == 1:
            pass  # 东川泰和集团: a conjunction never sits right before a suffix
        elif t == "和" and taken and i + 2 < len(rev) and rev[i + 2] in ("全国", "中国") and \
                names_an_industry("".join(reversed(taken))) and rev[i + 1] not in _STOP_TOKENS and len(rev[i + 1]) >= 2:
            pass  # 全国石油和化工…教学指导委员会: two trades of one national body
        elif t in ("和", "与") and taken and suffix in _LEGAL and i + 1 < len(rev) and len(rev[i + 1]) >= 2 and \
                not _proper_noun(taken[-1]) and not _place(taken[-1]) and rev[i + 1] not in _STOP_TOKENS and \
                not _is_verb(rev[i + 1]) and classify_org("".join(reversed(rev[i + 1:]))) is None and \
                rev[i + 1] not in _KIND_NOUNS and i + 2 < len(rev) and (_proper_noun(rev[i + 2]) or _place(rev[i + 2])):
            pass  # 北岭厨房和热水电器制造(泰国)有限公司: two trades in one registered name
        elif t == "月" and taken and i + 1 < len(rev) and len(rev[i + 1]) == 1 and re.fullmatch(
                r"[\u4e00-\u9fff]", rev[i + 1]) and not _MONTH_BEFORE_RE.fullmatch(rev[i + 1]):
            pass  # 长春净月汽车…学院: 月 of a place's name jieba cut apart (净 + 月), not a month (3月, 本月)
        elif t in _SOFT_STOPS and i + 1 < len(rev) and _proper_noun(rev[i + 1]) and not _ends_with_org(
                "".join(reversed(rev[i + 1:]))):
            pass  # 安吉联合物流: a place or proper name before it makes it part of the name
        elif t in _STOP_TOKENS or _ORDINAL_RE.match(t) or len(t) > 2 and t[-2:] in _STOP_TOKENS or \
                _VERB_GOOD_RE.match(t) or t == "好" and i + 1 < len(rev) and (
                _VERB_GOOD_RE.match(rev[i + 1] + t) or _is_verb(rev[i + 1])):
            if (t in _ROLE_TOKENS or t[-2:] in _ROLE_TOKENS) and taken:
                taken = _drop_person(taken)  # 院长张三北岭公司: the person after the title is no part
            stop = i
            break
        elif _is_verb(t) and t not in _NAME_VERBS and i + 1 < len(rev) and not _proper_noun(rev[i + 1]) and (
                _is_generic(list(reversed(taken))) or _modifier(rev[i + 1])) and not (
                not taken and suffix in _LEGAL and len(t) >= 2 and _trade_word(rev[i + 1])):
            break  # 全面增强职业教育集团, 有效监督守护学校: a verb inside a clause ends the name
        elif _verb_before_place(t, taken) or _clause_verb(t, rev[i + 1] if i + 1 < len(rev) else "", taken):
            break  # 学院承接某市人力资源和社会保障局, 学校建有某某网络学院: a subject and its verb before the name
        if re.fullmatch(r"[0-9]+", t):
            break
        if t in _KIND_NOUNS and taken and (_place(taken[-1]) or i + 1 < len(rev) and (
                rev[i + 1] in _STOP_TOKENS or rev[i + 1][-2:] in _ROLE_TOKENS)):
            break  # 合作企业某省某某有限公司, 理事长单位某某学院: the kind of partner or a role, then the name
        before = context[: len(context) - sum(len(x) for x in taken)]
        if taken and not _is_generic(list(reversed(taken))) and _ends_with_org(before) and \
                not {"附属", "附设"} & set(taken) and not (before.endswith("大学") and suffix == "学院") and \
                not (before.endswith(("大学", "学院")) and suffix in ("研究院", "研究所", "研究中心")) and \
                not (before.endswith("人民政府") and suffix.endswith(("委员会", "办公室", "办公厅")) and
                     not _place(taken[-1])) and not (before.endswith(("国务院", "人民政府")) and suffix == "联席会议"):
            # (某市人民政府国有资产监督管理委员会: a commission of the government is one name, and so is
            # its joint conference, 国务院某某工作部际联席会议)
            # (某某大学化学化工学院: a college of the university is one name; so is its institute,
            # 某某大学北岭研究院)
            # 学校青峰酒店产业学院: the school before the 产业学院 is a separate name; but
            # 临江城市职业学院职教集团 is one name (nothing specific between the two suffixes).
            break
        taken.append(t)
    if stop is not None and suffix in _LEGAL and taken:
        taken += _brand_between(rev[stop:], taken)
    n = sum(len(t) for t in taken)
    # Strip leading chars that are themselves stop characters glued by jieba (和万豪 → 万豪).
    body = context[len(context) - n:]
    while body and body[0] in "由与和及在为是的了等对向到从将把被让":
        body = body[1:]
        n -= 1
    if suffix == "实训中心" and n and _OWN_SCHOOL_END_RE.search(context[: len(context) - n]):
        return 0  # 参观了学院新能源汽车实训中心: the school's own facility, named after its field
    return n
