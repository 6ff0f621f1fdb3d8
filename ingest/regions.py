"""Regions: a gazetteer of Chinese provinces, Liaoning's cities, districts and counties and a few
named areas, and the rules that place organisations in them.

Two inference rules (both emit LOCATED_IN edges with evidence):
- the name: a region at the start of an organisation's name places it there
  (辽宁化工装备职教集团 → 辽宁省; 铁岭市… → 铁岭市, whose parent is 辽宁省);
- the document's scope: a document whose title or running page header names one city
  (沈阳市中等职业教育质量年报) places the schools it names without a region of their own there.

Every region node carries ``parent`` (the canonical name of the enclosing region) so that a
question about 辽宁 also covers 沈阳: see ``region_ancestors`` and ``regions_within``.

>>> region_prefix("铁岭市农业学校")[0].name, region_prefix("铁岭市农业学校")[0].parent
('铁岭市', '辽宁省')
>>> lookup_region("内蒙古").name
'内蒙古自治区'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from graph.normalize import clean_text, name_key
from graph.schema import make_node_id

if TYPE_CHECKING:
    from graph.base import GraphStore
    from graph.schema import Node


@dataclass(frozen=True)
class Region:
    """A gazetteer entry: canonical name, level, parent's canonical name, short forms."""

    name: str
    level: str  # country | province | area | city | district | county
    parent: str | None
    short: tuple[str, ...] = ()
    # Whether a name starting with this region is placed in it (false for macro areas such as
    # 东北, whose universities 东北冶金大学/东北农垦大学 are named for the area, not located across it).
    prefix: bool = True

    @property
    def node_id(self) -> str:
        return make_node_id("Region", region_key(self.name))

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.short)


def region_key(canonical_name: str) -> str:
    """The resolution key of a region node (its canonical gazetteer name, normalised)."""
    return name_key(canonical_name)


# ---- the gazetteer ------------------------------------------------------------------------
_PROVINCES = (
    # (full name, short forms)
    ("北京市", ("北京",)), ("天津市", ("天津",)), ("上海市", ("上海",)), ("重庆市", ("重庆",)),
    ("河北省", ("河北",)), ("山西省", ("山西",)), ("辽宁省", ("辽宁",)),
    ("吉林省", ()),  # 吉林 alone is also a city of 吉林省: the short form is ambiguous
    ("黑龙江省", ("黑龙江",)), ("江苏省", ("江苏",)), ("浙江省", ("浙江",)), ("安徽省", ("安徽",)),
    ("福建省", ("福建",)), ("江西省", ("江西",)), ("山东省", ("山东",)), ("河南省", ("河南",)),
    ("湖北省", ("湖北",)), ("湖南省", ("湖南",)), ("广东省", ("广东",)), ("海南省", ("海南",)),
    ("四川省", ("四川",)), ("贵州省", ("贵州",)), ("云南省", ("云南",)), ("陕西省", ("陕西",)),
    ("甘肃省", ("甘肃",)), ("青海省", ("青海",)), ("台湾省", ("台湾",)),
    ("内蒙古自治区", ("内蒙古",)), ("广西壮族自治区", ("广西",)), ("西藏自治区", ("西藏",)),
    ("宁夏回族自治区", ("宁夏",)), ("新疆维吾尔自治区", ("新疆",)),
    ("香港特别行政区", ("香港",)), ("澳门特别行政区", ("澳门",)),
)

# Liaoning's 14 prefecture-level cities and their districts (区), counties (县) and
# county-level cities (市). Districts get no short form: 铁西/和平/振兴 are ordinary words or
# exist in several cities.
_LIAONING = {
    "沈阳市": ("和平区 沈河区 大东区 皇姑区 铁西区 苏家屯区 浑南区 沈北新区 于洪区 辽中区",
              "康平县 法库县", "新民市"),
    "大连市": ("中山区 西岗区 沙河口区 甘井子区 旅顺口区 金州区 普兰店区", "长海县", "瓦房店市 庄河市"),
    "鞍山市": ("铁东区 铁西区 立山区 千山区", "台安县 岫岩满族自治县", "海城市"),
    "抚顺市": ("新抚区 东洲区 望花区 顺城区", "抚顺县 新宾满族自治县 清原满族自治县", ""),
    "本溪市": ("平山区 溪湖区 明山区 南芬区", "本溪满族自治县 桓仁满族自治县", ""),
    "丹东市": ("元宝区 振兴区 振安区", "宽甸满族自治县", "东港市 凤城市"),
    "锦州市": ("古塔区 凌河区 太和区", "黑山县 义县", "凌海市 北镇市"),
    "营口市": ("站前区 西市区 鲅鱼圈区 老边区", "", "盖州市 大石桥市"),
    "阜新市": ("海州区 新邱区 太平区 清河门区 细河区", "阜新蒙古族自治县 彰武县", ""),
    "辽阳市": ("白塔区 文圣区 宏伟区 弓长岭区 太子河区", "辽阳县", "灯塔市"),
    "盘锦市": ("双台子区 兴隆台区 大洼区", "盘山县", ""),
    "铁岭市": ("银州区 清河区", "铁岭县 西丰县 昌图县", "调兵山市 开原市"),
    "朝阳市": ("双塔区 龙城区", "朝阳县 建平县 喀喇沁左翼蒙古族自治县", "北票市 凌源市"),
    "葫芦岛市": ("连山区 龙港区 南票区", "绥中县 建昌县", "兴城市"),
}

# Other prefecture-level cities that name schools and groups in the national lists (short
# forms; the full name adds 市). Left out on purpose: 吉林 (also the province), 中山 (中山大学,
# 大连市中山区), 朝阳 (a Liaoning city and a Beijing district).
_OTHER_CITIES = {
    "河北省": "石家庄 唐山 秦皇岛 邯郸 保定 张家口 承德 沧州 廊坊 邢台 衡水",
    "山西省": "太原 大同 长治 晋中 运城 临汾",
    "内蒙古自治区": "呼和浩特 包头 鄂尔多斯 赤峰 通辽 呼伦贝尔",
    "吉林省": "长春 四平 通化 白山",
    "黑龙江省": "哈尔滨 齐齐哈尔 牡丹江 佳木斯 大庆 鸡西 鹤岗 双鸭山 伊春",
    "江苏省": "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁",
    "浙江省": "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水",
    "安徽省": "合肥 芜湖 蚌埠 淮南 马鞍山 安庆 滁州 阜阳",
    "福建省": "福州 厦门 泉州 漳州 莆田",
    "江西省": "南昌 九江 赣州 景德镇 上饶",
    "山东省": "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽",
    "河南省": "郑州 开封 洛阳 平顶山 安阳 新乡 焦作 许昌 南阳 商丘 信阳",
    "湖北省": "武汉 黄石 十堰 宜昌 襄阳 荆州 孝感 黄冈",
    "湖南省": "长沙 株洲 湘潭 衡阳 岳阳 常德 郴州 怀化",
    "广东省": "广州 深圳 珠海 汕头 佛山 韶关 湛江 江门 茂名 惠州 东莞 清远 揭阳",
    "广西壮族自治区": "南宁 柳州 桂林 梧州 北海 玉林",
    "海南省": "海口 三亚",
    "四川省": "成都 自贡 攀枝花 泸州 德阳 绵阳 宜宾 南充 乐山 达州",
    "贵州省": "贵阳 遵义 六盘水 安顺",
    "云南省": "昆明 曲靖 玉溪",
    "西藏自治区": "拉萨",
    "陕西省": "西安 宝鸡 咸阳 渭南 延安 汉中 榆林",
    "甘肃省": "兰州 天水 酒泉 张掖 白银",
    "青海省": "西宁",
    "宁夏回族自治区": "银川",
    "新疆维吾尔自治区": "乌鲁木齐 克拉玛依",
}

# Named areas (economic zones, city clusters) inside or above provinces.
_AREAS = (
    Region("辽西北", "area", "辽宁省", ("辽西北地区",)),
    Region("沈阳现代化都市圈", "area", "辽宁省", ("沈阳都市圈",)),
    Region("辽宁沿海经济带", "area", "辽宁省", ("沿海经济带",), prefix=False),
    Region("辽东绿色经济区", "area", "辽宁省", (), prefix=False),
    Region("辽中南", "area", "辽宁省", ("辽中南城市群",), prefix=False),
    Region("东北", "area", "中国", ("东北地区",), prefix=False),
)

_AUTONOMOUS = re.compile(r"(满族|蒙古族|回族|朝鲜族|锡伯族)?自治县$")


def _short_county(full: str) -> tuple[str, ...]:
    """Short form of a county / county-level city when it is at least two characters and not
    itself a city name (朝阳县 → no short form: 朝阳 is the city)."""
    stem = _AUTONOMOUS.sub("", full)
    stem = stem[:-1] if stem.endswith(("县", "市")) else stem
    return (stem,) if len(stem) >= 2 and stem + "市" not in _LIAONING else ()


def _build() -> tuple[dict[str, Region], dict[str, list[Region]]]:
    entries: list[Region] = [Region("中国", "country", None, ("全国",), prefix=False)]
    for full, short in _PROVINCES:
        entries.append(Region(full, "province", "中国", short))
    for city, (districts, counties, county_cities) in _LIAONING.items():
        entries.append(Region(city, "city", "辽宁省", (city[:-1],)))
        for d in districts.split():
            # Districts share names across cities (铁西区): key them with their city.
            entries.append(Region(city + d, "district", city, (d,)))
        for c in counties.split():
            entries.append(Region(c, "county", city, _short_county(c)))
        for c in county_cities.split():
            entries.append(Region(c, "county", city, _short_county(c)))
    for province, cities in _OTHER_CITIES.items():
        entries.extend(Region(c + "市", "city", province, (c,)) for c in cities.split())
    entries.extend(_AREAS)
    by_name = {r.name: r for r in entries}
    by_form: dict[str, list[Region]] = {}
    for r in entries:
        for f in r.forms:
            by_form.setdefault(f, [])
            if r not in by_form[f]:
                by_form[f].append(r)
    return by_name, by_form


REGIONS, _BY_FORM = _build()
# Forms by first character, longest first so that 沈阳现代化都市圈 wins over 沈阳, 沈阳市 over 沈阳.
_FORMS_BY_FIRST: dict[str, list[str]] = {}
for _form in sorted(_BY_FORM, key=lambda f: (-len(f), f)):
    _FORMS_BY_FIRST.setdefault(_form[0], []).append(_form)
del _form


def lookup_region(name: str) -> Region | None:
    """The gazetteer entry for a full or short region name (None if unknown or ambiguous)."""
    s = clean_text(name).strip()
    hits = _BY_FORM.get(s, [])
    return hits[0] if len(hits) == 1 else None


def iter_regions() -> Iterator[Region]:
    return iter(REGIONS.values())


def ancestors(region: Region) -> list[Region]:
    """Enclosing regions, nearest first (铁岭市 → [辽宁省, 中国])."""
    out = []
    cur = region
    while cur.parent and cur.parent in REGIONS:
        cur = REGIONS[cur.parent]
        out.append(cur)
    return out


@lru_cache(maxsize=65536)
def region_prefix(name: str) -> tuple[Region, str] | None:
    """The most specific region named at the start of ``name`` and the matched surface text.

    Walks province → city → county/district: 辽宁省沈阳市铁西区X → 沈阳市铁西区.
    A short form must be followed by more name (铁岭 alone is the region itself, not a prefix)
    and a region nested under a matched one must belong to it.
    """
    s = clean_text(name)
    pos = 0
    found: Region | None = None
    while True:
        step = _match_at(s, pos, found)
        if step is None:
            break
        found, length = step
        pos += length
    if found is None or pos >= len(s):
        return None
    return found, s[:pos]


def _match_at(s: str, pos: int, within: Region | None) -> tuple[Region, int] | None:
    for form in _FORMS_BY_FIRST.get(s[pos:pos + 1], ()):
        if not s.startswith(form, pos) or len(s) - pos <= len(form):
            continue
        hits = [r for r in _BY_FORM[form]
                if r.prefix and (within is None or within in ancestors(r))]
        if len(hits) == 1:  # 铁西区 alone is in two cities: ambiguous, no match
            return hits[0], len(form)
    return None


# ---- document scope -------------------------------------------------------------------
_HEADER_LINES = 8  # the title block: first non-empty lines of a document


@dataclass(frozen=True)
class Scope:
    """A document's geographic scope: the city and the line (offsets) that shows it."""

    region: Region
    start: int
    end: int
    quote: str


def document_scope(text: str, level: str = "city") -> Scope | None:
    """The one city (``level="city"``) or province (``level="province"``) a document is about,
    read from its title block or running page header.

    Candidates are the first few non-empty lines and lines repeated at least three times (page
    headers of PDF exports); each names a region at its start. The scope is set only when every
    candidate names the same city (or a county/district of it) / the same province: a national
    list has neither, a provincial policy (吉林省教育厅文件) has a province and no city.
    Example: 003's repeated header "沈阳市中等职业教育质量年报(2023年度)" gives 沈阳市.
    """
    pick = _city_of if level == "city" else _province_of
    lines = []
    offset = 0
    for raw in text.split("\n"):
        lines.append((offset, raw))
        offset += len(raw) + 1
    nonempty = [(o, ln) for o, ln in lines if ln.strip()]
    counts = Counter(ln.strip() for _, ln in nonempty)
    candidates = list(nonempty[:_HEADER_LINES])
    candidates += [(o, ln) for o, ln in nonempty if counts[ln.strip()] >= 3 and len(ln.strip()) <= 60]
    found: dict[str, tuple[int, str]] = {}
    for o, ln in candidates:
        stripped = ln.strip()
        lead = len(ln) - len(ln.lstrip())
        hit = region_prefix(stripped)
        scope = pick(hit[0]) if hit else None
        if scope is not None:
            found.setdefault(scope.name, (o + lead, stripped))
    if len(found) != 1:
        return None
    (name, (start, quote)), = found.items()
    return Scope(REGIONS[name], start, start + len(quote), quote)


def _province_of(region: Region) -> Region | None:
    if region.level == "province":
        return region
    return next((a for a in ancestors(region) if a.level == "province"), None)


# Names that start with 省/市 standing for the document's own province/city (省教育厅 in a
# 吉林省 document is 吉林省教育厅; 市教育局 in a Dalian report is 大连市教育局), but not
# 省级/市级/市域/市场/省内/各市… which are words of their own.
_OWN_PLACE = re.compile(r"^(省|市)(?!级|属|内|外|直|市|份|域|场|民|区|县|长|里|面|政府各)")


def is_place_relative(name: str) -> bool:
    """Whether a name says 省/市 for "our province/city" (省教育厅): it means different bodies
    in different documents, so a stored alias like it never resolves a new mention."""
    return _OWN_PLACE.match(name.strip()) is not None


def qualify_name(name: str, city: Region | None, province: Region | None) -> str | None:
    """The full name of an organisation named by its document's own 省/市, or None.

    >>> qualify_name("省教育厅", None, REGIONS["吉林省"])
    '吉林省教育厅'
    >>> qualify_name("市级示范校", REGIONS["沈阳市"], None) is None
    True
    """
    s = name.strip()
    m = _OWN_PLACE.match(s)
    if m is None or len(s) < 3:
        return None
    place = province if m.group(1) == "省" else city
    return place.name + s[1:] if place is not None else None


# A school named in a city's report may be a partner abroad (德国…大学, 日本…县立…学校) or a
# college elsewhere (…学院): the scope rule only places local schools.
_FOREIGN = re.compile(
    r"^(德国|日本|韩国|朝鲜|美国|英国|法国|俄罗斯|乌克兰|白俄罗斯|新加坡|澳大利亚|新西兰|加拿大|印度尼西亚|"
    r"印尼|泰国|马来西亚|越南|柬埔寨|老挝|缅甸|菲律宾|印度|巴基斯坦|哈萨克斯坦|蒙古国|意大利|西班牙|葡萄牙|"
    r"荷兰|比利时|瑞士|瑞典|芬兰|丹麦|挪威|奥地利|波兰|以色列|埃及|南非|巴西|阿根廷|墨西哥)"
    r"|国立|州立|县立|市立|私立")
_LOCAL_SCHOOL = re.compile(r"(学校|职业教育中心|职教中心|中学|中专)$")


def scope_applies(name: str) -> bool:
    """Whether the document-scope rule may place a school with this name (no place of its own,
    a local school suffix, no foreign marker, a name long enough to be a proper name)."""
    s = clean_text(name).strip()
    return (len(s) >= 6 and region_prefix(s) is None and not _FOREIGN.search(s)
            and _LOCAL_SCHOOL.search(s) is not None)


def _city_of(region: Region) -> Region | None:
    if region.level == "city":
        return region
    if region.level in ("district", "county"):
        return REGIONS.get(region.parent or "")
    return None


# ---- helpers over a store (for search) --------------------------------------------------
def region_ancestors(store: "GraphStore", region_id: str) -> list["Node"]:
    """The region nodes enclosing ``region_id``, nearest first, following ``parent``.

    Uses the stored nodes' ``parent`` property, so it works for regions outside the gazetteer
    too, as long as their parent node exists.
    """
    out: list[Node] = []
    seen = {region_id}
    node = store.get_node(region_id)
    while node is not None:
        parent = node.properties.get("parent")
        if not parent:
            break
        pid = make_node_id("Region", region_key(parent))
        if pid in seen:
            break
        seen.add(pid)
        node = store.get_node(pid)
        if node is not None:
            out.append(node)
    return out


def regions_within(store: "GraphStore", region_name: str) -> list["Node"]:
    """The region named ``region_name`` (full or short form) and every stored region inside it.

    >>> # regions_within(store, "辽宁") -> [辽宁省, 沈阳市, 沈阳市铁西区, 铁岭市, 辽西北, ...]
    """
    entry = lookup_region(region_name)
    target = make_node_id("Region", region_key(entry.name if entry else region_name))
    root = store.get_node(target)
    if root is None:
        hits = store.find_nodes(region_name, type="Region", limit=1)
        if not hits:
            return []
        root = hits[0]
    regions = list(store.iter_nodes("Region"))
    out = [root]
    for n in sorted(regions, key=lambda n: n.name):
        if n.id != root.id and any(a.id == root.id for a in region_ancestors(store, n.id)):
            out.append(n)
    return out
