"""Industry chains (IndustryChain mentions) and SERVES facts.

An industry is named by a phrase before 产业/产业链/行业/业 (装备制造产业, 汽车产业链, 信息技术行业,
现代服务业) or by a term of the national vocabulary of industries (ingest/industry_vocab.py: GB/T 4754,
the 2021 vocational programme catalogue, the strategic emerging industries, usual chain names).
A chain mention is named as the text names it (石化, 高端 dropped: 装备制造) and resolved by its
canonical term (石油化工), so the synonyms of one industry are one node with the surfaces as aliases.

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
from ingest.industry_vocab import lexicon_terms as _lexicon_terms, names_an_industry, normalise, surface
from ingest.resolve import QUALIFIED

_CHAIN_RE = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:产业链|产业集群|产业|行业)")
_GROUP_TAIL_RE = re.compile(
    r"(?:高等)?(?:职业技术教育集团|职业教育集团|职教集团|职业教育联盟|职教联盟|职教战略联盟|人才培养联盟|联盟|"
    r"市域产教联合体|产教联合体|行业产教融合共同体|产教融合共同体|共同体|专业协作体|协作体|兴辽产业学院|产业学院|"
    r"职业教育园区)$")
_REGION_HEAD_RE = re.compile(
    r"^(?:全国|中国|[\u4e00-\u9fff]{2,8}?(?:省|市|自治区|特别行政区|新区|区|县)|"
    r"北京|天津|上海|重庆|河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|"
    r"海南|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|辽西北|泛长三角|长三角|西南|东北|华北)")
_GENERIC = frozenset({"优势", "支柱", "主导", "重点", "新兴", "相关", "地方", "区域", "传统", "战略性新兴", "其他",
                      "本地", "各类", "第一", "第二", "第三", "领域的", "企业", "该", "服务", "行业", "产业"})


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


def _chain(term: str, doc_id: str, start: int, end: int, props: dict | None = None) -> Mention:
    """An IndustryChain mention named as the text names it, resolved by its canonical term."""
    name, canon = surface(term), normalise(term)
    props = dict(props or {})
    if canon != name:
        props[QUALIFIED] = canon
    return Mention("IndustryChain", name, doc_id, start, end, props)


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
        chain = _chain(group.name[a:b], doc.id, offs[a], offs[b - 1] + 1)
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
            chain = _chain(t, doc.id, m.start(1) + a, m.start(1) + b)
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
                ex.mentions.append(_chain(t, doc.id, cell.start + a, cell.start + b, {"programme_groups": [programme]}))


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
