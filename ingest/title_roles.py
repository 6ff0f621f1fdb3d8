"""A body's titles as a profile lists them: X是…、G理事长单位和发起单位、G2牵头单位、….

A school's or company's profile page says what it is in one long list after 是/为/系 (学校是某省文明
单位、某某职教集团理事长单位、某某产教联合体牵头单位…). Each item that is a group named on the page
followed by a role word and 单位 gives the subject that role in that group; the other items
(honours, programmes) name no group and give nothing. Used by ``ingest.group_roles``.
"""

from __future__ import annotations

import re

from ingest.cues import ROLE_WORD

_SUBJECT_BE_RE = re.compile(r"\s*(?P<x>[^，,。；;：:]{0,40}?)(?:先后|还|也|曾|现)?(?:是|为|系)")
_ROLE_UNIT_RE = re.compile(rf"的?(?P<role>{ROLE_WORD})单位(?:(?:和|、|及|与|暨)(?P<role2>{ROLE_WORD})单位)?")


def profile_titles(rules, here) -> None:
    """X是…、G理事长单位和发起单位、…: the subject holds each role named after a group of the list."""
    s, sent = here.s, here.sent
    m = _SUBJECT_BE_RE.match(sent)
    if m is None:
        return
    be_end = s.start + m.end()
    if m.group("x").strip():
        xs = [x for x in rules._subjects_before(here, s.start + m.end("x")) if x.start < 0 or x.start >= s.start]
    else:
        # …；是…；是G理事长单位: a clause of a longer list whose subject opens the full sentence
        text = rules.text
        a = max(text.rfind("。", 0, s.start), text.rfind("\n", 0, s.start)) + 1
        lead = re.match(r"\s*(学校|我校|本校|我院|本院|该校)(?:先后|还|也|曾|现)?(?:是|为|系)", text[a:s.start])
        ref = rules._ref("school", a + lead.start(1), a + lead.end(1)) if lead else None
        xs = [ref] if ref is not None else []
    if len(xs) != 1:
        return
    for g in here.groups:
        if g.start < be_end:
            continue
        r = _ROLE_UNIT_RE.match(rules.text, g.end, s.end)
        if r is None or not re.match(r"[、；;，,。]|$", rules.text[r.end():r.end() + 1]):
            continue  # G理事长单位代表…: another clause
        for word in (r.group("role"), r.group("role2")):
            if word:
                rules._role_fact(word, xs[0], g, here, "X是G理事长单位")
