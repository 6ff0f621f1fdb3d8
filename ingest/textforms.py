"""Text forms: the analysis text extractors read, of the same length as the original text.

A document keeps its original text for storage and quotes (``Document.original``); extractors read
``analysis_text(original)``, which has exactly the same length, so every offset found in it is
the same offset in the original. Nothing is inserted or deleted: characters are converted one for
one, and noise is *blanked* (replaced by spaces; line breaks and tabs are kept, so lines and table
cells stay where they were). A blanked line ends in a space before its line break, which the name
boundary walk (``ingest.orgnames.boundary``) reads as a hard boundary, so a name never runs across
a removed line; spaces blanked inside a line are hopped over, so a name split by inline noise
(``聯(lián)盟``) is read whole.

The rules, in the order they run, and why:

1. **Invisible and exotic characters.** Full-width spaces (U+3000), no-break and other Unicode
   spaces become a plain space; zero-width characters, soft hyphens, C0/C1 control characters
   (other than tab and line break), the replacement character U+FFFD and private-use characters
   become a space; U+2028/U+2029 become a line break. Pages copied from the web carry them
   inside names and between words; none of them is ever part of a name.
2. **Traditional → Simplified.** OpenCC ``t2s`` over the whole text; where its output would not
   have the same length, line by line, and where a line still differs, character by character
   (a character whose conversion is not one character is kept). The extractors' vocabulary
   (学院, 联盟, 牵头, 理事单位 …) is Simplified. Conversion is gated so that Simplified pages are
   left alone: t2s also rewrites characters that are correct in Simplified text (乾 in 乾安县,
   於 in 於潜): a document is converted whole when at least 5% of its Chinese characters change,
   of at least three different characters (two for a short text): a Traditional page; otherwise
   only the lines where 10% of the Chinese characters change, again of several different
   characters (a Traditional quotation in a Simplified page).
3. **Noise lines** (the whole line is blanked):
   - page furniture: a line that starts with a field label of the page template (来源, 发布时间,
     发布日期, 更新时间, 浏览次数, 点击数, 访问量, 作者, 编辑, 责任编辑, 审核, 字号 …) followed by a colon,
     a space or the line end, or a short line with two such labels (时间: … 来源: …);
   - widget lines: lines made only of template widgets (字号 大 中 小, 打印本页, 关闭窗口, 分享到,
     收藏, 返回顶部, 设为首页, 加入收藏, 英文版 …) and separators;
   - navigation: 上一篇/下一篇 lines, breadcrumbs (您的位置: …, 首页 > 新闻中心 > …, any short line
     of ``>``-separated segments without sentence punctuation), short link titles cut with
     ``...``/``…``, short lines with ``@`` (app and account names);
   - keyword and tag tails (相关热词搜索, 关键词, 标签, 延伸阅读, 相关阅读 …), footers (版权所有,
     Copyright, ©, ICP备案号);
   - image lines: a line that is only an image file name (``xxx.jpg``, ``IMG_1234.png``) or only
     image markup, and photo captions: ``图片``/``资料图``/``【资料图】``-only lines, lines starting
     图片来源/图为/摄影, short lines ending in `` 摄`` / 摄影 / 供图 (a photographer's credit);
   - spam lines: lines with gambling-site vocabulary (博彩, 娱乐城, 百家乐, 投注 …) that mirror sites
     inject;
   - lines of symbols only (``|``, ``.``, ``*``).
4. **Noise spans** (only the span is blanked):
   - markdown images ``![…](…)``, link targets ``](…)``, inline ASCII image file names;
   - URLs, ``www.`` addresses, bare domain names (``XX.COM`` put by a mirror site in place of a
     name), e-mail addresses;
   - HTML tags (also escaped as a script string writes them: ``<\\/p>``) and entities, JSON remnants (``text":"``, ``","``, ``"}``) and backslash escapes
     (``\\n``, ``\\u6e56``) left by pages scraped from scripts;
   - bylines in brackets: ``(记者 … 通讯员 …)``, ``(文/… 图/…)``, ``(本网讯 …)``, ``(…供稿)``, ``(完)``;
   - spam tokens: a run of digits glued to a site word (``…7799908网站``, ``188体育365官网``) with
     the Chinese characters before it back to a function word (在, 由, 与 …) when they are six at
     most (a mirror site's brand put in place of a body's name);
   - sentences with Japanese kana in a Chinese page (injected unrelated text), and their whole line
     when it also carries a random key of letters and digits (``euJ3xY-yAzoyB3a6QWq-``);
   - injected line prefixes: a short token that starts two or more lines right before a heading
     number (``XX一、``, ``XX(二)``) is spam glued to the lines; every occurrence is blanked;
   - inline pinyin: ``(lián)`` right after a Chinese character, when the letters carry a tone
     mark (or the page has such notes and the letters form a toneless syllable): the mojibake
     pairs of some mirror sites, which otherwise cut every name they fall in.

>>> t = "國家發展改革委辦公廳關于印發試點城(chéng)市名單的通知"
>>> a = analysis_text(t)
>>> len(a) == len(t), a.replace(" ", "")
(True, '国家发展改革委办公厅关于印发试点城市名单的通知')
>>> analysis_text("发布时间:2021-12-01 来源: 日报\\n正文") == " " * 22 + "\\n正文"
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

# ---- 1. characters ----------------------------------------------------------------------
_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e" \
             "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\ufffc\ufffd"
_CHAR_MAP = {ord(c): " " for c in _SPACE_CHARS + _INVISIBLE}
_CHAR_MAP.update({c: " " for c in range(0x20) if chr(c) not in "\t\n\r"})
_CHAR_MAP.update({c: " " for c in range(0x7f, 0xa0)})
_CHAR_MAP.update({0x2028: "\n", 0x2029: "\n"})
_PRIVATE_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def _characters(text: str) -> str:
    out = text.translate(_CHAR_MAP)
    if _PRIVATE_RE.search(out):
        out = _PRIVATE_RE.sub(" ", out)
    return out


# ---- 2. Traditional → Simplified ---------------------------------------------------------
@lru_cache(maxsize=1)
def _converter() -> Callable[[str], str] | None:
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a core dependency
        return None
    return opencc.OpenCC("t2s").convert


def _convert_same_length(text: str, convert: Callable[[str], str]) -> str:
    """t2s of ``text`` with exactly its length: whole, else per line, else per character."""
    out = convert(text)
    if len(out) == len(text):
        return out
    parts = []
    for line in text.splitlines(keepends=True):
        c = convert(line)
        if len(c) != len(line):
            chars = []
            for ch in line:
                cc = convert(ch)
                chars.append(cc if len(cc) == 1 else ch)
            c = "".join(chars)
        parts.append(c)
    return "".join(parts)


DOC_TRADITIONAL = 0.05   # share of Chinese characters changed that makes a page Traditional
LINE_TRADITIONAL = 0.10  # ... that makes one line of a Simplified page Traditional


def to_simplified(text: str) -> str:
    """Traditional → Simplified, one character for one, gated (rule 2 of the module docstring)."""
    convert = _converter()
    if convert is None or not _CJK_RE.search(text):
        return text
    conv = _convert_same_length(text, convert)
    if conv == text:
        return text
    diff = [a for a, b in zip(text, conv) if a != b]
    if _traditional(diff, len(_CJK_RE.findall(text)), DOC_TRADITIONAL):
        return conv
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line)
        c = conv[pos:end]
        if c != line and _traditional([a for a, b in zip(line, c) if a != b], len(_CJK_RE.findall(line)),
                                      LINE_TRADITIONAL):
            line = c
        out.append(line)
        pos = end
    return "".join(out)


def _traditional(diff: list[str], cjk: int, share: float) -> bool:
    """Enough changed characters, and of enough kinds: a Simplified page that names 乾安县 five
    times changes one character five times; a Traditional one changes dozens of characters."""
    return len(diff) >= share * cjk and len(set(diff)) >= min(3, max(2, len(diff)))


@lru_cache(maxsize=65536)
def is_traditional(name: str) -> bool:
    """True when ``name`` has characters the Traditional → Simplified conversion changes."""
    return to_simplified(name) != name


# ---- 3. noise lines ------------------------------------------------------------------------
_SEP = r"[ \t:：\]】|｜丨/]"
# Labels of page templates; a line starting with one (then a colon, space or the line end) is furniture.
_STRONG_LABELS = (
    "来源", "稿件来源", "文章来源", "信息来源", "新闻来源", "消息来源", "发布时间", "发布日期", "发表时间",
    "更新时间", "更新日期", "上传时间", "录入时间", "发布人", "发布者", "发稿人", "发稿时间", "浏览次数", "阅读次数",
    "点击数", "点击次数", "点击量", "访问量", "访问次数", "浏览量", "阅读量", "作者", "文章作者", "撰稿", "撰稿人",
    "编辑", "责任编辑", "责编", "编审", "审核", "审稿", "编发", "供稿", "字号", "字体", "标签", "关键词", "关键字",
    "相关热词搜索", "相关热词", "热词", "热门标签", "延伸阅读", "相关阅读", "相关新闻", "相关文章", "相关链接",
    "关联稿件", "推荐阅读", "分享到", "打印本页", "关闭窗口", "收藏本页", "上一篇", "下一篇", "上一条", "下一条",
    "上一页", "下一页", "上篇", "下篇", "附件下载", "扫一扫", "版权所有", "主办单位", "技术支持",
)
_WEAK_LABELS = ("时间", "日期", "发布", "浏览", "阅读", "点击", "摄影", "图片", "文字", "通讯员", "记者", "校对", "终审")
_LABEL_ALT = "|".join(sorted(_STRONG_LABELS, key=len, reverse=True))
_FURNITURE_START_RE = re.compile(rf"^[【\[(（]?(?:{_LABEL_ALT})(?:{_SEP}|$)")
# A short line whose label has a character or two of injected noise before its colon (来源XX:日报).
_FURNITURE_NOISY_RE = re.compile(rf"^(?:{_LABEL_ALT})[\u4e00-\u9fff]{{1,2}}[:：]")
_ANY_LABEL_RE = re.compile(rf"(?:{'|'.join(sorted(_STRONG_LABELS + _WEAK_LABELS, key=len, reverse=True))})\s*[:：]")
# Template widgets: a line made only of these (and separators) is furniture.
_WIDGETS = (
    "字号", "字体", "大", "中", "小", "默认", "打印本页", "打印此页", "打印", "关闭窗口", "关闭本页", "关闭", "分享到",
    "分享", "收藏本页", "收藏", "加入收藏", "设为首页", "返回顶部", "返回列表", "返回首页", "返回", "网站首页", "首页",
    "英文版", "English", "无障碍", "网站地图", "联系我们", "微信公众号", "微信", "微博", "手机版", "移动版", "政务邮箱",
    "媒体矩阵", "搜索", "search", "登录", "注册", "繁体", "简体", "繁體", "繁体版", "简体版", "RSS", "WAP", "手机WAP",
    "Top", "TOP", "更多", "more", "MORE", "点赞", "评论", "纠错", "扫一扫", "二维码", "在手机上阅读",
)
_WIDGET_RE = re.compile(rf"(?:[\s【】\[\]()（）|｜丨/:：>＞»·•、,，。.]*(?:{'|'.join(sorted(map(re.escape, _WIDGETS), key=len, reverse=True))}))+"
                        r"[\s【】\[\]()（）|｜丨/:：>＞»·•、,，。.]*")
_POSITION_RE = re.compile(r"^(?:您的位置|你的位置|您现在的位置|你现在的位置|您当前的位置|您当前位置|当前位置|所在位置|现在位置|位置"
                          r"|Position|You are here|Location|Current location)\s*[:：]", re.I)
_CRUMB_SPLIT_RE = re.compile(r"\s*(?:>>|[>＞»›→]|&gt;)\s*")
_SENTENCE_PUNCT_RE = re.compile(r"[。，,；;！!？?]")
_FOOTER_RE = re.compile(r"^(?:版权所有|Copyright|©|\(c\)\s|（c）|Copyrights)|ICP备|ICP证|公网安备", re.I)
_IMAGE_EXT = r"(?:jpe?g|png|gif|bmp|webp|tiff?|svg|heic)"
_IMAGE_LINE_RE = re.compile(rf"^[^\s。，,；;]{{1,80}}\.{_IMAGE_EXT}$", re.I)
_IMAGE_MARKUP_LINE_RE = re.compile(r"^(?:!\[[^\]\n]*\]\([^)\n]*\)\s*)+$|^\[(?:图片|image|img)[^\]\n]{0,40}\]$", re.I)
_CAPTION_ONLY_RE = re.compile(r"^[【\[(（]?(?:资料图片?|图片|配图|组图|题图|照片|视频|图)[】\])）]?$")
_CAPTION_START_RE = re.compile(r"^[【\[(（]?(?:图片来源|图片由|图片提供|图片说明|图源|图为|摄影|供图|图/|图／|图:|图：)")
_CREDIT_END_RE = re.compile(r"(?:\s摄|摄影|供图)[)）】]?$")
_SPAM_WORDS_RE = re.compile(r"博彩|赌场|赌博|百家乐|老虎机|娱乐城|六合彩|时时彩|棋牌游戏|体育投注|投注|下注|真人娱乐|电子游艺|"
                            r"彩票网|娱乐官网|娱乐平台|官方网站入口|app下载|APP下载|注册送")
_SYMBOLS_ONLY_RE = re.compile(r"^[\s|｜丨.。·•*#=_\-—–~+<>《》【】\[\]()（）/\\,，、:：;；'\"“”‘’!！?？…]+$")
_TRUNCATED_RE = re.compile(r"(?:\.{3,}|…+)$")


def _is_noise_line(t: str) -> bool:
    """``t``: one line of the converted text, stripped."""
    if not t:
        return False
    n = len(t)
    if _SYMBOLS_ONLY_RE.match(t) and t.count("|") < 2:  # not a markdown table rule (|---|---|)
        return True
    if _FURNITURE_START_RE.match(t):
        head = t.lstrip("【[(（")
        long_ok = head.startswith(("相关热词", "热词", "热门标签", "标签", "关键词", "关键字", "延伸阅读", "相关阅读",
                                   "相关新闻", "相关文章", "相关链接", "推荐阅读", "版权所有"))
        if long_ok or n <= 120:
            return True
    if n <= 30 and _FURNITURE_NOISY_RE.match(t):
        return True
    if n <= 160 and "。" not in t and len(set(_ANY_LABEL_RE.findall(t))) >= 2:
        return True
    if n <= 160 and _WIDGET_RE.fullmatch(t):
        return True
    if n <= 200 and _POSITION_RE.match(t):
        return True
    if n <= 160 and not _SENTENCE_PUNCT_RE.search(t):
        segs = _CRUMB_SPLIT_RE.split(t)
        if len(segs) >= 3 and all(0 < len(s) <= 20 for s in segs):
            return True
        if len(segs) == 2 and all(0 < len(s) <= 20 for s in segs) and re.search(r"(?:网|首页|主页|Home)$", segs[0], re.I):
            return True
    if n <= 200 and _FOOTER_RE.search(t):
        return True
    if _IMAGE_LINE_RE.match(t) or _IMAGE_MARKUP_LINE_RE.match(t):
        return True
    if _CAPTION_ONLY_RE.match(t) or (n <= 60 and _CAPTION_START_RE.match(t)):
        return True
    if n <= 50 and "。" not in t and _CREDIT_END_RE.search(t):
        return True
    if n <= 40 and "。" not in t and _TRUNCATED_RE.search(t) and _CJK_RE.search(t):
        return True
    if n <= 15 and "@" in t and "." not in t:
        return True
    if _SPAM_WORDS_RE.search(t) and n <= 80:
        return True
    return False


# ---- 4. noise spans ------------------------------------------------------------------------
_SPAN_RES = [
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),                         # markdown image
    re.compile(r"\]\((?:https?:|www\.|/|\.)[^)\n]*\)"),              # markdown link target
    re.compile(rf"(?<![A-Za-z0-9_.\-/])[A-Za-z0-9_\-]{{1,60}}\.{_IMAGE_EXT}(?![A-Za-z0-9])", re.I),
    re.compile(r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+", re.I),
    re.compile(r"(?<![A-Za-z0-9])www\.[A-Za-z0-9\-._~/?#=&%]+", re.I),
    re.compile(r"(?<![A-Za-z0-9._\-@/])[A-Za-z0-9][A-Za-z0-9_\-.]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"),  # e-mail
    re.compile(r"(?<![A-Za-z0-9._\-@/])[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*"
               r"\.(?:com|net|org|cn|cc|vip|top|xyz|info|biz|tv|hk|tw)(?![A-Za-z0-9])", re.I),
    # HTML tag, also as a script string escapes it (<\/p>, attributes in \"…\")
    re.compile(r"<\\?/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]{0,300})?\\?/?>"),
    re.compile(r"&(?:nbsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|emsp|ensp|"
               r"#\d{1,7}|#x[0-9a-fA-F]{1,6});"),                    # HTML entity
    # bylines: (记者 … 通讯员 …), (文/… 图/…), (本网讯 …), (…供稿), (完)
    re.compile(r"[(（](?![^()（）\n]*(?:简称|下称|以下))(?:[^()（）\n]{0,80}?(?:记者|通讯员|文/|文／|图/|图／|文\s*[|｜]|摄影|撰稿|供稿|审核|责任编辑|编辑|"
               r"本网讯|本报讯|本台讯|讯\s)[^()（）\n]{0,80}|完|全文完)[)）]"),
]
# JSON remnants, only in a page that has at least one ``key":"`` (a scraped script).
_JSON_SIGN_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\":\s*[\"\[{]")
_JSON_RES = [
    re.compile(r"\\u[0-9a-fA-F]{4}|\\[nrt\"/\\]"),                   # backslash escapes
    re.compile(r"[{,\[]?\s*\"?[A-Za-z_][A-Za-z0-9_]*\"\s*:\s*[\[{]?\s*\"?"),  # key: text":"
    re.compile(r"\"\s*,\s*\"(?=[A-Za-z_][A-Za-z0-9_]*\"\s*:)"),  # value end before a key: ","
    re.compile(r"\"\s*[}\]][\s,}\]{\[]*\"?"),                      # value end: "}  "}]
]
_SPAM_TOKEN_RE = re.compile(r"\d{3,}(?:(?:体育|娱乐|彩票|棋牌|真人|电竞)\d*)?"
                            r"(?:网站|官网|网址|娱乐城|娱乐|官方网站|app|APP|\.com|\.COM)")
_SPAM_LEAD = "在由与和及为是的于从向对把被将经"
_KANA_RE = re.compile(r"[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fd\u30fe\u31f0-\u31ff\uff66-\uff9d]")
_SENTENCE_RE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_HEADING_KINDS = (r"[一二三四五六七八九十]+[、.．]", r"[（(][一二三四五六七八九十]+[)）]", r"[（(]\d+[)）]",
                  r"第[一二三四五六七八九十百\d]+[章节条部分]", r"\d{1,2}[、.．](?!\d)")
_PREFIX_RE = re.compile(rf"^[ \t]*([\u4e00-\u9fffA-Za-z]{{2,6}}?)(?:{'|'.join(f'({k})' for k in _HEADING_KINDS)})", re.M)
_LEGIT_PREFIXES = frozenset({"附件", "附", "附表", "附录", "其中", "共", "第", "表", "图", "注", "说明", "备注", "和", "及"})
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_RE = re.compile(rf"(?<=[\u4e00-\u9fff])[(（]([a-zü{_TONE}]{{1,7}})[)）]")
_SYLLABLE_RE = re.compile(r"^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:[aeiouü]|[aeiouü][aeiouünrg]{1,3})$")


_TOKEN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{11,}")


def _random_token(t: str) -> bool:
    """A run of 12+ letters and digits mixing upper case, lower case and digits (or broken by
    hyphens into pieces of that mix): a mirror site's random key, no word of any language."""
    return bool(re.search(r"[a-z]", t) and re.search(r"[A-Z]", t) and re.search(r"\d", t)
                and re.search(r"[a-z][A-Z]|[A-Z]{2}[a-z]|\d[A-Za-z]\d", t))


def _spans(s: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for rx in _SPAN_RES:
        out.extend(m.span() for m in rx.finditer(s))
    if _JSON_SIGN_RE.search(s):
        for rx in _JSON_RES:
            out.extend(m.span() for m in rx.finditer(s))
    for m in _SPAM_TOKEN_RE.finditer(s):
        a, b = m.span()
        if a and s[a - 1].isdigit():
            continue
        # The brand before the digits: back to a function word, punctuation or the line start.
        k = a
        while k > 0 and a - k < 7 and _CJK_RE.match(s[k - 1]) and s[k - 1] not in _SPAM_LEAD:
            k -= 1
        out.append((k if a - k <= 6 else a, b))
    # Japanese sentences in a Chinese page.
    if _KANA_RE.search(s):
        kana = len(_KANA_RE.findall(s))
        if len(_CJK_RE.findall(s)) >= 50 and kana * 3 < len(_CJK_RE.findall(s)):
            for m in _SENTENCE_RE.finditer(s):
                if len(_KANA_RE.findall(m.group())) >= 2:
                    out.append(m.span())
                    # …and the whole line when it also carries a mirror's random token
                    # (euJ3xY-yAzoyB3a6QWq-): the quotes glued to it are injected too
                    a = s.rfind("\n", 0, m.start()) + 1
                    b = s.find("\n", m.end())
                    b = len(s) if b < 0 else b
                    if any(_random_token(t.group()) for t in _TOKEN_RE.finditer(s, a, b)):
                        out.append((a, b))
    # Spam glued to the start of lines before heading numbers of two or more kinds (XX一、 … XX(二)).
    kinds: dict[str, set[int]] = {}
    for m in _PREFIX_RE.finditer(s):
        tok = m.group(1)
        if tok not in _LEGIT_PREFIXES:
            kinds.setdefault(tok, set()).add(next(i for i in range(2, m.re.groups + 1) if m.group(i)))
    for tok, ks in kinds.items():
        if len(ks) >= 2:
            out.extend(m.span() for m in re.finditer(re.escape(tok), s))
    # Inline pinyin after characters.
    hits = list(_PINYIN_RE.finditer(s))
    if hits:
        toned = sum(1 for m in hits if any(c in _TONE for c in m.group(1)))
        for m in hits:
            syl = m.group(1)
            if any(c in _TONE for c in syl) or (toned >= 2 and _SYLLABLE_RE.match(syl)):
                out.append(m.span())
    return out


def _blank(chars: list[str], a: int, b: int) -> None:
    for i in range(a, b):
        if chars[i] not in "\n\t":
            chars[i] = " "


def analysis_text(original: str) -> str:
    """The text extractors read: ``original`` converted and cleaned, of the same length
    (every rule is listed in the module docstring)."""
    if not original:
        return original
    s = to_simplified(_characters(original))
    chars = list(s)
    pos = 0
    for line in s.split("\n"):
        if _is_noise_line(line.strip()):
            _blank(chars, pos, pos + len(line))
        pos += len(line) + 1
    for a, b in _spans(s):
        _blank(chars, a, b)
    out = "".join(chars)
    assert len(out) == len(original)
    return out


SURFACE = "_surface"  # Mention property: the original (Traditional) form of its name, kept as an alias


def original_surface(original: str, analysis: str, start: int, end: int, name: str | None = None) -> str | None:
    """The original form of ``name`` read at [start, end) of the analysis text, when it differs
    from it only by converted (Traditional) characters; None when identical, when noise inside the
    span was blanked, or when ``name`` is not in the span (whitespace is ignored)."""
    if not (0 <= start < end <= len(original)) or len(original) != len(analysis):
        return None
    keep = [i for i in range(start, end) if not original[i].isspace()]
    o = "".join(original[i] for i in keep)
    a = "".join(analysis[i] for i in keep)
    if name is not None:
        name = re.sub(r"\s+", "", name)
        at = a.find(name)
        if at < 0:
            return None
        o, a = o[at:at + len(name)], a[at:at + len(name)]
    if o == a:
        return None
    for x, y in zip(o, a):
        if x != y and (y.isspace() or not _CJK_RE.match(x)):
            return None
    return o
