"""Organisation names in running Chinese text: find_orgs and clean_name.

A name is anchored on its suffix (学院, 有限公司, 职业教育集团, 教育厅 ...; ingest/orgnames/words.py types
them); its left boundary is found by walking back over jieba tokens (ingest/orgnames/boundary.py); the words
before the suffix must make the name of one body (ingest/orgnames/check.py). Names without a suffix in a
typed list come from ingest/orgnames/listed.py.

>>> classify_org("临江职业学院"), classify_org("北岭乳业集团"), classify_org("东川现代农业职教集团")
('School', 'Enterprise', 'Group')
>>> [m.name for m in find_orgs("联盟是由临江职业学院牵头，联合")]
['临江职业学院']
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Iterable

from ingest.orgnames.boundary import _left_context, _walk_left
from ingest.orgnames.listed import find_listed
from ingest.agencies import NATIONAL_FORMS, canonical_agency, is_agency
from ingest.industry_vocab import names_an_industry
from ingest.model import Mention
from ingest.orgnames.check import (_is_category, _is_generic, _leading_verbs, _longer_form, _place, _second_body, _specific,
                                   place_typo)
from ingest.orgnames.words import (_CLOSE, _GENERIC_TOKENS, _ROLE_TOKENS, _NOT_AFTER_SHORT_RE, _OPEN, _SHORT_HEADS, _STANDALONE, _STOP_TOKENS,
                                   _SUFFIX_AT_RE, _SUFFIX_TYPE, classify_org, segment, pos_cut, tokenizer)
from ingest.regions import REGIONS, is_bare_zone, is_place_relative, lookup_region, region_prefix
from ingest.resolve import rule_key


# Sub-units of an agency: 教育部发展规划司, 省教育厅办公室, 教育部办公厅, 省教育厅职成处.
_AGENCY_UNIT_RE = re.compile(r"(?![各有相])(?:[\u4e00-\u9fff]{2,12}?(?:司|处)|办公室|办公厅)")

# A branch or committee of an association named after it (某某学会某某与某某分会, 某某协会某某专业委员会):
# one name, whatever words (与, 和) its field holds.
_BRANCH_OF_RE = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:分会|专业委员会|工作委员会)")
_ASSOCIATION_HEADS = ("学会", "协会", "联合会", "研究会", "促进会", "商会")
# A branch named in brackets right after the body's name (某某产业学院(北岭分院)): part of its name.
_BRANCH_NOTE_RE = re.compile(r"[(（][\u4e00-\u9fff]{1,10}(?:分院|分校|校区|分公司|分中心)[)）]")
# The party committees of a place (某市委); bare, the document's own (省委、省政府; 市委书记), when what
# follows shows it is the body (a list, the government, a title), not a word (市委托).
_COMMITTEES = frozenset({"省委", "市委", "县委", "区委", "州委"})
_BARE_COMMITTEE_AFTER_RE = re.compile(r"[、，,和及与；;]|[省市县区州](?:政府|人民政府)|(?:副?书记|常委|办公室)")
# A bare department before its head's title (…党委书记、教育局局长某某): the local department, a body.
_HEAD_TITLE_AFTER_RE = re.compile(r"(?:常务)?副?(?:局长|厅长|主任)|党(?:组|委|工委)(?:副)?书记")
# A party committee written before the government of the same place (省委省政府, 市委市政府): two
# bodies; the government's name starts after the committee (found on its own).
_COMMITTEE_BEFORE_RE = re.compile(r"^(?:党中央)?(?:[省市县区州]委)+(?=[省市县区州])")
# A division of an agency in a person's title (某省教育厅职成处副处长): the person's department, not a
# body of the text.
_TITLE_AFTER_DIVISION_RE = re.compile(r"副?处长|[一二三四]级(?:调研员|主任科员)|调研员|主任科员|科员")

# The rest of a list of colleges closed by the kind they are (…、乙学院等(3个)产业学院 / 二级学院).
_COLLEGE_LIST_RE = re.compile(r"(?:\s*[、和及]\s*[^、，,。；;：:\n等]{2,20}?学院)*\s*等\s*"
                              r"(?:(?:\d+|[一二三四五六七八九十两]+)\s*[个家所]\s*)?(产业学院|二级学院)")

# Words with an organisation suffix that name no body (学分银行 is a credit-transfer system).
_NOT_ORG_RE = re.compile(r"学分银行$")
_NOT_A_NAME_AFTER = re.compile(r"产业|行业|业(?![务主])|生(?!物|态|产|命)")
# A counted noun is a category, not a body: 10所左右特色职业培训学院, 20个左右专业（群）协作体.
_COUNTED_RE = re.compile(r"(?:\d+|[一二三四五六七八九十百千两几数多])\s*[所个家批类种项]\s*(?:左右|以上|余)?\s*$"
                         r"|(?:一批|若干|一些)\s*$")
# A kind of place alone before the suffix (市, 旗县, 自治州 …), in a clause that opens with 各.
_LOCAL_KIND_RE = re.compile(r"^(?:省|市|区|县|州|盟|旗|乡|镇|自治区|自治州|自治县|旗县|县区|区县|盟市|市州|市县|县市|乡镇)$")
_EVERY_RE = re.compile(r"(?:^|[，。；：、,;:\n])\s*各[^，。；：,;:\n]*$")
_ANY_PLACE_RE = re.compile(r"(?:各|相关|有关|所在|其他|其它|全|沿线)\s*$")


def find_orgs(text: str, start: int = 0, end: int | None = None, doc: str = "",
              names: Iterable[str] = (), doc_names: Iterable[str] = ()) -> list[Mention]:
    """Organisation mentions in text[start:end], suffix-anchored, in text order, not overlapping.

    ``names``: names known from the document's tables (jieba user dictionary); they are names
    even when made of common words. ``doc_names``: the names found elsewhere in the document; a
    name of common words only (汽车工程学校) is reported as the one longer name it ends
    (临江市汽车工程学校), and dropped when there is none.

    The same call twice (the whole page, read by short forms and by sentences) is answered from a
    small memo of the last calls, with fresh mentions each time (callers change them).
    """
    end = len(text) if end is None else end
    names = names if isinstance(names, frozenset) else frozenset(names)
    # frozen once per call: _longer_form looks names up by an index built once per frozenset
    doc_names = doc_names if isinstance(doc_names, frozenset) else frozenset(doc_names)
    key = (text, start, end, doc, names, doc_names)
    found = _recent.get(key)
    if found is None:
        found = tuple(_find_orgs(text, start, end, doc, names, doc_names))
        with _recent_lock:
            while len(_recent) >= _RECENT:
                _recent.pop(next(iter(_recent)))
            _recent[key] = found
    return [Mention(m.type, m.name, m.doc, m.start, m.end, dict(m.properties)) for m in found]


_RECENT = 8
_recent: dict[tuple, tuple[Mention, ...]] = {}
_recent_lock = threading.Lock()


def _find_orgs(text: str, start: int, end: int, doc: str, names: frozenset[str],
               doc_names: frozenset[str]) -> list[Mention]:
    cands: list[tuple[int, int, str, str, int]] = []  # (start, end, name, type, suffix length)
    for s, e, suffix, typ, name_start, prefix, name, specific in _reads(text, start, end, names):
        if specific is not None:  # a name not known from the tables
            longer = _longer_form(name, typ, doc_names, specific)
            if longer is None and not specific:
                continue
            name = longer or name
        if typ == "Enterprise" and suffix == "集团" and re.search(r"职业|职教|教育", name):
            typ = "Group"
        while typ == "Group" and (pair := _PLACE_PAIR_RE.search(text, max(start, name_start - 9), name_start)) and \
                (other := _longest_place(pair.group(1))) and (_place(name[:2]) or region_prefix(name)):
            # 甲地—乙地(—丙地)职业教育联盟: places joined by a dash name one body
            name, name_start = text[pair.end(1) - len(other):name_start] + name, pair.end(1) - len(other)
        if (level := _LEVEL_BEFORE_PLACE_RE.match(name)) and (_place(name[level.end():level.end() + 2]) or
                                                               region_prefix(name[level.end():]) or
                                                               typ == "Group" and names_an_industry(name[level.end():])):
            # (打造国家级某某产业集群产教联合体: the level a group is to reach, before its field)
            name, name_start = name[level.end():], name_start + level.end()  # 国家级某地某某集团: the level is no part
        if typ == "School" and suffix.endswith("教育中心") and _national_or_provincial(prefix):
            typ = "Institute"  # 某省职业技术教育中心: the province's research and service body, not a school
        if typ == "Institute" and (lab := _FIELD_LAB_RE.search(text, max(start, name_start - 24), name_start)) and \
                re.search(r"(?:省|市|自治区|国家)(?:工程|工程技术)$", prefix) and region_prefix(prefix) is None and \
                classify_org(lab.group(1)[:-1]) is None and lab.group(1)[:-1] not in _GENERIC_TOKENS | {"学校", "学院", "企业"}:
            # 甲技术与乙系统某省工程研究中心: a provincial engineering centre is named field first
            name, name_start = lab.group(1) + name, lab.start(1)
        cands.append((name_start, e, name, typ, len(suffix)))
    # One candidate per span, the longest suffix deciding the type (产业学院 over 学院); then drop
    # names nested in a longer one (酒店 in 青峰酒店产业学院, 学院 in …学院职教集团).
    cands.sort(key=lambda c: (c[0], -c[1], -c[4]))
    spans = list({(c[0], c[1]): c for c in reversed(cands)}.values())
    kept: list[tuple[int, int, str, str, int]] = []
    reach = -1  # the furthest end of the spans before this one: they start no later (linear, not pairwise)
    for c in sorted(spans, key=lambda c: (c[0], -c[1])):
        nested, reach = reach >= c[1], max(reach, c[1])
        if nested:
            continue
        if kept and c[0] < kept[-1][1]:
            continue
        kept.append(c)
    kept = _government_departments(text, end, kept)
    kept = sorted(kept + _shared_suffix(text, start, kept) + _zone_administration(text, end, kept),
                  key=lambda c: (c[0], c[1]))
    return [Mention(type=t, name=n, doc=doc, start=s, end=e, properties=_agency_key(n) if t == "Agency" else {})
            for s, e, n, t, _ in kept]


def _reads(text: str, start: int, end: int, names: frozenset[str]) -> list[tuple]:
    """Each name read at a suffix of text[start:end] before the document's other names are asked
    (whether it is the tail of a longer one, _longer_form): (suffix start, end, suffix, type, name
    start, prefix, name, specific), ``specific`` None for a name of the tables. The same for every
    ``doc_names``, so the short forms' second pass over the page reads it once (a memo of the last
    calls, like find_orgs')."""
    key = (text, start, end, names)
    reads = _recent_reads.get(key)
    if reads is None:
        reads = _read_names(text, start, end, names)
        with _recent_lock:
            while len(_recent_reads) >= _RECENT:
                _recent_reads.pop(next(iter(_recent_reads)))
            _recent_reads[key] = reads
    return reads


_recent_reads: dict[tuple, list[tuple]] = {}


def _read_names(text: str, start: int, end: int, names: frozenset[str]) -> list[tuple]:
    tok = tokenizer(names)
    known = names
    reads: list[tuple] = []
    # Every position where a suffix starts, so 中学校 yields 学校 and not only 中学; of the
    # suffixes ending at one place only the longest counts (产业学院, never its 学院).
    longest: dict[int, re.Match] = {}
    for m in _SUFFIX_AT_RE.finditer(text, start, end):
        e = m.start() + len(m.group(1))
        if e <= end and (e not in longest or len(m.group(1)) > len(longest[e].group(1))):
            longest[e] = m
    for m in (longest[e] for e in sorted(longest)):
        suffix = m.group(1)
        typ = _SUFFIX_TYPE[suffix]
        s, e = m.start(), m.start() + len(suffix)
        if _NOT_A_NAME_AFTER.match(text, e) and typ in ("Enterprise", "School") and suffix not in (
                "有限公司", "股份有限公司", "有限责任公司"):
            continue  # 酒店产业集群, 中学生, 大学生: an industry or people, not a body
        if suffix == "小学" and text[s - 1:s] == "中":
            continue  # 中小学
        if suffix == "大学" and text[e:e + 1] == "城" and text[e + 1:e + 2] != "市":
            continue  # 某地大学城: a campus district, not a university (某大学城市学院 is a school)
        if suffix == "学校" and text[e:e + 1] == "长" and text[s - 1:s] in "大中小":
            continue  # 大学校长: the 大学 and its head, not a 学校
        if suffix in ("子公司", "公司", "分公司") and re.search(r"(?:全资|控股|参股|下属|旗下)子?$", text[max(start, s - 3):s]):
            continue  # 东川集团全资子公司: what the company is to its group, not its name
        if suffix in _SHORT_HEADS and _NOT_AFTER_SHORT_RE.match(text, e) and not re.match(r"(?:副?校长|副?院长)", text[e:e + 3]):
            continue  # 高职院校, 技校生, 中医专业: a common noun, not a short name (临江技校校长: the school)
        if suffix in _COMMITTEES and text[e:e + 1] in "员托派屈":
            continue  # 某市委员会, 受市委托: not the party committee
        if suffix.endswith("部") and text[e:e + 1] == "门":
            continue  # 教育部门, 人社部门: departments in general
        if typ == "Agency":
            u = _AGENCY_UNIT_RE.match(text, e, min(end, e + 14))
            if u and not re.search(r"[，。；、]|公司$|集团|联合|牵头|[与和及].{0,8}(?:局|厅|部|委)", u.group(0)) and not (
                    u.group(0).endswith("处") and _TITLE_AFTER_DIVISION_RE.match(text, u.end())):
                e = u.end()
        if suffix in _ASSOCIATION_HEADS and (b := _BRANCH_OF_RE.match(text, e, end)) and \
                not re.search(r"[，。；、]", b.group(0)):
            e = b.end()  # 某某学会某某与某某分会
        typed_list = False  # an item of a list whose head names its kind (…等产业学院)
        if suffix == "学院" and (head := _COLLEGE_LIST_RE.match(text, e, end)):
            if head.group(1) == "二级学院":
                continue  # 设立甲工程学院、乙学院等10个二级学院: the school's own colleges, not bodies
            typ, typed_list = "Group", True  # 建有甲网络学院、乙服装学院等产业学院: the head says what they are
        if (note := _BRANCH_NOTE_RE.match(text, e, end)) and typ in ("Group", "School", "Enterprise"):
            e = note.end()
        context, pos = _left_context(text, s, start)
        # 教育部 is complete: whatever precedes it (关于转发, 报) is not part of the name.
        n = 0 if suffix in _STANDALONE else _walk_left(context, suffix, tok)
        if suffix in _STANDALONE and context.endswith("国家") and ("国家" + suffix) in NATIONAL_FORMS:
            n = 2  # 国家教育部备案: the ministry as written, 国家 included (its canonical key is the ministry's)
        if n and context[len(context) - n] in _OPEN:
            # A name never starts with a bracket: "(此件公开发布)教育厅" → drop the note.
            close = max(context.rfind(c) for c in _CLOSE)
            n = len(context) - close - 1 if close >= len(context) - n else n
        headed = n == 0 and typ == "Agency" and suffix[-1] in "局厅委" and len(suffix) >= 3 and \
            bool(_HEAD_TITLE_AFTER_RE.match(text, e)) and text[s - 1:s] in ("", "、", "，", ",", "和", "及", "\n", " ")
        alone = suffix in _STANDALONE or n == 0 and suffix in _COMMITTEES and bool(_BARE_COMMITTEE_AFTER_RE.match(text, e)) \
            or headed
        if n == 0 and not alone:
            continue
        name_start = pos[len(pos) - n] if n else s
        prefix = context[len(context) - n:] if n else ""
        initial = _place_initial_short(prefix, suffix, text, name_start, start)
        in_list = text[name_start - 1:name_start] == "、" and re.match(r"[、等和及]", text[e:e + 1])
        if prefix and prefix + text[s:e] not in known and not initial and not in_list:
            # (甲集团、乙集团、丙集团等: a list of names holds no verb phrase)
            cut = _leading_verbs(prefix)
            if cut == len(prefix):
                continue  # 承担学院, 推进专业协作体: a verb, not a name
            name_start = pos[len(pos) - n + cut]
            prefix = prefix[cut:]
        prefix_tokens = list(segment(tok, prefix)) if prefix else []
        if _is_category(prefix_tokens, suffix) and not _listed_school(prefix_tokens, suffix, text, name_start, e):
            continue
        if not alone and not initial and _is_generic(prefix_tokens) and not (
                prefix in ("省", "市", "区", "县", "州") and typ in ("Agency", "Institute")) and not (
                suffix == "联席会议" and prefix[:1] in "省市"):  # 省职业教育联席会议: the province's own
            # 中等职业学校 is no name; 省农科院 and 市教育局 are (abbreviated, but one body).
            continue
        while prefix and prefix[0] in _CLOSE + "·•-":  # ")临江市教育局…", "甲学院·乙公司": a note's end, a joint
            prefix = prefix[1:]
            name_start = pos[len(pos) - len(prefix)] if prefix else s
        if (committee := _COMMITTEE_BEFORE_RE.match(prefix)) and typ == "Agency":
            prefix = prefix[committee.end():]
            name_start = pos[len(pos) - len(prefix)] if prefix else s
        if cut := _second_body(prefix, text[s:e]):
            prefix = prefix[cut:]
            name_start = pos[len(pos) - len(prefix)]
        if is_place_relative(prefix + suffix) and _ANY_PLACE_RE.search(text, max(start, name_start - 4), name_start):
            continue  # 相关市人民政府, 各省教育厅: every such body, not the document's own
        if _LOCAL_KIND_RE.match(prefix) and _EVERY_RE.search(text, max(start, name_start - 40), name_start):
            continue  # 各盟行政公署、市人民政府, 各旗县人民政府, 各自治州人民政府: every such body
        if typ == "Agency" and _addressees(text, start, name_start, e, prefix, suffix):
            continue  # 各市、州、直管市、某林区发改委; 各开发区(新区)管委会: every such body, a notice's addressees
        if typ == "Group" and _PROVINCE_KIND_RE.fullmatch(suffix) and (
                _national_or_provincial(prefix) or re.fullmatch(r"[\u4e00-\u9fff]{2,10}(?:省|自治区)", prefix)):
            continue  # 某自治区市域产教联合体: the kind of body a province's cities build, not one body
        if _COUNT_DA_RE.fullmatch(prefix):
            continue  # 五大产教融合共同体: a number of bodies, not one
        if _COUNTED_RE.search(text, max(start, name_start - 8), name_start):
            continue  # 10所左右特色职业培训学院: a number of schools to build, not one school
        name = prefix + _compact(text[s:e])
        if suffix == "产业学院" and any(text[max(start, name_start - len(a)):name_start] == a for a in _STANDALONE):
            continue  # 某部某某产业学院首批立项建设单位: a ministry's programme of colleges, not one body
        if suffix == "政府" and (not re.search(r"[省市区县州旗乡镇]$", prefix) or re.match(r"事务|部门|机构|采购", text[e:e + 2])):
            continue  # 州政府, 某市政府; not 公司政府事务部, 地方政府
        if typ == "Enterprise" and re.search(r"(?:酒店|宾馆|饭店|大厦|会议中心|会展中心)$", text[s:e]) and \
                re.match(r"\s*(?:隆重)?(?:举行|召开|举办)", text[e:e + 6]):
            continue  # 会议在某某大酒店举行: the venue of a meeting, not a body of the report
        if re.match(r"[”\"」』]\s*(?:牌子|牌匾|铭牌|称号)", text[e:e + 4]) and \
                re.search(r"授予\s*[“\"「『][^”\"」』]{0,30}$", text[max(start, name_start - 36):name_start]):
            continue  # 授予“某某学院某某工作站”牌子: a plaque awarded, not a body
        if re.match(r"官网|网站|网(?!络)", text[e:e + 2]):
            continue  # 某省政府网, 某学院官网: a website
        if _NOT_ORG_RE.search(name):
            continue
        specific = None
        if name not in known:
            # 甲职业教育集团、乙职业教育集团、: an item of a list of names with the same suffix is one
            same_kind = in_list and typ in ("Group", "Enterprise") and \
                text[max(start, name_start - 1 - len(suffix)):name_start - 1] == suffix
            specific = initial or same_kind or typed_list or headed or _specific(prefix, list(segment(tokenizer(), prefix)), suffix, typ)
        reads.append((s, e, suffix, typ, name_start, prefix, name, specific))
    return reads


# Places listed before one name that they share (某国、某国和某国鲁班工坊 names three bodies).
_PLACE_LIST_RE = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:、|和|及|与)$")


def _shared_suffix(text: str, lo: int, kept: list[tuple[int, int, str, str, int]]) -> list[tuple[int, int, str, str, int]]:
    """Names of the places listed right before a name that is only a place and its suffix: 甲国、乙国和
    丙国鲁班工坊 gives 甲国鲁班工坊 and 乙国鲁班工坊 (each at its place) besides 丙国鲁班工坊."""
    out = []
    for s, e, name, typ, slen in kept:
        head = name[: len(name) - slen]
        if not head or _ANY_PLACE_RE.search(text, max(lo, s - 12), s):
            continue
        if _place(head) or lookup_region(head) is not None:
            item, width = _longest_place, 8
        elif typ == "Group" and _field_item(head):
            item, width = _field_item, 14  # 甲地生态康养、乙地装备制造和丙地能源化工行业产教融合共同体
        else:
            continue
        pos = s
        while m := _PLACE_LIST_RE.search(text, max(lo, pos - width), pos):
            part = item(m.group(1))
            if part is None or classify_org(part):
                break  # 甲集团、乙… : the item is a whole name of its own
            if _after_title(text, m.end(1) - len(part), lo):
                break  # 某联合会会长张三、某地大学教授: a person after a title, not a place sharing the name
            a = m.end(1) - len(part)
            out.append((a, m.end(1), part + name[len(head):], typ, slen))
            pos = a
    return out


def _after_title(text: str, pos: int, lo: int) -> bool:
    """Whether a title or role of a person (会长, 院长, 教授 …) ends right before ``pos``."""
    before = text[max(lo, pos - 5):pos]
    return any(before.endswith(t) for t in _ROLE_TOKENS)


# A level or batch written before a name that opens with a place (国家级北岭…集团, 首批东川…联盟).
_LEVEL_BEFORE_PLACE_RE = re.compile(r"(?:国家级|省级|市级|县级|首批|第[一二三四五六七八九十]批|示范性|骨干)+")
# A place and a dash right before a group's name that opens with a place (甲地—乙地职业教育联盟).
_PLACE_PAIR_RE = re.compile(r"([\u4e00-\u9fff]{2,8})[—－\-]$")
# The first part of an engineering centre's field (甲技术与), opening a line or clause.
_FIELD_LAB_RE = re.compile(r"(?:^|(?<=[\n，。；、：“\"]))([\u4e00-\u9fff]{2,10}[与和])$")
# 某某高新区党工委副书记、管委会主任: the same zone's administration, named bare after its party committee.
_BARE_ZONE_BODY_RE = re.compile(r"[^，。；,;：:\n]{0,12}?、(管委会|管理委员会)")


# A bureau written right after its government (某特别行政区政府教育及青年发展局, 某市人民政府某某局): words
# of a department (no verb, no list mark) closed by 局 or 署.
_DEPARTMENT_AFTER_GOVT_RE = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:局|署)")
_NOT_IN_DEPARTMENT_RE = re.compile(r"[的与和、在对向为是将了]")


def _government_departments(text: str, hi: int, kept: list[tuple[int, int, str, str, int]]) -> list[tuple[int, int, str, str, int]]:
    """A government followed by one of its bureaus names the bureau: 澳门特别行政区政府教育及青年发展局 is one
    agency, not its government (Hong Kong and Macao name their bureaus so; the mainland's suffixes
    already read 某市人民政府教育局)."""
    out: list[tuple[int, int, str, str, int]] = []
    for i, (s, e, name, typ, slen) in enumerate(kept):
        m = _DEPARTMENT_AFTER_GOVT_RE.match(text, e, hi) if typ == "Agency" and name.endswith("政府") else None
        if m and not _NOT_IN_DEPARTMENT_RE.search(m.group(0)) and \
                not any(e <= k[0] < m.end() for k in kept[i + 1:]) and \
                m.group(0) != "当局" and \
                not any(t in _STOP_TOKENS and t != "及" for t in segment(tokenizer(), m.group(0))):
            out.append((s, m.end(), name + m.group(0), typ, 1))
        else:
            out.append((s, e, name, typ, slen))
    return out


def _zone_administration(text: str, hi: int, kept: list[tuple[int, int, str, str, int]]) -> list[tuple[int, int, str, str, int]]:
    """The bare 管委会 of a title after a zone's 党工委 (某某新区党工委委员、管委会副主任) names that zone's."""
    out = []
    for s, e, name, typ, slen in kept:
        if typ == "Agency" and name.endswith("党工委") and len(name) > 3 and (m := _BARE_ZONE_BODY_RE.match(text, e, hi)) \
                and not any(k[0] <= m.start(1) < k[1] for k in kept):
            out.append((m.start(1), m.end(1), name[:-3] + m.group(1), typ, len(m.group(1))))
    return out


def _field_item(s: str) -> str | None:
    """The tail of ``s`` that is a place (or a region: jieba's place and space words) and an industry
    (甲地装备制造 of 建设甲地装备制造), or None."""
    words = list(segment(tokenizer(), s))
    for i, w in enumerate(words[:-1]):
        tags = pos_cut(w)
        if w in _GENERIC_TOKENS or re.search(r"[内外]$", w):
            continue  # 国内, 境外: where, not a place's name
        if _place(w) or lookup_region(w) is not None or len(w) >= 2 and len(tags) == 1 and tags[0].flag == "s":
            tail = "".join(words[i:])
            return tail if names_an_industry(tail[len(w):]) else None
    return None


def _listed_school(tokens: list[str], suffix: str, text: str, a: int, b: int) -> bool:
    """某市职业技术学校 as an item of a list of bodies (联合甲公司、某市职业技术学校、乙学院等): one school,
    though a place and 职业(技术)学校 alone can also mean every such school of the place. Category words
    proper (中职, 中等职业, 高职) stay a category; so does a place after 各/全."""
    if suffix != "学校" or not tokens or tokens[-1] not in ("职业", "技术") or \
            "".join(tokens).endswith(("中等职业", "高等职业", "中职", "高职")) or len(tokens) > 3:
        return False
    if re.search(r"[各全本该]$", text[max(0, a - 1):a]):
        return False
    return text[a - 1:a] == "、" or text[b:b + 1] == "、"


# Group kinds that a city builds, so that a province's name before them names a category.
_PROVINCE_KIND_RE = re.compile(r"市域产教联合体")
_COUNT_DA_RE = re.compile(r"[一二三四五六七八九十两]大")
_PLACE_KIND_ITEM_RE = re.compile(r"[\u4e00-\u9fff]{0,3}(?:省|市|州|县|区|旗|盟|乡|镇)")


def _addressees(text: str, lo: int, a: int, b: int, prefix: str, suffix: str) -> bool:
    """An agency named as the last of the kinds of place a notice is sent to, before more kinds of
    agency (各市、州、直管市发改委、教育局: every such 发改委 and 教育局), or a zone kind after 各
    (各开发区(新区)管委会): every such body. (各省辖市、某示范区教育局，… names that one body.)"""
    if re.search(r"各\s*$", text[max(lo, a - 2):a]) and is_bare_zone(re.sub(r"[(（][^()（）]{1,6}[)）]", "", prefix + suffix)):
        return True
    if text[a - 1:a] != "、" or not _EVERY_RE.search(text, max(lo, a - 40), a) or \
            not re.match(r"、[\u4e00-\u9fff]{1,8}?(?:局|委|厅|办)(?:[、，,：:；;]|$)", text[b:b + 12]):
        return False
    items = re.split(r"、", re.split(r"[，。；：,;:\n]", text[max(lo, a - 40):a - 1])[-1].lstrip()[1:])
    return all(_PLACE_KIND_ITEM_RE.fullmatch(x) for x in items)  # 各 + kinds of place, not named bodies


def _national_or_provincial(prefix: str) -> bool:
    """The prefix is the country or a province alone (中国, 某某省, 某某自治区), not a city or county."""
    if prefix in ("中国", "全国", "国家"):
        return True
    r = lookup_region(prefix)
    return r is not None and r.level in ("country", "province")


def _longest_place(s: str) -> str | None:
    """The longest tail of ``s`` that is a place (一国 of 支持某国)."""
    for k in range(len(s), 1, -1):
        if lookup_region(s[-k:]) is not None or _place(s[-k:]) and not _is_generic([s[-k:]]) and \
                not re.search(r"[省市区县州]辖|^[各全本该]", s[-k:]):
            return s[-k:]
    return None


def _place_initial_short(prefix: str, suffix: str, text: str, name_start: int, lo: int) -> bool:
    """临职院, 顺职大: a short head after the first character of a place, opening a clause (。临职院携手…,
    、临职院、): how a school's own reports name it. 高职, 中职 and other generic characters are none."""
    if suffix not in _SHORT_HEADS or len(prefix) != 1 or prefix in _GENERIC_TOKENS or prefix in _STOP_TOKENS or \
            prefix in "高中初大小本我该各全省市区县新老原总分":
        return False
    if name_start > lo and text[name_start - 1] not in "。，；：、！？\n“\"（(《 \u3000由与和及同":
        return False
    return prefix in _PLACE_INITIALS


_PLACE_INITIALS = frozenset(r.name[0] for r in REGIONS.values() if r.level in ("province", "city", "county", "district"))
_RELATIVE_RE = re.compile(r"^(?:省|市|州|盟|县|区|旗|团市委|团省委)")


def _agency_key(name: str) -> dict[str, str]:
    """The key the policy side gives the same body (ingest.agencies.canonical_agency): 东川市发改委 and
    东川市发展和改革委员会 are one node whichever extractor read them. A name of the document's own
    place (市教育局) gets none: the pipeline spells its place out first."""
    if _RELATIVE_RE.match(name) or not is_agency(name):
        return {}
    canonical = canonical_agency(name)
    if canonical == name:
        return {}  # the full form: its own key is already the canonical one
    return {"key": rule_key(canonical, "Agency")}


def starts_with_stop_word(text: str) -> bool:
    """True if ``text`` opens with a verb or function word (推动…, 建立…, 围绕…): a task, not a name."""
    first = next(iter(segment(tokenizer(), text)), "")
    return first in _STOP_TOKENS


def _compact(s: str) -> str:
    return s.translate(_NO_SPACES)


_NO_SPACES = str.maketrans("", "", " \u3000\r\n")


@lru_cache(maxsize=1 << 16)
def clean_name(raw: str) -> str:
    """A table cell or list item reduced to the name: no list number, quotes, spaces, dashes."""
    s = re.sub(r"^\s*(?:\d+[.、．)）]?\s+|\d+[.、．)）]\s*|[（(]\d+[)）]\s*)", "", raw)
    s = re.sub(r"[\"“”‘’'「」『』《》]", "", s)
    s = re.sub(r"[ \u3000]*[-—–]+[ \u3000]*$", "", s)
    return _compact(s).strip(" ，,。、；;:：|")
