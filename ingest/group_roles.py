"""Who leads a group and who belongs to it, read from the role words of a group's council.

A mixin of the sentence reader (``ingest.sentences``): it uses the reader's ``_fact``, ``_ref``
(anaphora: 该联盟, 集团, 我校) and ``_salient_group``; nothing here imports the reader.

| cue | fact (``role``) |
|---|---|
| 副理事长单位X、Y; 牵头(组建)单位——X; 理事长单位为X; 发起单位有X | X LEADS/MEMBER_OF the group (the role word) |
| X担任/当选/成为/作为(G)(副)理事长单位; X作为牵头企业的G | same |
| 作为成员单位的X | X MEMBER_OF the group (成员) |
| X代表牵头单位 | X LEADS (牵头) |
| X(、Y)(联合/共同)发起(成立)G; 由X、Y发起 | X LEADS G (发起) |
| A、B…等共计N家理事单位参加 | each MEMBER_OF (理事) |
| G由A、B、C(联合/共同)组建/组成; 由A、B联合组建的G | each MEMBER_OF (成员) |
| A、B、C共同签署…G…协议 (the founding of a group) | each MEMBER_OF (成员) |
| 加入该联盟; X入选G | MEMBER_OF (成员) |

The group is the one named beside the role word, else the group the text talks about (the title's,
the previous sentence's). Attending (出席, 主持, 讲话, 致辞, 参加会议), hosting (主办, 承办, 在X召开)
and owning (所属, 下属) a group are no role in it: no rule reads them.
"""

from __future__ import annotations

import re

from ingest.cues import ROLE_UNIT, ROLE_WORD, contiguous_after, contiguous_before, group_role
from ingest.model import Mention
from ingest.title_roles import profile_titles

# A group word standing for the group the text is about (集团, 本联盟, 该共同体, 理事会 …).
_ANAPHOR = r"(?:此|该|本)?(?:联盟|职教集团|集团|联合体|共同体|协作体)(?:第[一二三四五六七八九十\d]+届)?(?:理事会)?|理事会"
_ANAPHOR_RE = re.compile(rf"^(?:{_ANAPHOR})$")
_BE = r"担任|被(?:推选|选举|选)为|当选为|当选|成为|作为|入选为|入选|为|是|任"
# A batch or term before a role word (首批成员单位, 第二批理事单位, 新一届理事单位): no group.
_BATCH = r"(?:首批|第[一二三四五六七八九十\d]+批|新一届|新一批|新增|创始|首届|第[一二三四五六七八九十\d]+届|共同|联合)"
# 理事成员单位 (a council member among the members): the first role word counts.
_ROLE_AFTER_RE = re.compile(rf"(?:{_BE})(?P<g>[^，,。；;：:、]{{0,40}}?)的?{_BATCH}?(?P<role>{ROLE_WORD})(?:组建|发起|成员)?"
                            rf"(?:{ROLE_UNIT})")
# 副理事长单位X、Y; 理事长单位为X; 成员单位共25家，包括X; 共建单位有X (a group's 共建单位 are members).
_COUNT = r"(?:(?:共计?|合计|达)?\s*\d+\s*余?\s*[家个所]\s*[，,]?\s*(?=分别|为|是|有|包括|主要有|涵盖))?"
# A list closed by its tally and an adverb before 加入 (A、B等9家单位正式加入集团).
_TALLY = r"\d+\s*余?\s*[家个所]\s*(?:单位|院校|企业|成员单位|机构)?"
_JOIN_ADVERB = r"正式|先后|陆续|已经|已|均|也|还|新"
_ROLE_BEFORE_RE = re.compile(rf"(?P<role>{ROLE_WORD}|共建(?=单位))(?:组建|发起)?(?:{ROLE_UNIT}){_COUNT}(?:分别)?"
                             rf"(?:为|是|有|包括|主要有|涵盖)?[:：]?\s*(?:——|—|－|-)?\s*")
# Titles of the head of a body (X董事长张三): the person speaks for the body.
_TITLES = r"董事长|总经理|院长|校长|党委书记|书记|局长|厅长|主任|会长|理事长|总裁|厂长"
_HOST_RE = re.compile(r"主办|承办|协办|出席|主持|讲话|致辞|召开|举行|所属|下属")


def _blank(items: str, names: list[Mention], at: int) -> str:
    """``items`` (text from offset ``at``) with the ``names`` in it removed."""
    out = list(items)
    for x in names:
        for i in range(max(0, x.start - at), min(len(out), x.end - at)):
            out[i] = " "
    return "".join(out)


# The end of a list of bodies a group gathers: 等, a count, kinds of body, then the clause ends.
_GATHERED_END_RE = re.compile(r"[\s等]*(?:(?:\d+|[一二三四五六七八九十百两]+)\s*[余多]?\s*[家个所]\s*)?"
                              r"(?:[\u4e00-\u9fff、和及]{0,16}?(?:单位|院校|企业|机构|成员|高校|学校|组织))?\s*(?:[，。；,;]|$)")


class GroupRoleRules:
    """Rules on the role words of a group (see the module docstring)."""

    def _group_roles(self, here) -> None:
        self._role_after_names(here)
        self._role_before_names(here)
        self._initiators(here)
        self._lead_with_allies(here)
        self._described_founders(here)
        self._council_list(here)
        self._founders(here)
        self._founding_agreement(here)
        self._joins(here)
        self._admissions(here)
        self._allies_of_a_group(here)
        self._respective_roles(here)
        self._allies_founding(here)
        self._listed_roles(here)
        self._person_roles(here)
        profile_titles(self, here)
        self._gathered(here)

    def _gathered(self, here) -> None:
        """G汇聚了A、B等86家院校、企业: the bodies a group gathers, listed to a count or a kind of body,
        are its members (汇聚了A的优势资源 names no member)."""
        s, sent = here.s, here.sent
        for m in re.finditer(r"(?:汇聚|汇集|集聚|聚集|吸纳|囊括|集结)了?", sent):
            xs = [x for x in contiguous_after(here.ms, s.start + m.end(), self.text) if x.type != "Group"]
            if not xs or not _GATHERED_END_RE.match(self.text, xs[-1].end, s.end):
                continue
            g = self._group_about(here, s.start + m.start())
            for x in xs:
                self._fact("MEMBER_OF", x, g, s, pattern="G汇聚A、B", role="成员")

    def _person_roles(self, here) -> None:
        """X董事长张三当选(第一届理事会)理事长: the head of a body elected to a council post gives the body
        that post (its 理事长单位); a post of a person only (秘书长) gives none."""
        s, sent = here.s, here.sent
        for m in re.finditer(r"(?:当选|担任|出任)(?:为)?(?:[^，,。；;]{0,12}?理事会)?(?P<role>常务副理事长|副理事长|理事长)(?!单位)", sent):
            clause_start = max([0] + [c.end() for c in re.finditer(r"[，,；;]", sent[:m.start()])])
            xs = [x for x in here.ms if s.start + clause_start <= x.start and x.end <= s.start + m.start() and x.type != "Group"]
            if not xs:
                continue
            gap = self.text[xs[-1].end:s.start + m.start()]
            if not re.fullmatch(rf"[\u4e00-\u9fff、]{{0,12}}?(?:{_TITLES})[\u4e00-\u9fff·•]{{2,4}}", gap):
                continue
            g = self._group_about(here, s.start + m.start())
            if g is None or any(f.type == "LEADS" and f.source.name == xs[-1].name and f.target.name == g.name
                                for f in self.ex.facts):
                continue  # a lead whose head holds a council post: the body's own role is its lead
            self._role_fact(m.group("role"), xs[-1], g, here, "X负责人当选理事长")

    def _listed_roles(self, here) -> None:
        """共同体首批成员单位名单如下：/ 1. X / 2. Y: the items after a heading that ends on a role word
        and a colon have that role in its group, until a line that is not a list of names."""
        s, sent = here.s, here.sent
        items = re.sub(r"^\s*(?:\d+[.、．]|[（(]\d+[)）]|[•●◆■▪])?", "", sent)
        at = s.start + len(sent) - len(items)
        numbered = len(items) < len(sent.lstrip())
        line = items.split("\n")[0] if numbered else items  # 2. X / 会议强调…: the item is its line
        names = [x for x in here.ms if x.end <= at + len(line)]
        if self.list_head is not None and names and not re.sub(r"[\s、，,;；。.()（）]", "", _blank(line, names, at)):
            word, g = self.list_head
            for x in names:
                if x.type != "Group":
                    self._role_fact(word, x, g, here, "名单如下：X")
            if not items[len(line):].strip():
                return  # the list goes on
        self.list_head = None
        head = re.search(rf"(?P<role>{ROLE_WORD})(?:{ROLE_UNIT})(?:名单|名录)?(?:如下|有)?\s*[:：]\s*$", sent)
        if head and not [x for x in here.ms if x.start >= s.start + head.end()]:
            g = self._group_in(here, s.start, s.start + head.start()) or self._group_about(here, s.start + head.start())
            self.list_head = (head.group("role"), g) if g is not None else None

    def _allies_founding(self, here) -> None:
        """X、Y作为牵头单位，携手/联合A、B等单位(共同)组建G (或该共同体): in a sentence that gave the
        group its leads, the bodies they join with found it as members."""
        s, sent = here.s, here.sent
        for m in re.finditer(r"(?:携手|联合)", sent):
            allies = [x for x in contiguous_after(here.ms, s.start + m.end(), self.text) if x.type != "Group"]
            if not allies:
                continue
            v = re.compile(rf"[^，,。；;]{{0,16}}?(?:共同)?(?:组建|成立|发起成立)了?的?(?P<g>{_ANAPHOR})?").match(
                self.text, allies[-1].end, s.end)
            if v is None:
                continue
            after = contiguous_after(here.ms, v.end(), self.text)
            g = after[0] if after and after[0].type == "Group" and not v.group("g") else (
                self._ref("group", v.start("g"), v.end("g")) if v.group("g") else None)
            leads = {f.target.name for f in self.ex.facts
                     if f.type == "LEADS" and s.start <= f.evidence.start < s.end}
            if g is None or g.name not in leads:
                continue
            for x in allies:
                self._fact("MEMBER_OF", x, g, s, pattern="牵头，携手A组建G", role="成员")

    def _respective_roles(self, here) -> None:
        """A和B…，分别以两所高校为牵头单位的G1和G2 / A、B分别牵头组建G1、G2: the i-th body has its role in
        the i-th group (a list of bodies named before, as long as the list of groups)."""
        s, sent = here.s, here.sent
        for m in re.finditer(rf"分别(?:以(?P<who>[^，,。；;]{{0,12}}?)(?:为|作为)(?P<role>{ROLE_WORD})(?:{ROLE_UNIT})的?"
                             rf"|(?P<lead>牵头)(?:组建|成立)?了?的?)", sent):
            gs = contiguous_after(here.ms, self._past_quote(s.start + m.end()), self.text)
            if len(gs) < 2 or any(g.type != "Group" for g in gs):
                continue
            lists: list[list[Mention]] = []
            for x in (x for x in here.ms if x.end <= s.start + m.start() and x.type != "Group"):
                if lists and re.fullmatch(r"\s*(?:[、和与及]|以及)\s*", self.text[lists[-1][-1].end:x.start]):
                    lists[-1].append(x)
                else:
                    lists.append([x])
            xs = next((xs for xs in reversed(lists) if len(xs) == len(gs)), None)
            if xs is None:
                continue
            for x, g in zip(xs, gs):
                self._role_fact(m.group("role") or m.group("lead"), x, g, here, "A、B分别牵头G1、G2")

    # -- helpers ----------------------------------------------------------------------------
    def _group_in(self, here, a: int, b: int) -> Mention | None:
        """The group named or referred to in text[a:b] (absolute offsets)."""
        named = [g for g in here.groups if a <= g.start and g.end <= b]
        if named:
            return named[-1]
        m = re.search(_ANAPHOR, self.text[a:b])
        if m:
            return self._ref("group", a + m.start(), a + m.end())
        return None

    def _group_about(self, here, pos: int) -> Mention | None:
        """The group a role phrase at ``pos`` is about: named before it in the sentence, else
        the group the text talks about."""
        before = [g for g in here.groups if g.end <= pos]
        if before:
            return before[-1]
        return self._near_group(pos)

    def _own_school_word(self, start: int, end: int) -> Mention | None:
        """text[start:end] is the word a school's own text calls itself by (学校, 我校, 我院, 学院): the
        school it means (由学院牵头组建的G), else None."""
        word = self.text[start:end].strip()
        if word in ("学校", "我校", "本校", "我院", "本院"):
            return self._ref("school", start, end)
        return self._college_ref(start, end) if word == "学院" else None

    def _subjects_before(self, here, pos: int) -> list[Mention]:
        """The bodies named right before ``pos`` (X、Y担任…), else 我校/学校 just before it."""
        xs = [x for x in contiguous_before(here.ms, pos, self.text) if x.type != "Group"]
        if xs:
            return xs
        m = re.search(r"(?:学校|我校|我院|本校|本院)\s*$", self.text[here.s.start:pos])
        if m:
            ref = self._ref("school", here.s.start + m.start(), here.s.start + m.end())
            return [ref] if ref is not None else []
        return []

    def _group_spelled(self, here, a: int, b: int) -> tuple[bool, Mention | None]:
        """What stands between a verb (or 等) and a role word: nothing (True, None), a group named
        (A、B等某某联盟成员单位) or an anaphor (A、B等共同体成员单位) (True, the group), or other
        words, whose role word belongs to another clause (False, None)."""
        if not self.text[a:b].strip():
            return True, None
        named = [x for x in here.groups if a <= x.start and x.end <= b]
        if named and not re.sub(r"\s+", "", self.text[a:named[0].start] + self.text[named[-1].end:b]):
            return True, named[-1]
        if _ANAPHOR_RE.match(self.text[a:b].strip()):
            return True, self._ref("group", a, b)
        return False, None

    def _role_fact(self, word: str, x: Mention | None, g: Mention | None, here, pattern: str) -> None:
        rel_role = group_role(word)
        if rel_role is None or x is None:
            return
        rel, role = rel_role
        self._fact(rel, x, g, here.s, pattern=pattern, role=role)

    # -- rules ------------------------------------------------------------------------------
    def _role_after_names(self, here) -> None:
        """X(、Y)担任/当选/成为/作为(G)(的)副理事长单位; X作为牵头企业的G."""
        s, sent = here.s, here.sent
        for m in _ROLE_AFTER_RE.finditer(sent):
            if re.search(r"分别以[^，,。；;]{0,12}$", sent[:m.start()]):
                continue  # 分别以两所高校为牵头单位的G1和G2: the respective rule
            a, b = s.start + m.start("g"), s.start + m.end("g")
            ok, g = self._group_spelled(here, a, b)
            if not ok:
                continue  # 为集团揭牌，颁发理事单位…: the role word belongs to another clause
            if g is None:
                tail = sent[m.end():]
                after = contiguous_after(here.ms, s.start + m.end() + (1 if tail.startswith("的") else 0), self.text)
                joins = re.match(r"(?:参与|加入|参加)了?", tail)
                joined = contiguous_after(here.ms, s.start + m.end() + joins.end(), self.text) if joins else []
                if tail.startswith("的") and after and after[0].type == "Group":
                    g = after[0]  # X作为牵头企业的G
                elif joined and joined[0].type == "Group":
                    g = joined[0]  # X作为副理事长单位参与G建设
                else:
                    g = self._group_about(here, s.start + m.start())
            for x in self._subjects_before(here, s.start + m.start()):
                self._role_fact(m.group("role"), x, g, here, "X任理事单位")

    def _role_before_names(self, here) -> None:
        """(集团)副理事长单位X、Y; 牵头组建单位——X; 理事长单位为X; 成员单位包括X."""
        s, sent = here.s, here.sent
        for m in _ROLE_BEFORE_RE.finditer(sent):
            before = sent[:m.start()]
            if re.search(rf"(?:{_BE})\s*{_BATCH}?\s*$", before) and not re.search(r"[为是有包括:：—－-]\s*$", m.group(0)):
                continue  # X为(首届)理事长单位、Y为…: the role of the body before
            if re.search(r"各\s*$|(?:其他|所有|全体|部分)\s*$", before):
                continue
            pos = s.start + m.end()
            if re.match(r"\s*(?:与|和|及|以及|共同|联合)", sent[m.end():]):
                continue  # 成员院校与X合作: the members act with X
            xs = contiguous_after(here.ms, pos, self.text)
            if not xs:
                # 副理事长单位、我系友好合作企业X: a short description between
                d = re.match(r"[、，,]?[^，,。；;：:、]{1,12}?(?=[\u4e00-\u9fffA-Za-z])", sent[m.end():])
                if d:
                    nxt = [x for x in here.ms if x.start >= pos]
                    if nxt and nxt[0].start <= pos + d.end() + 12 and not re.search(
                            r"[，,。；;]", self.text[pos:nxt[0].start]) and not _HOST_RE.search(self.text[pos:nxt[0].start]):
                        xs = contiguous_after(here.ms, nxt[0].start, self.text)
            xs = [x for x in xs if x.type != "Group"]
            if not xs:
                continue
            if re.match(rf"\s*(?:作为|为|担任|当选|任)", self.text[xs[-1].end:s.end]):
                xs = xs[:-1]  # 理事长单位、Y作为…: Y's role comes after it
            g = None
            lead_in = re.search(rf"(?:{_ANAPHOR})\s*$", before)
            if lead_in:
                g = self._ref("group", s.start + lead_in.start(), s.start + lead_in.end())
            named = [x for x in here.groups if x.end <= s.start + m.start()
                     and not self.text[x.end:s.start + m.start()].strip(" 的")]
            if named:
                g = named[-1]
            g = g or self._group_about(here, s.start + m.start())
            for x in xs:
                self._role_fact(m.group("role"), x, g, here, "理事单位为X")
        # 作为成员单位的X / X代表牵头单位
        for m in re.finditer(rf"作为(?P<g>[^，,。；;]{{0,30}}?)的?(?P<role>{ROLE_WORD})(?:{ROLE_UNIT})(?:之一)?的", sent):
            a, b = s.start + m.start("g"), s.start + m.end("g")
            g = self._group_in(here, a, b) if self.text[a:b].strip() else None
            g = g or self._group_about(here, s.start + m.start())
            for x in contiguous_after(here.ms, s.start + m.end(), self.text)[:1]:
                if x.type != "Group":
                    self._role_fact(m.group("role"), x, g, here, "作为成员单位的X")
        for m in re.finditer(rf"代表(?P<role>牵头|理事长|发起)(?:{ROLE_UNIT})", sent):
            prev = [x for x in here.ms if x.end <= s.start + m.start() and x.type != "Group"]
            if prev and s.start + m.start() - prev[-1].end <= 12 and not re.search(
                    r"[，,。；;、]", self.text[prev[-1].end:s.start + m.start()]):
                self._role_fact(m.group("role"), prev[-1], self._group_about(here, s.start + m.start()), here,
                                "X代表牵头单位")

    def _initiators(self, here) -> None:
        """X(、Y)(联合/共同)发起(成立)G; 由X、Y(联合)发起; …牵头，Y发起，联合…成立."""
        s, sent = here.s, here.sent
        for m in re.finditer(r"(?:联合|共同)?发起(?P<found>成立|组建|设立)?了?的?", sent):
            if sent[m.end():m.end() + 2] == "单位" or sent[m.end():m.end() + 1] in "人者":
                continue
            pos = s.start + m.start()
            clause = sent[:m.start()]
            by = clause.rfind("由")
            if by >= 0 and not re.search(r"[，,。；;]", clause[by:]):
                xs = [x for x in here.ms if s.start + by < x.start and x.end <= pos and x.type != "Group"]
            else:
                xs = self._subjects_before(here, pos)
            if not xs:
                continue
            after = contiguous_after(here.ms, s.start + m.end(), self.text)
            g = after[0] if after and after[0].type == "Group" else None
            if g is None:
                later = [x for x in here.groups if x.start >= s.start + m.end()]
                g = later[0] if later and m.group("found") else None
            if g is None:
                named = [x for x in here.groups if x.end <= pos]
                g = named[-1] if named else None
            if g is None and (m.group("found") or re.match(rf"\s*(?:{_ANAPHOR})", sent)
                              or re.search(r"成立|组建", sent[m.end():])
                              or re.search(rf"(?:此|该|本)(?:{_ANAPHOR})(?:是)?由[^，,。；;]*$", clause)):
                g = self._near_group(pos)  # 该联盟…由X牵头，Y发起，联合…共同成立
            for x in xs:
                self._fact("LEADS", x, g, s, pattern="X发起", role="发起")

    def _lead_with_allies(self, here) -> None:
        """X牵头，联合/携手A、B(共同)成立G: X leads G (the allies are members: the 共同成立 rule);
        X与Y携手(，)牵头成立G / X与Y共同牵头组建G: X and Y lead G together."""
        s, sent = here.s, here.sent
        for m in re.finditer(r"(?:联合|共同)?牵头[，,]?\s*(?:联合|携手|会同)", sent):
            v = re.compile(r"(?:共同|联合)?(?:成立|组建|搭建|发起成立)了?的?").search(sent, m.end())
            if v is None or re.search(r"[。；;]|主办|承办", sent[m.end():v.start()]):
                continue
            after = contiguous_after(here.ms, self._past_quote(s.start + v.end()), self.text)
            if not after or after[0].type != "Group":
                continue
            for x in self._leads_before(here, s.start + m.start()):
                self._fact("LEADS", x, after[0], s, pattern="X牵头，联合A成立G", role="牵头")
        for m in re.finditer(r"(?:携手|共同|联合)[，,]?\s*牵头(?:成立|组建|搭建|发起成立)了?的?", sent):
            after = contiguous_after(here.ms, self._past_quote(s.start + m.end()), self.text)
            if not after or after[0].type != "Group":
                continue
            xs = self._leads_before(here, s.start + m.start())
            if not xs:
                continue
            # X与(行业企业和)Y携手: the body before 与 leads too
            pre = self.text[s.start:xs[0].start]
            w = re.search(r"(?:与|同|和)(?:[^，,。；;、与和]{0,10}?(?:企业|院校|高校|单位|机构|协会)\s*[、和及])?\s*$", pre)
            if w:
                x = self._subject_before(s, s.start + w.start(), here.ms)
                if x is not None and x.type != "Group":
                    xs = [x, *xs]
            for x in xs:
                self._fact("LEADS", x, after[0], s, pattern="X与Y携手牵头成立G", role="牵头")

    def _past_quote(self, pos: int) -> int:
        """``pos`` moved past an opening quote (牵头成立“G”)."""
        return pos + len(re.match(r"[“\"「『‘]?", self.text[pos:pos + 1]).group(0))

    def _described_founders(self, here) -> None:
        """G(…,)是X与Y(以…)联合组建的(“双主体”)…: a sentence about G names its founders. They are
        its members (成员); founders of a 双主体 body are both its principals (LEADS, 发起); a
        school and an enterprise paired by 与 build it together (共建)."""
        s, sent = here.s, here.sent
        if not here.groups or here.groups[0] is not here.ms[0] or self.text[s.start:here.groups[0].start].strip():
            return
        g = here.groups[0]
        m = re.compile(r"[，,]?\s*是(?P<body>[^。；;]{2,80}?)(?:联合|共同|合作)(?:组建|成立)的").search(
            self.text, g.end, s.end)
        if m is None or re.search(r"牵头|发起|主办|承办", m.group("body")):
            return
        xs = [x for x in here.ms if m.start("body") <= x.start and x.end <= m.end("body")]
        if len(xs) < 2 or any(x.type == "Group" for x in xs):
            return
        dual = re.match(r"[“\"]?双主体", self.text[m.end():m.end() + 5])
        for x in xs:
            if dual:
                self._fact("LEADS", x, g, s, pattern="G是X与Y联合组建的双主体", role="发起")
            else:
                self._fact("MEMBER_OF", x, g, s, pattern="G是X与Y联合组建的", role="成员")
        if len(xs) == 2 and re.fullmatch(r"\s*与\s*", self.text[xs[0].end:xs[1].start]) and \
                {x.type for x in xs} == {"School", "Enterprise"}:
            self._fact("PARTNERS_WITH", xs[0], xs[1], s, pattern="G是X与Y联合组建的", kind="共建")

    def _leads_before(self, here, pos: int) -> list[Mention]:
        """The bodies (or 学校/我校) that a 牵头 at ``pos`` follows."""
        xs = [x for x in contiguous_before(here.ms, pos, self.text) if x.type != "Group"]
        if xs:
            return xs
        x = self._subject_before(here.s, pos, here.ms)
        return [x] if x is not None and x.type != "Group" else []

    def _council_list(self, here) -> None:
        """A、B、C等共计N家理事单位参加: the bodies listed are the group's members."""
        s, sent = here.s, here.sent
        for m in re.finditer(rf"等(?:(?:共计|共|合计)?\s*\d+\s*余?\s*[家个所])?(?P<g>[^，,。；;：:、等]{{0,40}}?)的?"
                             rf"{_BATCH}?(?P<role>{ROLE_WORD})单位", sent):
            ok, g = self._group_spelled(here, s.start + m.start("g"), s.start + m.end("g"))
            if not ok:
                continue  # A、B等企业的理事单位: another clause's role word
            g = g or self._group_about(here, s.start + m.start())
            for x in contiguous_before(here.ms, s.start + m.start(), self.text):
                if x.type != "Group":
                    self._role_fact(m.group("role"), x, g, here, "等N家理事单位")

    def _founders(self, here) -> None:
        """G(是)由A、B、C(联合/共同)组建/组成: the founders are members."""
        s, sent = here.s, here.sent
        for m in re.finditer(r"由", sent):
            v = re.compile(r"(?:联合|共同)?(?:组建|组成|发起成立|成立)").search(sent, m.end())
            if v is None or v.start() - m.end() > 250 or re.search(r"[。；;]|牵头|发起|主办|承办", sent[m.end():v.start()]):
                continue
            xs = [x for x in here.ms if s.start + m.end() <= x.start and x.end <= s.start + v.start()]
            if any(x.type == "Group" for x in xs):
                continue
            if len(xs) < 2 and not v.group(0).startswith(("联合", "共同")):
                continue  # 由X组建: a lead, said otherwise; not a co-founder
            after = contiguous_after(here.ms, s.start + v.end() + (1 if sent[v.end():v.end() + 1] == "的" else 0),
                                     self.text)
            if after and after[0].type == "Group" and re.match(r"了?的?", sent[v.end():]):
                g = after[0]
            else:
                named = [x for x in here.groups if x.end <= s.start + m.start()]
                g = named[-1] if named else None
                if g is None:
                    lead = re.match(rf"\s*(?:{_ANAPHOR})", sent)
                    g = self._ref("group", s.start + lead.start(), s.start + lead.end()) if lead else None
            if "发起" in v.group(0):
                # G由A携手B、C…共同发起成立: the founders who initiate a group lead it (发起)
                for x in xs:
                    self._fact("LEADS", x, g, s, pattern="G由A、B发起成立", role="发起")
                continue
            for x in xs:
                self._fact("MEMBER_OF", x, g, s, pattern="G由A、B组建", role="成员")

    def _founding_agreement(self, here) -> None:
        """A、B、C共同签署《G共建协议》: the signers found the group together."""
        s, sent = here.s, here.sent
        for m in re.finditer(r"(?:共同|联合)签署了?(?P<doc>[^，,。；;]{0,60}?)(?:协议|章程|倡议书|公约)", sent):
            about = m.group("doc")
            g = None
            for x in sorted((x for x in self.context if re.search(r"联盟|共同体|联合体|职业教育集团|职教集团", x)),
                            key=len, reverse=True):
                if x in about:
                    g = Mention("Group", x, self.doc.id, s.start + m.start("doc") + about.index(x),
                                s.start + m.start("doc") + about.index(x) + len(x))
                    break
            if g is None and re.search(_ANAPHOR + r"|成立|组建", about):
                g = self._ref("group", s.start + m.start(), s.start + m.start())
            if g is None:
                continue
            clause_start = max([0] + [c.end() for c in re.finditer(r"[，,]", sent[:m.start()])])
            for x in here.ms:
                if s.start + clause_start <= x.start and x.end <= s.start + m.start() and x.type != "Group":
                    self._fact("MEMBER_OF", x, g, s, pattern="共同签署协议", role="成员")

    def _joins(self, here) -> None:
        """加入(了)该联盟 / 本集团; X入选G."""
        s, sent = here.s, here.sent
        for m in re.finditer(rf"加入了?(?P<g>{_ANAPHOR})", sent):
            if any(x.start >= s.start + m.end() and not self.text[s.start + m.end():x.start].strip()
                   for x in here.groups):
                continue  # 加入集团X: the named group (the 加入 rule of the reader)
            g = self._ref("group", s.start + m.start("g"), s.start + m.end("g"))
            for subj in self._joiners(here, s.start + m.start()):
                self._fact("MEMBER_OF", subj, g, s, pattern="加入", role="成员")
        for m in re.finditer(r"入选(?:为)?", sent):
            after = contiguous_after(here.ms, s.start + m.end(), self.text)
            if not after or after[0].type != "Group":
                continue
            for x in self._subjects_before(here, s.start + m.start()):
                self._fact("MEMBER_OF", x, after[0], s, pattern="入选", role="成员")

    def _joiners(self, here, pos: int) -> list[Mention]:
        """Who joins at ``pos``: a list closed by its count (A、B等9家单位(正式)加入) joins whole, else
        the one subject of the clause."""
        xs = [x for x in contiguous_before(here.ms, pos, self.text) if x.type != "Group"]
        if len(xs) >= 2 or xs and re.fullmatch(rf"\s*(?:等)?\s*(?:{_TALLY})?\s*(?:{_JOIN_ADVERB})?\s*",
                                               self.text[xs[-1].end:pos]):
            return xs
        subj = self._subject_before(here.s, pos, here.ms)
        return [subj] if subj is not None and subj.type != "Group" else []

    def _admissions(self, here) -> None:
        """(审议通过了)A、B等8家单位的入盟申请 / 提交入盟申请的A、B: applicants admitted to the group the
        sentence is about are its members."""
        s, sent = here.s, here.sent
        for m in re.finditer(r"(?:的|之)?入(?:盟|会)申请", sent):
            xs = [x for x in contiguous_before(here.ms, s.start + m.start(), self.text) if x.type != "Group"]
            if not xs:
                head = re.search(r"(?:提交|递交|通过)(?:了)?\s*$", sent[:m.start()])
                if head and re.match(r"[^，。；]{0,3}?的", sent[m.end():]):
                    xs = [x for x in contiguous_after(here.ms, s.start + m.end() + sent[m.end():].index("的") + 1,
                                                      self.text) if x.type != "Group"]
            if not xs:
                continue
            if re.search(r"(?:不予|未|暂缓|驳回|拒绝)[^，。；]{0,6}$", sent[:xs[0].start - s.start]):
                continue  # 驳回了A的入盟申请: refused, no member
            g = self._group_anaphor(s, sent) or self._ref("group", s.start + m.start(), s.start + m.start())
            for x in xs:
                self._fact("MEMBER_OF", x, g, s, pattern="入盟申请", role="成员")

    def _allies_of_a_group(self, here) -> None:
        """G依托X的产业基础，携手A…，以及B…; G由X牵头，联合A…与B…: in a sentence about a group,
        the body it rests on (依托) leads it and the bodies it joins with (联合, 携手) are members."""
        s, sent = here.s, here.sent
        if not here.groups or self.text[s.start:here.groups[0].start].strip() or \
                here.groups[0] is not here.ms[0]:
            return
        g = here.groups[0]
        tail = sent[g.end - s.start:]
        dep = re.match(r"\s*(?:则|还|将|也)?\s*依托", tail)
        if dep:
            pos = g.end + dep.end()
            xs = [x for x in contiguous_after(here.ms, pos, self.text) if x.type != "Group"]
            for x in xs[:1]:
                self._fact("LEADS", x, g, s, pattern="G依托X", role="牵头")
        base = re.search(r"牵头|依托", tail)
        if base is None:
            return  # G联合A开展培训: a group working with A, not one made of A
        for m in re.finditer(r"联合|携手", tail[base.end():]):
            a = g.end + base.end() + m.end()
            clauses = re.split(r"([，,])", self.text[a:s.end])
            end = a + len(clauses[0])
            i = 1
            while i + 1 < len(clauses) and re.match(r"\s*(?:以及|及|和|与|并与)", clauses[i + 1]):
                end += len(clauses[i]) + len(clauses[i + 1])
                i += 2
            for x in here.ms:
                if a <= x.start and x.end <= end and x.type != "Group":
                    self._fact("MEMBER_OF", x, g, s, pattern="G联合A与B", role="成员")
