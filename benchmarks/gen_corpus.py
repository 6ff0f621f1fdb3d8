#!/usr/bin/env python3
"""Synthetic vocational-education documents at N times the size of the sample corpus.

    .venv/bin/python benchmarks/gen_corpus.py --scale 10 --out /tmp/corpus10   # ~2.2 M characters
    .venv/bin/python benchmarks/gen_corpus.py --scale 1 --seed 7 --out /tmp/c1

For scale benchmarks (issue 12): every document has its own bodies, so the graph grows with the
text instead of repeating the same 860 nodes. Names are invented from real name parts (places
from ingest/data/regions.tsv, industries from ingest/data/industries.tsv, the suffixes of the
domain: 职业技术学院, 有限公司, 职业教育集团, 产教联合体 …); a name that occurs in data/corpus or
data/corpus-dev is never used. Four kinds of document, in about the proportions of the sample
corpus: lists of groups with their lead units (tables), reports of a group's year (牵头, 成员单位,
签约 sentences), policies (a 文号, targets 到2025年，建成N个…, a task table 序号/工作任务/责任单位)
and long quality reports (indicator tables, many bodies). The same --seed and --scale always give
the same files. Generate into a temporary folder: the text is not part of the repository.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "ingest" / "data"
SAMPLE = ROOT / "data" / "corpus"
REAL = (ROOT / "data" / "corpus", ROOT / "data" / "corpus-dev")

# Trade-name syllables: the stock of Chinese company names (鑫泰, 宏远 …), combined at random.
BRAND = "华鑫泰宏远恒达盛兴金瑞丰通安康博嘉凯德信海天长宇正开明祥和润永立新众诚华益创源昌隆豪卓"
SCHOOL_SUFFIXES = ("职业技术学院", "职业学院", "技师学院", "高级技工学校", "职业技术学校", "中等专业学校",
                   "职业中等专业学校")
ENTERPRISE_SUFFIXES = ("有限公司", "股份有限公司", "集团有限公司", "有限责任公司")
GROUP_SUFFIXES = ("职业教育集团", "职教集团", "职业教育联盟", "产教联合体", "行业产教融合共同体")
VERBS = ("建成", "培育", "遴选", "打造", "新建", "认定")
TARGET_OBJECTS = ("市域产教联合体", "行业产教融合共同体", "产教融合型企业", "高水平专业群", "产业学院",
                  "公共实训基地", "示范性职业教育集团", "技能大师工作室")
AGENCY_KINDS = ("教育局", "发展改革委", "财政局", "人力资源和社会保障局", "工业和信息化局", "国资委")
PROSE = (
    "{g}坚持以服务发展为宗旨、以促进就业为导向，推动专业设置与{i}产业需求对接，课程内容与职业标准对接。",
    "一年来，{g}围绕{i}产业链布局专业链，新增相关专业{n}个，订单培养学生{m}人。",
    "各成员单位积极参与人才培养方案制定，共同开发课程{n}门，编写活页式教材{k}部。",
    "集团建立了理事会、秘书处和专业委员会三级组织架构，每年召开理事会议{k}次。",
    "{s}依托集团平台开展现代学徒制试点，与合作企业共建实训基地{n}个，工位{m}个。",
    "全年开展职工培训和社会培训{m}人次，技术服务到款额{n}万元，较上年增长{p}%。",
    "毕业生就业率达到{p}%，其中在本地{i}企业就业的比例超过{q}%。",
    "下一步，{g}将进一步深化产教融合、校企合作，推动{i}产业高质量发展。",
    "通过“引企入校”“办校进厂”等方式，校企双方在招生、教学、实习、就业各环节深度合作。",
    "{s}组织学生参加职业院校技能大赛，获得省级以上奖项{n}项。",
)
# Sentences that name no body: most of a real report or plan is such prose.
PLAIN = (
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务。",
    "推动职业教育与{i}产业协同发展，健全多元办学格局，提升技术技能人才培养质量。",
    "完善校企合作激励机制，推动人才培养供给侧和产业需求侧结构要素全方位融合。",
    "加强“双师型”教师队伍建设，建立专业教师定期到企业实践制度，每年实践时间累计不少于{k}个月。",
    "深化“三教”改革，推进教师、教材、教法改革，推广项目式、情境式教学。",
    "健全质量评价体系，建立以就业质量和服务贡献为导向的评价机制。",
    "统筹用好各类资金，{year}年安排专项资金{n}亿元，支持实训基地和专业群建设。",
    "各地要把职业教育摆在更加突出的位置，加强组织领导，强化督导考核，确保各项任务落到实处。",
    "围绕{i}产业转型升级需要，动态调整专业设置，新增紧缺专业，撤并就业率低的专业。",
    "大力开展面向在岗职工、退役军人、农民工等群体的职业技能培训，年培训规模达到{m}人次。",
    "推进职普融通、产教融合、科教融汇，优化职业教育类型定位。",
    "建立健全学生实习管理制度，保障实习学生合法权益，严禁以实习名义组织学生从事与专业无关的劳动。",
    "营造全社会尊重劳动、尊重技能的良好氛围，办好职业教育活动周。",
    "支持学校与行业龙头企业共建产业学院，联合开展订单培养、现代学徒制培养。",
    "加快推进数字校园建设，建设一批虚拟仿真实训基地，推动优质资源共享。",
)


@dataclass(frozen=True)
class Place:
    name: str      # 临江市
    short: str     # 临江
    province: str  # 北岭省
    province_short: str


def _tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def load_places() -> tuple[list[Place], list[Place]]:
    """Cities and counties (with their province), from the gazetteer."""
    rows = _tsv(DATA / "regions.tsv")[1:]
    by_code = {r[0]: r for r in rows}

    def province_of(r):
        while r[2] != "province" and r[4] in by_code:
            r = by_code[r[4]]
        return r

    cities, counties = [], []
    for r in rows:
        if r[2] not in ("city", "county") or len(r) < 8 or not r[7] or "区" in r[1][-1:]:
            continue
        p = province_of(r)
        place = Place(r[1], r[7], p[1], p[7] if len(p) > 7 and p[7] else p[1])
        (cities if r[2] == "city" else counties).append(place)
    return cities, counties


def load_industries() -> list[str]:
    terms = {r[0] for r in _tsv(DATA / "industries.tsv") if r and re.fullmatch(r"[\u4e00-\u9fff]{2,6}", r[0])}
    return sorted(terms)


def _real_names() -> set[str]:
    """Every string of up to 24 characters that ends with a name suffix in the real corpora: a
    generated name in this set would copy a real one."""
    suffixes = sorted({*SCHOOL_SUFFIXES, *ENTERPRISE_SUFFIXES, *GROUP_SUFFIXES, "学校", "学院", "公司",
                       "集团", "联盟", "协会", "共同体", "联合体"}, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, suffixes)))
    taken = set()
    for folder in REAL:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="ignore")
            for m in pattern.finditer(text):
                end = m.end()
                for start in range(max(0, end - 24), m.start()):
                    taken.add(text[start:end])
    return taken


def sample_size() -> int:
    return sum(len(p.read_text(encoding="utf-8", errors="ignore")) for p in sorted(SAMPLE.glob("*.txt")))


REUSE = 0.3  # the share of mentions that name a body an earlier document of the province named


class Names:
    """Invents bodies, and names them again in later documents of their province (as a school
    recurs in lists, reports and plans, which resolution must merge). A name is invented once,
    and no real name is ever given."""

    def __init__(self, rng: random.Random, industries: list[str]):
        self.rng = rng
        self.industries = industries
        self.used: set[str] = set()
        self.real = _real_names()
        self.pool: dict[tuple[str, str], list[str]] = {}

    def _fresh(self, make, kind: str = "", place: Place | None = None) -> str:
        pool = self.pool.setdefault((kind, place.province if place else ""), [])
        if pool and self.rng.random() < REUSE:
            return self.rng.choice(pool)
        for _ in range(200):
            name = make()
            if name not in self.used and name not in self.real:
                self.used.add(name)
                pool.append(name)
                return name
        raise RuntimeError("name space exhausted; add name parts")

    def brand(self) -> str:
        return "".join(self.rng.sample(BRAND, 2))

    def school(self, place: Place, industry: str) -> str:
        r = self.rng
        return self._fresh(lambda: r.choice((
            f"{place.short}{r.choice(('', industry, industry))}{r.choice(SCHOOL_SUFFIXES)}",
            f"{place.province_short}{industry}{r.choice(SCHOOL_SUFFIXES[:2])}",
            f"{place.name}{r.choice(('第一', '第二', '', industry))}职业中等专业学校",
            f"{place.short}{self.brand()}{r.choice(SCHOOL_SUFFIXES)}",
        )), "school", place)

    def enterprise(self, place: Place, industry: str) -> str:
        r = self.rng
        return self._fresh(lambda: r.choice((
            f"{place.short}{self.brand()}{industry}{r.choice(ENTERPRISE_SUFFIXES)}",
            f"{place.province_short}{self.brand()}{r.choice(self.industries)}{r.choice(ENTERPRISE_SUFFIXES)}",
            f"{self.brand()}{industry}{r.choice(ENTERPRISE_SUFFIXES)}",
        )), "enterprise", place)

    def group(self, place: Place, industry: str) -> str:
        r = self.rng
        return self._fresh(lambda: r.choice((
            f"{place.province}{industry}职业教育集团",
            f"{place.short}{industry}{r.choice(GROUP_SUFFIXES)}",
            f"{place.name}{industry}产教联合体",
            f"{place.short}{self.brand()}{industry}{r.choice(GROUP_SUFFIXES[:3])}",
        )), "group", place)

    def association(self, place: Place, industry: str) -> str:
        return self._fresh(lambda: f"{place.name}{industry}{self.rng.choice(('行业协会', '协会', '商会'))}",
                           "association", place)


class Writer:
    """Writes documents of the four kinds; all randomness comes from one seeded generator."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.cities, self.counties = load_places()
        self.industries = load_industries()
        self.names = Names(self.rng, self.industries)
        self.by_province: dict[str, list[Place]] = {}
        for p in self.cities + self.counties:
            self.by_province.setdefault(p.province, []).append(p)

    # ---- pieces ----------------------------------------------------------------------------
    def place(self) -> Place:
        return self.rng.choice(self.cities if self.rng.random() < 0.7 else self.counties)

    def near(self, place: Place) -> Place:
        """Another city or county of the same province."""
        return self.rng.choice(self.by_province[place.province])

    def prose(self, group: str, school: str, industry: str) -> str:
        r = self.rng
        return r.choice(PROSE).format(g=group, s=school, i=industry, n=r.randint(2, 60), m=r.randint(100, 9000),
                                      k=r.randint(1, 9), p=r.randint(60, 99), q=r.randint(30, 80))

    def plain(self, industry: str, n: int) -> str:
        r = self.rng
        return "".join(r.choice(PLAIN).format(i=industry, k=r.randint(1, 6), n=r.randint(1, 20), m=r.randint(1000, 90000),
                                              year=r.randint(2019, 2025)) for _ in range(n))

    def agencies(self, place: Place) -> str:
        picks = self.rng.sample(AGENCY_KINDS, self.rng.randint(1, 3))
        return "、".join(f"{place.short}市{a}" if not place.name.endswith("县") else f"县{a}" for a in picks)

    def date(self, year: int) -> str:
        return f"{year}年{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日"

    # ---- the four kinds --------------------------------------------------------------------
    def list_notice(self, budget: int) -> str:
        r = self.rng
        place = r.choice(self.cities)
        year = r.randint(2015, 2024)
        out = [f"关于公布{place.province}第{r.choice('一二三四')}批示范性职业教育集团（联盟）培育单位名单的通知", "",
               f"各市教育局，各有关院校：", "",
               f"根据工作安排，经单位申报、专家评审和网上公示，现将培育单位名单予以公布。请各单位按照建设要求，"
               f"加强组织领导，{r.choice(('完善运行机制', '深化校企合作', '提升服务能力'))}。", "",
               f"{place.province}教育厅", self.date(year), "", "附件", "", "培育单位名单", "", "序号\t集团名称\t牵头单位"]
        size, i = sum(map(len, out)), 0
        while size < budget:
            i += 1
            p, ind = self.place(), r.choice(self.industries)
            leads = [self.names.school(p, ind)] + ([self.names.enterprise(p, ind)] if r.random() < 0.25 else [])
            row = f"{i}\t{self.names.group(p, ind)}\t{' '.join(leads)}"
            out.append(row)
            size += len(row) + 1
        return "\n".join(out) + "\n"

    def group_report(self, budget: int) -> str:
        r = self.rng
        place, ind = self.place(), r.choice(self.industries)
        year = r.randint(2012, 2023)
        group, lead = self.names.group(place, ind), self.names.school(place, ind)
        schools = [self.names.school(self.near(place) if r.random() < 0.3 else place, ind) for _ in range(r.randint(3, 8))]
        schools = [s for s in dict.fromkeys(schools) if s != lead]
        firms = list(dict.fromkeys(self.names.enterprise(place, r.choice(self.industries)) for _ in range(r.randint(3, 10))))
        assoc = self.names.association(place, ind)
        members = r.randint(40, 400)
        # The usual short form of a college (临江职业技术学院 → 临江职院), used in the rest of the report.
        short = lead[:2] + "职院" if lead.endswith(("职业技术学院", "职业学院")) else ""
        out = [f"{group}{year}年度工作报告", "",
               f"{group}成立于{year - r.randint(1, 6)}年{r.randint(1, 12)}月，由{lead}"
               + (f"（以下简称“{short}”）" if short else "") + f"牵头，联合{'、'.join(schools[:3])}"
               f"及{assoc}等单位共同组建，现有成员单位{members}个，其中企业{members // 2}家。", ""]
        out.append(f"成员单位包括{'、'.join(schools[3:] + firms[:3])}等。")
        for f in firms[3:]:
            verb = r.choice(("签订校企合作协议", "签署战略合作协议", "签约共建产业学院"))
            out.append(f"{self.date(year)}，{r.choice([short or lead, *schools])}与{f}{verb}，双方将在人才培养、技术研发等方面开展合作。")
        size = sum(map(len, out))
        heads = iter("一二三四五六七八九十")
        while size < budget:
            para = [f"（{next(heads, '十')}）{r.choice(('完善运行机制', '深化产教融合', '服务区域发展', '推进协同育人'))}"]
            para += [self.prose(group, r.choice([short or lead, *schools]), r.choice((ind, r.choice(self.industries))))
                     for _ in range(r.randint(1, 3))]
            para.append(self.plain(ind, r.randint(3, 7)))
            if r.random() < 0.3:
                f = self.names.enterprise(place, ind)
                para.append(f"本年度新增成员单位{f}，{short or lead}与{f}签订订单培养协议，开设“{f[:4]}班”。")
            text = "".join(para[1:])
            out += ["", para[0], text]
            size += len(para[0]) + len(text) + 2
        return "\n".join(out) + "\n"

    def policy(self, budget: int) -> str:
        r = self.rng
        place = r.choice(self.cities)
        year = r.randint(2019, 2024)
        inds = r.sample(self.industries, 4)
        title = f"关于深化产教融合推进{inds[0]}等重点产业职业教育高质量发展的实施意见"
        out = [f"{place.name}人民政府办公室关于印发《{title}》的通知", "",
               f"{place.short}政办发〔{year}〕{r.randint(1, 120)}号", "",
               "各县（市、区）人民政府，市政府各部门：", "",
               f"《{title}》已经市政府同意，现印发给你们，请认真贯彻执行。", "",
               f"{place.name}人民政府办公室", self.date(year), "", title, "", "一、总体要求", "",
               f"（一）主要目标。到{year + r.randint(2, 6)}年，"
               + "，".join(f"{r.choice(VERBS)}{r.randint(2, 30)}个左右{r.choice(TARGET_OBJECTS)}" for _ in range(3))
               + f"，{r.choice(inds)}等重点产业技术技能人才供给能力显著增强，职业院校毕业生本地就业率达到{r.randint(50, 90)}%。",
               "", "二、重点任务", ""]
        n = 0
        while sum(map(len, out)) < budget * 0.6:
            n += 1
            ind = r.choice(inds)
            partners = (f"支持{self.names.school(place, ind)}与{self.names.enterprise(place, ind)}共建{ind}产业学院。"
                        if r.random() < 0.3 else f"支持职业院校与{ind}龙头企业共建产业学院。")
            out.append(f"（{n}）推进{ind}产教融合。到{year + r.randint(1, 5)}年，{r.choice(VERBS)}{r.randint(2, 20)}个"
                       f"{ind}{r.choice(TARGET_OBJECTS)}。{partners}{self.plain(ind, r.randint(2, 6))}")
        out += ["", "附件", "", "重点任务分工表", "", "序号\t工作任务\t责任单位\t完成时间"]
        i = 0
        while sum(map(len, out)) < budget:
            i += 1
            ind = r.choice(inds)
            task = (f"{r.choice(('组建', '建设', '认定', '培育'))}{r.randint(2, 15)}个{ind}{r.choice(TARGET_OBJECTS)}"
                    f"，{r.choice(('健全', '完善', '落实'))}{r.choice(('经费保障', '考核评价', '激励'))}机制")
            out.append(f"{i}\t{task}\t{self.agencies(place)}\t{year + r.randint(0, 3)}年底前")
        return "\n".join(out) + "\n"

    def quality_report(self, budget: int) -> str:
        r = self.rng
        place, ind = r.choice(self.cities), r.choice(self.industries)
        year = r.randint(2018, 2024)
        out = [f"{place.name}职业教育质量年度报告（{year}年度）", "", f"{place.name}教育局", self.date(year + 1), "",
               "一、基本情况", "",
               f"全市共有职业院校{r.randint(10, 60)}所，在校生{r.randint(20000, 200000)}人，"
               f"专任教师{r.randint(1000, 9000)}人，其中“双师型”教师占比{r.randint(40, 80)}%。", "",
               "序号\t指标\t单位\t" + f"{year - 1}年\t{year}年"]
        for i, m in enumerate(("在校生人数", "毕业生人数", "专业点数", "实训工位数", "企业兼职教师"), 1):
            a = r.randint(100, 50000)
            out.append(f"{i}\t{m}\t{'人' if '人' in m or '教师' in m else '个'}\t{a}\t{a + r.randint(-50, 900)}")
        out += ["", "二、产教融合", ""]
        while sum(map(len, out)) < budget:
            p, ind = self.near(place), r.choice(self.industries)
            g, s = self.names.group(p, ind), self.names.school(p, ind)
            out += [f"{s}牵头组建{g}，联合{self.names.enterprise(p, ind)}、{self.names.enterprise(p, ind)}等"
                    f"{r.randint(10, 90)}家单位，围绕{ind}产业开展协同育人。"
                    + "".join(self.prose(g, s, ind) for _ in range(r.randint(1, 3))) + self.plain(ind, r.randint(5, 12)), ""]
            if r.random() < 0.25:
                out += ["序号\t主体单位\t联合体共同体名称"]
                out += [f"{k}\t{self.names.school(p, ind)}\t{self.names.group(p, ind)}" for k in range(1, r.randint(3, 8))]
                out.append("")
        return "\n".join(out) + "\n"

    # ---- the corpus ------------------------------------------------------------------------
    def documents(self, total_chars: int) -> Iterator[tuple[str, str]]:
        """(file name, text) until ``total_chars`` characters have been written."""
        # Sizes and shares as in the sample corpus (3k-character reports, a 7k list, a 13k policy
        # with its task table, a 58k quality report).
        kinds = ((self.list_notice, 0.12, 2000, 8000), (self.group_report, 0.48, 2000, 6000),
                 (self.policy, 0.25, 6000, 15000), (self.quality_report, 0.15, 20000, 60000))
        written, i = 0, 0
        while written < total_chars:
            i += 1
            make, _, lo, hi = self.rng.choices(kinds, weights=[k[1] for k in kinds])[0]
            text = make(self.rng.randint(lo, min(hi, max(lo, total_chars - written))))
            written += len(text)
            yield f"{i:05d}_{make.__name__}.txt", text


def generate(scale: float, seed: int = 0) -> Iterator[tuple[str, str]]:
    """Documents totalling ``scale`` times the sample corpus's characters."""
    return Writer(seed).documents(int(scale * sample_size()))


def write(out: Path, scale: float, seed: int = 0) -> tuple[int, int]:
    """Write the corpus into ``out``; returns (documents, characters)."""
    out.mkdir(parents=True, exist_ok=True)
    docs = chars = 0
    for name, text in generate(scale, seed):
        (out / name).write_text(text, encoding="utf-8")
        docs, chars = docs + 1, chars + len(text)
    return docs, chars


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=float, default=10, help="times the sample corpus's size (default 10)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, required=True, help="folder to write (use a temporary one)")
    args = ap.parse_args(argv)
    docs, chars = write(args.out, args.scale, args.seed)
    print(f"{docs} documents, {chars} characters ({chars / sample_size():.1f}× the sample corpus) in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
