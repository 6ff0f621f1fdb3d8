"""Relations read from sentence patterns (outside tables).

- LEADS: 由X牵头(组建/成立), X(联合)牵头的Y, X牵头组建Y, X任/担任理事长(主席)单位
- MEMBER_OF: 新发展了X、Y等N家成员单位; 加入(了)…Y; X、Y…等共同参与; X与Y…共同成立/组建Z; 联合X、Y组建Z
- PARTNERS_WITH: X与Y(签订/签约/合作/共建/联合/建立…), X、Y签订…协议, X为Y授牌, 在X、Y等企业遴选
  (公共)实训基地, 作为学校实训基地之一的Y, 学校对接X企业; ``kind`` says which (实训基地, 订单班 ...)
- names without a suffix in a typed list (与星河、云帆等企业, ``orgs.find_listed``) take part too
- member counts: 现有成员单位345个 / 由205家增加到345家 → ``member_count`` on the group mention

Anaphora: 联盟/此联合体/该集团 mean the group the text last named; 学校/我校 mean the school named in
the title of the current case (【案例 5-4】临江市外贸服务学校…), or, for a case whose title names no
school and whose body names none before, the school of the previous case of the same chapter.

The page is cut into sentences, and its head read, by ``ingest.sentence_spans``; the rules on group
roles and on partnerships are the mixins ``ingest.group_roles`` and ``ingest.partners``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.model import Document, Extraction, Fact, Mention
from ingest.orgnames import defined_short_forms, find_listed, find_orgs
from ingest.cues import contiguous_after as _contiguous_after
from ingest.cues import contiguous_before as _contiguous_before
from ingest.cues import partner_kind
from ingest.group_roles import GroupRoleRules
from ingest.partners import PartnerRules
from ingest.sentence_spans import (CASE_RE, HEADING_RE, Sentence, header_school, split_sentences, title_groups,
                                   title_opener, title_school, title_spans)
from ingest.tables import table_names

_SCHOOL_REF_RE = re.compile(r"(?:学校|我校|本校|该校|该院|我院|本院)")
# A school as a sentence's subject by a word for it (当天，该院还与X签订…；与Y签约…: Y's partner is it).
_OPENING_REF_RE = re.compile(r"(?:学校|我校|本校|我院|本院|该校|该院)")
_GROUP_REF_RE = re.compile(r"(?:此|该|本)?(?:联盟|职教集团|集团|联合体|共同体|协作体)")
# Building a college together (合作共建“某某学院”): the college is a joint body (Group), not a school.
_BUILT_COLLEGE_RE = re.compile(r"(?:共建|共同建设|合作建设|联合(?:创办|组建|共建))的?[“\"「]?$")


@dataclass
class _Context:
    group: Mention | None = None
    case_school: Mention | None = None
    case_chapter: str | None = None
    last_titled: tuple[str, Mention] | None = None  # (chapter, school) of the last titled case
    fallback: Mention | None = None
    in_case: bool = False
    school: Mention | None = None  # the school the text named last



@dataclass
class _Here:
    """One sentence being read: its span, org mentions, text, partnership kind, named groups."""

    s: Sentence
    ms: list[Mention]
    sent: str
    kind: str | None
    groups: list[Mention]

    @property
    def subject_group(self) -> Mention | None:
        return self.groups[0] if self.groups else None


class _Reader(GroupRoleRules, PartnerRules):
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.names = table_names(doc)
        # Every name the document spells out: a fragment of common words (汽车工程学校) stands
        # for the one longer name it ends.
        found = find_orgs(self.text, 0, len(self.text), doc.id, self.names)
        self.context = frozenset(self.names | {m.name for m in found})  # frozen: lookups index it once
        self.found = found  # every name of the page, for short forms (ingest.partners)
        self.defined = defined_short_forms(self.text, found)  # 以下简称 forms → the type of their body
        self.doc_school = title_school(self.text, found)
        self.home_school = self.doc_school or header_school(self.text, doc.id, self.names, self.context)
        self.title_groups = title_groups(self.text, found)
        self.title_opener = title_opener(self.text, found)
        self.seen_groups: list[Mention] = []  # every group named so far, in order
        self.prev_groups: list[Mention] = []  # the groups the previous sentence named
        self.cur_groups: list[Mention] = []  # the groups the current sentence names
        self.ctx = _Context()
        self.ex = Extraction()
        self.subjects: dict[tuple[int, int], Mention | None] = {}
        self.listed: set[tuple[int, int]] = set()  # spans of names typed by their list (find_listed)
        self.prev_opener: Mention | None = None  # the school that opened the previous sentence
        self.subject_school: Mention | None = None  # the last school named as a sentence's subject
        self.read_any = False
        self.page_school: Mention | None = None  # the school the page's first sentence is about
        self.built_colleges: set[str] = set()  # colleges the page says two bodies build (共建“某某学院”)
        self.prev_ms: list[Mention] = []  # the bodies the previous sentence named
        self.list_head: tuple[str, Mention] | None = None  # (role word, group) of a 名单如下： heading

    # -- anaphora -----------------------------------------------------------------------------
    def _salient_group(self, word: str, pos: int) -> Mention | None:
        """The group an anaphor (该联合体, 集团, 本联盟) at ``pos`` means: one named earlier in the
        sentence, else in the previous sentence, else in the title, else the last one named; one
        of the anaphor's kind (联合体 → …联合体) before any other."""
        cands = [*(g for g in reversed(self.cur_groups) if g.end <= pos), *reversed(self.prev_groups),
                 *self.title_groups, *reversed(self.seen_groups)]
        for k in ("联合体", "共同体", "联盟", "集团", "协作体", "产业学院"):
            if k in word:
                hit = next((g for g in cands if k in g.name), None)
                if hit is not None:
                    return hit
                break
        return cands[0] if cands else None

    def _near_group(self, pos: int) -> Mention | None:
        """The group a role word without a named group (…为理事单位) means: one the sentence named
        before it, else the previous sentence, else the title; never a group named further back."""
        cands = [*(g for g in reversed(self.cur_groups) if g.end <= pos), *reversed(self.prev_groups),
                 *self.title_groups]
        if not cands:
            return None
        g = cands[0]
        return Mention(g.type, g.name, self.doc.id, pos, pos)

    def _ref(self, kind: str, start: int, end: int) -> Mention | None:
        if kind == "group":
            target = self._salient_group(self.text[start:end], start)
        else:
            target = self.ctx.case_school or self.ctx.fallback
        if kind == "school" and target is None and not self.ctx.in_case:
            target = self.home_school  # a school's own report or news page: 学校/我校 is that school
            # else the school the page's first sentence is about (a school's profile or news), else
            # the school that opens the page's title (临江职院携手…签约)
            target = target or self.page_school or self.title_opener
        if kind == "school" and self.text[start:end] in ("该校", "该院") and not self.ctx.in_case:
            target = self.ctx.school  # 该校 points back to the school the text last named
        if target is None:
            return None
        return Mention(target.type, target.name, self.doc.id, start, end)

    def _college_ref(self, start: int, end: int) -> Mention | None:
        """The college a bare 学院 as a subject means: the case's or page's school, else the last
        school that opened a sentence, else the one the text last named, when it is a 学院."""
        for target in (self.ctx.case_school if self.ctx.in_case else None, self.home_school, self.subject_school,
                       self.ctx.school):
            if target is not None and target.type == "School" and target.name.endswith("学院"):
                return Mention(target.type, target.name, self.doc.id, start, end)
        return None

    def _clause_school(self, s: Sentence, ms: list[Mention]) -> Mention | None:
        """The school that opens a clause of the sentence (作为…，X以…为使命) when it is the only
        school the sentence names: its subject."""
        if len({m.name for m in ms if m.type == "School"}) != 1:
            return None
        for m in ms:
            if m.type == "School" and re.search(r"(?:^|[，,：:])\s*$", self.text[s.start:m.start]):
                return m
        return None

    def _opener(self, s: Sentence, ms: list[Mention]) -> Mention | None:
        """The school that opens a sentence (named, or 学校/我校/学院 as its subject), if any."""
        head = self.text[s.start:s.end]
        lead = len(head) - len(head.lstrip())
        # headings glued to the sentence (a short line with no full stop) are not its subject
        while (h := re.match(r"[^\n]{1,30}(?<![，,、：:])\n\s*", head[lead:])) and head[lead + h.end():].strip():
            lead += h.end()
        # 当天，X还…; 仪式现场，X分别与…: a time or place before the subject
        adv = re.match(r"[^，,。；;：:\n、]{1,10}[，,]\s*", head[lead:])
        if adv and not any(s.start + lead <= m.start < s.start + lead + adv.end() for m in ms) and \
                not re.search(r"[与和及同]", adv.group(0)) and (
                any(m.type == "School" and m.start == s.start + lead + adv.end() for m in ms)
                or _OPENING_REF_RE.match(head[lead + adv.end():])):
            lead += adv.end()
        if ms and any(m.type == "School" and m.start == s.start + lead for m in ms):
            return next(m for m in ms if m.start == s.start + lead)
        m = _OPENING_REF_RE.match(head[lead:])
        if m and m.group() in ("该校", "该院") and self.subject_school is not None and not self.ctx.in_case:
            # 该院 opening a sentence: the school the last sentences were about (their subject)
            o = self.subject_school
            return Mention(o.type, o.name, self.doc.id, s.start + lead, s.start + lead + m.end())
        if m:
            return self._ref("school", s.start + lead, s.start + lead + m.end())
        if head[lead:].startswith("学院"):
            return self._college_ref(s.start + lead, s.start + lead + 2)
        return None

    def _subject_before(self, s: Sentence, pos: int, ms: list[Mention]) -> Mention | None:
        """Who acts at ``pos``: a named org just before it in the clause, else 学校/联盟 …"""
        clause_start = s.start
        for m in re.finditer(r"[，,：:]", self.text[s.start:pos]):
            clause_start = s.start + m.end()
        prev = [m for m in ms if clause_start <= m.start and m.end <= pos]
        if prev:
            gap = self.text[prev[-1].end:pos]
            if len(gap.strip()) <= 6 and not re.search(r"[与和]", gap):
                return prev[-1]
        pre = self.text[clause_start:pos]
        college = re.fullmatch(r"\s*(学院)\s*(?:积极|主动|还|也|先后|已|已经|将|更)?\s*", pre)
        if college:  # 学院与X共建…: a college's own news speaks of itself as 学院
            ref = self._college_ref(clause_start + college.start(1), clause_start + college.end(1))
            if ref is not None:
                return ref
        for rx, kind in ((_SCHOOL_REF_RE, "school"), (_GROUP_REF_RE, "group")):
            found = list(rx.finditer(pre))
            if found:
                m = found[-1]
                return self._ref(kind, clause_start + m.start(), clause_start + m.end())
        if self.doc_school is not None and not self.ctx.in_case and re.fullmatch(
                r"\s*[\u4e00-\u9fff]{2,16}(?:专业群?|系|二级学院)\s*", pre):
            # 轮机工程技术专业与X合作…: in a school's own report a programme acts for the school.
            return self._ref("school", pos, pos)
        # The sentence subject (学校一直…，积极与X合作).
        head = self.text[s.start:min(pos, s.start + 8)].lstrip()
        off = s.start + (len(self.text[s.start:min(pos, s.start + 8)]) - len(head))
        for rx, kind in ((_SCHOOL_REF_RE, "school"), (_GROUP_REF_RE, "group")):
            m = rx.match(head)
            if m:
                return self._ref(kind, off + m.start(), off + m.end())
        if head.startswith("学院") and not re.search(r"[与和]", pre):
            ref = self._college_ref(off, off + 2)
            if ref is not None:
                return ref
        if not pre.strip() and clause_start > s.start and ms and ms[0].type != "Group" \
                and not self.text[s.start:ms[0].start].strip() \
                and not any(re.search(r"(?:^|[，,：:；;])\s*$", self.text[s.start:m.start])
                            for m in ms if ms[0].end <= m.start and m.end <= pos):
            # X为推动…，与Y共同创办…: a clause with no subject continues the body that opens the sentence
            # (no other body opens a clause between: the others are its objects, 与Y签约，与Z共建).
            return ms[0]
        if not pre.strip() and clause_start == s.start and self.prev_opener is not None and not self.ctx.in_case:
            # 学校创新…。与X等企业建立合作关系: a sentence with no subject continues the previous one's.
            o = self.prev_opener
            return Mention(o.type, o.name, self.doc.id, pos, pos)
        if not pre.strip() and clause_start > s.start and not self.ctx.in_case and \
                re.fullmatch(r"\s*[\u4e00-\u9fff]{1,6}[，,]\s*", self.text[s.start:clause_start]) and \
                not any(m.start < clause_start for m in ms):
            # 同时，与X签署…: after a time word the sentence continues the school the text acts for
            o = self.prev_opener or self.subject_school
            if o is not None:
                return Mention(o.type, o.name, self.doc.id, pos, pos)
        if not pre.strip() and clause_start > s.start and (opener := self._clause_opener(s, clause_start, ms)):
            # 仪式后，X还与A签订…，与B签署…: a clause with no subject continues the body that opened the
            # last clause with one (the group the text is about is no party to it)
            return opener
        if not pre.strip(" \t\r\n\uf000\uf0b2\uf06e\uf0d8\uf0a7") and not self.ctx.in_case:
            # An item with no subject (" 与省农科院合作的…") in a text about one group.
            return self._ref("group", pos, pos)
        return None

    def _clause_opener(self, s: Sentence, clause_start: int, ms: list[Mention]) -> Mention | None:
        """The org that opens the last clause before ``clause_start`` that opens with one (a time or
        place clause like 仪式后， is passed over); None when that org is a group."""
        bounds = [s.start] + [s.start + c.end() for c in re.finditer(r"[，,]", self.text[s.start:clause_start])]
        for a in reversed(bounds[:-1] if len(bounds) > 1 and bounds[-1] >= clause_start else bounds):
            first = next((m for m in ms if a <= m.start < clause_start), None)
            if first is not None and not self.text[a:first.start].strip():
                return first if first.type != "Group" else None
        return None

    # -- facts --------------------------------------------------------------------------------
    def _fact(self, rel: str, src: Mention | None, tgt: Mention | None, s: Sentence, **props) -> None:
        if src is None or tgt is None or src.name == tgt.name:
            return
        if rel in ("LEADS", "MEMBER_OF") and tgt.type != "Group":
            return
        if rel == "PARTNERS_WITH" and any((a.start, a.end) in self.listed and b.start == b.end and b.type == "Group"
                                          for a, b in ((src, tgt), (tgt, src))):
            return  # a listed name's partner must be named, not the group of a subjectless clause
        quote = self.text[s.start:s.end]
        a = s.start + len(quote) - len(quote.lstrip())
        ev = self.doc.evidence(a, max(a, s.start + len(quote.rstrip())))
        self.ex.facts.append(Fact(rel, src, tgt, ev, {k: v for k, v in props.items() if v}))

    def read(self) -> Extraction:
        for s in split_sentences(self.doc):
            titles = title_spans(self.text, s)
            ms = find_orgs(self.text, s.start, s.end, self.doc.id, self.names, self.context)
            # 与星河、云帆等企业: names without a suffix, typed by the head noun of their list.
            listed = find_listed(self.text, s.start, s.end, self.doc.id, ms, self.context)
            self.listed.update((m.start, m.end) for m in listed)
            ms = sorted((m for m in ms + listed if not any(a <= m.start and m.end <= b for a, b in titles)),
                        key=lambda m: m.start)
            ms = _with_defined(self.text, s.start, s.end, ms, self.defined, self.doc.id)
            self.ex.mentions.extend(ms)
            self.cur_groups = [m for m in ms if m.type == "Group"]
            if s.is_title:
                self._title(s, ms)
            else:
                if self.ctx.in_case and self.ctx.case_school is None and ms and ms[0].type == "School" \
                        and not self.text[s.start:ms[0].start].strip():
                    # 【案例 5-3】青峰文旅产教融合共同体建设 / 临江市外贸服务学校坚持…: the case's school.
                    self.ctx.case_school, self.ctx.fallback = ms[0], None
                if not self.read_any and any(m.type == "School" for m in ms):
                    self.read_any = True  # the first sentence that names a school
                    self.page_school = self._clause_school(s, ms)
                self._patterns(s, ms)
                self.subjects[(s.start, s.end)] = self._sentence_subject(s, ms)
                self.prev_opener = self._opener(s, ms)
                if self.prev_opener is not None and self.prev_opener.start != self.prev_opener.end:
                    self.subject_school = self.prev_opener
            self.seen_groups.extend(self.cur_groups)
            self.prev_groups, self.cur_groups = self.cur_groups, []
            self.prev_ms = ms
            for m in ms:
                if m.type == "School" and _BUILT_COLLEGE_RE.search(self.text, max(0, m.start - 8), m.start) and \
                        self.text[m.end:m.end + 1] in "”\"」":
                    self.built_colleges.add(m.name)
                if m.type == "Group":
                    self.ctx.group = m
                if m.type == "School":
                    self.ctx.school = m
                    if self.ctx.in_case:
                        self.ctx.fallback = None
        for m in self.ex.mentions:
            if m.type == "School" and m.name in self.built_colleges:
                m.type = "Group"  # 与X合作共建“某某学院”: a college two bodies build is a joint body
        for f in self.ex.facts:
            for m in (f.source, f.target):
                if m.type == "School" and m.name in self.built_colleges:
                    m.type = "Group"
        return self.ex

    def _group_anaphor(self, s: Sentence, segment: str) -> Mention | None:
        """The current group when ``segment`` (the start of the sentence) refers to it: 此联合体 /
        该集团 anywhere, or a bare 联盟/集团 as the sentence's subject (联盟是由…牵头)."""
        found = [m for m in _GROUP_REF_RE.finditer(segment)
                 if m.group(0)[0] in "此该本" or not segment[:m.start()].strip()]
        if not found:
            return None
        return self._ref("group", s.start + found[-1].start(), s.start + found[-1].end())

    def _group_near(self, s: Sentence, m: re.Match, groups_named: list[Mention]) -> Mention | None:
        """The group a role phrase is about: named before it, else after it, else the current one."""
        before = [g for g in groups_named if g.end <= s.start + m.start()]
        after = [g for g in groups_named if g.start >= s.start + m.end()]
        if before:
            return before[-1]
        if after:
            return after[0]
        return self._ref("group", s.start + m.start(), s.start + m.start())

    def _sentence_subject(self, s: Sentence, ms: list[Mention]) -> Mention | None:
        """Who the sentence is about: the org that opens it, else (inside a case) the case's school."""
        if ms and not self.text[s.start:ms[0].start].strip():
            return ms[0]
        ref = _GROUP_REF_RE.match(self.text, s.start + len(self.text[s.start:s.end]) - len(self.text[s.start:s.end].lstrip()))
        if ref and ref.group(0)[0] in "此该本":
            return self._ref("group", ref.start(), ref.end())  # 该集团服务…产业
        if self.ctx.in_case and (self.ctx.case_school or self.ctx.fallback):
            ref = _SCHOOL_REF_RE.search(self.text, s.start, s.end)
            a, b = (ref.start(), ref.end()) if ref else (s.start, s.start)
            return self._ref("school", a, b)
        return None

    def _title(self, s: Sentence, ms: list[Mention]) -> None:
        line = self.text[s.start:s.end]
        case = CASE_RE.match(line)
        if not case:
            if re.match(r"^\s*\d+(?:\s*\.\s*\d+)*\s", line) or HEADING_RE.match(line):
                self.ctx.in_case = False
                self.ctx.case_school = None
                self.ctx.fallback = None
            return
        chapter = case.group(1)
        school = next((m for m in ms if m.type == "School"), None)
        self.ctx.in_case = True
        self.ctx.case_school = school
        self.ctx.fallback = None
        if school is not None:
            self.ctx.last_titled = (chapter, school)
        elif not ms and self.ctx.last_titled and self.ctx.last_titled[0] == chapter:
            self.ctx.fallback = self.ctx.last_titled[1]

    def _patterns(self, s: Sentence, ms: list[Mention]) -> None:
        text = self.text
        sent = text[s.start:s.end]
        kind = partner_kind(sent)  # the sentence's kind; a pair's own clause comes first
        here = _Here(s, ms, sent, kind, [m for m in ms if m.type == "Group"])
        self._leads(here)
        self._group_roles(here)
        self._member_count(here)
        self._members(here)
        self._partners(here)

    def _leads(self, here: "_Here") -> None:
        s, ms, sent, groups_named = here.s, here.ms, here.sent, here.groups
        text = self.text
        # LEADS: 由X(、Y)牵头 …; 由A、B等企业，C、D等高校…共同牵头成立 (every body named between)
        for m in re.finditer(r"由", sent):
            lead_pos = sent.find("牵头", m.end())
            if lead_pos < 0 or lead_pos - m.end() > 300 or re.search(r"[。；;]|由", sent[m.end():lead_pos]):
                continue
            span = sent[m.end():lead_pos]
            if lead_pos - m.end() > 60 or re.search(r"[，,]", span):
                # a long span: every body named in it, unless a clause of its own ends on another verb;
                # then only the last clause leads (由A指导，X和Y牵头组建)
                first = m.end()
                if re.search(r"主办|承办|指导|主持|负责|组织", span):
                    last = max(c.end() for c in re.finditer(r"[，,]", span)) if re.search(r"[，,]", span) else 0
                    if not last or re.search(r"主办|承办|指导|主持|负责|组织", span[last:]):
                        continue
                    first = m.end() + last
                leads = [x for x in ms if s.start + first <= x.start and x.end <= s.start + lead_pos]
            else:
                leads = _contiguous_after(ms, s.start + m.end(), text)
                inside = [x for x in ms if s.start + m.end() <= x.start and x.end <= s.start + lead_pos]
                if len(inside) > len(leads) and not re.search(r"主办|承办|指导|主持|负责|组织|的", span):
                    leads = inside  # 由A、(a word the page garbled)和B共同牵头: every body of the list
            leads = [x for x in leads if x.end <= s.start + lead_pos and x.type != "Group"]
            if not leads and (own := self._own_school_word(s.start + m.end(), s.start + lead_pos)) is not None:
                leads = [own]  # 由学院牵头组建的G: the report's own school
            target = next((g for g in groups_named if g.start > s.start + lead_pos), None)
            if target is None:
                before = [g for g in groups_named if g.end <= s.start + m.start()]
                target = before[-1] if before else None
            if target is None:
                target = self._group_anaphor(s, sent[:m.start()])
            if target is None and (bare := re.fullmatch(r"\s*((?:该|此|本)?产业学院)\s*", sent[:m.start()])):
                # 产业学院由X牵头建设: a bare 产业学院 opening the sentence is the college the text is about
                target = self._ref("group", s.start + bare.start(1), s.start + bare.end(1))
            for x in leads:
                self._fact("LEADS", x, target, s, pattern="由X牵头", role="牵头")
        # LEADS: X、Y联合牵头的Z / X牵头组建Z
        for m in re.finditer(r"(?:联合|共同)?牵头(?:组建|成立|建设|搭建|发起成立)?(?:了)?(?:的)?", sent):
            if "由" in sent[max(0, m.start() - 60):m.start()] and not re.search(r"[，,]", sent[max(0, m.start() - 60):m.start()].split("由")[-1]):
                continue
            after = _contiguous_after(ms, s.start + m.end(), text)
            target = after[0] if after and after[0].type == "Group" else None
            if target is None:
                continue
            leads = _contiguous_before(ms, s.start + m.start(), text)
            if not leads and re.search(r"(?:^|[，,])\s*(?:学校|我校)$", sent[:m.start()]):
                leads = [self._ref("school", s.start + m.start() - 2, s.start + m.start())]  # 学校牵头组建的G
            for x in leads:
                if x is not None and x.type != "Group":
                    self._fact("LEADS", x, target, s, pattern="X牵头的Y", role="牵头")

    def _member_count(self, here: "_Here") -> None:
        """现有成员单位345个 / 由205家增加到345家 → member_count on the group mention."""
        s, sent, subject_group = here.s, here.sent, here.subject_group
        count = None
        for rx in (r"增加到\s*(\d+)\s*[家个]", r"现有成员单位\s*(\d+)\s*[家个]", r"成员单位(?:达|共|总数)?\s*(\d+)\s*[家个]"):
            cm = re.search(rx, sent)
            if cm:
                count = int(cm.group(1))
                break
        if count is not None:
            g = subject_group or self._group_anaphor(s, sent)
            if g is not None:
                self.ex.mentions.append(Mention(g.type, g.name, self.doc.id, g.start, g.end,
                                                {"member_count": count}))

    def _members(self, here: "_Here") -> None:
        s, ms, sent, groups_named, subject_group = here.s, here.ms, here.sent, here.groups, here.subject_group
        text = self.text
        # MEMBER_OF: 新发展了X、Y等N家成员单位
        for m in re.finditer(r"(?:新发展了?|吸纳了?|新增了?|发展了)", sent):
            tail = sent[m.end():]
            if not re.match(r"[^。；]{0,80}?成员单位", tail):
                continue
            g = self._subject_before(s, s.start + m.start(), [x for x in ms if x.type == "Group"])
            for x in _contiguous_after(ms, s.start + m.end(), text):
                self._fact("MEMBER_OF", x, g, s, pattern="发展成员单位", role="成员")
        # MEMBER_OF: 成员单位包括X、Y / X、Y为(Z的)成员单位 / X是Z的成员单位
        for m in re.finditer(r"成员(?:单位(?:包括|有|主要有|涵盖)|(?:包括|主要有|涵盖))[:：]?", sent):  # (成员包括 too)
            g = subject_group if subject_group and subject_group.start < s.start + m.start() else None
            if g is None:
                # 成员单位包括… with no group named: the group the text is about.
                g = self._group_anaphor(s, sent[:m.start()]) or self._ref("group", s.start + m.start(), s.start + m.start())
            for x in _contiguous_after(ms, s.start + m.end(), text):
                self._fact("MEMBER_OF", x, g, s, pattern="成员单位包括", role="成员")
        for m in re.finditer(r"(?:是|为|成为)(?:了)?([^，。；]{0,40}?)的?(?:成员单位|成员)", sent):
            xs = _contiguous_before(ms, s.start + m.start(), text)
            inner = [g for g in groups_named if s.start + m.start(1) <= g.start and g.end <= s.start + m.end(1)]
            g = inner[-1] if inner else None
            if g is None and _GROUP_REF_RE.fullmatch(m.group(1).strip()):
                g = self._ref("group", s.start + m.start(1), s.start + m.end(1))
            for x in xs:
                if x.type != "Group":
                    self._fact("MEMBER_OF", x, g, s, pattern="X是Y的成员单位", role="成员")
        # MEMBER_OF: 加入(了)…Z
        for m in re.finditer(r"加入了?", sent):
            subjs = [x for x in _contiguous_before(ms, s.start + m.start(), text) if x.type != "Group"]
            if len(subjs) < 2:  # A、B等30余家单位加入G: the whole list joins
                subjs = [self._subject_before(s, s.start + m.start(), ms)]
            for g in (g for g in groups_named if g.start >= s.start + m.end()):
                for subj in subjs:
                    self._fact("MEMBER_OF", subj, g, s, pattern="加入", role="成员")
        # MEMBER_OF: X、Y…等共同参与
        for m in re.finditer(r"(?:共同)?参与", sent):
            clause_start = max([s.start] + [s.start + c.end() for c in re.finditer(r"[，,]", sent[:m.start()])])
            members = [x for x in ms if clause_start <= x.start and x.end <= s.start + m.start()
                       and x.type != "Group"]
            if not members:
                continue
            g = subject_group if subject_group and subject_group.start < clause_start else None
            g = g or self._group_anaphor(s, sent)
            for x in members:
                self._fact("MEMBER_OF", x, g, s, pattern="共同参与", role="成员")
        # MEMBER_OF: … 共同成立/共同组建/联合…组建 Z
        for m in re.finditer(r"(?:共同|联合)(?:成立|组建|发起成立)了?的?|(?<=[、和与])?(?:组建|成立)了?的?", sent):
            after = _contiguous_after(ms, s.start + m.end(), text)
            clause = sent[:m.start()]
            if after and after[0].type == "Group":
                g = after[0]
            elif (lead := re.search(r"由[^，,。]{2,40}?(?:牵头|发起)[，,]\s*(?:联合|携手|会同|与)", clause)) and \
                    (here.subject_group and here.subject_group.end <= s.start + lead.start() or
                     self._group_anaphor(s, clause[:lead.start()]) is not None):
                # G由X牵头(发起)，联合A、B等…组建 / 与A、B共同成立: A and B found G with X; 联盟由X发起，…
                # names the group by its anaphor
                g = here.subject_group if here.subject_group and here.subject_group.end <= s.start + lead.start() \
                    else self._group_anaphor(s, clause[:lead.start()])
            else:
                continue
            if not m.group(0).startswith(("共同", "联合")) and not re.search(r"联合|与", clause):
                continue  # X牵头组建Y / X组建Y: a lead or a founder, not a co-founder
            leaders = {f.source.name for f in self.ex.facts
                       if f.type == "LEADS" and s.start <= f.evidence.start < s.end and f.target.name == g.name}
            founders = [x for x in ms if x.end <= s.start + m.start() and x.type != "Group"
                        and x.name not in leaders]
            subj = None
            if re.match(r"\s*(?:学校|我校)", sent) or re.match(r"\s*(?:学校|我校)", re.split(r"[，,]", clause)[-1]):
                subj = self._ref("school", s.start, s.start + 2)  # (2023年，)学校与X共同成立了G
            everyone = ([subj] if subj else []) + founders
            for x in everyone:
                self._fact("MEMBER_OF", x, g, s, pattern="共同成立", role="成员")
            # Schools and enterprises that found a body together cooperate (校企共建产业学院), but
            # co-founders listed with a lead are only its members: the text does not pair them.
            if leaders:
                continue
            for a in (x for x in everyone if x.type == "School"):
                for b in (x for x in everyone if x.type == "Enterprise"):
                    self._fact("PARTNERS_WITH", a, b, s, pattern="共同成立", kind="共建")


_DEFINING_RE = re.compile(r"(?:简称|称)\s*(?:为)?\s*[:：]?\s*[“\"「『‘']?$")


def _with_defined(text: str, a: int, b: int, ms: list[Mention], defined: dict[str, str], doc: str) -> list[Mention]:
    """``ms`` (a sentence's names) with the page's 以下简称 short forms where the sentence writes them
    (…新加入某数经集团, whose 经 the suffix walk reads as a verb), typed as the body they were defined
    for; fragments inside one are dropped. The definition itself is left to the full name."""
    if not defined:
        return ms
    spots = []
    for short, typ in defined.items():
        if len(short) < 3:
            continue
        for hit in re.finditer(re.escape(short), text[a:b]):
            p, q = a + hit.start(), a + hit.end()
            if not _DEFINING_RE.search(text, max(0, p - 8), p):
                spots.append(Mention(typ, short, doc, p, q))
    if not spots:
        for m in ms:
            m.type = defined.get(m.name, m.type)  # 某数经集团 defined for a 职业教育集团: a Group
        return ms
    kept = [m for m in ms if not any(x.start <= m.start and m.end <= x.end and (m.start, m.end) != (x.start, x.end)
                                     for x in spots)]
    for m in kept:
        m.type = defined.get(m.name, m.type)
    taken = [(m.start, m.end) for m in kept]
    kept += [x for x in spots if not any(p < x.end and x.start < q for p, q in taken)]
    return sorted(kept, key=lambda m: m.start)


@lru_cache(maxsize=8)
def _read(doc_id: str, text: str, path: str) -> _Reader:
    reader = _Reader(Document(doc_id, path, text))
    reader.read()
    return reader


def subjects(doc: Document) -> dict[tuple[int, int], Mention | None]:
    """Sentence span → the org the sentence is about (used by ingest.industry for 服务…产业)."""
    return dict(_read(doc.id, doc.text, doc.path).subjects)


def extract(doc: Document) -> Extraction:
    ex = _read(doc.id, doc.text, doc.path).ex
    return Extraction(list(ex.mentions), list(ex.facts), list(ex.aliases))
