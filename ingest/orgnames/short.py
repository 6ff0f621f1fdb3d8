"""Short forms of the bodies one document names: which surface form stands for which full name.

- defined: 某某职业技术学院（以下简称"某某职院"）, （简称X）, （下称X）, 以下分别简称"A"、"B";
- a prefix of one full name of the document (东川吉达 for 东川吉达汽车有限公司), at a place where
  no other name stands and the phrase ends (与东川吉达签约);
- the usual Chinese abbreviation: characters taken in order from the words of the name, each word
  giving nothing, its first character(s) or all of it, and the head kept or abbreviated
  (临江航空职业技术学院 → 临江航院 / 临航, 北岭职业技术学院 → 北职院, 某某职业教育集团 →
  某某职教集团, 某某集团有限公司 → 某某集团);
- the document's own place left out or written as 省/市 (市高新区管委会 for 某某市高新区管委会),
  and 政府 for 人民政府.

A short form that fits two bodies of the document is no one's: the two stay apart, unless it leaves
a specific word out of one of them only (临职院: 临江职业技术学院, not 临江科技职业学院).

>>> from ingest.orgnames.find import find_orgs
>>> t = "临江航空职业技术学院（以下简称“临江航院”）与北岭公司签约。"
>>> [(a.short, a.full) for a in short_forms(t, find_orgs(t))[0]]
[('临江航院', '临江航空职业技术学院')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ingest.model import Alias, Mention
from ingest.orgnames.spans import CharIndex, Covered
from ingest.orgnames.words import _BY_LENGTH, _GENERIC_TOKENS, _SHORT_HEADS, _STOP_TOKENS, classify_org, segment, pos_cut, tokenizer
from ingest.agencies import local_kind
from ingest.regions import region_prefix

_Q_OPEN = "\"“「『‘'"
_Q_CLOSE = "\"”」』’'"
# （以下简称“X”）, (简称X), （下称X）, ，以下简称X。 — X up to a quote, bracket or comma.
_DEFINED_RE = re.compile(
    rf"\s*[（(，,]?\s*(?:以下|下文|下)?(?:分别)?(?:简称|称)\s*(?:为)?\s*[:：]?\s*"
    rf"((?:[{_Q_OPEN}]?[^{_Q_OPEN}{_Q_CLOSE}（()）,，、。；;\s]{{2,16}}[{_Q_CLOSE}]?\s*[、和及]?\s*)+)[）)]?")
_ITEM_RE = re.compile(rf"[{_Q_OPEN}]?([^{_Q_OPEN}{_Q_CLOSE}、和及\s]{{2,16}})[{_Q_CLOSE}]?")
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
# Characters and words that may stand next to a short form in running text (与东川吉达签约).
_EDGE_CHARS = frozenset("与和及、的在等签共为将已于向同跟对把被是也都还就并由从到赴或暨获入先分以")
_EDGE_WORDS = frozenset("""签约 签订 签署 订单 合作 共建 携手 联合 举行 揭牌 开展 深化 达成 建立 成立 组建 牵头 双方 三方
校企 校长 院长 党委 董事 总经 副总 负责 领导 一行 冠名 捐赠 授牌 学生 师生 毕业 实训 产业 参加 参与 代表 相关 有关 主办
承办 召开 座谈 交流 调研 考察 走进 来到 援藏 援疆 援青 帮扶 支援 对口 围绕 面向 依托 对接 助力 参观""".split())
_PLACE_END_RE = re.compile(r"(?:省|市|县|区|州|旗|自治区|特别行政区)$")
_OWN_RELATIVE_RE = re.compile(r"^[省市县区州]")


def short_forms(text: str, found: Iterable[Mention], doc: str = "") -> tuple[list[Alias], list[Mention]]:
    """The short forms of the bodies ``found`` in ``text`` (the document's suffix-anchored
    mentions): the Alias pairs, and a Mention of each short form where the text writes it and
    no found name stands."""
    found = [m for m in found if m.end > m.start]
    fulls: dict[str, str] = {}
    parents: list[Mention] = []
    for m in found:
        fulls.setdefault(m.name, m.type)
        if m.type == "Agency" and not m.name.endswith(("办公室", "办公厅")) and (p := _parent_agency(m.name)) and p != m.name:
            # 某省教育厅职业教育处 names 某省教育厅 too
            parents.append(Mention("Agency", p, doc, m.start, m.start + len(p)))
            fulls.setdefault(p, "Agency")
    covered = Covered((m.start, m.end) for m in found)
    index = CharIndex(fulls)  # candidates: the names holding every character of a short form
    pairs: dict[str, set[tuple[str, str]]] = {}  # short → {(full, type)}
    occurrences: dict[str, list[tuple[int, int]]] = {}
    defined: set[str] = set()

    def add(short: str, full: str, typ: str) -> None:
        if short and full and short != full:
            pairs.setdefault(short, set()).add((full, typ))

    # 1. defined in the text
    for short, full, typ in _defined(text, found):
        add(short, full, typ)
        defined.add(short)
    # 2. found names that abbreviate (or drop the place of) another found name
    for s_name, s_type in fulls.items():
        if s_name in defined:
            continue
        cands = [(f, fulls[f]) for f in index.holding(s_name) if f != s_name]
        hits = {(f, t) for f, t in cands if _compatible(s_type, t) and
                (abbreviates(s_name, f) or _relative_of(s_name, f))}
        hits |= {(f, t) for f, t in cands if t == s_type and
                 (_party_form(s_name, f) or _branch_without_place(s_name, f))}
        for f, t in hits:
            add(s_name, f, t)
        if not hits and (g := _government(s_name)):
            add(s_name, g, "Agency")
        if not hits and s_name + "校" in fulls and s_name.endswith("中学"):
            add(s_name, s_name + "校", fulls[s_name + "校"])  # 某某职业高级中学 = …中学校
    # 3. forms without a suffix in running text: a prefix or an abbreviation of one full name;
    # short heads the suffix walk did not take (某某职院 when the walk found no specific name)
    for (a, b), short, f in _zone_forms(text, fulls, covered):
        add(short, f, "Agency")  # 某某高新区 / 高新区 for 某某高新区管委会
        if b > a:
            occurrences.setdefault(short, []).append((a, b))
    for (a, b), short in [*_bare_forms(text, fulls, covered), *_short_heads(text, fulls, covered)]:
        if short in fulls or short in defined:
            continue
        for f in index.holding(short):
            if f.startswith(short) or abbreviates(short, f):
                add(short, f, fulls[f])
        occurrences.setdefault(short, []).append((a, b))
    aliases = []
    mentions = []
    for short, targets in sorted(pairs.items()):
        targets = {_follow(pairs, f, t) for f, t in targets}  # 中X for 中X集团, itself short for 中X实业…公司
        if len({f for f, _ in targets}) > 1:
            # 临职院 for 临江职业技术学院 rather than 临江科技职业学院 (a word left out)
            targets = _fewest_left_out(short, targets)
        if len({f for f, _ in targets}) != 1:
            continue  # one short form, two bodies: they stay apart
        full, typ = next(iter(targets))
        aliases.append(Alias(short, full, typ))
        spots = occurrences.get(short) or list(_spots(text, short, covered))
        mentions.extend(Mention(typ, short, doc, a, b) for a, b in spots)
    return aliases, mentions + parents


def _follow(pairs: dict[str, set[tuple[str, str]]], full: str, typ: str) -> tuple[str, str]:
    seen = {full}
    while len(nxt := pairs.get(full, set())) == 1:
        f, t = next(iter(nxt))
        if f in seen:
            break
        seen.add(f)
        full, typ = f, t
    return full, typ


_UNIT_RE = re.compile(r"(?:办公厅|办公室|[一-鿿]{1,12}?[司处])$")


def _parent_agency(name: str) -> str | None:
    """某省教育厅职业教育处 → 某省教育厅: the agency a unit belongs to."""
    for m in _UNIT_RE.finditer(name):
        for k in range(m.start(), len(name) - 1):
            head = name[:k]
            if classify_org(head) == "Agency" and not _UNIT_RE.search(head) and len(head) >= 3:
                return head
    return None


def _short_heads(text: str, fulls: dict[str, str], covered: list[tuple[int, int]]) -> Iterable[tuple[tuple[int, int], str]]:
    """某某职院, 某某技校 where the text writes them and the suffix walk found nothing: the longest
    span before the head that abbreviates one full name of the document."""
    heads = "|".join(sorted(_SHORT_HEADS, key=len, reverse=True))
    covered, index = _as_covered(covered), CharIndex(fulls)
    for m in re.finditer(heads, text):
        e = m.end()
        if _covered_at(e - 1, covered) or not _edge_after(text, e):
            continue
        for p in range(max(0, e - 10), e - 3):
            s = text[p:e]
            if not all(_CJK_RE.match(c) for c in s) or p > 0 and not _edge_before(text, p):
                continue
            if len(_fewest_left_out(s, {(f, "") for f in index.holding(s) if abbreviates(s, f)})) == 1:
                yield (p, e), s
                break


def _compatible(a: str, b: str) -> bool:
    return a == b or {a, b} <= {"Enterprise", "Group"}  # 某某集团 may be read as either


def _spots(text: str, short: str, covered: list[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    covered = _as_covered(covered)
    for m in re.finditer(re.escape(short), text):
        if not _inside(m.start(), m.end(), covered):
            yield m.start(), m.end()


def _inside(a: int, b: int, covered: list[tuple[int, int]]) -> bool:
    return _as_covered(covered).overlaps_other(a, b)


def _as_covered(covered: list[tuple[int, int]]) -> Covered:
    return covered if isinstance(covered, Covered) else Covered(covered)


def defined_short_forms(text: str, found: Iterable[Mention]) -> dict[str, str]:
    """Short form → type of the body it is defined for (某某集团（以下简称“某集团”）): the text's own
    word for what the short form names, whatever its suffix alone would say (a 集团 is a company)."""
    return {short: typ for short, _, typ in _defined(text, [m for m in found if m.end > m.start])}


def _defined(text: str, found: list[Mention]) -> Iterable[tuple[str, str, str]]:
    """(short, full, type) of 以下简称 definitions right after found names."""
    by_end = sorted(found, key=lambda m: m.end)
    for i, m in enumerate(by_end):
        d = _DEFINED_RE.match(text, m.end)
        if not d or "称" not in d.group(0):
            continue
        items = [x.group(1) for x in _ITEM_RE.finditer(d.group(1))]
        if "分别" in d.group(0) and len(items) > 1:
            before = [x for x in by_end[: i + 1]][-len(items):]
            if len(before) == len(items):
                yield from ((s, f.name, f.type) for s, f in zip(items, before))
            continue
        if items:
            yield items[0], m.name, m.type


def _relative_of(short: str, full: str) -> bool:
    """市高新区管委会 for 某某市高新区管委会, 省政府 for 某某省人民政府: the document's own place."""
    if not _OWN_RELATIVE_RE.match(short) or len(short) < 3 and not _BARE_COMMITTEE_RE.fullmatch(short):
        return False
    if _BARE_COMMITTEE_RE.fullmatch(short):
        full = next((full[len(p):] for p in _PARTY_PREFIXES if full.startswith(p)), full)  # 省委 of 中共某省委
    s = short.replace("政府", "人民政府") if short.endswith("政府") and not short.endswith("人民政府") else short
    if not full.endswith(s) or len(full) <= len(s):
        return False
    place = full[: len(full) - len(s) + 1]
    return bool(_PLACE_END_RE.search(place)) and len(place) >= 3 and not re.search(r"[省市县区]", place[:-1][-1:])


_PARTY_PREFIXES = ("中国共产党", "中共")
_BARE_COMMITTEE_RE = re.compile(r"[省市县区州]委")


def _party_form(short: str, full: str) -> bool:
    """某省委教育工委 for 中共某省委教育工委: the party's name left out of a party body."""
    return any(full == p + short for p in _PARTY_PREFIXES) and len(short) >= 4


_BRANCH_RE = re.compile(r"(?:分公司|分院|分校|分会|分中心)$")


def _branch_without_place(short: str, full: str) -> bool:
    """北岭集团乘用车分公司 for 北岭集团乘用车东川分公司: a branch named by its region, the region left
    out (two branches of one company give two targets, so they stay apart)."""
    m = _BRANCH_RE.search(full)
    if m is None or not short.endswith(m.group(0)) or len(full) <= len(short):
        return False
    head, rest = short[: len(short) - len(m.group(0))], full[: m.start()]
    if not rest.startswith(head) or len(head) < 4:
        return False
    place = rest[len(head):]
    hit = region_prefix(place + m.group(0))
    return hit is not None and hit[1] == place


_ZONE_AGENCY_RE = re.compile(r"(?:管委会|管理委员会)$")
_ZONE_RE = re.compile(r"(?:高新区|开发区|新区|园区|经开区|自贸区|保税区|试验区)$")


def _zone_forms(text: str, fulls: dict[str, str], covered: list[tuple[int, int]]) -> Iterable[tuple[tuple[int, int], str, str]]:
    """某某高新区 and 高新区 for 某某高新区管委会: a zone's administration named by its zone, where the
    text writes the zone alone (代表高新区参会), not inside another name."""
    covered = _as_covered(covered)
    for f, t in fulls.items():
        if t != "Agency" or not (m := _ZONE_AGENCY_RE.search(f)):
            continue
        zone = f[: m.start()]
        if not _ZONE_RE.search(zone) or len(zone) < 3:
            continue
        yield (0, 0), zone, f  # the zone's own name is its administration's usual short form
        forms = {zone}
        hit = region_prefix(zone)
        if hit is not None and len(zone) - len(hit[1]) >= 3:
            forms.add(zone[len(hit[1]):])
        for short in forms:
            for a, b in _spots(text, short, covered):
                if _covered_at(a, covered) or text.startswith(("管委会", "管理委员会"), b):
                    continue
                yield (a, b), short, f


def _government(name: str) -> str | None:
    """某某省政府 → 某某省人民政府 (the usual short form of a government)."""
    if name.endswith("政府") and not name.endswith("人民政府") and len(name) >= 5 and \
            _PLACE_END_RE.search(name[:-2]):
        return name[:-2] + "人民政府"
    return None


# ---------------------------------------------------------------------------------------------
# Abbreviations

@lru_cache(maxsize=4096)
def _words(full: str) -> tuple[tuple[str, ...], int, str]:
    """The words of a full name, the number of leading place words (0 or 1), and its suffix."""
    suffix = next((s for s, _ in _BY_LENGTH if full.endswith(s) and len(full) > len(s)), "")
    body = full[: len(full) - len(suffix)]
    words: list[str] = []
    places = 0
    r = region_prefix(full)
    if r is not None and len(r[1]) <= len(body):
        words.append(r[1])
        body = body[len(r[1]):]
        places = 1
    else:
        first = pos_cut(body)[:1]
        if first and first[0].flag == "ns" and len(first[0].word) >= 2:
            w = first[0].word
            if body[len(w):len(w) + 1] in ("省", "市", "县") :
                w = body[: len(w) + 1]
            words.append(w)
            body = body[len(w):]
            places = 1
    words.extend(t for t in segment(tokenizer(), body) if t.strip())
    if suffix:
        words.append(suffix)
    return tuple(words), places, suffix


@lru_cache(maxsize=1024)
def _place_forms(word: str) -> frozenset[str]:
    """How a name's place may be written in its short form: whole, any part of it (西藏某某市 →
    某某), or its first character (临江 → 临)."""
    forms = {word[:1]}
    forms.update(word[i:j] for i in range(len(word)) for j in range(i + 2, len(word) + 1))
    return frozenset(forms)


@lru_cache(maxsize=4096)
def _subsequences(word: str, last: bool) -> frozenset[str]:
    """Ordered subsequences of ``word`` that start with its first character (for the head word,
    also those that end with its last one: 院 of 学院, 校 of 学校)."""
    out: set[str] = set()
    n = min(len(word), 8)
    for mask in range(1, 1 << n):
        sub = "".join(word[k] for k in range(n) if mask >> k & 1)
        if mask & 1 or last and mask >> (n - 1) & 1:
            out.add(sub)
    return frozenset(out)


_LOWER_LEVEL = re.compile(r"[\u4e00-\u9fff]{1,8}(?:区|县|市|旗|镇|乡|街道|开发区|新区)")


def _higher_government(short: str, full: str) -> bool:
    """Two bodies of one kind, the second one level down (某某市人民政府 and 某某市某某区人民政府,
    某某省教育厅 and 某某省某某市教育厅): the first is the higher body, never its short form."""
    a, b = local_kind(short), local_kind(full)
    if a is None or b is None or a[1] != b[1] or not a[0] or not b[0].startswith(a[0]):
        return False
    return bool(a[0][-1] in "省市州盟区县" and _LOWER_LEVEL.fullmatch(b[0][len(a[0]):]))


def abbreviates(short: str, full: str, leave_out: int | None = None) -> bool:
    """Whether ``short`` is the usual abbreviation of ``full``: its characters taken in order from
    the words of ``full``. A short form that keeps a full suffix (某某职教集团) may only shorten
    words to their first character or leave out the place; one with a short head (职院, 技校, 职大),
    公司 for 有限公司, or no head at all (临航) may also leave words out.

    >>> abbreviates("临江航院", "临江航空职业技术学院"), abbreviates("临航", "临江航空职业技术学院")
    (True, True)
    >>> abbreviates("临江职业学院", "临江职业技术学院")
    False

    ``leave_out``: at most so many specific words (not the place, not generic ones such as 职业, 技术)
    give nothing; the fewest decide between two bodies a short form would otherwise fit (临职院:
    临江职业技术学院 over 临江科技职业学院; 临江航院 still fits 临江航空… and 临江航海… alike).
    """
    if not 2 <= len(short) < len(full):
        return False
    if _higher_government(short, full):
        return False
    words, places, suffix = _words(full)
    if len(words) < 2:
        return False
    s_suffix = next((s for s, _ in _BY_LENGTH if short.endswith(s) and len(short) > len(s)), "")
    if re.fullmatch(re.escape(short) + r"(?:股份|控股)?有限(?:责任)?公司", full):
        return True  # 某某集团 for 某某集团有限公司
    strict = bool(s_suffix) and s_suffix not in _SHORT_HEADS and not _head_short(s_suffix, suffix)
    tail_word = strict and suffix != s_suffix and suffix.endswith(s_suffix) and classify_org(full) == "Group" \
        and classify_org(short) == "Group"
    if strict and s_suffix != suffix and not tail_word and not (
            suffix and s_suffix[0] == suffix[0] and s_suffix[-1] == suffix[-1] and s_suffix in _subsequences(suffix, False)):
        return False  # 某某职教集团 keeps the head of 某某职业教育集团
    core = short[: len(short) - len(s_suffix)] if strict else short
    cwords = words[:-1] if strict or not s_suffix and suffix else words  # 临航 takes nothing of 学院
    if tail_word:
        cwords = cwords + (suffix[: len(suffix) - len(s_suffix)],)  # 某某共同体 of 某某产教融合共同体
    n = len(cwords)
    free_start = not strict and bool(s_suffix) and len(short) >= 4
    # 某某集团 of 某某实业(集团)股份有限公司: the group's word stands just before the legal form
    head_free = _head_short(s_suffix, suffix) and short.endswith(("集团", "集团公司")) and bool(
        re.search(r"集团[)）]?(?:股份|控股)?有限(?:责任)?公司$", full))

    @lru_cache(maxsize=None)
    def go(i: int, w: int, used: int, began: bool, took_last: bool, skips: int = 0) -> bool:
        if i == len(core):
            if strict:
                return (w == n or w == n - 1 and tail_word) and (used >= 1 or core == "")
            return used >= 2 and (not s_suffix or took_last or head_free)
        if w >= n:
            return False
        word = cwords[w]
        is_place = w < places
        cost = skips + (not is_place and word not in _GENERIC_TOKENS)
        if is_place or not strict and (leave_out is None or cost <= leave_out):
            if go(i, w + 1, used, began, False, cost):  # leave the word out
                return True
        if not began and not (w == 0 or w == places or free_start):
            return False  # an abbreviation opens with the name's first word (or the one after the place)
        if is_place:
            takes = _place_forms(word)
        elif tail_word and w == n - 1:
            takes = {word, word[:1], word[:2]}  # 某某职业集团 / 某某职集团 of 某某职业教育集团
            if go(i, w + 1, used, began, False, skips):
                return True
        elif strict:
            takes = {word, word[:1]}
        else:
            takes = _subsequences(word, w == n - 1)
        return any(core.startswith(t, i) and go(i + len(t), w + 1, used + 1, True, w == n - 1, skips) for t in takes)

    if go(0, 0, 0, False, False):
        return True
    if strict and places and s_suffix == suffix and not any(core.startswith(t) for t in _place_forms(cwords[0])):
        # 商贸学院 of 某地商贸职业学院: the place and the generic words (职业, 技术) left out, the
        # specific words whole (临江职业学院 keeps its place, so it is no form of 临江职业技术学院)
        rest = [w for w in cwords[places:] if w not in _GENERIC_TOKENS]
        return 0 < len(rest) < n - places and core == "".join(rest)
    return False


def _fewest_left_out(short: str, targets: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The targets ``short`` abbreviates leaving the fewest words out (all of them when it
    abbreviates none, e.g. a defined short form)."""
    for k in range(4):
        best = {(f, t) for f, t in targets if abbreviates(short, f, leave_out=k)}
        if best:
            return best
    return targets


def _head_short(s_suffix: str, suffix: str) -> bool:
    """公司 for 有限公司, 集团 for 集团有限公司: a head the short form abbreviates."""
    return s_suffix in ("公司", "集团", "集团公司") and suffix in ("有限公司", "股份有限公司", "有限责任公司", "集团公司")


# ---------------------------------------------------------------------------------------------
# Forms without a suffix in running text

def _bare_forms(text: str, fulls: dict[str, str], covered: list[tuple[int, int]]) -> Iterable[tuple[tuple[int, int], str]]:
    """Spans of text, outside the found names, that are a prefix or an abbreviation of a full name."""
    # Names by (head character, a character they hold): a span of two or more characters from
    # position p only fits names holding text[p + 1] (a scan of every name per position was quadratic).
    firsts: dict[tuple[str, str], list[str]] = {}
    for f in fulls:
        if len(f) >= 4:
            words, places, _ = _words(f)
            heads = {f[0]}
            if places and len(words) > places:
                heads.add(words[places][0])
            for h in heads:
                for d in dict.fromkeys(f):
                    firsts.setdefault((h, d), []).append(f)
    covered = _as_covered(covered)
    spans: dict[int, tuple[int, str]] = {}
    if not firsts:
        return
    # only the positions of a head character (found by one regex scan, not a Python loop over the text)
    heads = re.compile("[" + "".join(sorted({re.escape(h) for h, _ in firsts})) + "]")
    for hit in heads.finditer(text):
        p, c = hit.start(), hit.group()
        cands = firsts.get((c, text[p + 1:p + 2]))
        if not cands or _covered_at(p, covered):
            continue
        if p > 0 and not _edge_before(text, p):
            continue
        best = None
        for f in cands:
            for L in range(min(len(f) - 2, 8, len(text) - p), 1, -1):
                s = text[p:p + L]
                if _covered_at(p + L - 1, covered) or not _edge_after(text, p + L):
                    continue
                if (f.startswith(s) and _prefix_ok(s, f)) or s[0] == f[0] and not f.startswith(s) and _bare_ok(s, f) and abbreviates(s, f):
                    if best is None or L > len(best):
                        best = s
                    break
        if best:
            spans[p] = (p + len(best), best)
    for p, (e, s) in sorted(spans.items()):
        yield (p, e), s


def _covered_at(i: int, covered: list[tuple[int, int]]) -> bool:
    return _as_covered(covered).at(i)


def _edge_before(text: str, p: int) -> bool:
    c = text[p - 1]
    return not _CJK_RE.match(c) or c in _EDGE_CHARS or text[max(0, p - 2):p] in _EDGE_WORDS


def _edge_after(text: str, q: int) -> bool:
    if q >= len(text):
        return True
    c = text[q]
    return not _CJK_RE.match(c) or c in _EDGE_CHARS or text[q:q + 2] in _EDGE_WORDS


def _is_place(s: str) -> bool:
    if _PLACE_END_RE.search(s) or region_prefix(s + "学院") and region_prefix(s + "学院")[1] == s:
        return True
    tags = pos_cut(s)
    return len(tags) == 1 and tags[0].flag == "ns"


def _prefix_ok(s: str, full: str) -> bool:
    """A prefix stands for the name when it holds more than a place and is no common word."""
    if len(s) < 3 or len(full) - len(s) < 2 or _is_place(s) or classify_org(s):
        return False
    r = region_prefix(s + "X")
    rest = s[len(r[1]):] if r else s
    first = pos_cut(rest)
    if first and first[0].flag == "ns" and len(first[0].word) < len(rest):
        rest = rest[len(first[0].word):]
    if len(rest) < 2:
        return False
    words, places, suffix = _words(full)
    if len(full) - len(s) <= len(suffix) and suffix not in _LEGAL_FORMS or not places and not _rare([words[0]]) and not (
            len(words) > 2 and len(words[0]) == len(words[1]) == 1 and _rare(list(words[:2]))):
        # 某某外事服务 of 某某外事服务学校 is a cut cell (a company without 有限公司 is none); 职业技能…
        # opens no name, a brand jieba cuts into characters (星澜) does
        return False
    toks = [t for t in segment(tokenizer(), s) if not _PLACE_END_RE.search(t)]
    return not all(t in _GENERIC_TOKENS or t in _STOP_TOKENS for t in toks) and tokenizer().FREQ.get(s, 0) < 50 \
        and _rare(toks)


_LEGAL_FORMS = frozenset({"有限公司", "股份有限公司", "有限责任公司"})


def _rare(tokens: list[str]) -> bool:
    """A word jieba rarely sees, or one it does not know (cut into single characters): what a
    brand or a proper name is made of (华住, 中车), unlike 职业技能, 交通运输, 现代化."""
    freq = tokenizer().FREQ
    run = 0
    for t in tokens:
        if len(t) == 1 and _CJK_RE.match(t):
            run += 1
            if run >= 2:
                return True
            continue
        run = 0
        if freq.get(t, 0) < _RARE and t not in _GENERIC_TOKENS and t not in _STOP_TOKENS and not _compound(t):
            return True
    return False


def _compound(token: str) -> bool:
    """A rare token made of two common words (职业技能, 交通运输): not a proper name."""
    freq = tokenizer().FREQ
    return any(freq.get(token[:k], 0) >= _RARE and freq.get(token[k:], 0) >= _RARE
               for k in range(2, len(token) - 1))


_RARE = 100


def _bare_ok(s: str, full: str) -> bool:
    """A bare abbreviation (临航 of 临江航空职业技术学院): it opens with the name's first word, a
    place or a rare word; it is no place itself, nor a word jieba knows well."""
    words, places, _ = _words(full)
    if not places and not _rare([words[0]]):
        return False
    k = 0
    if places:
        k = next((k for k in range(len(s), 1, -1) if words[0].startswith(s[:k])), 0)
        if len(s) - k < 2:
            return False  # 某某省中: a place and one character say nothing
    if any(len(t) >= 2 and t in _GENERIC_TOKENS for t in segment(tokenizer(), s[k:])):
        return False  # 某某职业教育: a place and a field, not a short name
    return not _is_place(s) and tokenizer().FREQ.get(s, 0) < 50 and not any(
        t in _STOP_TOKENS for t in segment(tokenizer(), s))
