"""州/盟/县/区/旗 forms of "our place" are qualified like 省/市 ones (ingest.regions.qualify_name)."""

import pytest

from ingest.regions import REGIONS, qualify_name


@pytest.mark.parametrize("name, expected", [
    ("州教育体育局", "延边朝鲜族自治州教育体育局"),
    ("州人民政府", "延边朝鲜族自治州人民政府"),
    ("州级示范校", None), ("州县教育局", None), ("州内职业院校", None),
    ("县教育局", None), ("区教育局", None),
])
def test_prefecture_forms(name, expected):
    assert qualify_name(name, REGIONS["延边朝鲜族自治州"], REGIONS["吉林省"]) == expected


def test_league_forms():
    assert qualify_name("盟教育局", REGIONS["锡林郭勒盟"], None) == "锡林郭勒盟教育局"
    assert qualify_name("盟教育局", REGIONS["长春市"], None) is None


@pytest.mark.parametrize("name, expected", [
    ("县教育局", "长沙县教育局"), ("县人民政府", "长沙县人民政府"),
    ("县域职业教育", None), ("县级职教中心", None), ("县乡两级政府", None), ("区教育局", None),
])
def test_county_forms(name, expected):
    assert qualify_name(name, REGIONS["长沙市"], REGIONS["湖南省"], REGIONS["长沙县"]) == expected


def test_county_forms_need_a_county():
    # a city's report: 县教育局 / 区教育局 mean every county's, not one body
    assert qualify_name("县教育局", REGIONS["长沙市"], REGIONS["湖南省"]) is None
    assert qualify_name("区人民政府", REGIONS["长沙市"], None) is None
    # 旗县人民政府 lists kinds of body
    assert qualify_name("旗县人民政府", REGIONS["锡林郭勒盟"], None) is None
