"""Organisation names in Chinese text: typing by suffix rules and finding names in running text.

A name is anchored on its suffix (学院, 有限公司, 职业教育集团, 教育厅 ...); its left boundary is found
by walking back over jieba tokens until a function word or verb (由, 与, 联合, 依托, 的 ...), a
punctuation mark or a list number. PDF/Word text breaks lines (and inserts spaces) inside names,
so the walk hops over such whitespace.

>>> classify_org("辽宁职业学院"), classify_org("辉山乳业集团"), classify_org("辽宁现代农业职教集团")
('School', 'Enterprise', 'Group')
>>> [m.name for m in find_orgs("联盟是由辽宁职业学院牵头，联合")]
['辽宁职业学院']
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Iterable

from ingest.model import Mention
from ingest.regions import is_place_relative, lookup_region, region_prefix

# (suffix, type), matched longest first. Order matters only among equal lengths.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    # Groups: collaborative bodies (checked before 学院/集团/中心 of the other types)
    ("职业教育集团", "Group"), ("职教集团", "Group"), ("教育集团", "Group"),
    ("职业教育联盟", "Group"), ("职教联盟", "Group"), ("战略联盟", "Group"), ("联盟", "Group"),
    ("市域产教联合体", "Group"), ("产教联合体", "Group"), ("联合体", "Group"),
    ("行业产教融合共同体", "Group"), ("产教融合共同体", "Group"), ("共同体", "Group"),
    ("专业协作体", "Group"), ("协作体", "Group"), ("产业学院", "Group"), ("职业教育园区", "Group"),
    # Schools
    ("高等专科学校", "School"), ("专科学校", "School"), ("技师学院", "School"), ("学院", "School"),
    ("学校", "School"), ("大学", "School"), ("职业教育中心", "School"), ("职业技术教育中心", "School"), ("职教中心", "School"),
    ("职业高中", "School"), ("中学", "School"), ("小学", "School"), ("幼儿园", "School"),
    ("中专", "School"),
    # Agencies (their 司/处/办公室 are attached by _AGENCY_UNIT_RE)
    ("教育部", "Agency"), ("教育厅", "Agency"), ("教育局", "Agency"), ("教委", "Agency"),
    ("人民政府", "Agency"), ("人力资源社会保障厅", "Agency"), ("人力资源和社会保障厅", "Agency"),
    ("人力资源社会保障局", "Agency"), ("人力资源和社会保障局", "Agency"), ("人社厅", "Agency"),
    ("人社局", "Agency"), ("管委会", "Agency"), ("管理委员会", "Agency"), ("发改委", "Agency"),
    ("发展改革委", "Agency"), ("财政厅", "Agency"), ("财政局", "Agency"), ("工信局", "Agency"),
    ("国资委", "Agency"), ("税务局", "Agency"), ("国务院", "Agency"),
    ("发展和改革委员会", "Agency"), ("工业和信息化厅", "Agency"), ("工业和信息化局", "Agency"),
    ("交通运输厅", "Agency"), ("交通运输局", "Agency"), ("商务厅", "Agency"), ("商务局", "Agency"),
    ("农业农村厅", "Agency"), ("农业农村局", "Agency"), ("文化和旅游厅", "Agency"), ("文化和旅游局", "Agency"),
    ("卫生健康委员会", "Agency"), ("市场监督管理局", "Agency"), ("审计厅", "Agency"), ("科学技术厅", "Agency"),
    ("科技厅", "Agency"), ("科技局", "Agency"), ("总工会", "Agency"),
    # Associations
    ("联合会", "Association"), ("协会", "Association"), ("学会", "Association"), ("商会", "Association"),
    # Institutes
    ("研究院", "Institute"), ("研究所", "Institute"), ("科研院所", "Institute"), ("农科院", "Institute"),
    ("科学院", "Institute"), ("院士工作站", "Institute"), ("设计院", "Institute"),
    # Enterprises
    ("股份有限公司", "Enterprise"), ("有限责任公司", "Enterprise"), ("有限公司", "Enterprise"),
    ("总公司", "Enterprise"), ("公司", "Enterprise"), ("集团", "Enterprise"), ("大酒店", "Enterprise"),
    ("酒店", "Enterprise"), ("银行", "Enterprise"), ("宾馆", "Enterprise"),
)
_SUFFIX_TYPE = dict(_SUFFIXES)
_BY_LENGTH = sorted(_SUFFIXES, key=lambda st: -len(st[0]))
_SUFFIX_RE = re.compile("|".join(sorted((re.escape(s) for s, _ in _SUFFIXES), key=len, reverse=True)))
_SUFFIX_AT_RE = re.compile(f"(?=({_SUFFIX_RE.pattern}))")
# Names that are complete on their own (the suffix is the whole name).
_STANDALONE = frozenset({"教育部", "国务院"})
# Sub-units of an agency: 教育部职业教育与成人教育司, 辽宁省教育厅办公室, 教育部办公厅, 省教育厅职成处.
_AGENCY_UNIT_RE = re.compile(r"(?![各有相])(?:[\u4e00-\u9fff]{2,12}?(?:司|处)|办公室|办公厅)")

# Tokens that end a name when walking left: prepositions, conjunctions, verbs, quantifiers,
# dates, and the words of a document's own apparatus (关于, 转发, 通知).
_STOP_TOKENS = frozenset("""
由 与 和 及 以及 同 跟 并 且 或 于 为 是 的 了 着 等 之 所 在 向 到 赴 从 对 将 把 被 让 以 至 据 经 即 也 还 又 均 都
和由 与其 该 这 此 各 其 我 我校 本校 我省 我市 本市 其中 之一 旗下 包括 如 例如 同时 此外 另外 主要 重点
联合 依托 对接 加入 参与 参加 参加了 牵头 共同 成立 组建 组成 设立 签订 签署 签定 携手 来自 进入 作为 通过
组织 协助 举办 承办 主办 召开 推荐 遴选 授牌 获 获得 成为 担任 任 建立 共建 支持 指导 依据 根据 按照 围绕
面向 助力 推动 位于 隶属 开展 实施 开设 选派 聘请 邀请 会同 联手 发挥 抓好 看到 引导 加强 促进 提升 打造
完善 深化 探索 实现 形成 构建 健全 依靠 借助 利用 鼓励 扶持 认定 确定 公布 入选 评为 获评 申报 批准 带动
整合 优化 共筑 启动 代表 总结 部署 布局 公开 及时 认真 深入 进一步 积极 主动 分别 先后 多次 从而 优秀
已 已在 目前 现 现在 当前 有 有关 相关 全市 全省 全体 市属 省属 区属 约 余 多 家 个 位 名 首批 首届 第一批 第二批
号 年 年度 月 日 名称 关于 转发 报 报送 上报 抄送 抄报 致 通知 意见 文件 印发 发布 左右 各市 各省 各地 各级 各区 各县
""".split())
# Modifiers that make a name generic when nothing else precedes the suffix (中等职业学校, 有关企业).
_GENERIC_TOKENS = frozenset("""
中职 高职 中等 高等 职业 职业技术 技术 中等职业 高等职业 职教 职业教育 教育 师范 专业 普通 综合 特教 二级 分
示范 示范性 骨干 优质 重点 知名 龙头 规模 品牌 特色 高水平 一流 双高 兴辽 现代 新型 试点 培育 建设 发展 实体 实体化
国家 国家级 省级 市级 区级 县级 省 市 区 县 区县 直辖市 计划单列市 全国 全省 全市 地方 区域 区域性 市域 境外 外国 国外 海外
行业 产业 产教 融合 产教融合 企业 院校 单位 联盟 成员 集团 学校 学院 合作 中外 中外合作 日方
国有 民营 公办 民办 校企 各 各级 本 该 我 我省 我市 本市 这些 某 有关 相关 上级 下属 直属 附属 所属
一批 两所 多所 部分 首个 未来 新时代 阶段 下一 合格 不合格 规范 调整
""".split())

# Words with an organisation suffix that name no body (学分银行 is a credit-transfer system).
_NOT_ORG_RE = re.compile(r"学分银行$")
_HEADING_LINE_RE = re.compile(r"^\s*(?:[表图冬]\s*\d|【|\d+(?:\s*\.\s*\d+)+\s|[一二三四五六七八九十]+[、是]|"
                              r"（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[章节部分])")
_NOT_A_NAME_AFTER = re.compile(r"产业|行业|业(?![务主])|生(?!物|态|产|命)")
_ORDINAL_RE = re.compile(r"^第?[一二三四五六七八九十百千两几首]+[个家所批届位名]$")  # 第一个, 两所 (not 第一中学)
# Stop words that also occur inside names (辽宁安吉联合物流有限公司, 辽宁网力技术合作有限公司).
_SOFT_STOPS = frozenset({"联合", "合作", "共同", "发展"})
_CONJUNCTIONS = frozenset({"和", "与", "及", "同"})
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_NAME_CHAR_RE = re.compile(rf"[{_CJK}〇A-Za-z0-9·•（）()\-]")
_OPEN, _CLOSE = "（(", "）)"
_MAX_NAME = 40


def classify_org(name: str) -> str | None:
    """The organisation type of a name by its suffix (None when it has no known suffix).

    A trailing bracket note is ignored: 应急管理产业学院(化工方向) is a Group.
    """
    name = _strip_trailing_note(name.strip())
    if not name:
        return None
    if name in _STANDALONE:
        return _SUFFIX_TYPE[name]
    if m := re.search(r"(?:司|处|办公室|办公厅)$", name):
        head = name[: m.start()]
        for suffix, typ in _SUFFIXES:
            if typ == "Agency" and suffix in head:
                return "Agency"
    for suffix, typ in _BY_LENGTH:
        if name.endswith(suffix) and len(name) > len(suffix):
            if typ == "Enterprise" and suffix == "集团" and re.search(r"职业|职教|教育", name):
                return "Group"
            return typ
    return None


def _strip_trailing_note(name: str) -> str:
    m = re.search(r"[（(][^（()）]*[)）]$", name)
    if m and m.start() > 0:
        return name[: m.start()].rstrip()
    return name


# ---------------------------------------------------------------------------------------------
# Segmentation: one jieba tokenizer per set of learned names (deterministic, no global state).

_tok_lock = threading.Lock()
_base_tokenizer = None
_tokenizers: dict[frozenset[str], object] = {}


def tokenizer(names: Iterable[str] = ()):
    """A jieba tokenizer whose user dictionary holds ``names`` (e.g. the names in a document's
    tables). The same set of names always gives the same tokenizer, so results do not depend on
    which documents were processed before."""
    import jieba

    key = frozenset(n for n in names if n)
    with _tok_lock:
        global _base_tokenizer
        if _base_tokenizer is None:
            # jieba's default tokenizer, read-only here (user words go to copies below); sharing it
            # with jieba.posseg saves loading the dictionary twice.
            jieba.setLogLevel(60)
            _base_tokenizer = jieba.dt
            _base_tokenizer.check_initialized()
        if not key:
            return _base_tokenizer
        tok = _tokenizers.get(key)
        if tok is None:
            tok = jieba.Tokenizer()
            tok.FREQ = dict(_base_tokenizer.FREQ)
            tok.total = _base_tokenizer.total
            tok.initialized = True
            for n in sorted(key):
                tok.add_word(n, freq=max(tok.suggest_freq(n, tune=False), 10))
            if len(_tokenizers) > 32:
                _tokenizers.clear()
            _tokenizers[key] = tok
        return tok


# ---------------------------------------------------------------------------------------------
# Finding names in running text.


def _soft_space(text: str, i: int) -> bool:
    """Whitespace at i that a PDF/Word extraction inserted inside a phrase: a run of spaces and
    line breaks (no tab) between two name characters."""
    j = i
    while j < len(text) and text[j] in " \u3000\r\n":
        j += 1
    k = i
    while k > 0 and text[k - 1] in " \u3000\r\n":
        k -= 1
    if j >= len(text) or k == 0:
        return False
    run = text[k:j]
    if "\n" in run:
        prev_line = text[text.rfind("\n", 0, k) + 1:k]
        if _HEADING_LINE_RE.match(prev_line):
            return False  # a caption or heading ends at its line break (表 5-1 兴辽产业学院名单)
    if "\n" in run and re.search(r"[ \u3000]\r?\n", run):
        # A line that ends in a space ends a heading or a cell ("专业委员会为基础 \n联盟在…"),
        # while a name broken by the PDF ("辽宁开原雨润\n食品有限公司") has no trailing space.
        return False
    return bool(_NAME_CHAR_RE.match(text[j])) and bool(_NAME_CHAR_RE.match(text[k - 1]))


def _left_context(text: str, s: int, lo: int) -> tuple[str, list[int]]:
    """Name characters left of s (hopping soft whitespace), nearest last, with their offsets."""
    chars: list[str] = []
    pos: list[int] = []
    i = s - 1
    depth = 0
    while i >= lo and len(chars) < _MAX_NAME:
        c = text[i]
        if c in " \u3000\r\n":
            if not _soft_space(text, i):
                break
            i -= 1
            continue
        if c in _CLOSE:
            depth += 1
        elif c in _OPEN:
            if depth == 0:
                break
            depth -= 1
        elif not _NAME_CHAR_RE.match(c) or c.isdigit() and depth == 0:
            break
        chars.append(c)
        pos.append(i)
        i -= 1
    chars.reverse()
    pos.reverse()
    return "".join(chars), pos


def _ends_with_org(prefix: str) -> bool:
    """True if ``prefix`` ends with a complete school/agency-like name (学校, 学院, 教育局 ...)."""
    if any(prefix.endswith(n) for n in _STANDALONE):
        return True
    for suffix, typ in _SUFFIXES:
        if typ in ("School", "Agency") and prefix.endswith(suffix) and len(prefix) > len(suffix) + 1:
            return True
    return False


def _covered(body: str, words: frozenset[str]) -> bool:
    """True if ``body`` is a concatenation of ``words`` (whatever jieba made of it)."""
    ok = [True] + [False] * len(body)
    for i in range(1, len(body) + 1):
        ok[i] = any(ok[j] and body[j:i] in words for j in range(max(0, i - 6), i))
    return ok[len(body)]


def _is_generic(tokens: list[str]) -> bool:
    tokens = [t for t in tokens if t not in _OPEN and t not in _CLOSE]
    body = "".join(tokens)
    if len(body) < 2:
        return True
    return all(t in _GENERIC_TOKENS or t in _STOP_TOKENS or t.isdigit() for t in tokens) or _covered(
        re.sub(r"\d+", "", body), _GENERIC_TOKENS | _STOP_TOKENS)


# School types: "沈阳市中职学校" is a category of schools in a city, not one school.
_SCHOOL_CATEGORY = frozenset({"中职", "中等职业", "中等", "职业", "高职", "高等职业", "普通", "各类", "职业技术",
                              "多所", "部分", "各", "所有", "全部", "公办", "民办"})


# Group kinds: "沈阳市市域产教联合体" is the kind of body a city builds, not one body.
_GROUP_CATEGORY = frozenset({"市域", "区域", "行业", "产教", "融合", "产教融合", "示范", "示范性", "省级", "市级"})


def _is_category(tokens: list[str], suffix: str) -> bool:
    """Region + school type + 学校 (沈阳市中等职业学校, 沈阳中职学校) names a category."""
    if not tokens or suffix != "学校" and _SUFFIX_TYPE.get(suffix) != "Group":
        return False
    i = 0
    while i < len(tokens) and _place(tokens[i], i == 0):
        i += 1
    rest = "".join(tokens[i:])
    if 0 < i == len(tokens) and suffix in _INDUSTRY_KINDS:
        return True  # 河南省行业产教融合共同体: the kind of body a province selects, no industry named
    category = _SCHOOL_CATEGORY if suffix == "学校" else _GROUP_CATEGORY
    return 0 < i and bool(rest) and _covered(rest, category)


# Group kinds named for an industry: a place alone before them names no body.
_INDUSTRY_KINDS = frozenset({"行业产教融合共同体", "产教融合共同体", "产业学院"})


@lru_cache(maxsize=4096)
def _is_verb(token: str) -> bool:
    """jieba tags the token as a plain verb (not a verbal noun such as 建设, 服务, 管理)."""
    import jieba.posseg

    tags = jieba.posseg.lcut(token, HMM=False)
    return len(token) >= 2 and len(tags) == 1 and tags[0].flag == "v"


# Verbs that name a trade inside organisation names (装备制造, 智能建造, 汽车维修).
_NAME_VERBS = frozenset("""制造 建造 设计 维修 加工 运营 装配 检测 运输 养殖 种植 印刷 包装 销售 服务 建设 发展
应用 保障 保育 管理 经营 开发 控制 监测 养护 运用 检修 创意 贸易 物流 融合""".split())


@lru_cache(maxsize=4096)
def _place(token: str, first: bool = True) -> bool:
    """A place name (沈阳, 沈阳市, 铁西区): jieba's ns tag or an administrative suffix."""
    import jieba.posseg

    if re.fullmatch(r"[\u4e00-\u9fff]{2,6}(?:省|市|区|县)", token):
        return True
    if not first:
        return False  # after the first place only 市/区/县 names follow (沈阳市皇姑区, not 沈阳辽美)
    if token in ("城市", "都市", "城乡", "社区", "地方", "区域", "全国", "国家", "国际"):
        return False  # common nouns jieba tags as places
    tags = jieba.posseg.lcut(token, HMM=False)
    return len(tags) == 1 and tags[0].flag == "ns"


@lru_cache(maxsize=4096)
def _modifier(token: str) -> bool:
    """An adverb, adjective or pronoun (全面, 有效, 不断, 我): what precedes a verb, not a name."""
    import jieba.posseg

    tags = jieba.posseg.lcut(token, HMM=False)
    return len(tags) == 1 and tags[0].flag in ("d", "ad", "a", "r", "c", "p")


@lru_cache(maxsize=4096)
def _proper_noun(token: str) -> bool:
    """jieba's part of speech says place, person or other proper name."""
    import jieba.posseg

    return len(token) >= 2 and all(p.flag in ("ns", "nr", "nz", "nt", "nrt", "nrfg")
                                   for p in jieba.posseg.lcut(token, HMM=False))


# Suffixes that already say which field a body serves (X产业学院, X行业产教融合共同体): any prefix
# that is not generic names one body. Registered company names (…有限公司) are names whatever
# words they use.
_FIELD_SUFFIXES = frozenset({"产业学院", "行业产教融合共同体", "产教融合共同体", "市域产教联合体", "产教联合体",
                             "职业教育园区"})
_LEGAL_SUFFIXES = frozenset({"有限公司", "股份有限公司", "有限责任公司", "总公司"})
# jieba tags some everyday words as names (智慧 nr, 阳光 nr): a name tag counts for rarer words only.
_PROPER_FLAGS = frozenset({"nr", "nrt", "nz", "nt", "nrfg", "ns", "j"})
_COMMON_FREQ = 1000
_BRAND_FREQ = 500
_NOT_PLACES = frozenset({"城市", "都市", "城乡", "社区", "地方", "区域", "国家", "国际", "城区", "市区", "地区"})
_FUNCTION_CHARS = frozenset("的和与及在为是了等对向到从将把被让各本该我其这此之所以或并且也都又还")
# A counted noun is a category, not a body: 10所左右特色职业培训学院, 20个左右专业（群）协作体.
_COUNTED_RE = re.compile(r"(?:\d+|[一二三四五六七八九十百千两几数多])\s*[所个家批类种项]\s*(?:左右|以上|余)?\s*$"
                         r"|(?:一批|若干|一些)\s*$")
_ANY_PLACE_RE = re.compile(r"(?:各|相关|有关|所在|其他|其它|全|沿线)\s*$")
@lru_cache(maxsize=8192)
def _proper_token(token: str) -> bool:
    """A token that only a proper name is made of: a place of the gazetteer (or a 省/市/区/县
    name), a Latin word, or a word jieba tags as a name and that is not an everyday word."""
    if re.search(r"[A-Za-z]", token):
        return True
    if len(token) < 2 or token in _NOT_PLACES or token in _GENERIC_TOKENS or token in _STOP_TOKENS or \
            token in _SUFFIX_TYPE:
        return False
    if lookup_region(token) is not None or (
            len(token) >= 3 and re.fullmatch(r"[\u4e00-\u9fff]+(?:省|市|区|县|州|旗)", token)
            and token[0] not in "各全本该省市区县"):
        return True
    import jieba.posseg

    tags = jieba.posseg.lcut(token, HMM=False)
    return len(tags) == 1 and tags[0].flag in _PROPER_FLAGS and \
        tokenizer().FREQ.get(token, 0) < _COMMON_FREQ


def _specific(prefix: str, tokens: list[str], suffix: str, typ: str) -> bool:
    """True if the words before the suffix make one body of the name: a proper-name element (a
    place, a Latin brand, a name jieba tags as such, or a word jieba does not know, which it cuts
    into single characters: 华住, 中车, 信创), an industry for a group, or a legal company suffix.
    暑期学校, 特色职业培训学院, 教育部门管理中职学校 are made of common words only; in
    中国特色现代职业学校 the place qualifies 特色, not the school."""
    if typ == "Enterprise" and suffix in _LEGAL_SUFFIXES or suffix in _FIELD_SUFFIXES or suffix in _STANDALONE:
        return True
    if typ in ("Agency", "Institute") and prefix in ("省", "市", "区", "县"):
        return True  # 省教育厅, 市教育局: the document's own province or city
    if typ == "Group":
        from ingest.industry import names_an_industry  # lazy: industry reads sentences, which read orgs

        if names_an_industry(prefix):
            return True
    if region_prefix(prefix + suffix) is not None or is_place_relative(prefix + suffix):
        return True  # 辽西北职业教育联盟, 市汽车工程学校 (the document's own city)
    run = 0
    for i, t in enumerate(tokens):
        if len(t) == 1 and re.match(f"[{_CJK}]", t) and t not in _FUNCTION_CHARS:
            run += 1  # an unknown word: jieba cut it into single characters
            if run >= 2 or i + 1 < len(tokens) and _surname(t):
                return True  # 唐立新院士工作站: a surname and a given name
            continue
        run = 0
        if _proper_token(t) and not (i + 1 < len(tokens) and tokens[i + 1] == "特色"):
            return True
        if typ == "Enterprise" and _brand(t):
            return True
    return False


def _brand(token: str) -> bool:
    """A short word that jieba knows but rarely sees: in front of 集团/公司 it is a brand
    (鞍钢集团, 双汇集团, 格力公司), not an everyday word (第二, 现代, 层次)."""
    return 2 <= len(token) <= 3 and token not in _GENERIC_TOKENS and token not in _STOP_TOKENS and \
        token not in _SUFFIX_TYPE and \
        tokenizer().FREQ.get(token, 0) < _BRAND_FREQ


@lru_cache(maxsize=1024)
def _surname(char: str) -> bool:
    import jieba.posseg

    return jieba.posseg.lcut(char, HMM=False)[0].flag == "nr"


def _second_body(prefix: str, suffix: str) -> int:
    """Where a second body starts inside ``prefix``: after a complete name (共青团沈阳市委员会, or
    沈阳市教育局 followed by 和/与/及/经), a place opens a new name (沈阳市残疾人联合会). 0 when
    there is none; 招商局南京油运 is one name, 招商局 being no complete name of a known kind."""
    for p in range(len(prefix) - 1, 2, -1):
        first = prefix[:p].rstrip("和与及经、")
        place, core = _place_and_core(prefix[p:] + suffix)
        # 中国移动通信集团辽宁有限公司 is a branch: after the place comes only the suffix.
        if (classify_org(first) or first.endswith("委员会")) and place and core != suffix:
            return p
    return 0


def _place_and_core(name: str) -> tuple[str | None, str]:
    """The place a name opens with (its gazetteer name; "" for 省/市 meaning the document's own)
    and the rest: 沈阳市X, 沈阳X, 辽宁沈阳市X → (沈阳市, X); 市X → ("", X)."""
    if r := region_prefix(name):
        return r[0].name, name[len(r[1]):]
    return ("", name[1:]) if is_place_relative(name) else (None, name)


def _longer_form(name: str, typ: str, doc_names: Iterable[str], specific: bool) -> str | None:
    """The one longer name of the same type in the document whose tail ``name`` is: 汽车工程学校 in a
    report that names 沈阳市汽车工程学校. A ``specific`` name (中德学院) only takes a place in front
    (沈阳中德学院). None when there is none, or when the longer names are different bodies
    (天津中德学院 and 沈阳中德学院)."""
    cands = {n for n in doc_names if len(n) > len(name) and n.endswith(name) and classify_org(n) == typ}
    split = {n: _place_and_core(n) for n in cands}
    if specific:
        cands = {n for n in cands if split[n][1] == name}
    cores = {split[n][1] for n in cands}
    places = {split[n][0] for n in cands} - {"", None}
    if len(cores) != 1 or len(places) > 1:
        return None
    return max(cands, key=lambda n: (len(n), n))


def place_typo(name: str, doc_names: Iterable[str]) -> str | None:
    """The name the document writes elsewhere when ``name`` is it with one character of the place
    misread: 法阳现代制造服务学校 in a report that also writes 沈阳现代制造服务学校 (OCR). None when
    ``name`` opens with a known place, or when no single such name exists."""
    if region_prefix(name) is not None or is_place_relative(name):
        return None
    found = set()
    for other in doc_names:
        r = region_prefix(other) if len(other) == len(name) and other != name else None
        if r is None:
            continue
        diff = [i for i, (a, b) in enumerate(zip(name, other)) if a != b]
        if len(diff) == 1 and diff[0] < len(r[1]):
            found.add(other)
    return found.pop() if len(found) == 1 else None


def _leading_verbs(prefix: str) -> int:
    """Length of the verbs/adverbs/prepositions that open ``prefix`` (推进, 充分调动): a name
    never starts with one."""
    import jieba.posseg

    n = 0
    for p in jieba.posseg.lcut(prefix, HMM=False):
        # Not "d": jieba tags some place names as adverbs (大连).
        if (p.flag[:1] in ("v", "p", "c") or p.flag in ("ad", "l")) and p.flag != "vn" or p.word in _STOP_TOKENS:
            n += len(p.word)
        else:
            break
    return n


def _walk_left(context: str, suffix: str, tok) -> int:
    """How many characters of ``context`` (nearest last) belong to the name ending in ``suffix``."""
    if not context:
        return 0
    tokens = list(tok.cut(context, HMM=False))
    taken: list[str] = []
    rev = list(reversed(tokens))
    for i, t in enumerate(rev):
        if not taken and t in _CONJUNCTIONS and i + 1 < len(rev) and len(rev[i + 1]) == 1:
            pass  # 山东舜和集团: a conjunction never sits right before a suffix
        elif t in _SOFT_STOPS and i + 1 < len(rev) and _proper_noun(rev[i + 1]) and not _ends_with_org(
                "".join(reversed(rev[i + 1:]))):
            pass  # 安吉联合物流: a place or proper name before it makes it part of the name
        elif t in _STOP_TOKENS or _ORDINAL_RE.match(t) or len(t) > 2 and t[-2:] in _STOP_TOKENS:
            break
        elif _is_verb(t) and t not in _NAME_VERBS and i + 1 < len(rev) and not _proper_noun(rev[i + 1]) and (
                _is_generic(list(reversed(taken))) or _modifier(rev[i + 1])):
            break  # 全面增强职业教育集团, 有效监督守护学校: a verb inside a clause ends the name
        if re.fullmatch(r"[0-9]+", t):
            break
        before = context[: len(context) - sum(len(x) for x in taken)]
        if taken and not _is_generic(list(reversed(taken))) and _ends_with_org(before) and \
                taken[-1] not in ("附属", "附设"):
            # 学校智慧酒店产业学院: the school before the 产业学院 is a separate name; but
            # 天津城市职业学院职教集团 is one name (nothing specific between the two suffixes).
            break
        taken.append(t)
    n = sum(len(t) for t in taken)
    # Strip leading chars that are themselves stop characters glued by jieba (和万豪 → 万豪).
    body = context[len(context) - n:]
    while body and body[0] in "由与和及在为是的了等对向到从将把被让":
        body = body[1:]
        n -= 1
    return n


def find_orgs(text: str, start: int = 0, end: int | None = None, doc: str = "",
              names: Iterable[str] = (), doc_names: Iterable[str] = ()) -> list[Mention]:
    """Organisation mentions in text[start:end], suffix-anchored, in text order, not overlapping.

    ``names``: names known from the document's tables (jieba user dictionary); they are names
    even when made of common words. ``doc_names``: the names found elsewhere in the document; a
    name of common words only (汽车工程学校) is reported as the one longer name it ends
    (沈阳市汽车工程学校), and dropped when there is none.
    """
    end = len(text) if end is None else end
    tok = tokenizer(names)
    known = set(names)
    cands: list[tuple[int, int, str, str, int]] = []  # (start, end, name, type, suffix length)
    # Every position where a suffix starts, so 中学校 yields 学校 and not only 中学; of the
    # suffixes ending at one place only the longest counts (产业学院, never its 学院).
    longest: dict[int, re.Match] = {}
    for m in _SUFFIX_AT_RE.finditer(text, start, end):
        e = m.start() + len(m.group(1))
        if e <= end and (e not in longest or len(m.group(1)) > len(longest[e].group(1))):
            longest[e] = m
    for m in (longest[e] for e in sorted(longest)):
        suffix = m.group(1)
        typ = _SUFFIX_TYPE[suffix]
        s, e = m.start(), m.start() + len(suffix)
        if _NOT_A_NAME_AFTER.match(text, e) and typ in ("Enterprise", "School") and suffix not in (
                "有限公司", "股份有限公司", "有限责任公司"):
            continue  # 酒店产业集群, 中学生, 大学生: an industry or people, not a body
        if suffix == "小学" and text[s - 1:s] == "中":
            continue  # 中小学
        if suffix == "教育部" and text[e:e + 1] == "门":
            continue  # 教育部门: education departments in general
        if typ == "Agency":
            u = _AGENCY_UNIT_RE.match(text, e, min(end, e + 14))
            if u and not re.search(r"[，。；、]|公司$|集团|联合|牵头|[与和及].{0,8}(?:局|厅|部|委)", u.group(0)):
                e = u.end()
        context, pos = _left_context(text, s, start)
        # 教育部 is complete: whatever precedes it (关于转发, 报) is not part of the name.
        n = 0 if suffix in _STANDALONE else _walk_left(context, suffix, tok)
        if n and context[len(context) - n] in _OPEN:
            # A name never starts with a bracket: "(此件公开发布)教育厅" → drop the note.
            close = max(context.rfind(c) for c in _CLOSE)
            n = len(context) - close - 1 if close >= len(context) - n else n
        if n == 0 and suffix not in _STANDALONE:
            continue
        name_start = pos[len(pos) - n] if n else s
        prefix = context[len(context) - n:] if n else ""
        if prefix and prefix + text[s:e] not in known:
            cut = _leading_verbs(prefix)
            if cut == len(prefix):
                continue  # 承担学院, 推进专业协作体: a verb, not a name
            name_start = pos[len(pos) - n + cut]
            prefix = prefix[cut:]
        prefix_tokens = list(tok.cut(prefix, HMM=False)) if prefix else []
        if _is_category(prefix_tokens, suffix):
            continue
        if suffix not in _STANDALONE and _is_generic(prefix_tokens) and not (
                prefix in ("省", "市", "区", "县") and typ in ("Agency", "Institute")):
            # 中等职业学校 is no name; 省农科院 and 市教育局 are (abbreviated, but one body).
            continue
        while prefix and prefix[0] in _CLOSE:  # ")辽宁省教育厅…": the end of a note before the name
            prefix = prefix[1:]
            name_start = pos[len(pos) - len(prefix)] if prefix else s
        if cut := _second_body(prefix, text[s:e]):
            prefix = prefix[cut:]
            name_start = pos[len(pos) - len(prefix)]
        if is_place_relative(prefix + suffix) and _ANY_PLACE_RE.search(text, max(start, name_start - 4), name_start):
            continue  # 相关市人民政府, 各省教育厅: every such body, not the document's own
        if _COUNTED_RE.search(text, max(start, name_start - 8), name_start):
            continue  # 10所左右特色职业培训学院: a number of schools to build, not one school
        name = prefix + _compact(text[s:e])
        if _NOT_ORG_RE.search(name):
            continue
        if name not in known:
            specific = _specific(prefix, list(tokenizer().cut(prefix, HMM=False)), suffix, typ)
            longer = _longer_form(name, typ, doc_names, specific)
            if longer is None and not specific:
                continue
            name = longer or name
        if typ == "Enterprise" and suffix == "集团" and re.search(r"职业|职教|教育", name):
            typ = "Group"
        cands.append((name_start, e, name, typ, len(suffix)))
    # One candidate per span, the longest suffix deciding the type (产业学院 over 学院); then drop
    # names nested in a longer one (酒店 in 智慧酒店产业学院, 学院 in …学院职教集团).
    cands.sort(key=lambda c: (c[0], -c[1], -c[4]))
    spans = list({(c[0], c[1]): c for c in reversed(cands)}.values())
    kept: list[tuple[int, int, str, str, int]] = []
    for c in sorted(spans, key=lambda c: (c[0], -c[1])):
        if any(k[0] <= c[0] and c[1] <= k[1] and (k[0], k[1]) != (c[0], c[1]) for k in spans):
            continue
        if kept and c[0] < kept[-1][1]:
            continue
        kept.append(c)
    return [Mention(type=t, name=n, doc=doc, start=s, end=e) for s, e, n, t, _ in kept]


def starts_with_stop_word(text: str) -> bool:
    """True if ``text`` opens with a verb or function word (推动…, 建立…, 围绕…): a task, not a name."""
    first = next(iter(tokenizer().cut(text, HMM=False)), "")
    return first in _STOP_TOKENS


def _compact(s: str) -> str:
    return re.sub(r"[ \u3000\r\n]+", "", s)


def clean_name(raw: str) -> str:
    """A table cell or list item reduced to the name: no list number, quotes, spaces, dashes."""
    s = re.sub(r"^\s*(?:\d+[.、．)）]?\s+|\d+[.、．)）]\s*|[（(]\d+[)）]\s*)", "", raw)
    s = re.sub(r"[\"“”‘’'「」『』《》]", "", s)
    s = re.sub(r"[ \u3000]*[-—–]+[ \u3000]*$", "", s)
    return _compact(s).strip(" ，,。、；;:：|")


# ---------------------------------------------------------------------------------------------
# Names without a suffix, typed by the head noun of the list they stand in.

# 与华晨宝马、海尔、京东等企业; 联合A、B等10余家知名企业; X、Y等高校. The head noun after 等 types
# the items; a mixed head (等院校、企业, 等企业和机构) types nothing. 等 of 中等/高等 is no list.
_LIST_HEADS = {"企业": "Enterprise", "公司": "Enterprise", "厂商": "Enterprise", "厂家": "Enterprise",
               "院校": "School", "高校": "School", "学校": "School",
               "协会": "Association", "学会": "Association", "商会": "Association",
               "科研院所": "Institute", "科研机构": "Institute", "研究机构": "Institute", "研究院所": "Institute"}
_LIST_MODIFIERS = ("知名|龙头|头部|大型|领军|骨干|优质|重点|国内外|国内|国际|省内|市内|本地|本土|区域|行业|合作|世界500强|500强"
                   "|高新技术|科技|高科技|中外|外资|跨国|国有|民营|优秀|一流|高水平|有关|相关|职业|高职|中职|本科|兄弟|品牌")
_LIST_TAIL_RE = re.compile(
    r"(?<![中高初同平对均相上下次优超劣特头])[ \u3000]*等[ \u3000]*(?:(?:\d+|[一二三四五六七八九十百几数多两]+)[ \u3000]*(?:余|多)?[ \u3000]*[家所个]"
    rf"[ \u3000]*(?:以上|左右)?)?[ \u3000]*(?:{_LIST_MODIFIERS})*"
    rf"({'|'.join(sorted(_LIST_HEADS, key=len, reverse=True))})(?![ \u3000]*(?:[、和及与]|以及)[ \u3000]*"
    rf"(?:{_LIST_MODIFIERS})*(?:{'|'.join(_LIST_HEADS)}|单位|机构|组织|部门))")
_LIST_JOIN_RE = re.compile(r"以及|和|及")


def _bare_name(item: str, typ: str) -> bool:
    """``item`` (no suffix) reads as the name of one body: 2–12 characters, not a generic word
    (企业, 行业, 其他), not a verb phrase, not a place alone, and holding a proper-name part."""
    if not 2 <= len(item) <= 12 or classify_org(item) or _SUFFIX_RE.search(item[-2:]):
        return False
    tokens = list(tokenizer().cut(item, HMM=False))
    if _is_generic(tokens) or _leading_verbs(item) or tokens[0] in _STOP_TOKENS or tokens[-1] in _STOP_TOKENS:
        return False
    if any(_is_verb(t) and t not in _NAME_VERBS for t in tokens):
        return False  # 培养人才, 开展合作
    if lookup_region(item) is not None or re.fullmatch(r"\S+[省市区县州]", item) or \
            (r := region_prefix(item)) and r[1] == item:
        return False  # 大连、沈阳等: places, not bodies (jieba's place tag is not asked: 京东 is ns)
    return _specific(item, tokens, "", typ)


def _comma_before(text: str, i: int, lo: int) -> int | None:
    """Where the 、 that ends the previous list item stands before ``i`` (line breaks hopped)."""
    while i > lo and text[i - 1] in " \u3000\r\n":
        i -= 1
    return i - 1 if i > lo and text[i - 1] == "、" else None


def _uncut(item: str, typ: str, doc_names: Iterable[str]) -> str:
    """The one name of the document that is ``item`` plus a suffix of its type, else ``item``."""
    full = {n for n in doc_names if n.startswith(item) and _SUFFIX_TYPE.get(n[len(item):]) == typ}
    return full.pop() if len(full) == 1 else item


def find_listed(text: str, start: int = 0, end: int | None = None, doc: str = "",
                found: Iterable[Mention] = (), doc_names: Iterable[str] = ()) -> list[Mention]:
    """Bodies named without a suffix in an enumeration whose head noun types them:
    与华晨宝马、海尔、京东等企业 → three Enterprises; X、Y等高校 → Schools; X等协会 → Associations.

    ``found``: the suffix-named mentions of the same text (they may stand in the list; they are
    not reported again). Every item between 、 must read as a name, or the list gives nothing
    (政府、行业、企业等单位 is a list of kinds); the first item is cut from its clause like a name
    (学校与华为等企业 → 华为). ``doc_names``: the names the document spells out; an item that is
    one of them cut before its suffix (沈阳市城市建设管理等8所中职学校) is reported as that name.

    >>> [(m.name, m.type) for m in find_listed("学校与华晨宝马、海尔、京东等企业进行订单班培养")]
    [('华晨宝马', 'Enterprise'), ('海尔', 'Enterprise'), ('京东', 'Enterprise')]
    """
    end = len(text) if end is None else end
    found = list(found)
    tok = tokenizer()
    out: list[Mention] = []
    for tail in _LIST_TAIL_RE.finditer(text, start, end):
        typ = _LIST_HEADS[tail.group(1)]
        items: list[tuple[int, int, str]] = []  # (start, end, name) of new names, right to left
        pos, ok = tail.start(), True
        while ok:
            known = next((m for m in found if m.end <= pos and not text[m.end:pos].strip()), None)
            if known is not None:
                s = known.start
            else:
                context, offs = _left_context(text, pos, start)
                if not context:
                    ok = False
                    break
                whole = _comma_before(text, offs[0], start) is not None
                n = len(context) if whole else _walk_left(context, "", tok)
                parts = [context[len(context) - n:]]
                if whole and len(pieces := _LIST_JOIN_RE.split(parts[0])) == 2 and all(len(p) >= 2 for p in pieces):
                    parts = pieces  # A、B和C等企业
                if not all(_bare_name(p, typ) for p in parts):
                    ok = False
                    break
                at = len(context) - n
                for p in parts:
                    a = context.index(p, at)
                    items.append((offs[a], offs[a + len(p) - 1] + 1, p))
                    at = a + len(p)
                s = offs[len(context) - n]
            comma = _comma_before(text, s, start)
            if comma is None:
                break
            pos = comma
        if ok and items:
            out.extend(Mention(typ, _uncut(name, typ, doc_names), doc, a, b, {}) for a, b, name in items)
    return sorted({(m.start, m.end): m for m in out}.values(), key=lambda m: m.start)
