"""How the sentence reader cuts a page: sentences outside tables (a case title or a heading line is
one of its own), the short lines of a page's head, and what they say about the page (its school, its
groups, the school its title opens with). ``ingest.sentences`` reads relations from these."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.model import Document, Mention
from ingest.orgnames import find_orgs
from ingest.tables import table_spans

_END_RE = re.compile(r"[。！？!?；;]")
CASE_RE = re.compile(r"^\s*【案例\s*(\d+)\s*-\s*(\d+)")
HEADING_RE = re.compile(r"^\s*(?:\d+(?:\s*\.\s*\d+)+\s*\S|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）"
                         r"|[一二三四五六七八九十]+是\s|重点[一二三四五六七八九十]+[：:])")
# Lines that start a new item even without a full stop before them (bullets, title lists).
_ITEM_RE = re.compile(r"^\s*(?:[\uf000-\uf8ff•●◆■▪]|《|\d+[.、．]\s*\S)")
_TITLE_SPANS_RE = re.compile(r"《[^》]{0,80}》")  # document titles: their names take no part in facts


@dataclass
class Sentence:
    start: int
    end: int
    is_title: bool = False
    mentions: list[Mention] = field(default_factory=list)


def split_sentences(doc: Document) -> list[Sentence]:
    """Sentences outside tables; a case title or a heading line is a sentence of its own."""
    spans = sorted(table_spans(doc))
    text = doc.text
    out: list[Sentence] = []
    buf_start: int | None = None
    pos = 0

    def flush(upto: int) -> None:
        nonlocal buf_start
        if buf_start is None:
            return
        s = buf_start
        for m in _END_RE.finditer(text, buf_start, upto):
            if text[s:m.end()].strip():
                out.append(Sentence(s, m.end()))
            s = m.end()
        if text[s:upto].strip():
            out.append(Sentence(s, upto))
        buf_start = None

    si = 0
    first = True
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while si < len(spans) and spans[si][1] < start:
            si += 1
        in_table = si < len(spans) and spans[si][0] <= start + len(line) - len(line.lstrip()) <= spans[si][1]
        if in_table or "\t" in line:
            flush(start)
            continue
        if CASE_RE.match(line) or HEADING_RE.match(line):
            flush(start)
            # "（一）明确牵头主体。市域产教联合体由…": a policy heading runs on into its paragraph.
            stop = None if CASE_RE.match(line) else _END_RE.search(line)
            if stop and line[stop.end():].strip():
                out.append(Sentence(start, start + stop.end(), is_title=True))
                buf_start = start + stop.end()
                continue
            out.append(Sentence(start, end, is_title=True))
            continue
        if _ITEM_RE.match(line):
            flush(start)
        if buf_start is None and line.strip():
            buf_start = start
        if first and line.strip():
            first = False
            if len(line.strip()) <= 60 and not _END_RE.search(line) and not re.search(r"[，,、：:（(]\s*$", line):
                flush(end)  # a page's title line is a sentence of its own (某某集团成立)
    flush(len(text))
    return out


def title_school(text: str, found: list[Mention]) -> Mention | None:
    """The one school a document's title block names (南通航运职业技术学院 / 2024年…质量年度报告):
    the document is that school's own, so 学校 and 我校 outside a case mean it. The title block is
    the short lines before the first blank line after text starts; a city's report names none."""
    head = re.match(r"\s*(?:[^\n]{1,40}\n)+?(?=\s*\n|[^\n]{41})", text)
    if head is None:
        return None
    schools = {m.name: m for m in found if m.end <= head.end() and m.type == "School"}
    others = [m for m in found if m.end <= head.end() and m.type == "Group"]
    if len(schools) != 1 or others:
        return None
    return next(iter(schools.values()))


def head_lines(text: str) -> list[tuple[int, int]]:
    """The short lines that open a page (title, site name, breadcrumbs) before its first paragraph."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n")[:15]:
        start, end = pos, pos + len(line)
        pos = end + 1
        if len(line.strip()) > 80:
            break
        if line.strip():
            out.append((start + len(line) - len(line.lstrip()), start + len(line.rstrip())))
    return out


def title_groups(text: str, found: list[Mention]) -> list[Mention]:
    """The groups a page's title names: the first opening line that names a group, or, when the
    page opens with its first paragraph, its first sentence."""
    lines = head_lines(text) or []
    if not lines:
        first = re.match(r"\s*[^。！？\n]{1,120}", text)
        lines = [(first.start(), first.end())] if first else []
    for a, b in lines:
        groups = [m for m in found if a <= m.start and m.end <= b and m.type == "Group"]
        if groups:
            return groups
    return []


def title_opener(text: str, found: list[Mention]) -> Mention | None:
    """The school that opens a title line of the page's head (临江职院携手北岭公司签约): a school's news
    page titles its own news so, and 我校 in its text means that school."""
    for a, b in head_lines(text):
        first = next((m for m in found if a <= m.start < b), None)
        if first is not None and first.start == a and first.type == "School" and first.end < b and \
                not re.search(r"[。！？；]", text[a:b]):  # a title, not the page's first sentence
            return first
    return None


def header_school(text: str, doc_id: str, names: set[str], context: set[str]) -> Mention | None:
    """The school a page belongs to when a line of its head is that school's name alone
    (a school site's banner): 我校/我院 on the page mean it."""
    for a, b in head_lines(text):
        ms = find_orgs(text, a, b, doc_id, names, context)
        if len(ms) == 1 and ms[0].type == "School" and re.sub(r"\s+", "", text[a:b]) == ms[0].name:
            return ms[0]
    return _footer_school(text, doc_id, names, context)


# A site's footer line: 某某学院 版权所有 / Copyright © 2024 某某学院 / 主办：某某学院.
_FOOTER_RE = re.compile(r"^[ \t\u3000]*(?:(?:Copyright|版权所有)?[ \t\u3000]*(?:©|\(c\))?[ \t\u3000]*(?:\d{4}(?:-\d{4})?)?"
                        r"[ \t\u3000]*(?:主办(?:单位)?[:：])?[ \t\u3000]*)(?P<name>[\u4e00-\u9fff（）()]{4,30}?)"
                        r"[ \t\u3000]*(?:版权所有|All Rights Reserved)?[ \t\u3000]*$", re.M | re.I)


def _footer_school(text: str, doc_id: str, names: set[str], context: set[str]) -> Mention | None:
    """The school whose site a page is, named by its footer (某某学院 版权所有) among its last lines."""
    tail_at = max(0, len(text) - 600)
    for m in _FOOTER_RE.finditer(text, tail_at):
        line = m.group(0)
        if not re.search(r"版权所有|Copyright|©|主办", line, re.I):
            continue
        ms = find_orgs(text, m.start("name"), m.end("name"), doc_id, names, context)
        if len(ms) == 1 and ms[0].type == "School" and ms[0].name == m.group("name"):
            return ms[0]
    return None


def title_spans(text: str, s: Sentence) -> list[tuple[int, int]]:
    return [(m.start() + s.start, m.end() + s.start) for m in _TITLE_SPANS_RE.finditer(text[s.start:s.end])]
