"""The vocabulary of industries: the sectors vocational documents name, how their surface forms
normalise (装备制造业 / 装备制造产业 / 高端装备制造 → 装备制造), and whether a phrase names one.

A lower layer: organisation-name checks (ingest/orgnames) and the industry extractor
(ingest/industry.py) both read it, so neither imports the other.
"""

from __future__ import annotations

import re

# Industry sectors (how Chinese vocational documents name industries; not names from the corpus).
_LEXICON: tuple[str, ...] = tuple(sorted(set("""
装备制造 智能制造 先进制造 现代制造 制造 机械 机电 机电一体化 数控 模具 工业机器人 机器人 智能装备 仪器仪表 电梯
汽车 新能源汽车 汽车服务 轨道交通 交通运输 交通 物流 现代物流 航空 航运 港口 船舶 国防科技工业 国防工业
石油化工 石化 化工 钢铁 钢铁焦化 冶金 建材 地矿 矿业 能源 新能源 电力 水利 水利电力 硅材料 新材料
建筑 土木建筑 建设 智能建造 城市建设 生态建设 环境保护 资源环境 林业 现代林业 农业 现代农业 畜牧 畜牧业 渔业 现代渔业
茶业 粮食 食品 食品药品 医药 医药卫生 卫生 健康 养老 学前教育 幼儿保育 家政
信息技术 电子信息 信息 电子商务 数字工业 数字经济 软件 集成电路 服务外包 人力资源服务
现代服务业 服务业 商贸 现代商贸 国际商务 商务 金融 现代金融 旅游 文化旅游 文旅 智慧旅游 酒店 餐饮 住宿 旅游饭店
纺织服装 纺织 服装 工艺美术 艺术设计 文化创意 无人机
""".split()), key=len, reverse=True))
LEXICON_SET = frozenset(_LEXICON)
_MODIFIERS = ("高端", "智慧")
def normalise(term: str) -> str:
    """装备制造业 / 装备制造产业 / 高端装备制造 → 装备制造; 现代服务业 stays."""
    t = re.sub(r"(?:产业链|产业集群|产业|行业)$", "", term.strip())
    if t.endswith("业") and len(t) > 2 and t[:-1] in LEXICON_SET:
        t = t[:-1]  # 畜牧业 → 畜牧, 装备制造业 → 装备制造 (but 现代服务业 and 茶业 stay)
    for mod in _MODIFIERS:
        if t.startswith(mod) and len(t) > len(mod) + 1:
            t = t[len(mod):]
    return t


def names_an_industry(text: str) -> bool:
    """True if ``text`` holds a sector of the lexicon or a phrase before 产业/行业 (what makes a
    group's name specific even without a place: 航空维修职业教育集团, 农机装备产业产教融合共同体)."""
    return bool(lexicon_terms(text)) or bool(re.search(r"[\u4e00-\u9fff]{2}(?:产业|行业)", text))


def lexicon_terms(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping lexicon terms in text, longest first, left to right."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(text):
        for term in _LEXICON:
            if text.startswith(term, i):
                end = i + len(term)
                # 旅游服务业 / 服装制造业 / 汽车产业链 name the head industry (旅游, 服装, 汽车).
                tail = re.match(r"服务业|制造业|产业链|产业|行业|业", text[end:])
                if tail and not term.endswith("业"):
                    if term.endswith(("服务", "制造")) and tail.group(0) == "业":
                        term = term + "业"
                    end += len(tail.group(0))
                out.append((i, end, term))
                i = end
                break
        else:
            i += 1
    return out
