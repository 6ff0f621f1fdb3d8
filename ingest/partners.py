"""Partnerships read from sentences: who works with whom, and the ``kind`` of it.

A mixin of the sentence reader (``ingest.sentences``): it uses the reader's ``_fact``, ``_ref``
and ``_subject_before``; nothing here imports the reader. ``kind`` is one of 签约, 共建, 订单班,
合作 (``ingest.cues.partner_kind``: the pair's own clause first, then the sentence).

| cue | fact |
|---|---|
| X与Y(、Z)签约/签订…协议/共建…/合作/携手/贯通/揭牌…; X在某处与Y举行…签约仪式 | X–Y (X–Z) |
| 签署了X与Y、Z(战略)合作协议 | X–Y, X–Z (签约) |
| X、Y携手Z(打造…订单班) | X–Z, Y–Z |
| X、Y签订/共建… (no 与) | the first with each other |
| 由A、B、C和D共同建设的G | every pair (共建) |
| X为Y授牌/揭牌 | X–Y |
| 在X、Y等企业遴选实训基地; 作为学校实训基地之一的Y | the group/school–X (共建) |
| X、Y…参加了联盟举办的… | the group–X (合作) |
| (学校)开设X订单班 / X冠名班 (X a short form of an enterprise the page names) | the school–X (订单班) |
| E…产业学院揭牌(仪式)在Y举行 (the college named after the enterprise) | E–Y (共建) |
| (学校)对接X、Y等企业 | the school–X (合作) |
| X向Y捐赠…，双方共建Z; (X与Y…。)双方代表签署协议 | X–Y (the two named before 双方) |
| X联合Y共建/开设…; X·Y产教融合实训基地 | X–Y |
"""

from __future__ import annotations

import re

from ingest.cues import (CLAUSE_MARKS_NO_HALF_SEMICOLON, LIST_TAIL_RE, contiguous_after, contiguous_before, first_clause,
                         partner_kind)
from ingest.model import Alias, Mention

_PARTNER_VERB_RE = re.compile(r"签订|签署|签定|签约|合作|共建|联合|建立|共同|交流|开展|进行|共育|携手|贯通|衔接"
                              r"|揭牌|对口支援|结对|帮扶|联办|合办|打造|订单班|冠名班|学徒制")
_ATTEND_RE = re.compile(r"出席|参加会议|参会|主持|致辞|讲话|见证|参观|调研|考察|座谈")
_COOPERATE_RE = re.compile(r"签|合作|共建|协议|订单|共育|携手|揭牌|授牌")
_SCHOOL_REF_RE = re.compile(r"(?:学校|我校|本校|该校|该院|我院|本院)")
# A short description of a partner before its name (国内知名企业X, 国家产业链链主企业X, 行业龙头X).
_DESCRIBED_RE = re.compile(r"(?:[\u4e00-\u9fff“”\"]{1,12}?(?:企业|公司|院校|高校|单位|机构|者|伙伴|龙头|巨头)、?){1,3}")
_PARTIES_RE = re.compile(r"[三四五多]方")
# The kinds of the parties in a row (“校-校-企”), anywhere in the sentence: one agreement of all of them.
_PARTY_ROW_RE = re.compile(r"[校企政行][-－—][校企政行][-－—][校企政行]")
_GROUP_WORDS = r"联盟|集团|联合体|共同体|协作体|理事会"
# What two builders named together build (甲学院·乙公司产教融合实训基地).
_JOINT_BASE_RE = re.compile(r"[\u4e00-\u9fff“”\"]{0,12}?(?:实训基地|实习基地|实践基地|培训基地|产业学院|研发中心|创新中心|工作站|实验室)")
_BUILT_RE = re.compile(r"产业学院|实训基地|实习基地|研发中心|工作站|鲁班工坊|实践中心|培训基地|示范基地|实验室|平台")


class PartnerRules:
    """Rules on partnerships (see the module docstring)."""

    def _partner_subject(self, here, pos: int) -> Mention | None:
        """Who acts with a partner at ``pos``: the reader's subject, else the body that opens the
        clause when only a place (在…会议室) or kinds of bodies (、院校和企业) stand between."""
        x = self._subject_before(here.s, pos, here.ms)
        if x is not None:
            return x
        s = here.s
        clause_start = s.start
        for m in re.finditer(r"[，,：:]", self.text[s.start:pos]):
            clause_start = s.start + m.end()
        prev = [m for m in here.ms if clause_start <= m.start and m.end <= pos]
        if not prev:
            return None
        gap = re.sub(r"\s+", "", self.text[prev[-1].end:pos])
        if re.fullmatch(r"(?:在[^与和及、]{1,30}|共同|一起|再次)?", gap) or LIST_TAIL_RE.match(gap):
            return prev[-1]
        return None

    def _partners(self, here) -> None:
        s, ms, sent, kind, subject_group = here.s, here.ms, here.sent, here.kind, here.subject_group
        text = self.text
        # X与Y…(签订/合作/共建…)
        for m in re.finditer(r"与", sent):
            ys = contiguous_after(ms, s.start + m.end(), text)
            if not ys:
                # 与国家产业链链主企业X共建…: a short description of the partner stands before its name
                nxt = [y for y in ms if y.start >= s.start + m.end()]
                if nxt and _DESCRIBED_RE.fullmatch(text[s.start + m.end():nxt[0].start]):
                    ys = contiguous_after(ms, nxt[0].start, text)
            if not ys:
                continue
            rest = text[ys[-1].end:s.end]
            verb = _PARTNER_VERB_RE.search(rest[:40])
            if verb is None:
                continue
            founded = re.search(r"(?:共同|联合)?(?:成立|组建)", rest)
            if founded and (verb.start() >= founded.start() or verb.group(0) in ("共同", "联合", "建立")):
                continue  # X与Y共同成立G: its founders (the reader's 共同成立 rule); not X与Y共建的G揭牌成立
            clause = first_clause(rest)
            if _ATTEND_RE.search(clause) and not _COOPERATE_RE.search(clause):
                continue  # X与Y负责人共同出席仪式: attending together is no partnership
            unveil = re.match(r"\s*(?:(?:的|主要)?(?:负责人|领导|代表|嘉宾)(?:们)?)?\s*(?:共同|一起|一同)?为(?P<g>[^，,。；;]{1,40}?)(?:揭牌|授牌)",
                              clause)
            if unveil and re.search(_GROUP_WORDS, unveil.group("g")):
                continue  # X与Y共同为G揭牌: unveiling a group together is no partnership
            x = self._partner_subject(here, s.start + m.start())
            xs = [x]
            if x is not None and x.start >= 0 and x in ms:
                xs = contiguous_before(ms, x.end, text) or [x]  # 临江市教育局和临江市研究院经与Y
            clause_start = max([0] + [c.end() for c in re.finditer(r"[，,]", sent[:m.start()])])
            own = sent[clause_start:m.start()] + first_clause(rest, marks=CLAUSE_MARKS_NO_HALF_SEMICOLON)
            local = partner_kind(own)  # what this pair does (…签订订单培养协议, …开展学徒制试点)
            for x in xs:
                for y in ys:
                    self._fact("PARTNERS_WITH", x, y, s, pattern="X与Y合作", kind=local or kind)
            if len(ys) > 1 and (_PARTIES_RE.search(own) or _PARTY_ROW_RE.search(sent)) and (local or kind) == "签约":
                # X与Y、Z签署三方协议: one agreement, every party with every other
                for i, a in enumerate(ys):
                    for b in ys[i + 1:]:
                        self._fact("PARTNERS_WITH", a, b, s, pattern="三方签约", kind="签约")
        # X、Y携手Z、W(打造…)
        for m in re.finditer(r"携手", sent):
            ys = [y for y in contiguous_after(ms, s.start + m.end(), text)]
            if not ys:
                continue
            if any(f.properties.get("pattern") in ("G联合A与B", "牵头，携手A组建G", "G由A、B发起成立") and s.start <= f.evidence.start < s.end
                   for f in self.ex.facts):
                continue  # a group joins with them: they are its members (group_roles)
            xs = contiguous_before(ms, s.start + m.start(), text)
            if xs and re.search(r"[，,。；;]", text[xs[-1].end:s.start + m.start()]):
                xs = []
            if not xs:
                x = self._partner_subject(here, s.start + m.start())
                xs = [x] if x is not None else []
            local = partner_kind(first_clause(text, ys[-1].end, s.end, CLAUSE_MARKS_NO_HALF_SEMICOLON))
            for x in xs:
                for y in ys:
                    self._fact("PARTNERS_WITH", x, y, s, pattern="X携手Y", kind=local if local != "合作" and local else "合作")
        # X、Y…签订…协议 / X、Y共建… (no 与)
        for m in re.finditer(r"签订|签署|共建", sent):
            if "与" in sent[:m.start()] or "携手" in sent[:m.start()]:
                continue
            if any(f.properties.get("pattern") == "共同签署协议" and s.start <= f.evidence.start < s.end
                   for f in self.ex.facts):
                continue  # the signers of a group's founding agreement are its members (group_roles)
            clause_start = max([s.start] + [s.start + c.end() for c in re.finditer(r"[，,]", sent[:m.start()])])
            parties = [x for x in ms if clause_start <= x.start and x.end <= s.start + m.start()]
            if m.group(0) == "共建":
                parties = contiguous_before(ms, s.start + m.start(), text)
            for y in parties[1:]:
                self._fact("PARTNERS_WITH", parties[0], y, s, pattern="X、Y签订",
                           kind="共建" if m.group(0) == "共建" else "签约")
        # 由A、B、C和D共同建设(的G)
        for m in re.finditer(r"由", sent):
            v = re.compile(r"(?:共同|联合|合作)(?:建设|打造|共建|建立|创建|举办)").search(sent, m.end())
            if v is None or v.start() - m.end() > 120 or re.search(r"[。；;，,]|由", sent[m.end():v.start()]):
                continue
            parties = [x for x in ms if s.start + m.end() <= x.start and x.end <= s.start + v.start()
                       and x.type != "Group"]
            for i, a in enumerate(parties):
                for b in parties[i + 1:]:
                    self._fact("PARTNERS_WITH", a, b, s, pattern="由A、B共同建设", kind="共建")
        # X为Y授牌/揭牌
        for m in re.finditer(r"为", sent):
            if not re.match(r"[^，。；]{0,120}?(?:授牌|揭牌)", sent[m.end():]):
                continue
            x = contiguous_before(ms, s.start + m.start(), text)
            for y in contiguous_after(ms, s.start + m.end(), text):
                if x and y.type != "Group":
                    self._fact("PARTNERS_WITH", x[-1], y, s, pattern="X为Y授牌", kind="合作")
        # 在X、Y等企业遴选(公共)实训基地
        for m in re.finditer(r"在", sent):
            ys = contiguous_after(ms, s.start + m.end(), text)
            if not ys or not re.match(r"[^，。；]{0,12}?(?:遴选|建立|建设|设立)[^，。；]{0,8}?(?:实训|实习)基地",
                                      re.sub(r"\s+", "", text[ys[-1].end:s.end])):
                continue
            subj = subject_group or self._subject_before(s, s.start + m.start(), ms)
            if subj is None and self.ctx.group is not None:
                subj = self._ref("group", s.start + m.start(), s.start + m.end())
            for y in ys:
                self._fact("PARTNERS_WITH", subj, y, s, pattern="在X遴选实训基地", kind="共建")
        # 作为学校(校外)实训基地之一的Y
        for m in re.finditer(r"作为(\S{0,8}?)(?:校外|校内)?(?:实训|实习)基地(?:之一)?的", sent):
            ys = contiguous_after(ms, s.start + m.end(), text)
            owner = None
            if _SCHOOL_REF_RE.search(m.group(1)):
                owner = self._ref("school", s.start + m.start(1), s.start + m.end(1))
            for y in ys[:1]:
                self._fact("PARTNERS_WITH", owner, y, s, pattern="实训基地之一", kind="共建")
        # X、Y…等院校、企业专家参加(了)联盟举办的…
        for m in re.finditer(r"参加了?", sent):
            tail = re.match(r"\s*(?:此|该|本)?(联盟|集团|联合体|共同体|协作体)?[^，。；]{0,4}?(?:举办|组织|召开|主办)的",
                            sent[m.end():])
            if not tail:
                continue
            named = contiguous_after(ms, s.start + m.end(), text)
            g = named[0] if named and named[0].type == "Group" else (
                self._ref("group", s.start + m.end() + tail.start(1), s.start + m.end() + tail.end(1))
                if tail.group(1) else None)
            clause_start = max([s.start] + [s.start + c.end() for c in re.finditer(r"[，,]", sent[:m.start()])])
            for x in (x for x in ms if clause_start <= x.start and x.end <= s.start + m.start()):
                self._fact("PARTNERS_WITH", g, x, s, pattern="参加G举办的活动", kind="合作")
        self._order_classes(here)
        self._unveiled_colleges(here)
        self._both_parties(here)
        self._allied(here)
        self._joint_base(here)
        # (X的)合作企业有A、B / 合作院校包括A、B
        for m in re.finditer(r"合作(?:企业|单位|院校|高校|伙伴|学校|机构)(?:主要)?(?:有|包括|涵盖|为)[:：]?", sent):
            if re.search(r"(?:各|其他|所有|部分|成员|与)\s*$", sent[:m.start()]):
                continue
            ys = contiguous_after(ms, s.start + m.end(), text)
            x = self._partner_subject(here, s.start + m.start())
            if x is None and not sent[:m.start()].strip(" \t\r\n的"):
                x = self._ref("school", s.start + m.start(), s.start + m.start())
            for y in ys:
                self._fact("PARTNERS_WITH", x, y, s, pattern="合作企业有Y", kind="合作")
        # (学校)对接X、Y等企业
        for m in re.finditer(r"对接", sent):
            ys = [y for y in contiguous_after(ms, s.start + m.end(), text) if y.type == "Enterprise"]
            if not ys:
                continue
            x = self._subject_before(s, s.start + m.start(), ms)
            for y in ys:
                self._fact("PARTNERS_WITH", x, y, s, pattern="对接企业", kind="合作")

    def _allied(self, here) -> None:
        """X联合Y(、Z)共建/开设/打造…: X–Y (a school or company joining another to build something); a
        group joining bodies, or a lead joining them to found a group, gives members (group_roles)."""
        s, sent = here.s, here.sent
        for m in re.finditer(r"联合", sent):
            ys = [y for y in contiguous_after(here.ms, s.start + m.end(), self.text) if y.type != "Group"]
            if not ys:
                continue
            clause = first_clause(self.text, ys[-1].end, s.end)
            if not re.match(r"\s*(?:共同)?(?:共建|建设|打造|开设|开办|举办|申报|培养|开发|研发|签订|签署)", clause) or \
                    re.search(r"成立|组建", clause[:8]):
                continue
            xs = [x for x in contiguous_before(here.ms, s.start + m.start(), self.text) if x.type != "Group"]
            if not xs or any(f.type in ("LEADS", "MEMBER_OF") and s.start <= f.evidence.start < s.end
                             and f.source.name in {x.name for x in xs + ys} for f in self.ex.facts):
                continue
            kind = partner_kind(clause) or "合作"
            for x in xs:
                for y in ys:
                    self._fact("PARTNERS_WITH", x, y, s, pattern="X联合Y共建", kind=kind)

    def _joint_base(self, here) -> None:
        """X·Y产教融合实训基地(揭牌): a base named by both its builders (X–Y, 共建)."""
        s, sent = here.s, here.sent
        for a, b in zip(here.ms, here.ms[1:]):
            if re.fullmatch(r"\s*[·•\-－—]\s*", self.text[a.end:b.start]) and a.type != "Group" and b.type != "Group" and \
                    _JOINT_BASE_RE.match(self.text, b.end, s.end):
                self._fact("PARTNERS_WITH", a, b, s, pattern="X·Y实训基地", kind="共建")

    def _both_parties(self, here) -> None:
        """X向Y捐赠…，双方共建Z / 随后，双方代表签署合作协议: 双方 are the two bodies the sentence named
        before it, else the two the previous sentence named (a sentence without a body of its own)."""
        s, sent = here.s, here.sent
        for m in re.finditer(r"双方(?:代表|负责人|领导)?(?:还|将|正式|共同|一致同意)?", sent):
            clause = first_clause(sent, m.end())
            kind = partner_kind(clause)
            if kind in (None, "合作"):
                continue  # 标志着双方…开启合作新篇章: what the pair's other facts already say
            before = [x for x in here.ms if x.end <= s.start + m.start() and x.type != "Group"]
            if not before and not [x for x in here.ms if x.type != "Group"]:
                before = [x for x in self.prev_ms if x.type != "Group"]
            pair = list({x.name: x for x in before}.values())
            names = {x.name for x in pair}
            if len(pair) == 2 and not any(f.type == "PARTNERS_WITH" and {f.source.name, f.target.name} == names
                                          for f in self.ex.facts):
                # (a pair the text already paired keeps its own kind: 双方 only says they are partners)
                self._fact("PARTNERS_WITH", pair[0], pair[1], s, pattern="双方", kind=kind)

    # -- an enterprise named by the first characters of its name --------------------------------
    def _enterprise_before(self, here, pos: int) -> Mention | None:
        """The enterprise whose name (or the first four or more characters of it, as pages shorten
        names: 某某时代 for 某某时代科技股份有限公司) ends right at ``pos``."""
        named = [y for y in here.ms if y.type == "Enterprise" and y.end <= pos
                 and re.fullmatch(r"[\s\"“”'‘’「」《》]*", self.text[y.end:pos])]
        if named:
            return named[-1]
        head = re.sub(r"\s+", "", self.text[max(0, pos - 30):pos])
        best = None
        for name in sorted({m.name for m in [*self.found, *self.ex.mentions] if m.type == "Enterprise"}, key=len, reverse=True):
            for k in range(min(len(name) - 1, len(head)), 3, -1):
                if head.endswith(name[:k]):
                    if best is None or k > best[1]:
                        best = (name, k)
                    break
        if best is None:
            return None
        written = head[len(head) - best[1]:]
        if written != best[0]:
            # 某某时代订单班: the form written is the company's alias (the pipeline resolves it to the name)
            self.ex.aliases.append(Alias(written, best[0], "Enterprise"))
            self.ex.mentions.append(Mention("Enterprise", written, self.doc.id, pos - best[1], pos))
        return Mention("Enterprise", best[0], self.doc.id, pos - best[1], pos)

    def _host_school(self, here, pos: int, exclude: Mention | None = None) -> Mention | None:
        """The school a class or college at ``pos`` belongs to: the subject, else the one school
        the sentence names, else the school the page is about (its own or where the event is)."""
        x = self._subject_before(here.s, pos, here.ms)
        if x is not None and x.type != "Enterprise":
            return x
        schools = {m.name: m for m in here.ms if m.type == "School" and (exclude is None or m.name != exclude.name)}
        if len(schools) == 1:
            return next(iter(schools.values()))
        return self.home_school or self._event_school()

    def _event_school(self) -> Mention | None:
        """The school where the page's event takes place (…仪式在Y举行), when the page names one."""
        for m in self.ex.mentions:
            if m.type == "School" and re.match(r"\s*(?:[(（][^)）]{0,20}[)）])?\s*(?:隆重)?(?:举行|举办|召开|开班)",
                                               self.text[m.end:m.end + 30]) \
                    and re.search(r"在\s*$", self.text[max(0, m.start - 2):m.start]):
                return m
        return None

    def _order_classes(self, here) -> None:
        """(学校)开设“X订单班” / X冠名班: the school–X (订单班)."""
        s, sent = here.s, here.sent
        for m in re.finditer(r"订单班|冠名班|学徒制班|定向班", sent):
            pos = s.start + m.start()
            pre = re.sub(r"[\s\"“”'‘’「」《》]+$", "", self.text[s.start:pos])
            end = s.start + len(pre)
            lead = re.search(r"\d{4}(?:年|级|届)?$", pre)  # “2019某某订单班”
            y = self._enterprise_before(here, s.start + (lead.start() if lead else len(pre))) or \
                self._enterprise_before(here, end)
            if y is None:
                continue
            if any(f.type == "PARTNERS_WITH" and f.properties.get("kind") == "订单班" and y.name in (
                    f.source.name, f.target.name) and s.start <= f.evidence.start < s.end for f in self.ex.facts):
                continue  # a clause rule already read this class with its school
            x = self._host_school(here, y.start, exclude=y)
            self._fact("PARTNERS_WITH", x, y, s, pattern="X订单班", kind="订单班")

    def _unveiled_colleges(self, here) -> None:
        """E…产业学院揭牌(仪式)在Y举行: a college named after an enterprise, unveiled at a school."""
        s, sent = here.s, here.sent
        if not re.search(r"揭牌|挂牌|成立|落成", sent):
            return
        for g in here.groups:
            if not _BUILT_RE.search(g.name):
                continue
            names = sorted({m.name for m in [*self.found, *self.ex.mentions] if m.type == "Enterprise"}, key=len, reverse=True)
            e = next((n for n in names for k in range(min(len(n), len(g.name) - 2), 3, -1)
                      if g.name.startswith(n[:k]) and k >= 4), None)
            if e is None:
                continue
            y = next((m for m in here.ms if m.type == "School" and m.start > g.end
                      and re.search(r"在\s*$", self.text[max(0, m.start - 2):m.start])), None)
            y = y or self.home_school
            if y is not None:
                self._fact("PARTNERS_WITH", y, Mention("Enterprise", e, self.doc.id, g.start, g.end), s,
                           pattern="E产业学院在Y揭牌", kind="共建")
