"""Organisations and their relations in English text: whole English pages, English sentences
inside a Chinese page, and English names in brackets beside Chinese ones.

Names come from the language only: a run of capitalised words that ends in an organisation head
word (…Polytechnic, …Vocational College, …University, …Co., Ltd., …Alliance, Ministry of …,
… Commission, … Association …), with lowercase function words (of, and, for, the, on) inside
and the of-/for-/on- tail of heads that take one (University of Foo for Science and Technology).
The head word gives the type, as the suffix does for Chinese names (ingest/orgwords.py).

Relations come from cue phrases, in active and passive form, with lists "A, B and C":

- LEADS (role 牵头 / 发起 / 理事长): led by, spearheaded by, X led G, took the lead in establishing G;
  initiated by, X initiated G, founding members include; chairman unit (X was elected the
  chairman unit, the chairman unit is X)
- MEMBER_OF (role 成员 / 理事 / 常务理事 / 副理事长): jointly established by, co-founded by, A and B
  jointly established G, X joined G, members include, X is a member of G; vice-chairman unit,
  council member unit, executive director unit
- PARTNERS_WITH (kind 签约 / 共建 / 订单班 / 合作): signed an agreement with, A and B signed a
  cooperation agreement; co-built / jointly built; order class; cooperated / partnered with

Attending, hosting, presiding over or addressing a meeting is no relation: none of those verbs
is a cue. ``Extraction.aliases`` carries an acronym defined in brackets (Foo Polytechnic (FP))
and the Chinese name beside the English one (某某职业学院 (Foo Polytechnic), or the reverse).

The extractor runs on a page whose letters are mostly Latin (``ENGLISH_SHARE``); on a Chinese
page it reads only the English runs and bracketed English names, so it costs almost nothing there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

from ingest.model import Alias, Document, Extraction, Fact, Mention

ENGLISH_SHARE = 0.4  # share of ASCII letters among letters (ASCII + CJK) that makes a page English

_LATIN_RE = re.compile(r"[A-Za-z]")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# On a Chinese page: a run of at least four English words, or a bracket holding a capitalised name.
_RUN_RE = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*(?:[ \t,;:&.()“”\"/]+[A-Za-z0-9][A-Za-z0-9'’\-]*){3,}[.!?]?")
_PAREN_LATIN_RE = re.compile(r"[(（]\s*[“\"]?[A-Z][^()（）\n]{1,150}[)）]")

# ---- tokens -------------------------------------------------------------------------------
# A company's legal form is one token, so "Co., Ltd." ends a name whatever its commas.
_CO_FORM = (r"Co\.?\s*,?\s*Ltd\b\.?|Co\.?\s*,?\s*Limited\b|Company\s+Limited\b|Ltd\b\.?|Limited\b|Inc\b\.?"
            r"|Corp\b\.?|GmbH\b|LLC\b|PLC\b|Co\.(?=\s*(?:[,;:)]|$|\s+[a-z]))")
_TOKEN_RE = re.compile(rf"(?<![A-Za-z])(?P<co>{_CO_FORM})|(?P<w>[A-Za-z0-9]+(?:[-–'’][A-Za-z0-9]+)*(?:['’](?![A-Za-z]))?)|(?P<p>[^\sA-Za-z0-9])")


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    kind: str  # "co" (legal form), "w" (word), "p" (punctuation)

    @property
    def base(self) -> str:
        """The word without a possessive ending (Polytechnic's → Polytechnic)."""
        return re.sub(r"['’]s?$", "", self.text) if self.kind == "w" else self.text


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [_Tok(m.group(0), m.start(), m.end(), m.lastgroup or "p") for m in _TOKEN_RE.finditer(text, start, end)]


# ---- head words and their types -------------------------------------------------------------
_HEAD_TYPE = {
    "Polytechnic": "School", "College": "School", "University": "School", "School": "School",
    "Academy": "School", "Institute": "Institute", "Center": "Institute", "Centre": "Institute",
    "Laboratory": "Institute",
    "Company": "Enterprise", "Corporation": "Enterprise", "Group": "Enterprise",
    "Alliance": "Group", "League": "Group", "Consortium": "Group", "Community": "Group",
    "Ministry": "Agency", "Commission": "Agency", "Bureau": "Agency", "Government": "Agency",
    "Administration": "Agency", "Authority": "Agency", "Department": "Agency", "Office": "Agency",
    "Committee": "Agency", "Council": "Agency",
    "Association": "Association", "Society": "Association", "Federation": "Association",
    "Foundation": "Association", "Chamber": "Association",
    "Confederation": "Association", "Embassy": "Agency", "Consulate": "Agency",
    "Studio": "Enterprise", "Holdings": "Enterprise", "Bank": "Enterprise", "Workshop": "Group",
}
# Heads that take an of-/for-/on- tail (Ministry of Foo, Center for Foo, Alliance on Foo).
_TAIL_HEADS = frozenset(_HEAD_TYPE) - {"Company", "Corporation", "Group", "Studio", "Holdings", "Workshop"}
# Department, Office, Committee and Council are government bodies only with such a word
# (Provincial Department of Education, General Office of …); else they are units of a body.
_LEVEL_WORDS = frozenset("""Provincial Municipal County City District Regional Autonomous State National
Government People's People’s General Central Prefectural Prefecture Township""".split())
_PORTFOLIO_WORDS = frozenset("Education Finance Commerce Labor Labour Personnel Publicity Organization".split())
_EDU_OR_INDUSTRY = frozenset("""Education Educational Vocational Industry Industrial Integration Training
Skills Skill Production Industry-Education Industry-education School-Enterprise TVET VET""".split())
_VENUE_WORDS = frozenset("Convention Exhibition Expo Conference Sports Shopping Media Press Event".split())
# Capitalised words that never start or continue a name: sentence openers, titles, dates.
_STOP_CAP = frozenset("""The A An This That These Those Its It Their Our His Her We They He She You I
On In At By For With From To Of And Or But As After Before During Since Under Over Through Among Between
Following According Recently Yesterday Today Tomorrow Meanwhile Moreover Also Besides However Then Now
Later Currently Previously Additionally Furthermore Together Jointly Finally Last Next Both Each Every
All Many Some Several Other Such When While Where Why How What Which Who Whom If Because Although Though
Here There Mr Mrs Ms Miss Dr Prof Professor President Vice Deputy Director Secretary Chairman Chairwoman
Chair Dean Principal Minister Mayor Governor Manager CEO Leaders Leader Representatives Representative
Guests Date Position Home News Events Content Source Editor Photo Photos Translated Read More Related
Discover Click Please Welcome Congratulations Experts Students Teachers Staff Members Member
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Led Initiated Established Founded Supported Sponsored Hosted Organized Organised Jointly""".split())
# A month stops a name only beside a number (On May 28, 21 October 2017): May Foo Studio is a name.
_MONTHS = frozenset("""January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split())
_ORDINALS = frozenset("First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Only".split())
_INNER = frozenset({"of", "and", "for", "the", "on", "in", "&"})
_POSSESSIVE_OK = frozenset({"People's", "People’s", "Workers'", "Workers’", "Women's", "Women’s"})
# An acronym defined nowhere that ends in the letters of a school head (…PT polytechnic,
# …VTC/…VC college, …U university) names a school; a few technical terms end alike.
_SCHOOL_ACRONYM_RE = re.compile(r"^[A-Z]{1,5}(?:PT|VTC|VC|TC|U)$")
_NOT_SCHOOL_ACRONYMS = frozenset({"CPU", "GPU", "NPU", "TPU", "MCU", "ECU", "PDU", "IOU", "SKU", "EU", "AU"})


@dataclass
class _Name:
    start: int
    end: int
    name: str
    type: str
    anchor: int  # token index of the head word
    tail: bool   # the head takes an of-tail


def _is_cap(t: _Tok) -> bool:
    return t.kind == "w" and "A" <= t.text[0] <= "Z"


def _stop(toks: list[_Tok], i: int) -> bool:
    """Whether toks[i] is a capitalised word that never belongs to a name."""
    t = toks[i].text
    if t in _STOP_CAP:
        return True
    if t in _MONTHS:
        return any(0 <= k < len(toks) and toks[k].text[:1].isdigit() for k in (i - 1, i + 1))
    return False


def _possessive(t: _Tok) -> bool:
    return t.kind == "w" and t.base != t.text and t.text not in _POSSESSIVE_OK


def _head(t: _Tok) -> str | None:
    if t.kind == "co":
        return "co"
    if t.kind == "w" and t.base in _HEAD_TYPE:
        return t.base
    return None


def _run_has_head(toks: list[_Tok], k: int) -> bool:
    """Whether the capitalised run starting at token k holds a head word (a second name)."""
    while k < len(toks) and (_is_cap(toks[k]) or toks[k].kind == "co"):
        if _head(toks[k]):
            return True
        k += 1
    return False


def _left(toks: list[_Tok], h: int, head: str) -> int:
    """The first token of the name whose head is toks[h]."""
    j = h
    while j > 0:
        t = toks[j - 1]
        if _is_cap(t) and not _stop(toks, j - 1) and not _possessive(t):
            j -= 1
            continue
        if t.text in ("and", "&") and j >= 2 and _is_cap(toks[j - 2]) and not _stop(toks, j - 2) \
                and not _head(toks[j - 2]) and not _head(toks[j]) and not _possessive(toks[j - 2]):
            j -= 1  # Vocational and Technical College; never Foo Polytechnic and Bar College
            continue
        if t.text[:1].isdigit() and j >= 3 and toks[j - 2].text == "." and toks[j - 3].text == "No":
            j -= 3  # Foo No. 2 Vocational School
            continue
        if t.text in ("of", "for", "on") and j >= 2 and _head(toks[j - 2]) in _TAIL_HEADS:
            j -= 1  # Research Institute of Vocational Education Centre
            continue
        if t.text == "the" and j >= 2 and toks[j - 2].text in ("of", "for", "on") and _is_cap(toks[j]):
            j -= 1
            continue
        if t.text == ")" and head == "co":
            # Foo Technology (Group) Co., Ltd.
            k = j - 2
            while k >= 0 and _is_cap(toks[k]):
                k -= 1
            if k >= 0 and k < j - 2 and toks[k].text == "(" and k > 0 and _is_cap(toks[k - 1]):
                j = k
                continue
        break
    while j < h and (_stop(toks, j) or toks[j].text in _INNER or toks[j].kind == "p"):
        j += 1
    if 0 < j < h and toks[j - 1].text in ("The", "the") and toks[j].text in _ORDINALS:
        j += 1  # The First Foo Center: an ordinal after "the" counts, it does not name
    return j


def _tail(toks: list[_Tok], h: int) -> int:
    """The last token of the of-tail after head toks[h] (h itself when there is none)."""
    if h + 2 >= len(toks) or toks[h + 1].text not in ("of", "for", "on") or _head(toks[h]) not in _TAIL_HEADS:
        return h
    k = h + 2
    if toks[k].text == "the" and k + 1 < len(toks):
        k += 1
    if not _is_cap(toks[k]) or _stop(toks, k):
        return h
    last = k
    k += 1
    while k < len(toks):
        t = toks[k]
        if _is_cap(t) and not _stop(toks, k) and not _possessive(toks[k - 1]):
            last = k
        elif t.text in ("and", "&") and k + 1 < len(toks) and _is_cap(toks[k + 1]) \
                and not _run_has_head(toks, k + 1) and k == last + 1:
            pass  # Ministry of Qux Affairs and Social Welfare; never … and Foo University
        elif t.text in ("of", "for", "on", "the") and k + 1 < len(toks) and k == last + 1 and (
                _is_cap(toks[k + 1]) or toks[k + 1].text == "the"):
            pass
        else:
            break
        k += 1
    return last


def _type(toks: list[_Tok], a: int, h: int, e: int, tail: bool) -> str | None:
    """The node type of the name toks[a..e] with head toks[h], or None when it names no body."""
    head = _head(toks[h])
    words = [t.base for t in toks[a:e + 1]]
    mods = [t.base for t in toks[a:h]]
    tail_words = [t.base for t in toks[h + 1:e + 1]] if tail else []
    before = toks[h - 1].base if h > a else ""
    if head == "co":
        return "Enterprise" if mods else None
    if not mods and not tail:
        return None  # "the Alliance", "Polytechnic": a bare head word names no body
    if head == "Group":
        return "Group" if "Education" in words else "Enterprise"
    if head in ("College", "Academy") and before.startswith("Industr"):
        return "Group"  # Foo Industrial College / Industry Academy: co-built bodies
    if head == "Academy":
        return "Institute" if set(tail_words) & {"Sciences", "Science", "Engineering", "Research"} else "School"
    if head == "Institute":
        if "Technology" in tail_words[:3] or before in ("Vocational", "Technical", "Polytechnic", "Technician"):
            return "School"  # Foo Institute of Technology, Foo Vocational Institute
        return "Institute"
    if head in ("Center", "Centre"):
        if set(words) & _VENUE_WORDS:
            return None
        if before in ("Education", "Training") and "Vocational" in mods:
            return "School"  # Foo County Vocational Education Center (职教中心)
        return "Institute"
    if head == "Community":
        return "Group" if set(words) & _EDU_OR_INDUSTRY else None
    if head == "Chamber":
        return "Association" if "Commerce" in tail_words else None
    if head in ("Department", "Office", "Committee"):
        # Department of Education, Provincial Department of …, Foo Education Department; a
        # department of a company (Foo Talent Development Department) is no body of its own.
        if head in ("Department", "Office") and tail and len(mods) <= 1:
            return "Agency"
        if set(mods) & _LEVEL_WORDS or (head != "Committee" and before in _PORTFOLIO_WORDS and len(mods) <= 3):
            return "Agency"
        return None
    if head == "Council":
        return "Agency" if set(mods) & _LEVEL_WORDS else "Association"
    return _HEAD_TYPE[head]


def find_english_orgs(text: str, start: int = 0, end: int | None = None) -> list[_Name]:
    """Organisation names in text[start:end] (English), in text order, not overlapping."""
    end = len(text) if end is None else end
    toks = _tokens(text, start, end)
    cands: list[_Name] = []
    for h, t in enumerate(toks):
        head = _head(t)
        if head is None or (t.kind == "w" and not _is_cap(t)):
            continue
        a = _left(toks, h, head)
        e = _tail(toks, h)
        # The head that takes the tail types the name: Research Institute of Foo Education Centre.
        main = next((i for i in range(a, e) if _head(toks[i]) in _TAIL_HEADS and toks[i + 1].text in ("of", "for", "on")
                     and _is_cap(toks[i])), h)
        typ = _type(toks, a, main, e, main != h or e > h)
        if typ is None:
            continue
        s_off, e_off = toks[a].start, toks[e].end
        if toks[e].kind == "w" and _possessive(toks[e]):
            e_off = toks[e].start + len(toks[e].base)
        name = re.sub(r"\s+", " ", text[s_off:e_off]).strip()
        cands.append(_Name(s_off, e_off, name, typ, h, e > h))
    # The longest name wins; of two names of one span the head that takes a tail, then the first.
    cands.sort(key=lambda c: (-(c.end - c.start), not c.tail, c.anchor))
    kept: list[_Name] = []
    for c in cands:
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    # Foo Testing Authority of the Ministry of Bar: the Ministry of Bar is a body of its own.
    for c in list(kept):
        inner = re.search(r"\sof\s+the\s+", text[c.start:c.end])
        if inner:
            kept.extend(n for n in find_english_orgs(text, c.start + inner.end(), c.end) if n.end == c.end)
    return sorted(kept, key=lambda c: (c.start, -c.end))


# ---- sentences ------------------------------------------------------------------------------
_ABBREV = frozenset("Mr Mrs Ms Dr Prof St No Nos Jr Sr vs etc Fig Vol pp approx Rev Gen Col Lt Sgt".split())
_SENT_END_RE = re.compile(r"[.!?]+[”\"’']?(?=\s)|\n")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """English sentence spans in text[start:end]: ends at . ! ? (not after Mr., No., initials,
    or a legal form followed by a lowercase word) and at line breaks, except before a line
    that goes on in lowercase (a wrapped line)."""
    out: list[tuple[int, int]] = []
    s = start
    for m in _SENT_END_RE.finditer(text, start, end):
        if m.group(0) == "\n":
            nxt = text[m.end():m.end() + 1]
            if nxt and nxt.islower():
                continue
        else:
            word = re.search(r"([A-Za-z]+)\.?$", text[max(s, m.start() - 12):m.start() + 1])
            w = word.group(1) if word else ""
            after = text[m.end():m.end() + 40].lstrip()
            if w in _ABBREV or (len(w) == 1 and w.isupper()):
                continue
            if w in ("Co", "Ltd", "Inc", "Corp") and (not after[:1].isupper() or re.match(r"Ltd|Limited", after)):
                continue
        if text[s:m.end()].strip():
            out.append(_trim(text, s, m.end()))
        s = m.end()
    if text[s:end].strip():
        out.append(_trim(text, s, end))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _line_before(text: str, line: int) -> tuple[int, int]:
    """The non-blank line before the line starting at ``line`` (start, end)."""
    end = line - 1
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    return text.rfind("\n", 0, end) + 1, max(end, 0)


def _line_after(text: str, end: int) -> tuple[int, int]:
    """The non-blank line after the line ending at ``end``."""
    start = end
    while start < len(text) and text[start] in " \t\r\n":
        start += 1
    stop = text.find("\n", start)
    return start, len(text) if stop < 0 else stop


def _is_english(text: str) -> bool:
    """Whether ASCII letters are at least ``ENGLISH_SHARE`` of the letters (ASCII + CJK); the CJK
    count stops as soon as it decides, so a Chinese page costs a fraction of a scan."""
    latin = len(_LATIN_RE.findall(text))
    if not latin:
        return False
    most = int(latin * (1 - ENGLISH_SHARE) / ENGLISH_SHARE)  # the CJK count up to which it is English
    cjk = 0
    for _ in _CJK_RE.finditer(text):
        cjk += 1
        if cjk > most:
            return False
    return True


def _english_spans(text: str, english: bool) -> list[tuple[int, int]]:
    """Where English is read: the whole page when it is English, else its English runs and
    bracketed English names (merged where they overlap)."""
    if english:
        return [(0, len(text))]
    spans = sorted([(m.start(), m.end()) for m in _RUN_RE.finditer(text)]
                   + [(m.start(), m.end()) for m in _PAREN_LATIN_RE.finditer(text)])
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


# ---- cues -----------------------------------------------------------------------------------
_ADV = r"(?:(?:jointly|together|collectively|formally|officially|also|successfully|newly)\s+)*"
_PASSIVE_RE = re.compile(
    r"\b(?P<adv>(?:jointly|together|collectively|co-)\s*)?"
    r"(?P<verb>(?:co-)?(?:led|spearheaded|headed|initiated|launched|established|founded|set\s+up|formed|created"
    r"|built|constructed))\s+by\b", re.I)
_ACTIVE_RE = re.compile(
    rf"\b(?P<adv>{_ADV}(?:co-)?)"
    r"(?P<verb>(?:co-)?(?:led|leads|lead|spearheaded|spearheads|initiated|initiates|initiate|launched|launches|launch"
    r"|established|establishes|establish|founded|found|set\s+up|sets\s+up|formed|forms|form|created|creates|create"
    r"|built|builds|build|constructed|constructs|construct)|took\s+the\s+lead\s+in\s+(?:establishing|setting\s+up"
    r"|founding|forming|building|launching|creating|initiating))\b(?!\s+by\b)"
    r"(?:\s+(?:the\s+)?(?:establishment|founding|formation|creation|launch|construction)\s+of)?", re.I)
_JOIN_RE = re.compile(r"\b(?:has\s+|have\s+|had\s+|officially\s+|formally\s+)*(?:joined|joins|join)\b(?!\s+hands)", re.I)
_MEMBERS_RE = re.compile(
    r"\b(?:its\s+|their\s+|the\s+)?(?P<kind>founding\s+|initiating\s+|core\s+|full\s+|new\s+)?"
    r"(?:members?|member\s+(?:units?|institutions?|schools?|organi[sz]ations?)|initiators?)"
    r"(?P<of>\s+of\s+)?", re.I)
_MEMBERS_LIST_RE = re.compile(r"\s*(?:(?:now|also|mainly)\s+)?(?:include|includes|included|including|are|were"
                              r"|comprise|comprises|comprising|such\s+as|consist\s+of|consisting\s+of)\b\s*:?\s*"
                              r"|\s*[:：]\s*", re.I)
# G consists of / comprises / brings together A, B and C
_COMPRISES_RE = re.compile(r"\b(?:consists?\s+of|comprises?|is\s+composed\s+of|is\s+made\s+up\s+of|brings?\s+together"
                           r"|brought\s+together)\b", re.I)
_MEMBER_OF_RE = re.compile(
    r"\b(?:is|are|was|were|became|become|becomes|has\s+become|have\s+become|as)\s+(?:a|an|the|one\s+of\s+the)?\s*"
    r"(?P<kind>founding\s+|initiating\s+)?(?:members?|member\s+(?:units?|institutions?|schools?))\s+of\b", re.I)
_ROLE_RE = re.compile(
    r"\b(?P<role>vice[- ]?chairman|vice[- ]?chair|vice[- ]?president|chairman|chair|president|presiding|lead|leading"
    r"|executive\s+director|executive\s+council\s+member|standing\s+director|standing\s+council\s+member"
    r"|council\s+member|board\s+member|governing\s+member|director)\s+(?:units?|institutions?|organi[sz]ations?"
    r"|schools?|colleges?|enterprises?|members?\s+units?)\b", re.I)
_ELECTED_RE = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:elected|selected|chosen|appointed|named)\s+(?:as\s+)?"
    r"(?:the\s+)?(?P<role>vice[- ]?chairman|vice[- ]?president|chairman|president)\b(?!\s+(?:unit|institution))", re.I)
_SIGN_RE = re.compile(
    r"\b(?:signed|signs|sign|signing|inked|inks|concluded)\s+(?:(?:a|an|the|two|three|several)\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:agreements?|contracts?|memorand(?:um|a)|MoUs?|MOUs?|deals?|accords?)\b"
    r"|\b(?:agreements?|contracts?|memorand(?:um|a)|MoUs?|MOUs?|deals?)\s+(?:was|were|has\s+been|had\s+been|is|are)"
    r"\s+(?:formally\s+|officially\s+|also\s+)?signed\b", re.I)
_COBUILD_RE = re.compile(
    r"\b(?:co-?build(?:s|ing)?|co-?built|co-?construct(?:s|ed|ing)?|jointly\s+(?:build(?:s|ing)?|built"
    r"|construct(?:s|ed|ing)?|run(?:s|ning)?|operate[sd]?))\b(?!\s+by\b)", re.I)
_ORDER_RE = re.compile(r"\border(?:-based|-oriented|-directed)?\s+(?:training\s+)?class(?:es)?\b"
                       r"|\border-based\s+training\b", re.I)
_COOP_RE = re.compile(
    r"\b(?:cooperat(?:e|es|ed|ing)|co-operat(?:e|es|ed|ing)|collaborat(?:e|es|ed|ing)|partner(?:s|ed|ing)?"
    r"|work(?:s|ed|ing)?\s+together|team(?:s|ed)?\s+up|join(?:s|ed)?\s+hands|in\s+(?:cooperation|partnership"
    r"|collaboration)|(?:cooperation|partnership|collaboration)(?:\s+agreement)?)\s+with\b", re.I)
_COUNT_RE = re.compile(r"\b(?:has|have|had|now\s+has|with|comprises?|comprising|brings?\s+together|brought\s+together"
                       r"|consists?\s+of)\s+(?:a\s+total\s+of\s+|more\s+than\s+|over\s+|nearly\s+|about\s+|around\s+"
                       r"|some\s+)?(\d[\d,]*)\s+(?:[\w-]+\s+){0,2}?(?:members?|member\s+units|member\s+institutions)\b", re.I)
_BETWEEN_RE = re.compile(r"\bbetween\b", re.I)
_GROUP_REF_RE = re.compile(r"\b(?:the|this|that|our)\s+(?:new(?:ly[- ](?:established|founded|formed))?\s+|said\s+)?"
                           r"(?:alliance|league|consortium|community|education\s+group)\b|\bits\b", re.I)

_NOTE = r"[(（][^()（）]{1,60}[)）]"  # a bracket note after a name: (FP), (某某学院)
_ITEM_GAP_RE = re.compile(rf"^(?:\s|,|;|[“”\"‘’]|{_NOTE}|\band\b|&|\bas\s+well\s+as\b|\btogether\s+with\b|\bthe\b"
                          r"|\balso\b)*$", re.I)
_FIRST_GAP_RE = re.compile(r"^\s*(?:[:：]\s*)?(?:[“\"‘]\s*)?(?:the\s+)?(?:[“\"‘]\s*)?$", re.I)
_FIRST_GAP_LIST_RE = re.compile(r"^[^.;]{0,80}?\b(?:including|such\s+as|namely|like)\s*:?\s*(?:the\s+)?[“\"‘]?\s*$", re.I)
_SUBJ_GAP_RE = re.compile(rf"^[\s,”\"’]*(?:{_NOTE}[\s,]*)?(?:(?:have|has|had|will|would|also|jointly|together|all|both|officially"
                          r"|formally|recently|successfully|first|then|today|yesterday|newly|further|to|which|who"
                          r"|that|was|were|is|are)\s+)*$", re.I)
_GROUP_GAP_RE = re.compile(rf"^[\s,”\"’]*(?:{_NOTE}[\s,]*)?(?:(?:which|that|was|were|is|are|has|have|had|been|be|will|would|being|jointly"
                           r"|officially|formally|newly|recently|first|initially|successfully|also|and|established"
                           r"|founded|formed|set|up|launched|created|built)\s*,?\s*)*$", re.I)
_SCHOOLISH = frozenset({"School"})
# What a sentence that opens with a group says before its cues: The G was established on May 5, led by …
_FOUNDED_THEN_RE = re.compile(r"\s+(?:was|were|has been|is)\s+(?:officially\s+|formally\s+|jointly\s+)?"
                              r"(?:established|founded|launched|set up|formed|inaugurated)\b[^;]*$")
# "the first Foo Center certified by …", "each Foo Academy": a kind of body, not one body.
_CATEGORY_RE = re.compile(r"\b(?:the\s+(?:first|second|third|only|largest)|each|every|any|such|another)\s+[“\"‘]?$")


@dataclass
class _Sent:
    start: int
    end: int
    ms: list[Mention] = field(default_factory=list)


class _Reader:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.english = _is_english(doc.text)
        self.ex = Extraction()
        self.group: Mention | None = None  # the group the text named last
        self.seen: set[tuple] = set()

    # -- names --------------------------------------------------------------------------------
    def read(self) -> Extraction:
        spans = _english_spans(self.text, self.english)
        if not spans:
            return self.ex
        sents: list[_Sent] = []
        for a, b in spans:
            sents.extend(_Sent(s, e) for s, e in _sentences(self.text, a, b))
        nested: list[Mention] = []
        for s in sents:
            names = [n for n in find_english_orgs(self.text, s.start, s.end)
                     if not _CATEGORY_RE.search(self.text, max(s.start, n.start - 20), n.start)
                     and not self._unit_of_school(n, s)]
            s.ms = []
            for n in names:
                m = Mention(n.type, n.name, self.doc.id, n.start, n.end)
                # a name inside another (the Ministry of Bar in Foo Authority of the Ministry of Bar)
                # is reported, but the relation cues read the outer one
                (nested if s.ms and n.start < s.ms[-1].end else s.ms).append(m)
        self._aliases(sents)
        self._fragments(sents)
        self._short_forms(sents)
        self._translations(sents)
        self.ex.mentions.extend(nested)
        for s in sents:
            self.ex.mentions.extend(s.ms)
        for s in sents:
            self._cues(s)
            for m in s.ms:
                if m.type == "Group":
                    self.group = m
        return self.ex

    def _aliases(self, sents: list[_Sent]) -> None:
        """Acronyms defined in brackets after a name, and a Chinese name beside an English one."""
        text = self.text
        for s in sents:
            for m in s.ms:
                if self._bracket_parts(m):
                    continue
                # (FP), (“FP”), and a place word before the letters: (Foo RTU)
                after = re.match(r"\s*[(（]\s*[“\"‘']?((?:[A-Z][a-z]+\s+)?[A-Z][A-Za-z0-9&\-]{1,11})[”\"’']?\s*[)）]",
                                 text[m.end:m.end + 40])
                if after and sum(c.isupper() for c in after.group(1).split()[-1]) >= 2:
                    self._alias(after.group(1), m.name, m.type)
                    continue
                after = re.match(r"\s*[(（]\s*([\u4e00-\u9fff][^()（）\n]{1,40}?)\s*[)）]", text[m.end:m.end + 50])
                if after:
                    zh = self._chinese_name(after.group(1))
                    if zh:
                        self._bilingual(m, zh)
                        continue
                before = re.search(r"[(（]\s*[“\"‘]?$", text[max(0, m.start - 3):m.start])
                close = re.match(r"[”\"’]?\s*[)）]", text[m.end:m.end + 3])
                if before and close:
                    p = m.start - len(before.group(0))
                    zh = self._chinese_before(p)
                    if zh:
                        self._bilingual(m, zh)

    def _bracket_parts(self, m: Mention) -> bool:
        """A bracket after a name that holds several of its forms, split by commas: its Chinese name
        and its acronym (Foo Polytechnic (某某职业学院, FP)). Each part that reads as one is an alias."""
        after = re.match(r"\s*[(（]([^()（）\n]{2,60})[)）]", self.text[m.end:m.end + 64])
        parts = [p.strip() for p in re.split(r"[,，;；、]", after.group(1))] if after else []
        if len(parts) < 2:
            return False
        hit = False
        for part in parts:
            letters = re.fullmatch(r"[“\"‘']?((?:[A-Z][a-z]+\s+)?[A-Z][A-Za-z0-9&\-]{1,11})[”\"’']?", part)
            if letters and sum(c.isupper() for c in letters.group(1).split()[-1]) >= 2:
                self._alias(letters.group(1), m.name, m.type)
                hit = True
            elif re.match(r"[\u4e00-\u9fff]", part) and (zh := self._chinese_name(part)):
                self._bilingual(m, zh)
                hit = True
        return hit

    def _unit_of_school(self, n: _Name, s: _Sent) -> bool:
        """The Graduate School of Foo at Bar University: a part of the university, not a body."""
        if not re.match(r"(?:Graduate\s+)?(?:School|College|Faculty|Department)\s+of\s", n.name):
            return False
        rest = re.match(r"\s+(?:at|of)\s+(?:the\s+)?", self.text[n.end:s.end])
        return bool(rest) and any(o.start == n.end + rest.end() and o.type == "School"
                                  for o in find_english_orgs(self.text, n.end + rest.end(), s.end))

    def _translations(self, sents: list[_Sent]) -> None:
        """A Chinese paragraph next to its English translation (a bilingual summary): when both
        name the same number of bodies with the same types in the same order, the names pair up."""
        if not sents:
            return
        from ingest.orgnames import find_orgs
        text = self.text
        english = {}
        for s in sents:
            line = text.rfind("\n", 0, s.start) + 1
            english.setdefault(line, []).extend(s.ms)
        for line, ms in english.items():
            end = text.find("\n", line)
            end = len(text) if end < 0 else end
            if not ms or not _is_english(text[line:end]):
                continue
            for a, b in (_line_before(text, line), _line_after(text, end)):
                if a >= b or _is_english(text[a:b]) or len(_CJK_RE.findall(text[a:b])) < 20:
                    continue
                zh = list({m.name: m for m in find_orgs(text, a, b, self.doc.id)}.values())
                en = list({m.name: m for m in ms}.values())
                if len(zh) == len(en) <= 6 and [m.type for m in zh] == [m.type for m in en]:
                    for z, e in zip(zh, en):
                        self._bilingual(e, z.name)

    def _fragments(self, sents: list[_Sent]) -> None:
        """A name of three words or more that ends the one longer name of its type on the page
        (Vocational Education Alliance / Foo Vocational Education Alliance) is that body."""
        names = {(m.name, m.type) for s in sents for m in s.ms}
        words = {n: re.split(r"[\s\-]+", n[0]) for n in names}
        for n, w in words.items():
            if len(w) < 3:
                continue
            longer = [o for o, ow in words.items() if o[1] == n[1] and len(ow) > len(w) and ow[-len(w):] == w]
            if len(longer) == 1:
                self._alias(n[0], longer[0][0], n[1])

    def _alias(self, short: str, full: str, typ: str | None) -> None:
        if short != full and all(a.short != short for a in self.ex.aliases):
            self.ex.aliases.append(Alias(short=short, full=full, type=typ))

    def _bilingual(self, m: Mention, zh: str) -> None:
        # The page's own language gives the name the node keeps.
        if self.english:
            self._alias(zh, m.name, None)
        else:
            self._alias(m.name, zh, None)

    def _chinese_name(self, s: str) -> str | None:
        from ingest.orgnames import classify_org, find_orgs
        s = s.strip()
        found = find_orgs(s)
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(s):
            return found[0].name
        return s if classify_org(s) and re.fullmatch(r"[\u4e00-\u9fff（）()]{3,40}", s) else None

    def _chinese_before(self, p: int) -> str | None:
        from ingest.orgnames import find_orgs
        while p > 0 and self.text[p - 1] in " \t":
            p -= 1
        if p <= 0 or not _CJK_RE.match(self.text[p - 1]):
            return None
        found = [m for m in find_orgs(self.text, max(0, p - 60), p) if m.end == p]
        return found[-1].name if found else None

    def _short_forms(self, sents: list[_Sent]) -> None:
        """Occurrences of defined acronyms; on an English page, an undefined school acronym used
        at least twice (…PT, …VTC, …U); a brand paired with a known body in a hyphenated name
        (FOO-Bar ICT Academy) counts as an enterprise."""
        known = {a.short: a.type or "School" for a in self.ex.aliases if re.fullmatch(r"[A-Za-z0-9&\- ]+", a.short)}
        if self.english:
            counts: dict[str, int] = {}
            for s in sents:
                for w in re.findall(r"(?<![A-Za-z0-9])[A-Z]{3,6}(?![A-Za-z0-9])", self.text[s.start:s.end]):
                    counts[w] = counts.get(w, 0) + 1
            for w, n in counts.items():
                if n >= 2 and w not in known and _SCHOOL_ACRONYM_RE.match(w) and w not in _NOT_SCHOOL_ACRONYMS:
                    known[w] = "School"
            # FOO-Bar …: a co-built body's name joins a known body and a brand.
            for s in sents:
                for m in s.ms:
                    first = re.match(r"([A-Z][A-Za-z0-9]+)-([A-Z][A-Za-z0-9]+)\b", m.name)
                    if not first:
                        continue
                    x, y = first.groups()
                    if x in known and y not in known and not y.isupper():
                        known[y] = "Enterprise" if known[x] == "School" else "Organisation"
                    elif y in known and x not in known and not x.isupper():
                        known[x] = "Enterprise" if known[y] == "School" else "Organisation"
            known = {k: v for k, v in known.items() if v != "Organisation"}
        if not known:
            return
        rx = re.compile(r"(?<![A-Za-z0-9\-])(" + "|".join(re.escape(k) for k in sorted(known, key=len, reverse=True))
                        + r")(?![A-Za-z0-9\-])")
        for s in sents:
            extra = []
            for m in rx.finditer(self.text, s.start, s.end):
                if any(x.start <= m.start() < x.end for x in s.ms):
                    continue
                if re.search(r"[(（]\s*[“\"‘']?$", self.text[max(0, m.start() - 3):m.start()]) and any(
                        a.short == m.group(1) for a in self.ex.aliases):
                    # Foo Polytechnic (FP): the definition names the body, the cues read the full name
                    self.ex.mentions.append(Mention(known[m.group(1)], m.group(1), self.doc.id, m.start(), m.end()))
                    continue
                nxt = re.match(r"\s+([A-Z][A-Za-z]+)", self.text[m.end():m.end() + 30])
                if nxt and nxt.group(1) not in _STOP_CAP and not known.get(m.group(1), "").startswith("School"):
                    continue  # Bar ICT academies, Bar China …: the brand names a part, not the body
                extra.append(Mention(known[m.group(1)], m.group(1), self.doc.id, m.start(), m.end()))
            if extra:
                s.ms = sorted(s.ms + extra, key=lambda x: x.start)
        # A co-built body named FOO-Bar …: its two bodies partner (kind 共建).
        for s in sents:
            for m in s.ms:
                first = re.match(r"([A-Z][A-Za-z0-9]+)-([A-Z][A-Za-z0-9]+)\b", m.name)
                if first and all(p in known for p in first.groups()) and m.type in ("Institute", "Group", "School"):
                    x, y = first.groups()
                    a = Mention(known[x], x, self.doc.id, m.start, m.start + len(x))
                    b = Mention(known[y], y, self.doc.id, m.start + len(x) + 1, m.start + len(x) + 1 + len(y))
                    self.ex.mentions.extend([a, b])
                    self._fact("PARTNERS_WITH", a, b, s, pattern="X-Y co-built body", kind="共建")

    # -- facts --------------------------------------------------------------------------------
    def _fact(self, rel: str, src: Mention | None, tgt: Mention | None, s: _Sent, **props) -> None:
        if src is None or tgt is None or src.name == tgt.name:
            return
        if rel in ("LEADS", "MEMBER_OF") and tgt.type != "Group":
            return
        key = (rel, src.name, tgt.name, s.start, props.get("role") or props.get("kind"))
        if key in self.seen:
            return
        self.seen.add(key)
        self.ex.facts.append(Fact(rel, src, tgt, self.doc.evidence(s.start, s.end), props))

    def _after(self, s: _Sent, pos: int, lists: bool = False) -> list[Mention]:
        """The list of mentions (A, B and C) that starts right after ``pos``."""
        out: list[Mention] = []
        edge = pos
        for m in (m for m in s.ms if m.start >= pos):
            gap = self.text[edge:m.start]
            if out:
                if not _ITEM_GAP_RE.match(gap):
                    break
            elif not (_FIRST_GAP_RE.match(gap) or (lists and _FIRST_GAP_LIST_RE.match(gap))):
                break
            out.append(m)
            edge = m.end
        return out

    def _before(self, s: _Sent, pos: int, gap_re: re.Pattern = _SUBJ_GAP_RE) -> list[Mention]:
        """The list of mentions (A, B and C) that ends right before ``pos``."""
        out: list[Mention] = []
        edge = pos
        for m in reversed([m for m in s.ms if m.end <= pos]):
            gap = self.text[m.end:edge]
            if out and not _ITEM_GAP_RE.match(gap) or not out and not gap_re.match(gap):
                break
            out.append(m)
            edge = m.start
        out.reverse()
        return out

    def _subject(self, s: _Sent, pos: int) -> list[Mention]:
        """Who acts at ``pos``: the list just before it, else the nearest name before it within
        a dozen words (Foo Polytechnic, founded in 1990, signed …)."""
        near = self._before(s, pos)
        if near:
            return near
        prev = [m for m in s.ms if m.end <= pos]
        if not prev:
            return []
        gap = self.text[prev[-1].end:pos]
        if len(gap.split()) <= 12 and ";" not in gap and not re.search(r"\b(?:with|by|of|for|to|from|at)\b", gap):
            return self._before(s, prev[-1].end, re.compile(r"^$")) or [prev[-1]]
        return []

    def _group_for(self, s: _Sent, a: int, b: int) -> Mention | None:
        """The group a cue at text[a:b] is about: a group named right before it (G, led by X),
        else the first group after it (Led by X, G …), else the group a reference before it
        points to (the alliance … led by X)."""
        before = [m for m in s.ms if m.end <= a]
        if before and before[-1].type == "Group" and _GROUP_GAP_RE.match(self.text[before[-1].end:a]):
            return before[-1]
        after = [m for m in s.ms if m.start >= b and m.type == "Group"]
        pre = self.text[s.start:a]
        if after and (not pre.strip() or pre.rstrip().endswith(",") and len(pre.split()) <= 6):
            return after[0]  # (In 2020,) led by X, the G …
        refs = list(_GROUP_REF_RE.finditer(self.text, s.start, a))
        if refs and self.group is not None and _GROUP_GAP_RE.match(self.text[refs[-1].end():a]):
            return self._ref(refs[-1].start(), refs[-1].end())
        first = s.ms[0] if s.ms else None
        if first is not None and first.type == "Group" and first.end <= a and \
                re.fullmatch(r"\s*(?:(?:In|On)\s[^,]{1,20},\s*)?(?:[Tt]he\s+)?", self.text[s.start:first.start]) and \
                _FOUNDED_THEN_RE.match(self.text[first.end:a]) and \
                not any(m.type == "Group" for m in s.ms if first.end <= m.start < a):
            return first  # The G was established on May 5, led by X and initiated by Y: the sentence's subject
        return None

    def _sentence_group(self, s: _Sent, a: int, b: int) -> Mention | None:
        """For a role or member list: the group the cue is about, else the group the sentence
        names (nearest before the cue, else after), else the group the text named last."""
        g = self._group_for(s, a, b)
        if g is not None:
            return g
        groups = [m for m in s.ms if m.type == "Group"]
        before = [m for m in groups if m.end <= a]
        if before:
            return before[-1]
        after = [m for m in groups if m.start >= b]
        return after[0] if after else self._ref(a, a)

    def _ref(self, a: int, b: int) -> Mention | None:
        g = self.group
        return None if g is None else Mention(g.type, g.name, self.doc.id, a, b)

    def _member_count(self, s: _Sent, sent: str) -> None:
        """The league has more than 200 members → ``member_count`` on the group mention."""
        m = _COUNT_RE.search(sent)
        if not m:
            return
        g = self._sentence_group(s, s.start + m.start(), s.start + m.end())
        if g is not None:
            self.ex.mentions.append(Mention(g.type, g.name, self.doc.id, g.start, g.end,
                                            {"member_count": int(m.group(1).replace(",", ""))}))

    def _cues(self, s: _Sent) -> None:
        sent = self.text[s.start:s.end]
        self._member_count(s, sent)
        if not s.ms:
            return
        self._passive(s, sent)
        self._active(s, sent)
        self._join(s, sent)
        self._members(s, sent)
        self._roles(s, sent)
        self._partners(s, sent)

    def _founders(self, rel_verb: str, agents: list[Mention], target: Mention | None, s: _Sent, pattern: str,
                  jointly: bool) -> None:
        v = rel_verb.lower().replace("co-", "")
        v = re.sub(r"\s+", " ", v)
        if target is None or not agents:
            return
        if re.match(r"(?:led|lead|leads|spearhead|headed|took the lead)", v):
            for x in agents:
                self._fact("LEADS", x, target, s, pattern=pattern, role="牵头")
        elif re.match(r"(?:initiat|launch)", v):
            for x in agents:
                self._fact("LEADS", x, target, s, pattern=pattern, role="发起")
        elif re.match(r"(?:buil|construct)", v):
            self._pairs(agents, s, pattern, "共建")
        elif target.type == "Group" and (len(agents) > 1 or jointly):
            for x in agents:
                self._fact("MEMBER_OF", x, target, s, pattern=pattern, role="成员")
            # Schools and enterprises that found a body together cooperate (校企共建).
            for a in (x for x in agents if x.type in _SCHOOLISH):
                for b in (x for x in agents if x.type == "Enterprise"):
                    self._fact("PARTNERS_WITH", a, b, s, pattern=pattern, kind="共建")
        elif target.type == "Group":
            self._fact("LEADS", agents[0], target, s, pattern=pattern, role="发起")  # founded by X alone
        elif len(agents) > 1:
            self._pairs(agents, s, pattern, "共建")

    def _pairs(self, parties: list[Mention], s: _Sent, pattern: str, kind: str) -> None:
        uniq = list({m.name: m for m in parties}.values())
        pairs = combinations(uniq, 2) if len(uniq) <= 4 else ((uniq[0], y) for y in uniq[1:])
        for a, b in pairs:
            self._fact("PARTNERS_WITH", a, b, s, pattern=pattern, kind=kind)

    def _passive(self, s: _Sent, sent: str) -> None:
        """G (was) led / initiated / jointly established / co-built by A, B and C."""
        for m in _PASSIVE_RE.finditer(sent):
            a, b = s.start + m.start(), s.start + m.end()
            agents = self._after(s, b, lists=True)
            if not agents:
                continue
            verb = m.group("verb")
            jointly = bool(m.group("adv")) or verb.lower().startswith("co-")
            if re.match(r"(?:co-)?(?:buil|construct)", verb, re.I) or (
                    re.match(r"(?:co-)?(?:establish|found|set|form|creat)", verb, re.I) and not self._group_for(s, a, b)):
                # a body built by several: the object just before the cue, any type
                prev = [x for x in s.ms if x.end <= a and x not in agents]
                target = prev[-1] if prev and _GROUP_GAP_RE.match(self.text[prev[-1].end:a]) else None
                target = target if target is not None else self._group_for(s, a, b)
                if target is not None and target.type != "Group" or re.match(r"(?:co-)?(?:buil|construct)", verb, re.I):
                    self._pairs(agents, s, "X co-built by A and B", "共建")
                    continue
            else:
                target = self._group_for(s, a, b)
            self._founders(verb, agents, target, s, f"{verb} by", jointly)

    def _active(self, s: _Sent, sent: str) -> None:
        """A (and B) led / initiated / jointly established / co-built G (with C)."""
        for m in _ACTIVE_RE.finditer(sent):
            a, b = s.start + m.start(), s.start + m.end()
            objs = self._after(s, b)
            if not objs:
                ref = _GROUP_REF_RE.match(self.text, b + len(self.text[b:s.end]) - len(self.text[b:s.end].lstrip()))
                if not ref or ref.group(0).lower() == "its" or self.group is None:
                    continue
                objs = [self._ref(ref.start(), ref.end())]  # A and B jointly initiated the alliance
            target = objs[0]
            verb = m.group("verb")
            subjects = self._subject(s, a)
            jointly = bool(re.search(r"jointly|together|collectively|co-", m.group(0), re.I))
            with_m = re.match(r"[^.;]{0,40}?\b(?:together\s+with|jointly\s+with|with)\b", self.text[target.end:s.end])
            others = self._after(s, target.end + with_m.end()) if with_m else []
            agents = [x for x in subjects + others if x.name != target.name]
            if not subjects:
                continue
            self._founders(verb, agents, target, s, f"X {verb} G", jointly or bool(others))

    def _join(self, s: _Sent, sent: str) -> None:
        for m in _JOIN_RE.finditer(sent):
            a, b = s.start + m.start(), s.start + m.end()
            subjects = self._subject(s, a)
            tail = re.match(r"\s*(?:the\s+)?(?:newly[- ]established\s+)?", self.text[b:s.end])
            objs = self._after(s, b)
            target = objs[0] if objs and objs[0].type == "Group" else None
            if target is None:
                ref = _GROUP_REF_RE.match(self.text, b + (len(tail.group(0)) - len(tail.group(0).lstrip()) if tail else 0))
                if ref and ref.group(0).lower() != "its":
                    target = self._ref(ref.start(), ref.end())
            for x in subjects:
                self._fact("MEMBER_OF", x, target, s, pattern="X joined G", role="成员")

    def _members(self, s: _Sent, sent: str) -> None:
        for m in _MEMBERS_RE.finditer(sent):
            a, b = s.start + m.start(), s.start + m.end()
            target = None
            if m.group("of"):
                objs = self._after(s, b)
                ref = _GROUP_REF_RE.match(self.text, b)
                if (not objs or objs[0].type != "Group") and ref and ref.group(0).lower() != "its":
                    target = self._ref(ref.start(), ref.end())  # Members of the community include A, B
                    b = ref.end()
                elif not objs or objs[0].type != "Group":
                    continue
                else:
                    target = objs[0]
                    b = target.end
                b += len(re.match(r"[\s”\"’]*", self.text[b:s.end]).group(0))
            lst = _MEMBERS_LIST_RE.match(self.text, b, s.end)
            if not lst:
                continue
            items = self._after(s, lst.end(), lists=True)
            if not items:
                continue
            if target is None:
                target = self._sentence_group(s, a, b)
            founding = (m.group("kind") or "").strip().lower() in ("founding", "initiating") or \
                m.group(0).lower().rstrip().endswith(("initiator", "initiators"))
            if founding and (m.group("kind") or "").strip().lower() == "founding" and self._has_lead(target):
                founding = False  # led by X …; its founding members include A, B: the founders with a lead are members
            for x in items:
                if founding:
                    self._fact("LEADS", x, target, s, pattern="founding members include", role="发起")
                else:
                    self._fact("MEMBER_OF", x, target, s, pattern="members include", role="成员")
        for m in _COMPRISES_RE.finditer(sent):
            a, b = s.start + m.start(), s.start + m.end()
            target = self._group_for(s, a, b)
            for x in self._after(s, b, lists=True):
                self._fact("MEMBER_OF", x, target, s, pattern="G comprises A and B", role="成员")
        for m in _MEMBER_OF_RE.finditer(sent):
            a, b = s.start + m.start(), s.start + m.end()
            subjects = self._subject(s, a)
            objs = self._after(s, b)
            if objs and objs[0].type == "Group":
                target = objs[0]
            else:
                ref = _GROUP_REF_RE.match(self.text, b + len(self.text[b:s.end]) - len(self.text[b:s.end].lstrip()))
                target = self._ref(ref.start(), ref.end()) if ref and ref.group(0).lower() != "its" else None
            for x in subjects:
                if m.group("kind"):
                    self._fact("LEADS", x, target, s, pattern="X is a founding member of G", role="发起")
                else:
                    self._fact("MEMBER_OF", x, target, s, pattern="X is a member of G", role="成员")

    def _has_lead(self, target: Mention | None) -> bool:
        """The page has already said who leads or chairs ``target`` (led by X, X was elected chairman)."""
        return target is not None and any(f.type == "LEADS" and f.target.name == target.name and
                                          f.properties.get("role") in ("牵头", "理事长") for f in self.ex.facts)

    @staticmethod
    def _role(word: str) -> tuple[str, str]:
        w = re.sub(r"[\s-]+", " ", word.lower())
        if w.startswith("vice"):
            return "MEMBER_OF", "副理事长"
        if w in ("chairman", "chair", "president", "presiding"):
            return "LEADS", "理事长"
        if w in ("lead", "leading"):
            return "LEADS", "牵头"
        if w.startswith(("executive", "standing")):
            return "MEMBER_OF", "常务理事"
        return "MEMBER_OF", "理事"

    def _roles(self, s: _Sent, sent: str) -> None:
        """X was elected (as) the chairman unit (of G); the vice-chairman units are A and B;
        with A as the chairman unit; Foo University was elected chairman of G."""
        for m in _ROLE_RE.finditer(sent):
            rel, role = self._role(m.group("role"))
            a, b = s.start + m.start(), s.start + m.end()
            of = re.match(r"\s+of\s+(?:the\s+)?", self.text[b:s.end])
            target = None
            if of:
                objs = self._after(s, b + of.end())
                if objs and objs[0].type == "Group":
                    target = objs[0]
            after_end = target.end if target else b
            intro = re.match(r"[\s,”\"’]*(?:is|are|was|were|include|includes|included|including|:)\s*(?:the\s+)?",
                             self.text[after_end:s.end])
            items = self._after(s, after_end + intro.end(), lists=True) if intro else []
            pre = self.text[max(s.start, a - 60):a]
            subj_m = re.search(r"(?:,\s*)?(?:(?:was|were|is|are|has\s+been|have\s+been|became|become|becomes|serves?"
                               r"|served|acts?|acted|will\s+serve|elected|selected|chosen|appointed|named)\s+)*"
                               r"(?:as\s+)?(?:the|a|an|its|one\s+of\s+the)?\s*(?:new\s+)?$", pre)
            subjects = []
            if subj_m and subj_m.group(0).strip():
                subjects = self._before(s, a - len(subj_m.group(0)), re.compile(r"^[\s,”\"’]*$"))
            with_m = re.search(r"\bwith\s+$", self.text[s.start:a])
            if not subjects and re.search(r"\bwith\s+(?:\S+\s+){1,6}as\s+(?:the\s+)?$", self.text[max(s.start, a - 120):a]):
                # with A (and B) as the chairman unit
                w = self.text.rfind("with", max(s.start, a - 120), a)
                subjects = self._after(s, w + 4)
            if with_m:
                subjects = []
            if target is None:
                target = self._sentence_group(s, a, b)
            for x in subjects + items:
                if x.type != "Group" or x.name != (target.name if target else None):
                    self._fact(rel, x, target, s, pattern="X is the chairman unit", role=role)
        for m in _ELECTED_RE.finditer(sent):
            a, b = s.start + m.start(), s.start + m.end()
            subjects = self._before(s, a, re.compile(r"^[\s,”\"’]*$"))
            rel, role = self._role(m.group("role"))
            of = re.match(r"\s+of\s+(?:the\s+)?", self.text[b:s.end])
            objs = self._after(s, b + of.end()) if of else []
            target = objs[0] if objs and objs[0].type == "Group" else self._sentence_group(s, a, b)
            for x in subjects:
                self._fact(rel, x, target, s, pattern="X was elected chairman", role=role)

    def _partners(self, s: _Sent, sent: str) -> None:
        text = self.text
        for rx, kind, pattern in ((_SIGN_RE, "签约", "X signed an agreement with Y"),
                                  (_COBUILD_RE, "共建", "X co-built Z with Y")):
            for m in rx.finditer(sent):
                a, b = s.start + m.start(), s.start + m.end()
                between = _BETWEEN_RE.search(sent)
                parties: list[Mention] = []
                if between:
                    parties = self._after(s, s.start + between.end())
                if len(parties) < 2:
                    parties = []
                    with_m = re.match(r"[^.;]{0,80}?\b(?:with|by)\b", text[b:s.end])
                    others = self._after(s, b + with_m.end()) if with_m else []
                    if with_m and others:
                        subj = self._subject(s, a)
                        if with_m.group(0).endswith("by"):
                            parties = others
                        elif subj:
                            parties = subj + others
                    else:
                        subj = self._subject(s, a)
                        parties = subj if len(subj) > 1 else []
                self._pairs([p for p in parties if p.type != "Group" or kind == "签约"], s, pattern, kind)
        for m in _ORDER_RE.finditer(sent):
            a = s.start + m.start()
            named = self._before(s, a, re.compile(r"^[\s”\"’“‘-]*$"))
            enterprise = named[-1] if named and named[-1].type == "Enterprise" else None
            schools = [x for x in s.ms if x.type == "School" and x.end <= a]
            firms = [x for x in s.ms if x.type == "Enterprise"]
            if enterprise is None and len(firms) == 1:
                enterprise = firms[0]
            school = schools[0] if schools else None
            if school is None:
                subj = self._subject(s, (named[0].start if named else a))
                school = subj[0] if subj else None
            self._fact("PARTNERS_WITH", school, enterprise, s, pattern="order class", kind="订单班")
        signed = [(m.start(), m.end()) for m in _SIGN_RE.finditer(sent)]
        for m in _COOP_RE.finditer(sent):
            if any(x < m.end() and m.start() < y for x, y in signed):
                continue  # signed a cooperation agreement with Y: the signing says it
            a, b = s.start + m.start(), s.start + m.end()
            others = self._after(s, b)
            subj = self._subject(s, a)
            if not subj and others:
                # In cooperation with B, A …: the subject follows the phrase.
                rest = [x for x in s.ms if x.start >= others[-1].end]
                if rest and re.match(r"^[\s,]*(?:the\s+)?$", text[others[-1].end:rest[0].start]):
                    subj = [rest[0]]
            for x in subj:
                for y in others:
                    self._fact("PARTNERS_WITH", x, y, s, pattern="X cooperated with Y", kind="合作")
        for m in re.finditer(r"\b(?:cooperation|partnership|collaboration)\s+between\b", sent, re.I):
            self._pairs(self._after(s, s.start + m.end()), s, "cooperation between A and B", "合作")


def extract(doc: Document) -> Extraction:
    if not _LATIN_RE.search(doc.text):
        return Extraction()
    return _Reader(doc).read()
