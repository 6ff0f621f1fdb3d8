"""Numbered tasks and measures of a policy, and the departments responsible for them.

Two shapes, both read from the conventions of policy documents:

- prose: numbered paragraphs (一、 / （一） / 1. / （1）) inside the policy body. A numbered line
  with no sentence of its own (（一）加强联合培养) is a group heading; paragraphs under headings
  about aims or context (指导思想, 目标, 原则, 内容, 事宜) are not measures.
- task lists (read in ingest.policy_tasklists): tables with a 序号 column, a task column (任务内容, 政策内容, 主要任务 ...) and
  often a 责任部门/责任单位 column. A row with an empty 主要任务 cell continues the previous
  group; a list titled after an agency (教育部支持政策清单) is that agency's responsibility.

The same task restated in a forwarding template (《…意见》任务落实举措清单) is matched to the
list row it restates and gets the same key, so it becomes one Measure with several evidence
items; a list task also gets the body sentence that states it as evidence.
HAS_MEASURE Policy → Measure, RESPONSIBLE_FOR Agency → Measure.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from graph.normalize import name_key
from ingest.agencies import local_kind, national_body
from ingest.model import Document, Extraction, Fact, Mention
from ingest.policy import agency_mentions, part_owner, policy_parts
from ingest.policy_text import (DATE_LINE_RE, NOISE_LINE_RE, PUBLIC_RE, _bigrams, bigram_dice, lines_of, on_reading_view,
                                squeeze)
from ingest.policy_segments import PolicySegment, segment_policies
from ingest.policy_parties import (
    RESPONSIBLE_LINE, STATED_RESPONSIBLE, agency_name, is_party, prose_roles, split_departments, stated_roles,
)
from ingest.policy_tasklists import Row, parse_task_tables, role_of_column

_LEVELS = (
    (1, re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*、\s*")),
    (2, re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*")),
    (3, re.compile(r"^\s*(\d{1,2})\s*[.．、](?!\d)\s*")),
    (4, re.compile(r"^\s*[（(]\s*(\d{1,2})\s*[）)]\s*")),
    (5, re.compile(r"^\s*([\u2460-\u2473])\s*")),  # ① … ⑳
    (6, re.compile(r"^\s*第([一二三四五六七八九十]{1,3})\s*[，,、：:]\s*")),  # 第一，… 第二，…
)
_MARKS = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）", 5: "{}", 6: "第{}，", 7: "{}是"}
# Lines opening 一是…, 二是… where no numbered item holds them: tasks of the lowest level.
_LISTED_LEVEL = 7
_LISTED_ITEM = re.compile(r"^\s*([一二三四五六七八九十])是(?=[\u4e00-\u9fff“])")
# Headings whose paragraphs state aims or context, not tasks.
# Aims are named anywhere in the heading; context words end a heading of their own
# (申报条件, 总结主要内容, 其他事宜, 现实基础, 存在问题), but not a task that starts with its verb (提升学校办学条件,
# 改革教学内容: 002's 报送 notice has the former, a county plan the latter).
_TASK_VERB = r"(?:提升|提高|改善|优化|改革|完善|加强|强化|扩大|丰富|更新|拓展|规范|深化|推进|推动|健全|创新|保障|落实|实施|建设|打造|调整|充实|夯实|筑牢|巩固|解决)"
NOT_TASKS = re.compile(r"目标|指导思想|原则|总体要求|^联系")
_CONTEXT = re.compile(rf"^(?!{_TASK_VERB})\S{{0,8}}(?:内容|事宜|背景|意义|形势|范围|对象|条件|程序|材料|基础|现状|成绩|成效|问题|机遇|挑战)$")
_ANNEX = re.compile(r"^[\s\-]*附件")
HEADING_MAX = 40


@dataclass
class Item:
    level: int
    number: str
    start: int
    end: int
    parts: list[str] = field(default_factory=list)
    parent: "Item | None" = None
    closed: bool = False
    shared: str = ""  # a 责任单位 line closing the group this item belongs to

    @property
    def text(self) -> str:
        return squeeze("".join(self.parts))

    @property
    def heading_only(self) -> bool:
        t = self.text
        return "。" not in t and len(t) <= HEADING_MAX

    @property
    def heading(self) -> str:
        t = self.text
        k = t.find("。")
        head = t[:k] if k >= 0 else t
        return head if len(head) <= HEADING_MAX else ""

    def ancestors(self) -> list["Item"]:
        out, cur = [], self.parent
        while cur is not None:
            out.append(cur)
            cur = cur.parent
        return out


def _body_end(text: str, start: int, end: int) -> int:
    """Where a body ends: its 附件 line, （此件公开发布） or date line; the last two before any text
    (the notice's, above the plan it issues) open the body instead."""
    seen = False
    for ln in lines_of(text, start, end):
        if _ANNEX.match(ln.text):
            return ln.start
        if PUBLIC_RE.match(ln.text) or DATE_LINE_RE.match(ln.text):
            if seen:
                return ln.start
        elif ln.stripped:
            seen = True
    return end


def parse_items(text: str, start: int, end: int) -> list[Item]:
    """The numbered paragraphs of a policy body in text[start:end], with their parents."""
    items: list[Item] = []
    stack: list[Item] = []
    current: Item | None = None
    for ln in lines_of(text, start, _body_end(text, start, end)):
        s = ln.stripped
        if not s or NOISE_LINE_RE.match(s) or ln.is_table_row:
            continue
        hit = next(((lvl, m) for lvl, m in ((lvl, rx.match(ln.text)) for lvl, rx in _LEVELS) if m), None)
        listed_line = _LISTED_ITEM.match(ln.text)
        if hit is None and listed_line and (current is None or current.level == _LISTED_LEVEL):
            # 一是…/二是… opening the lines of a plan with no numbered items: each line a task
            hit = (_LISTED_LEVEL, listed_line)
        if hit:
            lvl, m = hit
            while stack and stack[-1].level >= lvl:
                stack.pop()
            current = Item(lvl, m.group(1), ln.start + m.end(), ln.end, [ln.text[m.end():]],
                           parent=stack[-1] if stack else None)
            items.append(current)
            stack.append(current)
            continue
        if current is not None and RESPONSIBLE_LINE.match(s):
            current.parts.append(ln.text)  # 责任单位：… on its own line belongs to the task above
            current.end = ln.end
            _share_duty(items, current, ln.text)
            # the label line ends the task unless its list wraps on (…、); the signature below is no part of it
            current.closed = not re.search(r"[、，,]\s*$", ln.text)
            continue
        listed = _LISTED_LINE.match(s)
        if current is not None and listed and _NUMERALS[_NUMERALS.index(listed.group(1)) - 1] + "是" in current.text:
            current.parts.append(ln.text)  # 二是… on a line of its own goes on the list 一是… opened
            current.end = ln.end
            continue
        if current is None or current.closed:
            continue
        if current.heading_only or not re.search(r"[。！？]\s*$", current.parts[-1]):
            current.parts.append(ln.text)
            current.end = ln.end
        else:
            current.closed = True  # an unnumbered paragraph after a finished item stands alone
    return items


# A line opening the next task of a 一是/二是 list (二是…, 三是…; not 一是, which opens a list).
_NUMERALS = "一二三四五六七八九十"
_LISTED_LINE = re.compile(r"^([二三四五六七八九十])是(?=[\u4e00-\u9fff“])")


def _share_duty(items: list[Item], current: Item, line: str) -> None:
    """A 责任单位 line after the last task of a group (（一）… / 1.… 2.… / 责任单位：…) is the duty of
    the group's tasks above it that state none of their own."""
    if current.parent is None or not current.parent.heading_only:
        return
    for sib in reversed(items):
        if sib is current:
            continue
        if sib.parent is not current.parent or STATED_RESPONSIBLE.search(sib.text) or sib.shared:
            break
        sib.shared = line


# A closing section whose text is one unnumbered paragraph (三、保障措施 / 各部门要高度重视…,
# 四、加强组织实施 / 各地要…) is an exhortation, not a task.
_CLOSING = re.compile(r"^(?:(?:加强|强化|做好|抓好)?(?:组织实施|组织保障)|保障措施|工作要求|实施保障|有关要求|其他事项|其他)$")


def is_measure(item: Item) -> bool:
    if item.heading_only:
        return False
    if item.level == 1 and _CLOSING.match(squeeze(item.parts[0]).rstrip("。：:")):
        return False
    return not any(NOT_TASKS.search(a.heading or _opening(a.text)) or _CONTEXT.search(a.heading or squeeze(a.parts[0]))
                   for a in [item, *item.ancestors()])


def _heading_sentence(item: Item) -> bool:
    """A group heading written as one short sentence (（一）实施技能提升行动。 / 1.… 2.…)."""
    t = item.text.rstrip()
    return t.endswith("。") and "。" not in t[:-1] and len(t) <= HEADING_MAX + 1


def _opening(text: str) -> str:
    """The first clause of an item without a short heading: an aims word further on (…，确保如期
    实现试点目标) is part of a task, not the heading of an aims section."""
    return re.split(r"[，,。；;：:]", text, maxsplit=1)[0]


def measure_key(text: str, scope: str | None = None) -> str:
    """Resolution key of a Measure: its normalised text; a short heading is scoped by its policy
    (加强组织领导 in two policies is two measures)."""
    return f"measure|{scope}|{name_key(text)}" if scope else f"measure|{name_key(text)}"


# ---- task-list tables: ingest.policy_tasklists ----------------------------------------
def _unify(rows: list[Row]) -> list[Row]:
    """Keys and names: a restated row takes the key of the owner's own list row it restates."""
    canonical: dict[str, list[Row]] = {}
    for r in rows:
        r.key, r.name = measure_key(r.text), r.text
        if r.owner.properties.get("key") == r.home:
            canonical.setdefault(r.home, []).append(r)
    for r in rows:
        owner_key = r.owner.properties.get("key")
        if owner_key == r.home:
            continue
        best, score = None, 0.0
        for c in canonical.get(owner_key, []):
            sc = bigram_dice(name_key(r.text), name_key(c.text)) + (0.05 if c.number == r.number else 0.0)
            if sc > score:
                best, score = c, sc
        if best is not None and score >= 0.5:
            r.key, r.name, r.restates = best.key, best.text, best
    own = [r for r in rows if r.owner.properties.get("key") == r.home]
    return own + [r for r in rows if r not in own]


_SENTENCE_RE = re.compile(r"[^。；;]+[。；;]?")
_CLAUSE_RE = re.compile(r"[^，,。；;]+[，,。；;]?")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans a list task may restate: sentences, their clauses, and runs of 2-3 clauses."""
    spans = [(m.start(), m.end()) for m in _SENTENCE_RE.finditer(text, start, end)]
    for s, e in list(spans):
        clauses = [(m.start(), m.end()) for m in _CLAUSE_RE.finditer(text, s, e)]
        for n in (1, 2, 3):
            spans += [(clauses[i][0], clauses[i + n - 1][1]) for i in range(len(clauses) - n + 1)]
    return spans


# ---- 一是/二是 lists inside a numbered item -------------------------------------------------
_LISTED = re.compile(r"(?:(?<=[：:；;。，,\s])|^)([一二三四五六七八九十]{1,2})是(?=[\u4e00-\u9fff“])")


def listed_parts(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(marker, start, end) of the 一是…；二是…；三是… tasks inside text[start:end] (at least two,
    numbered from 一是 on), each from its marker to the next."""
    marks = [m for m in _LISTED.finditer(text, start, end)]
    wanted, kept = "一二三四五六七八九十", []
    for m in marks:
        if len(kept) < len(wanted) and m.group(1) == wanted[len(kept)]:
            kept.append(m)
    if len(kept) < 2:
        return []
    return [(m.group(1) + "是", m.start(), kept[i + 1].start() if i + 1 < len(kept) else end)
            for i, m in enumerate(kept)]


def responsibilities(text: str, headed: bool = False) -> list[tuple[str, str]]:
    """(party, role) a task's text states: labelled lists and led forms in brackets, then what its
    sentences say in words (由X牵头，Y配合; X会同Y; X要…). A task with a heading of its own
    (``headed``: 建设产教融合型城市。各市发展改革委要…) is opened by its first sentence after it."""
    found = [r for m in STATED_RESPONSIBLE.finditer(text) for r in stated_roles(m)]
    if not found:
        for i, sentence in enumerate(re.split(r"[。；;]", text)):
            opening = i == 0 or (headed and i == 1)
            found.extend(r for r in prose_roles(sentence.strip(), opening=opening) if r not in found)
    return found


# Headings of the closing duties of a plan (组织领导, 督导考核 …): a X要 sentence under them exhorts
# every party, it does not carry a task.
_GUARANTEE = re.compile(r"保障|组织领导|组织实施|协同|督导|督查|考核|工作要求|责任落实|监督")


# ---- extraction ---------------------------------------------------------------------------
@on_reading_view
def extract(doc: Document) -> Extraction:
    """Measures of every policy in the document, with HAS_MEASURE and RESPONSIBLE_FOR facts."""
    out = Extraction()
    text = doc.text
    sentences: dict[str, list[tuple[int, int]]] = {}
    rows: list[Row] = []
    stated: dict[str, list[Mention]] = defaultdict(list)  # body measures by policy key
    for seg in segment_policies(text):
        for part in policy_parts(text, seg):
            owner = part_owner(doc, seg, part)
            items = parse_items(text, part.start, part.end)
            parents = {id(it.parent) for it in items if it.parent is not None}
            body_items = [it for it in items if is_measure(it) and not (id(it) in parents and _heading_sentence(it))]
            sentences.setdefault(owner.properties["key"], []).extend(
                sp for it in body_items for sp in _sentences(text, it.start, it.end))
            for it in body_items:
                parts = listed_parts(text, it.start, it.end)
                if not parts:
                    stated[owner.properties["key"]].append(_body_measure(doc, seg, owner, it, out))
                closing = _closing_duty(squeeze(text[parts[-1][1]:parts[-1][2]])) if parts else ""
                for marker, s, e in parts:
                    stated[owner.properties["key"]].append(
                        _listed_measure(doc, seg, owner, it, marker, s, e, out, closing))
            rows.extend(parse_task_tables(doc, seg, part))
    for r in _unify(rows):
        _join_body_measure(r, stated.get(str(r.owner.properties.get("key")), []))
        _row_measure(doc, r, sentences.get(r.home, []), out)
    return out


def _join_body_measure(r: Row, body: list[Mention]) -> None:
    """A list row that names a numbered item of its policy's body (附件 重点任务分工 listing the
    body's tasks with their 牵头单位) is that measure: it takes the body measure's key and name."""
    if r.restates is not None:
        return
    row = name_key(r.text)
    for m in body:
        name = name_key(m.name.rstrip("…"))
        if name == row or (min(len(name), len(row)) >= 6 and bigram_dice(name, row) >= 0.8):
            r.key, r.name = m.properties["key"], m.name
            return


def _body_measure(doc: Document, seg: PolicySegment, policy: Mention, it: Item, out: Extraction) -> Mention:
    head, full = it.heading, it.text
    name = head or (full if len(full) <= 60 else full[:60] + "…")
    groups = [a for a in it.ancestors() if a.heading_only or _heading_sentence(a)]
    section = [a for a in it.ancestors() if a.level == 1]
    scope = str(policy.properties["key"])
    props = {"key": measure_key(head, scope) if head and len(head) < len(full) else measure_key(full),
             "number": it.number, "numbering": _MARKS[it.level].format(it.number), "text": full, "group": groups[0].heading if groups else "",
             "section": section[0].heading if section else "", "source": "body"}
    m = Mention("Measure", name, doc.id, it.start, it.end, properties=props)
    out.mentions.append(m)
    out.facts.append(Fact("HAS_MEASURE", policy, m, doc.evidence(it.start, it.end)))
    headed = bool(head) and len(head) < len(full) and not any(
        _GUARANTEE.search(a.heading or squeeze(a.parts[0])) for a in [it, *it.ancestors()])
    _responsible(doc, seg, m, f"{full}\n{it.shared}" if it.shared else full, it.start, it.end, out, headed,
                 implied=implied_parties(it))
    return m


# A bracket closing a task that lists only bodies: …给予奖补。（市教育局、市财政局）
_TRAILING_BODIES = re.compile(r"[（(]([^（()）]{2,80})[）)]\s*[。；;]?\s*$")


def implied_parties(it: Item) -> list[tuple[str, str]]:
    """Parties a task states without a label: a closing bracket of bodies only, else the heading
    of its group when that heading is a body (一、市教育局 / 1.… 2.…: a division by department)."""
    m = _TRAILING_BODIES.search(it.text)
    names = split_departments(m.group(1)) if m else []
    if names and all(is_party(n) for n in names):
        return [(n, "责任") for n in names]
    for a in it.ancestors():
        head = squeeze(a.text).rstrip("。：:；;")
        # a body of the vocabulary (市教育局, 教育部), not a heading that merely ends like one (…格局)
        if a.heading_only and (local_kind(head) or national_body(head)) and not re.search(r"[，,、]", head):
            return [(head, "责任")]
    return []


def _responsible(doc: Document, seg: PolicySegment, m: Mention, text: str, start: int, end: int,
                 out: Extraction, headed: bool = False, implied: list[tuple[str, str]] | None = None) -> None:
    for dept, role in responsibilities(text, headed) or implied or []:
        found = agency_mentions(doc, dept, seg.places)
        out.mentions.extend(found)
        out.facts.append(Fact("RESPONSIBLE_FOR", found[0], m, doc.evidence(start, end),
                              properties={"column": "stated", "role": role}))


def _closing_duty(last: str) -> str:
    """The duty that closes a 一是/二是 list as a whole: a bracket or label after the last task's
    full stop (…；二是…。（市教育局负责））, not one inside its clause (…，由X负责。)."""
    found = [m for m in STATED_RESPONSIBLE.finditer(last)]
    if not found or last[found[-1].end():].strip("。；;.\n ") or not last[:found[0].start()].rstrip().endswith("。"):
        return ""
    return last[found[0].start():]


def _listed_measure(doc: Document, seg: PolicySegment, policy: Mention, it: Item, marker: str, start: int,
                    end: int, out: Extraction, closing: str = "") -> Mention:
    """A task of a 一是/二是 list: named by its first clause, under the item's heading; a task that
    states no duty of its own takes a subject that must act in its next clause, else the duty
    closing the list (``closing``)."""
    full = squeeze(doc.text[start:end]).rstrip("；;。，,")[len(marker):]
    head = re.split(r"[，,；;。：:]", STATED_RESPONSIBLE.sub("", full), maxsplit=1)[0]  # not its （责任单位：…）
    name = head if 2 <= len(head) <= HEADING_MAX else (full if len(full) <= 60 else full[:60] + "…")
    scope = str(policy.properties["key"])
    props = {"key": measure_key(full, scope), "number": marker, "numbering": marker, "text": full,
             "group": it.heading, "section": it.heading, "source": "body"}
    m = Mention("Measure", name, doc.id, start, end, properties=props)
    out.mentions.append(m)
    out.facts.append(Fact("HAS_MEASURE", policy, m, doc.evidence(start, end)))
    duty = full
    if not responsibilities(full):
        # the task named by its first clause, its party by the next (二是建设实训基地，县财政局要落实资金),
        # else the duty closing the list
        rest = re.split(r"[。；;]", full[len(head):].lstrip("，,"), maxsplit=1)[0] if head != full else ""
        if rest and prose_roles(rest, opening=True):
            duty = rest
        elif closing:
            duty = f"{full}\n{closing}"
    _responsible(doc, seg, m, duty, start, end, out)
    return m


@lru_cache(maxsize=8)
def _span_grams(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[list[frozenset[str]], dict[str, list[int]]]:
    """The bigrams of each span's key, and the spans by bigram (one index per policy text)."""
    grams = [_bigrams(name_key(text[a:b])) for a, b in spans]
    index: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(grams):
        for b in g:
            index[b].append(i)
    return grams, index


def _best_sentence(text: str, spans: tuple[tuple[int, int], ...], key: str) -> tuple[tuple[int, int], float]:
    """The span whose key is most like ``key`` (bigram_dice; the first of equal ones) and its score:
    the spans sharing a bigram with it are counted through the index, not every span compared with
    every row (rows × sentences grew with the policy)."""
    grams, index = _span_grams(text, spans)
    own = _bigrams(key)
    shared: dict[int, int] = defaultdict(int)
    for b in own:
        for i in index.get(b, ()):
            shared[i] += 1
    best, score = 0, 0.0
    for i in sorted(shared):
        sc = 2 * shared[i] / (len(grams[i]) + len(own))  # bigram_dice, as it computes it
        if sc > score:
            best, score = i, sc
    return spans[best], score


def _row_measure(doc: Document, r: Row, sentences: list[tuple[int, int]], out: Extraction) -> None:
    text = doc.text
    props = {"key": r.key, "number": r.restates.number if r.restates else r.number, "text": r.name,
             "group": r.group, "list": r.title, "source": "list"}
    m = Mention("Measure", r.name, doc.id, r.start, r.end, properties=props)
    out.mentions.extend([r.owner, m])
    out.facts.append(Fact("HAS_MEASURE", r.owner, m, doc.evidence(r.start, r.end)))
    own = {agency_name(d, r.restates.seg.places) for d, _ in r.restates.departments} if r.restates else None
    for dept, column in r.departments:
        name = agency_name(dept, r.seg.places)
        if own is not None and name not in own:
            continue  # a restatement adds evidence to the list it restates, not new departments
        found = agency_mentions(doc, dept, r.seg.places, r.start, r.end)
        out.mentions.extend(found)
        out.facts.append(Fact("RESPONSIBLE_FOR", found[0], m, doc.evidence(r.start, r.end),
                              properties={"column": column, "role": role_of_column(column)}))
    if r.restates is None and sentences:
        best, score = _best_sentence(text, tuple(sentences), name_key(r.text))
        if score >= 0.6:
            out.facts.append(Fact("HAS_MEASURE", r.owner, m, doc.evidence(*best)))
