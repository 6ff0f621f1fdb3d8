"""Which relation a question asks, and which end of it the entity the question names is on.

>>> find_relation("哪些政策落实了东政发〔2023〕3号", english=False)
('IMPLEMENTS', (4, 6))
>>> entity_role("哪些政策落实了东政发〔2023〕3号", (7, 18), (4, 6), english=False)
'patient'

The role comes from word order: before a verb the entity acts (东教发12号落实了哪个文件), after
it or with 由/被/谁/哪/by in between it undergoes (X由谁牵头, X是谁牵头的); before a relation noun
it owns it (X的成员, X有哪些成员) unless 是 comes between (X是哪些联盟的成员).
"""

from __future__ import annotations

import re

# Relation cues, most specific first.
_ZH_RELATIONS: tuple[tuple[str, str], ...] = (
    ("牵头", "LEADS"), ("理事长单位", "LEADS"), ("主体单位", "LEADS"), ("主席单位", "LEADS"), ("发起", "LEADS"),
    ("负责", "RESPONSIBLE_FOR"), ("责任部门", "RESPONSIBLE_FOR"), ("责任单位", "RESPONSIBLE_FOR"),
    ("成员", "MEMBER_OF"), ("加入", "MEMBER_OF"), ("参与", "MEMBER_OF"), ("副理事长", "MEMBER_OF"),
    ("常务理事", "MEMBER_OF"), ("理事单位", "MEMBER_OF"), ("会员", "MEMBER_OF"),
    ("合作", "PARTNERS_WITH"), ("共建", "PARTNERS_WITH"), ("订单班", "PARTNERS_WITH"),
    ("伙伴", "PARTNERS_WITH"), ("签订", "PARTNERS_WITH"), ("签约", "PARTNERS_WITH"), ("签署", "PARTNERS_WITH"),
    ("联合培养", "PARTNERS_WITH"),
    ("服务", "SERVES"), ("对接", "SERVES"), ("面向", "SERVES"),
    ("落实", "IMPLEMENTS"), ("实施", "IMPLEMENTS"), ("贯彻", "IMPLEMENTS"), ("转发", "IMPLEMENTS"),
    ("印发", "ISSUED_BY"), ("发布", "ISSUED_BY"), ("发文", "ISSUED_BY"),
    ("位于", "LOCATED_IN"),
)
_EN_RELATIONS: tuple[tuple[str, str], ...] = (
    (r"\blead(s|ing)?\b|\bled\b|\bleader", "LEADS"),
    (r"\bresponsib|\bin charge\b", "RESPONSIBLE_FOR"),
    (r"\bmembers?\b|\bjoin(ed|s)?\b|\bbelong", "MEMBER_OF"),
    (r"\bpartner|\bcooperat|\bcollaborat|\bwork(s|ed)? with\b|\bsign(s|ed)?\b|\bagreements?\b", "PARTNERS_WITH"),
    (r"\bserv(e|es|ing)\b|\bfor the\b.*\bindustry\b", "SERVES"),
    (r"\bimplement", "IMPLEMENTS"), (r"\bissued?\b|\bpublish", "ISSUED_BY"),
    (r"\blocated\b", "LOCATED_IN"),
)

def find_relation(text: str, english: bool, head_nouns: tuple[str, ...] = ()) -> tuple[str | None, tuple[int, int] | None]:
    """The relation the question asks (its first cue outside a modifier) and where its cue is."""
    best = None
    if english:
        low = text.lower()
        for pat, rel in _EN_RELATIONS:
            m = re.search(pat, low)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), m.end(), rel)
    else:
        cues = sorted((pos, -len(word), rel) for word, rel in _ZH_RELATIONS for pos in _find_all(text, word))
        # A verb in a relative clause (服务现代农业的职教集团由谁牵头) describes a noun; the main
        # verb is the first cue that is not one, else the first cue.
        main = [c for i, c in enumerate(cues) if not _in_relative_clause(text, c[0], cues[i + 1:], head_nouns)]
        if cues:
            pos, neg, rel = (main or cues)[0]
            best = (pos, pos - neg, rel)
    return (best[2], (best[0], best[1])) if best else (None, None)


def _find_all(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


def _in_relative_clause(text: str, pos: int, later: list[tuple[int, int, str]], head_nouns: tuple[str, ...]) -> bool:
    """Is the cue at ``pos`` followed by 的 + a head noun (学校, 职教集团 …) before any later cue?"""
    stop = min((c[0] for c in later if c[0] > pos), default=len(text))
    for m in re.finditer("的", text[pos:stop]):
        after = text[pos + m.end():]
        if after.startswith(head_nouns):
            return True
    return False


# Nouns for one end of a relation: "X的成员" / "X有哪些成员" make X the group, "X是哪些联盟的成员"
# makes X the member.
_ZH_NOMINAL = re.compile(r"(成员|牵头单位|牵头学校|牵头院校|牵头企业|理事长单位|副理事长单位|常务理事单位|理事单位|"
                         r"会员单位|主体单位|发起单位|合作伙伴|合作企业|合作学校|合作院校|合作单位|责任部门|责任单位)")
_EN_NOMINAL = re.compile(r"(members?|lead(ing)? units?|leaders?|partners?)\b")


def entity_role(text: str, ent: tuple[int, int], cue: tuple[int, int], english: bool) -> str | None:
    """Whether the entity at ``ent`` does what the relation cue at ``cue`` says ("agent") or
    undergoes it ("patient"), from word order and the passive markers 由/被/by."""
    (es, ee), (cs, ce) = ent, cue
    if english:
        low = text.lower()
        nominal = bool(_EN_NOMINAL.match(low, cs))
        if es >= ce:
            return "agent" if re.search(r"\bby\s*$", low[:es]) else "patient"
        passive = re.search(r"\b(is|are|was|were|been)\b", low[ee:cs]) and re.match(r"\w*\s+by\b", low[ce:])
        return "patient" if passive and not nominal else "agent"
    nominal = bool(_ZH_NOMINAL.match(text, cs))
    if es >= ce:
        return None if nominal else "patient"
    between = text[ee:cs]
    if nominal:
        return "agent" if "是" in between else "patient"
    # X由谁牵头 / X被哪些文件落实 / X是哪所学校牵头的: someone else does it to X.
    return "patient" if re.search(r"[由被谁哪]|什么", between) else "agent"
