"""The vocabulary of organisation names: the suffixes that type them (学院 → School, 有限公司 →
Enterprise ...), the words that end or cannot make a name, and the jieba tokenizer that cuts them.

>>> classify_org("临江职业学院"), classify_org("北岭乳业集团"), classify_org("东川现代农业职教集团")
('School', 'Enterprise', 'Group')
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Iterable

# (suffix, type), matched longest first. Order matters only among equal lengths.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    # Groups: collaborative bodies (checked before 学院/集团/中心 of the other types)
    ("职业教育集团", "Group"), ("职教集团", "Group"), ("教育集团", "Group"),
    ("职业教育联盟", "Group"), ("职教联盟", "Group"), ("战略联盟", "Group"), ("联盟", "Group"),
    ("市域产教联合体", "Group"), ("产教联合体", "Group"), ("联合体", "Group"),
    ("行业产教融合共同体", "Group"), ("产教融合共同体", "Group"), ("共同体", "Group"),
    ("专业协作体", "Group"), ("协作体", "Group"), ("产业学院", "Group"), ("职业教育园区", "Group"),
    ("教育园区", "Group"), ("鲁班工坊", "Group"),
    # Schools
    ("高等专科学校", "School"), ("专科学校", "School"), ("技师学院", "School"), ("学院", "School"),
    ("学校", "School"), ("大学", "School"), ("职业教育中心", "School"), ("职业技术教育中心", "School"), ("职教中心", "School"),
    ("职业高中", "School"), ("中学", "School"), ("小学", "School"), ("幼儿园", "School"),
    ("中专", "School"), ("技工学校", "School"), ("职业大学", "School"), ("职业技术大学", "School"),
    # short forms of school names the language uses (某某职院, 某某技校, 某某航院); see _SHORT_HEADS
    ("职院", "School"), ("职专", "School"), ("技校", "School"), ("职中", "School"), ("职校", "School"),
    ("航院", "School"), ("医专", "School"), ("师专", "School"), ("职大", "School"), ("高专", "School"),
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
    # the usual forms and abbreviations of government bodies
    ("人力资源社会保障部", "Agency"), ("人力资源和社会保障部", "Agency"), ("人社部", "Agency"),
    ("人力社保局", "Agency"), ("人力社保厅", "Agency"), ("人社委", "Agency"),
    ("工业和信息化部", "Agency"), ("工信部", "Agency"), ("工业和信息化委员会", "Agency"), ("工信厅", "Agency"), ("工信委", "Agency"),
    ("经信局", "Agency"), ("经信委", "Agency"), ("经信厅", "Agency"), ("经济和信息化局", "Agency"),
    ("经济和信息化委员会", "Agency"), ("经济和信息化厅", "Agency"),
    ("发展和改革委员会", "Agency"), ("发展和改革局", "Agency"), ("发展改革局", "Agency"), ("发改局", "Agency"),
    ("教体局", "Agency"), ("教育体育局", "Agency"), ("教育和体育局", "Agency"), ("教育委员会", "Agency"),
    ("教育工委", "Agency"), ("党工委", "Agency"), ("市场监管局", "Agency"), ("科学技术局", "Agency"),
    ("科学技术部", "Agency"), ("财政部", "Agency"), ("商务部", "Agency"),
    ("农业农村部", "Agency"), ("交通运输部", "Agency"), ("国家发展改革委", "Agency"), ("国家发改委", "Agency"),
    ("国资委", "Agency"), ("民政局", "Agency"), ("民政厅", "Agency"), ("统计局", "Agency"),
    ("卫生健康委", "Agency"), ("卫健委", "Agency"), ("应急管理局", "Agency"), ("应急管理厅", "Agency"),
    ("住房和城乡建设局", "Agency"), ("住房和城乡建设厅", "Agency"), ("住建局", "Agency"), ("住建厅", "Agency"),
    ("生态环境局", "Agency"), ("生态环境厅", "Agency"), ("自然资源局", "Agency"), ("自然资源厅", "Agency"),
    ("文旅局", "Agency"), ("文旅厅", "Agency"), ("乡村振兴局", "Agency"), ("医疗保障局", "Agency"),
    ("退役军人事务局", "Agency"), ("管理局", "Agency"), ("政府", "Agency"),
    # the party committee, people's congress and consultative conference of a place (某市委, 某县人大常委会,
    # 某市政协) and a subdistrict's office (某区某某街道); a bare 市委 only before a list, a government or a title
    ("人大常委会", "Agency"), ("政协", "Agency"), ("省委", "Agency"), ("市委", "Agency"), ("县委", "Agency"),
    ("区委", "Agency"), ("州委", "Agency"), ("街道办事处", "Agency"), ("街道", "Agency"), ("党中央", "Agency"),
    ("行政公署", "Agency"), ("行署", "Agency"), ("联席会议", "Agency"),  # 某地行署; 某省职业教育联席会议
    # more departments of a place's government, as their names go
    ("文化广电和旅游局", "Agency"), ("文化广电和旅游厅", "Agency"), ("文化广电旅游局", "Agency"), ("文广旅局", "Agency"),
    ("体育局", "Agency"), ("公安局", "Agency"), ("公安厅", "Agency"), ("司法局", "Agency"), ("司法厅", "Agency"),
    ("水利局", "Agency"), ("水利厅", "Agency"), ("林业局", "Agency"), ("林业和草原局", "Agency"),
    ("城市管理局", "Agency"), ("投资促进局", "Agency"), ("大数据局", "Agency"), ("行政审批局", "Agency"),
    ("数据局", "Agency"), ("外事办", "Agency"), ("金融办", "Agency"), ("国资局", "Agency"), ("人防办", "Agency"),
    # a place's supply and marketing cooperative (某省供销合作联社, 某市供销合作社联合社): a body of the
    # government's, listed among its departments; a 农村信用(合作)联社 is a bank
    ("供销合作联社", "Agency"), ("供销合作社联合社", "Agency"), ("供销合作总社", "Agency"), ("供销联社", "Agency"),
    ("信用合作联社", "Enterprise"), ("信用联社", "Enterprise"),
    # Associations
    ("联合会", "Association"), ("协会", "Association"), ("学会", "Association"), ("商会", "Association"),
    ("行指委", "Association"), ("教指委", "Association"), ("教学指导委员会", "Association"),
    ("行业指导委员会", "Association"), ("促进会", "Association"), ("研究会", "Association"),
    ("基金会", "Association"), ("联合社", "Association"), ("工商联", "Association"),
    ("分会", "Association"), ("妇联", "Association"), ("科协", "Association"), ("残联", "Association"),
    ("侨联", "Association"), ("文联", "Association"),  # 某某学会某某分会: a branch of an association (see _BRANCH_OF_RE in find)
    # Institutes
    ("研究院", "Institute"), ("研究所", "Institute"), ("科研院所", "Institute"), ("农科院", "Institute"),
    ("科学院", "Institute"), ("院士工作站", "Institute"), ("设计院", "Institute"), ("科研院", "Institute"),
    ("研究中心", "Institute"), ("工作站", "Institute"), ("工程院", "Institute"), ("技术中心", "Institute"),
    ("实训中心", "Institute"),  # 某地公共实训中心: a public training service body (a school's own needs a name)
    ("医院", "Institute"), ("人民医院", "Institute"), ("中医院", "Institute"),  # a hospital: a service body
    ("疾病预防控制中心", "Institute"), ("疾控中心", "Institute"),
    # Enterprises
    ("股份有限公司", "Enterprise"), ("有限责任公司", "Enterprise"), ("有限公司", "Enterprise"),
    ("总公司", "Enterprise"), ("公司", "Enterprise"), ("集团", "Enterprise"), ("大酒店", "Enterprise"),
    ("分公司", "Enterprise"), ("子公司", "Enterprise"), ("股份公司", "Enterprise"), ("集团公司", "Enterprise"),
    ("合作社", "Enterprise"), ("电视台", "Enterprise"), ("广播电视台", "Enterprise"), ("出版社", "Enterprise"),
    ("酒店", "Enterprise"), ("银行", "Enterprise"), ("宾馆", "Enterprise"), ("分行", "Enterprise"), ("支行", "Enterprise"),
)
_SUFFIX_TYPE = dict(_SUFFIXES)
_BY_LENGTH = sorted(_SUFFIXES, key=lambda st: -len(st[0]))
_SUFFIX_RE = re.compile("|".join(sorted((re.escape(s) for s, _ in _SUFFIXES), key=len, reverse=True)))
_SUFFIX_AT_RE = re.compile(f"(?=({_SUFFIX_RE.pattern}))")
# Names that are complete on their own (the suffix is the whole name).
# Short names of development zones that jieba cuts into single characters (经/开/区), one of them a
# stop word (经): the walk joins them again, and a name may open with one (经开区 + 管委会).
_ZONE_WORDS = ("经开区", "综保区", "高新区", "自贸区", "保税区")
_STANDALONE = frozenset({"教育部", "国务院", "人力资源社会保障部", "人力资源和社会保障部", "人社部", "工业和信息化部",
                         "科学技术部", "财政部", "商务部", "农业农村部", "交通运输部", "国家发展改革委",
                         "国家发改委", "党中央", "工信部"})
# Short forms of school names (某某职院, 某某技校): never followed by what makes them a common noun
# (高职院校, 技校生, 中医专业, 民航院校).
_SHORT_HEADS = frozenset({"职院", "职专", "技校", "职中", "职校", "航院", "医专", "师专", "职大", "高专"})
_NOT_AFTER_SHORT_RE = re.compile(r"[校生业系毕级类专赛长]|教(?!师|职工)")  # 某某职院教师: its teachers

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
号 年 年度 月 日 名称 序号 名单 关于 转发 报 报送 上报 抄送 抄报 致 通知 意见 文件 印发 发布 左右 各市 各省 各地 各级 各区 各县
""".split())
# Modifiers that make a name generic when nothing else precedes the suffix (中等职业学校, 有关企业).
# Titles and roles of people: what follows a name (临江职业学院院长, 北岭公司总经理) and what
# precedes the person name between two bodies (院长张三、…). A name never holds one.
_ROLE_TOKENS = frozenset("""
校长 副校长 院长 副院长 书记 副书记 党委书记 党委副书记 主任 副主任 局长 副局长 厅长 副厅长 处长 副处长 科长 部长 副部长
司长 副司长 董事长 副董事长 董事 总经理 副总经理 经理 总裁 副总裁 理事长 副理事长 秘书长 副秘书长 会长 副会长
县长 副县长 市长 副市长 省长 副省长 区长 副区长 州长 副州长 主席 副主席 助理 校长助理 院长助理 总监 主管 厂长
教授 副教授 老师 同志 先生 女士 专家 代表 嘉宾 领导 负责人 一行 记者 通讯员
""".split())
# Words of a meeting report and of page furniture that end a name when walking left.
_REPORT_TOKENS = frozenset("""
出席 列席 会上 会后 会前 期间 主持 讲话 致辞 发言 宣读 见证 揭牌 参观 调研 考察 来到 走进 看望 率队 带队 介绍 表示
指出 强调 摄 供稿 信箱 邮箱 稿件 分享 官网 首页 要闻 直属 下属 所属 png jpg jpeg gif
地处 重视 高度重视 助推 倾注 对口 对口支援 支援 援藏 援疆 业经 已经 受邀 应邀 邀请 特邀 特约 暨
选举 推选 选出 审议 大会 会议 设在 设于 落户 挂靠 秘书处
举行 隆重举行 现场 大会现场 会场 仪式 近年来 近年 近期 近日 日前 今年 去年 上午 下午 当天 此次 本次 今后 随后
""".split())
_STOP_TOKENS = _STOP_TOKENS | _ROLE_TOKENS | _REPORT_TOKENS
_GENERIC_TOKENS = frozenset("""
中职 高职 中高职 中等 高等 职业 职业技术 技术 中等职业 高等职业 职教 职业教育 教育 师范 专业 普通 综合 特教 二级 分
示范 示范性 骨干 优质 重点 知名 龙头 规模 品牌 特色 高水平 一流 双高 兴辽 现代 新型 试点 培育 建设 发展 实体 实体化
国家 国家级 省级 自治区级 市级 区级 县级 省 市 区 县 区县 直辖市 计划单列市 全国 全省 全市 地方 区域 区域性 市域 境外 外国 国外 海外
行业 产业 产教 融合 产教融合 企业 院校 单位 联盟 成员 集团 学校 学院 合作 中外 中外合作 日方
国有 民营 公办 民办 校企 各 各级 本 该 我 我省 我市 本市 这些 某 有关 相关 上级 下属 直属 附属 所属
一批 两所 多所 部分 首个 未来 新时代 阶段 下一 合格 不合格 规范 调整 全日制 非全日制
""".split())

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_OPEN, _CLOSE = "（(", "）)"


@lru_cache(maxsize=1 << 18)
def classify_org(name: str) -> str | None:
    """The organisation type of a name by its suffix (None when it has no known suffix).

    A trailing bracket note is ignored: 智能建造产业学院(装配方向) is a Group.
    """
    name = _strip_trailing_note(name.strip())
    if not name:
        return None
    if name in _STANDALONE:
        return _SUFFIX_TYPE[name]
    if m := _UNIT_END_RE.search(name):
        if _AGENCY_IN_RE.search(name, 0, m.start()):
            return "Agency"
    # the longest suffix the name ends with (one dict look-up per suffix length, not a loop over
    # every suffix); a suffix that is the whole name does not count
    for n, by_tail in _BY_TAIL_LENGTH:
        if len(name) > n and (typ := by_tail.get(name[-n:])) is not None:
            if typ == "Enterprise" and n == 2 and name[-2:] == "集团" and _EDUCATION_RE.search(name):
                return "Group"
            return typ
    return None


_UNIT_END_RE = re.compile(r"(?:司|处|办公室|办公厅)$")
_AGENCY_IN_RE = re.compile("|".join(re.escape(s) for s, t in _SUFFIXES if t == "Agency"))
_EDUCATION_RE = re.compile(r"职业|职教|教育")
# (length, {suffix: type}) by decreasing length: the first suffix of _SUFFIXES of each tail wins
_BY_TAIL_LENGTH: tuple[tuple[int, dict[str, str]], ...] = tuple(
    (n, {s: t for s, t in reversed(_SUFFIXES) if len(s) == n})
    for n in sorted({len(s) for s, _ in _SUFFIXES}, reverse=True))


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
    global _base_tokenizer
    if not names and _base_tokenizer is not None:
        return _base_tokenizer  # asked for on every name read: no lock, no import
    # a frozen set is the key as it is (the same set per sentence of a document: not copied each time)
    key = names if isinstance(names, frozenset) and "" not in names else frozenset(n for n in names if n)
    if key and (tok := _tokenizers.get(key)) is not None:
        return tok
    import jieba

    with _tok_lock:
        if _base_tokenizer is None:
            # jieba's default tokenizer, read-only here (user words go to copies below); sharing it
            # with jieba.posseg saves loading the dictionary twice.
            # ingest.segmenter fills it from a compact cache (0.3 s, against jieba's own 0.9 s).
            from ingest.segmenter import default

            _base_tokenizer = default()
            jieba.setLogLevel(60)
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
# Memoised segmentation. Names are read many times over (a document's names by the whole-page pass
# and again sentence by sentence; the same left context by every suffix ending near it), and jieba's
# cost on a few characters is mostly its per-call overhead. A tokenizer here never changes once
# built, so what it cuts can be kept on it: the memo goes with the tokenizer, and is bounded.

_MEMO_SIZE = 1 << 18  # a few hundred thousand short strings: tens of MB at most


def memo_on(tok, name: str) -> dict:
    """A memo dict kept on the tokenizer ``tok`` under ``name`` (emptied when it grows past a bound)."""
    memo = tok.__dict__.get(name)
    if memo is None or len(memo) >= _MEMO_SIZE:
        memo = tok.__dict__[name] = {}
    return memo


def segment(tok, text: str) -> tuple[str, ...]:
    """``tuple(tok.cut(text, HMM=False))``, memoised on the tokenizer."""
    memo = memo_on(tok, "_vocgraph_cuts")
    got = memo.get(text)
    if got is None:
        got = memo[text] = tuple(tok.cut(text, HMM=False))
    return got


@lru_cache(maxsize=_MEMO_SIZE)
def pos_cut(text: str, hmm: bool = False) -> tuple:
    """``jieba.posseg.lcut(text, HMM=hmm)`` as a tuple (word, flag pairs), memoised: jieba.posseg
    reads the default dictionary, which nothing changes."""
    import jieba.posseg

    return tuple(jieba.posseg.lcut(text, HMM=hmm))


def per_set(fn):
    """Memoise ``fn(names)`` by the identity of the set ``names``, for the last few sets: an
    lru_cache compares two equal sets element by element on every look-up (the page's names and
    the short forms' copy of them are equal, not the same object), which grew with the document."""
    recent: dict[int, tuple[object, object]] = {}
    lock = threading.Lock()

    def wrapper(names):
        hit = recent.get(id(names))
        if hit is not None and hit[0] is names:
            return hit[1]
        value = fn(names)
        with lock:
            while len(recent) >= 4:
                recent.pop(next(iter(recent)))
            recent[id(names)] = (names, value)  # holding ``names`` keeps its id from being reused
        return value

    wrapper.__doc__, wrapper.__name__, wrapper.__wrapped__ = fn.__doc__, fn.__name__, fn
    return wrapper
