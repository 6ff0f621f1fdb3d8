"""Task-list tables of a policy (序号 | 工作任务 | 牵头单位 | 配合单位 …): tab or pipe rows, two-row
headers (a span over 牵头 | 配合 cells, or the task columns named below), headers repeated on a
new page, empty 主要任务 cells continuing the group, a task wrapping onto an unnumbered row, and
the role a cell states itself (省教育厅（牵头）). Used by ``ingest.tasks``.

>>> role_of_column("配合单位")
'配合'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import Document, Mention
from ingest.policy import PolicyPart, citation_mention, part_owner
from ingest.policy_cite import find_citations
from ingest.policy_parties import STATED_RESPONSIBLE, cell_roles, is_party, split_departments, stated_roles
from ingest.policy_segments import PolicySegment
from ingest.policy_text import NOISE_LINE_RE, Line, is_agency_name, lines_of, squeeze

TEXT_COLUMNS = ("任务内容", "政策内容", "具体任务", "工作任务", "工作内容", "任务措施", "措施内容", "具体措施",
                "主要措施", "工作措施", "重点举措", "主要内容", "内容", "具体举措", "举措", "措施", "主要任务", "重点任务",
                "重点工作", "主要工作", "工作重点", "工作事项", "任务")
GROUP_COLUMNS = ("主要任务", "重点任务", "任务类别", "类别", "领域")
# Task columns that group a measures column beside them (工作任务 | 具体措施), but not a 内容 one.
_TASKS_OVER_MEASURES = ("工作任务", "具体任务", "任务")
_TITLE_SKIP = re.compile(r"^(?:单位|联系人|联系电话|填报人|填报日期|日期)\s*[:：]|^[\s\-]*附件\s*\d*\s*$")
_TITLE_AGENCY = re.compile(r"^([\u4e00-\u9fff]{2,20}?(?:部|厅|局|委|政府|委员会|办公室|办公厅))")


@dataclass
class Row:
    number: str
    text: str
    group: str
    departments: list[tuple[str, str]]  # (name as written, column)
    start: int
    end: int
    owner: Mention
    seg: PolicySegment
    title: str
    home: str  # key of the policy whose text holds the list (its own list when owner has it)
    key: str = ""
    name: str = ""
    restates: "Row | None" = None


def _cells(line: Line) -> list[str]:
    if "\t" in line.text:
        return [c.strip() for c in line.text.split("\t")]
    cells = [c.strip() for c in line.text.strip().lstrip("-").strip().split("|")]
    return cells[1:-1] if len(cells) > 2 else cells


def _is_header(cells: list[str]) -> bool:
    return any(squeeze(c).replace(" ", "") in ("序号", "编号") for c in cells)


def _unnumbered_header(cells: list[str]) -> bool:
    """A task table's header without a 序号 column (重点任务 | 责任单位 | 完成时限): a task column
    and a column of responsible units, every cell a column name."""
    names = [squeeze(c) for c in cells if c.strip()]
    return (len(names) >= 2 and any(n in TEXT_COLUMNS for n in names)
            and any(re.search(r"责任|牵头|配合", n) for n in names)
            and all(len(n) <= 8 and not re.search(r"\d|[，。；]", n) for n in names))


# A row's number: 1, 1. or 1、; or a Chinese numeral (一, （一）), a task when the row names its
# departments, else the heading of the group of rows below it.
_ROW_NUMBER = re.compile(r"\d{1,3}[.．、]?")
_CN_ROW_NUMBER = re.compile(r"[（(]?[一二三四五六七八九十]{1,3}[）)、]?")


def _column(names: list[str], wanted: tuple[str, ...], exclude: set[int] = frozenset()) -> int | None:
    for w in wanted:
        for i, n in enumerate(names):
            if i not in exclude and n == w:
                return i
    for w in wanted:
        for i, n in enumerate(names):
            if i not in exclude and w in n and "序号" not in n:
                return i
    return None


_TRAILING_LIST = re.compile(r"[（(]([^（()）]{2,80})[）)]\s*$")  # 建设实训基地（省教育厅、省财政厅）
_ROLE_WORDS = r"(?:牵头|配合|协同|参与|协助|责任|主责|协办)(?:单位|部门)?"


def _spanned_roles(upper: list[str], lower: list[str]) -> list[str]:
    """Column names of a header whose 责任单位 cell spans role cells in the row below:
    [序号, 工作任务, 责任单位, '', 时限] over ['', '', 牵头, 配合, ''] → […, 责任单位牵头, 责任单位配合, 时限]."""
    out, span = [], ""
    for i in range(max(len(upper), len(lower))):
        up = upper[i] if i < len(upper) else ""
        low = lower[i] if i < len(lower) else ""
        span = up or span
        out.append(span + low if low and re.fullmatch(_ROLE_WORDS, low) else (up or low))
    return out


def _table_title(lines: list[Line], idx: int) -> tuple[str, Line | None]:
    seen = 0
    for ln in reversed(lines[:idx]):
        if not ln.stripped:
            continue
        seen += 1
        if seen > 6 or ln.is_table_row:
            if ln.is_table_row and not _is_header(_cells(ln)):
                continue  # an upper header row (部省共建任务 … 落实具体举措)
            break
        if _TITLE_SKIP.search(ln.stripped) or NOISE_LINE_RE.match(ln.stripped):
            continue
        return squeeze(ln.text), ln
    return "", None


def parse_task_tables(doc: Document, seg: PolicySegment, part: PolicyPart) -> list[Row]:
    """Rows of the task lists inside a part of a policy's text."""
    text = doc.text
    lines = lines_of(text, part.start, part.end)
    home = part_owner(doc, seg, part)
    citations = find_citations(text)
    rows: list[Row] = []
    cols: dict[str, object] | None = None
    lower_headers: set[int] = set()
    for idx, ln in enumerate(lines):
        s = ln.stripped
        if not s or NOISE_LINE_RE.match(s):
            continue
        if not ln.is_table_row:
            cols = None
            continue
        cells = _cells(ln)
        if idx in lower_headers:
            continue
        unnumbered = not _is_header(cells) and _unnumbered_header(cells)
        if cols is not None and cols.get("count") is not None:
            if all(re.fullmatch(r":?-{2,}:?", c.strip()) for c in cells if c.strip()):
                continue  # the rule under a markdown header
            cols["count"] += 1
            cells = [str(cols["count"]), *cells]  # a table without 序号: its rows in order
        if _is_header(cells) or unnumbered:
            names = [squeeze(c) for c in cells]
            if unnumbered:
                names, cells = ["序号", *names], ["序号", *cells]
            prev = next((p for p in reversed(lines[:idx]) if p.stripped), None)
            if prev is not None and prev.is_table_row and not _is_header(_cells(prev)):
                upper = [squeeze(c) for c in _cells(prev)]
                if not (upper and upper[0].isdigit()):
                    names = [n or (upper[i] if i < len(upper) else "") for i, n in enumerate(names)]
            # A two-row header: the second row (empty 序号 cell) names the columns under a span.
            nxt = next((j for j in range(idx + 1, len(lines)) if lines[j].stripped), None)
            if nxt is not None and lines[nxt].is_table_row:
                lower = [squeeze(c) for c in _cells(lines[nxt])]
                if lower and not lower[0] and _column(lower, TEXT_COLUMNS) is not None:
                    names = [lower[i] if i < len(lower) and lower[i] else n for i, n in enumerate(names)]
                    names += lower[len(names):]
                    lower_headers.add(nxt)
                elif lower and not lower[0] and any(re.fullmatch(_ROLE_WORDS, c) for c in lower if c):
                    names = _spanned_roles(names, lower)  # 责任单位 over 牵头 | 配合
                    lower_headers.add(nxt)
            tcol = _column(names, TEXT_COLUMNS)
            if tcol is None:
                cols = None
                continue
            coarse = tcol
            if names[tcol] in GROUP_COLUMNS or names[tcol] in _TASKS_OVER_MEASURES:
                # 重点任务 | 工作举措, 工作任务 | 具体措施: the tasks group the measures beside them (a
                # 工作任务 | 主要内容 table describes its tasks: the tasks are its measures)
                finer_rx = r"(?:举措|措施|内容)$" if names[tcol] in GROUP_COLUMNS else r"(?:举措|措施)$"
                finer = next((i for i, n in enumerate(names) if i != tcol and re.search(finer_rx, n)
                              and not re.search(r"单位|部门|时限|时间", n)), None)
                tcol = finer if finer is not None else tcol
            gcol = _column(names, GROUP_COLUMNS, {tcol})
            if gcol is None and tcol != coarse:
                gcol = coarse
            # 牵头/责任/负责 units lead; 配合/协同 units share the task (the column name is kept on the edge)
            rcols = [i for i, n in enumerate(names) if re.search(r"责任|牵头|负责|配合|协同|参与|协办|协助|实施单位|承办单位|实施主体", n)
                     and not re.search(r"领导|责任人|联系人", n)]  # 责任领导 names a person, not a body
            if cols is not None and cols["names"][cols["text"]] == names[tcol]:
                continue  # the same table's header repeated on a new page
            title, title_line = _table_title(lines, idx)
            if not rcols and not re.search(r"清单|任务|举措|措施|政策|要点", title):
                cols = None
                continue
            owner = home
            if title_line is not None and "。" not in title_line.stripped:  # a sentence citing 《…》 titles no list
                cited = [c for c in citations if title_line.start <= c.start < title_line.end]
                if cited and cited[0].key != home.properties["key"]:
                    owner = citation_mention(doc, cited[0])
            implied = _TITLE_AGENCY.match(title)
            cols = {"names": names, "text": tcol, "group": gcol, "resp": rcols, "title": title,
                    "owner": owner, "implied": implied.group(1) if implied and is_agency_name(implied.group(1)) else None,
                    "group_value": "", "pending": "", "last": None, "count": 0 if unnumbered else None}
            continue
        chinese = bool(cells) and bool(_CN_ROW_NUMBER.fullmatch(cells[0].strip()))
        if cols is None or not cells or not (_ROW_NUMBER.fullmatch(cells[0].strip()) or chinese or not cells[0].strip()):
            continue
        get = lambda i: squeeze(cells[i]) if i is not None and i < len(cells) else ""  # noqa: E731
        number, body = cells[0], get(cols["text"])
        # a role the cell states itself (省教育厅（牵头）) is kept with the column: 责任单位（牵头）
        depts = [(d, cols["names"][i] + (f"（{role}）" if role else "")) for i in cols["resp"]
                 for d, role in cell_roles(get(i))]
        if cols is not None and not cells[0].strip() and body_continues(cells, cols, rows):
            r = rows[-1]
            if _own_lead(cells, cols, r):
                number = r.number  # a second measure of the numbered task above, with units of its own
            else:  # a row without its number: the task above wraps onto it
                r.text += get(cols["text"])
                r.departments += [d for d in depts if d not in r.departments]
                r.end = ln.start + len(ln.text.rstrip("\t |"))
                continue
        elif not cells[0].strip():
            continue
        if chinese and not depts:  # 一 | 优化布局 |  | : the heading of the rows below
            cols["group_value"], cols["pending"] = body or get(cols["group"]), ""
            continue
        filled = [c for c in cells[1:] if c.strip()]
        if number == cols["last"] and not depts and len(filled) == 1 and len(filled[0]) <= 12:
            cols["pending"] = squeeze(filled[0])  # a group heading split over a page break
            continue
        group = get(cols["group"])
        if group:
            cols["group_value"], cols["pending"] = cols["pending"] + group, ""
        cols["last"] = number
        if not body:
            continue
        if not depts:  # 建设实训基地（省教育厅、省财政厅）: the task cell states its departments
            stated = [r for m in STATED_RESPONSIBLE.finditer(body) for r in stated_roles(m)]
            listed = _TRAILING_LIST.search(body)
            if not stated and listed and all(is_party(p) for p in split_departments(listed.group(1))):
                stated = [(p, "责任") for p in split_departments(listed.group(1))]
                body = squeeze(body[:listed.start()])
            if stated:
                body = squeeze(STATED_RESPONSIBLE.sub("", body))
                depts = [(d, f"stated（{role}）") for d, role in stated]
        if not depts and cols["implied"]:
            depts = [(cols["implied"], "title")]
        end = ln.start + len(ln.text.rstrip("\t |"))
        rows.append(Row(number, body, cols["group_value"] or cols["title"], depts, ln.start, end,
                        cols["owner"], seg, cols["title"], home.properties["key"]))
    return rows


def _own_lead(cells: list[str], cols: dict[str, object], above: Row) -> bool:
    """Whether an unnumbered row names its own lead unit where the row above has one: a further
    measure of the same task (| | | 支持… | 市教育局 | 市人社局 |), not the task's text wrapping on."""
    first = cols["resp"][0] if cols["resp"] else None
    if first is None or first >= len(cells) or not cells[first].strip():
        return False
    column = cols["names"][first]
    return any(c.startswith(column) for _, c in above.departments)


def body_continues(cells: list[str], cols: dict[str, object], rows: list[Row]) -> bool:
    """Whether a row with an empty 序号 cell carries on the task of the row above (its text cell
    filled, its group cell empty) rather than opening a group of its own."""
    text_i, group_i = cols["text"], cols["group"]
    filled = lambda i: i is not None and i < len(cells) and bool(cells[i].strip())  # noqa: E731
    return bool(rows) and rows[-1].number == cols["last"] and filled(text_i) and not filled(group_i)


def role_of_column(column: str) -> str:
    """The role a task-list column gives its units: 牵头单位 → 牵头, 配合单位 → 配合, else 责任."""
    if "牵头" in column:
        return "牵头"
    if re.search(r"配合|协同|参与|协助|协办|支持", column):
        return "配合"
    return "责任"
