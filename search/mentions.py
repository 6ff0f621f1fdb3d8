"""Names as questions write them: Traditional characters, short forms, typos and noisy names.

Users write 東川職教聯盟 for 东川职业教育联盟, 星河能源 for 宁远星河能源集团股份有限公司, 东川职院 for
东川职业技术学院, and pages leave nodes named "png东川产教联合体". Questions are read in Simplified
Chinese, nodes are looked up by the Simplified form of their names and aliases, and a mention no
name matches exactly is read as the node it abbreviates or nearly spells:

>>> # loose_matches(view, "星河能源")
>>> # [Reading(ids=['Enterprise-…'], name='宁远星河能源集团股份有限公司', how='short form', score=0.92)]

How a mention may abbreviate a name (``abbreviation_score``):

- the name without its leading place and legal form (宁远 … 集团股份有限公司) is the mention;
- the mention starts the name or starts it after a leading place (星河能源 of 宁远星河能源…,
  星河集团 of 星河集团有限公司): four characters at least;
- the mention's characters come in order in the name, from its first character (or the first
  after a leading place) to one of its last three (东川职院 of 东川职业技术学院, 东川农机技校 of
  东川市农业机械技工学校): three characters at least, and a third of the name;
- the name ends with the mention after a short prefix of noise (png东川产教联合体);
- or the two nearly agree letter by letter (rapidfuzz ratio ≥ 88: an OCR typo, a dropped 市;
  or, in a name of five characters or more, one character typed wrong that is no numeral).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from search.graphview import GraphView, keyed, match_key

MIN_RATIO = 88  # rapidfuzz ratio (0-100) for a near spelling
MIN_SCORE = 0.8  # weakest reading shown as "read X as Y"
MAX_READINGS = 3  # a short form fitting more bodies than this names none of them
# One character typed wrong (东川职教联萌 for 东川职教联盟) in a name this long is a typo, although
# the ratio of a short key falls below MIN_RATIO (6 of 7 characters: 86).
MIN_TYPO_CHARS = 5
# ... unless the character is a number or an ordinal: 第一中学 and 第二中学 are two schools.
_NUMERAL = re.compile(r"[0-9０-９一二三四五六七八九十百零〇两甲乙丙丁]")


def _t2s():
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a dependency
        return None
    return opencc.OpenCC("t2s").convert


_CONVERT = _t2s()


def simplified(text: str) -> str:
    """Traditional → Simplified, character for character (positions stay where they were)."""
    if _CONVERT is None or not text:
        return text
    out = _CONVERT(text)
    if len(out) == len(text):
        return out
    return "".join(c if len(c) == 1 else ch for ch, c in ((ch, _CONVERT(ch)) for ch in text))


@dataclass
class NameIndex:
    """Simplified match keys of every node's names and aliases → node ids."""

    by_key: dict[str, set[str]] = field(default_factory=dict)
    max_key: int = 0
    # For loose matching: (key, core start positions, node ids) of names of 3+ characters.
    loose: list[tuple[str, tuple[int, ...], frozenset[str]]] = field(default_factory=list)
    loose_keys: list[str] = field(default_factory=list)
    places: dict[str, frozenset[str]] = field(default_factory=dict)  # place keys by first character


_INDEXES: "weakref.WeakKeyDictionary[GraphView, NameIndex]" = weakref.WeakKeyDictionary()


def name_index(view: GraphView) -> NameIndex:
    """The view's names in Simplified form (built once per view)."""
    idx = _INDEXES.get(view)
    if idx is not None:
        return idx
    idx = NameIndex()
    for key, ids in view.by_key.items():
        for k in {key, simplified(key)}:
            idx.by_key.setdefault(k, set()).update(ids)
    idx.max_key = max((len(k) for k in idx.by_key), default=0)
    places = idx.places = _place_keys(view)
    idx.loose = [(k, _anchors(k, places), frozenset(ids)) for k, ids in idx.by_key.items() if len(k) >= 3]
    idx.loose_keys = [k for k, _, _ in idx.loose]
    _INDEXES[view] = idx
    return idx


def _place_keys(view: GraphView) -> dict[str, frozenset[str]]:
    """Chinese place keys of 2-8 characters by their first character (thousands of names)."""
    names = {match_key(s) for s in view.region_names if re.search(r"[\u4e00-\u9fff]", s)}
    by_first: dict[str, set[str]] = {}
    for n in names:
        if len(n) >= 2:
            by_first.setdefault(n[0], set()).add(n)
    return {c: frozenset(v) for c, v in by_first.items()}


_PLACE_SUFFIX = re.compile(r"(壮族自治区|回族自治区|维吾尔自治区|自治区|自治州|省|市|州|县|区|盟)")


def _anchors(key: str, places: dict[str, frozenset[str]]) -> tuple[int, ...]:
    """Where the name may start once leading places are dropped (宁远市星河… → 0 and 4);
    ``places`` are the place keys by first character."""
    out = [0]
    pos = 0
    while True:
        here = places.get(key[pos:pos + 1])
        if not here:
            break
        length = next((n for n in range(min(8, len(key) - pos), 1, -1) if key[pos:pos + n] in here), 0)
        if not length:
            break
        pos += length
        m = _PLACE_SUFFIX.match(key, pos)
        if m:
            pos = m.end()
        if pos >= len(key) - 1:
            break
        out.append(pos)
    return tuple(out)


_LEGAL_FORM = re.compile(r"(集团)?(股份有限公司|有限责任公司|有限公司|股份公司|总公司|公司)$|集团$")


# What an abbreviation leaves out is never a district or county: 东川市域产教联合体 does not
# abbreviate 东川高新区市域产教联合体, a sibling body.
_KEPT_QUALIFIER = re.compile(r"[区县]")


def _subsequence_end(mention: str, key: str, start: int) -> int | None:
    """End (exclusive) of the shortest run of ``key`` from ``start`` holding ``mention`` in order,
    None when there is none or a part left out names a district or county."""
    pos = start
    for ch in mention:
        nxt = key.find(ch, pos)
        if nxt < 0 or _KEPT_QUALIFIER.search(key, pos, nxt):
            return None
        pos = nxt + 1
    return pos


# The kind word a mention ends with must end the name too: 东川产教联合体 is not 东川产教联合体章程.
_KIND_WORD = re.compile(r"(学校|学院|大学|集团|联盟|联合体|共同体|协作体|产业学院|中心|研究院|协会|学会|委员会|"
                        r"管委会|政府|教育厅|教育局|公司)$")
_DOCUMENT_WORD = re.compile(r"(通知|意见|决定|方案|办法|规划|纲要|批复|细则|计划|规定|条例|指南)$")
_LEGAL_TAIL = re.compile(r"(股份有限公司|有限责任公司|有限公司|股份公司|总公司)$")


def same_kind(mention: str, key: str) -> bool:
    """Does the name end with the kind word the mention ends with (if any)?"""
    kind = _KIND_WORD.search(mention)
    return not kind or key.endswith(kind.group(1)) or _LEGAL_TAIL.sub("", key).endswith(kind.group(1))


def abbreviation_score(mention: str, key: str, anchors: tuple[int, ...] = (0,)) -> float:
    """How well ``mention`` (a match key) abbreviates the name ``key``: 0 when it does not."""
    if mention == key or len(mention) < 3:
        return 0.0
    if not same_kind(mention, key):
        return 0.0
    best = 0.0
    for a in anchors:
        core = _LEGAL_FORM.sub("", key[a:])
        if len(core) >= 2 and mention == core:
            best = max(best, 0.95)
        elif len(mention) >= 4 and key.startswith(mention, a) and not _PLACE_SUFFIX.match(key, a + len(mention)):
            best = max(best, 0.9)  # (东川 of 东川市教育局 is a place, not a short form)
        elif key[a:a + 1] == mention[:1]:
            end = _subsequence_end(mention, key, a)
            if end is not None and end >= len(key) - 3 and len(mention) * 3 >= len(key) - a:
                best = max(best, 0.8 + 0.1 * len(mention) / (len(key) - a))
    # Noise before a name: png东川产教联合体, 要闻东川产教联合体; a policy title without the
    # issuers that open it (关于…的通知 of 东川市教育局关于…的通知).
    # A long title ending with its kind of document names the policy whatever opens it (a number,
    # several issuers).
    if len(mention) >= 5 and key.endswith(mention) and (len(key) - len(mention) <= 6 or mention.startswith("关于")
                                                         or (len(mention) >= 8 and _DOCUMENT_WORD.search(mention))):
        best = max(best, 0.9)
    return best


def one_typo(mention: str, key: str, places: dict[str, frozenset[str]] | None = None) -> bool:
    """Do two keys of the same length differ in one character, neither a numeral? With the
    view's ``places``, a character that differs inside what names the body (the name without
    its leading places and kind word: 航空 of 航空职教集团) needs five such characters: 航天 is
    not a typo of 航空, nor 林业 of 农业, but 联萌 is one of 联盟."""
    if len(mention) != len(key) or len(key) < MIN_TYPO_CHARS:
        return False
    diff = [i for i, (a, b) in enumerate(zip(mention, key)) if a != b]
    if len(diff) != 1 or _NUMERAL.match(mention[diff[0]]) or _NUMERAL.match(key[diff[0]]):
        return False
    if places is None:
        return True
    start = _anchors(key, places)[-1]
    kind = _TYPO_KIND.search(key)
    end = max(start, kind.start()) if kind else len(key)  # 东川职教联盟: no core but the place
    return not start <= diff[0] < end or end - start >= MIN_TYPO_CHARS


# Kind words that end names (in match-key form: 职教 = 职业教育), longest first.
_TYPO_KIND = re.compile(r"(产教融合共同体|产教联合体|共同体|联合体|协作体|职教集团|职教联盟|职教园区|产业学院|"
                        r"职业技术学院|职业学院|技师学院|技工学校|职业学校|集团|联盟|学院|学校|大学|中心|研究院|协会|学会|"
                        r"委员会|(?:集团)?(?:股份有限公司|有限责任公司|有限公司)|公司)$")


@dataclass
class Reading:
    """A node a mention is read as: "read <mention> as <name>"."""

    ids: list[str]
    name: str
    how: str
    score: float

    def note(self, mention: str) -> str:
        return f"read {mention} as {self.name}"


def loose_matches(view: GraphView, mention: str, types: set[str] | None = None,
                  exclude: set[str] | frozenset[str] = frozenset()) -> list[Reading]:
    """The nodes (of ``types``) a mention that names no node exactly stands for, best first:
    only the best score, and nothing when more than MAX_READINGS names share it."""
    key = match_key(simplified(mention))
    if len(key) < 3:
        return []
    idx = name_index(view)

    def allowed(ids) -> list[str]:
        return sorted(i for i in ids if i not in exclude and (types is None or view.nodes[i].type in types))

    scored: dict[str, tuple[float, str, str]] = {}  # node id → (score, name key, how)

    def offer(ids, score: float, k: str, how: str) -> None:
        for i in allowed(ids):
            if score > scored.get(i, (0.0,))[0]:
                scored[i] = (score, k, how)

    for k, anchors, ids in idx.loose:
        s = abbreviation_score(key, k, anchors)
        if s >= MIN_SCORE:
            offer(ids, s, k, "short form")
    if len(key) >= 4:
        cutoff = min(MIN_RATIO, 100.0 * (1 - 1 / len(key)) - 0.01) if len(key) >= MIN_TYPO_CHARS else MIN_RATIO
        for k, ratio, pos in process.extract(key, idx.loose_keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=10):
            substitution = len(k) == len(key) and sum(a != b for a, b in zip(k, key)) == 1
            if (ratio < MIN_RATIO or substitution) and not one_typo(key, k, idx.places):
                continue  # (one character off inside a short core is another body: 航天 / 航空)
            # A near spelling keeps the place: 西川现代服务业职教集团 is not 东川现代服务业职教集团.
            if abs(len(k) - len(key)) <= 3 and same_kind(key, k) and view.place_in_name(k) == view.place_in_name(key):
                offer(idx.loose[pos][2], 0.8 + 0.15 * max(0.0, ratio - MIN_RATIO) / (100 - MIN_RATIO), k,
                      "near spelling")
    if not scored:
        return []
    top = max(s for s, _, _ in scored.values())
    best = {i: v for i, v in scored.items() if v[0] == top}
    names = {view.nodes[i].name for i in best}
    if len(names) > MAX_READINGS:
        return []
    out: dict[str, Reading] = {}
    for i, (s, _k, how) in sorted(best.items()):
        name = view.nodes[i].name
        r = out.setdefault(name, Reading([], name, how, round(s, 3)))
        r.ids.append(i)
    return list(out.values())


MIN_SUGGESTION_RATIO = 60  # rapidfuzz ratio for a "did you mean" under an unknown name


def suggestions(view: GraphView, mention: str, types: set[str] | None = None, limit: int = 3) -> list[str]:
    """Names of the graph that look like a name it does not know, best first ("did you mean")."""
    key = match_key(simplified(mention))
    if len(key) < 2:
        return []
    idx = name_index(view)
    out: list[str] = []
    for _k, _ratio, pos in process.extract(key, idx.loose_keys, scorer=fuzz.ratio,
                                           score_cutoff=MIN_SUGGESTION_RATIO, limit=limit * 4):
        for i in sorted(idx.loose[pos][2]):
            n = view.nodes[i]
            if (types is None or n.type in types) and n.name not in out:
                out.append(n.name)
    return out[:limit]


@dataclass
class TypoIndex:
    """Names of MIN_TYPO_CHARS or more by (length, first half) and (length, second half): a
    name with one character typed wrong keeps one of its two halves whole (a bucket of a few
    names, where one by first or last character held thousands at 100k nodes)."""

    by_head: dict[tuple[int, str], list[str]] = field(default_factory=dict)
    by_tail: dict[tuple[int, str], list[str]] = field(default_factory=dict)
    lengths: tuple[int, ...] = ()

    def near(self, w: str) -> set[str]:
        """The names that can be ``w`` with one character changed (and some that cannot)."""
        n, h = len(w), len(w) // 2
        return {*self.by_head.get((n, w[:h]), ()), *self.by_tail.get((n, w[h:]), ())}


_TYPO_INDEXES: "weakref.WeakKeyDictionary[GraphView, TypoIndex]" = weakref.WeakKeyDictionary()


def typo_index(view: GraphView) -> TypoIndex:
    idx = _TYPO_INDEXES.get(view)
    if idx is None:
        idx = TypoIndex()
        for key in name_index(view).by_key:
            if len(key) >= MIN_TYPO_CHARS and re.search(r"[\u4e00-\u9fff]", key):
                h = len(key) // 2
                idx.by_head.setdefault((len(key), key[:h]), []).append(key)
                idx.by_tail.setdefault((len(key), key[h:]), []).append(key)
        idx.lengths = tuple(sorted({n for n, _ in idx.by_head}, reverse=True))
        _TYPO_INDEXES[view] = idx
    return idx


def longest_spans(text: str, lengths, match) -> list[tuple[int, int, object]]:
    """Non-overlapping spans of ``text`` found by ``match(key_run) -> value or None``, trying at
    each position the ``lengths(position, key)`` given (longest first): (start, end, value) in
    ``text`` positions, the text being compared in Simplified match-key form."""
    key, pos = keyed(simplified(text))
    out: list[tuple[int, int, object]] = []
    i = 0
    while i < len(key):
        for n in lengths(i, key):
            value = match(key[i:i + n]) if i + n <= len(key) else None
            if value is not None:
                out.append((pos[i], pos[i + n - 1] + 1, value))
                i += n
                break
        else:
            i += 1
    return out


def typo_spans(view: GraphView, text: str, types: set[str], mask: str) -> list[tuple[int, int, list[Reading]]]:
    """(start, end, readings) of names written with one character wrong anywhere in ``text``
    (who leads 东川职教联萌, 东川职教联萌): the longest run first, never across ``mask``ed
    characters; a run that nearly spells more than MAX_READINGS names reads as none."""
    idx, names = typo_index(view), name_index(view)

    def readings(w: str) -> list[Reading] | None:
        if mask in w or w in names.by_key:
            return None
        cands = {k for k in idx.near(w) if one_typo(w, k, names.places) and view.place_in_name(k) == view.place_in_name(w)}
        ids = sorted(i for k in cands for i in names.by_key[k] if view.nodes[i].type in types)
        if not ids or len({view.nodes[i].name for i in ids}) > MAX_READINGS:
            return None
        by_name: dict[str, Reading] = {}
        for i in ids:
            by_name.setdefault(view.nodes[i].name, Reading([], view.nodes[i].name, "near spelling", 0.8)).ids.append(i)
        return list(by_name.values())

    return longest_spans(text, lambda i, key: idx.lengths, readings)  # type: ignore[return-value]
