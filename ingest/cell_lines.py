"""Tables written one cell per line, as a web page's table comes out when copied as text:

    序号
    联合体名称
    牵头单位
    1
    某某市域产教联合体
    某某管理委员会
    某某职业学院
    2
    …

A header of short lines opening with 序号 says how many columns there are; each record opens with
its number on a line of its own, and its lines fill the columns in order, the last column taking
every line left (two leads, one a line). Only the spans are found here; ``ingest.tables`` reads
them as rows.

>>> t = "序号\\n名称\\n牵头单位\\n1\\n甲联合体\\n乙学院\\n丙公司\\n"
>>> [[x[0] for x in r] for r in cell_line_tables(t)[0][1]]
[['1', '甲联合体', '乙学院 丙公司']]
"""

from __future__ import annotations

import re

Span = tuple[str, int, int]  # text, start, end

_INDEX_HEAD_RE = re.compile(r"序号|编号")
_INDEX_RE = re.compile(r"\d{1,3}[.、．]?")
# What a header cell says (名称, 牵头单位, 成员单位, 学校 …): short, no sentence in it.
_HEAD_CELL_RE = re.compile(r"名称|单位|学校|院校|牵头|成员|合作|集团|联盟|联合体|共同体|产业学院|职务|类别|备注|地区")
_PROSE_RE = re.compile(r"[。；！？]|，.*，")


def _lines(text: str) -> list[Span]:
    out, pos = [], 0
    for line in text.split("\n"):
        s = line.strip()
        out.append((s, pos + (line.index(s) if s else 0), pos + (line.index(s) if s else 0) + len(s)))
        pos += len(line) + 1
    return out


def cell_line_tables(text: str) -> list[tuple[list[Span], list[list[Span]]]]:
    """(header cells, records) of each one-cell-per-line table of ``text``; a record's cells are
    its number, then one cell per column (the last one joining the lines left, by spaces)."""
    if "\n" not in text or not _INDEX_HEAD_RE.search(text):
        return []
    lines = _lines(text)
    out = []
    i = 0
    while i < len(lines):
        if not _INDEX_HEAD_RE.fullmatch(lines[i][0]):
            i += 1
            continue
        head = [lines[i]]
        j = i + 1
        while j < len(lines) and len(head) < 6 and 2 <= len(lines[j][0]) <= 16 and \
                _HEAD_CELL_RE.search(lines[j][0]) and not _PROSE_RE.search(lines[j][0]):
            head.append(lines[j])
            j += 1
        records, j = _records(text, lines, j, len(head)) if len(head) >= 3 else ([], j)
        if records:
            out.append((head, records))
        i = max(j, i + 1)
    return out


def _records(text: str, lines: list[Span], j: int, width: int) -> tuple[list[list[Span]], int]:
    """The records from line j on: each opens with a number line and holds the lines up to the next."""
    records: list[list[Span]] = []
    while j < len(lines):
        while j < len(lines) and not lines[j][0]:
            j += 1
        if j >= len(lines) or not _INDEX_RE.fullmatch(lines[j][0]):
            break
        cells = [lines[j]]
        j += 1
        body: list[Span] = []
        while j < len(lines) and lines[j][0] and not _INDEX_RE.fullmatch(lines[j][0]) and \
                len(lines[j][0]) <= 60 and not _PROSE_RE.search(lines[j][0]):
            body.append(lines[j])
            j += 1
        if not body:
            break
        cells += body[: width - 2]
        rest = body[width - 2:]
        if rest:
            a, b = rest[0][1], rest[-1][2]
            cells.append((text[a:b].replace("\r", " ").replace("\n", " "), a, b))  # same offsets
        records.append(cells)
    return records, j
