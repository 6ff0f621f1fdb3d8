"""Evidence in context: a quote from a table row is shown as that row, cell by cell, under the
table's header, not as the run of neighbouring rows a sentence window would give (table rows
have no sentence ends). The search page and ``GET /documents/{id}/context`` use it.

>>> text = "序号\\t牵头单位\\t集团名称\\n1\\t东川职业学院\\t东川农牧职教集团\\n2\\t西川技师学院\\t西川汽车职教集团\\n"
>>> row = table_row(text, text.index("西川技师"), text.index("西川汽车") + 8)
>>> row.header, row.cells
(['序号', '牵头单位', '集团名称'], ['2', '西川技师学院', '西川汽车职教集团'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_HEADER_LINES_UP = 80  # how far up a table's header is looked for
MAX_CAPTION = 60
_MD_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_RULE_ONLY = re.compile(r"[-|:\s]+")  # an empty Markdown header (- | | |) or a rule
_NUMBERED = re.compile(r"^\s*[0-9０-９]+\s*$")


@dataclass
class TableRow:
    """A table row around a quote: its span in the document, its cells and the header's."""

    start: int
    end: int
    cells: list[str]
    header: list[str] | None
    caption: str | None = None  # the line above the table (表2-6 …名单), when short


def _cells(line: str) -> list[str] | None:
    """The cells of a table line (tab-separated or Markdown ``| a | b |``), None for prose."""
    s = line.strip()
    if s.startswith("|") and s.count("|") >= 3:
        return [c.strip() for c in s.strip("|").split("|")]
    if "\t" in line.strip("\n") and len([c for c in line.split("\t") if c.strip()]) >= 2:
        return [c.strip() for c in line.rstrip("\n").split("\t") if c.strip()]
    return None


def table_row(text: str, start: int, end: int) -> TableRow | None:
    """The table row holding ``text[start:end]`` (a quote inside one line), else None."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", start)
    right = len(text) if right < 0 else right
    if end > right + 1:
        return None  # the quote runs over several lines: no single row
    cells = _cells(text[left:right])
    if cells is None:
        return None
    top, caption = None, None
    lines = text[:left].split("\n")[:-1][::-1][:MAX_HEADER_LINES_UP]
    for line in lines:  # up to the table's first row, across blank lines inside the table
        if not line.strip() or _MD_RULE.match(line.strip()) or _RULE_ONLY.fullmatch(line.strip()):
            continue
        above = _cells(line)
        if above is None:
            caption = line.strip() if len(line.strip()) <= MAX_CAPTION else None
            break
        top = above
    # The table's first line is its header unless it is a numbered row itself (or blank cells).
    header = top if top is not None and not _NUMBERED.match(top[0]) \
        and any(c.strip("- ") for c in top) else None
    return TableRow(left, right, cells, header, caption)
