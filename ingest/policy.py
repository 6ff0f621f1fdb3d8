"""Policies, their issuers, dates and lineage, and the quantified targets they set.

- A Policy per header block (number alone on its line + title), keyed by its normalised number
  (东教发〔2023〕12号 = 东教发(2023)12号), else by its normalised title; a document holding
  several notices gives several policies.
- ISSUED_BY Policy → Agency from the title (X关于…), the letterhead (X文件) or the signature.
- A Policy for every cited policy (《title》, a number, or 《title》（number） as one), and
  IMPLEMENTS from the citing policy when the clause says so (转发, 落实, 贯彻, 根据, 按照 ...).
- Targets (read in ingest.policy_targets): 到20xx年 followed by quantified goals (N个/所/门/项 … 左右); a
  sentence listing several goals gives one Target each; HAS_TARGET Policy → Target.

>>> from ingest.model import Document
>>> doc = Document("d", "d.txt", "东川省教育厅文件\\n\\n东教发〔2023〕12号\\n\\n东川省教育厅关于推进合作的实施意见\\n\\n"
...                "到 2022 年，建设 30 个左右职业教育协作体，200 门左右精品在线开放课程。")
>>> sorted({(f.type, f.target.name) for f in extract(doc).facts})
[('HAS_TARGET', '到2022年，建设200门左右精品在线开放课程'), ('HAS_TARGET', '到2022年，建设30个左右职业教育协作体'), ('ISSUED_BY', '东川省教育厅')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.normalize import name_key
from ingest.model import Document, Extraction, Fact, Mention
from ingest.agencies import canonical_agency, national_prefix
from ingest.policy_text import (
    DATE_LINE_RE, PUBLIC_RE, is_agency_name, issuer_list, lines_of, on_reading_view, policy_kind, title_issuers,
)
from ingest.policy_segments import PolicySegment, segment_at, segment_policies
from ingest.policy_cite import Citation, find_citations
from ingest.policy_parties import agency_name, is_bare_place, leading_parties
from ingest.policy_targets import clause_end, target_mentions
from ingest.resolve import QUALIFIED, rule_key

def agency_mentions(doc: Document, surface: str, places: dict[str, str] | None, start: int = -1,
                    end: int = -1) -> list[Mention]:
    """Mentions of a government body as a policy names it: the first is the one facts use, named
    with its place spelled out (市发改委 → 岚州市发改委); all carry the key of the body's canonical
    form (ingest.agencies: 岚州市发展和改革委员会), so every form of it is one node. The surface as
    written is kept as a second mention when it differs (an alias of the node), unless it is a bare
    place (临江市 in a 责任单位 column): a place's name is no alias of its government."""
    name = agency_name(surface, places)
    canonical = canonical_agency(name, places)
    props = {"key": rule_key(canonical, "Agency"), QUALIFIED: written_or_canonical(name, canonical)}
    out = [Mention("Agency", name, doc.id, start, end, properties=dict(props))]
    raw = re.sub(r"\s+", "", surface)
    if raw and raw != name and not is_bare_place(raw):  # 临江市 for 临江市人民政府 names the place, not the body
        out.append(Mention("Agency", raw, doc.id, start, end, properties=dict(props)))
    return out


def written_or_canonical(name: str, canonical: str) -> str:
    """The form a body's node is named by: the written form where it is a full name of the body
    (人力资源社会保障厅 for 人力资源和社会保障厅: the 和 is the one difference), so the node keeps
    the form the documents use; the canonical form for a short one (发改委, 发展改革委).

    >>> written_or_canonical("岚州市人力资源社会保障局", "岚州市人力资源和社会保障局")
    '岚州市人力资源社会保障局'
    >>> written_or_canonical("岚州市发改委", "岚州市发展和改革委员会")
    '岚州市发展和改革委员会'
    """
    return name if name.replace("和", "") == canonical.replace("和", "") else canonical


LINEAGE_VERBS = re.compile(r"转发|贯彻|落实|根据|按照|依据|依照|遵照|执行|实施|对照|细化")
_CLAUSE_BOUNDARY = re.compile(r"[。；;！？!?\n，,：:]")

def policy_mentions(doc: Document, seg: PolicySegment) -> list[Mention]:
    """The mentions of a policy from its header: one named by its number, one by its title."""
    props = {"key": seg.key, "number": seg.number, "title": seg.title, "kind": seg.kind,
             "date": seg.date, "issuer": [n for n, _, _ in seg.issuers]}
    props = {k: v for k, v in props.items() if v not in (None, [], "")}
    out = []
    if seg.number and seg.number_span:
        out.append(Mention("Policy", seg.number, doc.id, *seg.number_span, properties=dict(props)))
    if seg.title and seg.title_span:
        out.append(Mention("Policy", seg.title, doc.id, *seg.title_span, properties=dict(props)))
    return out


def citation_mention(doc: Document, c: Citation) -> Mention:
    props = {"key": c.key, "number": c.number, "title": c.title, "kind": c.kind}
    return Mention("Policy", c.number or c.title or c.key, doc.id, c.start, c.end,
                   properties={k: v for k, v in props.items() if v})


def _is_lineage(text: str, c: Citation) -> bool:
    """Whether the clause around a citation says the citing policy implements it."""
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if "\t" in line or line.lstrip().startswith("|"):
        return False  # a task-list cell: the task will implement it, not this policy
    before = text[line_start:c.start]
    cut = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(before)), default=0)
    if LINEAGE_VERBS.search(re.sub(r"《[^《》]*》", "", before[cut:])):
        return True
    after = text[c.end:c.end + 60]
    close = re.match(r"^[^（(）)]*?[）)]", after)  # the rest of a parenthetical (…以下简称《意见》）
    if close:
        after = after[close.end():]
    return bool(re.match(r"^\s*(?:等?文件)?(?:精神)?\s*转发", after))


def lineage_facts(doc: Document) -> Extraction:
    """Policies cited in the document, their title issuers, and IMPLEMENTS from the citing policy."""
    out = Extraction()
    segments = segment_policies(doc.text)
    prev: tuple[Citation, list[tuple[str, int]]] | None = None  # the last title and its issuers
    grounds: list[Citation] = []  # titles cited as grounds (根据《…》) so far
    last_title: Citation | None = None
    for c in find_citations(doc.text):
        cited = citation_mention(doc, c)
        out.mentions.append(cited)
        if c.number and c.title:  # 《title》（number）: the title is a name of the same policy
            out.mentions.append(Mention("Policy", c.title, doc.id, c.start, c.end, properties=dict(cited.properties)))
        issuers = [(n, doc.text.find(n, c.start, c.end)) for n in title_issuers(c.title or "")]
        if issuers and c.title and doc.text[c.start - 1:c.start] != "《" and "关于" in c.title:
            # named without 《》 (落实X关于…的意见): the title proper is from 关于 on
            about = c.title[c.title.index("关于"):]
            out.mentions.append(Mention("Policy", about, doc.id, c.start, c.end, properties=dict(cited.properties)))
        ev = (c.start, c.end)
        if not issuers and c.title and c.kind:
            issuers, ev = context_issuers(doc.text, c.start), (c.start, c.end)
            if not issuers and prev is not None and _JOINED.match(doc.text[prev[0].end:c.start]):
                issuers = prev[1]  # X出台了《A》和《B》: B is X's too
            if issuers:
                ev = (min(k for _, k in issuers), c.end)
        if c.title:
            prev = (c, issuers)
        seg = segment_at(segments, c.start)
        places = {**(seg.places if seg else {}), **_list_places([n for n, _ in issuers])}
        for name, k in issuers:
            found = agency_mentions(doc, name, places, k, k + len(name) if k >= 0 else -1)
            out.mentions.extend(found)
            out.facts.append(Fact("ISSUED_BY", cited, found[0], doc.evidence(*ev)))
        _cited_targets(doc, c, cited, out)
        _title_lineage(doc, c, cited, out)
        seg = segment_at(segments, c.start)
        if c.title and _is_lineage(doc.text, c):
            grounds.append(c)
        if seg is None and issuers and c.title:
            _reported_lineage(doc, c, cited, grounds, out)
        if seg is None and c.title and last_title is not None:
            _stated_by_subject(doc, last_title, c, cited, out)
        if c.title:
            last_title = c
        if seg is None or seg.key == c.key or not _is_lineage(doc.text, c):
            continue
        # The citing policy is the one whose text holds the clause: a plan issued by a notice
        # (为落实《…》，制定本方案) implements what its own text names.
        part = next((p for p in policy_parts(doc.text, seg) if p.start <= c.start < p.end), None)
        citing = part_owner(doc, seg, part) if part is not None else policy_mentions(doc, seg)[0]
        if citing.properties.get("key") == c.key or _forwarded_inside(doc.text, seg, c):
            continue
        s, e = _clause_span(doc.text, c.start, c.end)
        out.facts.append(Fact("IMPLEMENTS", citing, cited, doc.evidence(s, e)))
    return out


def _forwarded_inside(text: str, seg: PolicySegment, c: Citation) -> bool:
    """A 转发 title naming the plan (关于转发《X》的通知) whose text forwards the notice that issued it
    (现将…《关于印发〈X〉的通知》（number）转发给你们): the notice forwards that notice, so its lineage
    is the number, not X."""
    if not (seg.title_span and seg.title_span[0] <= c.start < seg.title_span[1]) or "转发" not in (seg.title or ""):
        return False
    inner = name_key(c.title or "")
    return bool(inner) and any(
        d.key != c.key and d.start >= seg.body_start and d.start < seg.end and d.title
        and inner in name_key(d.title) and len(name_key(d.title)) > len(inner) and _is_lineage(text, d)
        for d in find_citations(text))


def _reported_lineage(doc: Document, c: Citation, cited: Mention, grounds: list[Citation], out: Extraction) -> None:
    """A page reporting an issue (根据《A》（号）的安排，…，X发布了“B”) with no policy of its own:
    B implements the A its sentence gives as ground."""
    start = max(doc.text.rfind(ch, 0, c.start) for ch in "\n。！？") + 1
    for a in grounds:
        if start <= a.start < c.start and a.key != c.key:
            s, _ = _clause_span(doc.text, a.start, a.end)
            out.facts.append(Fact("IMPLEMENTS", cited, citation_mention(doc, a), doc.evidence(s, c.end)))


# A report naming what a document carries out: 《方案》是落实《…》的具体举措, 《A》作为贯彻《B》的….
_SUBJECT_IMPLEMENTS = re.compile(r"^\s*(?:[（(][^（()）]{0,40}[）)])?\s*(?:是|系|作为|为)(?:我[省市县区])?"
                                 r"(?:深入)?(?:贯彻落实|贯彻|落实|实施|执行)\s*$")


def _stated_by_subject(doc: Document, a: Citation, c: Citation, cited: Mention, out: Extraction) -> None:
    """On a page with no policy of its own: 《A》是落实《B》的举措 gives A IMPLEMENTS B."""
    if a.key != c.key and _SUBJECT_IMPLEMENTS.match(doc.text[a.end:c.start]):
        out.facts.append(Fact("IMPLEMENTS", citation_mention(doc, a), cited, doc.evidence(*_clause_span(doc.text, a.start, c.end))))


# A title that names what it implements: 贯彻实施国务院某某决定的意见, 关于贯彻落实《…》的实施意见.
_IMPLEMENTING_TITLE = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,30}?关于)?(?:认真)?(?:贯彻落实|贯彻实施|贯彻|落实|实施)《?(?P<x>[\u4e00-\u9fff（()）—\d]{4,60}?"
    r"(?:决定|意见|纲要|规划|方案|条例|法))》?(?:精神)?的(?:实施意见|意见|实施方案|方案|通知|办法|措施|实施细则)$")


def _title_lineage(doc: Document, c: Citation, cited: Mention, out: Extraction) -> None:
    """IMPLEMENTS from a cited policy to the policy its title says it implements, a Policy of its own
    (with the issuer its name opens with: 国务院某某决定 → 国务院)."""
    m = _IMPLEMENTING_TITLE.match(c.title or "")
    if m is None or "《" in (c.title or ""):
        return  # a 《》 inside a title is a citation of its own (find_citations)
    x = m.group("x")
    props = {"key": name_key(x), "title": x, "kind": policy_kind(x)}
    target = Mention("Policy", x, doc.id, c.start, c.end, properties={k: v for k, v in props.items() if v})
    out.mentions.append(target)
    out.facts.append(Fact("IMPLEMENTS", cited, target, doc.evidence(c.start, c.end)))
    names = title_issuers(x) or [n for n in (national_prefix(x),) if n]
    for name in names:
        found = agency_mentions(doc, name, None)
        out.mentions.extend(found)
        out.facts.append(Fact("ISSUED_BY", target, found[0], doc.evidence(c.start, c.end)))


# Before a cited title, who issued it: X、Y联合下发的《…》, X日前印发《…》, X《关于…》.
_ISSUE_VERB = re.compile(r"(?:联合|共同)?(?:日前|近日|近期|最近|于近日|先后|相继|陆续|正式|专门)?(?:联合|共同)?"
                         r"(?:印发|下发|发布|出台|制定|颁布|公布)(?:了|的)?\s*$")
# Where a sentence opens with its time (2031年、5月8日、近日、日前、近年来), before its subject.
_OPENING_TIME = re.compile(r"^(?:(?:(?:19|20)\d{2}\s*年)?(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日)?|近日|日前|近年来|今年以来)\s*[，,]?")
_LEAD_IN = re.compile(r".*(?:了|的|是|由|将|对|在|把|经|据|按照|根据|依据|依照|贯彻|落实|学习|传达|宣读|解读|执行|遵照"
                      r"|(?:部署|要求|精神|规定)(?:及|以及|和))")  # 《A》有关部署及X、Y联合印发的《B》


def context_issuers(text: str, start: int) -> list[tuple[str, int]]:
    """The bodies named right before a cited title as its issuers, with their offsets."""
    line_start = max(text.rfind(ch, 0, start) for ch in "\n。；！？") + 1
    before = text[max(line_start, start - 120):start]
    base = start - len(before)
    verb = _ISSUE_VERB.search(before)
    head = before[:verb.start()] if verb else before
    # X、Y、Z等联合颁布《…》: the list is given; 教育部等九部门印发的《…》: the lead is named
    head = re.sub(r"等\s*(?:[\d一二三四五六七八九十]{1,3}\s*个?(?:部门|单位|部委))?\s*$", "", head)
    cut = max((m.end() for m in re.finditer(r"[，,：:》]", head)), default=0)  # after an earlier title too
    names: list[str] = []
    tokens = head[cut:].split("、")
    for i in range(len(tokens) - 1, -1, -1):  # from the title back: whole bodies, the first after its lead-in
        tok = tokens[i].strip()
        whole = issuer_list(tok) if tok else []
        if whole and not (i == 0 and _LEAD_IN.match(tok)):
            names[:0] = whole
            continue
        lead = _LEAD_IN.match(tok)
        rest = tok[lead.end():] if lead else ""
        found = issuer_list(rest) if rest else []
        if found:
            names[:0] = found
        break
    if not names and verb and not head[cut:].strip(" 先后相继陆续也还又"):
        return _subject_issuers(text, line_start, start)
    if not names and _NOW_ISSUED.fullmatch(head[cut:]):
        return _approved_by(text, base, base + cut)
    out, pos = [], base + cut
    for n in names:
        k = text.find(n, pos, start)
        if k < 0:
            return []
        out.append((n, k))
        pos = k + len(n)
    return out


# 经X、Y等8部门联合审议通过，现将《…》印发: the bodies that approved it issue it.
_NOW_ISSUED = re.compile(r"\s*(?:现|特|今)将\s*")
_APPROVED = re.compile(r"经(?P<who>[^，,。；;：:]{2,80}?)(?:等\s*[\d一二三四五六七八九十]{1,3}\s*个?(?:部门|单位|部委))?"
                       r"(?:联合|共同)?(?:审议|研究|审定|审核)(?:通过|同意)\s*[，,]\s*$")


def _approved_by(text: str, base: int, cut: int) -> list[tuple[str, int]]:
    m = _APPROVED.search(text, base, cut)
    if m is None:
        return []
    out, pos = [], m.start("who")
    for n in issuer_list(m.group("who")):
        k = text.find(n, pos, m.end("who"))
        if k < 0:
            return []
        out.append((n, k))
        pos = k + len(n)
    return out


# Between two titles cited under one verb: 《A》和《B》, 《A》、《B》, 《A》（number）及《B》.
_JOINED = re.compile(r"^\s*(?:[（(][^（()）]{0,30}[）)])?\s*(?:和|及|以及|与|、)?\s*$")


def _subject_issuers(text: str, line_start: int, start: int) -> list[tuple[str, int]]:
    """The subject of the sentence as the issuer where the issuing verb has none of its own:
    岚州市委、市政府高度重视…，近年来，先后出台了《…》; 2031年省政府召开会议，印发了《…》."""
    sentence = text[line_start:start]
    opening = _OPENING_TIME.match(sentence.lstrip())
    lead = len(sentence) - len(sentence.lstrip()) + (opening.end() if opening else 0)
    clause = re.split(r"[，,：:]", sentence[lead:], maxsplit=1)[0]
    out, pos = [], line_start + lead
    for n in leading_parties(clause):
        if not is_agency_name(n):
            return []
        k = text.find(n, pos, start)
        if k < 0:
            return []
        out.append((n, k))
        pos = k + len(n)
    return out


def _list_places(names: list[str]) -> dict[str, str]:
    """Places a list of bodies names (青岚省教育厅、省工信委 → {省: 青岚省}), for its 省X members."""
    seg = PolicySegment(0, 0, "", issuers=[(n, 0, 0) for n in names])
    return seg.places


def _cited_targets(doc: Document, c: Citation, cited: Mention, out: Extraction) -> None:
    """Targets a page reports for a cited policy: 《…》提出，到2020年，建成300个… ."""
    after = doc.text[c.end:c.end + 30]
    m = re.match(r"^\s*(?:[（(][^（()）]{0,30}[）)])?\s*[，,]?\s*(?:中|里)?\s*(?:提出|明确|要求|指出|确定)\s*[，,：:]?", after)
    if m is None:
        return
    begin = c.end + m.end()
    stop = clause_end(doc.text, begin, len(doc.text))
    for target, (s, e) in target_mentions(doc, begin, min(stop + 1, len(doc.text))):
        target.properties.pop("responsible", None)
        out.mentions.append(target)
        out.facts.append(Fact("HAS_TARGET", cited, target, doc.evidence(s, e)))


def _clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end), for evidence."""
    s = max(text.rfind(ch, 0, start) for ch in "。；\n") + 1
    ends = [i for i in (text.find(ch, end) for ch in "。；\n") if i >= 0]
    return s, (min(ends) + 1 if ends else len(text))


# ---- policies issued as attachments --------------------------------------------------------
@dataclass
class PolicyPart:
    """A stretch of a segment and whose it is: the segment's own policy (citation None), or a
    policy the segment issues as an attachment (国务院关于印发《职业教育数字化转型实施方案》的通知,
    then, after the date line or 附件, the plan under its own title line)."""

    start: int
    end: int
    citation: Citation | None = None


_ISSUING = re.compile(r"(?:印发|下发)给你们|予以印发|印发如下")


def issued_citations(text: str, seg: PolicySegment) -> list[Citation]:
    """The documents a notice issues in its opening sentence (现将《A》《B》印发给你们; 《A》已经同意，
    现印发给你们): the notice's issuers issue them, and the text after its signature is theirs."""
    head = text[seg.body_start:min(seg.end, seg.body_start + 600)]
    m = _ISSUING.search(head)
    if m is None:
        return []
    s = seg.body_start + max(head.rfind(ch, 0, m.start()) for ch in "。\n") + 1
    e = seg.body_start + m.end()
    return [c for c in find_citations(text) if c.title and c.kind and s <= c.start < e and c.key != seg.key
            and not _is_lineage(text, c)]  # 根据《…》，现将《A》印发: the ground is not issued


def policy_parts(text: str, seg: PolicySegment) -> tuple[PolicyPart, ...]:
    cited = {name_key(c.title): c for c in find_citations(text)
             if c.title and c.kind and seg.start <= c.start < seg.end and c.key != seg.key}
    issued = issued_citations(text, seg)
    lines = lines_of(text, seg.body_start, seg.end)
    if any(name_key(ln.stripped) in cited for ln in lines if ln.stripped and not ln.is_table_row):
        issued = []  # the document's own title line opens its text (below)
    parts: list[PolicyPart] = []
    start, owner, closed = seg.body_start, None, False
    for ln in lines:
        if DATE_LINE_RE.match(ln.text) or PUBLIC_RE.match(ln.text) or re.match(r"^[\s\-]*附件", ln.text):
            if len(issued) == 1 and owner is None and not parts and DATE_LINE_RE.match(ln.text):
                # the one document the notice issues follows its signature, its title line or not
                parts.append(PolicyPart(start, ln.end, owner))
                start, owner = ln.end, issued[0]
                continue
            closed = True
        elif closed and ln.stripped and not ln.is_table_row and name_key(ln.stripped) in cited:
            parts.append(PolicyPart(start, ln.start, owner))
            start, owner, closed = ln.end, cited[name_key(ln.stripped)], False
    parts.append(PolicyPart(start, seg.end, owner))
    return tuple(parts)


def part_owner(doc: Document, seg: PolicySegment, part: PolicyPart) -> Mention:
    """The policy a part of a segment belongs to."""
    return policy_mentions(doc, seg)[0] if part.citation is None else citation_mention(doc, part.citation)


def _base_year(seg: PolicySegment) -> int | None:
    """The year a policy was issued (its date, else its number), for 经过三年努力."""
    if seg.date:
        return int(seg.date[:4])
    m = re.search(r"(?:19|20)\d{2}", seg.number or "")
    return int(m.group()) if m else None


def _plan_year(seg: PolicySegment, owner: Mention) -> int | None:
    """The year a policy is for, where its title names one (2031年职业教育工作要点): its 全年 goals."""
    title = str(owner.properties.get("title") or seg.title or "")
    years = re.findall(r"(?<![\d—\-－至到])((?:19|20)\d{2})\s*年(?![\d—\-－至到])", title)
    return int(years[0]) if len(years) == 1 else None


@on_reading_view
def extract(doc: Document) -> Extraction:
    """Policies, issuers, dates, cited policies, lineage and targets of one document."""
    out = Extraction()
    for seg in segment_policies(doc.text):
        mentions = policy_mentions(doc, seg)
        out.mentions.extend(mentions)
        policy = mentions[0]
        for name, s, e in seg.issuers:
            found = agency_mentions(doc, name, seg.places, s, e)
            out.mentions.extend(found)
            agency = found[0]
            if s < seg.body_start:  # letterhead or title: the header block shows number and title
                ev_start = min(s, seg.number_span[0] if seg.number_span else s)
                ev_end = max(e, seg.title_span[1] if seg.title_span else e)
            else:  # signature: the signature and its date line
                ev_start, ev_end = s, max(e, seg.date_span[1] if seg.date_span else e)
            out.facts.append(Fact("ISSUED_BY", policy, agency, doc.evidence(ev_start, ev_end)))
        for c in issued_citations(doc.text, seg):  # 现将《A》《B》印发给你们: the notice's issuers issue them
            issued = citation_mention(doc, c)
            out.mentions.append(issued)
            for name, _, _ in seg.issuers:
                found = agency_mentions(doc, name, seg.places)
                out.mentions.extend(found)
                out.facts.append(Fact("ISSUED_BY", issued, found[0], doc.evidence(*_clause_span(doc.text, c.start, c.end))))
        for part in policy_parts(doc.text, seg):
            owner = part_owner(doc, seg, part)
            if part.citation is not None:
                out.mentions.append(owner)
                if seg.title and "印发" in seg.title and seg.title_span:  # the notice issues it
                    for name, _, _ in seg.issuers:
                        found = agency_mentions(doc, name, seg.places)
                        out.mentions.extend(found)
                        out.facts.append(Fact("ISSUED_BY", owner, found[0], doc.evidence(*seg.title_span)))
                    # 印发 issues the plan (it does not implement it); the plan keeps the notice's key
                    # so a trace of the notice's number reaches the plan's targets and measures.
                    owner.properties["issued_with"] = seg.key
            for target, (s, e) in target_mentions(doc, part.start, part.end, _base_year(seg), _plan_year(seg, owner)):
                out.mentions.append(target)
                out.facts.append(Fact("HAS_TARGET", owner, target, doc.evidence(s, e)))
                for dept, role in target.properties.pop("responsible", []):  # （责任单位：…） after the goal
                    found = agency_mentions(doc, dept, seg.places)
                    out.mentions.extend(found)
                    out.facts.append(Fact("RESPONSIBLE_FOR", found[0], target, doc.evidence(s, e),
                                          properties={"column": "stated", "role": role}))
    out.extend(lineage_facts(doc))
    return out
