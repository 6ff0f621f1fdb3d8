"""The words relation rules read: roles in a group, kinds of partnership, and lists of names.

Roles and kinds are the small fixed vocabularies the graph records (docs/dev-gold.md):

- ``LEADS``: ``role`` 牵头 (牵头, 牵头单位/学校/企业, 牵头组建), 理事长 (理事长/主席单位), 发起 (发起单位);
- ``MEMBER_OF``: ``role`` 副理事长, 常务理事, 理事, 成员 (成员/会员单位, 加入, 参与组建);
- ``PARTNERS_WITH``: ``kind`` 签约 (签约, 签订/签署协议), 共建 (共建产业学院/实训基地/研发中心/平台),
  订单班 (订单班, 冠名班), 合作 (any other stated cooperation).

>>> group_role("常务副理事长单位"), group_role("牵头院校"), group_role("会员单位")
(('MEMBER_OF', '副理事长'), ('LEADS', '牵头'), ('MEMBER_OF', '成员'))
>>> partner_kind("与某某公司签订战略合作协议"), partner_kind("共建产业学院"), partner_kind("开设冠名班")
('签约', '共建', '订单班')
"""

from __future__ import annotations

import bisect
import re

from ingest.model import Mention

LEAD_ROLES = ("牵头", "理事长", "发起")
MEMBER_ROLES = ("副理事长", "常务理事", "理事", "成员")
KINDS = ("签约", "共建", "订单班", "合作")

# A role word as documents write it (longest first) → (relation, role).
_ROLE_WORDS: tuple[tuple[str, tuple[str, str]], ...] = (
    ("常务副理事长", ("MEMBER_OF", "副理事长")),
    ("副理事长", ("MEMBER_OF", "副理事长")),
    ("副主席", ("MEMBER_OF", "副理事长")),
    ("常务理事", ("MEMBER_OF", "常务理事")),
    ("理事长", ("LEADS", "理事长")),
    ("主席", ("LEADS", "理事长")),
    ("理事", ("MEMBER_OF", "理事")),
    ("牵头", ("LEADS", "牵头")),
    ("主体", ("LEADS", "牵头")),
    ("发起", ("LEADS", "发起")),
    ("会员", ("MEMBER_OF", "成员")),
    ("成员", ("MEMBER_OF", "成员")),
    ("参与", ("MEMBER_OF", "成员")),
    ("共建", ("MEMBER_OF", "成员")),
)
# The role nouns of a group's council (副理事长单位, 牵头院校 …), as a regex group.
ROLE_WORD = "常务副理事长|副理事长|常务理事|理事长|理事|副主席|主席|牵头|发起|会员|成员"
ROLE_UNIT = "单位|院校|学校|高校|企业"


def group_role(word: str) -> tuple[str, str] | None:
    """(relation, role) a role word gives (牵头院校 → LEADS 牵头, 理事单位 → MEMBER_OF 理事)."""
    for w, out in _ROLE_WORDS:
        if w in word:
            return out
    return None


# Kinds of partnership, strongest first: the first that a clause names is its kind.
_KIND_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("订单班", re.compile(r"订单班|订单培养|订单式|冠名班|定向班")),
    ("签约", re.compile(r"签约|签订|签署|签定|签下")),
    ("共建", re.compile(r"共建|共同建设|合作建设|联合建设|共同打造|实训基地|实习基地|产业学院|研发中心|工作站"
                        r"|鲁班工坊|实践中心|培训基地|示范基地|联合实验室")),
    ("合作", re.compile(r"合作|携手|对接|授牌|揭牌|学徒制|贯通|衔接|联合|共育|交流|参加|支援|帮扶")),
)


def partner_kind(text: str) -> str | None:
    """The kind of partnership a piece of text names (line breaks ignored), or None."""
    flat = re.sub(r"\s+", "", text)
    for kind, rx in _KIND_RES:
        if rx.search(flat):
            return kind
    return None


# -- lists of names ---------------------------------------------------------------------------
SEP = r"[\s、，,和与及]|以及"
# A short-form note after a name (A有限公司（以下简称“A”）、B) is no end of the list.
LIST_GAP_RE = re.compile(rf"^(?:{SEP})*(?:[（(](?:以下简称|以下称|下称|简称)[^（）()\n]{{1,20}}[）)](?:{SEP})*)?$")


# Between the last name of a list and the word after it: 等, a count (等42家), or a note in
# brackets (X(下称“某某”)作为…).
_FIRST_GAP_RE = re.compile(r"[\s等]*(?:[(（][^()（）]{0,24}[)）])?(?:\S{0,4}[家所个]?\S{0,6})?")


def contiguous_before(ms: list[Mention], pos: int, text: str) -> list[Mention]:
    """The list of mentions (X、Y和Z) that ends right before ``pos``."""
    out: list[Mention] = []
    edge = pos
    order = _order(ms)
    if order is not None:  # in text order: the mentions ending by pos are the first k
        k = bisect.bisect_right(order[1], pos)
        before = (ms[i] for i in range(k - 1, -1, -1))
    else:
        before = reversed([m for m in ms if m.end <= pos])
    for m in before:
        gap = text[m.end:edge]
        if out and not LIST_GAP_RE.match(gap) or not out and not _FIRST_GAP_RE.fullmatch(gap):
            break
        out.append(m)
        edge = m.start
    out.reverse()
    return out


def contiguous_after(ms: list[Mention], pos: int, text: str) -> list[Mention]:
    """The list of mentions (X、Y和Z) that starts right after ``pos``."""
    out: list[Mention] = []
    edge = pos
    order = _order(ms)
    after = (ms[i] for i in range(bisect.bisect_left(order[0], pos), len(ms))) if order is not None else (
        m for m in ms if m.start >= pos)
    for m in after:
        gap = text[edge:m.start]
        if not LIST_GAP_RE.match(gap):
            break
        out.append(m)
        edge = m.end
    return out


_last_order: tuple = (None, 0, None)  # (the list, its length, (starts, ends) or None); replaced whole


def _order(ms: list[Mention]) -> tuple[list[int], list[int]] | None:
    """The starts and ends of ``ms`` when both run in text order (a sentence's mentions), else None;
    kept for the last list asked about, which the rules of one sentence ask about again and again
    (a scan from its first mention for every cue word grew with a long sentence)."""
    global _last_order
    last = _last_order  # one read: another thread may replace it meanwhile
    if last[0] is ms and last[1] == len(ms):
        return last[2]
    starts, ends = [m.start for m in ms], [m.end for m in ms]
    ordered = all(a <= b for a, b in zip(starts, starts[1:])) and all(a <= b for a, b in zip(ends, ends[1:]))
    order = (starts, ends) if ordered else None
    _last_order = (ms, len(ms), order)
    return order


CLAUSE_MARKS = re.compile(r"[，,。；;]")
CLAUSE_MARKS_NO_HALF_SEMICOLON = re.compile(r"[，,。；]")


def first_clause(text: str, start: int = 0, end: int | None = None, marks: re.Pattern = CLAUSE_MARKS) -> str:
    """``re.split(marks, text[start:end])[0]`` without reading (or copying) past the first mark: the
    rules ask it for every cue word of a sentence, and a long sentence made that quadratic."""
    end = len(text) if end is None else end
    m = marks.search(text, start, end)
    return text[start:m.start() if m else end]


# Text between two named parties that still leaves them one list: 、, 和, and kinds of bodies
# (X、对口支援院校和企业与Y …: X and the kinds stand together).
_KINDS_OF_BODIES = r"(?:院校|企业|高校|学校|单位|机构|协会|学会|行业|部门|科研院所)"
LIST_TAIL_RE = re.compile(rf"^(?:\s*(?:[、和及]|以及)\s*[\u4e00-\u9fff]{{0,8}}?{_KINDS_OF_BODIES})+\s*$")
