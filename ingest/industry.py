"""Industry chains (IndustryChain mentions) and SERVES facts.

An industry is named by a phrase before 产业/产业链/行业/业 (装备制造产业, 汽车产业链, 信息技术行业,
现代服务业) or by a term of a small lexicon of industry sectors (the language's own vocabulary, as a
gazetteer is for places). Names are normalised: 装备制造业 / 装备制造产业 / 高端装备制造 → 装备制造.

SERVES comes from
- a group named for an industry (东川装备制造职业教育集团 → 装备制造; evidence: the name),
- sentences where a school or group 对接/服务 an industry (学校…着力服务现代文旅产业发展需求),
- tables that match programme groups to industry chains (专业群名称 | … | 对接产业链): the chain
  mention gets the programme group in its ``programme_groups`` property.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.model import Document, Extraction, Fact, Mention
from ingest import sentences, tables

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
_LEXICON_SET = frozenset(_LEXICON)
_CHAIN_RE = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:产业链|产业集群|产业|行业)")
_GROUP_TAIL_RE = re.compile(
    r"(?:高等)?(?:职业技术教育集团|职业教育集团|职教集团|职业教育联盟|职教联盟|职教战略联盟|人才培养联盟|联盟|"
    r"市域产教联合体|产教联合体|行业产教融合共同体|产教融合共同体|共同体|专业协作体|协作体|兴辽产业学院|产业学院|"
    r"职业教育园区)$")
_REGION_HEAD_RE = re.compile(
    r"^(?:全国|中国|[\u4e00-\u9fff]{2,8}?(?:省|市|自治区|特别行政区|新区|区|县)|"
    r"北京|天津|上海|重庆|河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|"
    r"海南|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|辽西北|泛长三角|长三角|西南|东北|华北)")
_MODIFIERS = ("高端", "智慧")
_GENERIC = frozenset({"优势", "支柱", "主导", "重点", "新兴", "相关", "地方", "区域", "传统", "战略性新兴", "其他",
                      "本地", "各类", "第一", "第二", "第三", "领域的", "企业", "该", "服务", "行业", "产业"})


def normalise(term: str) -> str:
    """装备制造业 / 装备制造产业 / 高端装备制造 → 装备制造; 现代服务业 stays."""
    t = re.sub(r"(?:产业链|产业集群|产业|行业)$", "", term.strip())
    if t.endswith("业") and len(t) > 2 and t[:-1] in _LEXICON_SET:
        t = t[:-1]  # 畜牧业 → 畜牧, 装备制造业 → 装备制造 (but 现代服务业 and 茶业 stay)
    for mod in _MODIFIERS:
        if t.startswith(mod) and len(t) > len(mod) + 1:
            t = t[len(mod):]
    return t


def names_an_industry(text: str) -> bool:
    """True if ``text`` holds a sector of the lexicon or a phrase before 产业/行业 (what makes a
    group's name specific even without a place: 航空维修职业教育集团, 农机装备产业产教融合共同体)."""
    return bool(_lexicon_terms(text)) or bool(re.search(r"[\u4e00-\u9fff]{2}(?:产业|行业)", text))


def _lexicon_terms(text: str) -> list[tuple[int, int, str]]:
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


def industries_in_name(name: str) -> list[tuple[int, int, str]]:
    """Industry terms in a group's name: (start, end, normalised term), offsets into ``name``.

    >>> [t for _, _, t in industries_in_name("湖北省轨道交通装备制造职教集团")]
    ['轨道交通', '装备制造']
    >>> industries_in_name("东川职业教育集团")
    []
    """
    tail = _GROUP_TAIL_RE.search(name)
    body_end = tail.start() if tail else len(name)
    head = _REGION_HEAD_RE.match(name)
    body_start = head.end() if head and head.end() < body_end else 0
    body = name[body_start:body_end]
    chain = _CHAIN_RE.search(body)
    if chain and normalise(chain.group(0)) not in _GENERIC:
        # 农机装备产业链行业产教融合共同体, 低空经济行业产教融合共同体: the name says which.
        s = body_start + chain.start()
        term = chain.group(1)
        sub = _lexicon_terms(term)
        if sub and sub[-1][1] == len(term) and len(term) > 4:
            s, term = s + sub[-1][0], sub[-1][2]
        return [(s, s + len(term), normalise(term))]
    return [(body_start + a, body_start + b, normalise(t)) for a, b, t in _lexicon_terms(body)]


def _text_offsets(doc: Document, m: Mention) -> list[int] | None:
    """Offsets in doc.text of each character of a mention's (compacted) name."""
    if m.start < 0:
        return None
    out = []
    for i in range(m.start, m.end):
        if not doc.text[i].isspace():
            out.append(i)
    return out if len(out) == len(m.name) else None


def _serves_from_name(doc: Document, group: Mention, ex: Extraction, seen: set) -> None:
    offs = _text_offsets(doc, group)
    if offs is None:
        return
    for a, b, term in industries_in_name(group.name):
        if not term or (group.name, term) in seen:
            continue
        seen.add((group.name, term))
        chain = Mention("IndustryChain", term, doc.id, offs[a], offs[b - 1] + 1)
        ex.mentions.append(chain)
        ex.facts.append(Fact("SERVES", group, chain, doc.evidence(group.start, group.end),
                             {"pattern": "group-name"}))


_SERVE_RE = re.compile(r"(?:对接|服务于?|面向|助力)(?:于)?([\u4e00-\u9fff]{2,10}?)(?:产业链|产业集群|产业|行业)")


def _serves_from_sentences(doc: Document, ex: Extraction, seen: set) -> None:
    """学校…着力服务现代文旅产业…: the case's school (or the sentence's subject) serves it."""
    subjects = sentences.subjects(doc)
    for (s, e), subj in subjects.items():
        if subj is None or subj.type not in ("School", "Group"):
            continue
        for m in _SERVE_RE.finditer(doc.text, s, e):
            raw = m.group(1)
            terms = _lexicon_terms(raw)
            if not terms:
                continue
            a, b, t = terms[-1]
            term = normalise(t)
            if (subj.name, term) in seen:
                continue
            seen.add((subj.name, term))
            chain = Mention("IndustryChain", term, doc.id, m.start(1) + a, m.start(1) + b)
            ex.mentions.append(chain)
            quote = doc.text[s:e]
            a = s + len(quote) - len(quote.lstrip())
            ex.facts.append(Fact("SERVES", subj, chain, doc.evidence(a, s + len(quote.rstrip())),
                                 {"pattern": "对接/服务产业"}))


def _programme_groups(doc: Document, ex: Extraction) -> None:
    """专业群名称 | 核心专业 | 对接产业链 tables: the chain mention carries the programme groups."""
    for table in tables.read_tables(doc.text):
        if table.header is None:
            continue
        heads = [c.text for c in table.header.cells]
        pg = next((i for i, h in enumerate(heads) if "专业群" in h), None)
        ic = next((i for i, h in enumerate(heads) if re.search(r"对接.*产业|产业链", h)), None)
        if pg is None or ic is None:
            continue
        for row in table.rows:
            if len(row.cells) <= pg or "专业群" not in row.cells[pg].text:
                continue
            programme = re.sub(r"\s+", "", row.cells[pg].text)
            # A garbled column may be missing: the industry is then the row's last cell.
            cell = row.cells[ic] if len(row.cells) > ic else row.cells[-1]
            for a, b, t in _lexicon_terms(cell.text):
                ex.mentions.append(Mention("IndustryChain", normalise(t), doc.id, cell.start + a, cell.start + b,
                                           {"programme_groups": [programme]}))


@lru_cache(maxsize=8)
def _extract_cached(doc_id: str, text: str, path: str) -> Extraction:
    doc = Document(doc_id, path, text)
    ex = Extraction()
    seen: set = set()
    groups = [m for m in tables.extract(doc).mentions + sentences.extract(doc).mentions if m.type == "Group"]
    for g in groups:
        _serves_from_name(doc, g, ex, seen)
    _serves_from_sentences(doc, ex, seen)
    _programme_groups(doc, ex)
    return ex


def extract(doc: Document) -> Extraction:
    cached = _extract_cached(doc.id, doc.text, doc.path)
    return Extraction(list(cached.mentions), list(cached.facts))
