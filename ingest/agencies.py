"""The vocabulary of Chinese government bodies: kinds of body, their usual forms and
abbreviations, and one canonical form per kind.

Chinese administration names a body by its place and its kind: 岚州市 + 发展和改革委员会. Documents
write the kind in several forms (发展和改革委员会 / 发展改革委 / 发改委) and the place relative to
themselves (市发改委 in a 岚州市 document is 岚州市发展和改革委员会). National bodies (ministries,
the central government and its offices) are the same body in every document, whatever form is used
(人力资源社会保障部 / 人社部).

- ``canonical_agency(name, places)``: the canonical full form of a body named in any of these
  forms; ``places`` ({"省": "青岚省", "市": "岚州市"}, the policy's own places) spell out 省/市/县;
- ``is_agency(name)``: whether a name is a government body (a known kind or ministry, or a
  body suffix such as 厅, 局, 委员会, 人民政府);
- ``agency_forms(kind)``: the forms of a kind (``agency_forms("发展和改革委员会")``);
- ``split_agencies(text)``: bodies written one after another without a separator
  (岚州市教育局岚州市财政局 → [岚州市教育局, 岚州市财政局]).

The vocabulary is of kinds of body (the language of Chinese administration), never of the
names of particular documents or local bodies.

>>> canonical_agency("市发改委", {"市": "岚州市"})
'岚州市发展和改革委员会'
>>> canonical_agency("人社部") == canonical_agency("人力资源和社会保障部")
True
>>> split_agencies("岚州市教育局岚州市人力资源和社会保障局")
['岚州市教育局', '岚州市人力资源和社会保障局']
"""

from __future__ import annotations

import re
from functools import lru_cache

# ---- local kinds: canonical form, then the other forms (after the place) ---------------------
# Longest forms are tried first, so 人力资源和社会保障局 wins over 保障局-like tails.
LOCAL_KINDS: tuple[tuple[str, ...], ...] = (
    ("人民政府", "政府"),
    ("人民政府办公厅", "政府办公厅"),
    ("人民政府办公室", "政府办公室", "政府办"),
    ("发展和改革委员会", "发展改革委员会", "发展和改革委", "发展改革委", "发改委"),
    ("发展和改革局", "发展改革局", "发改局"),
    ("经济和信息化委员会", "经济信息化委员会", "经济和信息化委", "经济信息化委", "经信委"),
    ("经济和信息化厅", "经济信息化厅", "经信厅"),
    ("经济和信息化局", "经济信息化局", "经信局"),
    ("工业和信息化厅", "工业信息化厅", "工信厅"),
    ("工业和信息化局", "工业信息化局", "工信局"),
    ("工业和信息化委员会", "工业和信息化委", "工信委"),
    ("科学技术厅", "科技厅"),
    ("科学技术局", "科技局"),
    ("人力资源和社会保障厅", "人力资源社会保障厅", "人力社保厅", "人社厅"),
    ("人力资源和社会保障局", "人力资源社会保障局", "人力社保局", "人社局"),
    ("国有资产监督管理委员会", "国资委"),
    ("教育委员会", "教委"),
    ("教育厅",),
    ("教育局",),
    ("教育体育局", "教育和体育局", "教体局"),
    ("教育工作委员会", "教育工委"),
    ("财政厅",),
    ("财政局",),
    ("住房和城乡建设厅", "住房城乡建设厅", "住建厅"),
    ("住房和城乡建设局", "住房城乡建设局", "住建局"),
    ("市场监督管理局", "市场监管局"),
    ("税务局",),
    ("退役军人事务厅", "退役军人厅"),
    ("退役军人事务局", "退役军人局"),
    ("农业农村厅", "农业农村委员会", "农委"),
    ("农业农村局",),
    ("商务厅",), ("商务局",),
    ("民政厅",), ("民政局",),
    ("卫生健康委员会", "卫生健康委", "卫健委"),
    ("文化和旅游厅", "文化旅游厅", "文旅厅"),
    ("文化和旅游局", "文化旅游局", "文旅局"),
    ("自然资源厅",), ("自然资源局",), ("自然资源和规划局", "自然资源规划局"),
    ("生态环境厅",), ("生态环境局",),
    ("交通运输厅",), ("交通运输局",),
    ("应急管理厅",), ("应急管理局",),
    ("统计局",), ("审计厅",), ("审计局",), ("司法厅",), ("司法局",), ("公安厅",), ("公安局",),
    ("乡村振兴局",), ("医疗保障局", "医保局"), ("数据资源管理局", "大数据局"),
    ("地方金融监督管理局", "金融办", "金融局"),
    ("机构编制委员会办公室", "编委办", "编办"),
    ("总工会",),
    ("共青团委员会", "团委"),
    ("妇女联合会", "妇联"),
    ("残疾人联合会", "残联"),
    ("科学技术协会", "科协"),
    ("工商业联合会", "工商联"),
    ("管理委员会", "管委会"),
    ("组织部",), ("宣传部",), ("统战部",),
)

# ---- national bodies: canonical form, then the other forms ------------------------------------
NATIONAL_BODIES: tuple[tuple[str, ...], ...] = (
    ("中共中央", "党中央"), ("国务院",),
    ("中共中央办公厅", "中办"),
    ("国务院办公厅", "国办"),
    ("教育部", "国家教育部"),  # 国家 before a ministry whose official name lacks it: the same ministry
    ("人力资源和社会保障部", "人力资源社会保障部", "人社部", "国家人力资源和社会保障部", "国家人社部"),
    ("工业和信息化部", "工信部", "国家工业和信息化部", "国家工信部"),
    ("国家发展和改革委员会", "国家发展改革委", "国家发改委"),
    ("财政部", "国家财政部"),
    ("国务院国有资产监督管理委员会", "国务院国资委"),
    ("科学技术部", "科技部", "国家科技部"),
    ("住房和城乡建设部", "住房城乡建设部", "住建部"),
    ("农业农村部", "农业部"),
    ("商务部",), ("民政部",), ("交通运输部",), ("应急管理部",), ("自然资源部",), ("生态环境部",),
    ("文化和旅游部", "文旅部"),
    ("国家卫生健康委员会", "国家卫生健康委", "国家卫健委"),
    ("退役军人事务部", "退役军人部"),
    ("国家市场监督管理总局", "市场监管总局"),
    ("国家税务总局", "税务总局"),
    ("国家乡村振兴局",),
    ("中国人民银行", "人民银行"),
    ("国家统计局",),
    ("中华全国总工会", "全国总工会"),
    ("共青团中央", "团中央"),
    ("中华全国妇女联合会", "全国妇联"),
    ("中国残疾人联合会", "中国残联"),
    ("中华全国工商业联合会", "全国工商联"),
    ("中国科学技术协会", "中国科协"),
)

_LEVELS = ("自治区", "自治州", "自治县", "省", "市", "州", "盟", "县", "区", "旗")
# A sub-unit after a national body's name (教育部办公厅, 教育部某某司).
_SUBUNIT = re.compile(r"(?:办公厅|办公室|司|局|中心|处|委员会)$")
# 各市、各地、各县（市、区）… : the bodies of every place of a level, not one body.
_COLLECTIVE = re.compile(r"^(?:各|相关|有关)")
# Generic body suffixes (a body whose kind is not listed above still is one).
_SUFFIX = re.compile(r"(?:人民政府|政府|委员会|办公厅|办公室|工委|总工会|管委会|联合会|中央|国务院|厅|局|部|委|署|办)$")


def _forms(table: tuple[tuple[str, ...], ...]) -> dict[str, str]:
    return {form: kind[0] for kind in table for form in kind}


LOCAL_FORMS = _forms(LOCAL_KINDS)
NATIONAL_FORMS = _forms(NATIONAL_BODIES)
_LOCAL_BY_LENGTH = sorted(LOCAL_FORMS, key=len, reverse=True)
_NATIONAL_BY_LENGTH = sorted(NATIONAL_FORMS, key=len, reverse=True)
_KIND_RE = re.compile("|".join(re.escape(f) for f in _LOCAL_BY_LENGTH))


def agency_forms(kind: str) -> tuple[str, ...]:
    """Every form of a kind of body (local or national), canonical first; () if unknown."""
    for table in (LOCAL_KINDS, NATIONAL_BODIES):
        for forms in table:
            if kind in forms:
                return forms
    return ()


def _clean(name: str) -> str:
    name = re.sub(r"\s+", "", name)
    return name.replace("(", "（").replace(")", "）")


def national_body(name: str) -> str | None:
    """The canonical form of a national body (and its sub-unit), or None."""
    s = _clean(name)
    for form in _NATIONAL_BY_LENGTH:
        if s.startswith(form):
            rest = s[len(form):]
            if not rest or (not rest.startswith("门") and _SUBUNIT.search(rest) and len(rest) <= 20):
                return NATIONAL_FORMS[form] + rest
    return None


def local_kind(name: str) -> tuple[str, str] | None:
    """(place part, canonical kind) of a local body: 岚州市发改委 → (岚州市, 发展和改革委员会)."""
    s = _clean(name)
    for form in _LOCAL_BY_LENGTH:
        if s.endswith(form):
            return s[:-len(form)], LOCAL_FORMS[form]
    return None


# A development zone's usual short forms before its administration's kind (某某经开区 + 管委会 is
# 某某经济技术开发区管理委员会): the zone part of the place, spelled out like the kind.
_ZONE_FORMS = (("经开区", "经济技术开发区"), ("高新区", "高新技术产业开发区"), ("综保区", "综合保税区"))


def _zone_in_full(place: str) -> str:
    for short, full in _ZONE_FORMS:
        if place.endswith(short) and len(place) > len(short):
            return place[: -len(short)] + full
    return place


@lru_cache(maxsize=8192)
def _canonical(name: str, places: tuple[tuple[str, str], ...]) -> str:
    s = _clean(name)
    if not s:
        return s
    nat = national_body(s)
    if nat is not None:
        return nat
    m = re.fullmatch(r"团(省|市|县|区|州)委", s)  # 团市委 = 共青团 + the city + 委员会
    if m:
        return f"共青团{dict(places).get(m.group(1), m.group(1))}委员会"
    m = re.fullmatch(r"共青团([\u4e00-\u9fff]{2,12}?(?:省|市|县|区|州))委", s)  # 共青团岚州市委
    if m:
        return f"共青团{m.group(1)}委员会"
    hit = local_kind(s)
    if hit is None:
        return _qualify(s, dict(places))
    place, kind = hit
    if _COLLECTIVE.match(place):
        return place + kind
    if kind == "管理委员会":
        place = _zone_in_full(place)
    return _qualify(place, dict(places)) + kind


def _qualify(place: str, places: dict[str, str]) -> str:
    """省 → 青岚省, 市 → 岚州市 when the document's own places name them; else unchanged."""
    for level in _LEVELS:
        if place.startswith(level) and level in places:
            if place == level:
                return places[level]
            if not re.match(r"(?:场|民|域|属|直|级|内|外)", place[len(level):]):  # 市场监管局 is a kind
                return places[level] + place[len(level):]
    return place


def canonical_agency(name: str, places: dict[str, str] | None = None) -> str:
    """The canonical full form of a government body: national bodies by their official name,
    local ones as place + canonical kind, 省/市/县 spelled out from ``places`` when given.

    >>> canonical_agency("省人社厅", {"省": "青岚省"})
    '青岚省人力资源和社会保障厅'
    >>> canonical_agency("国家发展改革委办公厅")
    '国家发展和改革委员会办公厅'
    >>> canonical_agency("团市委", {"市": "岚州市"})
    '共青团岚州市委员会'
    >>> canonical_agency("共青团岚州市委")
    '共青团岚州市委员会'
    """
    return _canonical(name, tuple(sorted((places or {}).items())))


def is_agency(name: str) -> bool:
    """A government body: a national body, a known kind after a place, or a body suffix."""
    s = _clean(name)
    if not 2 <= len(s) <= 40 or re.search(r"[，。；：《》、]", re.sub(r"（[^（）]*）", "", s)):
        return False
    if national_body(s) is not None or s in LOCAL_FORMS:
        return True
    hit = local_kind(s)
    if hit is not None:
        return True
    return bool(_SUFFIX.search(s))


def national_prefix(title: str) -> str | None:
    """The national body a title opens with, written without 关于 (国务院某某决定 → 国务院)."""
    s = _clean(title)
    f = next((f for f in _NATIONAL_BY_LENGTH if s.startswith(f) and len(s) > len(f) + 3), None)
    return NATIONAL_FORMS[f] if f else None


def _starts_body(rest: str) -> bool:
    """Whether ``rest`` begins a new body's name: a national body, a level (省/市 …), or a
    place name followed by a level."""
    if national_body(rest) is not None or rest.startswith(("中共", "共青团")):
        return True
    if rest.startswith(_LEVELS):
        return True
    return bool(re.match(r"[\u4e00-\u9fff]{2,6}?(?:省|市|县|区|州|盟|旗|自治区)", rest))


def split_agencies(text: str) -> list[str]:
    """Bodies named one after another without a separator; text that is not such a run is
    returned whole (``[text]``)."""
    s = _clean(text)
    if not s:
        return []
    for m in _KIND_RE.finditer(s):
        cut = m.end()
        if cut >= len(s):
            break
        rest = s[cut:]
        head = s[:cut]
        if _starts_body(rest) and is_agency(head) and len(head) >= 3:
            tail = split_agencies(rest)
            if all(is_agency(t) for t in tail):
                return [head, *tail]
    nat = next((f for f in _NATIONAL_BY_LENGTH if s.startswith(f) and len(s) > len(f)), None)
    if nat is not None and nat.endswith("总局") and s.endswith(nat[2:-2] + "局"):
        return [s]  # a national 总局's branch in a place: 国家税务总局东川省税务局 is one body
    if nat is not None:  # 教育部人力资源社会保障部
        rest = s[len(nat):]
        if national_body(rest) is not None or _starts_body(rest):
            tail = split_agencies(rest)
            if all(is_agency(t) for t in tail):
                return [nat, *tail]
    return [s]
