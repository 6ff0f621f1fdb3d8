"""Organisation names, third round: party and legislative bodies of a place, subdistricts, branches of
associations, a university's institute, a division in a person's title, a brand read as a number,
places sharing one name, national and provincial service centres (invented names)."""

from __future__ import annotations

import pytest

from ingest.orgnames import find_orgs


@pytest.mark.parametrize("text, expected", [
    # a place's party committee, people's congress and consultative conference before a title
    ("临江市委书记张三、临江市人大常委会副主任李四、临江市政协副主席王五出席",
     [("临江市委", "Agency"), ("临江市人大常委会", "Agency"), ("临江市政协", "Agency")]),
    ("省人大常委会党组副书记、省政协副主席等领导出席", [("省人大常委会", "Agency"), ("省政协", "Agency")]),
    ("北岭县委副书记出席活动。(北岭县委办公室)", [("北岭县委", "Agency"), ("北岭县委办公室", "Agency")]),
    # a subdistrict of a district
    ("与临江区东岙街道和北岭直播文化传媒有限公司签署三方协议",
     [("临江区东岙街道", "Agency"), ("北岭直播文化传媒有限公司", "Enterprise")]),
])
def test_find_orgs_local_government_bodies(text, expected):
    assert [(m.name, m.type) for m in find_orgs(text)] == expected


def test_a_committee_is_not_a_party_committee():
    assert "临江市委" not in [m.name for m in find_orgs("共青团临江市委员会、受市委托的北岭职业学院")]


@pytest.mark.parametrize("text, expected", [
    # a branch of an association is one name, 与 in its field included
    ("中国北岭工程学会汽车应用与服务分会秘书长张三致辞", [("中国北岭工程学会汽车应用与服务分会", "Association")]),
    # an academy and a technology centre
    ("会议特邀中国工程院院士张三作报告", [("中国工程院", "Institute")]),
    ("双方共建“北岭精刻数字化精密制造仿真技术中心”", [("北岭精刻数字化精密制造仿真技术中心", "Institute")]),
    ("企业技术中心", []),
    # a university's institute in a city is one name
    ("临江大学东川研究院、北岭工业大学东川研究院负责人",
     [("临江大学东川研究院", "Institute"), ("北岭工业大学东川研究院", "Institute")]),
    ("临江大学与北岭研究院签约", [("临江大学", "School"), ("北岭研究院", "Institute")]),
    # a province's vocational education centre is its service body, a county's is a school
    ("吉林省职业技术教育中心主任张三", [("吉林省职业技术教育中心", "Institute")]),
    ("北岭县职业技术教育中心", [("北岭县职业技术教育中心", "School")]),
])
def test_find_orgs_branches_institutes_centres(text, expected):
    assert [(m.name, m.type) for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a division of a department in a person's title names the department
    ("吉林省交通运输厅科技教育处一级调研员张三", ["吉林省交通运输厅"]),
    ("省教育厅职成处副处长李四", ["省教育厅"]),
    # a ministry's department and a division that acts are names of their own
    ("教育部职业教育与成人教育司", ["教育部职业教育与成人教育司"]),
    ("北岭市教育局职成处印发", ["北岭市教育局职成处"]),
])
def test_find_orgs_divisions_in_titles(text, expected):
    assert [m.name for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # single characters jieba reads as a number and a verb, between a place and the trade
    ("学院与临江市五将贸易有限公司签署合作协议", ["临江市五将贸易有限公司"]),
    ("东川市的贸易有限公司", ["贸易有限公司"]),
    # 暨 joins two events; 特邀 is a word of the report
    ("北岭县人民政府与临江职业技术学院合作办学签约暨临江技术学院现代产业学院(北岭分院)揭牌仪式",
     ["北岭县人民政府", "临江职业技术学院", "临江技术学院现代产业学院(北岭分院)"]),
])
def test_find_orgs_brand_and_event_words(text, expected):
    assert [m.name for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # places listed before a name that is only a place and its suffix share it
    ("支持埃及、印度和巴基斯坦鲁班工坊建设", ["埃及鲁班工坊", "印度鲁班工坊", "巴基斯坦鲁班工坊"]),
    ("北岭市、东川市教育局联合印发", ["北岭市教育局", "东川市教育局"]),
    ("学校与企业和北岭职业学院合作", ["北岭职业学院"]),
])
def test_find_orgs_places_sharing_a_name(text, expected):
    ms = find_orgs(text)
    assert [m.name for m in ms] == expected
    assert all(text[m.start:m.end] in m.name for m in ms)


def test_a_plaque_awarded_is_no_body():
    names = [m.name for m in find_orgs("并授予“临江技师学院高技能人才培训工作站”牌子。")]
    assert names == ["临江技师学院"]


@pytest.mark.parametrize("text, expected", [
    # the document's own committees, written bare before the government or a title
    ("认真贯彻党中央国务院、省委省政府和市委市政府决策部署", ["党中央", "国务院", "省委", "省政府", "市委", "市政府"]),
    ("张三指出，市委、市政府高度重视", ["市委", "市政府"]),
    ("中共临江省委、省政府印发", ["中共临江省委", "省政府"]),
    ("受市委托，北岭职业学院承办", ["北岭职业学院"]),
])
def test_find_orgs_bare_party_committees(text, expected):
    assert [m.name for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a city jieba tags as a verb still opens the name
    ("遵义北岭职业教育集团(联盟)第一次会员大会召开", ["遵义北岭职业教育集团"]),
    # a company's hotel department names the company
    ("北岭职教集团与东川康旅投资有限公司酒店中心签约", ["北岭职教集团", "东川康旅投资有限公司"]),
    # a kind of body before a place ends the name (构建…平台某地某某职业教育集团)
    ("构建新农牧产业人才培养平台临江农牧职业教育集团成立", ["临江农牧职业教育集团"]),
    # a zone's administration named bare after its party committee
    ("北岭新区党工委委员、管委会副主任张三出席", ["北岭新区党工委", "北岭新区管委会"]),
    # a provincial engineering centre is named field first
    ("体系建设\n虚拟现实技术与系统临江省工程研究中心授牌", ["虚拟现实技术与系统临江省工程研究中心"]),
    ("学校与北岭省工程研究中心合作", ["北岭省工程研究中心"]),
])
def test_find_orgs_round_three_odd_pages(text, expected):
    assert [m.name for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # regions and their industries sharing one group kind
    ("统筹建设北岭生态康养、东川装备制造和临江能源化工行业产教融合共同体",
     ["北岭生态康养行业产教融合共同体", "东川装备制造行业产教融合共同体", "临江能源化工行业产教融合共同体"]),
    ("推动装备制造、北岭能源化工行业产教融合共同体建设", ["北岭能源化工行业产教融合共同体"]),
    ("国内物流和北岭能源化工产业学院", ["北岭能源化工产业学院"]),
])
def test_find_orgs_fields_sharing_a_group_kind(text, expected):
    assert [m.name for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # an item of a list of names with the same suffix, though jieba reads it as a verb
    ("包括临江职业教育集团、奋进职业教育集团、北岭交通职业教育集团等150家",
     ["临江职业教育集团", "奋进职业教育集团", "北岭交通职业教育集团"]),
    ("临江职业学院、中等职业学院、", ["临江职业学院"]),
    # 振兴 names a field (乡村振兴学院)
    ("北岭大学与临江乡村振兴学院“3+4”中本贯通", ["北岭大学", "临江乡村振兴学院"]),
    # a public training centre is a body; a school's own is not
    ("依托临江现代物流职业技能公共实训中心，将校企合作升级", ["临江现代物流职业技能公共实训中心"]),
    ("北岭职业学院实训中心建成", ["北岭职业学院"]),
])
def test_find_orgs_lists_fields_training_centres(text, expected):
    assert [m.name for m in find_orgs(text)] == expected


def test_a_person_after_a_title_is_no_listed_body():
    from ingest.orgnames import find_listed

    text = "临江市公共交通技工学校校长助理张晓芬等学校相关部门负责人出席"
    assert find_listed(text, 0, len(text), "d", find_orgs(text), set()) == []


def test_a_short_school_form_before_its_head_is_the_school():
    assert [m.name for m in find_orgs("北岭职院院长张三、临江技校校长李四出席")] == ["北岭职院", "临江技校"]


@pytest.mark.parametrize("text, expected", [
    # a prefecture's administrative office and a joint conference of departments
    ("北岭市、各自治州人民政府，东川行署，省政府各委", ["北岭市", "东川行署", "省政府"]),
    ("成立了临江省职业教育联席会议。省职业教育联席会议各成员单位协调配合", ["临江省职业教育联席会议", "省职业教育联席会议"]),
    ("经国务院职业教育工作部际联席会议审议通过", ["国务院职业教育工作部际联席会议"]),
    ("建立职业教育联席会议制度", []),
])
def test_find_orgs_offices_and_joint_conferences(text, expected):
    assert [m.name for m in find_orgs(text) if m.type == "Agency" or m.name == "北岭市"] == \
        [n for n in expected if n != "北岭市"]


def test_a_school_attached_to_a_university_is_one_name():
    assert [m.name for m in find_orgs("北岭大学附属中学、临江师范大学第二附属小学")] == \
        ["北岭大学附属中学", "临江师范大学第二附属小学"]


@pytest.mark.parametrize("text, expected", [
    ("北岭卫生职业学院、东川人民医院等共计56家理事单位", [("北岭卫生职业学院", "School"), ("东川人民医院", "Institute")]),
    ("北岭医科大学附属医院", [("北岭医科大学附属医院", "Institute")]),
    ("到医院就诊", []),
    ("县级医院", []),
])
def test_find_orgs_hospitals(text, expected):
    assert [(m.name, m.type) for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("北岭市教育和体育局、北岭市妇联、北岭市文化广电和旅游局",
     [("北岭市教育和体育局", "Agency"), ("北岭市妇联", "Association"), ("北岭市文化广电和旅游局", "Agency")]),
    ("中国北岭银行东川分行、北岭市疾病预防控制中心",
     [("中国北岭银行东川分行", "Enterprise"), ("北岭市疾病预防控制中心", "Institute")]),
    ("成立了北岭—东川职业教育联盟", [("北岭—东川职业教育联盟", "Group")]),
    ("加强体育局建设", []),
])
def test_find_orgs_more_departments_branches_and_paired_places(text, expected):
    assert [(m.name, m.type) for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("北岭数字经济产教融合共同体秘书处设在北岭职业技术学院", ["北岭数字经济产教融合共同体", "北岭职业技术学院"]),
    ("北岭—东川—临江职教协作体", ["北岭—东川—临江职教协作体"]),
    ("国家级北岭电子信息职业教育集团", ["北岭电子信息职业教育集团"]),
    ("省级示范性职教集团", []),
])
def test_find_orgs_seats_dashes_and_levels(text, expected):
    assert [m.name for m in find_orgs(text)] == expected
