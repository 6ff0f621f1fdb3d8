"""Tables as they come out of PDF/Word, and the group lists in them.

Rows are tab-separated lines, pipe rows (``| 1 | name | lead |``, a cell may continue on the next
lines until the closing pipe) or numbered lines (``5 东川职教联盟 临江市外贸服务学校``). Blank lines,
page headers and page numbers between rows do not end a table; a prose line or a caption does.
A header row (序号 集团名称 牵头单位) tells which column is what; without one, the line above the
table (省级职教集团名称及牵头学校) or the cells' suffixes decide.

Facts: a group list gives LEADS (牵头/主体/理事长单位, or the school column of a 产业学院 list),
MEMBER_OF (成员单位 column) and PARTNERS_WITH (合作方 column); a school column without groups gives
School mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.cell_lines import cell_line_tables
from ingest.cues import group_role, partner_kind
from ingest.model import Document, Extraction, Fact, Mention
from ingest.orgnames import classify_org, clean_name, find_orgs, place_typo, starts_with_stop_word

_PROSE_RE = re.compile(r"[。；！？]|，.*，")
_CAPTION_RE = re.compile(r"^\s*(?:表|附件|附表)\s*[0-9０-９一二三四五六七八九十]")
_PAGE_NOISE_RE = re.compile(r"^\s*(?:[-—–]\s*\d+\s*[-—–]|\d{1,6}|第\s*\d+\s*页.*)\s*$")
_NUMBERED_RE = re.compile(r"^\s*(\d{1,3})[.、．]?[ \u3000]+(\S.*)$")
_SEPARATOR_RE = re.compile(r"^[\s|:\-—]*$")  # |----|---| and "- | | |"

# Header words → column role.
_ROLE_RULES: tuple[tuple[str, str], ...] = (
    (r"序号|编号", "index"),
    (r"^(?:理事会)?(?:职务|类别|角色|身份|担任职务|成员类别)$", "post"),  # 理事长单位 / 副理事长单位 / 理事单位 per row
    (r"牵头|主体单位|理事长|主席单位|主持单位|依托单位", "lead"),
    (r"成员", "member"),
    (r"合作方|合作企业|合作单位|合作机构", "partner"),
    (r"集团|联盟|联合体|共同体|协作体|产业学院", "group"),
    (r"学校|院校|单位名称", "school"),
)
_HEADER_WORDS = re.compile(r"序号|编号|名称|单位|学校|院校|专业|合作|项目|指标|类别|备注|大类|层次|地区|对接|产业|所在|所属"
                           r"|职务|角色|身份")


@dataclass
class Cell:
    text: str
    start: int
    end: int


@dataclass
class Row:
    cells: list[Cell]
    start: int
    end: int


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    header: Row | None = None
    roles: list[str | None] = field(default_factory=list)
    context: str = ""  # the non-row line just above the table (a title such as ...及牵头学校)


@dataclass
class Unit:
    """One body named in a cell (a cell may hold two units separated by a space)."""

    name: str
    type: str
    start: int
    end: int
    column: int


# ---------------------------------------------------------------------------------------------
# Reading rows and tables.


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _split_cells(line: str, base: int, sep: str) -> list[Cell]:
    cells, pos = [], 0
    for part in line.split(sep):
        lead = len(part) - len(part.lstrip())
        txt = part.strip()
        cells.append(Cell(txt, base + pos + lead, base + pos + lead + len(txt)))
        pos += len(part) + 1
    return cells


def _pipe_row(lines: list[tuple[int, str]], i: int) -> tuple[Row | None, int]:
    """A pipe row starting at line i (continuation lines up to the closing pipe); next index."""
    base, line = lines[i]
    j = line.index("|")
    body = line[j + 1:]
    cells = _split_cells(body, base + j + 1, "|")
    end = base + len(line.rstrip())
    k = i + 1
    if not line.rstrip().endswith("|"):
        # The last cell continues on the next line(s) (a second lead unit), up to a closing pipe.
        while k < len(lines) and k <= i + 3:
            nbase, nline = lines[k]
            if not nline.strip():
                k += 1
                continue
            if nline.lstrip().startswith("|"):
                break
            content = nline.rstrip().rstrip("|").rstrip()
            if len(content.strip()) > 40 or _PROSE_RE.search(content):
                break  # prose after a row that merely lacks its closing pipe
            last = cells[-1]
            last.text = f"{last.text} {content.strip()}".strip()
            last.end = nbase + len(content)
            end = nbase + len(nline.rstrip())
            k += 1
            if nline.rstrip().endswith("|"):
                break
    elif cells and not cells[-1].text:
        cells.pop()
    if _SEPARATOR_RE.match(line[j:]):
        return None, k
    return Row(cells, base + j, end), k


def _row_at(lines: list[tuple[int, str]], i: int) -> tuple[Row | None, int]:
    base, line = lines[i]
    stripped = line.strip()
    if "|" in line and re.match(r"^[\s\-*]*\|", line):
        return _pipe_row(lines, i)
    if "\t" in line:
        cells = _split_cells(line, base, "\t")
        while cells and not cells[-1].text:
            cells.pop()
        if sum(1 for c in cells if c.text) == 0:
            return None, i + 1
        return Row(cells, base, base + len(line.rstrip())), i + 1
    if len(stripped) < 100 and not _PROSE_RE.search(stripped) and "，" not in stripped and re.search(r"\S\s+\S", stripped):
        # Space-separated rows as PDF text gives them: "5 东川职教联盟 临江市外贸服务学校", and their header.
        parts = [c for c in _split_cells(line, base, " ") if c.text]
        if _header_roles(Row(parts, base, base + len(line))) is not None and re.search(r"名称|单位", stripped):
            return Row(parts, base, base + len(line.rstrip())), i + 1
        m = _NUMBERED_RE.match(line)
        body = line[m.start(2):] if m else stripped
        body_start = base + (m.start(2) if m else line.index(stripped))
        content = Cell(body.rstrip(), body_start, body_start + len(body.rstrip()))
        units = _units([content], 0)
        if len(units) >= 2 and any(u.type == "Group" for u in units) and any(u.type != "Group" for u in units):
            # One content cell: which unit is the group and which the lead is decided by suffixes.
            index = [Cell(m.group(1), base + m.start(1), base + m.end(1))] if m else []
            return Row(index + [content], base, base + len(line.rstrip())), i + 1
    return None, i + 1


def _is_gap(line: str) -> bool:
    """A line that may sit between two rows of one table: blank, page number or page header."""
    s = line.strip()
    if not s or _PAGE_NOISE_RE.match(s):
        return True
    return len(s) <= 30 and not _PROSE_RE.search(s) and not _CAPTION_RE.match(s) and "，" not in s


def read_tables(text: str) -> list[Table]:
    """The tables of a text, with header rows and column roles recognised."""
    lines = _lines(text)
    tables: list[Table] = []
    cur: Table | None = None
    gap = 0
    pending_context = ""
    i = 0
    while i < len(lines):
        row, nxt = _row_at(lines, i)
        if row is not None:
            if cur is None:
                cur = Table(context=pending_context)
                tables.append(cur)
            cur.rows.append(row)
            gap = 0
        else:
            line = lines[i][1]
            if cur is not None and _is_gap(line) and gap < 6:
                gap += 1
            else:
                cur = None
                gap = 0
            if line.strip() and not _PAGE_NOISE_RE.match(line.strip()) and not _SEPARATOR_RE.match(
                    line.replace("-", "").replace("|", "")):
                pending_context = line.strip()
        i = nxt
    return [part for t in tables for part in _split_at_headers(t)] + _cell_line_tables(text)


def _cell_line_tables(text: str) -> list[Table]:
    """Tables written one cell per line (ingest.cell_lines), with their header's column roles."""
    out = []
    for head, records in cell_line_tables(text):
        header = Row([Cell(*h) for h in head], head[0][1], head[-1][2])
        roles = _header_roles(header)
        if roles is not None:
            rows = [Row([Cell(*c) for c in r], r[0][1], r[-1][2]) for r in records]
            context = text[:head[0][1]].rstrip().rsplit("\n", 1)[-1].strip()
            out.append(Table(rows=rows, header=header, roles=roles, context=context))
    return out


def _header_roles(row: Row) -> list[str | None] | None:
    texts = [c.text for c in row.cells]
    filled = [t for t in texts if t]
    if len(filled) < 2:
        return None
    hits = sum(1 for t in filled if _HEADER_WORDS.search(t) and len(t) <= 16)
    # A header names its columns; OCR may garble one (序号 专业群名称 核心专业 ij 选择对接产业链).
    if hits < len(filled) and not (re.fullmatch(r"序号|编号", filled[0]) and hits * 2 >= len(filled)):
        return None
    if any(classify_org(clean_name(t)) for t in filled if not _HEADER_WORDS.search(t)):
        return None
    roles: list[str | None] = []
    for t in texts:
        role = None
        for pattern, r in _ROLE_RULES:
            if re.search(pattern, t):
                role = r
                break
        roles.append(role)
    return roles


def _split_at_headers(table: Table) -> list[Table]:
    """A header row starts a new column layout (a table split by a page break, or a new table)."""
    out: list[Table] = []
    cur = Table(context=table.context)
    for row in table.rows:
        roles = _header_roles(row)
        if roles is None:
            cur.rows.append(row)
            continue
        out.append(cur)
        cur = Table(header=row, roles=roles, context=table.context)
    out.append(cur)
    return [t for t in out if t.rows]


# ---------------------------------------------------------------------------------------------
# Units in cells.


def _region_like(name: str) -> bool:
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{1,6}(?:省|市|区|县|新区|自治区|自治州|旗)", name))


def _unit_type(name: str) -> str | None:
    typ = classify_org(name)
    if typ is None and _region_like(name):
        return "Region"
    return typ


def _units(cells: list[Cell], first_column: int) -> list[Unit]:
    """The bodies named in ``cells``: split on spaces (two units in a cell) and on 、，; pieces
    that only make a name together (学 校, 学院 (化工方向), 德国 EBG 集团) are merged back."""
    out: list[Unit] = []
    for col, cell in enumerate(cells, start=first_column):
        text = re.sub(r"^\d{1,3}[.、．]?\s+", "", cell.text)
        offset = cell.start + (len(cell.text) - len(text))
        seps = r"[ \u3000]+|[、，,;；]"  # names never hold a list separator
        pieces: list[tuple[str, int, int]] = []
        pos = 0
        for m in re.finditer(seps, text):
            if m.start() > pos:
                pieces.append((text[pos:m.start()], offset + pos, offset + m.start()))
            if m.group(0).strip():
                pieces.append(("\x00", 0, 0))  # a list separator: never merge across it
            pos = m.end()
        if pos < len(text):
            pieces.append((text[pos:], offset + pos, offset + len(text)))
        acc: tuple[str, int, int] | None = None
        for piece in pieces + [("\x00", 0, 0)]:
            if piece[0] == "\x00":
                if acc is not None:
                    _add_unit(out, acc, col)
                acc = None
                continue
            if acc is None:
                acc = piece
                continue
            name_acc = clean_name(_strip_etc(acc[0]))
            # "学院 (化工方向)" and "德国 EBG 集团": a bracket note or a Latin word continues a name.
            starts_note = bool(re.match(r"\s*[（(A-Za-z]", piece[0]))
            if _unit_type(name_acc) and not starts_note and _unit_type(clean_name(_strip_etc(piece[0]))):
                _add_unit(out, acc, col)
                acc = piece
            elif _unit_type(name_acc) and not starts_note and not _unit_type(
                    clean_name(_strip_etc(acc[0] + piece[0]))):
                _add_unit(out, acc, col)
                acc = piece
            else:
                acc = (acc[0] + " " + piece[0], acc[1], piece[2])
    return out


def _strip_etc(s: str) -> str:
    """Drop list tails (等企业和机构, 等) and trailing notes such as (德企)."""
    s = re.sub(r"等(?:\d*[家所个])?(?:[企事]业|单位|机构|院校|高校|和|及)*$", "", s.strip())
    s = re.sub(r"[（(][\u4e00-\u9fff]{1,4}[)）]$", "", s) if re.search(r"[（(]德企|外企|国企[)）]$", s) else s
    return s


def _add_unit(out: list[Unit], piece: tuple[str, int, int], col: int) -> None:
    name = clean_name(_strip_etc(piece[0]))
    typ = _unit_type(name)
    if typ and not _TASK_TEXT_RE.search(name) and not starts_with_stop_word(name):
        out.append(Unit(name, typ, piece[1], piece[2], col))


# A cell that states a task (建设50所左右省级优质中职学校, …院校或二级学院) names no body.
_TASK_TEXT_RE = re.compile(r"\d+\s*[个所家项门批]|左右|或|[，。；]")


# ---------------------------------------------------------------------------------------------
# Facts.


def _context_role(context: str) -> str | None:
    if re.search(r"牵头|主体单位|理事长", context):
        return "lead"
    if re.search(r"成员", context):
        return "member"
    return None


_RELATION = {"lead": "LEADS", "school": "LEADS", "member": "MEMBER_OF"}


def _row_facts(doc: Document, table: Table, row: Row, ex: Extraction) -> None:
    roles = table.roles or []
    role_of = lambda col: roles[col] if col < len(roles) else None  # noqa: E731
    units: list[Unit] = []
    for col, cell in enumerate(row.cells):
        if role_of(col) == "index" or not cell.text:
            continue
        units.extend(_units([cell], col))
    if not units:
        return
    evidence = doc.evidence(row.start, row.end)
    group_cols = [i for i, r in enumerate(roles) if r == "group"]
    groups = [u for u in units if u.type == "Group" and (not group_cols or u.column in group_cols)]
    if not groups:
        groups = [u for u in units if u.type == "Group"]
    others = [u for u in units if u.type != "Group"]
    mentions = {id(u): Mention(u.type, u.name, doc.id, u.start, u.end) for u in units}
    named_cols = {i for i, r in enumerate(roles) if r in ("group", "lead", "school", "partner", "member")}
    ex.mentions.extend(m for u in units if u.column in named_cols and not u.name[0].isdigit()
                       for m in [mentions[id(u)]])
    first_fact = len(ex.facts)
    header_text = lambda col: (table.header.cells[col].text  # noqa: E731
                               if table.header and col < len(table.header.cells) else "")
    if groups:
        group = groups[0]
        if roles:
            rel_cols = {i: r for i, r in enumerate(roles) if r in _RELATION}
            related = [u for u in others if u.column in rel_cols]
            if not related and not any(row.cells[i].text for i in rel_cols if i < len(row.cells)):
                # A row whose cells slid left or right (8 沈阳市...学校 智能建造...共同体 in one cell).
                lead_role = next(iter(rel_cols.values()), None)
                related = [u for u in others if u.type != "Region" or lead_role == "lead"]
                rel_cols = {u.column: lead_role for u in related} if lead_role else {}
        else:
            role = _context_role(table.context)
            related = others if role else []
            rel_cols = {u.column: role for u in related}
        for u in related:
            role = rel_cols.get(u.column)
            if role not in _RELATION:
                continue
            props = {"pattern": f"table:{role}"}
            role_col = u.column if roles and u.column < len(roles) and roles[u.column] == role else \
                next((i for i, r in enumerate(roles) if r == role), None)
            word = None
            if role_col is not None and header_text(role_col):
                word = header_text(role_col)
            elif m := re.search(r"牵头[\u4e00-\u9fff]{0,2}|主体单位|理事长单位|成员单位", table.context):
                word = m.group(0)
            rel = _RELATION[role]
            if role == "school" and not re.sub(r"[（(][^（()）]*[)）]$", "", group.name).endswith("产业学院") and \
                    not _context_role(table.context) == "lead":
                rel = "MEMBER_OF"  # a school listed next to a group it does not run (成员学校)
            # The role is the graph's small vocabulary (cues.group_role): 牵头单位 → 牵头.
            said = group_role(word) if word else None
            if said is not None and (said[0] == rel or role == "lead"):
                rel, props["role"] = said
            else:
                props["role"] = "牵头" if rel == "LEADS" else "成员"
            ex.facts.append(Fact(rel, mentions[id(u)], mentions[id(group)], evidence, props))
        if not named_cols:
            # A table without a header: its names count as mentions when they gave a fact.
            used = {id(m) for f in ex.facts[first_fact:] for m in (f.source, f.target)}
            ex.mentions.extend(m for m in mentions.values() if id(m) in used)
        return
    # No group in the row, a post column (单位名称 | 职务: 理事长单位…) and the group in the title line.
    post_cols = [i for i, r in enumerate(roles) if r == "post"]
    if post_cols and post_cols[0] < len(row.cells) and (said := group_role(row.cells[post_cols[0]].text)) and \
            (group := _context_group(doc, table)) is not None:
        for u in others:
            if u.column not in post_cols and u.type != "Region":
                ex.facts.append(Fact(said[0], mentions[id(u)], group, evidence, {"pattern": "table:post", "role": said[1]}))
        return
    # No group in the row: a school/partner table (学校 | 合作方 | 合作项目).
    school_cols = [i for i, r in enumerate(roles) if r == "school"]
    partner_cols = [i for i, r in enumerate(roles) if r == "partner"]
    anchors = [u for u in others if u.column in school_cols]
    for a in anchors[:1]:
        for p in (u for u in others if u.column in partner_cols):
            props = {"pattern": "table:partner", "kind": partner_kind(header_text(p.column) or "") or "合作"}
            ex.facts.append(Fact("PARTNERS_WITH", mentions[id(a)], mentions[id(p)], evidence, props))


def _context_group(doc: Document, table: Table) -> Mention | None:
    """The one group the line above a table names (某某职业教育集团理事会成员名单)."""
    first = table.header or (table.rows[0] if table.rows else None)
    at = doc.text.rfind(table.context, 0, first.start) if table.context and first else -1
    if at < 0:
        return None
    groups = [m for m in find_orgs(doc.text, at, at + len(table.context), doc.id) if m.type == "Group"]
    return groups[0] if len({m.name for m in groups}) == 1 else None


@lru_cache(maxsize=16)
def _tables_cached(text: str) -> tuple[Table, ...]:
    return tuple(read_tables(text))


def table_names(doc: Document) -> frozenset[str]:
    """The organisation names in a document's tables (the jieba user dictionary for its text)."""
    return _table_names(doc.text)


@lru_cache(maxsize=16)
def _table_names(text: str) -> frozenset[str]:
    names = set()
    for table in _tables_cached(text):
        for row in table.rows:
            for u in _units(row.cells, 0):
                if u.type != "Region":
                    names.add(u.name)
    return frozenset(names)


def table_spans(doc: Document) -> list[tuple[int, int]]:
    """Character spans of table rows (sentence patterns skip them)."""
    return [(r.start, r.end) for t in _tables_cached(doc.text) for r in t.rows]


def extract(doc: Document) -> Extraction:
    ex = Extraction()
    for table in _tables_cached(doc.text):
        for row in table.rows:
            _row_facts(doc, table, row, ex)
    names = table_names(doc)
    for m in {id(m): m for m in ex.mentions + [x for f in ex.facts for x in (f.source, f.target)]}.values():
        m.name = place_typo(m.name, names) or m.name  # 法阳… next to 沈阳… in the same document
    return ex
