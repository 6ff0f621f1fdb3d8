"""Policies cited in a document: 《title》, a number, 《title》（number） as one policy, titles
named without 《》 after a lineage verb, and 以下简称《意见》 aliases.

>>> [(c.title, c.number) for c in find_citations("根据《临川省人民政府关于推进合作的意见》（临政发〔2024〕3号）")]
[('临川省人民政府关于推进合作的意见', '临政发〔2024〕3号')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.normalize import name_key
from ingest.policy_segments import segment_policies
from ingest.policy_text import OPEN_BRACKET, find_numbers, normalize_number, policy_kind, repair_number


# ---- cited policies -----------------------------------------------------------------------
@dataclass
class Citation:
    """A policy cited in the text: by 《title》, by number, or 《title》（number） as one policy."""

    key: str
    title: str | None
    number: str | None
    start: int
    end: int
    kind: str | None


TITLE_RE = re.compile(r"《([^《》]{2,100})》")
_ALIAS_RE = re.compile(r"^[^）)]{0,40}?以下简称\s*《([^《》]{1,12})》")
_PAIR_RE = re.compile(rf"^\s*{OPEN_BRACKET}\s*")


# A title named without 《》 after a lineage verb: 贯彻落实国家职业教育某某实施方案，落实X关于…的意见
# 重要内容. It must read as a document's title: 关于…的, or opening with 国家/全国/a body, and end on
# a kind, then 精神/要求/部署/重要/的 or punctuation.
_BARE_TITLE = re.compile(
    r"(?:贯彻落实|贯彻实施|认真落实|贯彻|落实|根据|按照|依据|依照)"
    r"(?P<t>(?:[\u4e00-\u9fff]{0,20}关于[\u4e00-\u9fff]{2,40}?的|国家|全国)[\u4e00-\u9fff]{0,30}?"
    r"(?:实施意见|指导意见|意见|实施方案|行动计划|方案|决定|纲要|规划|条例))"
    r"(?=精神|要求|部署|重要|的|[，,。；;、]|$)")


# A document a news page names in quotes right after the verb that issued it: 发布了“…名单”.
_QUOTED_ISSUED = re.compile(r"(?:印发|发布|公布|下发|出台|颁布)了?\s*(?P<q>[“\"](?P<t>[^“”\"\n]{4,80})[”\"])")
# On a page with no policy of its own (news), a plan named without 《》 or quotes right after the
# verb that issues or carries it out: 出台具有“东川特色”的职业教育提质工作实施方案, 实施产教联合体三年
# 行动计划. Only the plan kinds (方案, 行动计划, 规划) and a name of a few words before them.
_NEWS_TITLE = re.compile(
    r"(?:出台|印发|制定|发布|颁布|推出|实施)了?(?:[^，,。；;《》]{0,20}的)?"
    r"(?P<t>[\u4e00-\u9fff]{4,24}?(?:工作实施方案|实施方案|工作方案|行动方案|行动计划|发展规划))(?=[，,。；;、]|$)")


@lru_cache(maxsize=16)
def find_citations(text: str) -> tuple[Citation, ...]:
    """Every cited policy, keyed by its number when the document pairs the title with one.

    Titles and numbers are tied together by 《title》（number）, by a header (number + title)
    and by 以下简称《意见》 aliases, so a later 《意见》 or a bare title resolves to the same key.
    """
    segments = segment_policies(text)
    title_to_key: dict[str, str] = {}
    for seg in segments:
        if seg.title and seg.number:
            title_to_key[name_key(seg.title)] = seg.key
    raw: list[Citation] = []
    taken: list[tuple[int, int]] = [seg.number_span for seg in segments if seg.number_span]
    for m in TITLE_RE.finditer(text):
        title = re.sub(r"\s+", " ", m.group(1)).strip()
        if m.group(1).count("\n") > 1 or re.search(r"简称\s*$", text[max(0, m.start() - 6):m.start()]):
            continue  # a line-spanning false match, or the definition of an alias (以下简称《意见》)
        number = None
        end = m.end()
        after = text[m.end():m.end() + 40]
        pm = _PAIR_RE.match(after)
        if pm:
            nums = find_numbers(after, pm.end(), len(after))
            if nums and nums[0][1] == pm.end():
                number, end = repair_number(nums[0][0]), m.end() + nums[0][2]
                taken.append((m.end() + nums[0][1], m.end() + nums[0][2]))
        alias = _ALIAS_RE.match(text[end:end + 60])
        kind = policy_kind(title)
        if number:
            key = normalize_number(number)
            title_to_key.setdefault(name_key(title), key)
        else:
            key = title_to_key.get(name_key(title), name_key(title))
        if alias:
            title_to_key[name_key(alias.group(1))] = key
        if kind or number or name_key(title) in title_to_key:
            raw.append(Citation(key=key, title=title, number=number, start=m.start(), end=end, kind=kind))
    quoted = [(m.start(), m.end()) for m in TITLE_RE.finditer(text)]
    for m in _BARE_TITLE.finditer(text):
        s, e = m.start("t"), m.end("t")
        if any(a <= s < b for a, b in quoted) or not policy_kind(m.group("t")):
            continue
        title = m.group("t")
        raw.append(Citation(key=title_to_key.get(name_key(title), name_key(title)), title=title, number=None,
                            start=s, end=e, kind=policy_kind(title)))
    for m in _QUOTED_ISSUED.finditer(text):  # X发布了“…名单”: a document in quotes, issued
        title = m.group("t")
        if policy_kind(title) and not any(a <= m.start("t") < b for a, b in quoted):
            raw.append(Citation(key=title_to_key.get(name_key(title), name_key(title)), title=title, number=None,
                                start=m.start("q"), end=m.end("q"), kind=policy_kind(title)))
    if not segments:
        for m in _NEWS_TITLE.finditer(text):
            title = m.group("t")
            if any(a <= m.start("t") < b for a, b in quoted) or "关于" in title:
                continue
            raw.append(Citation(key=title_to_key.get(name_key(title), name_key(title)), title=title, number=None,
                                start=m.start("t"), end=m.end("t"), kind=policy_kind(title)))
    for number, s, e in find_numbers(text):
        if any(a <= s < b for a, b in taken):
            continue
        raw.append(Citation(key=normalize_number(number), title=None, number=repair_number(number), start=s, end=e,
                            kind=None))
    # A later pass: titles cited before their number was paired, and short aliases (《意见》).
    full: dict[str, Citation] = {}
    for c in raw:
        if c.title and len(name_key(c.title)) > 6 and (c.key not in full or c.number):
            full[c.key] = c
    numbers = {seg.key: seg.number for seg in segments if seg.number}
    numbers.update((c.key, c.number) for c in raw if c.number)
    out = []
    for c in sorted(raw, key=lambda c: c.start):
        if c.title and not c.number:
            c.key = title_to_key.get(name_key(c.title), c.key)
            # A title cited before its pairing with a number (in a 转发《…》 title line) is named
            # by that number, like every later citation of it.
            c.number = numbers.get(c.key)
            if len(name_key(c.title)) <= 6:
                if name_key(c.title) not in title_to_key:
                    continue  # 《意见》 or 《章程》 with no definition: cannot tell which one
                if c.key in full:  # an alias: name it as the policy it stands for
                    c.title, c.number, c.kind = full[c.key].title, full[c.key].number, full[c.key].kind
        out.append(c)
    return tuple(out)
