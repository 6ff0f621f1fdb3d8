"""Reading the shape of policy documents: document numbers, kinds of title, issuers in a
title, dates, quantities, the reading view of a page, and its lines. The header block that
starts each policy is read in ``ingest.policy_segments``, cited policies in ``ingest.policy_cite``,
responsible parties in ``ingest.policy_parties``.

Shared by ``ingest.policy`` (policies, lineage, targets) and ``ingest.tasks`` (measures).
Every rule comes from the conventions of Chinese official documents (公文): a number such as
东教发〔2023〕12号 alone on its line heads a policy; 《…》 quotes a title; ``X关于…的通知``
names its issuer X; a date line or ``…印发`` line closes it.

>>> normalize_number("东教发﹝2023﹞12号")
'东教发(2023)12号'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.normalize import clean_text, name_key
from ingest.agencies import is_agency, split_agencies
from ingest.textforms import to_simplified

# ---- document numbers ---------------------------------------------------------------------
OPEN_BRACKET, CLOSE_BRACKET = r"[〔\[（(﹝【［]", r"[〕\]）)﹞】］]"
# One bracket may be lost in print: the closing one (〔201419号 is 〔2014〕19号) or the opening one
# (某教发2034〕8号); not both. 號 is the Traditional 号.
NUMBER_RE = re.compile(
    rf"([\u4e00-\u9fff]{{1,10}})\s*(?:{OPEN_BRACKET}\s*)?((?:19|20)\d{{2}})\s*"
    rf"(?:{CLOSE_BRACKET}\s*|(?<={OPEN_BRACKET}\d{{4}}))(\d{{1,4}})\s*[号號]"
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


_PAIRS = dict(zip("〔[（(﹝【［", "〕]）)﹞】］"))


def repair_number(number: str) -> str:
    """A number as it should have been printed: the bracket lost after the year put back
    (苏人社发〔203112号 → 苏人社发〔2031〕12号), or the one lost before it; any other number unchanged.

    >>> repair_number("东教发〔202312号"), repair_number("东教发2023〕12号")
    ('东教发〔2023〕12号', '东教发〔2023〕12号')
    """
    m = NUMBER_RE.search(number)
    if m is None:
        return number
    closing = re.search(CLOSE_BRACKET, number[m.start(2):m.start(3)])
    if closing and not re.search(OPEN_BRACKET, number[m.end(1):m.start(2)]):
        opening = {v: k for k, v in _PAIRS.items()}.get(closing.group(), "〔")
        return number[:m.start(2)] + opening + number[m.start(2):]
    if closing:
        return number
    opening = re.search(OPEN_BRACKET, number[m.end(1):m.start(2)])
    close = _PAIRS.get(opening.group(), "〕") if opening else "〕"
    return number[:m.end(2)] + close + number[m.end(2):]


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
    "规定", "规则", "标准", "清单", "指南", "批复", "函", "法", "政策", "措施", "名单", "工作要点", "工作任务", "重点任务", "任务分工", "工作安排", "分解表", "分工表",
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
DATE_PATTERN = (rf"((?:19|20)\d{{2}}|[一二][〇○零一二三四五六七八九]{{3}})\s*年\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*月"
         rf"\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*日")
# A date alone on its line, or after the signing body (东川省教育厅 2021年9月1日), or 印发.
DATE_LINE_RE = re.compile(rf"^\s*(?P<who>[^\s\d]{{2,30}}\s+)?{DATE_PATTERN}\s*(?:印发|发布|签发)?\s*$")
PRINTED_RE = re.compile(rf"{DATE_PATTERN}\s*印发")
NOISE_LINE_RE = re.compile(r"^\s*(?:-\s*\d{1,4}\s*-|\d{1,8}|第\s*\d+\s*页.*)\s*$")
SIGNER_RE = re.compile(r"\s*签发人\s*[:：]?\s*\S{0,6}$")  # 东教发〔2023〕12号   签发人：张三
# Where a policy reproduced inside a report ends: the report's figure captions and case boxes.
REPORT_BREAK_RE = re.compile(r"^\s*(?:[图冬]\s*\d+\s*[-—.．]\s*\d+"
                             r"|【(?!\s*(?:牵头|配合|责任|负责|参与|协办|协同|协助|主责|实施|落实)[^】]{0,6}[:：])"
                             # nor a web page's buttons (【字体：大 中 小】【打印】【关闭】)
                             r"(?!\s*(?:字体|字号|打印|关闭|收藏|分享|返回|纠错)))")  # not 【责任单位：…】
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
    if not 2 <= len(name) <= 30 or re.search(r"[，。；：:《》]", name):
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
    """Issuers named before 关于 (or 印发/转发, or the year of a year's plan) in a title: 教育部
    东川省人民政府关于… → [教育部, 东川省人民政府]; 临江市人民政府印发…的通知 → [临江市人民政府];
    临江市教育局2031年职业教育工作要点 → [临江市教育局]."""
    t = clean_text(title)
    m = re.search(r"关于|印发|转发", t) or re.search(r"(?=(?:19|20)\d{2}\s*年)", t)  # 临江市教育局2031年工作要点
    if m is None or not t[:m.start()].strip():
        return []
    return issuer_list(t[:m.start()])


# Quantities of targets and tasks: 30 个左右, 50万人左右, 200万人次左右, 1000 门, 90%.
QUANTITY_RE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(万|亿|千)?\s*(人次|个|所|门|项|家|名|人|本|套|条|支|座|批|种|类|部|期|场|次|间|亩|元|台|%)"
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


# ---- web page furniture -------------------------------------------------------------------
# Lines of the page around the document (来源, 发布日期, 浏览次数, 分享到 …, a breadcrumb 当前位置：…)
# and the metadata block of government sites (索引号 | … | 发文机关 | … | 文号 | …); the policy
# header reads 发文机关, 文号, 标题 and 成文日期 from them (ingest.policy_segments.read_fields).
FIELD_KEYS = ("索引号", "主题分类", "主题词", "体裁分类", "组配分类", "服务对象", "发文机关", "发布机构", "发文单位",
              "成文日期", "发文日期", "发布日期", "发布时间", "印发日期", "生效日期", "废止日期", "有效性", "时效",
              "文号", "发文字号", "文件编号", "标题", "名称", "来源", "信息来源", "文章来源", "浏览次数", "浏览量", "访问量",
              "阅读量", "点击数", "点击量", "作者", "编辑", "责任编辑", "分享到", "分享", "字号", "字体", "打印", "关闭")
# Sites space a short key out (索 引 号, 文 号, 标 题) and put its colon in the key's cell (发文机关: | …).
KEYS_RE = "|".join(r"\s?".join(map(re.escape, k)) for k in sorted(FIELD_KEYS, key=len, reverse=True))
FURNITURE_RE = re.compile(rf"^\s*[【\[]?\s*(?:{KEYS_RE})\s*(?:[:：|｜\]】]|\s|$)")
_POSITION = re.compile(r"^\s*(?:您的位置|你的位置|您现在的位置|您当前的位置|您当前位置|当前位置|所在位置)\s*[:：]")


_CRUMB = re.compile(r"^\s*[^\s>＞»。，,；;]{1,12}(?:\s*[>＞»]\s*[^\s>＞»。，,；;]{1,12}){2,}\s*$")


def is_furniture(line: str) -> bool:
    """A line of the web page around a document (来源：…, 发布日期：…, 浏览次数：…, a metadata row,
    a breadcrumb: 当前位置：…, 首页 > 信息公开 > 通知公告)."""
    return bool(FURNITURE_RE.match(line) or _POSITION.match(line) or _CRUMB.match(line))


# ---- the text as it is read ---------------------------------------------------------------
# Pages come in Traditional characters, with pinyin after characters (城(chéng)市), with a spam
# word put before numbered lines, and with task tables whose cells stand one per line. The
# rules read a view of the text: Simplified, pinyin and spam removed, such tables as tab rows;
# every offset of the view maps back to the original text, so evidence quotes the page.
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[（(](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[）)]")
_CN_NUMBERING = r"(?:[一二三四五六七八九十]{1,3}\s*、|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])"


def simplified(text: str) -> str:
    """Text in Simplified characters, character for character (offsets unchanged); a page that
    is Simplified already is left alone (ingest.textforms.to_simplified). Pages also write a
    variant the converter keeps: 陜 (U+965C, a rare character) for 陝/陕, so 陜西 reads 陕西.

    >>> simplified("陜西的職業學校")
    '陕西的职业学校'
    """
    return to_simplified(text).translate(_TRADITIONAL_VARIANTS)


_TRADITIONAL_VARIANTS = str.maketrans({"陜": "陕"})


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


_TABLE_HEAD = re.compile(r"^(?:序号|[\u4e00-\u9fff]{0,6}(?:任务|内容|措施|举措|单位|部门|时限|时间|进度|备注|责任|目标|项目|要求|分工|领导|责任人|负责人|联系人))$")


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


def _metadata_lines(text: str, original: str) -> list[tuple[int, int]]:
    """Spans of the lines blanked in the analysis text whose original is page furniture (a
    metadata row, 发布时间/来源/浏览次数, a breadcrumb), among the first 40 lines: the page cleaning
    blanks them, the policy header reads them (a number in 文号：…, a title with its furniture
    line under it: policy_segments)."""
    out, pos = [], 0
    for n, line in enumerate(original.split("\n")):
        if n >= 40:
            break
        a, b = pos, pos + len(line)
        pos = b + 1
        if line.strip() and not text[a:b].strip() and is_furniture(simplified(line)):
            out.append((a, b))
    return out


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
    kept: list[tuple[int, int]] = []
    if original is not None and len(original) == len(text):
        for a, b in _metadata_lines(text, original):  # the page's furniture, blanked by the cleaning
            simp[a:b] = simplified(original[a:b])
            kept.append((a, b))
    simp_text = "".join(simp)
    drops = [(m.start(), m.end()) for m in _PINYIN.finditer(simp_text)] + _spam_prefixes(simp_text)
    if original is not None and len(original) == len(text):
        drops += [(a, b) for a, b in _blanked(text, original) if not any(x <= a < y for x, y in kept)]
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
