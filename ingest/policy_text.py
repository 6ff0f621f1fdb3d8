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

# ---- document numbers ---------------------------------------------------------------------
_OPEN, _CLOSE = r"[〔\[（(﹝【［]", r"[〕\]）)﹞】］]"
NUMBER_RE = re.compile(
    rf"([\u4e00-\u9fff]{{1,10}})\s*{_OPEN}\s*((?:19|20)\d{{2}})\s*{_CLOSE}\s*(\d{{1,4}})\s*号"
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
    "规定", "规则", "标准", "清单", "指南", "批复", "函", "法",
)
# Quoted titles that end like a policy but are curricula, research or teaching material.
# (A title built as …关于…的通知/意见 is a policy whatever its subject.)
_NOT_POLICY = re.compile(r"研究|实践|获奖|教案|(?:人才培养方案|教学设计|考核纲要|考试纲要|课程标准|方法|做法|说法)$")
_TRAILING_PAREN = re.compile(r"\s*[（(][^（()）]{1,20}[）)]\s*$")
AGENCY_SUFFIX = re.compile(
    r"(?:人民政府|政府|委员会|办公厅|办公室|教育厅|教育局|工委|总工会|管委会|中央|国务院|厅|局|部|委|司|处|署|办)$"
)
# Dates in Arabic or Chinese numerals (2021年1月7日, 二〇二一年一月七日).
_CN_DIGIT = "〇零一二三四五六七八九十"
_DATE = (rf"((?:19|20)\d{{2}}|[一二][〇零一二三四五六七八九]{{3}})\s*年\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*月"
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
    """A government body by the suffix of its name (教育厅, 人民政府, 司, 办公室 ...)."""
    return 2 <= len(name) <= 30 and bool(AGENCY_SUFFIX.search(name)) and not re.search(r"[，。；：《》]", name)


def squeeze(text: str) -> str:
    """Text as one line: line breaks and the spaces PDF extraction puts around CJK and digits removed."""
    text = re.sub(r"\s*\n\s*", "", text)
    text = re.sub(r"(?<=[^\x00-\x7f])[ \t\u3000]+|[ \t\u3000]+(?=[^\x00-\x7f])", "", text)
    text = re.sub(r"(?<=\d)[ \t]+(?=\d)", "", text)
    return text.strip()


def title_issuers(title: str) -> list[str]:
    """Issuers named before 关于 in a title: 教育部 东川省人民政府关于… → [教育部, 东川省人民政府]."""
    head = clean_text(title).split("关于", 1)
    if len(head) < 2 or not head[0].strip():
        return []
    names = [n for n in re.split(r"[\s、，,]+", head[0].strip()) if n]
    if not names or not is_agency_name(names[0]):
        return []
    return [n for n in names if is_agency_name(n)]


# Quantities of targets and tasks: 30 个左右, 50万人左右, 200万人次左右, 1000 门, 90%.
QUANTITY_RE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(万|亿|千)?\s*(人次|个|所|门|项|家|名|人|本|套|条|支|座|批|种|类|部|期|场|次|间|亩|%)"
    r"\s*(左右|以上|以内|余)?"
)


def bigram_dice(a: str, b: str) -> float:
    """Dice overlap of the character bigrams of two strings (0..1): how much two wordings share."""
    ga = {a[i:i + 2] for i in range(len(a) - 1)}
    gb = {b[i:i + 2] for i in range(len(b) - 1)}
    return 2 * len(ga & gb) / (len(ga) + len(gb)) if ga and gb else 0.0


def _cn_number(text: str) -> int:
    """二〇二一 → 2021 (digit by digit); 十二 → 12, 二十七 → 27 (with 十)."""
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return int("".join(str(digits[c]) for c in text))


def iso_date(m: re.Match[str]) -> str:
    year, month, day = (m.group(i) for i in range(m.lastindex - 2, m.lastindex + 1))
    return f"{_cn_number(year)}-{_cn_number(month):02d}-{_cn_number(day):02d}"


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
        name = re.sub(r"(?:文件|公文)$", "", word)
        if is_agency_name(name):
            found.append((name, line.start + m.start(), line.start + m.start() + len(name)))
    return found


def _title_after(lines: list[Line], i: int) -> tuple[str, int, int] | None:
    """The title on the first non-empty line(s) after lines[i] (joined when it wraps)."""
    parts: list[Line] = []
    for ln in lines[i + 1:i + 8]:
        if not ln.stripped:
            if parts and policy_kind(" ".join(p.stripped for p in parts)):
                break
            continue
        if ln.stripped.endswith(("：", ":")) or ln.is_table_row:
            break
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
    heads: list[tuple[int, int]] = []  # (line index of number, block start offset)
    for i, ln in enumerate(lines):
        nums = find_numbers(text, ln.start, ln.end)
        if len(nums) == 1 and _SIGNER.sub("", ln.stripped).strip() == nums[0][0].strip():
            block = ln.start
            j, seen = i - 1, 0
            while j >= 0 and seen < 3:
                if lines[j].stripped:
                    if not _is_header_line(lines[j]):
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
        found = _title_after(lines, i)
        if found:
            seg.title, ts, te = found
            seg.title_span, seg.kind, seg.body_start = (ts, te), policy_kind(found[0]), te
        header_lines = [ln for ln in lines if block <= ln.start < lines[i].start]
        _fill_issuers_and_date(seg, text, lines, header_lines)
        segments.append(seg)
    if not segments:
        seg = _unnumbered_policy(text, lines)
        if seg:
            segments.append(seg)
    return tuple(segments)


def _unnumbered_policy(text: str, lines: list[Line]) -> PolicySegment | None:
    content = [(i, ln) for i, ln in enumerate(lines) if ln.stripped][:6]
    for k, (i, ln) in enumerate(content[:-1]):
        kind = policy_kind(ln.stripped)
        if kind and content[k + 1][1].stripped.endswith(("：", ":")) and "《" not in ln.stripped:
            title = re.sub(r"\s+", " ", ln.stripped)
            seg = PolicySegment(start=0, end=len(text), key=name_key(title), title=title,
                                title_span=(ln.start, ln.end), kind=kind, body_start=ln.end)
            _fill_issuers_and_date(seg, text, lines, lines[:i])
            return seg
    return None


def _fill_issuers_and_date(seg: PolicySegment, text: str, lines: list[Line], header: list[Line]) -> None:
    """Issuers by priority: the title's X关于, the letterhead, the signature above the date line."""
    if seg.title and seg.title_span:
        ts = seg.title_span[0]
        names = title_issuers(seg.title)
        pos = ts
        for name in names:
            k = text.find(name, pos, seg.title_span[1])
            if k >= 0:
                seg.issuers.append((name, k, k + len(name)))
                pos = k + len(name)
    if not seg.issuers:
        for ln in header:
            seg.issuers.extend(_header_issuers(ln))
    seg_lines = [ln for ln in lines if seg.body_start <= ln.start < seg.end]
    prev: Line | None = None
    for ln in seg_lines:
        if not ln.stripped:
            continue
        m = DATE_LINE_RE.match(ln.text) or PRINTED_RE.search(ln.text)
        if m and not ln.is_table_row:
            if seg.date is None:
                seg.date, seg.date_span = iso_date(m), (ln.start, ln.end)
                who = m.groupdict().get("who")
                if not seg.issuers and who and is_agency_name(who.strip()):
                    s = ln.start + m.start("who")
                    seg.issuers.append((who.strip(), s, s + len(who.strip())))
                elif not seg.issuers and prev is not None and is_agency_name(prev.stripped):
                    s = prev.start + prev.text.index(prev.stripped)
                    seg.issuers.append((prev.stripped, s, s + len(prev.stripped)))
        prev = ln


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
_RESP_LABEL = r"(?:责任单位|责任部门|牵头单位|牵头部门|负责单位|责任处室|配合单位|配合部门|参与单位|协办单位)"
# Also the label on a line of its own after the task (责任单位：市教育局), and the led form
# （市教育局牵头，市财政局、市人力资源社会保障局配合）.
STATED_RESPONSIBLE = re.compile(
    rf"[（(]{_RESP_LABEL}[:：](?P<lab>(?:[^（()）]|[（(][^（()）]*[）)])+)[）)]"
    rf"|(?<![（(\w]){_RESP_LABEL}[:：](?P<line>[^（()）。]+)"
    r"|[（(](?P<lead>[^（()）。，,]{2,60}?)牵头(?:[，,；;](?P<help>[^（()）。]{2,80}?)(?:配合|参与|协助|协同))?[）)]")
RESPONSIBLE_LINE = re.compile(rf"^\s*(?:{_RESP_LABEL}[:：]|[（(][^（()）。，,]{{2,60}}?牵头[，,；;）)])")


def stated_departments(m: re.Match[str]) -> list[str]:
    """The parties of a STATED_RESPONSIBLE match, every labelled list together."""
    if m.group("lead"):  # （龙头企业牵头） is no statement of a department's duty
        parties = split_departments(f"{m.group('lead')}、{m.group('help') or ''}")
        return parties if all(is_agency_name(p) or _COLLECTIVE.match(p) for p in parties) else []
    found = m.group("lab") or m.group("line")
    return split_departments(re.sub(rf"{_RESP_LABEL}[:：]", "、", found))
_COLLECTIVE = re.compile(r"^(各|相关|有关)(省|市|县|区|县区|市县|县\(市、区\)|区县)(?:人民)?(?:政府)?$")
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|旗|自治区|自治州|盟)$")


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
    m = _COLLECTIVE.match(name)
    if m:
        return f"{m.group(1)}{m.group(2)}人民政府"
    level = name[:1]
    if level in places and len(name) > 1 and not name.startswith(("省份", "市场", "市民", "县域", "区域")):
        rest = name[1:]
        return places[level] + ("人民政府" if rest in ("政府", "人民政府") else rest)
    if _PLACE.match(name) and not is_agency_name(name):
        return name + "人民政府"
    return name
