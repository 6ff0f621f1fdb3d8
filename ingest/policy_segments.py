"""The policies a document holds: each header block (letterhead, number, title) and the text up
to the next one, with the policy's issuers and date; the web page furniture and metadata fields
around the document (来源, 发布日期, 索引号 | … | 文号 | …).

>>> [s.number for s in segment_policies("东川省教育厅文件\\n\\n东教发〔2023〕12号\\n\\n东川省教育厅关于推进合作的实施意见\\n")]
['东教发〔2023〕12号']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from graph.normalize import name_key
from ingest.agencies import split_agencies
from ingest.policy_parties import OWN
from ingest.policy_text import (
    FIELD_KEYS, KEYS_RE, DATE_LINE_RE, DATE_PATTERN, NOISE_LINE_RE, PRINTED_RE, REPORT_BREAK_RE,
    SIGNER_RE, Line, find_numbers, is_agency_name, is_furniture, iso_date, issuer_list, lines_of, normalize_number,
    policy_kind, repair_number, title_issuers,
)


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
            name = re.sub(r"^中共", "", name)  # 中共临川市委办公室: the party committee of 临川市
            for m in _ISSUER_PLACE.finditer(name):
                level = "省" if m.group(2) == "自治区" else m.group(2)
                out.setdefault(level, name[:m.end()])
                if m.group(2) == "自治区":  # 自治区人民政府 in its own documents, as 省政府 in a province's
                    out.setdefault("自治区", name[:m.end()])
        own = {name for name, _, _ in self.issuers}
        if len(own) == 1:  # the one issuer, whose own divisions a task names bare (职成处牵头)
            out[OWN] = own.pop()
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
        if not parts and _DATE_BELOW.match(ln.stripped):
            break  # the date in brackets under the number (陇发〔2033〕14号 / （2033年4月2日））: the title is above
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
        if len(nums) == 1 and (i in same_line or _is_number_line(ln, nums[0][0])) and not _cited_number(lines, i):
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
        number = repair_number(number)
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
        under = next((ln for ln in lines[i + 1:i + 3] if ln.stripped), None)
        dated = _DATE_BELOW.match(under.stripped) if under is not None and seg.date is None else None
        if dated:  # the number with its date in brackets under it
            _issued_below(seg, text, under, dated)
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


_ISSUED_HERE = re.compile(r"《(?P<t>[^《》]{4,80})》[^。《》]{0,30}?(?:(?:现|特)?(?:印发|下发|转发)给?你们|予以印发|印发如下)")


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
        return _title_before_number(text, ln, num)
    rest = text[ne:ln.end]
    title = rest.strip()
    if not title or rest[:1] not in " \t\u3000" or "《" in title[:1] or len(title) > 80 or not policy_kind(title):
        return None
    if re.search(r"[。；;，,：:]", title):
        return None
    k = ne + (len(rest) - len(rest.lstrip()))
    return re.sub(r"\s+", " ", title), k, k + len(title)


# A space a web page leaves between two Chinese characters or a title mark (印发 《…建设 指导意见》).
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff《》〈〉])\s+(?=[\u4e00-\u9fff《》〈〉])")


def _title_before_number(text: str, ln: Line, num: tuple[str, int, int]) -> tuple[str, int, int] | None:
    """The title with its number in brackets closing the line (X关于…的意见（黔人社发〔2033〕7号）)."""
    _, ns, ne = num
    head, tail = text[ln.start:ns], text[ne:ln.end]
    m = re.search(r"[（(]\s*$", head)
    if m is None or not re.fullmatch(r"\s*[）)]\s*", tail):
        return None
    title = head[:m.start()].strip()
    # 《》 only in a notice that issues or forwards the quoted documents (X关于印发《…》等4个意见的通知),
    # never in a sentence citing one (根据《…》（…）)
    quoted = "《" in title and not re.search(r"关于(?:印发|转发|下发|公布)\s*《", title)
    if (not title or len(title) > 120 or quoted or re.search(r"[。；;，,：:]", title)
            or not policy_kind(title) or not title_issuers(title)):
        return None
    k = ln.start + (len(head) - len(head.lstrip()))
    return _CJK_GAP.sub("", re.sub(r"\s+", " ", title)), k, k + len(title)


def _cited_number(lines: list[Line], i: int) -> bool:
    """A bracketed number line that closes a citation wrapped above it (…的通知》 / （国发〔2031〕4号）)
    rather than standing under a title."""
    if not re.match(r"^[（(]", lines[i].stripped):
        return False
    prev = next((ln.stripped for ln in reversed(lines[:i]) if ln.stripped), "")
    return not prev or prev.endswith(("》", "，", ",", "、", "。", "；")) or not policy_kind(prev)


def _is_number_line(ln: Line, number: str) -> bool:
    """A document number alone on its line (签发人 after it, a doubled 号 or a spam word before
    it do not count); web pages print it in brackets under the title (（岚政办发〔2031〕15号）)."""
    rest = SIGNER_RE.sub("", ln.stripped).strip()
    rest = re.sub(r"^[（(](.+)[）)]$", r"\1", rest).strip()
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
        if is_furniture(ln.text) and not parts:
            continue  # the page's 发布时间/来源 line between the title and the number
        if ln.is_table_row or is_furniture(ln.text) or ln.stripped.endswith(("。", "：", ":", "；")):
            break
        parts.insert(0, ln)
        joined = "".join(p.stripped for p in parts)
        # a line that closes a 《 opened above it (…提升 / 行动方案》的通知) is the title's second line
        if policy_kind(joined) and "《" not in joined[:1] and joined.count("》") <= joined.count("《"):
            k = lines.index(parts[0])
            above = lines[k - 1] if k > 0 else None
            if (above is not None and above.start >= floor and joined.startswith(("关于", "转发", "印发"))
                    and not is_furniture(above.text) and _title_start(above, parts[0])):
                # the issuers on the line above: 东川省教育厅 东川省财政厅 / 关于…的通知, X县人民政府办公室 / 转发…的通知
                parts.insert(0, above)
                joined = "".join(p.stripped for p in parts)
            title = re.sub(r"\s+", " ", " ".join(p.stripped for p in parts) if "关于" not in joined else joined)
            return title, parts[0].start + (len(parts[0].text) - len(parts[0].text.lstrip())), parts[-1].end
        if len(parts) == 2 and joined.count("》") <= joined.count("《"):
            break
        if len(parts) == 3:
            break
    return None


# ---- web page furniture and metadata fields -----------------------------------------------
# Lines of the page around the document (来源, 发布日期, 浏览次数 …) and the metadata block of
# government sites (索引号 | … | 发文机关 | … | 文号 | …); 发文机关, 文号, 标题 and 成文日期 are read.
_FIELD_RE = re.compile(rf"(?P<k>{KEYS_RE})\s*[:：]\s*(?P<v>.*?)\s*(?=(?:\s(?:{KEYS_RE})\s*[:：])|$)")
_FIELD_NAMES = {"发文机关": "issuer", "发布机构": "issuer", "发文单位": "issuer", "文号": "number", "发文字号": "number",
                "文件编号": "number", "标题": "title", "名称": "title", "成文日期": "date", "发文日期": "date",
                "印发日期": "date"}


def _field_key(cell: str) -> str:
    return re.sub(r"\s+", "", cell).rstrip(":：")


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
                if _field_key(k) in FIELD_KEYS and _field_key(v) not in FIELD_KEYS:
                    pairs.append((_field_key(k), v, vs))
            for c, cs in cells:  # a cell holding key and value (文号：岚政办发〔2031〕7号 | 成文日期：…)
                pairs += [(_field_key(m.group("k")), m.group("v"), cs + m.start("v")) for m in _FIELD_RE.finditer(c)
                          if m.group("v")]
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
    """A policy without a number line: a title line (or two, wrapped) followed by its addressee
    (…：) or a number given in the page's metadata, among the first lines after the page
    furniture; or a signed page whose title has the page's furniture or its date in brackets
    under it."""
    content = [(i, ln) for i, ln in enumerate(lines) if ln.stripped and not is_furniture(ln.text)][:40]
    meta_title = name_key(meta["title"][0]) if "title" in meta else None
    for k, (i, ln) in enumerate(content[:-1]):
        kind = policy_kind(ln.stripped)
        if not kind or "《" in ln.stripped[:1] or len(ln.stripped) > 120:
            continue
        first = k
        if k > 0 and _title_start(content[k - 1][1], ln):  # 东川省教育厅 东川省财政厅关于推进 / …的实施方案
            first = k - 1
        parts = [c for _, c in content[first:k + 1]]
        title = parts[0].stripped + "".join(("" if "关于" in parts[0].stripped else " ") + p.stripped for p in parts[1:])
        title = re.sub(r"\s+", " ", title)
        nxt = content[k + 1][1].stripped
        addressed = nxt.endswith(("：", ":")) and len(nxt) <= 120
        # A web page's title with the page's furniture line (发布时间：… 来源：…) under or above it,
        # or its date in brackets under it: the document, when it is signed (its issuer named in the title, a
        # field or the signature) and the title is no news headline (我县出台…方案).
        headed = (first == 0 and (_furniture_below(lines, i) or _DATE_BELOW.match(nxt)
                                  or any(is_furniture(x.text) for x in lines[:content[0][0]]))
                  and ("关于" in title or not _NEWS_HEADLINE.search(title)))
        named = bool(meta_title) and name_key(title) == meta_title
        # A plan opening the page with its issuer and date under its title (…三年行动计划 / X县人民政府办公室
        # / 2035年4月3日), or a work plan whose title names its issuer and whose text begins right
        # under it with its year or its purpose (X局2035年工作要点 / 2035年，县X局将…; 为…).
        signed_top = (first == 0 and k + 2 < len(content) and issuer_list(nxt) == [nxt]
                      and DATE_LINE_RE.match(content[k + 2][1].text) is not None)
        opens_body = (first == 0 and not re.search(r"[。；;，,]", title) and bool(title_issuers(title))
                      and re.match(r"(?:(?:19|20)\d{2}年(?:是|，|,)|为|根据|按照)", nxt) is not None
                      and not _NEWS_HEADLINE.search(title))
        if signed_top or opens_body:
            start = parts[0].start + (len(parts[0].text) - len(parts[0].text.lstrip()))
            body = content[k + 2][1].end if signed_top else ln.end
            seg = PolicySegment(start=0, end=len(text), key=name_key(title), title=title,
                                title_span=(start, ln.end), kind=policy_kind(title), body_start=body)
            _apply_fields(seg, meta)
            if signed_top:
                who = content[k + 1][1]
                a = who.start + (len(who.text) - len(who.text.lstrip()))
                seg.issuers.append((nxt, a, a + len(nxt)))
                date_line = content[k + 2][1]
                seg.date, seg.date_span = iso_date(DATE_LINE_RE.match(date_line.text)), (date_line.start, date_line.end)
            else:
                _fill_issuers_and_date(seg, text, lines, [])
            if seg.issuers:
                return seg
        if addressed or headed or named:
            start = parts[0].start + (len(parts[0].text) - len(parts[0].text.lstrip()))
            seg = PolicySegment(start=0, end=len(text), key=name_key(title), title=title,
                                title_span=(start, ln.end), kind=policy_kind(title), body_start=ln.end)
            _apply_fields(seg, meta)
            _fill_issuers_and_date(seg, text, lines, [x for x in lines[:content[first][0]] if not is_furniture(x.text)])
            below = _DATE_BELOW.match(nxt)
            if below:
                _issued_below(seg, text, content[k + 1][1], below)
            if addressed or named or seg.issuers:
                return seg
    return _addressed_notice(text, lines, content, meta)


def _title_start(prev: Line, line: Line) -> bool:
    """Whether ``prev`` opens a title that ``line`` ends: no sentence of its own, and the issuers
    and 关于 of the title before the line's words (东川省教育厅 东川省财政厅关于推进)."""
    p = prev.stripped
    return (len(p) <= 40 and not re.search(r"[。：:；;，,》]", p) and not prev.is_table_row
            and not policy_kind(p) and ("关于" in p or bool(title_issuers(p + "关于"))))


# A news headline that reports a document rather than being one: 我市出台…实施方案, 省教育厅印发….
_NEWS_HEADLINE = re.compile(r"出台|印发|发布|下发|制定|颁布|召开|举行|解读|启动|通过|审议")
# The date of a document printed in brackets under its title: （2031年1月5日）, with the bodies that
# issued it before it (（中共X县委办公室 X县人民政府办公室 2031年6月12日印发）).
_DATE_BELOW = re.compile(rf"^[（(]\s*(?P<who>[^（()）\d]{{2,80}}?)?\s*{DATE_PATTERN}\s*(?:印发|发布|制定)?\s*[）)]$")


def _issued_below(seg: PolicySegment, text: str, line: Line, below: re.Match[str]) -> None:
    """The bracketed line under a title: its date, and its bodies as issuers where the title
    names none (…工作方案 / （X市人民政府办公室2032年2月20日印发））."""
    if seg.date is None:
        seg.date, seg.date_span = iso_date(below), (line.start, line.end)
    who = (below.group("who") or "").strip()
    names = issuer_list(who) if who and not seg.issuers else []
    base = line.start
    for name in names:
        k = text.find(name, base, line.end)
        seg.issuers.append((name, k, k + len(name)))
        base = k + len(name)


def _furniture_below(lines: list[Line], i: int) -> bool:
    """Whether the first non-empty line after lines[i] is page furniture."""
    nxt = next((ln for ln in lines[i + 1:i + 4] if ln.stripped), None)
    return nxt is not None and is_furniture(nxt.text)


def _addressed_notice(text: str, lines: list[Line], content: list[tuple[int, Line]],
                      meta: dict[str, tuple[str, int, int]]) -> PolicySegment | None:
    """A notice printed without its title line: the page opens on its addressee (各高等职业院校：)
    and its first sentence issues a document (现将《X》印发给你们 / 予以印发). The notice and X are one
    policy for the page: titled X, numbered by the page's 文号 field, signed above its date line."""
    if not content or not content[0][1].stripped.endswith(("：", ":")) or len(content[0][1].stripped) > 120:
        return None
    body = content[0][1].end
    found = _issued_title(text, body, len(text))
    if found is None:
        return None
    title, ts, te = found
    named = meta.get("title")
    if named and policy_kind(named[0]) and name_key(named[0]) != name_key(title):
        # the page names the notice in its fields (名称：X关于印发Y的通知): the page is that notice,
        # and Y, issued by it, follows its signature as a policy of its own
        title, ts, te = re.sub(r"\s+", " ", named[0]), named[1], named[2]
    seg = PolicySegment(start=0, end=len(text), key=name_key(title), title=title, title_span=(ts, te),
                        kind=policy_kind(title), body_start=body)
    _apply_fields(seg, meta)
    _fill_issuers_and_date(seg, text, lines, [])
    return seg


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
    # X等九部门关于…: the title names the lead only; the signature lists every issuer
    joint = bool(seg.title and _JOINT_TITLE.search(seg.title))
    prev: Line | None = None
    above: list[Line] = []  # the non-empty lines before this one, nearest last
    for ln in seg_lines:
        if not ln.stripped:
            continue
        m = DATE_LINE_RE.match(ln.text) or PRINTED_RE.search(ln.text)
        if m and not ln.is_table_row and not is_furniture(ln.text):
            if seg.date is None:
                seg.date, seg.date_span = iso_date(m), (ln.start, ln.end)
                who = m.groupdict().get("who")
                have = {name_key(n) for n, _, _ in seg.issuers}
                if (not seg.issuers or joint) and who and issuer_list(who):
                    base, names = ln.start + m.start("who"), issuer_list(who.strip())
                elif (not seg.issuers or joint) and prev is not None and issuer_list(prev.stripped):
                    block = _signature_block(above)  # a joint signature may run over several lines
                    base, names = block[0].start, [n for b in block for n in issuer_list(b.stripped)]
                else:
                    base, names = 0, []
                for name in names:
                    k = text.find(name, base)
                    if name_key(name) not in have:
                        seg.issuers.append((name, k, k + len(name)))
        prev = ln
        above.append(ln)
    if seg.date is None and "date" in fields:
        dm = re.search(DATE_PATTERN, fields["date"][0])
        if dm:
            seg.date = iso_date(dm)
    if seg.title and "印发" not in seg.title:
        _add_drafter(seg, text, seg_lines)


# The drafting body under a plan's title line and above its bracketed month
# (东川省职业教育发展规划 / （2031—2035年）东川省教育厅 / （二〇三一年三月）).
_DRAFTER = re.compile(r"^\s*(?:[（(][^（()）]{0,20}[）)])?\s*(?P<who>[^\s（()）]{3,40})\s*$")
_MONTH_LINE = re.compile(r"^\s*[（(]\s*(?:(?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})\s*年[^（()）]{1,8}[）)]\s*$")


def _signature_block(above: list[Line]) -> list[Line]:
    """The signature lines right above a date line: the nearest, and up to three more above it
    that name only bodies (东川省教育厅 东川省财政厅 / 东川省总工会)."""
    block = [above[-1]]
    for ln in reversed(above[-4:-1]):
        if not issuer_list(ln.stripped) or re.search(r"[：:]", ln.stripped):  # not a 责任单位：… line
            break
        block.insert(0, ln)
    return block


_JOINT_TITLE = re.compile(r"^[^关]{2,30}?等\s*[\d一二三四五六七八九十]{1,3}\s*个?(?:部门|单位|部委)")


def _add_drafter(seg: PolicySegment, text: str, seg_lines: list[Line]) -> None:
    """A plan's drafting body is one of its issuers: the line above a bracketed month, after the
    signature's date (a notice issuing the plan signs first)."""
    if seg.date_span is None:
        return
    after = [ln for ln in seg_lines if ln.start >= seg.date_span[1] and ln.stripped][:4]
    have = {name_key(n) for n, _, _ in seg.issuers}
    for ln, nxt in zip(after, after[1:]):
        m = _DRAFTER.match(ln.text)
        if m and _MONTH_LINE.match(nxt.text):
            for name in issuer_list(m.group("who")):
                k = text.find(name, ln.start, ln.end)
                if k >= 0 and name_key(name) not in have:
                    seg.issuers.append((name, k, k + len(name)))
            return


def segment_at(segments: tuple[PolicySegment, ...], pos: int) -> PolicySegment | None:
    for seg in segments:
        if seg.start <= pos < seg.end:
            return seg
    return None
