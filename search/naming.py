"""Kinds of collaborative bodies, and English descriptions of Chinese names.

A Group's kind is the last word of its name (产业学院, 联盟, 联合体, 共同体, 协作体, 园区, 集团);
a question naming a kind asks for that kind only (沈阳有哪些产业学院 → no 产教联合体).

English questions describe Chinese bodies by their parts: "the Gansu equipment manufacturing
vocational education group" is region 甘肃 + industry 装备制造 + kind 职业教育集团, and names
甘肃装备制造职业教育集团 when exactly one body has all three parts; "the provincial department
of education" is 省 + 教育厅.

>>> name_kind("智能建造产业学院(装配方向)")
'产业学院'
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field

from search.graphview import GraphView, match_key
from search.vocab import (ADMIN_LEVEL_EN, AGENCY_EN, GROUP_KIND_EN, GROUP_KIND_SOFT, GROUP_KIND_SUFFIXES,
                          GROUP_KIND_ZH, INDUSTRY_EN, ZONE_EN)

_TRAILING_NOTE = re.compile(r"[(（][^()（）]*[)）]$")


def name_kind(name: str) -> str | None:
    """The kind word a Group's name ends with (a trailing note in brackets is ignored)."""
    core = _TRAILING_NOTE.sub("", name.strip())
    return next((k for k in GROUP_KIND_SUFFIXES if core.endswith(k)), None)


def kind_accepts(kind: str | None, name: str) -> bool:
    """May a Group with this name answer a question asking for ``kind``? (the umbrella 职教集团
    and no kind accept every Group)."""
    return kind is None or kind in GROUP_KIND_SOFT or name_kind(name) == kind


def kind_preferred(kind: str | None, name: str) -> bool:
    """Is the Group named as the asked kind (…集团/…联盟 for the umbrella 职教集团)?"""
    if kind is None:
        return False
    return name_kind(name) in GROUP_KIND_SOFT.get(kind, (kind,))


def question_kind(text: str, english: bool) -> tuple[str | None, tuple[int, int] | None]:
    """The kind of group a question names and where (the first mention; longest word there)."""
    best: tuple[int, int, str] | None = None
    if english:
        low = text.lower()
        for phrase, kind, _ in GROUP_KIND_EN:
            m = _head_pattern(phrase).search(low)
            if m and (best is None or (m.start(), -len(phrase)) < (best[0], best[0] - best[1])):
                best = (m.start(), m.end(), kind)
    else:
        for word, kind in GROUP_KIND_ZH:
            pos = text.find(word)
            if pos >= 0 and (best is None or (pos, -len(word)) < (best[0], best[0] - best[1])):
                best = (pos, pos + len(word), kind)
    return (best[2], (best[0], best[1])) if best else (None, None)


# ---- English descriptions of names ------------------------------------------------------
@dataclass
class Described:
    """A body an English question describes: its span, parts, and the nodes that have them."""

    start: int
    end: int
    parts: dict[str, str] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # words of the description we cannot map


def _heads() -> list[tuple[str, str, str]]:
    """(English head phrase, node type, Chinese head) for singular heads, longest first."""
    out = [(p, "Group", zh) for p, _, zh in GROUP_KIND_EN if not p.endswith(("s", "consortia"))]
    out += [(p, "Agency", zh) for p, zh in AGENCY_EN]
    return sorted(out, key=lambda h: -len(h[0]))


_OPENS_PHRASE = re.compile(
    r"the|a|an|of|by|with|for|to|from|in|and|or|does|do|did|is|are|was|were|who|which|what|whom|"
    r"lead|leads|led|serve|serves|join|joins|joined|members?|partners?|cooperates?|collaborates?|"
    r"implements?|issued?|belongs?|list|show|name")


_MODIFIERS: "weakref.WeakKeyDictionary[GraphView, list[tuple[str, str, str]]]" = weakref.WeakKeyDictionary()
_PLAIN_ENGLISH = re.compile(r"[a-z][a-z ]*")


def _modifiers(view: GraphView) -> list[tuple[str, str, str]]:
    """(English word, part, Chinese) of places, industries, levels and zones (built once per view)."""
    mods = _MODIFIERS.get(view)
    if mods is None:
        regions = [s for s in view.english_region_names() if _PLAIN_ENGLISH.fullmatch(s)]
        mods = [(s, "region", view.region_names[s]) for s in regions]
        mods += [(s, "industry", zh) for s, zh in sorted(INDUSTRY_EN.items(), key=lambda kv: -len(kv[0]))]
        mods += [(s, "level", zh) for s, zh in ADMIN_LEVEL_EN.items()]
        mods += [(s, "zone", zh) for s, zh in ZONE_EN.items()]
        _MODIFIERS[view] = mods
    return mods


# The words of a modifier list (keyed by the list's id; the list itself is kept to check it).
_MODIFIER_WORDS: dict[int, tuple[list, set[str]]] = {}
_HEAD_PATTERNS: dict[str, re.Pattern[str]] = {}


def _head_pattern(phrase: str) -> re.Pattern[str]:
    pat = _HEAD_PATTERNS.get(phrase)
    if pat is None:
        pat = _HEAD_PATTERNS[phrase] = re.compile(rf"\b{re.escape(phrase)}\b")
    return pat


def describe_english(view: GraphView, text: str) -> list[Described]:
    """Bodies named by description in an English question ("the Liaoning equipment
    manufacturing vocational education group"), with the nodes that have every part."""
    low = text.lower()
    modifiers = _modifiers(view)
    taken: list[tuple[int, int]] = []
    out: list[Described] = []
    for phrase, node_type, head_zh in _heads():
        for m in _head_pattern(phrase).finditer(low):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            d = Described(m.start(), m.end(), {"type": node_type, "head": head_zh})
            _read_modifiers(low, d, modifiers)
            taken.append((d.start, d.end))
            if node_type == "Group" and not ({"region", "industry"} & set(d.parts)) and not d.unknown:
                continue  # "the vocational education group" alone names nothing
            d.ids = _matching_nodes(view, d.parts)
            out.append(d)
    return sorted(out, key=lambda d: d.start)


def _read_modifiers(low: str, d: Described, modifiers: list[tuple[str, str, str]]) -> None:
    """Region, industry and level words right before the head (and "of/in <region>" after it);
    other words between a leading "the" and the head are unknown parts of the name."""
    pos = d.start
    while True:
        before = low[:pos].rstrip()
        for surface, part, zh in modifiers:
            if before.endswith(surface) and (len(before) == len(surface) or not before[-len(surface) - 1].isalnum()):
                if part not in d.parts:
                    d.parts[part] = zh
                pos = len(before) - len(surface)
                break
        else:
            break
    d.start = pos
    after = re.match(r"\s+(?:of|in)\s+(?:the\s+)?([a-z][a-z ]*)", low[d.end:])
    if after and "region" not in d.parts:
        for surface, part, zh in modifiers:
            if part == "region" and after.group(1).startswith(surface):
                d.parts["region"] = zh
                d.end += after.start(1) + len(surface)
                break
    # "the aerospace vocational education group": a word we cannot map, between the head and the
    # word that opens the noun phrase (the, of, leads …), is part of the name.
    words = re.findall(r"[\w'’-]+", low[:d.start])[-8:]
    opener = max((i for i, w in enumerate(words) if _OPENS_PHRASE.fullmatch(w)), default=None)
    if opener is not None:
        known = _MODIFIER_WORDS.get(id(modifiers))
        if known is None or known[0] is not modifiers:
            known = (modifiers, {w for surface, _, _ in modifiers for w in surface.split()})
            _MODIFIER_WORDS[id(modifiers)] = known
        known = known[1]
        d.unknown = [w for w in words[opener + 1:] if w not in known and w not in ("'s", "’s")]


def _matching_nodes(view: GraphView, parts: dict[str, str]) -> list[str]:
    """Nodes named exactly as the parts compose, else the one node having every part."""
    composed = "".join(parts.get(p, "") for p in ("region", "zone", "level", "industry", "head"))
    exact = sorted(i for i in view.by_key.get(match_key(composed), ()) if view.nodes[i].type == parts["type"])
    if exact:
        return exact
    head = match_key(parts["head"])
    found = []
    for n in view.nodes_of([parts["type"]]):
        key = match_key(_TRAILING_NOTE.sub("", n.name))
        if not key.endswith(head):
            continue
        if "region" in parts and view.place_in_name(n.name) != parts["region"]:
            continue
        if "level" in parts and parts["level"] not in n.name:
            continue
        if any(p in parts and parts[p] not in n.name for p in ("industry", "zone")):
            continue
        found.append(n.id)
    return found if len(found) == 1 else []
