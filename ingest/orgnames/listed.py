"""Names without a suffix, typed by the head noun of the list they stand in:
与星河、云帆、华腾等企业 → three Enterprises.
"""

from __future__ import annotations

import re
from typing import Iterable

from ingest.orgnames.boundary import _left_context, _walk_left
from ingest.model import Mention
from ingest.orgnames.check import _NAME_VERBS, _is_generic, _is_verb, _leading_verbs, _specific
from ingest.orgnames.words import _ROLE_TOKENS, _STOP_TOKENS, _SUFFIX_RE, _SUFFIX_TYPE, classify_org, segment, tokenizer
from ingest.regions import lookup_region, region_prefix

# 与星河、云帆、华腾等企业; 联合A、B等10余家知名企业; X、Y等高校. The head noun after 等 types
# the items; a mixed head (等院校、企业, 等企业和机构) types nothing. 等 of 中等/高等 is no list.
_LIST_HEADS = {"企业": "Enterprise", "公司": "Enterprise", "厂商": "Enterprise", "厂家": "Enterprise",
               "院校": "School", "高校": "School", "学校": "School",
               "协会": "Association", "学会": "Association", "商会": "Association",
               "科研院所": "Institute", "科研机构": "Institute", "研究机构": "Institute", "研究院所": "Institute"}
_LIST_MODIFIERS = ("知名|龙头|头部|大型|领军|骨干|优质|重点|国内外|国内|国际|省内|市内|本地|本土|区域|行业|合作|世界500强|500强"
                   "|高新技术|科技|高科技|中外|外资|跨国|国有|民营|优秀|一流|高水平|有关|相关|职业|高职|中职|本科|兄弟|品牌")
_LIST_TAIL_RE = re.compile(
    r"(?<![中高初同平对均相上下次优超劣特头])[ \u3000]*等[ \u3000]*(?:(?:\d+|[一二三四五六七八九十百几数多两]+)[ \u3000]*(?:余|多)?[ \u3000]*[家所个]"
    rf"[ \u3000]*(?:以上|左右)?)?[ \u3000]*(?:{_LIST_MODIFIERS})*"
    rf"({'|'.join(sorted(_LIST_HEADS, key=len, reverse=True))})(?![ \u3000]*(?:[、和及与]|以及)[ \u3000]*"
    rf"(?:{_LIST_MODIFIERS})*(?:{'|'.join(_LIST_HEADS)}|单位|机构|组织|部门))")
# A list closed by a count and its head without 等 (A、B、C五大汽车厂商, A、B两家企业): the count says
# the list is whole; a word of the trade may stand between (汽车). Only lists of two items or more.
_COUNT_TAIL_RE = re.compile(
    r"(?<=[\u4e00-\u9fffA-Za-z])(?:(?:[一二三四五六七八九十两]+)\s*(?:大|家|所)|\d+\s*(?:大|家|所))"
    rf"[\u4e00-\u9fff]{{0,4}}?({'|'.join(sorted(_LIST_HEADS, key=len, reverse=True))})")
_LIST_JOIN_RE = re.compile(r"以及|和|及")


def _bare_name(item: str, typ: str) -> bool:
    """``item`` (no suffix) reads as the name of one body: 2–12 characters, not a generic word
    (企业, 行业, 其他), not a verb phrase, not a place alone, and holding a proper-name part."""
    if typ == "School" and 3 <= len(item) <= 8 and _SHORT_SCHOOL_RE.search(item) and classify_org(item) in (None, "School"):
        # 北岭校、临二职、东川服务中专等8所学校: the short forms schools go by
        words = list(segment(tokenizer(), item[: _SHORT_SCHOOL_RE.search(item).start()]))
        if words and not _is_generic(words) and words[0] not in _STOP_TOKENS and not (
                len(words[0]) > 1 and _leading_verbs(item)):
            return True
    if not 2 <= len(item) <= 12 or classify_org(item) or _SUFFIX_RE.search(item[-2:]):
        return False
    tokens = list(segment(tokenizer(), item))
    if _is_generic(tokens) or _leading_verbs(item) or tokens[0] in _STOP_TOKENS or tokens[-1] in _STOP_TOKENS:
        return False
    if any(_is_verb(t) and t not in _NAME_VERBS for t in tokens):
        return False  # 培养人才, 开展合作
    if lookup_region(item) is not None or re.fullmatch(r"\S+[省市区县州]", item) or \
            (r := region_prefix(item)) and r[1] == item:
        return False  # 东川、临川等: places, not bodies (jieba's place tag is not asked: a brand may be tagged ns)
    return _specific(item, tokens, "", typ)


def _bare_brand(item: str) -> bool:
    """``item`` reads as a brand that jieba takes for a verb (a two- to four-character word with no
    suffix, not generic, not a place): asked only for an item of a counted list of companies whose
    other items are named with their suffix (与A有限公司、B科技有限公司、C等36家企业)."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", item) or classify_org(item):
        return False
    tokens = list(segment(tokenizer(), item))
    if len(tokens) > 2 or _is_generic(tokens) or any(t in _STOP_TOKENS or t in _ROLE_TOKENS for t in tokens):
        return False
    return lookup_region(item) is None and not region_prefix(item)


# A short-form bracket after a name in a list (A有限公司（以下简称“A”）、B…): the list goes on over it.
_ALIAS_BRACKET_RE = re.compile(r"[ \u3000]*[（(](?:以下简称|以下称|下称|简称)[^（）()\n]{1,20}[）)][ \u3000]*")
# The tail of a list of companies closed by its count (等36家企业, 等十余家企业).
_COUNTED_FIRMS_RE = re.compile(r"等[ \u3000]*(?:\d+|[一二三四五六七八九十百几两]+)[ \u3000]*(?:余|多)?[ \u3000]*家")


# Short shapes of school names in a list of schools: 某某校, 某某中专, 某二职, 某某职院 ….
_SHORT_SCHOOL_RE = re.compile(r"(?:(?<![学中高职技])校|中专|(?<=[一二三四五六七八九十])职|职院|职专|职中|技校|职校)$")


def _comma_before(text: str, i: int, lo: int) -> int | None:
    """Where the 、 that ends the previous list item stands before ``i`` (line breaks hopped)."""
    while i > lo and text[i - 1] in " \u3000\r\n":
        i -= 1
    return i - 1 if i > lo and text[i - 1] == "、" else None


def _uncut(item: str, typ: str, doc_names: Iterable[str]) -> str:
    """The one name of the document that is ``item`` plus a suffix of its type, else ``item``."""
    full = {n for n in doc_names if n.startswith(item) and _SUFFIX_TYPE.get(n[len(item):]) == typ}
    return full.pop() if len(full) == 1 else item


def find_listed(text: str, start: int = 0, end: int | None = None, doc: str = "",
                found: Iterable[Mention] = (), doc_names: Iterable[str] = ()) -> list[Mention]:
    """Bodies named without a suffix in an enumeration whose head noun types them:
    与星河、云帆、华腾等企业 → three Enterprises; X、Y等高校 → Schools; X等协会 → Associations.

    ``found``: the suffix-named mentions of the same text (they may stand in the list; they are
    not reported again). Every item between 、 must read as a name, or the list gives nothing
    (政府、行业、企业等单位 is a list of kinds); the first item is cut from its clause like a name
    (学校与云帆等企业 → 云帆). ``doc_names``: the names the document spells out; an item that is
    one of them cut before its suffix (临川市城市建设管理等8所中职学校) is reported as that name.

    >>> [(m.name, m.type) for m in find_listed("学校与星河、云帆、华腾等企业进行订单班培养")]
    [('星河', 'Enterprise'), ('云帆', 'Enterprise'), ('华腾', 'Enterprise')]
    """
    end = len(text) if end is None else end
    found = list(found)
    tok = tokenizer()
    out: list[Mention] = []
    tails = [(t, False) for t in _LIST_TAIL_RE.finditer(text, start, end)] + \
        [(t, True) for t in _COUNT_TAIL_RE.finditer(text, start, end)]
    for tail, counted in tails:
        typ = _LIST_HEADS[tail.group(1)]
        items: list[tuple[int, int, str]] = []  # (start, end, name) of new names, right to left
        pos, ok = tail.start(), True
        n_items = 0  # items of the list, with or without a suffix
        counted_firms = typ == "Enterprise" and _COUNTED_FIRMS_RE.match(tail.group(0).strip()) is not None
        brands: list[int] = []  # indexes in ``items`` of brands read by ``_bare_brand`` only
        known_types: list[str] = []
        while ok:
            n_items += 1
            known = next((m for m in found if m.end <= pos and (not text[m.end:pos].strip() or
                                                                _ALIAS_BRACKET_RE.fullmatch(text[m.end:pos]))), None)
            if known is not None:
                s = known.start
                known_types.append(known.type)
            else:
                context, offs = _left_context(text, pos, start)
                if not context:
                    ok = False
                    break
                whole = _comma_before(text, offs[0], start) is not None
                n = len(context) if whole else _walk_left(context, "", tok)
                parts = [context[len(context) - n:]]
                if whole and len(pieces := _LIST_JOIN_RE.split(parts[0])) == 2 and all(len(p) >= 2 for p in pieces):
                    parts = pieces  # A、B和C等企业
                if counted_firms and whole and len(parts) == 1 and not _bare_name(parts[0], typ) and \
                        _bare_brand(parts[0]):
                    brands.append(len(items))  # (安X: a brand jieba reads as a verb, kept if the rest are firms)
                elif not all(_bare_name(p, typ) for p in parts) or not whole and any(
                        context[:len(context) - n].endswith(r) for r in _ROLE_TOKENS):
                    ok = False  # (校长助理张三等学校负责人: a person after a title, not a body)
                    break
                at = len(context) - n
                for p in parts:
                    a = context.index(p, at)
                    items.append((offs[a], offs[a + len(p) - 1] + 1, p))
                    at = a + len(p)
                s = offs[len(context) - n]
            comma = _comma_before(text, s, start)
            if comma is None:
                break
            pos = comma
        if counted and (text[tail.start() - 1:tail.start()] in "等、" or n_items < 2):
            continue  # (等五家企业 is read above; one item before a count is no list)
        if brands and (not known_types or any(t != "Enterprise" for t in known_types) or
                       len(brands) + len(known_types) != n_items):
            items = [x for k, x in enumerate(items) if k not in brands]  # a brand only among named firms
        if ok and items:
            out.extend(Mention(typ, _uncut(name, typ, doc_names), doc, a, b, {}) for a, b, name in items)
    out.extend(_cue_brands(text, start, end, doc, found, doc_names))
    return sorted({(m.start, m.end): m for m in out}.values(), key=lambda m: m.start)


# A brand the cue of a partnership types as a company: 与星澜科技签约, 与云帆签订合作协议.
_SIGN_RE = re.compile(r"(?<=[与同和])([^\s，。、；：“”《》（）()与和及同]{2,10}?)(?=签约|签订|签署|举行签约|正式签约|达成)")


_NOT_BRAND_RE = re.compile(r"(?:制|模式|专业|方向|班|届|期|批|项目|协议|仪式)$")


def _cue_brands(text: str, start: int, end: int, doc: str, found: list[Mention],
                doc_names: Iterable[str]) -> list[Mention]:
    """Brands named without a suffix where a signing or an order class types them as a company."""
    out = []
    for rx in (_SIGN_RE,):  # an order class (X订单班) names a programme; X alone is left to the sentences
        for m in rx.finditer(text, start, end):
            a, b = m.span(1)
            if any(f.start < b and a < f.end for f in found):
                continue  # a name with a suffix stands there
            item = m.group(1)
            lead = re.match(r"第?[0-9０-９一二三四五六七八九十]+(?:级|届|年|期|批|个)?", item)
            cut = lead.end() if lead else 0
            cut += _leading_verbs(item[cut:]) if cut < len(item) else 0
            item, a = item[cut:], a + cut
            if not item or _NOT_BRAND_RE.search(item):
                continue
            names = {f.name for f in found} | set(doc_names)
            longer = {n for n in names if n != item and classify_org(n) in ("Enterprise", "Group") and (
                n.startswith(item) or (r := region_prefix(n)) and n[len(r[1]):].startswith(item))}
            if len(longer) == 1:  # 与北岭船业签约 with 东川北岭船业集团公司 in the text: that body
                out.append(Mention("Enterprise", longer.pop(), doc, a, b, {}))
            elif not longer and _bare_name(item, "Enterprise"):
                out.append(Mention("Enterprise", _uncut(item, "Enterprise", doc_names), doc, a, b, {}))
    return out
