"""Reading the shape of policy documents: document numbers, titles in 《》, the header block
that starts each policy (letterhead, number, title), issuers, dates, and cited policies.

Shared by ``ingest.policy`` (policies, lineage, targets) and ``ingest.tasks`` (measures).
Every rule comes from the conventions of Chinese official documents (公文): a number such as
东教发〔2023〕12号 alone on its line heads a policy; 《…》 quotes a title; ``X关于…的通知``
names its issuer X; a date line or ``…印发`` line closes it.

>>> normalize_number("东教发﹝2023﹞12号")
'东教发(2023)12号'
>>> [s.number for s in segment_policies("东川省教育厅文件\\n\\n东教发〔2023〕12号\\n\\n东川省教育厅关于推进合作的实施意见\\n")]
['东教发〔2023〕12号']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from graph.normalize import clean_text, name_key
from ingest.agencies import is_agency, split_agencies
from ingest.textforms import to_simplified

# ---- document numbers ---------------------------------------------------------------------
_OPEN, _CLOSE = r"[〔\[（(﹝【［]", r"[〕\]）)﹞】］]"
# The closing bracket may be lost in print (〔201419号 is 〔2014〕19号); 號 is the Traditional 号.
NUMBER_RE = re.compile(
    rf"([\u4e00-\u9fff]{{1,10}})\s*{_OPEN}\s*((?:19|20)\d{{2}})\s*(?:{_CLOSE}\s*)?(\d{{1,4}})\s*[号號]"
)
# Words that precede a number in running text but are not part of its issuer prefix
# (根据东政发〔2023〕3号 → 东政发).
_PREFIX_CUT = re.compile(r".*(?:根据|按照|依据|依照|印发|转发|落实|贯彻|关于|执行|参照|见|的|了|和|及|与|将|在|等|是|以|即)")


def number_prefix(raw: str) -> str:
    """The issuer-code part of a number's prefix, cut after any leading running-text words."""
    cut = _PREFIX_CUT.match(raw)
    return raw[cut.end():] if cut else raw


def normalize_number(number: str) -> str:
    """One form for every bracket variant: 东教发〔2023〕12号 = 东教发[2023]12号 = 东教发(2023)12号."""
    m = NUMBER_RE.search(number)
    if not m:
        return name_key(number)
    return f"{number_prefix(m.group(1))}({m.group(2)}){int(m.group(3))}号"


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """(surface number, start, end) of every document number in text[start:end]."""
    end = len(text) if end is None else end
    found = []
    for m in NUMBER_RE.finditer(text, start, end):
        prefix = number_prefix(m.group(1))
        if len(prefix) < 2:
            continue
        s = m.start(1) + (len(m.group(1)) - len(prefix))
        found.append((text[s:m.end()], s, m.end()))
    return found


# ---- titles, kinds, agencies --------------------------------------------------------------
# Kinds of normative documents, longest first (实施意见 before 意见).
POLICY_KINDS = (
    "实施意见", "指导意见", "实施方案", "工作方案", "行动方案", "行动计划", "实施细则", "管理办法",
    "意见", "通知", "方案", "计划", "办法", "章程", "规划", "纲要", "大纲", "决定", "条例", "细则",
    "规定", "规则", "标准", "清单", "指南", "批复", "函", "法", "政策", "措施", "名单",
)
# Quoted titles that end like a policy but are curricula, research or teaching material.
# (A title built as …关于…的通知/意见 is a policy whatever its subject.)
_NOT_POLICY = re.compile(r"研究|实践|获奖|教案|(?:人才培养方案|教学设计|考核纲要|考试纲要|课程标准|方法|做法|说法)$")
_TRAILING_PAREN = re.compile(r"\s*[（(][^（()）]{1,20}[）)]\s*$")
AGENCY_SUFFIX = re.compile(
    r"(?:人民政府|政府|委员会|办公厅|办公室|教育厅|教育局|工委|总工会|管委会|中央|国务院|厅|局|部|委|司|处|署|办)$"
)
# Dates in Arabic or Chinese numerals (2021年1月7日, 二〇二一年一月七日).
_CN_DIGIT = "〇○零一二三四五六七八九十"
_DATE = (rf"((?:19|20)\d{{2}}|[一二][〇○零一二三四五六七八九]{{3}})\s*年\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*月"
         rf"\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*日")
# A date alone on its line, or after the signing body (东川省教育厅 2021年9月1日), or 印发.
DATE_LINE_RE = re.compile(rf"^\s*(?P<who>[^\s\d]{{2,30}}\s+)?{_DATE}\s*(?:印发|发布|签发)?\s*$")
PRINTED_RE = re.compile(rf"{_DATE}\s*印发")
NOISE_LINE_RE = re.compile(r"^\s*(?:-\s*\d{1,4}\s*-|\d{1,8}|第\s*\d+\s*页.*)\s*$")
_SIGNER = re.compile(r"\s*签发人\s*[:：]?\s*\S{0,6}$")  # 东教发〔2023〕12号   签发人：张三
# Where a policy reproduced inside a report ends: the report's figure captions and case boxes.
REPORT_BREAK_RE = re.compile(r"^\s*(?:[图冬]\s*\d+\s*[-—.．]\s*\d+|【)")
PUBLIC_RE = re.compile(r"^\s*[（(]此件.{0,6}公开.{0,4}[）)]\s*$")


def policy_kind(title: str) -> str | None:
    """The kind of a normative document from its title (通知, 意见, 方案 ...), or None if not a policy."""
    t = clean_text(title).strip()
    while True:
        stripped = _TRAILING_PAREN.sub("", t)
        if stripped == t:
            break
        t = stripped
    t = re.sub(r"\s+", "", t)
    if len(t) < 5 or ("关于" not in t and _NOT_POLICY.search(t)):
        return None
    for kind in POLICY_KINDS:
        if t.endswith(kind):
            return kind
    return None


def is_agency_name(name: str) -> bool:
    """A government body by the vocabulary of kinds (ingest.agencies) or the suffix of its name
    (教育厅, 人民政府, 司, 办公室 ...)."""
    if not 2 <= len(name) <= 30 or re.search(r"[，。；：《》]", name):
        return False
    return bool(AGENCY_SUFFIX.search(name)) or is_agency(name)


def squeeze(text: str) -> str:
    """Text as one line: line breaks and the spaces PDF extraction puts around CJK and digits removed."""
    text = re.sub(r"\s*\n\s*", "", text)
    text = re.sub(r"(?<=[^\x00-\x7f])[ \t\u3000]+|[ \t\u3000]+(?=[^\x00-\x7f])", "", text)
    text = re.sub(r"(?<=\d)[ \t]+(?=\d)", "", text)
    return text.strip()


# What an issuer list before 关于/印发/转发 may end with: 等8部门, 等四部门.
_JOINT_TAIL = re.compile(r"等\s*(?:[\d一二三四五六七八九十]{1,3}\s*个?)?(?:部门|单位|部委)$")


def issuer_list(head: str) -> list[str]:
    """The bodies of an issuer list (教育部 青岚省人民政府, X、Y, X Y 等8部门, two names run
    together), or [] when the words are not all bodies."""
    head = _JOINT_TAIL.sub("", clean_text(head).strip()).strip()
    names = [n for part in re.split(r"[\s、，,]+|(?<=[厅局委会部办府])(?:和|及|与)", head) if part
             for n in split_agencies(part)]
    if not names or not all(is_agency_name(n) for n in names):
        return []
    return names


def title_issuers(title: str) -> list[str]:
    """Issuers named before 关于 (or 印发/转发) in a title: 教育部 东川省人民政府关于… →
    [教育部, 东川省人民政府]; 临江市人民政府印发…的通知 → [临江市人民政府]."""
    t = clean_text(title)
    m = re.search(r"关于|印发|转发", t)
    if m is None or not t[:m.start()].strip():
        return []
    return issuer_list(t[:m.start()])


# Quantities of targets and tasks: 30 个左右, 50万人左右, 200万人次左右, 1000 门, 90%.
QUANTITY_RE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(万|亿|千)?\s*(人次|个|所|门|项|家|名|人|本|套|条|支|座|批|种|类|部|期|场|次|间|亩|%)"
    r"\s*(左右|以上|以内|余)?"
)


@lru_cache(maxsize=65536)
def _bigrams(s: str) -> frozenset[str]:
    return frozenset(s[i:i + 2] for i in range(len(s) - 1))


def bigram_dice(a: str, b: str) -> float:
    """Dice overlap of the character bigrams of two strings (0..1): how much two wordings share."""
    ga, gb = _bigrams(a), _bigrams(b)
    return 2 * len(ga & gb) / (len(ga) + len(gb)) if ga and gb else 0.0


def _cn_number(text: str) -> int:
    """二〇二一 → 2021 (digit by digit); 十二 → 12, 二十七 → 27 (with 十)."""
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return int("".join(str(digits[c]) for c in text))


def iso_date(m: re.Match[str]) -> str:
    year, month, day = (m.group(i) for i in range(m.lastindex - 2, m.lastindex + 1))
    return f"{_cn_number(year)}-{_cn_number(month):02d}-{_cn_number(day):02d}"


# ---- the text as it is read ---------------------------------------------------------------
# Pages come in Traditional characters, with pinyin after characters (城(chéng)市), with a spam
# word put before numbered lines, and with task tables whose cells stand one per line. The
# rules read a view of the text: Simplified, pinyin and spam removed, such tables as tab rows;
# every offset of the view maps back to the original text, so evidence quotes the page.
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[（(](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[）)]")
_CN_NUMBERING = r"(?:[一二三四五六七八九十]{1,3}\s*、|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])"


def simplified(text: str) -> str:
    """Text in Simplified characters, character for character (offsets unchanged); a page that
    is Simplified already is left alone (ingest.textforms.to_simplified)."""
    return to_simplified(text)


def _spam_prefixes(text: str) -> list[tuple[int, int]]:
    """Spans of a word put before numbered lines: 2-5 characters starting at least three lines,
    twice before a Chinese list number (X一、… X（二）…)."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    counts: dict[str, list[int]] = {}
    for n in range(2, 6):
        for st in starts:
            w = text[st:st + n]
            if len(w) == n and re.fullmatch(r"[\u4e00-\u9fff]+", w):
                counts.setdefault(w, []).append(st)
    spans = []
    for w, at in counts.items():
        if len(at) < 3 or w.endswith(("是", "关于", "附件")):
            continue
        numbered = sum(bool(re.match(_CN_NUMBERING, text[a + len(w):a + len(w) + 6])) for a in at)
        if numbered >= 2 and not re.match(_CN_NUMBERING, w):
            spans.extend((a, a + len(w)) for a in at)
    return sorted(set(spans))


_TABLE_HEAD = re.compile(r"^(?:序号|[\u4e00-\u9fff]{0,6}(?:任务|内容|措施|举措|单位|部门|时限|时间|进度|备注|责任|目标|项目|要求|分工))$")


def _cells_as_rows(text: str) -> list[int]:
    """Offsets of the line breaks inside rows of a table written one cell per line
    (序号 / 工作任务 / 牵头单位 / 1 / … / …), to be read as tabs."""
    lines = text.split("\n")
    offs, pos = [], 0
    for ln in lines:
        offs.append(pos)
        pos += len(ln) + 1
    tabs: list[int] = []
    i = 0
    while i < len(lines):
        if re.sub(r"\s+", "", lines[i]) != "序号":
            i += 1
            continue
        k, j = 1, i + 1
        while j < len(lines) and _TABLE_HEAD.match(re.sub(r"\s+", "", lines[j])) and k < 9:
            k, j = k + 1, j + 1
        if k < 3 or j >= len(lines):
            i = j
            continue
        rows = [(i, k)]
        n = 1
        while j + k <= len(lines) and lines[j].strip() == str(n):
            cells = lines[j + 1:j + k]
            nxt = lines[j + k].strip() if j + k < len(lines) else ""
            if any(not c.strip() or re.fullmatch(r"\d{1,3}", c.strip()) for c in cells):
                break
            if nxt and nxt != str(n + 1) and j + k < len(lines) and re.fullmatch(r"\d{1,3}", nxt) is None:
                rows.append((j, k))
                j += k
                break  # the last row: the text after the table follows
            rows.append((j, k))
            j, n = j + k, n + 1
        if len(rows) > 1:
            for start, width in rows:
                tabs.extend(offs[start + c] - 1 for c in range(1, width))
        i = j
    return tabs


@dataclass(frozen=True)
class ReadingView:
    """The text the rules read, and for each of its offsets the offset in the original."""

    text: str
    origin: tuple[int, ...] | None = None  # None: offsets are the original's

    def at(self, i: int) -> int:
        if self.origin is None or i < 0:
            return i
        return self.origin[min(i, len(self.origin) - 1)]

    def at_end(self, i: int) -> int:
        if self.origin is None or i <= 0:
            return i
        return self.origin[min(i, len(self.origin) - 1) - 1] + 1 if i < len(self.origin) else self.origin[-1]


def _blanked(text: str, original: str) -> list[tuple[int, int]]:
    """Runs the analysis text blanked inside a line (inline pinyin, spam words: ingest.textforms):
    spaces where the original has other characters."""
    out, i = [], 0
    while i < len(text):
        if text[i] == " " and not original[i].isspace():
            j = i
            while j < len(text) and text[j] == " ":
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


@lru_cache(maxsize=16)
def reading_view(text: str, original: str | None = None) -> ReadingView:
    simp = list(simplified(text))
    for t in _cells_as_rows("".join(simp)):
        simp[t] = "\t"
    simp_text = "".join(simp)
    drops = [(m.start(), m.end()) for m in _PINYIN.finditer(simp_text)] + _spam_prefixes(simp_text)
    if original is not None and len(original) == len(text):
        drops += _blanked(text, original)
    drops = sorted(drops)
    if not drops:
        return ReadingView(simp_text)
    out, origin, pos = [], [], 0
    for a, b in drops:
        if a < pos:
            continue
        out.append(simp_text[pos:a])
        origin.extend(range(pos, a))
        pos = b
    out.append(simp_text[pos:])
    origin.extend(range(pos, len(simp_text)))
    origin.append(len(simp_text))
    return ReadingView("".join(out), tuple(origin))


def on_reading_view(extract):
    """Run an extractor on the reading view of a document; offsets and evidence are mapped
    back to the document's own text."""
    from functools import wraps

    from ingest.model import Document

    @wraps(extract)
    def run(doc):
        view = reading_view(doc.text, getattr(doc, "original", None))
        if view.text == doc.text:
            return extract(doc)
        out = extract(Document(doc.id, doc.path, view.text, doc.meta))
        seen: set[int] = set()
        for m in [*out.mentions, *(x for f in out.facts for x in (f.source, f.target))]:
            if id(m) in seen:
                continue
            seen.add(id(m))
            if m.start >= 0 and m.end >= 0:
                m.start, m.end = view.at(m.start), view.at_end(m.end)
        for f in out.facts:
            f.evidence = doc.evidence(view.at(f.evidence.start), view.at_end(f.evidence.end))
        return out

    return run


# ---- lines --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def is_table_row(self) -> bool:
        return "\t" in self.text or self.text.lstrip().startswith("|")


def lines_of(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of text[start:end] with their offsets into text."""
    end = len(text) if end is None else end
    out, pos = [], 0
    for raw in text.split("\n"):
        if pos + len(raw) >= start and pos < end:
            out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
        if pos > end:
            break
    return out


# ---- policy segments ----------------------------------------------------------------------
@dataclass
class PolicySegment:
    """One policy held in a document: its header, issuers, date and the span of its text."""

    start: int
    end: int
    key: str
    number: str | None = None
    number_span: tuple[int, int] | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    kind: str | None = None
    issuers: list[tuple[str, int, int]] = field(default_factory=list)  # name, evidence span
    date: str | None = None
    date_span: tuple[int, int] | None = None
    body_start: int = 0
    fields: dict = field(default_factory=dict)  # the page's metadata fields (read_fields)

    @property
    def name(self) -> str:
        return self.number or self.title or self.key

    @property
    def province(self) -> str | None:
        """The province of the issuer (东川省教育厅 → 东川省), used to expand 省教育厅."""
        return self.places.get("省")

    @property
    def places(self) -> dict[str, str]:
        """The issuer's places by level, used to expand 省教育厅, 市教育局, 县财政局:
        东川省教育厅 → {省: 东川省}; 临江市教育局 → {市: 临江市}; 松阳县教育局办公室 → {县: 松阳县}."""
        out: dict[str, str] = {}
        for name, _, _ in self.issuers:
            for m in _ISSUER_PLACE.finditer(name):
                level = "省" if m.group(2) == "自治区" else m.group(2)
                out.setdefault(level, name[:m.end()])
        return out


# The place levels in an issuer's name, each ending a 2-4 character place name after the
# level above it: 东川省临江市教育局 → 省 at 东川省, 市 at 临江市.
_ISSUER_PLACE = re.compile(r"(?:^|(?<=[省市州盟]))([\u4e00-\u9fff]{2,4}?)(省|自治区|市|县|区|旗)(?=[\u4e00-\u9fff])")


def _is_header_line(line: Line) -> bool:
    s = line.stripped
    return (0 < len(s) <= 30 and not line.is_table_row and not re.search(r"[。；：:，,]$", s)
            and not re.match(r"^[\d一二三四五六七八九十]+\s*[.．、]", s) and not NOISE_LINE_RE.match(s))


def _header_issuers(line: Line) -> list[tuple[str, int, int]]:
    found = []
    for m in re.finditer(r"\S+", line.text):
        word = m.group()
        if word.endswith("函件"):
            continue  # a letterhead class (教育部司局函件), not a body's name
        word = re.sub(r"(?:文件|公文)$", "", word)
        pos = line.start + m.start()
        for name in split_agencies(word):
            k = line.text.find(name, pos - line.start)
            if is_agency_name(name) and k >= 0:
                found.append((name, line.start + k, line.start + k + len(name)))
                pos = line.start + k + len(name)
    return found


def _title_after(lines: list[Line], i: int) -> tuple[str, int, int] | None:
    """The title on the first non-empty line(s) after lines[i] (joined when it wraps)."""
    parts: list[Line] = []
    for ln in lines[i + 1:i + 8]:
        if not ln.stripped:
            if parts and policy_kind(" ".join(p.stripped for p in parts)):
                break
            continue
        if ln.stripped.endswith(("：", ":", "。", "；")) or ln.is_table_row or re.search(r"[：:]\s*\S", ln.stripped):
            break  # an addressee line, or body text: no title
        if parts and (len(ln.stripped) > 40 or ln.stripped.endswith(("。", "；"))):
            break  # body text, not the title wrapping on
        parts.append(ln)
        joined = " ".join(p.stripped for p in parts)
        # A long title wraps over up to four lines; a 《 still open means it goes on.
        if (policy_kind(joined) and joined.count("《") <= joined.count("》")) or len(parts) == 4:
            break
    if not parts:
        return None
    # Lines wrapped after 关于 join without a space (河源市推进\n现代职业教育…); before it a
    # line break may separate two issuers (教育部\n东川省人民政府关于…) and stays a space.
    title = parts[0].stripped
    for p in parts[1:]:
        title += ("" if "关于" in title else " ") + p.stripped
    title = re.sub(r"\s+", " ", title).strip()
    return title, parts[0].start + (len(parts[0].text) - len(parts[0].text.lstrip())), parts[-1].end


@lru_cache(maxsize=16)
def segment_policies(text: str) -> tuple[PolicySegment, ...]:
    """The policies a document holds, each from its header block to the next header.

    A header is a document number alone on its line, with letterhead lines above it
    (东川省教育厅文件) and the title below. A document without a numbered header but opening
    with a policy title followed by an addressee line (…：) is one un-numbered policy.
    """
    lines = lines_of(text)
    meta = read_fields(text, lines)
    heads: list[tuple[int, int]] = []  # (line index of number, block start offset)
    same_line: dict[int, tuple[str, int, int]] = {}  # number and title on one line
    for i, ln in enumerate(lines):
        nums = find_numbers(text, ln.start, ln.end)
        if len(nums) == 1 and not is_furniture(ln.text) and not _is_number_line(ln, nums[0][0]):
            found = _title_on_number_line(text, ln, nums[0])
            if found:
                same_line[i] = found
        if len(nums) == 1 and (i in same_line or _is_number_line(ln, nums[0][0])):
            block = ln.start
            j, seen = i - 1, 0
            while j >= 0 and seen < 3:
                if lines[j].stripped:
                    if not _is_header_line(lines[j]) or is_furniture(lines[j].text):
                        break
                    block, seen = lines[j].start, seen + 1
                j -= 1
            heads.append((i, block))
    segments: list[PolicySegment] = []
    for n, (i, block) in enumerate(heads):
        end = heads[n + 1][1] if n + 1 < len(heads) else len(text)
        for ln in lines[i + 1:]:
            if ln.start >= end:
                break
            if REPORT_BREAK_RE.match(ln.text):
                end = ln.start
                break
        number, ns, ne = find_numbers(text, lines[i].start, lines[i].end)[0]
        seg = PolicySegment(start=block, end=end, key=normalize_number(number), number=number,
                            number_span=(ns, ne), body_start=lines[i].end)
        found = same_line.get(i) or _title_after(lines, i)
        before = _title_before(lines, i, segments[-1].end if segments else 0)
        if found is None and before is not None:  # the title above the number (…的通知 / 号)
            found = before
            seg.start = min(seg.start, before[1])
        issued = _issued_title(text, lines[i].end, end) if found is None else None
        if found or issued:
            seg.title, ts, te = found or issued
            seg.title_span, seg.kind = (ts, te), policy_kind(seg.title)
            seg.body_start = lines[i].end if issued else max(te, lines[i].end)
        header_lines = [ln for ln in lines if seg.start <= ln.start < lines[i].start]
        if n == 0:
            _apply_fields(seg, meta)
        _fill_issuers_and_date(seg, text, lines, header_lines)
        segments.append(seg)
    if not segments:
        seg = _unnumbered_policy(text, lines, meta) or _field_policy(text, lines, meta)
        if seg:
            segments.append(seg)
    return tuple(segments)


def _field_policy(text: str, lines: list[Line], meta: dict[str, tuple[str, int, int]]) -> PolicySegment | None:
    """A page whose metadata fields give the document number (文号 | 岚政发〔2031〕3号) and its issuer
    (发布机构 | …) is that document, even where its text shows no header: the fields are its header."""
    if "number" not in meta or "issuer" not in meta:
        return None
    body = next((ln.start for ln in lines if ln.stripped and not is_furniture(ln.text)), len(text))
    seg = PolicySegment(start=0, end=len(text), key="", body_start=body)
    _apply_fields(seg, meta)
    if seg.number is None:
        return None
    _fill_issuers_and_date(seg, text, lines, [])
    return seg


_ISSUED_HERE = re.compile(r"《(?P<t>[^《》]{4,80})》[^。《》]{0,30}?(?:现|特)?(?:印发|下发|转发)给你们")


def _issued_title(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """A numbered notice with no title line whose first sentence issues a document (…：《X》已经
    同意，现印发给你们): the number is that document's, so X is its title."""
    first = re.search(r"[^。]*。", text[start:min(end, start + 300)])
    m = _ISSUED_HERE.search(first.group()) if first else None
    if m is None or not policy_kind(m.group("t")):
        return None
    k = start + first.start() + m.start("t")
    return re.sub(r"\s+", " ", m.group("t")), k, k + len(m.group("t"))


def _title_on_number_line(text: str, ln: Line, num: tuple[str, int, int]) -> tuple[str, int, int] | None:
    """The title after a number that opens its line (岚政办发〔2031〕9号 岚州市人民政府办公室关于…的意见)."""
    number, ns, ne = num
    if text[ln.start:ns].strip():
        return None
    rest = text[ne:ln.end]
    title = rest.strip()
    if not title or rest[:1] not in " \t\u3000" or "《" in title[:1] or len(title) > 80 or not policy_kind(title):
        return None
    if re.search(r"[。；;，,：:]", title):
        return None
    k = ne + (len(rest) - len(rest.lstrip()))
    return re.sub(r"\s+", " ", title), k, k + len(title)


def _is_number_line(ln: Line, number: str) -> bool:
    """A document number alone on its line (签发人 after it, a doubled 号 or a spam word before
    it do not count)."""
    rest = _SIGNER.sub("", ln.stripped).strip()
    rest = re.sub(r"[号號]\s*$", "", rest) if rest.endswith(("号号", "號號", "号號")) else rest
    return rest == number.strip() or rest.replace(" ", "") == number.replace(" ", "")


def _title_before(lines: list[Line], i: int, floor: int) -> tuple[str, int, int] | None:
    """A title on the line(s) just above a number line (the title-first layout of web pages)."""
    parts: list[Line] = []
    for ln in reversed(lines[max(0, i - 4):i]):
        if ln.start < floor:
            break
        if not ln.stripped:
            if parts:
                break
            continue
        if ln.is_table_row or is_furniture(ln.text) or ln.stripped.endswith(("。", "：", ":", "；")):
            break
        parts.insert(0, ln)
        joined = "".join(p.stripped for p in parts)
        if policy_kind(joined) and "《" not in joined[:1]:
            title = re.sub(r"\s+", " ", " ".join(p.stripped for p in parts) if "关于" not in joined else joined)
            return title, parts[0].start + (len(parts[0].text) - len(parts[0].text.lstrip())), parts[-1].end
        if len(parts) == 2:
            break
    return None


# ---- web page furniture and metadata fields -----------------------------------------------
# Lines of the page around the document (来源, 发布日期, 浏览次数 …) and the metadata block of
# government sites (索引号 | … | 发文机关 | … | 文号 | …); 发文机关, 文号, 标题 and 成文日期 are read.
_FIELD_KEYS = ("索引号", "主题分类", "主题词", "体裁分类", "组配分类", "服务对象", "发文机关", "发布机构", "发文单位",
               "成文日期", "发文日期", "发布日期", "发布时间", "印发日期", "生效日期", "废止日期", "有效性", "时效",
               "文号", "发文字号", "文件编号", "标题", "名称", "来源", "信息来源", "文章来源", "浏览次数", "访问量",
               "阅读量", "点击数", "点击量", "作者", "编辑", "责任编辑", "分享", "字号", "字体", "打印", "关闭")
# Sites space a short key out (索 引 号, 文 号, 标 题) and put its colon in the key's cell (发文机关: | …).
_KEYS_RE = "|".join(r"\s?".join(map(re.escape, k)) for k in sorted(_FIELD_KEYS, key=len, reverse=True))
FURNITURE_RE = re.compile(rf"^\s*[【\[]?\s*(?:{_KEYS_RE})\s*(?:[:：|｜\]】]|\s|$)")
_FIELD_RE = re.compile(rf"(?P<k>{_KEYS_RE})\s*[:：]\s*(?P<v>.*?)\s*(?=(?:\s(?:{_KEYS_RE})\s*[:：])|$)")
_FIELD_NAMES = {"发文机关": "issuer", "发布机构": "issuer", "发文单位": "issuer", "文号": "number", "发文字号": "number",
                "文件编号": "number", "标题": "title", "名称": "title", "成文日期": "date", "发文日期": "date",
                "印发日期": "date"}


def _field_key(cell: str) -> str:
    return re.sub(r"\s+", "", cell).rstrip(":：")


def is_furniture(line: str) -> bool:
    """A line of the web page around a document (来源：…, 发布日期：…, 浏览次数：…, a metadata row)."""
    return bool(FURNITURE_RE.match(line))


def read_fields(text: str, lines: list[Line] | None = None) -> dict[str, tuple[str, int, int]]:
    """Metadata fields of the page head (first 40 lines): issuer, number, title, date, each
    with its span; the first value of each wins."""
    out: dict[str, tuple[str, int, int]] = {}
    for ln in (lines or lines_of(text))[:40]:
        if not is_furniture(ln.text):
            continue
        pairs: list[tuple[str, str, int]] = []
        if re.search(r"[|｜\t]", ln.text):
            cells = [(m.group().strip(), m.start() + (len(m.group()) - len(m.group().lstrip())))
                     for m in re.finditer(r"[^|｜\t]+", ln.text)]
            cells = [c for c in cells if c[0]]
            for (k, _), (v, vs) in zip(cells, cells[1:]):
                if _field_key(k) in _FIELD_KEYS and _field_key(v) not in _FIELD_KEYS:
                    pairs.append((_field_key(k), v, vs))
        else:
            pairs = [(_field_key(m.group("k")), m.group("v"), m.start("v")) for m in _FIELD_RE.finditer(ln.text)]
        for k, v, vs in pairs:
            if _FIELD_NAMES.get(k) == "title":  # 标题: 岚政办发〔2031〕9号 岚州市人民政府办公室关于…
                lead = re.match(r"\s*(?:\S*\d+\s*号[号號]?)\s+(?=\S)", v)
                if lead and find_numbers(lead.group()):
                    v, vs = v[lead.end():], vs + lead.end()
            name = _FIELD_NAMES.get(k)
            if name and v and name not in out:
                out[name] = (v, ln.start + vs, ln.start + vs + len(v))
    return out


def _apply_fields(seg: PolicySegment, meta: dict[str, tuple[str, int, int]]) -> None:
    """Fill what the header lacks from the page's metadata fields."""
    if seg.title is None and "title" in meta:
        title, ts, te = meta["title"]
        if policy_kind(title):
            seg.title, seg.title_span, seg.kind = re.sub(r"\s+", " ", title), (ts, te), policy_kind(title)
    if seg.number is None and "number" in meta:
        nums = find_numbers(meta["number"][0])
        if nums:
            number, a, b = nums[0]
            base = meta["number"][1]
            seg.number, seg.number_span, seg.key = number, (base + a, base + b), normalize_number(number)
    seg.fields = meta


def _unnumbered_policy(text: str, lines: list[Line], meta: dict[str, tuple[str, int, int]]) -> PolicySegment | None:
    """A policy without a number line: a title line followed by its addressee (…：) or a number
    given in the page's metadata, among the first lines after the page furniture."""
    content = [(i, ln) for i, ln in enumerate(lines) if ln.stripped and not is_furniture(ln.text)][:40]
    meta_title = name_key(meta["title"][0]) if "title" in meta else None
    for k, (i, ln) in enumerate(content[:-1]):
        kind = policy_kind(ln.stripped)
        if not kind or "《" in ln.stripped[:1] or len(ln.stripped) > 120:
            continue
        nxt = content[k + 1][1].stripped
        addressed = nxt.endswith(("：", ":")) and len(nxt) <= 120
        if addressed or (meta_title and name_key(ln.stripped) == meta_title):
            title = re.sub(r"\s+", " ", ln.stripped)
            start = ln.start + (len(ln.text) - len(ln.text.lstrip()))
            seg = PolicySegment(start=0, end=len(text), key=name_key(title), title=title,
                                title_span=(start, ln.end), kind=kind, body_start=ln.end)
            _apply_fields(seg, meta)
            _fill_issuers_and_date(seg, text, lines, [x for x in lines[:i] if not is_furniture(x.text)])
            return seg
    return None


def _fill_issuers_and_date(seg: PolicySegment, text: str, lines: list[Line], header: list[Line]) -> None:
    """Issuers by priority: the title's X关于, the page's 发文机关 field, the letterhead, the
    signature above the date line (or on it), the 印发 line."""
    if seg.title and seg.title_span:
        ts = seg.title_span[0]
        names = title_issuers(seg.title)
        pos = ts
        for name in names:
            k = text.find(name, pos, seg.title_span[1])
            seg.issuers.append((name, k, k + len(name)) if k >= 0 else (name, ts, seg.title_span[1]))
            pos = k + len(name) if k >= 0 else pos
    fields = getattr(seg, "fields", None) or {}
    if "issuer" in fields:  # the site's 发文机关 states the issuer too (岚州市政府 beside 岚州市人民政府办公室)
        value, vs, _ = fields["issuer"]
        have = {name_key(n) for n, _, _ in seg.issuers}
        for name in issuer_list(value):
            k = text.find(name, vs)
            if k >= 0 and name_key(name) not in have:
                seg.issuers.append((name, k, k + len(name)))
    if not seg.issuers:
        for ln in header:
            seg.issuers.extend(_header_issuers(ln))
    seg_lines = [ln for ln in lines if seg.body_start <= ln.start < seg.end]
    prev: Line | None = None
    for ln in seg_lines:
        if not ln.stripped:
            continue
        m = DATE_LINE_RE.match(ln.text) or PRINTED_RE.search(ln.text)
        if m and not ln.is_table_row and not is_furniture(ln.text):
            if seg.date is None:
                seg.date, seg.date_span = iso_date(m), (ln.start, ln.end)
                who = m.groupdict().get("who")
                if not seg.issuers and who and issuer_list(who):
                    base = ln.start + m.start("who")
                    for name in issuer_list(who.strip()):
                        k = text.find(name, base)
                        seg.issuers.append((name, k, k + len(name)))
                elif not seg.issuers and prev is not None and issuer_list(prev.stripped):
                    for name in issuer_list(prev.stripped):
                        k = text.find(name, prev.start)
                        seg.issuers.append((name, k, k + len(name)))
        prev = ln
    if seg.date is None and "date" in fields:
        dm = re.search(_DATE, fields["date"][0])
        if dm:
            seg.date = iso_date(dm)


def segment_at(segments: tuple[PolicySegment, ...], pos: int) -> PolicySegment | None:
    for seg in segments:
        if seg.start <= pos < seg.end:
            return seg
    return None


# ---- cited policies -----------------------------------------------------------------------
@dataclass
class Citation:
    """A policy cited in the text: by 《title》, by number, or 《title》（number） as one policy."""

    key: str
    title: str | None
    number: str | None
    start: int
    end: int
    kind: str | None


TITLE_RE = re.compile(r"《([^《》]{2,100})》")
_ALIAS_RE = re.compile(r"^[^）)]{0,40}?以下简称\s*《([^《》]{1,12})》")
_PAIR_RE = re.compile(rf"^\s*{_OPEN}\s*")


# A title named without 《》 after a lineage verb: 贯彻落实国家职业教育某某实施方案，落实X关于…的意见
# 重要内容. It must read as a document's title: 关于…的, or opening with 国家/全国/a body, and end on
# a kind, then 精神/要求/部署/重要/的 or punctuation.
_BARE_TITLE = re.compile(
    r"(?:贯彻落实|贯彻实施|认真落实|贯彻|落实|根据|按照|依据|依照)"
    r"(?P<t>(?:[\u4e00-\u9fff]{0,20}关于[\u4e00-\u9fff]{2,40}?的|国家|全国)[\u4e00-\u9fff]{0,30}?"
    r"(?:实施意见|指导意见|意见|实施方案|行动计划|方案|决定|纲要|规划|条例))"
    r"(?=精神|要求|部署|重要|的|[，,。；;、]|$)")


# A document a news page names in quotes right after the verb that issued it: 发布了“…名单”.
_QUOTED_ISSUED = re.compile(r"(?:印发|发布|公布|下发|出台|颁布)了?\s*(?P<q>[“\"](?P<t>[^“”\"\n]{4,80})[”\"])")


@lru_cache(maxsize=16)
def find_citations(text: str) -> tuple[Citation, ...]:
    """Every cited policy, keyed by its number when the document pairs the title with one.

    Titles and numbers are tied together by 《title》（number）, by a header (number + title)
    and by 以下简称《意见》 aliases, so a later 《意见》 or a bare title resolves to the same key.
    """
    segments = segment_policies(text)
    title_to_key: dict[str, str] = {}
    for seg in segments:
        if seg.title and seg.number:
            title_to_key[name_key(seg.title)] = seg.key
    raw: list[Citation] = []
    taken: list[tuple[int, int]] = [seg.number_span for seg in segments if seg.number_span]
    for m in TITLE_RE.finditer(text):
        title = re.sub(r"\s+", " ", m.group(1)).strip()
        if m.group(1).count("\n") > 1 or re.search(r"简称\s*$", text[max(0, m.start() - 6):m.start()]):
            continue  # a line-spanning false match, or the definition of an alias (以下简称《意见》)
        number = None
        end = m.end()
        after = text[m.end():m.end() + 40]
        pm = _PAIR_RE.match(after)
        if pm:
            nums = find_numbers(after, pm.end(), len(after))
            if nums and nums[0][1] == pm.end():
                number, end = nums[0][0], m.end() + nums[0][2]
                taken.append((m.end() + nums[0][1], m.end() + nums[0][2]))
        alias = _ALIAS_RE.match(text[end:end + 60])
        kind = policy_kind(title)
        if number:
            key = normalize_number(number)
            title_to_key.setdefault(name_key(title), key)
        else:
            key = title_to_key.get(name_key(title), name_key(title))
        if alias:
            title_to_key[name_key(alias.group(1))] = key
        if kind or number or name_key(title) in title_to_key:
            raw.append(Citation(key=key, title=title, number=number, start=m.start(), end=end, kind=kind))
    quoted = [(m.start(), m.end()) for m in TITLE_RE.finditer(text)]
    for m in _BARE_TITLE.finditer(text):
        s, e = m.start("t"), m.end("t")
        if any(a <= s < b for a, b in quoted) or not policy_kind(m.group("t")):
            continue
        title = m.group("t")
        raw.append(Citation(key=title_to_key.get(name_key(title), name_key(title)), title=title, number=None,
                            start=s, end=e, kind=policy_kind(title)))
    for m in _QUOTED_ISSUED.finditer(text):  # X发布了“…名单”: a document in quotes, issued
        title = m.group("t")
        if policy_kind(title) and not any(a <= m.start("t") < b for a, b in quoted):
            raw.append(Citation(key=title_to_key.get(name_key(title), name_key(title)), title=title, number=None,
                                start=m.start("q"), end=m.end("q"), kind=policy_kind(title)))
    for number, s, e in find_numbers(text):
        if any(a <= s < b for a, b in taken):
            continue
        raw.append(Citation(key=normalize_number(number), title=None, number=number, start=s, end=e, kind=None))
    # A later pass: titles cited before their number was paired, and short aliases (《意见》).
    full: dict[str, Citation] = {}
    for c in raw:
        if c.title and len(name_key(c.title)) > 6 and (c.key not in full or c.number):
            full[c.key] = c
    numbers = {seg.key: seg.number for seg in segments if seg.number}
    numbers.update((c.key, c.number) for c in raw if c.number)
    out = []
    for c in sorted(raw, key=lambda c: c.start):
        if c.title and not c.number:
            c.key = title_to_key.get(name_key(c.title), c.key)
            # A title cited before its pairing with a number (in a 转发《…》 title line) is named
            # by that number, like every later citation of it.
            c.number = numbers.get(c.key)
            if len(name_key(c.title)) <= 6:
                if name_key(c.title) not in title_to_key:
                    continue  # 《意见》 or 《章程》 with no definition: cannot tell which one
                if c.key in full:  # an alias: name it as the policy it stands for
                    c.title, c.number, c.kind = full[c.key].title, full[c.key].number, full[c.key].kind
        out.append(c)
    return tuple(out)


# ---- responsible parties ------------------------------------------------------------------
# A responsibility stated in the text: （责任单位：省教育厅、省财政厅）.
# A unit list may hold one level of brackets (（责任单位：市教育局、各县（市、区）人民政府）) and
# several labelled lists (（牵头单位：市教育局；配合单位：市财政局）).
_LABEL_ROLES = (("牵头", r"牵头单位|牵头部门|主责单位|主办单位"),
                ("配合", r"配合单位|配合部门|参与单位|协办单位|协同单位|协助单位|支持单位"),
                ("责任", r"责任单位|责任部门|负责单位|责任处室|实施单位|落实单位"))
_RESP_LABEL = "(?:" + "|".join(rx for _, rx in _LABEL_ROLES) + ")"
# Also the label on a line of its own after the task (责任单位：市教育局), in square brackets
# ([责任单位：市教育局]), and the led form （市教育局牵头，市财政局、市人力资源社会保障局配合）.
STATED_RESPONSIBLE = re.compile(
    rf"[（(\[【](?P<l1>{_RESP_LABEL})[:：](?P<lab>(?:[^（()）\[\]【】]|[（(][^（()）]*[）)])+)[）)\]】]"
    rf"|(?<![（(\[【\w])(?P<l2>{_RESP_LABEL})[:：](?P<line>[^（()）。]+)"
    r"|[（(](?P<lead>[^（()）。，,]{2,60}?)牵头(?:[，,；;、](?P<help>[^（()）。]{2,80}?)(?:配合|参与|协助|协同))?[）)]")
RESPONSIBLE_LINE = re.compile(rf"^\s*(?:[\[【]?{_RESP_LABEL}[:：]|[（(][^（()）。，,]{{2,60}}?牵头[，,；;、）)])")
# Unbracketed: 由市教育局牵头，市财政局、市人社局配合; 市教育局会同市经信委、市人社局…; a subject
# that must act: 各县（市、区）教育局要…, 各地发展改革和教育部门要….
_PLAIN_LEAD = re.compile(r"(?:由)?(?P<lead>[^，,。；;（()）：:、]{2,40}?(?:、[^，,。；;（()）：:、]{2,30}?)*)牵头"
                         r"(?:[，,、]\s*(?P<help>[^，,。；;（()）]{2,80}?)(?:配合|参与|协助|协同))?(?=[，,。；;]|$)")
_TOGETHER = re.compile(r"^(?P<lead>[^，,。；;（()）]{2,40}?)会同(?P<help>[^，,。；;（()）]{2,80})")
_SUBJECT = re.compile(r"^(?P<who>(?:各|有关|相关)?[^，,。；;：:]{2,40}?)(?:要|应|应当|须|必须|负责)(?!求|点|素)")
_GROUP_PARTY = re.compile(r"^(?:各|有关|相关)[\u4e00-\u9fff（()）、]{0,20}(?:部门|单位|政府|机关)$")


def _party(name: str) -> bool:
    return is_agency_name(name) or bool(_COLLECTIVE.match(clean_text(name))) or bool(_GROUP_PARTY.match(name))


def leading_parties(text: str) -> list[str]:
    """The bodies a clause starts with, up to the verb: 市教育局、市人社局建立… → [市教育局, 市人社局]."""
    out: list[str] = []
    rest = re.sub(r"[（(][^（()）]*[）)]", lambda b: b.group().replace("、", "\0"), text)
    while rest:
        m = re.match(r"[^、，,。；;]+", rest)
        if m is None:
            break
        chunk = m.group()
        best = None
        for e in range(2, len(chunk) + 1):
            head = chunk[:e]
            if _party(head) and not re.match(r"[门会员厅局室办处司府]", chunk[e:e + 1]):
                best = e  # the longest: 各县（市、区）教育局 over 各县
        if best is None:
            break
        out.append(chunk[:best].replace("\0", "、"))
        if best < len(chunk) or not rest[len(chunk):].startswith("、"):
            break
        rest = rest[len(chunk) + 1:]
    return out


def stated_roles(m: re.Match[str]) -> list[tuple[str, str]]:
    """(party, role) of a STATED_RESPONSIBLE match: 牵头 and 配合 by their labels or the led form,
    责任 for 责任单位."""
    if m.group("lead"):  # （龙头企业牵头） is no statement of a department's duty
        lead, help_ = split_departments(m.group("lead")), split_departments(m.group("help") or "")
        if not all(_party(p) for p in [*lead, *help_]):
            return []
        return [(p, "牵头") for p in lead] + [(p, "配合") for p in help_]
    found = f"{m.group('l1') or m.group('l2')}：{m.group('lab') or m.group('line')}"
    out: list[tuple[str, str]] = []
    parts = re.split(rf"({_RESP_LABEL})[:：]", found)
    for label, cell in zip(parts[1::2], parts[2::2]):
        role = next(r for r, rx in _LABEL_ROLES if re.fullmatch(rx, label))
        out.extend((p, role) for p in split_departments(cell))
    return out


def stated_departments(m: re.Match[str]) -> list[str]:
    """The parties of a STATED_RESPONSIBLE match, every labelled list together."""
    return [p for p, _ in stated_roles(m)]


def prose_roles(text: str, opening: bool = True) -> list[tuple[str, str]]:
    """Responsibilities a task states in its own words: 由X牵头，Y配合 (牵头/配合), X会同Y (牵头/配合),
    a subject that must act (X要…: 责任). ``text`` is the task from its first word.

    A subject that must act names the task's party only where it opens the task (``opening``):
    a X要 sentence further on (after the heading, or closing the item: 各市政府要制定方案) is a
    duty inside the task, not who carries the task."""
    text = STATED_RESPONSIBLE.sub("", text)
    for m in _PLAIN_LEAD.finditer(text):
        lead = leading_parties(re.sub(r"^由", "", m.group("lead")))
        if lead and "".join(lead) == re.sub(r"^由|、", "", m.group("lead")).replace("、", ""):
            help_ = leading_parties(m.group("help") or "")
            return [(p, "牵头") for p in lead] + [(p, "配合") for p in help_]
    m = _TOGETHER.match(text)
    if m:
        lead, help_ = leading_parties(m.group("lead")), leading_parties(m.group("help"))
        if lead and "".join(lead) == m.group("lead") and help_:
            return [(p, "牵头") for p in lead] + [(p, "配合") for p in help_]
    m = _SUBJECT.match(text) if opening else None
    if m:
        who = m.group("who")
        parties = leading_parties(who)
        if parties and len("、".join(parties)) == len(who):
            return [(p, "责任") for p in parties]
        if _GROUP_PARTY.match(who) or _COLLECTIVE.match(clean_text(who)):
            return [(who, "责任")]
    return []


_COLLECTIVE = re.compile(r"^(各|相关|有关)(省|市|县|区|县区|市县|县\(市、区\)|区县)(?:人民)?(?:政府)?$")
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|旗|自治区|自治州|盟)$")


def is_bare_place(name: str) -> bool:
    """A place's name alone (临江市, 松阳县), which stands for its government in a task list."""
    return bool(_PLACE.match(name)) and not is_agency_name(name)


def split_departments(cell: str) -> list[str]:
    """省委教育工委、省教育厅，各市 → [省委教育工委, 省教育厅, 各市]."""
    cell = clean_text(cell)
    # 、 inside brackets belongs to the name: 各县(市、区)人民政府 is one party.
    cell = re.sub(r"\([^()]*\)", lambda m: m.group().replace("、", "\0"), cell)
    parts = re.split(r"[、，,；;/\s]+|(?<=[厅局委会部办府])(?:和|及)", cell)
    parts = [p.replace("\0", "、") for p in parts]
    return [p.strip("。.") for p in parts if p.strip("。. ") and p.strip("()")]


def agency_name(name: str, places: dict[str, str] | str | None) -> str:
    """A clear name for a responsible party as a task list writes it.

    各市 / 各市政府 → 各市人民政府 (the cities as a party); a bare place (临江市) → 临江市人民政府;
    省教育厅 → 东川省教育厅, 市教育局 → 临江市教育局, 县财政局 → 松阳县财政局 when the policy's
    issuer names that place (``places``: PolicySegment.places, or a province name).
    """
    places = {"省": places} if isinstance(places, str) else (places or {})
    name = re.sub(r"\s+", "", name)
    m = _COLLECTIVE.match(clean_text(name))
    if m:
        return f"{m.group(1)}{m.group(2)}人民政府"
    level = name[:1]
    if level in places and len(name) > 1 and not name.startswith(("省份", "市场", "市民", "县域", "区域")):
        rest = name[1:]
        return places[level] + rest  # 市政府 → 岚州市政府 (its node is 岚州市人民政府: ingest.agencies)
    if _PLACE.match(name) and not is_agency_name(name):
        return name + "人民政府"
    return name
