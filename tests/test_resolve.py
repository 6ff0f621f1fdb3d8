"""Entity resolution rules, user decisions, typo merging, and the region gazetteer."""

from __future__ import annotations

import json

import pytest

from graph.errors import InputError
from graph.networkx_store import NetworkxStore
from graph.schema import Node
from ingest.model import Mention
from ingest.regions import (document_scope, lookup_region, region_ancestors, region_prefix,
                            regions_within)
from ingest.resolve import Decisions, Resolver, load_decisions, typo_merges


@pytest.mark.parametrize("a, b, node_type", [
    ("沈阳外事服务学校", "沈阳市外事服务学校", "School"),
    ("辽宁装备制造职教集团", "辽宁装备制造职业教育集团", "Group"),
    ("辽西北职教联盟", "辽西北职业教育联盟", "Group"),
    ("中国（北方）现代林业职业教育集团", "中国(北方)现代林业职业教育集团", "Group"),
    ("“辽宁职业学院”", "辽宁职业学院", "School"),
    ("辽宁 职业 学院", "辽宁职业学院", "School"),
    ("ＡＢＣ职业学院", "ABC职业学院", "School"),
    ("辽宁省交通高等专科学校", "辽宁交通高等专科学校", "School"),
    ("辽宁省沈阳市外事服务学校", "沈阳市外事服务学校", "School"),
    ("法库县职业教育中心", "法库职教中心", "School"),
    ("沈阳市工业技术学校(职教中心)", "沈阳市工业技术学校", "School"),
    ("辽宁某某职业学院（筹）", "辽宁某某职业学院", "School"),
])
def test_same_body_same_key(a, b, node_type):
    r = Resolver()
    assert r.key(a, node_type) == r.key(b, node_type)
    assert r.node_id(Mention(node_type, a, "d")) == r.node_id(Mention(node_type, b, "d"))


@pytest.mark.parametrize("a, b, node_type", [
    ("辽宁铁道职业技术学院", "辽宁轨道交通职业学院", "School"),
    ("河北省装备制造职业教育集团", "辽宁装备制造职业教育集团", "Group"),
    ("辽宁职业学院", "辽宁农业职业技术学院", "School"),
    ("吉林省电子信息职业教育集团", "吉林市电子信息职业教育集团", "Group"),  # 吉林: province and city
    ("沈阳市第一职业技术学校", "沈阳市第二职业技术学校", "School"),
    ("辽阳职业技术学院", "辽宁职业技术学院", "School"),
    ("中国石油大学(北京)", "中国石油大学(华东)", "School"),
    ("沈阳市第一中学(分校)", "沈阳市第一中学", "School"),
])
def test_different_bodies_stay_apart(a, b, node_type):
    r = Resolver()
    r.observe([Mention(node_type, a, "d"), Mention(node_type, b, "d"),
               Mention(node_type, "辽宁装备制造职业教育集团", "d")])
    assert r.node_id(Mention(node_type, a, "d")) != r.node_id(Mention(node_type, b, "d"))


def test_types_keep_nodes_apart():
    r = Resolver()
    assert r.node_id(Mention("Group", "辽宁装备制造集团", "d")) != r.node_id(Mention("Enterprise", "辽宁装备制造集团", "d"))


def test_extractor_key_wins():
    r = Resolver()
    a = Mention("Policy", "辽教发〔2021〕59号", "d", properties={"key": "辽教发(2021)59号"})
    b = Mention("Policy", "《关于推进开放合作办学的实施意见》", "d", properties={"key": "辽教发(2021)59号"})
    assert r.node_id(a) == r.node_id(b)
    node = r.build_nodes([a, b])[r.node_id(a)]
    assert "key" not in node.properties


def test_canonical_name_is_the_formal_form_and_all_forms_are_aliases():
    r = Resolver()
    ms = [Mention("Group", "辽宁装备制造职教集团", "002"), Mention("Group", "辽宁装备制造职业教育集团", "003"),
          Mention("Group", "辽宁装备制造职教集团", "003")]
    r.observe(ms)
    (node,) = r.build_nodes(ms).values()
    assert node.name == "辽宁装备制造职业教育集团"
    assert node.aliases == ["辽宁装备制造职教集团"]
    assert node.docs == ["002", "003"]
    ms = [Mention("School", "沈阳外事服务学校", "a"), Mention("School", "沈阳市外事服务学校", "b"),
          Mention("School", "辽宁沈阳市外事服务学校", "c")]
    (node,) = r.build_nodes(ms).values()
    assert node.name == "沈阳市外事服务学校"  # full place form; a redundant province chain is noise


def test_canonical_name_does_not_depend_on_order():
    forms = ["辽西北职教联盟", "辽西北职业教育联盟", "辽西北职业教育联盟 "]
    names = {Resolver().canonical_name(order, "Group") for order in (forms, forms[::-1])}
    assert names == {"辽西北职业教育联盟"}


def test_typo_merge_when_one_spelling_is_attested():
    r = Resolver()
    ms = [Mention("School", "沈阳市装备自造工程学校", "003"), Mention("School", "沈阳市装备制造工程学校", "003"),
          Mention("Group", "辽宁装备制造职业教育集团", "002"), Mention("School", "沈阳装备制造职业学院", "003")]
    r.observe(ms + [Mention("School", "沈阳市装备制造工程学校", "003")] * 2)
    assert r.node_id(ms[0]) == r.node_id(ms[1])
    node = r.build_nodes(ms[:2])[r.node_id(ms[0])]
    assert node.name == "沈阳市装备制造工程学校"
    assert node.aliases == ["沈阳市装备自造工程学校"]


def test_typo_merge_needs_support_for_the_right_spelling():
    r = Resolver()
    ms = [Mention("School", "沈阳市装备自造工程学校", "003"), Mention("School", "沈阳市装备制造工程学校", "003"),
          Mention("Group", "辽宁装备制造职业教育集团", "002")]
    r.observe(ms)  # the right spelling seen once only: no merge
    assert r.node_id(ms[0]) != r.node_id(ms[1])


MANY = {"沈阳装备制造工程学校": 45, "沈阳第二职业技术学校": 10, "辽宁林业职业技术学院": 10,
        "沈阳制造学校": 10}


@pytest.mark.parametrize("keys", [
    # both spellings attested elsewhere: two real bodies (农业 / 林业)
    ["辽宁农业职业技术学院", "辽宁林业职业技术学院", "现代农业职业教育集团", "中国林业职业教育集团"],
    # neither attested: nothing to tell which one is right
    ["沈阳装备自造工程学校", "沈阳装备制造工程学校"],
    # too short to be sure
    ["沈阳自造学校", "沈阳制造学校", "制造业联盟"],
    # ordinals are not typos
    ["沈阳第一职业技术学校", "沈阳第二职业技术学校", "第二中学"],
    # three spellings: ambiguous
    ["沈阳装备自造工程学校", "沈阳装备制造工程学校", "沈阳装备改造工程学校", "辽宁装备制造集团", "改造工程"],
])
def test_typo_merge_is_conservative(keys):
    assert typo_merges(keys, MANY) == {}


@pytest.mark.parametrize("right, typo, expected", [(45, 1, True), (3, 1, True), (2, 1, False), (6, 3, False), (1, 1, False)])
def test_typo_merge_support_thresholds(right, typo, expected):
    keys = ["沈阳装备自造工程学校", "沈阳装备制造工程学校", "辽宁装备制造职业教育集团"]
    merged = typo_merges(keys, {"沈阳装备制造工程学校": right, "沈阳装备自造工程学校": typo})
    assert (merged == {"沈阳装备自造工程学校": "沈阳装备制造工程学校"}) is expected


def test_typo_merge_respects_keep_apart():
    keys = ["沈阳装备自造工程学校", "沈阳装备制造工程学校", "辽宁装备制造职业教育集团"]
    assert typo_merges(keys, MANY) == {"沈阳装备自造工程学校": "沈阳装备制造工程学校"}
    assert typo_merges(keys, MANY, {"沈阳装备自造工程学校": {"沈阳装备制造工程学校"}}) == {}


def test_decisions_tsv_and_json(tmp_path):
    (tmp_path / "aliases.tsv").write_text(
        "# user decisions\nsame\t沈阳市旅游学校\t沈阳市外事服务学校\n"
        "different\t沈阳外事服务学校\t沈阳市外事服务学校\n", encoding="utf-8")
    extra = tmp_path / "more.json"
    extra.write_text(json.dumps({"same": [["辽宁职院", "辽宁职业学院"]]}, ensure_ascii=False), encoding="utf-8")
    d = load_decisions(tmp_path, extra)
    assert d.same == [["沈阳市旅游学校", "沈阳市外事服务学校"], ["辽宁职院", "辽宁职业学院"]]
    r = Resolver(d)
    ids = {n: r.node_id(Mention("School", n, "d"))
           for n in ("沈阳市旅游学校", "沈阳市外事服务学校", "沈阳外事服务学校", "辽宁职院", "辽宁职业学院")}
    assert ids["沈阳市旅游学校"] == ids["沈阳市外事服务学校"]
    assert ids["沈阳外事服务学校"] != ids["沈阳市外事服务学校"]
    assert ids["辽宁职院"] == ids["辽宁职业学院"]


@pytest.mark.parametrize("text", ["same\tonly-one-name\n", "merge\ta\tb\n"])
def test_bad_decisions_file(tmp_path, text):
    p = tmp_path / "aliases.tsv"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        Decisions.load(p)


def test_resolver_finds_stored_nodes_by_any_form():
    stored = Node(id="School-old", type="School", name="沈阳市外事服务学校", aliases=["沈阳外事服务学校"])
    r = Resolver(known=[stored])
    assert r.node_id(Mention("School", "沈阳市外事服务学校", "x")) == "School-old"
    assert r.node_id(Mention("School", "辽宁省沈阳市外事服务学校", "x")) == "School-old"


# ---- regions -------------------------------------------------------------------------
@pytest.mark.parametrize("name, region, parent", [
    ("辽宁装备制造职教集团", "辽宁省", "中国"),
    ("铁岭市农业学校", "铁岭市", "辽宁省"),
    ("铁岭卫生职业学院", "铁岭市", "辽宁省"),
    ("辽宁开原雨润食品有限公司", "开原市", "铁岭市"),
    ("辽宁省沈阳市铁西区职业学校", "沈阳市铁西区", "沈阳市"),
    ("辽西北职教联盟", "辽西北", "辽宁省"),
    ("内蒙古化工职业学院", "内蒙古自治区", "中国"),
    ("河北省装备制造职业教育集团", "河北省", "中国"),
])
def test_region_at_the_start_of_a_name(name, region, parent):
    hit = region_prefix(name)
    assert hit is not None
    assert (hit[0].name, hit[0].parent) == (region, parent)


@pytest.mark.parametrize("name", ["铁西区职业学校", "东北大学", "中国（北方）现代林业职业教育集团", "铁岭", "教育部"])
def test_no_region_when_absent_or_ambiguous(name):
    assert region_prefix(name) is None


def test_gazetteer_forms():
    assert lookup_region("辽宁").name == "辽宁省"
    assert lookup_region("内蒙古").name == "内蒙古自治区"
    assert lookup_region("葫芦岛").name == "葫芦岛市"
    assert lookup_region("铁西区") is None  # in 沈阳 and in 鞍山


def test_document_scope_from_running_header():
    header = "沈阳市中等职业教育质量年报(2023年度)"
    text = "内容真实性责任声明\n\n" + "\n".join(f"{header}\n正文第{i}页，沈阳市外事服务学校……" for i in range(4))
    scope = document_scope(text)
    assert scope.region.name == "沈阳市"
    assert text[scope.start:scope.end] == scope.quote == header


@pytest.mark.parametrize("text", [
    "辽宁省教育厅文件\n辽教发〔2021〕59号\n关于推进……的实施意见\n",  # provincial: no city scope
    "教育部司局函件\n关于公布第一批示范性职业教育集团名单的通知\n",
    "沈阳市教育局\n大连市教育局\n联合通知\n",  # two cities
])
def test_no_document_scope(text):
    assert document_scope(text) is None


def test_region_helpers_follow_parents(tmp_path):
    from ingest.regions import REGIONS

    store = NetworkxStore(tmp_path)
    for name in ("辽宁省", "沈阳市", "沈阳市铁西区", "河北省"):
        r = REGIONS[name]
        store.put_node(Node(id=r.node_id, type="Region", name=r.name, aliases=list(r.short),
                            properties={"parent": r.parent} if r.parent else {}))
    tiexi = REGIONS["沈阳市铁西区"].node_id
    assert [n.name for n in region_ancestors(store, tiexi)] == ["沈阳市", "辽宁省"]
    assert [n.name for n in regions_within(store, "辽宁")] == ["辽宁省", "沈阳市", "沈阳市铁西区"]
    assert regions_within(store, "火星") == []


@pytest.mark.parametrize("name, expected", [
    ("外事服务学校", True),
    ("星河职教中心", True),
    ("苏家屯职教中心", False),              # placed by its own name (苏家屯 → 沈阳市苏家屯区)
    ("沈阳市外事服务学校", False),          # placed by its own name
    ("成都职业技术学院", False),            # a college elsewhere (成都 → 四川省)
    ("歌德学院", False),                    # not a local school suffix
    ("日本长崎县立佐世保商业高等学校", False),  # abroad
    ("德国某某职业学校", False),
    ("合格学校", False),                    # too short to be a proper name
])
def test_document_scope_only_places_local_schools(name, expected):
    from ingest.regions import scope_applies

    assert scope_applies(name) is expected


@pytest.mark.parametrize("name, region, province", [
    ("青岛酒店管理职业技术学院", "青岛市", "山东省"),
    ("成都职业技术学院", "成都市", "四川省"),
    ("长春汽车工业高等专科学校", "长春市", "吉林省"),
])
def test_major_cities_outside_liaoning(name, region, province):
    hit = region_prefix(name)
    assert (hit[0].name, hit[0].parent) == (region, province)


@pytest.mark.parametrize("name, expected", [
    ("省教育厅", "辽宁省教育厅"),
    ("省委教育工委", "辽宁省委教育工委"),
    ("市教育局", "沈阳市教育局"),
    ("市级示范校", None), ("省级职教集团", None), ("市域产教联合体", None), ("市场监督管理局", None),
    ("省内有关高等学校", None), ("各市教育局", None),
])
def test_own_place_names_are_qualified_by_the_document_scope(name, expected):
    from ingest.regions import REGIONS, qualify_name

    assert qualify_name(name, REGIONS["沈阳市"], REGIONS["辽宁省"]) == expected
    assert qualify_name(name, None, None) is None


@pytest.mark.parametrize("text, province", [
    ("辽宁省教育厅文件\n辽教发〔2021〕59号\n", "辽宁省"),
    ("辽西北职业教育联盟成立于2013年6月，\n", "辽宁省"),  # an area of 辽宁
    ("教育部司局函件\n教职成司函〔2020〕33号\n", None),
    ("辽宁省教育厅文件\n河北省教育厅文件\n", None),  # two provinces
])
def test_document_province(text, province):
    scope = document_scope(text, "province")
    assert (scope.region.name if scope else None) == province


@pytest.mark.parametrize("short, registered, merged", [
    ("华晨宝马公司", "华晨宝马汽车有限公司", True),
    ("沈鼓集团", "沈鼓集团股份有限公司", True),
    ("好利来公司", "沈阳好利来实业发展有限公司", False),      # not a prefix: a place comes first
    ("中车集团", "中车株洲电力机车有限公司", False),          # the rest names a place and a business
    ("华晨宝马汽车有限公司", "华晨宝马汽车有限公司", False),  # only bare short forms move
])
def test_short_company_names_join_their_registered_name(short, registered, merged):
    from ingest.resolve import short_form_merges

    got = short_form_merges([short, registered])
    assert (got.get(short) == registered) is merged


def test_short_company_name_with_two_candidates_stays_apart():
    from ingest.resolve import short_form_merges

    assert short_form_merges(["宝马公司", "宝马汽车有限公司", "宝马科技有限公司"]) == {}
