"""Vocabulary the question parser needs beyond the graph: views over the region gazetteer of
ingest/regions.py (every province, prefecture-level city and county-level unit of China with its
Chinese short name, English/pinyin name and parent; see docs/ingest.md), English words for
industries, kinds of group and government bodies, and the kind words of group names. The graph's
own Region and IndustryChain nodes are used too; these tables let English questions and sparse
graphs work.

A place is known to search by its *key*, its short name: a province's name without 省/市/自治区
(辽宁, 内蒙古, 吉林), a city's short form (沈阳, 柳州, 楚雄) or its full name where the gazetteer has
no short form for it (吉林市, 朝阳市), and a county's or district's full name (卓资县, 疏勒县,
沈阳市铁西区). ``region_names`` maps every Chinese form and English name of a place to its key,
with the gazetteer's rules: a short form two places share names neither (朝阳, 中山), except
that a bare province name in a question means the province (吉林 → 吉林省).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest import industry_vocab as _industry_vocab
from ingest.regions import REGIONS, Region, lookup_region


def _key(region: Region) -> str:
    if region.level == "province":
        return region_stem(region.name)
    if region.level == "city":
        return region.short[0] if region.short else region.name
    return region.name  # country, areas, counties, districts


# Chinese suffixes that do not change which place is meant (辽宁省 = 辽宁), for names the
# gazetteer does not know.
REGION_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")


def region_stem(name: str) -> str:
    for suf in REGION_SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


@lru_cache(maxsize=65536)
def region_short(name: str) -> str:
    """The key of a place (辽宁省 → 辽宁, 沈阳市 → 沈阳, 柳州 → 柳州, 吉林市 → 吉林市; counties and
    districts keep their full name: 疏勒县, 沈阳市铁西区); names the gazetteer does not know lose
    a trailing 省/市/自治区 (火星市 → 火星)."""
    entry = REGIONS.get(name) or lookup_region(name)
    return _key(entry) if entry is not None else region_stem(name)


def _english_forms(region: Region) -> tuple[list[str], bool]:
    """English and pinyin names of a place, and whether they may name it in a question: only a
    province, an area, or a city whose Chinese short form names it alone (not 朝阳市: Chaoyang is
    also two districts and a county)."""
    # Questions name provinces and cities in English; a county's pinyin (Shule) stays in the
    # gazetteer: thousands of English patterns would slow every question down.
    usable = region.level in ("country", "province", "area") or (region.level == "city" and bool(region.short))
    out = [region.en.lower()] if region.en else []
    if region.pinyin and region.pinyin not in out:
        out.append(region.pinyin)
    return out, usable


# Same pinyin, same level: the place English texts mean by it.
_EN_PREFERRED = {"suzhou": "苏州市", "fuzhou": "福州市"}
_LEVEL_RANK = {"country": 0, "province": 1, "area": 2, "city": 3, "county": 4, "district": 5}


@lru_cache(maxsize=1)
def _tables() -> tuple[list[tuple[str, str | None, str | None]], dict[str, str]]:
    names: dict[str, str] = {}
    english: dict[str, list[tuple[tuple[int, int], Region, bool]]] = {}
    for r in REGIONS.values():
        for form in r.forms:
            if lookup_region(form) is r:
                names.setdefault(form, _key(r))
        if r.level == "province":
            names[_key(r)] = _key(r)  # 吉林: the province, though 吉林市 shares it
        forms, usable = _english_forms(r)
        for i, en in enumerate(forms):
            english.setdefault(en, []).append(((i, _LEVEL_RANK[r.level]), r, usable))
    # English: a usual English name before a mere pinyin (Shaanxi is 陕西, shanxi 山西), then the
    # higher level (Jilin is the province), else the place English texts mean (Suzhou is 苏州);
    # nothing when that place may not be named so (Chaoyang: 朝阳市 has no short form).
    en_of: dict[str, str] = {}
    for en, cands in english.items():
        best = min(rank for rank, _, _ in cands)
        top = [(r, usable) for rank, r, usable in cands if rank == best]
        if len(top) > 1 and en in _EN_PREFERRED:
            top = [(r, usable) for r, usable in top if r.name == _EN_PREFERRED[en]]
        if len(top) == 1 and top[0][1] and re.fullmatch(r"[a-z][a-z' -]*", en):
            names.setdefault(en, _key(top[0][0]))
            en_of.setdefault(top[0][0].name, en)
    rows = [(_key(r), en_of.get(r.name), _key(REGIONS[r.parent]) if r.parent in REGIONS else None)
            for r in REGIONS.values()]
    return rows, names


def gazetteer() -> list[tuple[str, str | None, str | None]]:
    """(key, English name or None, parent key or None) for every place of ingest.regions."""
    return list(_tables()[0])


def region_names() -> dict[str, str]:
    """Every Chinese form and English name of a place → its key (辽宁省/辽宁/liaoning → 辽宁;
    柳州市/柳州/liuzhou → 柳州; 疏勒县/疏勒/shule → 疏勒县). Ambiguous forms are left out."""
    return dict(_tables()[1])


# Views by level: (key, English, parent key).
PROVINCES: tuple[tuple[str, str], ...] = tuple(
    (k, en or "") for (k, en, _), r in zip(gazetteer(), REGIONS.values()) if r.level == "province")
CITIES: tuple[tuple[str, str | None, str], ...] = tuple(
    (k, en, p or "") for (k, en, p), r in zip(gazetteer(), REGIONS.values()) if r.level == "city")
COUNTIES: tuple[tuple[str, str | None, str], ...] = tuple(
    (k, en, p or "") for (k, en, p), r in zip(gazetteer(), REGIONS.values()) if r.level in ("county", "district"))


# Industries: derived from the vocabulary ingest uses (ingest/industry_vocab.py, read from
# ingest/data/industries.tsv: GB/T 4754-2017, the 2021 programme catalogue, the strategic emerging
# industries, usual chain names), so questions and the graph name an industry the same way.
# English industry words → the canonical Chinese term.
INDUSTRY_EN: dict[str, str] = _industry_vocab.english_names()
# Chinese synonyms → the canonical term (石化 → 石油化工, 康养 → 健康养老).
INDUSTRY_ZH_SYNONYMS: dict[str, str] = _industry_vocab.synonyms()
# Chinese industry words recognised even when the graph has no IndustryChain node for them.
INDUSTRY_ZH: tuple[str, ...] = _industry_vocab.terms()


# Kinds of collaborative bodies (all Group nodes), told apart by the last word of their name.
# A question naming a kind asks for that kind only; 职教集团 is the umbrella word (the national
# list of 示范性职业教育集团（联盟） counts alliances, and documents call 产教联合体 职教集团 too),
# so it only puts bodies named …集团/…联盟 first; a bare 集团 / group means any Group.
GROUP_KIND_SUFFIXES: tuple[str, ...] = ("产业学院", "联盟", "联合体", "共同体", "协作体", "园区", "集团")
# Question words (longest first) → the kind they ask for.
GROUP_KIND_ZH: tuple[tuple[str, str], ...] = (
    ("行业产教融合共同体", "共同体"), ("产教融合共同体", "共同体"), ("市域产教联合体", "联合体"),
    ("产教联合体", "联合体"), ("职业教育集团", "职教集团"), ("职业教育联盟", "联盟"), ("职业教育园区", "园区"),
    ("职教集团", "职教集团"), ("职教联盟", "联盟"), ("职教园区", "园区"), ("产业学院", "产业学院"),
    ("联合体", "联合体"), ("共同体", "共同体"), ("协作体", "协作体"), ("联盟", "联盟"),
)
# English phrases (longest first) → (kind asked, the Chinese head word of such a body's name).
GROUP_KIND_EN: tuple[tuple[str, str, str], ...] = (
    ("vocational education groups", "职教集团", "职业教育集团"),
    ("vocational education group", "职教集团", "职业教育集团"),
    ("vocational education alliances", "联盟", "职业教育联盟"),
    ("vocational education alliance", "联盟", "职业教育联盟"),
    ("vocational education parks", "园区", "职业教育园区"), ("vocational education park", "园区", "职业教育园区"),
    ("education groups", "职教集团", "职业教育集团"), ("education group", "职教集团", "职业教育集团"),
    ("industry colleges", "产业学院", "产业学院"), ("industry college", "产业学院", "产业学院"),
    ("industrial colleges", "产业学院", "产业学院"), ("industrial college", "产业学院", "产业学院"),
    ("collaboration bodies", "协作体", "协作体"), ("collaboration body", "协作体", "协作体"),
    ("consortia", "联合体", "联合体"), ("consortiums", "联合体", "联合体"), ("consortium", "联合体", "联合体"),
    ("communities", "共同体", "共同体"), ("community", "共同体", "共同体"),
    ("alliances", "联盟", "联盟"), ("alliance", "联盟", "联盟"),
)
# Kinds that are a hard filter (the umbrella 职教集团 only ranks).
GROUP_KIND_SOFT: dict[str, tuple[str, ...]] = {"职教集团": ("集团", "联盟")}

# English names of government bodies (longest first) → the Chinese head of their name.
# "provincial"/"municipal" before one add 省/市 (the provincial department of education → 省教育厅).
AGENCY_EN: tuple[tuple[str, str], ...] = (
    ("department of human resources and social security", "人力资源社会保障厅"),
    ("human resources and social security department", "人力资源社会保障厅"),
    ("human resources and social security bureau", "人力资源社会保障局"),
    ("development and reform commission", "发展改革委"), ("people's government", "人民政府"),
    ("department of education", "教育厅"), ("education department", "教育厅"),
    ("bureau of education", "教育局"), ("education bureau", "教育局"), ("ministry of education", "教育部"),
    ("department of finance", "财政厅"), ("finance department", "财政厅"),
    ("department of industry and information technology", "工业和信息化厅"),
    ("department of science and technology", "科学技术厅"), ("government", "人民政府"),
)
ADMIN_LEVEL_EN: dict[str, str] = {"provincial": "省", "province": "省", "municipal": "市", "city": "市"}
# Kinds of development zone, which name bodies set up in them (临川经济技术开发区…产教联合体).
ZONE_EN: dict[str, str] = {
    "economic and technological development zone": "经济技术开发区", "economic development zone": "经济开发区",
    "high-tech industrial development zone": "高新技术产业开发区", "high-tech zone": "高新区",
    "high tech zone": "高新区", "new district": "新区",
}
