"""Parse a question (Chinese or English) into an interpretation the graph can execute:
answer type, relation, region, industry and the named entities it mentions.

>>> # parse_question(view, "哪些职教集团服务辽宁的装备制造产业")
>>> # Interpretation(answer_type='Group', relation='SERVES', region='辽宁', industry='装备制造', ...)

Entities are found first (longest match over node names and aliases, 职教 = 职业教育) and
masked, so the 大连 and 装备制造 inside 大连市装备制造工程学校 are not read as a region or an
industry constraint. Regions and industry chains named in the question become constraints
(search/constraints.py finds them).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from typing import Any

from graph.normalize import clean_text
from graph.schema import EDGE_TYPES
from search.constraints import MASK, industry_constraint, region_constraint
from search.graphview import GraphView, keyed
from search.mentions import Reading, longest_spans, loose_matches, name_index, simplified, suggestions, typo_spans
from search.naming import describe_english, question_kind
from search.relations import entity_role, find_relation
from search.vocab import ADMIN_LEVEL_EN, AGENCY_EN, GROUP_KIND_EN, INDUSTRY_EN

# Shortest name matched as an entity: place and industry names are short (沈阳, 汽车); a
# three-character name such as 教育部 is the shortest body worth matching.
_MIN_ENTITY_CHARS = {"Region": 2, "IndustryChain": 2}

# Answer-type nouns, checked right after a question word (哪些 / 哪个 / which ...).
_ZH_TYPES: tuple[tuple[str, str | None], ...] = (
    ("行业产教融合共同体", "Group"), ("产教融合共同体", "Group"), ("市域产教联合体", "Group"),
    ("产教联合体", "Group"), ("职业教育集团", "Group"), ("职教集团", "Group"), ("集团", "Group"), ("联盟", "Group"),
    ("联合体", "Group"), ("共同体", "Group"), ("协作体", "Group"), ("产业学院", "Group"),
    ("职业教育园区", "Group"), ("职教园区", "Group"),
    ("学校", "School"), ("院校", "School"), ("学院", "School"), ("职校", "School"), ("高校", "School"),
    ("中职", "School"), ("高职", "School"), ("大学", "School"),
    ("企业", "Enterprise"), ("公司", "Enterprise"), ("厂", "Enterprise"),
    ("部门", "Agency"), ("机关", "Agency"), ("机构", "Agency"), ("政府", "Agency"),
    ("协会", "Association"), ("学会", "Association"), ("研究院", "Institute"), ("科研院所", "Institute"),
    ("文件", "Policy"), ("政策", "Policy"), ("通知", "Policy"), ("意见", "Policy"),
    ("措施", "Measure"), ("任务", "Measure"), ("举措", "Measure"),
    ("目标", "Target"), ("产业链", "IndustryChain"), ("产业", "IndustryChain"), ("行业", "IndustryChain"),
    ("城市", "Region"), ("地区", "Region"), ("地方", "Region"),
    ("单位", None),  # 哪些单位牵头了…: any kind of body
)
_HEAD_NOUNS = tuple(word for word, _ in _ZH_TYPES)  # nouns a relative clause (…的学校) may describe
_ZH_ASK = re.compile(r"(哪些|哪个|哪家|哪几家|哪几个|哪所|哪几所|什么|哪一?类|有哪|列出|列举|多少|几个|几家|几所)")
_EN_TYPES: tuple[tuple[str, str], ...] = (
    # Kinds of group first: "industry colleges" are groups, not industries or schools.
    *((phrase, "Group") for phrase, _, _ in GROUP_KIND_EN),
    ("groups", "Group"), ("group", "Group"), ("alliances", "Group"), ("alliance", "Group"),
    ("consortia", "Group"), ("consortium", "Group"), ("communities", "Group"), ("clusters", "Group"),
    ("schools", "School"), ("school", "School"), ("colleges", "School"), ("college", "School"),
    ("institutions", "School"), ("universities", "School"),
    ("companies", "Enterprise"), ("company", "Enterprise"), ("enterprises", "Enterprise"),
    ("enterprise", "Enterprise"), ("firms", "Enterprise"), ("businesses", "Enterprise"),
    ("departments", "Agency"), ("department", "Agency"), ("agencies", "Agency"), ("agency", "Agency"),
    ("authorities", "Agency"), ("bodies", "Agency"), ("policies", "Policy"), ("policy", "Policy"),
    ("documents", "Policy"), ("document", "Policy"), ("measures", "Measure"), ("tasks", "Measure"),
    ("targets", "Target"), ("goals", "Target"), ("industries", "IndustryChain"), ("industry", "IndustryChain"),
    ("regions", "Region"), ("cities", "Region"),
)
_WHERE = re.compile(r"(在哪里|在哪儿|在哪个|位于哪|在什么地方|\bwhere\b)")
_EN_ASK = re.compile(r"\b(which|what|list|name|show|how many)\b")
# "辽宁省有多少个职教集团" / "how many": answered by the list, and the interpretation says how many.
_COUNT = re.compile(r"(多少|几个|几家|几所|\bhow many\b)")

# Inverse questions: "X的牵头单位" asks for the unit that leads X, whatever its type.
_ZH_LEADER = re.compile(r"(牵头单位|牵头学校|牵头院校|牵头企业|(?<!副)理事长单位|主体单位|发起单位|谁牵头|谁发起|由谁|"
                        r"牵头的是)")
_EN_LEADER = re.compile(r"\b(who leads|lead unit|leading unit|led by whom|leader of)\b")
_ZH_MEMBER = re.compile(r"(成员单位|成员有|的成员|副理事长单位|常务理事单位|理事单位|会员单位)")
# Seats of a group's council, longest first (副理事长 before 理事长 before 理事), as the edge roles.
_ZH_SEAT = re.compile(r"(副理事长|常务理事|理事长|理事)(?:单位|成员)")
_EN_SEAT = re.compile(r"\b(vice[- ]chair(?:man)?|executive director|chair(?:man)?|director) (?:units?|members?)\b")
_EN_SEATS = {"vice-chair": "副理事长", "vice chair": "副理事长", "vice-chairman": "副理事长", "vice chairman": "副理事长",
             "executive director": "常务理事", "chair": "理事长", "chairman": "理事长", "director": "理事"}

# Syntactic entity slots: names that must resolve, or the question is about something unknown.
_ZH_SLOTS = (
    re.compile(r"(?:与|和|跟|同)([^，。？?、与和跟]{3,40}?)(?:合作|共建|签订|签约|签署|联合|开展|开设|建立)"),
    re.compile(r"^([^，。？?]{3,40}?)的(?:牵头|成员|合作|副?理事|常务理事|主体单位|发起|责任|发文)"),
    re.compile(r"^([^，。？?]{3,40}?)(?:由谁|由哪|有哪些成员|牵头单位是|是谁|是哪)"),
    re.compile(r"^([^，。？?]{3,40}?)(?:牵头|发起|与哪|和哪|同哪|跟哪|服务哪|对接哪|参与哪|加入|负责哪|发布|签约)"),
)
_EN_SLOT = re.compile(r"\b(?:with|of|by|does|did|to)\s+(?:the\s+)?((?:[A-Z][\w&'-]*\s?){2,8})")
# A described task (建设50所左右…) or described bodies (服务现代农业的职教集团) are not names.
_NOT_A_NAME = re.compile(r"[0-9０-９]|左右|的|哪|什么|谁|多少|^(建设|遴选|推进|开展|实施|完成|培育|打造|支持|服务|对接|面向|位于)")
_POLICY_TITLE = re.compile(r"^关于[^哪谁？?]{4,}(?:通知|意见|决定|方案|办法|规划|批复|细则|计划|规定|函)$")
_ORG_SUFFIX = re.compile(r"(学校|学院|大学|公司|集团|联盟|联合体|共同体|协作体|中心|教育厅|教育局|政府|协会|研究院|委员会)$")


@dataclass
class Interpretation:
    """What a question asks: the parse shown to users plus what the executor needs."""

    answer_type: str | None = None
    relation: str | None = None
    region: str | None = None
    industry: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    group_kind: str | None = None  # 产业学院, 联盟 …: the kind of group asked for or described
    count: bool = False  # 多少 / how many (the answer then says how many it found)
    unresolved: list[str] = field(default_factory=list)  # names the graph does not know
    # What each unknown name looks like in the graph ("did you mean"): mention → names.
    suggestions: dict[str, list[str]] = field(default_factory=dict)
    topic: str = ""  # the question with its question words, entities and constraints removed
    # The entities' part in the relation: "agent" (辽教发55号落实了哪个文件, X牵头哪些联盟) or
    # "patient" (哪些政策落实了X, X由谁牵头, X的成员); None when the wording does not say.
    role: str | None = None
    # The question describes groups by constraints and asks for who leads / joins / partners
    # with them (who leads the rail transit groups in Liaoning).
    via_groups: bool = False
    # The seat asked about (有哪些副理事长单位, who are its vice-chair members): the ``role`` an
    # edge records; answers keep the edges with that seat when the graph records any.
    seat: str | None = None

    def public(self) -> dict[str, Any]:
        return {"answer_type": self.answer_type, "relation": self.relation, "region": self.region,
                "industry": self.industry, "group_kind": self.group_kind, "count": self.count,
                "entities": list(self.entities),
                "unknown": [{"mention": m, "suggestions": self.suggestions.get(m, [])} for m in self.unresolved]}

    @property
    def structured(self) -> bool:
        return bool(self.answer_type or self.relation or self.entities or self.industry or self.group_kind)


def fits_relation(rel: str | None, node_type: str) -> bool:
    """Can a node of this type be at either end of the relation?"""
    if rel is None or rel not in EDGE_TYPES:
        return True
    return any(end is None or node_type in end for end in EDGE_TYPES[rel])


def _is_english(text: str) -> bool:
    han = len(re.findall(r"[\u4e00-\u9fff]", text))
    return han < max(2, len(re.findall(r"[a-zA-Z]", text)) // 4)


def find_entities(view: GraphView, text: str) -> list[tuple[int, int, list[str]]]:
    """Longest-match spans of node names in ``text``: (start, end, node ids), non-overlapping.
    Names match in Simplified form whichever form the page or the question wrote."""
    names = name_index(view)

    def ids(run: str) -> list[str] | None:
        found = sorted(n for n in names.by_key.get(run, ()) if len(run) >= _MIN_ENTITY_CHARS.get(view.nodes[n].type, 3))
        return found or None

    return longest_spans(text, lambda i, key: range(min(names.max_key, len(key) - i), 1, -1), ids)  # type: ignore


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = MASK
    return "".join(chars)


def _answer_type(text: str, english: bool) -> str | None:
    if _WHERE.search(text.lower()):
        return "Region"
    if english:
        low = text.lower()
        m = _EN_ASK.search(low)
        if not m:
            return None
        tail = low[m.end():]
        best = None
        for word, t in _EN_TYPES:
            mm = re.search(rf"\b{word}\b", tail)
            if mm and (best is None or mm.start() < best[0]):
                best = (mm.start(), t)
        return best[1] if best else None
    for m in _ZH_ASK.finditer(text):
        tail = re.split(r"[，,。？?；;！!]", text[m.end():m.end() + 24])[0]
        first = _first_type_noun(tail)
        if first is None:
            continue
        pos, t = first
        # Chinese puts modifiers before the head noun: in 哪些服务石油化工产业的职教集团 the head
        # is what follows the last 的, not the 产业 inside the modifier.
        if "的" in tail and (_MODIFIER_CUE.search(tail[:pos]) or "的" in tail[:pos]):
            head = _first_type_noun(tail[tail.rindex("的") + 1:])
            if head is not None:
                return head[1]
        return t
    # "辽宁的职教集团有哪些": the noun asked about comes before the question word.
    m = _ZH_ASK.search(text)
    if m:
        head = re.split(r"[，,。？?；;！!]", text[:m.start()])[-1]
        best = None
        for word, t in _ZH_TYPES:
            pos = head.rfind(word)
            if pos >= 0 and (best is None or (pos + len(word), len(word)) > (best[0], best[1])):
                best = (pos + len(word), len(word), t)
        if best and best[0] >= len(head.rstrip("有是都还")) - 1:
            return best[2]
    # "东川联盟的合作企业", "东政发〔2023〕3号的发文机关": a relation noun ends the question.
    m = _ZH_RELATION_NOUN.search(text)
    if m:
        return _RELATION_NOUN_TYPES[m.group(1)]
    return None


_RELATION_NOUN_TYPES = {"企业": "Enterprise", "公司": "Enterprise", "学校": "School", "院校": "School",
                        "高校": "School", "学院": "School", "大学": "School", "部门": "Agency", "机关": "Agency"}
_ZH_RELATION_NOUN = re.compile(r"的(?:合作|牵头|成员|签约|共建|发起|理事|发文|印发)(企业|公司|学校|院校|高校|学院|大学|"
                               r"部门|机关)[？?]?$")


_MODIFIER_CUE = re.compile(r"(服务|对接|面向|与|和|同|跟|牵头|参与|负责|落实|位于|在)")


def _first_type_noun(tail: str) -> tuple[int, str] | None:
    best = None
    for word, t in _ZH_TYPES:
        pos = tail.find(word)
        if pos >= 0 and (best is None or (pos, -len(word)) < (best[0], best[1])):
            best = (pos, -len(word), t)
    return (best[0], best[2]) if best else None


# A group noun in a question whose answers are not groups: the groups are described, not asked.
_ZH_GROUP_NOUN = re.compile(r"(集团|联盟|联合体|共同体|协作体|产业学院|园区)")
_EN_GROUP_NOUN = re.compile(r"\b(groups?|alliances?|consortia|consortiums?|communities|community|colleges?|parks?|"
                            r"collaboration bod(y|ies))\b")
_VIA_GROUP_RELATIONS = ("LEADS", "MEMBER_OF", "PARTNERS_WITH")


_NAMED_TYPES = {"School", "Enterprise", "Group", "Agency", "Association", "Institute", "Policy"}


def _add_readings(view: GraphView, interp: Interpretation, mention: str, readings) -> None:
    """Entities a mention was read as, each saying so ("read 东川职院 as 东川职业技术学院")."""
    known = {e["id"] for e in interp.entities}
    for r in readings:
        for i in r.ids:
            if i in known:
                continue
            n = view.nodes[i]
            interp.entities.append({"id": n.id, "name": n.name, "type": n.type, "mention": mention,
                                    "read_as": r.note(mention)})


def _linked(view: GraphView, node_id: str, relation: str | None) -> bool:
    """Does the node take part in the asked relation (any relation but LOCATED_IN when none is
    asked) on some evidence? A lead unit counts as a member."""
    wanted = {relation, "LEADS"} if relation == "MEMBER_OF" else {relation}
    return any(e.evidence and (e.type in wanted if relation else e.type != "LOCATED_IN")
               for e in view.edges(node_id))


def _read_bare_entities(view: GraphView, interp: Interpretation) -> None:
    """An entity found by name that takes no part in the asked relation is often a second node
    of the same body (东川职院 beside 东川职业技术学院, or a noisy "png东川产教联合体"): read the
    mention as the nodes of that type it abbreviates too."""
    for ent in list(interp.entities):
        if ent.get("read_as") or _linked(view, ent["id"], interp.relation):
            continue
        readings = loose_matches(view, ent["mention"], types={ent["type"]}, exclude={ent["id"]})
        readings = [r for r in readings if any(_linked(view, i, interp.relation) for i in r.ids)]
        _add_readings(view, interp, ent["mention"], readings)


# A national place before a body's name is part of the name (中国星河集团, 中华职业教育社), as is
# any place directly before a company's name (东川星河能源): neither is a region constraint.
_NATIONAL = ("中国", "中华", "全国")


def _leading_place(view: GraphView, text: str, start: int, nodes) -> int:
    """Where a matched body name starts once a place written right before it is counted in."""
    window = text[max(0, start - 10):start]
    company = any(n.type == "Enterprise" for n in nodes)
    best = start
    for pos, surface in view.places_in(window):
        if pos + len(surface) == len(window) and (surface in _NATIONAL or company):
            best = min(best, start - len(surface))
    for word in _NATIONAL:  # 全国 is no place of the gazetteer
        if window.endswith(word):
            best = min(best, start - len(word))
    return best


# A policy title the question writes in full or without its issuer: 《…》, or a run ending with
# a document word after the start of the question, a separator or a verb that cites a document.
_POLICY_END = r"(?:通知|意见|决定|方案|办法|规划|纲要|批复|细则|计划|规定|条例|指南|标准|函)"
_TITLE_SPAN = re.compile(
    r"《([^《》□]{4,80})》|"
    r"(?:^|[，,。；;：:、“”\"]|落实了?|贯彻了?|执行了?|依据|根据|按照|响应|实施了?|转发了?|引用了?)"
    r"([^，,。？?；;、《》“”\"□哪谁]{6,80}" + _POLICY_END + r"(?:[(（][^()（）]{1,12}[)）])?)"
    r"(?=$|[，,。？?；;]|由|是|的(?:发文|发布|印发|牵头|落实|依据)|落实|发布|印发|有|中|提出|要求|规定了)")
# Short forms of schools (东川职大, 东川职院, 农机技校): the run of characters before the word.
_SHORT_FORM_END = re.compile(r"(职大|职院|技院|技校|职校|高专|职专|职高|技师学院|职业学院|职业大学)")
_SHORT_FORM_TRIES = 5  # loose matching scans every name: a few runs per short form
_SHORT_FORM_STOP = re.compile(r"[^\u4e00-\u9fff]|[的与和跟同在有是了哪些个所家由被对向从为把将及]")


def _title_readings(view: GraphView, title: str):
    """Policies a title names: in full, without its issuer, or without a trailing (试行)."""
    tries = [title]
    core = re.sub(r"[(（][^()（）]{1,12}[)）]$", "", title)
    if core != title:
        tries.append(core)
    if "关于" in title and not title.startswith("关于"):
        tries.append(title[title.index("关于"):])
    for t in tries:
        exact = [i for i in name_index(view).by_key.get(keyed(simplified(t))[0], ()) if view.nodes[i].type == "Policy"]
        if exact:
            return [Reading(sorted(exact), view.nodes[sorted(exact)[0]].name, "title", 1.0)]
        readings = loose_matches(view, t, types={"Policy"})
        if readings:
            return readings
    return []


def _policy_titles(view: GraphView, text: str):
    """(start, end, readings, unknown) of policy titles in the question; ``unknown`` when the
    wording marks a title (《…》, 关于…) that names no policy of the graph."""
    out = []
    for m in _TITLE_SPAN.finditer(text):
        g = 1 if m.group(1) else 2
        title = m.group(g).strip()
        if _NOT_A_TITLE.search(title) or not re.search(_POLICY_END, title):
            continue
        readings = _title_readings(view, title)
        out.append((m.start(g), m.end(g), readings, bool(m.group(1)) or title.startswith("关于")))
    return out


def _short_forms(view: GraphView, masked: str):
    """(start, end, readings) of school short forms (东川职大, 东川职院) no exact name matched."""
    out = []
    for m in _SHORT_FORM_END.finditer(masked):
        start = m.start()
        while start > 0 and m.start() - start < 10 and not _SHORT_FORM_STOP.match(masked[start - 1]):
            start -= 1
        for s in range(start, m.start())[:_SHORT_FORM_TRIES]:  # the longest run first
            mention = masked[s:m.end()]
            if len(mention) < 3:
                break
            readings = loose_matches(view, mention, types={"School"})
            if readings:
                out.append((s, m.end(), readings))
                break
    return out


# A described task or kind of document, not a title (制定实施方案, 哪些实施方案).
_NOT_A_TITLE = re.compile(r"^(?:制定|出台|建立|完善|研究|编制|起草|印发|发布|各类|相关|有关|这些|该)")


def parse_question(view: GraphView, question: str) -> Interpretation:
    """The interpretation of a question over the graph in ``view`` (Traditional characters are
    read as Simplified)."""
    text = simplified(clean_text(question).strip())
    interp = Interpretation()

    # 1. Named entities (masked so their inner words are not read as constraints).
    spans = find_entities(view, text)
    masked_spans: list[tuple[int, int]] = []
    for s, e, ids in spans:
        nodes = [view.nodes[i] for i in ids if view.nodes[i].type not in ("Region", "IndustryChain")]
        if not nodes:
            continue  # places and industries are read as constraints below
        for n in nodes:
            interp.entities.append({"id": n.id, "name": n.name, "type": n.type, "mention": text[s:e],
                                    "_span": (s, e)})
        masked_spans.append((_leading_place(view, text, s, nodes), e))
    masked = _mask(text, masked_spans)
    # A name typed with one character wrong, anywhere (who leads 东川职教联萌, 东川职教联萌的成员).
    for start, end, readings in typo_spans(view, masked, _NAMED_TYPES, MASK):
        _add_readings(view, interp, text[start:end], readings)
        masked_spans.append((start, end))
    masked = _mask(text, masked_spans)
    english = _is_english(masked.replace(MASK, ""))  # "who leads 东川职业教育联盟" is English

    # 2. Named slots that did not resolve exactly: try fuzzy matching, else record as unknown.
    if not english:
        slot_spans: list[tuple[int, int]] = []
        for pat in _ZH_SLOTS:
            m = pat.search(masked)
            if not m or MASK in m.group(1):
                continue
            mention = m.group(1).strip()
            # A task described by the question (建设50所左右…学校) is not a body's name; a policy
            # title (关于…的通知) is one.
            if _NOT_A_NAME.search(mention) and not _POLICY_TITLE.match(mention):
                continue
            # A short form (星河能源), a near spelling or a noisy node name: "read X as Y".
            readings = loose_matches(view, mention, types=_NAMED_TYPES)
            if readings:
                _add_readings(view, interp, mention, readings)
                masked_spans.append((m.start(1), m.end(1)))
                slot_spans.append((m.start(1), m.end(1)))
            elif _ORG_SUFFIX.search(mention):
                interp.unresolved.append(mention)
                masked_spans.append((m.start(1), m.end(1)))
                slot_spans.append((m.start(1), m.end(1)))
        # Policy titles anywhere in the question, in full or without their issuer (关于…的决定由谁
        # 发布): a title holds the names of its issuer or of the body it founds, which are then
        # no entities of their own.
        for start, end, readings, unknown in _policy_titles(view, text):
            if any(s < end and start < e for s, e in slot_spans):
                continue
            if not readings and not unknown:
                continue
            interp.entities = [e for e in interp.entities if not ("_span" in e and start <= e["_span"][0] < end)]
            masked_spans = [sp for sp in masked_spans if not start <= sp[0] < end]
            if readings:
                _add_readings(view, interp, text[start:end], readings)
            else:
                interp.unresolved.append(text[start:end])
            masked_spans.append((start, end))
        masked = _mask(text, masked_spans)
        # Short forms anywhere in the question (东川职大在哪里).
        for start, end, readings in _short_forms(view, masked):
            _add_readings(view, interp, masked[start:end], readings)
            masked_spans.append((start, end))
        masked = _mask(text, masked_spans)

    else:
        # "the Liaoning equipment manufacturing vocational education group": a body described by
        # its parts in English names the one node that has them all.
        for d in describe_english(view, masked):
            mention = text[d.start:d.end]
            if d.ids:
                for i in d.ids:
                    n = view.nodes[i]
                    interp.entities.append({"id": n.id, "name": n.name, "type": n.type, "mention": mention})
                masked_spans.append((d.start, d.end))
            elif d.unknown:  # "the aerospace vocational education group": a name we cannot map
                interp.unresolved.append(mention)
                masked_spans.append((d.start, d.end))
        masked = _mask(text, masked_spans)
        # "partner with Lakeside University": a capitalised name that is no known place.
        for m in _EN_SLOT.finditer(masked):
            mention = m.group(1).strip()
            if not _known_english(view, mention):
                interp.unresolved.append(mention)

    # 3. Answer type, relation and the entities' part in it.
    interp.answer_type = _answer_type(masked, english)
    interp.count = bool(_COUNT.search(masked.lower()))
    interp.relation, cue = find_relation(masked, english, _HEAD_NOUNS)
    leader = _EN_LEADER.search(masked.lower()) if english else _ZH_LEADER.search(masked)
    if leader and interp.answer_type in (None, "Group") and interp.entities and interp.relation != "ISSUED_BY":
        interp.relation = "LEADS"
        if interp.answer_type == "Group" and any(e["type"] == "Group" for e in interp.entities):
            interp.answer_type = None  # "X联盟的牵头单位": the leader, not another group
    if not english and _ZH_MEMBER.search(masked) and interp.entities:
        interp.relation = "MEMBER_OF"
    seat = _EN_SEAT.search(masked.lower()) if english else _ZH_SEAT.search(masked)
    if seat and interp.relation in ("LEADS", "MEMBER_OF"):
        interp.seat = _EN_SEATS.get(seat.group(1), seat.group(1))
        if interp.seat == "理事长":
            interp.relation = "LEADS"  # the chair unit leads the group (docs/dev-gold.md)
    if interp.answer_type == "Agency" and interp.relation is None and "负责" in masked:
        interp.relation = "RESPONSIBLE_FOR"
    _read_bare_entities(view, interp)
    # A name that cannot take part in the relation is a word inside a described task
    # (the 中职学校 of 建设50所左右省级优质中职学校), not the entity asked about.
    interp.entities = [e for e in interp.entities if fits_relation(interp.relation, e["type"])]
    for e in interp.entities:
        e.pop("_span", None)
    entity_spans = sorted(sp for sp in masked_spans if MASK not in text[sp[0]:sp[1]])
    if interp.entities and cue and entity_spans:
        interp.role = entity_role(masked, entity_spans[0], cue, english)

    # 4. Region, industry and kind-of-group constraints from what is left.
    region, rspans = region_constraint(view, masked, english)
    interp.region = region
    masked2 = _mask(masked, rspans)
    industry, ispans = industry_constraint(view, masked2)
    if industry and interp.answer_type == "IndustryChain":
        industry = None  # "哪些产业": the industry is the answer, not a constraint
    interp.industry = industry
    interp.group_kind, _ = question_kind(masked2, english)
    noun = (_EN_GROUP_NOUN.search(masked2.lower()) if english else _ZH_GROUP_NOUN.search(masked2))
    interp.via_groups = bool(interp.relation in _VIA_GROUP_RELATIONS and not interp.entities
                             and not interp.unresolved and interp.answer_type != "Group" and noun)
    if interp.group_kind and interp.answer_type is None and not interp.entities and not interp.via_groups \
            and interp.relation in (None, "SERVES", "LOCATED_IN"):
        interp.answer_type = "Group"  # "沈阳的产业学院", "industry colleges in Shenyang"
    # The topic keeps entity mentions: a task described by the question may contain a name.
    topic = _mask(text, rspans + ispans)
    topic = re.sub(r"(哪些|哪个|哪家|什么|由|的|是|有|谁|吗|呢|？|\?|□)", " ", topic)
    interp.topic = " ".join(topic.split())
    for mention in interp.unresolved:
        interp.suggestions[mention] = suggestions(view, mention, _NAMED_TYPES)
    return interp


_EN_VOCAB_WORDS: "weakref.WeakKeyDictionary[GraphView, frozenset[str]]" = weakref.WeakKeyDictionary()


def _english_vocab_words(view: GraphView) -> frozenset[str]:
    """Words of the English names we can map: places, industries, levels, kinds, agencies."""
    words = _EN_VOCAB_WORDS.get(view)
    if words is None:
        known = set(view.english_region_names()) | set(INDUSTRY_EN) | set(ADMIN_LEVEL_EN)
        known |= {p for p, _, _ in GROUP_KIND_EN} | {p for p, _ in AGENCY_EN}
        plain = re.compile(r"[a-z' -]+")
        words = frozenset(w for k in known if plain.fullmatch(k) for w in k.split())
        _EN_VOCAB_WORDS[view] = words
    return words


def _known_english(view: GraphView, mention: str) -> bool:
    """Is a capitalised English phrase made only of words we can map (places, industries, kinds
    of bodies)? "Lakeside University" is not: "lakeside" names something the graph does not know."""
    vocab_words = _english_vocab_words(view)
    words = mention.lower().split()
    return all(w in vocab_words or w in ("of", "the", "and", "province", "vocational", "education") for w in words)
