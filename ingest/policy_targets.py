"""Quantified targets of a policy's text: each goal after 到/至20XX年, 力争到, 到“十四五”末 or
经过N年, and goals with 左右/以上 in a section headed …目标; one Target per goal, with its year,
quantity, unit, qualifier and its own evidence span.

>>> split_goals("建设30个左右协作体，200门左右精品课程")
['建设30个左右协作体', '建设200门左右精品课程']
"""

from __future__ import annotations

import re

from graph.normalize import name_key
from ingest.model import Document, Mention
from ingest.policy_parties import STATED_RESPONSIBLE, stated_roles
from ingest.policy_text import QUANTITY_RE, lines_of, squeeze

# 到2025年(底), or the end of a five-year plan: 到“十四五”末 = 到2025年 (十一五 ended in 2010).
# Or a span of years from the policy's own year: 经过三年努力 / 经过5年时间 / 用3年时间 (经过5—10年
# sets no year). Or a deadline opening its clause: 2025年前，… / 2025年底前，… Or the policy's own
# year opening a clause: 全年…, 力争全年… (a year's work plan).
# A range of past years (2005至2007年, 2005年至2007年) and a status (截至2020年底) set no target.
_SPAN = r"(\d{1,2}|[一二三四五六七八九十]{1,2})\s*(?:个)?年(?:左右)?(?:的)?"
_YEAR_RE = re.compile(r"(?:(?:力争|争取|预计)?(?<![\d年月截])(?:到|至)\s*(?:(?P<y>(?:19|20)\d{2})\s*年(?:底|末)?"
                      r"|[“\"]?十(?P<p>[一二三四五六七八九])五[”\"]?\s*(?:时期|规划)?期?末)"
                      rf"|经过\s*{_SPAN.replace('(', '(?P<n>', 1)}(?:努力|时间|建设|奋斗)?"
                      rf"|(?:力争|争取)?用\s*{_SPAN.replace('(', '(?P<u>', 1)}时间"
                      r"|(?<![^\n。；;，,])\s*(?:力争|争取)?(?P<b>(?:19|20)\d{2})\s*年(?:底)?(?:以)?前(?=\s*[，,])"
                      r"|(?<![^\n。；;，,])\s*(?:力争|争取|确保)?(?P<w>全年)(?=[\u4e00-\u9fff]))\s*[，,]?")


def _year(m: re.Match[str], base: int | None = None, this_year: int | None = None) -> int | None:
    if m.group("y") or m.group("b"):
        return int(m.group("y") or m.group("b"))
    if m.group("w"):  # 全年…: the year the policy is for
        return this_year or base
    if m.group("p"):
        return 2010 + 5 * "一二三四五六七八九".index(m.group("p"))
    n = m.group("n") or m.group("u")
    years = int(n) if n.isdigit() else (10 + "一二三四五六七八九".index(n[1]) + 1 if len(n) == 2 else
                                        10 if n == "十" else "一二三四五六七八九".index(n) + 1)
    return base + years if base else None


# How firmly a goal is set is not part of it: 力争建设50个团队 sets 建设50个团队.
_MODAL = re.compile(r"^(?:其中\s*[，,：:]?)?(?:力争|争取|努力|确保)?(?!\d)")  # and 其中 (…，其中高技能人才40万人)


def split_goals(clause: str) -> list[str]:
    """One goal per quantity: 建设30个左右协作体，200门左右课程 → [建设30个…, 建设200门…].

    A goal that starts with its number borrows the verb of the first goal; a chunk without a
    quantity (混合所有制职业院校 after 股份制、) belongs to the goal before it.
    """
    goals: list[str] = []
    seps: list[str] = []
    clause = re.sub(r"(?<=[\u4e00-\u9fff）)])(?:和|及|以及)(?=\d)", "、", clause)  # 50所学校和150个专业
    for chunk, sep in re.findall(r"([^，、；,;]+)([，、；,;]?)", clause):
        chunk = _MODAL.sub("", chunk.strip())
        if not chunk:
            continue
        if QUANTITY_RE.search(chunk) or not goals:
            goals.append(chunk)
            seps.append(sep)
        else:
            goals[-1] += (seps[-1] or "、") + chunk
            seps[-1] = sep
    goals = [g for g in goals if QUANTITY_RE.search(g)]
    if not goals:
        return []
    lead = QUANTITY_RE.search(goals[0])
    verb = goals[0][:lead.start()] if lead else ""
    if not (0 < len(verb) <= 8 and re.fullmatch(r"[\u4e00-\u9fff]+", verb)):
        verb = ""
    return [verb + g if re.match(r"^\d", g) else g for g in goals]


_SENTENCE = re.compile(r"[^。；;]+[。；;]?")
_NUMBERED_LINE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*、|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,2}\s*[.．、](?!\d))")


def _goal_sections(text: str, begin: int, stop: int) -> list[tuple[int, int]]:
    """Spans of the sections headed by a goal heading (（二）工作目标, 二、主要目标。…)."""
    spans, start = [], None
    for ln in lines_of(text, begin, stop):
        if _NUMBERED_LINE.match(ln.text):
            if start is not None:
                spans.append((start, ln.start))
                start = None
            if "目标" in ln.text[:20]:  # the section starts after its heading (line or sentence)
                k = ln.text.find("。")
                start = ln.start + k + 1 if k >= 0 else ln.end
    if start is not None:
        spans.append((start, stop))
    return spans


def _target(doc: Document, goal: str, year: int | None, start: int, end: int) -> tuple[Mention, tuple[int, int]]:
    q = QUANTITY_RE.search(goal)
    assert q is not None
    quantity = float(q.group(1))
    name = f"到{year}年，{goal}" if year else goal
    props = {"key": "target|" + name_key(name), "year": year,
             "quantity": int(quantity) if quantity.is_integer() else quantity,
             "unit": (q.group(2) or "") + q.group(3), "qualifier": q.group(4) or "", "text": goal}
    span = (start, min(end, len(doc.text)))
    return Mention("Target", name, doc.id, *span, properties={k: v for k, v in props.items() if v is not None}), span


def clause_end(text: str, start: int, stop: int) -> int:
    """Where the sentence from start ends: the first 。；; outside brackets (a ；inside
    （牵头单位：…；配合单位：…） does not end it)."""
    return next(_outside_brackets(text, start, stop, "。；;"), stop)


def _outside_brackets(text: str, start: int, stop: int, chars: str):
    """Offsets in text[start:stop] of the characters in ``chars`` that stand outside brackets."""
    depth = 0
    for i in range(start, stop):
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch in chars and depth == 0:
            yield i


def _goal_spans(text: str, year_start: int, start: int, end: int, n: int) -> list[tuple[int, int]]:
    """The evidence of each of n goals of a target sentence: its own clause (the first with the
    year phrase); the whole sentence for all when the clauses cannot be told apart."""
    whole = [(year_start, min(end + 1, len(text)))] * n
    seps = list(_outside_brackets(text, start, end, "，、；,;"))
    quantities = [q for q in QUANTITY_RE.finditer(text, start, end)
                  if not any(a < q.start() < b for a, b in _brackets(text, start, end))]
    if len(quantities) != n:
        return whole
    out = []
    for i, q in enumerate(quantities):
        a = year_start if i == 0 else max([start, *(x + 1 for x in seps if x < q.start())])
        b = min([end, *(x for x in seps if x >= q.end())])
        out.append((a, b))
    return out


def _brackets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"[（(][^（()）]*[）)]", text[start:end])]


def target_mentions(doc: Document, begin: int, stop: int, base_year: int | None = None,
                    this_year: int | None = None) -> list[tuple[Mention, tuple[int, int]]]:
    """Targets in text[begin:stop]: quantified goals after 到20xx年 in prose (not in task-list
    rows), and quantified goals (… 左右/以上) in a section headed 目标 even without a year.
    ``base_year``: the year the policy was issued (经过三年努力); ``this_year``: the year it is for
    (a 2031年工作要点: its 全年 goals), the base year when not given."""
    text = doc.text
    rows = [(ln.start, ln.end) for ln in lines_of(text, begin, stop) if ln.is_table_row]
    found = []
    covered: list[tuple[int, int]] = []  # the year clauses read, whose goals the goal sections must not repeat
    for m in _YEAR_RE.finditer(text, begin, stop):
        if any(a <= m.start() < b for a, b in rows):
            continue
        end = clause_end(text, m.end(), stop)
        lead_in = next(_outside_brackets(text, m.end(), end, "：:"), None)
        if lead_in is not None:  # 到2030年，…取得明显进展：A；B；C。 — the goals listed after the colon
            begin_goals = lead_in + 1
            heading = re.compile(r"\n\s*[一二三四五六七八九十]{1,3}\s*、").search(text, begin_goals, stop)
            limit = min(stop, begin_goals + 300, heading.start() if heading else stop)
            end = next(_outside_brackets(text, begin_goals, limit, "。"), max(end, limit))
        else:
            begin_goals = m.end()
        more = re.match(r"[。；;]\s*其中\s*[，,：:]?", text[end:stop])
        if more:  # 到2030年，基本建成…。其中，建成1所…、5所…: the goals the sentence goes on to count
            end = clause_end(text, end + more.end(), stop)
        clause = text[begin_goals:end]
        covered.append((m.start(), end))
        stated = [d for r in STATED_RESPONSIBLE.finditer(clause) for d in stated_roles(r)]
        goals = split_goals(squeeze(STATED_RESPONSIBLE.sub("", clause)))
        spans = _goal_spans(text, m.start(), begin_goals, end, len(goals))
        for goal, (gs, ge) in zip(goals, spans):
            target, span = _target(doc, goal, _year(m, base_year, this_year), gs, ge)
            target.properties["responsible"] = stated
            found.append((target, span))
    for a, b in _goal_sections(text, begin, stop):
        for sm in _SENTENCE.finditer(text, a, b):
            if (_YEAR_RE.search(sm.group()) or any(r0 <= sm.start() < r1 for r0, r1 in rows)
                    or any(c0 <= sm.start() < c1 for c0, c1 in covered)):
                continue
            for goal in split_goals(squeeze(sm.group().rstrip("。；;"))):
                if re.search(r"\d+(?:\.\d+)?\s*(?:万|亿|千)?\s*\S{0,2}\s*(?:左右|以上)", goal):
                    found.append(_target(doc, goal, None, sm.start(), sm.end()))
    return found
