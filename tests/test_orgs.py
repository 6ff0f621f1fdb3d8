"""Organisation names: typing by suffix and finding names (left boundary) in running text."""

from __future__ import annotations

import pytest

from ingest.orgnames import classify_org, clean_name, find_listed, find_orgs, place_typo


@pytest.mark.parametrize("name, expected", [
    ("辽宁职业学院", "School"),
    ("长春医学高等专科学校", "School"),
    ("西丰县职教中心", "School"),
    ("重庆市渝北职业教育中心", "School"),
    ("辽宁丰田金杯技师学院", "School"),
    ("联想集团", "Enterprise"),
    ("辉山乳业集团", "Enterprise"),
    ("中国牧工商(集团)总公司", "Enterprise"),
    ("大连森茂有限责任公司", "Enterprise"),
    ("沈阳香格里拉大酒店", "Enterprise"),
    ("辽宁现代农业职教集团", "Group"),
    ("天津城市职业学院职教集团", "Group"),
    ("辽西北职教联盟", "Group"),
    ("沈北科教融合园市域产教联合体", "Group"),
    ("数字工业行业产教融合共同体", "Group"),
    ("智慧酒店产业学院", "Group"),
    ("应急管理产业学院 (化工方向)", "Group"),
    ("新疆维吾尔自治区第一产业职业教育园区", "Group"),
    ("教育部", "Agency"),
    ("辽宁省教育厅办公室", "Agency"),
    ("教育部职业教育与成人教育司", "Agency"),
    ("沈阳经济技术开发区管委会", "Agency"),
    ("上海船员服务协会", "Association"),
    ("广东省轻工业联合会", "Association"),
    ("唐立新院士工作站", "Institute"),
    ("省农科院", "Institute"),
    ("铁西区", None),
    ("学院", None),
    ("人才培养方案", None),
])
def test_classify_org(name, expected):
    assert classify_org(name) == expected


@pytest.mark.parametrize("text, expected", [
    # strip leading prepositions/verbs
    ("联盟是由辽宁职业学院牵头，联合", ["辽宁职业学院"]),
    ("积极与沈阳好利来有限公司交流合作", ["沈阳好利来有限公司"]),
    ("学校主动对接中车集团、沈鼓集团、钓鱼台国宾馆等国有企事业单位", ["中车集团", "沈鼓集团", "钓鱼台国宾馆"]),
    ("作为学校校外实训基地之一的沈阳罕王精密轴承有限公司,不断", ["沈阳罕王精密轴承有限公司"]),
    # names broken over lines by the PDF extraction (000)
    ("目前，已在辽宁开原雨润\n\n食品有限公司、铁岭\n\n中油机械设备有限公司、辉山\n\n乳业集团等企业",
     ["辽宁开原雨润食品有限公司", "铁岭中油机械设备有限公司", "辉山乳业集团"]),
    # a school named right before its 产业学院 (case title), a 职教集团 named after its school
    ("【案例 5-4】沈阳外事服务学校智慧酒店产业学院", ["沈阳外事服务学校", "智慧酒店产业学院"]),
    ("天津城市职业学院职教集团", ["天津城市职业学院职教集团"]),
    # conjunctions and verbs inside names
    ("同时,学校还加入了华住集团、暨南大学,山东舜和集团、哈尔滨商业大学", ["华住集团", "暨南大学", "山东舜和集团", "哈尔滨商业大学"]),
    ("联盟新发展了盘锦职业技术学院、辽宁网力技术合作有限公司等140家成员单位", ["盘锦职业技术学院", "辽宁网力技术合作有限公司"]),
    ("辽宁安吉联合物流有限公司的企业专家", ["辽宁安吉联合物流有限公司"]),
    # brackets and Latin letters inside names
    ("商贸系与沈阳京汇达商贸有限公司、辽宁 (鲸醒)企业管理有限公司签约", ["沈阳京汇达商贸有限公司", "辽宁(鲸醒)企业管理有限公司"]),
    ("会上,德国 GFM 集团为沈阳市装备制造工程学校授牌", ["德国GFM集团", "沈阳市装备制造工程学校"]),
    # agencies and their units; generic phrases are no names
    ("教育部职业教育与成人教育司\n\n2020年10月15日", ["教育部职业教育与成人教育司"]),
    ("报送省教育厅职业教育与成人教育处", ["省教育厅职业教育与成人教育处"]),
    ("关于转发教育部 辽宁省人民政府文件", ["教育部", "辽宁省人民政府"]),
    ("各省级示范性职教集团牵头院校和中等职业学校", []),
    ("是辽宁省第一个区域性职业教育集团。", []),
    ("与省农科院合作的《禾本科牧草研究》", ["省农科院"]),
    # phrases with a suffix that name no body: a verb in the clause, a year, a category, people
    ("各地要全面增强职业教育集团化办学的活力", []),
    ("2023年沈阳市中职学校新增专业", []),
    ("沈阳市多所中等职业学校建立国际交流办公室", []),
    ("主动服务酒店产业集群", []),
    ("参与中小学学生将突破1.8万人次，现在学校广大学生", []),
    ("表 5-1 兴辽产业学院名单\n产业学院将按照新模式运行", []),
    ("共建产教融合联合体、实训中心", []),
    ("于洪区光辉九年一贯制学校的52名学生", ["于洪区光辉九年一贯制学校"]),
    # names whose inside looks like a boundary: ordinals, verbs of a trade, 附属, a longer suffix
    ("聊城市第一职业教育集团", ["聊城市第一职业教育集团"]),
    ("计算机应用产业学院", ["计算机应用产业学院"]),
    ("北京劳动保障职业学院", ["北京劳动保障职业学院"]),
    ("沈阳师范大学附属艺术学校", ["沈阳师范大学附属艺术学校"]),
    ("哈尔滨市第十八职业高级中学校", ["哈尔滨市第十八职业高级中学校"]),
    ("辽宁建设职业教育集团", ["辽宁建设职业教育集团"]),
    ("沈阳辽美中等职业学校", ["沈阳辽美中等职业学校"]),
    ("2023年度兴辽产业学院拟确定名单", []),
])
def test_find_orgs(text, expected):
    assert [m.name for m in find_orgs(text)] == expected


def test_find_orgs_offsets_locate_the_name():
    text = "目前，已在辽宁开原雨润\n\n食品有限公司、辉山乳业集团等企业"
    first, second = find_orgs(text, doc="d")
    assert text[first.start:first.end] == "辽宁开原雨润\n\n食品有限公司"
    assert text[second.start:second.end] == "辉山乳业集团"
    assert first.doc == "d" and first.type == "Enterprise"


def test_find_orgs_respects_the_window():
    text = "辽宁职业学院与辽宁铁道职业技术学院"
    assert [m.name for m in find_orgs(text, 7)] == ["辽宁铁道职业技术学院"]


@pytest.mark.parametrize("raw, expected", [
    ("5 辽西北职教联盟", "辽西北职教联盟"),
    ('"双碳"绿色建造产业学院', "双碳绿色建造产业学院"),
    ("辽宁文化艺术学校 -", "辽宁文化艺术学校"),
    ("《智慧酒店产业学院》", "智慧酒店产业学院"),
])
def test_clean_name(raw, expected):
    assert clean_name(raw) == expected


@pytest.mark.parametrize("text, expected", [
    # common words only before the suffix: a kind of school, a campaign, a task, not a body
    ("承办暑期学校、学术论坛等", []),
    ("打造具有国际竞争力的中国特色现代职业学校。", []),
    ("努力建成具有国际影响力的中国特色高水平高职学校。", []),
    ("市域产教联合体原则上由产业园区管委会牵头", []),
    ("2023年,教育部门管理中职学校毕业生 25805人", []),
    ("深入研究新时代学校发展目标", []),
    ("对学生家长公示学校相关工作进度", []),
    ('积极开展"青年大学习"', []),
    ("共同培养中职层次、高职层次现代酒店业人才", []),
    ("建设国家学分银行“省级分行”", []),
    ("沈阳市浑南区教 育局第二幼儿园集团党支部书记", []),
    ("建立校企人员双向交流协作共同体。", []),
    # counted nouns are categories to build
    ("遴选培育20个左右示范性职工培训基地、10所左右特色职业培训学院", []),
    ("遴选10所左右职业教育信息化标杆学校。", []),
    ("围绕重点产业发展需求建设20个左右专业（群）协作体", []),
    # every such body, not one
    ("相关市人民政府", []),
    ("要求各区、县(市)教育局及主管部门", []),
    # two bodies joined by a conjunction or a space; leading punctuation
    ("沈阳市教育局和沈阳市研究院经与宝马公司政府事务部", ["沈阳市教育局", "沈阳市研究院", "宝马公司"]),
    ("沈阳市教育局 沈阳市人力资源和社会保障局 共青团沈阳市委员会 沈阳市残疾人联合会 关于举办",
     ["沈阳市教育局", "沈阳市人力资源和社会保障局", "沈阳市残疾人联合会"]),
    ("相关材料请于6月5日前报送)辽宁省教育厅职业教育与成人教育处", ["辽宁省教育厅职业教育与成人教育处"]),
    # proper-name parts: a place, the document's own city, a brand, a person, an industry
    ("集团组织成员院校与鞍钢集团签订订单培养协议", ["鞍钢集团"]),
    ("唐立新院士工作站", ["唐立新院士工作站"]),
    ("辽西北职业教育联盟", ["辽西北职业教育联盟"]),
    ("由市汽车工程学校承办", ["市汽车工程学校"]),
    ("学校与华住集团、伍尔特集团合作", ["华住集团", "伍尔特集团"]),
    ("学校牵头成立航空职业教育集团", ["航空职业教育集团"]),
    ("积极对接海尔集团、美的集团、格力电器股份有限公司", ["海尔集团", "美的集团", "格力电器股份有限公司"]),
    # a branch (group + place + 有限公司) is one name; 〇 is a numeral of a school's number
    ("与中国移动通信集团辽宁有限公司签约", ["中国移动通信集团辽宁有限公司"]),
    ("沈阳市第一二〇中学的学生", ["沈阳市第一二〇中学"]),
])
def test_find_orgs_rejects_generic_phrases(text, expected):
    assert [m.name for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, doc_names, expected", [
    # a fragment of common words is the one longer name of the document it ends
    ("图 3-16 汽车工程学校开设传统文化课程", {"沈阳市汽车工程学校", "市汽车工程学校"}, ["沈阳市汽车工程学校"]),
    ("图 3-16 汽车工程学校开设传统文化课程", set(), []),
    ("汽车工程学校开设课程", {"沈阳市汽车工程学校", "大连市汽车工程学校"}, []),
    # a name without its place takes the place the document gives it, unless two places compete
    ("中德学院系铁西区教育局直属", {"沈阳中德学院", "沈阳中德园中德学院"}, ["沈阳中德学院", "铁西区教育局"]),
    ("中德学院系铁西区教育局直属", {"沈阳中德学院", "天津中德学院"}, ["中德学院", "铁西区教育局"]),
])
def test_find_orgs_fragments_take_the_longer_name(text, doc_names, expected):
    assert [m.name for m in find_orgs(text, doc_names=doc_names)] == expected


@pytest.mark.parametrize("name, doc_names, expected", [
    ("法阳现代制造服务学校", {"沈阳现代制造服务学校"}, "沈阳现代制造服务学校"),
    ("法阳现代制造服务学校", set(), None),
    # both spellings open with a place, or the difference is outside the place: not a typo
    ("沈阳市化工学校", {"沈阳市轻工学校"}, None),
    ("大连现代制造服务学校", {"沈阳现代制造服务学校"}, None),
])
def test_place_typo(name, doc_names, expected):
    assert place_typo(name, doc_names) == expected


@pytest.mark.parametrize("text, expected", [
    ("与华晨宝马、海尔、阿里云、华为、京东等企业进行“订单班”培养。",
     [("华晨宝马", "Enterprise"), ("海尔", "Enterprise"), ("阿里云", "Enterprise"), ("华为", "Enterprise"),
      ("京东", "Enterprise")]),
    ("学校联合华为、新松等10余家知名企业组建产业学院。", [("华为", "Enterprise"), ("新松", "Enterprise")]),
    ("与沈阳华晨宝马汽车有限公司、海尔和京东等企业合作。", [("海尔", "Enterprise"), ("京东", "Enterprise")]),
    ("与东北大学、沈阳理工等高校合作。", [("沈阳理工", "School")]),
    ("与中科院、中国农科院等科研院所合作。", [("中科院", "Institute")]),  # 中国农科院 has its suffix
    ("与中物联、中烹协等行业协会合作。", [("中物联", "Association"), ("中烹协", "Association")]),
    ("与阿里\n云、华\n为等企业合作。", [("阿里云", "Enterprise"), ("华为", "Enterprise")]),
    # negatives: kinds not bodies, places, verb phrases, a mixed head, 等 of 中等/高等
    ("加强政府、行业、企业等单位合作。", []),
    ("依托行业、企业等企业力量。", []),
    ("与大连、营口等企业合作。", []),
    ("培养人才、开展合作等企业。", []),
    ("与华为、京东等企业和机构合作。", []),
    ("沈阳市中等职业学校与日本长崎县立佐世保商业高等学校交流。", []),
    ("学校与其他等企业合作。", []),
])
def test_find_listed_types_names_by_the_head_of_their_list(text, expected):
    found = find_orgs(text)
    assert [(m.name, m.type) for m in find_listed(text, found=found)] == expected


def test_find_listed_offsets_and_cut_names():
    text = "沈阳市外事服务学校、沈阳市城市建设管理等8所中职学校参加。"
    (m,) = find_listed(text, found=find_orgs(text), doc_names=["沈阳市城市建设管理学校"])
    assert (m.name, m.type, text[m.start:m.end]) == ("沈阳市城市建设管理学校", "School", "沈阳市城市建设管理")


# ---- issue 9: name boundaries, short school forms, agency forms (invented bodies) -------------------
@pytest.mark.parametrize("text, expected", [
    # a title or role after a name is not part of it
    ("临江大学校长王明出席会议", ["临江大学"]),
    ("临江职业学院院长张三、北岭物流有限公司总经理李四出席", ["临江职业学院", "北岭物流有限公司"]),
    ("临江职业学院党委书记李四、副院长王五讲话", ["临江职业学院"]),
    ("北岭物流有限公司董事长王五致辞", ["北岭物流有限公司"]),
    ("北岭科技公司副总裁王五介绍", ["北岭科技公司"]),
    ("临江高新区管委会副主任刘六讲话", ["临江高新区管委会"]),
    ("临江市教育局局长陈七", ["临江市教育局"]),
    ("北岭省教育厅副厅长陈七", ["北岭省教育厅"]),
    # a verb or function word before it is not either
    ("会上临江职业学院与北岭物流有限公司签约", ["临江职业学院", "北岭物流有限公司"]),
    ("出席临江职业学院的活动", ["临江职业学院"]),
    ("代表临江职业学院发言", ["临江职业学院"]),
    ("由临江职业学院牵头", ["临江职业学院"]),
    ("分别与北岭物流有限公司签约", ["北岭物流有限公司"]),
    ("携手北岭物流有限公司", ["北岭物流有限公司"]),
    ("联合北岭物流有限公司", ["北岭物流有限公司"]),
    ("依托临江职业学院建设", ["临江职业学院"]),
    ("据临江市教育局介绍", ["临江市教育局"]),
    ("经临江市教育局批准", ["临江市教育局"]),
    ("向临江职业学院授牌", ["临江职业学院"]),
    ("地处临江市职业教育园区", ["临江市职业教育园区"]),
    ("北岭省机械行指委对口支援临江职业大学", ["北岭省机械行指委", "临江职业大学"]),
    # person names between bodies are skipped
    ("院长张三北岭物流有限公司", ["北岭物流有限公司"]),
    ("校长助理钟明芬摄北岭物流有限公司", ["北岭物流有限公司"]),
    ("靳明锋校长出席北岭装备制造行业产教融合共同体成立大会", ["北岭装备制造行业产教融合共同体"]),
    # page furniture, a kind of partner, a group's subsidiary, two agencies written together
    ("书记信箱院长信箱临江职业技术学院", ["临江职业技术学院"]),
    ("友好合作企业临江瑞明科技股份有限公司", ["临江瑞明科技股份有限公司"]),
    ("东川集团全资子公司", ["东川集团"]),
    ("《临江市教育局临江市人力资源和社会保障局关于同意成立的批复》", ["临江市教育局", "临江市人力资源和社会保障局"]),
    ("北岭大学化学化工学院", ["北岭大学化学化工学院"]),
    ("某省政府网等媒体报道", []),
    ("三市人社部门", []),
    ("天津中高职学校", []),
])
def test_find_orgs_name_boundaries(text, expected):
    assert [m.name for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("临江职院与北岭地铁共建订单班", [("临江职院", "School")]),
    ("临江职专、北岭技校、临江职中、临江航院", [("临江职专", "School"), ("北岭技校", "School"), ("临江职中", "School"),
                                       ("临江航院", "School")]),
    ("临江技工学校、北岭职业技术大学", [("临江技工学校", "School"), ("北岭职业技术大学", "School")]),
    ("全国机械行指委", [("全国机械行指委", "Association")]),
    ("全国石油和化工职业教育教学指导委员会", [("全国石油和化工职业教育教学指导委员会", "Association")]),
    ("临江市烹饪促进会", [("临江市烹饪促进会", "Association")]),
    ("临江广播电视台", [("临江广播电视台", "Enterprise")]),
    # common nouns that hold a short head
    ("推动高职院校发展", []),
    ("技校生就业", []),
    ("中医专业", []),
])
def test_find_orgs_short_school_forms(text, expected):
    assert [(m.name, m.type) for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("临江市发改委、市经信局、市人社局、市教体局、市国资委", ["临江市发改委", "市经信局", "市人社局", "市教体局", "市国资委"]),
    ("人力资源社会保障部、工业和信息化部联合印发", ["人力资源社会保障部", "工业和信息化部"]),
    ("临江市市场监管局、临江高新区管委会、临江市教委", ["临江市市场监管局", "临江高新区管委会", "临江市教委"]),
    ("市教育局、省人社厅、州政府", ["市教育局", "省人社厅", "州政府"]),
    ("临江市委教育工委", ["临江市委教育工委"]),
    ("各级政府、地方政府、政府部门", []),
    ("北岭公司政府事务部", ["北岭公司"]),
])
def test_find_orgs_agencies(text, expected):
    ms = find_orgs(text)
    assert [m.name for m in ms] == expected
    assert all(m.type == "Agency" for m in ms if m.name != "北岭公司")


@pytest.mark.parametrize("text, expected", [
    # a time word or a verb of the report before the name is no part of it
    ("近年来临川职业技术学院深刻把握发展使命", ["临川职业技术学院"]),
    ("上午在学术报告厅举行临川职业技术学院与北岭集团签约仪式", ["临川职业技术学院", "北岭集团"]),
    ("成立大会现场东川市教育局领导致辞", ["东川市教育局"]),
    ("对接好、落实好新能源汽车产业学院的建设", ["新能源汽车产业学院"]),
    # the venue of a meeting is not a body of the report; a hotel that signs is one
    ("理事会全体会议在东川市北岭大酒店举行", []),
    ("年会在临川国际会议中心隆重举行", []),
    ("学院与东川北岭大酒店签约共建实训基地", ["东川北岭大酒店"]),
    ("东川好运来集团", ["东川好运来集团"]),
])
def test_find_orgs_report_words_and_venues(text, expected):
    assert [m.name for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a commission of a government is one name; two agencies written together stay two
    ("东川市人民政府国有资产监督管理委员会、东川市教育委员会联合发文",
     ["东川市人民政府国有资产监督管理委员会", "东川市教育委员会"]),
    ("东川市人民政府东川市教育委员会", ["东川市人民政府", "东川市教育委员会"]),
    # 各 before a list of kinds of place: every such body, not one
    ("各盟行政公署、市人民政府，各旗县人民政府，自治区各委办厅局", []),
    ("东川市、各自治州人民政府，北岭行署", ["北岭行署"]),  # a named prefecture's office is one body
    ("市人民政府负责统筹", ["市人民政府"]),
])
def test_find_orgs_government_commissions_and_every_kind(text, expected):
    assert [m.name for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("化工校、临二职、东川服务中专等8所学校成为示范校",
     [("化工校", "School"), ("临二职", "School"), ("东川服务中专", "School")]),
    ("中职校、职业学校等学校", []),
    ("各级中专、技校等学校", []),
    ("推进建校、强校等学校", []),
])
def test_find_listed_short_school_shapes(text, expected):
    assert [(m.name, m.type) for m in find_listed(text)] == expected


def test_agency_mentions_carry_the_policy_sides_canonical_key():
    from ingest.agencies import canonical_agency
    from ingest.resolve import rule_key

    short, full = find_orgs("由北岭市发改委与北岭市发展和改革委员会联合印发")
    assert short.properties["key"] == rule_key(canonical_agency(full.name), "Agency")
    assert "key" not in full.properties  # the full form's own key is the canonical one
    # a name of the document's own place is qualified by the pipeline first: no key here
    assert "key" not in find_orgs("市发改委牵头")[0].properties


@pytest.mark.parametrize("text, expected", [
    # a short head after the first character of a place, opening a clause: a school's usual name
    ("。临职大携手泰国北岭技术学院签约", ["临职大", "泰国北岭技术学院"]),
    ("，东职院入选", ["东职院"]),
    ("由临职院牵头", ["临职院"]),
    ("高职大有可为", []), ("中职校长", []), ("推动职院发展", []), ("。我职院", []), ("各职院", []),
    ("和高职院校", []),
])
def test_find_orgs_place_initial_short_heads(text, expected):
    assert [m.name for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # 和 between two trades inside a registered name after a brand; between two bodies it splits
    ("经理李四，北岭厨房和热水电器制造(泰国)有限公司总经理黄某", ["北岭厨房和热水电器制造(泰国)有限公司"]),
    ("学校和北岭有限公司签约", ["北岭有限公司"]),
    ("与东川集团和热水电器有限公司", ["东川集团", "热水电器有限公司"]),
    ("学院和北岭物流有限公司", ["北岭物流有限公司"]),
])
def test_find_orgs_conjunction_inside_a_registered_name(text, expected):
    assert [m.name for m in find_orgs(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a brand typed as a company by a signing or an order class
    ("学院与星澜科技签约共建产业学院", [("星澜科技", "Enterprise")]),
    ("学校同云帆签订合作协议", [("云帆", "Enterprise")]),
    ("与东川北岭船业集团公司合作多年。学院与北岭船业签约", [("东川北岭船业集团公司", "Enterprise")]),
    ("开设星澜订单班", []),  # an order class names a programme: left to the sentence rules
    ("学院与当地企业签约", []), ("学校与学院签约", []), ("双方签约", []),
])
def test_find_listed_brands_typed_by_a_partnership_cue(text, expected):
    found = find_orgs(text)
    assert [(m.name, m.type) for m in find_listed(text, found=found)] == expected


@pytest.mark.parametrize("short, full", [
    ("北岭经开区管委会", "北岭经济技术开发区管理委员会"),
    ("北岭高新区管委会", "北岭高新技术产业开发区管理委员会"),
    ("北岭综保区管委会", "北岭综合保税区管理委员会"),
])
def test_a_zone_administration_by_its_short_forms_is_one_body(short, full):
    from ingest.agencies import canonical_agency

    assert canonical_agency(short) == canonical_agency(full) == full
    assert canonical_agency("高新区管委会") == "高新区管理委员会"  # no place: the bare kind stays a kind


def test_a_zone_administration_and_its_short_form_in_a_store_are_one_node(tmp_path):
    from graph.networkx_store import NetworkxStore
    from ingest.model import Document
    from ingest.pipeline import ingest_documents

    st = NetworkxStore(tmp_path / "s")
    ingest_documents([Document.from_text("z1", "z1.txt", "联合体由北岭经济技术开发区管理委员会（以下简称“北岭经开区管委会”）、"
                                         "北岭电气职业学院共同牵头组建。北岭经开区管委会主任主持大会。"),
                      Document.from_text("z2", "z2.txt", "北岭经开区管委会与北岭电气职业学院签订合作协议。")], st)
    agencies = [n.name for n in st.iter_nodes() if n.type == "Agency" and "北岭" in n.name]
    assert agencies == ["北岭经济技术开发区管理委员会"]
