"""Responsible parties a task states: （责任单位：…）, （牵头单位：…；配合单位：…）, [责任单位：…],
（X牵头，Y配合）, 由X牵头，Y配合, X会同Y, a subject that must act (X要…), and the names a task list
writes them by (各市 → 各市人民政府, 市教育局 → the issuer's city's 教育局).

>>> split_departments("省教育厅、各县（市、区）人民政府")
['省教育厅', '各县(市、区)人民政府']
"""

from __future__ import annotations

import re

from graph.normalize import clean_text
from ingest.policy_text import is_agency_name

# The key of PolicySegment.places naming the policy's one issuer (not a place level).
OWN = "issuer"


# ---- responsible parties ------------------------------------------------------------------
# A responsibility stated in the text: （责任单位：省教育厅、省财政厅）.
# A unit list may hold one level of brackets (（责任单位：市教育局、各县（市、区）人民政府）) and
# several labelled lists (（牵头单位：市教育局；配合单位：市财政局）).
# The unit word of a label: 单位, 部门, or the internal divisions of a bureau (处室, 科室, 股室).
_UNIT_WORD = r"(?:单位|部门|处室|科室|股室)"
# A label is a role's unit form (牵头单位, 协同部门, 责任处室) or its role word alone, on a line of its
# own (牵头：市教育局), opening a bracket (（牵头：X；配合：Y）) or as a further list inside a labelled
# one (【责任科室：职成科；协同：各县（区）教育局】): the word is the label, not part of the name.
_LABEL_ROLES = (("牵头", rf"(?:牵头|主责){_UNIT_WORD}|主办单位", "牵头|主责"),
                ("配合", rf"(?:配合|参与|协办|协同|协助){_UNIT_WORD}|支持单位", "配合|参与|协办|协同|协助"),
                ("责任", rf"(?:责任|负责){_UNIT_WORD}|责任主体|实施单位|落实单位", "责任|负责"))
_UNIT_LABEL = "(?:" + "|".join(unit for _, unit, _ in _LABEL_ROLES) + ")"
_RESP_LABEL = "(?:" + "|".join(f"{unit}|{bare}" for _, unit, bare in _LABEL_ROLES) + ")"


def label_role(label: str) -> str:
    """The role a label names: 牵头单位, 牵头 → 牵头; 协同部门, 协同 → 配合; 责任科室 → 责任."""
    return next(r for r, unit, bare in _LABEL_ROLES if re.fullmatch(f"{unit}|{bare}", label))


# Also the label on a line of its own after the task (责任单位：市教育局), in square brackets
# ([责任单位：市教育局]), and the led form （市教育局牵头，市财政局、市人力资源社会保障局配合）.
# National task divisions write the supporting bodies as 按职责分工负责 (（教育部牵头，国家发展改革委、
# 财政部等按职责分工负责）) and a list without a lead as （X、Y按职责分工负责） or （X负责）; a deadline may
# close the bracket (（各省级人民政府负责，2031年底前完成）).
_HELPS = r"(?:等)?(?P<hv>(?:按职责)?分工负责|按职责负责|具体负责|负责落实|具体落实|具体实施|负责|配合|参与|协助|协同|指导)"
_TAIL = r"(?:[，,；;](?:[^（()）。]|[（(][^（()）]{1,10}[）)]){0,30})?"
STATED_RESPONSIBLE = re.compile(
    rf"[（(\[【〔](?P<l1>{_RESP_LABEL})[:：](?P<lab>(?:[^（()）\[\]【】〔〕]|[（(][^（()）]*[）)])+)[）)\]】〕]"
    rf"|(?<![（(\[【〔\w])(?P<l2>{_RESP_LABEL})[:：](?P<line>(?:[^（()）。〔〕]|[（(][^（()）。]{{1,10}}[）)])+)"
    rf"|[（(](?P<lead>[^（()）。，,]{{2,60}}?)(?:负责)?牵头(?:负责)?(?:[，,；;、](?P<help>(?:[^（()）。]|[（(][^（()）]{{1,10}}[）)]){{2,80}}?){_HELPS})?{_TAIL}[）)]"
    rf"|[（(]由?(?P<owners>(?:[^（()）。，,；;]|[（(][^（()）]{{1,10}}[）)]){{2,80}}?)(?:等)?(?:(?:按职责)?分工)?负责"
    rf"(?P<more>{_TAIL})[）)]")
# A second list in the same bracket: （X、Y按职责分工负责，各省级人民政府负责落实）; a body that guides
# the ones responsible helps them (（各县（市、区）人民政府负责，市人社局指导）: 配合).
_MORE_OWNERS = re.compile(r"^[，,；;](?P<who>[^，,；;]{2,60}?)(?:等)?(?:(?:(?:按职责)?分工)?(?P<own>负责)|配合|参与|协助|协同|指导)")
RESPONSIBLE_LINE = re.compile(rf"^\s*(?:[\[【〔（(]?{_RESP_LABEL}[:：]|[（(][^（()）。，,]{{2,60}}?(?:牵头(?:负责)?[，,；;、）)]|负责[）)]))")
# A time column written into a responsibility (责任部门：市财政局 完成时限：2031年12月) ends the list.
_TIME_LABEL = re.compile(r"\s*(?:完成时限|完成时间|时间进度|进度安排|时限|时间)[:：].*$")
# Unbracketed: 由市教育局牵头，市财政局、市人社局配合; 市教育局会同市经信委、市人社局…; a subject
# that must act: 各县（市、区）教育局要…, 各地发展改革和教育部门要….
_PLAIN_LEAD = re.compile(r"(?:由)?(?P<lead>[^，,。；;（()）：:、]{2,40}?(?:、[^，,。；;（()）：:、]{2,30}?)*)(?:负责)?牵头(?:负责)?"
                         r"(?:[，,、]\s*(?P<help>[^，,。；;（()）]{2,80}?)(?:配合|参与|协助|协同))?(?=[，,。；;]|$)")
# X为责任单位 / X为牵头单位，Y为配合单位
_NAMED_AS = re.compile(rf"(?:^|(?<=[，,；;]))(?P<who>[^，,。；;（()）]{{2,60}}?)为(?P<label>{_UNIT_LABEL})(?=[，,。；;]|$)")
_PLAIN_DUTY = re.compile(r"(?:^|(?<=[，,；;]))(?P<who>[^，,。；;（()）]{2,60}?)(?:等)?(?:按职责)?分工负责(?=[，,。；;]|$)")
_TOGETHER = re.compile(r"^(?P<lead>[^，,。；;（()）]{2,40}?)(?:要|应|应当)?会同(?P<help>[^，,。；;（()）]{2,80})")
_SUBJECT = re.compile(r"^由?(?P<who>(?:各|有关|相关)?[^，,。；;：:]{2,40}?)(?:要|应|应当|须|必须|负责)(?!求|点|素)")
_GROUP_PARTY = re.compile(r"^(?:各|有关|相关|[省市县区]直(?:各|有关|相关)?)[\u4e00-\u9fff（()）、]{0,20}(?:部门|单位|政府|机关|学校|院校|高校|企业|机构|协会)$")


# A unit of a place or of a body that carries tasks: a centre, a school, a division of a bureau
# (县职业中专, 省电化教育馆, 省人社厅信息中心, 县教育局计财股); and a division of the issuer written
# bare (职成处, 新闻宣传中心), named after the issuer (agency_name).
_UNIT_PARTY = re.compile(r"^(?:[省市县区]|[\u4e00-\u9fff]{2,8}?(?:省|市|县|区))[\u4e00-\u9fff]{1,20}?"
                         r"(?:中心|馆|学校|中专|职专|技校|学院|站|股|科|室|支行|分行|海关|分局)$")
BARE_DIVISION = re.compile(r"^(?:(?![省市县区州各厅局委部府])[\u4e00-\u9fff]){1,7}(?:处|科|股|室|中心)$")


def _party(name: str) -> bool:
    return (is_agency_name(name) or bool(_COLLECTIVE.match(clean_text(name))) or bool(_GROUP_PARTY.match(name))
            or _kind_department(name) or bool(_UNIT_PARTY.match(name) or BARE_DIVISION.match(name)))


def is_party(name: str) -> bool:
    """A body that can carry a task: a government body, a collective (各市人民政府, 有关单位), a
    kind of department (财政部门), a unit of a place or of a body (县职业中专, 省人社厅信息中心)."""
    return _party(name)


def _kind_department(name: str) -> bool:
    """A kind of department named for every place (人力资源社会保障部门, 财政部门): the kind of a
    局/厅 followed by 部门."""
    m = re.fullmatch(r"([\u4e00-\u9fff]{2,12}?)(?:行政)?部门", name)
    return bool(m) and any(is_agency_name("市" + m.group(1) + k) for k in ("局", "厅", "委"))


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
        lead, help_ = parties_of(m.group("lead")), parties_of(m.group("help") or "")
        if not all(_party(p) for p in [*lead, *help_]):
            return []
        return [(p, "牵头") for p in lead] + [(p, helper_role(m.group("hv") or "")) for p in help_]
    if m.group("owners"):  # （X、Y按职责分工负责）: only when every name is a party
        together = led_together(m.group("owners"))  # （X、Y会同Z负责）: X and Y lead, Z helps
        if together:
            return together
        owners = parties_of(m.group("owners"))
        if not owners or not all(_party(p) for p in owners):
            return []
        out = [(p, "责任") for p in owners]
        more = _MORE_OWNERS.match(m.group("more") or "")  # …，各省级人民政府负责落实 / …，各市教育局配合
        if more and all(_party(p) for p in parties_of(more.group("who"))):
            out += [(p, "责任" if more.group("own") else "配合") for p in parties_of(more.group("who"))]
        return out
    found = f"{m.group('l1') or m.group('l2')}：{_TIME_LABEL.sub('', m.group('lab') or m.group('line'))}"
    out: list[tuple[str, str]] = []
    parts = re.split(rf"({_RESP_LABEL})[:：]", found)
    for label, cell in zip(parts[1::2], parts[2::2]):
        role = label_role(label)
        # 责任单位：市教育局（牵头）、市财政局; 责任单位：市发改委牵头，市工信局配合
        out.extend((p, own or role) for p, own in cell_roles(cell.strip("；;，, ")))
    return out


def led_together(text: str) -> list[tuple[str, str]]:
    """X会同Y: X leads (牵头), Y helps (配合), when both sides are nothing but parties:
    教育部、人力资源社会保障部会同国家发展改革委 → 教育部, 人力资源社会保障部 牵头; 国家发展改革委 配合.

    >>> led_together("市教育局会同市财政局、市人社局")
    [('市教育局', '牵头'), ('市财政局', '配合'), ('市人社局', '配合')]
    """
    lead, sep, help_ = clean_text(text).replace(" ", "").partition("会同")
    if not sep:
        return []
    leads, helpers = parties_of(lead), parties_of(re.sub(r"(?:等)?(?:有关|相关)?(?:部门|单位)?$", "", help_) or help_)
    if not leads or not helpers or not all(_party(p) for p in [*leads, *helpers]):
        return []
    return [(p, "牵头") for p in leads] + [(p, "配合") for p in helpers]


def _mark_role(mark: re.Match[str]) -> str:
    return "牵头" if mark.group("role") == "牵头" else "配合"


def helper_role(verb: str) -> str:
    """The role of the bodies named after a lead (X牵头，Y配合): 配合, or 责任 where they carry the
    work out themselves (X牵头，Y具体负责)."""
    return "责任" if verb in ("具体负责", "负责落实", "具体落实") else "配合"


_CELL_LEAD = re.compile(r"^(?P<lead>[^，,；;]{2,60}?)牵头(?:[，,；;、](?P<help>[^，,；;]{2,80}?)"
                        r"(?:等)?(?:(?:按职责)?分工负责|负责|配合|参与|协助|协同|落实))?$")
# A cell that ends by saying its bodies are responsible: X、Y按职责分工负责, X、Y等负责.
_CELL_DUTY = re.compile(r"(?:等)?(?:(?:按职责)?分工)?负责$")
_CELL_UNIT = re.compile(r"^(?P<name>[^()]+?)\([^()]{2,20}\)$")
_CELL_MARK = re.compile(r"^(?P<name>.+?)\((?P<role>牵头|配合|参与|协同)\)$")


def cell_roles(cell: str) -> list[tuple[str, str | None]]:
    """The parties of a task-table cell with the role the cell itself states (None: the column's):
    省教育厅（牵头）、省财政厅 → [(省教育厅, 牵头), (省财政厅, None)]; 省发展改革委牵头，省教育厅配合 →
    [(省发展改革委, 牵头), (省教育厅, 配合)].

    >>> cell_roles("省教育厅（牵头）、省财政厅")
    [('省教育厅', '牵头'), ('省财政厅', None)]
    """
    together = led_together(_CELL_DUTY.sub("", clean_text(cell).strip()))  # 省人社厅会同省教育厅
    if together:
        return list(together)
    if re.search(r"[，,；;]", cell) and re.search(r"负责|配合|协助|参与|协同", cell):
        run = duty_run(clean_text(cell).replace(" ", ""))  # 由区教育局负责，各街道办事处配合
        if run:
            return list(run)
    m = _CELL_LEAD.match(clean_text(cell).replace(" ", ""))
    if m:
        lead, help_ = split_departments(m.group("lead")), split_departments(m.group("help") or "")
        if lead and all(_party(p) for p in [*lead, *help_]):
            return [(p, "牵头") for p in lead] + [(p, "配合") for p in help_]
    out: list[tuple[str, str | None]] = []
    for part in split_departments(_CELL_DUTY.sub("", clean_text(cell).strip())):
        mark = _CELL_MARK.match(part)
        if mark:
            out.append((mark.group("name"), _mark_role(mark)))
        else:
            out.append((body_of(part), None))
    return out


def body_of(part: str) -> str:
    """A body named with a unit of its own in brackets is the body: 市人社局（市职业技能鉴定中心）,
    市委组织部（市委人才办） → 市人社局, 市委组织部 (各县（市、区）人民政府 stays whole)."""
    unit = _CELL_UNIT.match(part)
    if unit and is_agency_name(unit.group("name")) and not _COLLECTIVE.match(part):
        return unit.group("name")
    return part


def parties_of(text: str) -> list[str]:
    """The bodies of a list as a task states them (split_departments, then body_of)."""
    return [body_of(p) for p in split_departments(text)]


def stated_departments(m: re.Match[str]) -> list[str]:
    """The parties of a STATED_RESPONSIBLE match, every labelled list together."""
    return [p for p, _ in stated_roles(m)]


def prose_roles(text: str, opening: bool = True) -> list[tuple[str, str]]:
    """Responsibilities a task states in its own words: 由X牵头，Y配合 (牵头/配合), X会同Y (牵头/配合),
    a subject that must act (X要…: 责任). ``text`` is the task from its first word.

    A subject that must act names the task's party only where it opens the task (``opening``:
    its first words, or its first sentence after a heading of its own): a X要 sentence further on
    (closing the item: 各市政府要制定方案) is a duty inside the task, not who carries the task.
    Parties named before 按职责分工负责 carry it (…，省财政厅、省税务局按职责分工负责)."""
    text = STATED_RESPONSIBLE.sub("", text)
    named = [(p, label_role(m.group("label")))
             for m in _NAMED_AS.finditer(text) for p in leading_parties(m.group("who"))
             if "、".join(leading_parties(m.group("who"))) == m.group("who")]
    if named:
        return named
    for m in _PLAIN_DUTY.finditer(text):
        who = leading_parties(m.group("who"))
        if who and "、".join(who) == m.group("who"):
            return [(p, "责任") for p in who]
    run = duty_run(text)
    if run:
        return run
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


# A clause that names who leads or who carries a task, whole: 由X牵头 / X、Y负责 / 由X具体负责; and
# the clauses after it that name who helps: Y、Z等配合, Y具体实施, Y保障培训经费, Y具体负责.
# The task itself may open the clause: 此项工作由X负责.
_RUN_LEAD = re.compile(r"^(?:(?:此|该|本)项(?:工作|任务))?由?(?P<who>.+?)(?:负责)?牵头(?:负责)?$")
_RUN_OWN = re.compile(r"^(?:(?:此|该|本)项(?:工作|任务))?由?(?P<who>.+?)(?:等)?(?:(?:具体|共同|统筹)?负责(?:落实|实施|推进)?"
                      r"|(?:具体|抓好|负责)落实)$")
_RUN_TOGETHER = re.compile(r"^由(?P<who>[^，,]+?)(?:要|应|应当)?会同(?P<help>.+)$")
# X会同Y负责 closing a task, without 由: both sides nothing but parties (县教育局职成股会同县工信局负责).
_RUN_TOGETHER_OWN = re.compile(r"^(?P<who>[^，,]+?)会同(?P<help>[^，,]+?)(?:共同|按职责分工)?负责$")
_RUN_HELP = re.compile(r"^(?:等)?(?:按职责)?(?:分工)?(?P<v>配合|参与|协助|协同|具体负责|具体落实|负责落实|具体实施|负责|落实|实施|保障"
                       r"|(?:给予|予以|大力)?支持|提供|(?:业务)?指导)")
_RUN_OWNS = ("具体负责", "具体落实", "负责落实", "负责")  # helpers that carry the work out themselves


def _whole(who: str) -> list[str]:
    """The parties of ``who`` when it is nothing but a list of parties (a body named with a unit
    of its own in brackets is the body: 省人社厅（技工院校管理处） → 省人社厅)."""
    found = leading_parties(who)
    if found and "、".join(found) == who:
        return found
    bodies = [body_of(p) for p in split_departments(who)]
    return bodies if bodies and all(_party(p) for p in bodies) and bodies != [who] else []


def duty_run(text: str) -> list[tuple[str, str]]:
    """(party, role) of the first run of clauses stating a task's duty: 由X负责，Y、Z配合 (责任,
    配合); X、Y负责，Z、W等配合; X牵头，Y具体实施 (牵头, 配合); X牵头，Y具体负责 (牵头, 责任);
    由X会同Y统一组织 (牵头, 配合); a run ends at the first clause that names no party."""
    clauses = [c.strip() for c in re.split(r"[，,；;。]", text)]
    for i, clause in enumerate(clauses):
        together = _RUN_TOGETHER.match(clause)  # 由市人社局会同市教育局统一组织
        owned = _RUN_TOGETHER_OWN.match(clause)
        if owned and _whole(owned.group("who")) and _whole(owned.group("help")):
            return ([(p, "牵头") for p in _whole(owned.group("who"))]
                    + [(p, "配合") for p in _whole(owned.group("help"))])
        if together and _whole(together.group("who")) and leading_parties(together.group("help")):
            return ([(p, "牵头") for p in _whole(together.group("who"))]
                    + [(p, "配合") for p in leading_parties(together.group("help"))])
        lead, own = _RUN_LEAD.match(clause), _RUN_OWN.match(clause)
        m = lead or own
        who = _whole(m.group("who")) if m else []
        if not who:
            continue
        out = [(p, "牵头" if lead else "责任") for p in who]
        for nxt in clauses[i + 1:]:
            helpers = leading_parties(nxt)
            verb = _RUN_HELP.match(nxt[len("、".join(helpers)):]) if helpers else None
            if verb is None:
                break
            out += [(re.sub(r"(?<=.{2})等(?:部门|单位)?$", "", p), "责任" if verb.group("v") in _RUN_OWNS else "配合")
                    for p in helpers]
        return out
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
    # X和Y is two bodies (省教育厅和省财政厅), but 党委和政府 after one place is one party: the place's
    # party committee and government together (各县（市、区）党委和政府).
    parts = re.split(r"[、，,；;/\s]+|(?<=[厅局委会部办府])(?:和|及)(?!(?:人民)?政府(?:[、，,；;/\s]|$))", cell)
    parts = [re.sub(r"等(?:部门|单位)?$", "", p.replace("\0", "、")) for p in parts]  # 省财政厅等
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
    m = re.fullmatch(r"团([省市县区])委", name)  # the Youth League committee of the place: 共青团X市委
    if m and m.group(1) in places:
        return f"共青团{places[m.group(1)]}委"
    if BARE_DIVISION.match(name) and OWN in places:  # 职成处 in a 教育厅 document: that 教育厅's division
        body = re.sub(r"(?<=[厅局委部])(?:办公室|办公厅)$", "", places[OWN])  # an office issues for its body
        return body + name
    level = name[:1]
    # not a word that starts with the level's character (市场, 县域); the units under a place are that
    # place's (市直有关部门 in a 岚州市 document → 岚州市直有关部门, as 市教育局 → 岚州市教育局)
    if (level in places and len(name) > 1 and not name.startswith(("省份", "市场", "县域", "区域"))
            and not (name.startswith("市民") and not name.startswith("市民政"))):
        rest = name[1:]
        return places[level] + rest  # 市政府 → 岚州市政府 (its node is 岚州市人民政府: ingest.agencies)
    if _PLACE.match(name) and not is_agency_name(name):
        return name + "人民政府"
    return name
