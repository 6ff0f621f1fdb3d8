"""The one gazetteer of China (ingest/data/regions.tsv read by ingest/regions.py) and the
question parser's view of it (search/vocab.py): levels, parents, short forms, ambiguity,
English names, and that both sides know the same places."""

from __future__ import annotations

from collections import Counter

import pytest

from graph.networkx_store import NetworkxStore
from ingest.regions import REGIONS, ancestors, iter_regions, lookup_region, region_prefix
from search.graphview import GraphView
from search.question import parse_question
from search.vocab import CITIES, PROVINCES, gazetteer, region_names, region_short


def chain(region_name: str) -> list[str]:
    r = REGIONS[region_name]
    return [r.name] + [a.name for a in ancestors(r)]


# ---- the data ----------------------------------------------------------------------------
def test_every_level_of_the_national_list():
    levels = Counter(r.level for r in iter_regions())
    assert levels["province"] == 34          # 31 + 香港, 澳门, 台湾
    assert levels["city"] == 333             # 293 地级市, 30 自治州, 7 地区, 3 盟
    assert levels["district"] + levels["county"] == 2846
    kinds = Counter(r.kind for r in iter_regions())
    assert (kinds["地级市"], kinds["自治州"], kinds["地区"], kinds["盟"]) == (293, 30, 7, 3)
    assert kinds["县"] > 1200 and kinds["县级市"] > 350 and kinds["旗"] > 40 and kinds["自治县"] > 100


def test_every_region_but_the_country_has_a_known_parent():
    for r in iter_regions():
        if r.level == "country":
            assert r.parent is None
        else:
            assert r.parent in REGIONS, r.name
    assert all(REGIONS[r.parent].level in ("province", "city")
               for r in iter_regions() if r.level in ("district", "county"))


def test_codes_are_gb2260_and_unique():
    codes = [r.code for r in iter_regions() if r.code]
    assert len(codes) == len(set(codes)) == 3213
    assert REGIONS["柳州市"].code == "450200" and REGIONS["卓资县"].code == "150921"


def test_short_forms_are_two_characters_or_more_and_name_one_place():
    forms = Counter(f for r in iter_regions() for f in r.short)
    for r in iter_regions():
        for f in r.short:
            assert len(f) >= 2
            if r.level != "district" or f != r.short[0]:  # a bare district name may repeat (铁西区)
                assert forms[f] == 1, (f, r.name)


# ---- names placed by their start -----------------------------------------------------------
@pytest.mark.parametrize("name, region, ancestry", [
    ("柳州职业技术学院", "柳州市", ["广西壮族自治区"]),
    ("遵义市红岩职业学校", "遵义市", ["贵州省"]),
    ("遵义职业技术学院", "遵义市", ["贵州省"]),
    ("卓资县职业中学", "卓资县", ["乌兰察布市", "内蒙古自治区"]),
    ("内蒙古自治区乌兰察布市卓资县职业中学", "卓资县", ["乌兰察布市", "内蒙古自治区"]),
    ("疏勒县职业技术学校", "疏勒县", ["喀什地区", "新疆维吾尔自治区"]),
    ("浦东新区星光职业学校", "上海市浦东新区", ["上海市"]),
    ("上海市浦东新区星光职业学校", "上海市浦东新区", ["上海市"]),
    ("楚雄彝族自治州职业教育中心", "楚雄彝族自治州", ["云南省"]),
    ("楚雄州星河技工学校", "楚雄彝族自治州", ["云南省"]),
    ("楚雄星河技师学院", "楚雄彝族自治州", ["云南省"]),   # 楚雄市 is inside it: the enclosing unit
    ("岫岩县职业教育中心", "岫岩满族自治县", ["鞍山市", "辽宁省"]),
    ("锡林郭勒职业学院", "锡林郭勒盟", ["内蒙古自治区"]),
    ("阿克苏星河职业学校", "阿克苏地区", ["新疆维吾尔自治区"]),
    ("济源星河职业学校", "济源市", ["河南省"]),          # a county-level city under its province
    ("黑龙江省哈尔滨市南岗区星火学校", "哈尔滨市南岗区", ["哈尔滨市", "黑龙江省"]),
    ("海南星河职业学院", "海南省", []),                   # not 海南藏族自治州 nor 乌海市海南区
    ("河北星河职业学院", "河北省", []),                   # not 天津市河北区
    ("西安星河职业学院", "西安市", ["陕西省"]),           # not 辽源市西安区
    ("铁岭市农业学校", "铁岭市", ["辽宁省"]),
    ("辽宁省沈阳市铁西区星河学校", "沈阳市铁西区", ["沈阳市", "辽宁省"]),
    ("新民星河职业学校", "新民市", ["沈阳市", "辽宁省"]),
])
def test_names_are_placed_all_over_china(name, region, ancestry):
    hit = region_prefix(name)
    assert hit is not None and hit[0].name == region
    assert chain(region)[1:-1] == ancestry


@pytest.mark.parametrize("name", [
    "吉林星河职业学院",      # 吉林省 or 吉林市
    "朝阳星河学校",          # 朝阳市 (辽宁) or 北京市朝阳区
    "中山星火学校",          # 中山市, 大连市中山区, or Sun Yat-sen (中山大学)
    "和平区第二中学",        # in 沈阳, 天津 …
    "铁西区职业学校",        # in 沈阳, 鞍山, 四平
    "甘南星河学校",          # 甘南藏族自治州 or 甘南县
    "兴安星河学校",          # 兴安盟, 兴安县, 伊春市兴安区
    "伊宁星河学校",          # 伊宁市 or 伊宁县
    "合作共赢职教联盟",      # 合作市: an everyday word
    "中方合作院校联盟",      # 中方县: "the Chinese side"
    "东方星河电气集团",      # 东方市: an everyday word
    "新兴产业学院",          # 新兴县
    "东北星河大学",          # an area named, not placed
    "土默特星河学校",        # 土默特左旗 / 右旗: no short form
])
def test_ambiguous_or_everyday_short_forms_place_nothing(name):
    assert region_prefix(name) is None


def test_full_names_place_where_short_forms_do_not():
    assert region_prefix("吉林市星河职业学院")[0].name == "吉林市"
    assert region_prefix("吉林省星河职业学院")[0].name == "吉林省"
    assert region_prefix("朝阳市星河学校")[0].name == "朝阳市"
    assert region_prefix("北京市朝阳区星河学校")[0].name == "北京市朝阳区"
    assert region_prefix("合作市星河学校")[0].name == "合作市"
    assert region_prefix("土默特左旗星河学校")[0].name == "土默特左旗"


def test_lookup_by_any_unambiguous_form():
    assert lookup_region("楚雄").name == lookup_region("楚雄州").name == "楚雄彝族自治州"
    assert lookup_region("浦东新区").name == "上海市浦东新区"
    assert lookup_region("疏勒").name == "疏勒县"
    assert lookup_region("内蒙古").name == "内蒙古自治区"
    assert lookup_region("吉林") is None and lookup_region("朝阳") is None and lookup_region("铁西区") is None


def test_english_names():
    assert REGIONS["内蒙古自治区"].en == "Inner Mongolia" and REGIONS["西藏自治区"].en == "Tibet"
    assert REGIONS["陕西省"].en == "Shaanxi" and REGIONS["山西省"].en == "Shanxi"
    assert REGIONS["广西壮族自治区"].en == "Guangxi"
    assert REGIONS["哈尔滨市"].en == "Harbin" and REGIONS["乌鲁木齐市"].en == "Urumqi"
    assert REGIONS["呼和浩特市"].en == "Hohhot" and REGIONS["拉萨市"].en == "Lhasa"
    assert REGIONS["西安市"].en == "Xi'an" and REGIONS["昆明市"].en == "Kunming"
    assert REGIONS["长治市"].pinyin == "changzhi" and REGIONS["六安市"].pinyin == "lu'an"


# ---- the question parser's view ----------------------------------------------------------
def test_search_and_ingest_know_the_same_places():
    keys = {k for k, _, _ in gazetteer()}
    assert len(keys) == len(gazetteer()) == len(REGIONS)  # one key a place
    assert keys == {region_short(r.name) for r in iter_regions()}
    names = region_names()
    for r in iter_regions():
        assert names[r.name] == region_short(r.name), r.name  # every full name is known
    # every parent of the view is the key of the gazetteer's parent
    by_key = {region_short(r.name): r for r in iter_regions()}
    for key, _, parent in gazetteer():
        r = by_key[key]
        assert parent == (region_short(r.parent) if r.parent else None)
    assert {p for p, _ in PROVINCES} == {region_short(r.name) for r in iter_regions() if r.level == "province"}
    assert len(CITIES) == 333


@pytest.mark.parametrize("surface, key", [
    ("柳州", "柳州"), ("柳州市", "柳州"), ("liuzhou", "柳州"), ("遵义", "遵义"), ("疏勒县", "疏勒县"),
    ("疏勒", "疏勒县"), ("kunming", "昆明"), ("harbin", "哈尔滨"), ("xi'an", "西安"), ("hohhot", "呼和浩特"),
    ("inner mongolia", "内蒙古"), ("tibet", "西藏"), ("shaanxi", "陕西"), ("shanxi", "山西"),
    ("jilin", "吉林"), ("吉林", "吉林"), ("吉林市", "吉林市"), ("楚雄州", "楚雄"), ("浦东新区", "上海市浦东新区"),
    ("suzhou", "苏州"), ("liaoxibei", "辽西北"),
])
def test_region_names(surface, key):
    assert region_names()[surface] == key


def test_ambiguous_forms_are_no_region_names():
    names = region_names()
    assert "朝阳" not in names and "中山" not in names and "铁西区" not in names and "chaoyang" not in names


@pytest.fixture(scope="module")
def view(tmp_path_factory):
    return GraphView(NetworkxStore(tmp_path_factory.mktemp("regions") / "store"))


@pytest.mark.parametrize("question, region, province", [
    ("柳州有哪些职业学校", "柳州", "广西"),
    ("遵义的职教集团有哪些", "遵义", "贵州"),
    ("疏勒县有哪些学校", "疏勒县", "新疆"),
    ("楚雄州有哪些学校", "楚雄", "云南"),
    ("which schools are in Kunming", "昆明", "云南"),
    ("which colleges are in Harbin", "哈尔滨", "黑龙江"),
])
def test_questions_resolve_cities_and_counties_all_over_china(view, question, region, province):
    it = parse_question(view, question)
    assert it.region == region
    assert province in view.ancestors(region)


def test_a_name_is_placed_by_search_as_by_ingest(view):
    assert view.place_in_name("柳州星河职业技术学院") == "柳州"
    assert view.place_in_name("卓资县职业中学") == "卓资县"
    assert view.ancestors("卓资县") == ["卓资县", "乌兰察布", "内蒙古", "中国"]
    assert view.place_in_name("中山星火学校") is None
