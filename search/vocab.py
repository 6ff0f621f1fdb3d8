"""Vocabulary the question parser needs beyond the graph: a gazetteer of Chinese provinces,
large cities and Liaoning's cities and districts (Chinese, pinyin/English, parent), English words
for industries, kinds of group and government bodies, and the kind words of group names. The
graph's own Region and IndustryChain nodes are used too; these tables let English questions and
sparse graphs work.
"""

from __future__ import annotations

# (short Chinese name, English/pinyin, parent short name or None)
PROVINCES: tuple[tuple[str, str], ...] = (
    ("北京", "beijing"), ("天津", "tianjin"), ("河北", "hebei"), ("山西", "shanxi"),
    ("内蒙古", "inner mongolia"), ("辽宁", "liaoning"), ("吉林", "jilin"), ("黑龙江", "heilongjiang"),
    ("上海", "shanghai"), ("江苏", "jiangsu"), ("浙江", "zhejiang"), ("安徽", "anhui"),
    ("福建", "fujian"), ("江西", "jiangxi"), ("山东", "shandong"), ("河南", "henan"),
    ("湖北", "hubei"), ("湖南", "hunan"), ("广东", "guangdong"), ("广西", "guangxi"),
    ("海南", "hainan"), ("重庆", "chongqing"), ("四川", "sichuan"), ("贵州", "guizhou"),
    ("云南", "yunnan"), ("西藏", "tibet"), ("陕西", "shaanxi"), ("甘肃", "gansu"),
    ("青海", "qinghai"), ("宁夏", "ningxia"), ("新疆", "xinjiang"),
)
LIAONING_CITIES: tuple[tuple[str, str], ...] = (
    ("沈阳", "shenyang"), ("大连", "dalian"), ("鞍山", "anshan"), ("抚顺", "fushun"),
    ("本溪", "benxi"), ("丹东", "dandong"), ("锦州", "jinzhou"), ("营口", "yingkou"),
    ("阜新", "fuxin"), ("辽阳", "liaoyang"), ("盘锦", "panjin"), ("铁岭", "tieling"),
    ("朝阳", "chaoyang"), ("葫芦岛", "huludao"),
)
# Provincial capitals and other large cities (with their province), so questions about other
# provinces' documents find their cities in English too.
MAJOR_CITIES: tuple[tuple[str, str, str], ...] = (
    ("石家庄", "shijiazhuang", "河北"), ("太原", "taiyuan", "山西"), ("呼和浩特", "hohhot", "内蒙古"),
    ("长春", "changchun", "吉林"), ("哈尔滨", "harbin", "黑龙江"), ("南京", "nanjing", "江苏"),
    ("苏州", "suzhou", "江苏"), ("无锡", "wuxi", "江苏"), ("杭州", "hangzhou", "浙江"), ("宁波", "ningbo", "浙江"),
    ("合肥", "hefei", "安徽"), ("福州", "fuzhou", "福建"), ("厦门", "xiamen", "福建"), ("南昌", "nanchang", "江西"),
    ("济南", "jinan", "山东"), ("青岛", "qingdao", "山东"), ("郑州", "zhengzhou", "河南"), ("武汉", "wuhan", "湖北"),
    ("长沙", "changsha", "湖南"), ("广州", "guangzhou", "广东"), ("深圳", "shenzhen", "广东"),
    ("南宁", "nanning", "广西"), ("海口", "haikou", "海南"), ("成都", "chengdu", "四川"), ("贵阳", "guiyang", "贵州"),
    ("昆明", "kunming", "云南"), ("拉萨", "lhasa", "西藏"), ("西安", "xi'an", "陕西"), ("兰州", "lanzhou", "甘肃"),
    ("西宁", "xining", "青海"), ("银川", "yinchuan", "宁夏"), ("乌鲁木齐", "urumqi", "新疆"),
)
# Areas inside Liaoning that documents name as regions.
LIAONING_AREAS: tuple[tuple[str, str], ...] = (
    ("辽西北", "northwest liaoning"), ("沈阳现代化都市圈", "shenyang metropolitan area"),
)
# Pinyin names of those areas, for English questions that transliterate them.
AREA_PINYIN: tuple[tuple[str, str], ...] = (("辽西北", "liaoxibei"),)
SHENYANG_DISTRICTS: tuple[str, ...] = (
    "和平区", "沈河区", "大东区", "皇姑区", "铁西区", "苏家屯区", "浑南区", "沈北新区", "于洪区",
    "辽中区", "康平县", "法库县", "新民市",
)


def gazetteer() -> list[tuple[str, str | None, str | None]]:
    """(Chinese short name, English name or None, parent short name or None) for every place."""
    rows: list[tuple[str, str | None, str | None]] = [("中国", "china", None)]
    rows += [(zh, en, "中国") for zh, en in PROVINCES]
    rows += [(zh, en, "辽宁") for zh, en in LIAONING_CITIES]
    rows += list(MAJOR_CITIES)
    rows += [(zh, en, "辽宁") for zh, en in LIAONING_AREAS]
    rows += [(zh, en, "辽宁") for zh, en in AREA_PINYIN]
    rows += [(d, None, "沈阳") for d in SHENYANG_DISTRICTS]
    return rows


# Chinese suffixes that do not change which place is meant (辽宁省 = 辽宁).
REGION_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")


def region_short(name: str) -> str:
    """辽宁省 → 辽宁, 沈阳市 → 沈阳; districts and counties keep their suffix (铁西区)."""
    for suf in REGION_SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


# English industry words → the Chinese industry term documents use.
INDUSTRY_EN: dict[str, str] = {
    "equipment manufacturing": "装备制造", "high-end equipment": "高端装备制造",
    "intelligent manufacturing": "智能制造", "smart manufacturing": "智能制造",
    "advanced manufacturing": "先进制造", "manufacturing": "制造",
    "petrochemical": "石油化工", "petrochemicals": "石油化工", "petroleum": "石油化工", "chemical": "化工",
    "modern agriculture": "现代农业", "agriculture": "农业", "agricultural": "农业",
    "rail transit": "轨道交通", "railway": "轨道交通", "rail": "轨道交通",
    "automotive": "汽车", "automobile": "汽车", "auto": "汽车", "car": "汽车",
    "information technology": "信息技术", "electronic information": "电子信息",
    "modern services": "现代服务业", "modern service": "现代服务业",
    "tourism": "旅游", "culture and tourism": "文旅", "finance": "金融", "financial": "金融",
    "medicine": "医药卫生", "health": "医药卫生", "healthcare": "医药卫生",
    "construction": "建设", "forestry": "林业", "instruments": "仪器仪表",
    "instrumentation": "仪器仪表", "mining": "地矿", "geology": "地矿", "logistics": "物流",
    "aviation": "航空", "new energy": "新能源", "drone": "无人机", "drones": "无人机",
    "early childhood": "幼儿保育", "textile": "纺织", "food": "食品", "steel": "钢铁",
    "metallurgy": "冶金", "shipbuilding": "船舶", "robotics": "机器人",
    "ecology": "生态", "environmental protection": "环境保护",
}
# Chinese short forms → the industry term documents use.
INDUSTRY_ZH_SYNONYMS: dict[str, str] = {
    "石化": "石油化工", "装备制造业": "装备制造", "装备业": "装备制造", "轨交": "轨道交通",
    "汽车产业": "汽车", "IT": "信息技术", "农业现代化": "现代农业", "服务业": "现代服务业",
}
# Chinese industry words recognised even when the graph has no IndustryChain node for them.
INDUSTRY_ZH: tuple[str, ...] = tuple(sorted(set(INDUSTRY_EN.values()) | {
    "装备制造", "石油化工", "现代农业", "轨道交通", "现代服务业", "汽车", "信息技术", "旅游",
    "金融", "医药卫生", "林业", "仪器仪表", "地矿", "物流", "航空", "新能源", "无人机",
    "数字工业", "智能建造", "文旅", "幼儿保育", "电子信息", "冶金", "化工", "农业", "纺织",
    "食品", "钢铁", "船舶", "机器人", "生物医药", "集成电路", "新材料", "服务业", "制造业",
}, key=len, reverse=True))


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
# Kinds of development zone, which name bodies set up in them (沈阳经济技术开发区…产教联合体).
ZONE_EN: dict[str, str] = {
    "economic and technological development zone": "经济技术开发区", "economic development zone": "经济开发区",
    "high-tech industrial development zone": "高新技术产业开发区", "high-tech zone": "高新区",
    "high tech zone": "高新区", "new district": "新区",
}
