"""Entity resolution: one graph node per real body, whatever surface form a document uses.

Mentions are mapped to a *resolution key*; the node id is ``make_node_id(type, key)``, so the
same body gets the same id in every run. The key rules (docs/resolution.md), in order:

1. ``mention.properties["key"]`` when the extractor gives one (policies, measures, targets);
2. the surface key ``graph.normalize.name_key``: full/half-width forms, brackets, quotes,
   dots and spaces do not matter;
3. the abbreviation 职教 is expanded to 职业教育 in group and school names
   (东川职教联盟 = 东川职业教育联盟);
4. a trailing note in brackets after a complete name is dropped (临江市外贸服务学校(职教中心)
   = 临江市外贸服务学校), unless it names a place or a branch (中国石油大学(北京), X(分校));
   a place named at the start of the name is reduced to its short form: the optional 省/市/县
   after a known region is dropped (沈阳外贸服务学校 = 沈阳市外贸服务学校), and a province
   followed by one of its own cities is dropped (辽宁省沈阳市X = 沈阳市X). 吉林 (both a
   province and a city) has no short form, so 吉林省X and 吉林市X stay apart;
   In a document whose title block names its province or city, 省X / 市X are spelled out
   (省教育厅 → 吉林省教育厅; the pipeline sets the mention's ``_qualified`` property);
5. the user's decisions file: ``same`` rows merge names, ``different`` rows keep them apart
   even when rules 2-4 or 6 would merge them;
6. OCR typos: two names of the same type, at least 8 characters, same region, differing in
   exactly one Chinese character at the same position, are merged when the pair is
   unambiguous, only one of the two spellings is attested elsewhere (the character pair
   around the difference appears in another known name) and that spelling is seen at least
   three times as often: 北岭装备自造技工学校 (once) → 北岭装备制造技工学校 (45 times),
   because 制造 occurs in other names and 自造 in none. Numerals,
   ordinals and direction/size characters never count as typos (第一/第二, 东/西, 大/中).
7. short company names: an Enterprise written as its core name plus a bare 公司/集团
   (宏岭动力公司) joins the one enterprise whose registered name is that core plus generic
   business words and a legal suffix (宏岭动力汽车有限公司); never when the rest names a
   place or a specific business (东川重工集团 stays apart from 东川重工株洲机车有限公司), nor when
   two enterprises could match.

The canonical name of a node is its most formal surface form (not a typo, longest: 职业教育
over 职教, with 市 over without); every other form is kept as an alias.

>>> r = Resolver()
>>> r.key("沈阳外贸服务学校", "School") == r.key("沈阳市外贸服务学校", "School")
True
>>> r.key("辽宁外贸职业技术学院", "School") == r.key("辽宁商贸职业学院", "School")
False
"""

from __future__ import annotations

import bisect
import json
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from graph.errors import InputError
from graph.normalize import clean_text, name_key
from graph.schema import Node, make_node_id
from ingest.agencies import national_body
from ingest.model import Mention
from ingest.regions import (REGIONS, Region, is_bare_zone, is_place_relative, lookup_region, region_key,
                            region_prefix)
from ingest.textforms import SURFACE, is_traditional

# Abbreviations expanded in the key, by node type (the long form is the formal one).
ABBREVIATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "Group": (("职教", "职业教育"),),
    "School": (("职教中心", "职业教育中心"),),
}

FUZZY_MIN_LENGTH = 8
TYPO_MIN_SUPPORT = 3  # the right spelling is seen >= 3 times, and >= 3 times as often as the typo
# Characters whose substitution changes the body, never an OCR typo.
_NOT_TYPOS = frozenset("0123456789一二三四五六七八九十百千零〇两第东西南北中上下前后左右内外大小高初新老男女甲乙丙丁")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ASCII = re.compile(r"[\x00-\x7f]")

DECISION_FILES = ("aliases.tsv", "aliases.json")


# ---- user decisions --------------------------------------------------------------------
@dataclass
class Decisions:
    """User alias decisions: ``same`` groups of names to merge, ``different`` groups to keep apart."""

    same: list[list[str]] = field(default_factory=list)
    different: list[list[str]] = field(default_factory=list)

    def extend(self, other: "Decisions") -> None:
        self.same.extend(other.same)
        self.different.extend(other.different)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> "Decisions":
        """Read a decisions file: TSV (``same<TAB>name<TAB>name...``) or JSON
        (``{"same": [[names]], "different": [[names]]}``); see docs/resolution.md."""
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(p), f"cannot read the alias decisions ({exc})") from exc
        if p.suffix.lower() == ".json":
            return cls._from_json(text, str(p))
        out = cls()
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t") if c.strip()]
            kind = cells[0].lower()
            if kind not in ("same", "different") or len(cells) < 3:
                raise InputError(str(p), f"line {lineno}: expected 'same' or 'different' "
                                         "followed by at least two tab-separated names")
            (out.same if kind == "same" else out.different).append(cells[1:])
        return out

    @classmethod
    def _from_json(cls, text: str, name: str) -> "Decisions":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InputError(name, f"invalid JSON ({exc})") from exc
        out = cls()
        if not isinstance(data, dict) or set(data) - {"same", "different"}:
            raise InputError(name, 'expected {"same": [[names...]], "different": [[names...]]}')
        for kind in ("same", "different"):
            rows = data.get(kind, [])
            if not isinstance(rows, list) or not all(
                isinstance(r, list) and len(r) >= 2 and all(isinstance(x, str) for x in r) for r in rows
            ):
                raise InputError(name, f'"{kind}" must be a list of lists of at least two names')
            getattr(out, kind).extend([list(r) for r in rows])
        return out


def load_decisions(store_dir: str | os.PathLike[str] | None = None,
                   extra: str | os.PathLike[str] | None = None) -> Decisions:
    """Decisions from the store folder (aliases.tsv / aliases.json) plus an extra file."""
    out = Decisions()
    if store_dir is not None:
        for fname in DECISION_FILES:
            p = Path(store_dir) / fname
            if p.is_file():
                out.extend(Decisions.load(p))
    if extra is not None:
        if not Path(extra).is_file():
            raise InputError(str(extra), "alias decisions file not found")
        out.extend(Decisions.load(extra))
    return out


# ---- key rules -------------------------------------------------------------------------
def _place_short(region: Region) -> str:
    """The form a place takes inside a key: its short form (沈阳, 辽宁), else its full name."""
    if region.level == "district":
        city = REGIONS[region.parent] if region.parent else None
        return (_place_short(city) if city else "") + region.short[0]
    if region.level == "area":
        return region.name
    return region.short[0] if region.short else region.name


def _place_rank(name: str) -> int:
    """0: the name starts with one place in its full form (沈阳市…, 辽宁省…); 1: short form or no
    place (沈阳…); 2: a redundant chain (辽宁沈阳市…, 辽宁省沈阳市…) — extraction noise as often as not."""
    hit = region_prefix(name)
    if hit is None:
        return 1
    region, surface = hit
    if surface == region.name:
        return 0
    return 1 if surface in region.forms else 2


# A trailing note in brackets after a complete name (临江市外贸服务学校(职教中心), X学院(筹)) does
# not change the body; a place or branch in brackets does (中国石油大学(北京) ≠ (华东); X(分校)).
_TRAILING_NOTE = re.compile(
    r"^(?P<body>.+?(?:学校|学院|大学|中心|集团|联盟|公司|协会|学会|联合会|研究院|共同体|联合体|协作体))"
    r"\((?P<note>[^()]{1,8})\)$")
_KEEP_NOTES = re.compile(r"分校|校区|分院|分公司|分中心|华东|华北|华南|华中|西南|西北|东北|北方|南方")


def strip_trailing_note(key: str) -> str:
    """``key`` without a trailing bracketed note (see _TRAILING_NOTE), else unchanged."""
    m = _TRAILING_NOTE.match(key)
    if m is None:
        return key
    note = m["note"]
    if _KEEP_NOTES.search(note) or lookup_region(note) is not None or region_prefix(note + "x") is not None:
        return key
    return m["body"]


@lru_cache(maxsize=65536)
def rule_key(name: str, node_type: str) -> str:
    """The key of a name by rules 2-4 (surface, abbreviations, places), without user decisions.

    >>> rule_key("辽宁化工装备职教集团", "Group") == rule_key("辽宁省化工装备职业教育集团", "Group")
    True
    """
    if node_type == "Region":
        entry = lookup_region(name)
        return region_key(entry.name) if entry else name_key(name)
    key = strip_trailing_note(name_key(name))
    if node_type == "Agency" and (party := re.match(r"(?:中共|中国共产党)(?=.)", key)) and \
            region_prefix(key[party.end():]) is not None:
        key = key[party.end():]  # 中共某省委 is 某省委
    for short, long in ABBREVIATIONS.get(node_type, ()):
        if short in key:
            key = key.replace(long, short).replace(short, long)
    hit = region_prefix(key)
    if hit is not None:
        region, surface = hit
        key = _place_short(region) + key[len(surface):]
    return key


QUALIFIED = "_qualified"  # mention property set by the pipeline: the name with its place spelled out


def full_name(m: Mention) -> str:
    """The name a mention is resolved by: the surface form, or its place-qualified form
    (省教育厅 → 吉林省教育厅 in a document of 吉林省, see ingest.regions.qualify_name)."""
    return m.properties.get(QUALIFIED) or m.name


class Resolver:
    """Maps mentions to node ids and builds merged nodes.

    Build it with the decisions and the nodes already stored, ``observe`` every new mention,
    then ``node_id(mention)`` / ``build_nodes(mentions)``. Typo detection looks at all names
    known (stored and new), so the result does not depend on the order documents arrive in
    within one ingest.
    """

    def __init__(self, decisions: Decisions | None = None, known: Iterable[Node] = ()) -> None:
        self.decisions = decisions or Decisions()
        self._same: dict[str, str] = {}
        self._apart: dict[str, set[str]] = defaultdict(set)  # key -> keys it must not join
        self._split: set[str] = set()  # names that keep their plain surface key
        self._prepare_decisions()
        self._names: dict[str, set[str]] = defaultdict(set)  # type -> surface names
        self._counts: Counter[tuple[str, str]] = Counter()  # (type, key) -> mentions seen
        self._known: dict[tuple[str, str], str] = {}  # (type, base key) -> stored node id
        self._known_nodes: list[Node] = []
        self._fuzzy: dict[tuple[str, str], str] | None = None
        for node in known:
            self._known_nodes.append(node)
            for form in (node.name, *node.aliases):
                self._names[node.type].add(form)
                self._counts[(node.type, self.key(form, node.type))] += max(1, len(node.docs))

    # ---- keys --------------------------------------------------------------------------
    def _prepare_decisions(self) -> None:
        for row in self.decisions.different:
            base = defaultdict(list)
            for n in row:
                # A name in a 'different' row is compared by type-neutral rules, so the row
                # applies to every type it is used with.
                base[self._untyped_key(n)].append(n)
            for names in base.values():
                if len(names) > 1:  # the rules would merge them: keep their plain surface keys
                    self._split.update(name_key(n) for n in names)
            keys = {self._untyped_key(n) if name_key(n) not in self._split else name_key(n) for n in row}
            for k in keys:
                self._apart[k].update(keys - {k})
        for row in self.decisions.same:
            target = self._decision_key(row[0])
            for n in row:
                self._same[self._decision_key(n)] = target

    @staticmethod
    def _untyped_key(name: str) -> str:
        # Decisions name bodies without a type: apply the widest rules (group abbreviations too).
        return rule_key(name, "Group")

    def _decision_key(self, name: str) -> str:
        plain = name_key(name)
        return plain if plain in self._split else self._untyped_key(name)

    def key(self, name: str, node_type: str) -> str:
        """The resolution key of a name (rules 2-5; typo merging happens in ``finalize``)."""
        plain = name_key(name)
        k = plain if plain in self._split else rule_key(name, node_type)
        if node_type != "Region" and self._same:
            k = self._same.get(self._decision_key(name), self._same.get(k, k))
        return k

    # ---- observing and typo merging -----------------------------------------------------
    def observe(self, mentions: Iterable[Mention]) -> None:
        """Register the names of new mentions (call before ``node_id``)."""
        for m in mentions:
            if not m.properties.get("key"):
                name = full_name(m)
                self._names[m.type].add(name)
                self._counts[(m.type, self.key(name, m.type))] += 1
        self._fuzzy = None

    def finalize(self) -> None:
        """Compute typo merges and index stored nodes (done lazily by ``node_id``)."""
        self._fuzzy = {}
        for node_type, names in self._names.items():
            if node_type in ("Region", "Policy", "Target", "Measure"):
                continue
            counts = {k: c for (t, k), c in self._counts.items() if t == node_type}
            keys = {self.key(n, node_type) for n in names}
            merges = typo_merges(keys, counts, self._apart)
            if node_type == "Enterprise":
                merges.update({a: b for a, b in short_form_merges(keys, self._apart).items() if a not in merges})
            self._fuzzy.update({(node_type, a): b for a, b in merges.items()})
        self._known = {}
        for node in sorted(self._known_nodes, key=lambda n: n.id):
            for form in (node.name, *node.aliases):
                if is_place_relative(form) or is_bare_zone(form):
                    continue  # 省教育厅 is 吉林省教育厅 only in a 吉林省 document
                fk = self._final_key(self.key(form, node.type), node.type)
                self._known.setdefault((node.type, fk), node.id)

    def _final_key(self, key: str, node_type: str) -> str:
        assert self._fuzzy is not None
        return self._fuzzy.get((node_type, key), key)

    def is_typo(self, name: str, node_type: str) -> bool:
        """Whether ``name`` is an OCR typo merged into another spelling."""
        if self._fuzzy is None:
            self.finalize()
        return (node_type, self.key(name, node_type)) in self._fuzzy  # type: ignore[operator]

    def node_id(self, m: Mention) -> str:
        """The id of the node a mention resolves to."""
        if self._fuzzy is None:
            self.finalize()
        given = m.properties.get("key")
        if given:
            return make_node_id(m.type, str(given))
        k = self._final_key(self.key(full_name(m), m.type), m.type)
        return self._known.get((m.type, k)) or make_node_id(m.type, k)

    def build_nodes(self, mentions: Iterable[Mention], existing: dict[str, Node] | None = None) -> dict[str, Node]:
        """Merged nodes for the mentions (with the stored node's forms when it exists), by id."""
        existing = existing or {}
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        props: dict[str, dict] = defaultdict(dict)
        docs: dict[str, set[str]] = defaultdict(set)
        types: dict[str, str] = {}
        originals: dict[str, set[str]] = defaultdict(set)  # Traditional surfaces (Document.mark_surfaces)
        for m in mentions:
            nid = self.node_id(m)
            types[nid] = m.type
            if m.properties.get(SURFACE):
                originals[nid].add(m.properties[SURFACE])
            forms[nid][m.name.strip()] += 1
            forms[nid].setdefault(full_name(m).strip(), 0)  # 吉林省教育厅 for 省教育厅 in a 吉林省 document
            docs[nid].add(m.doc)
            for k, v in m.properties.items():
                if k != "key" and not k.startswith("_") and v not in (None, "", [], {}):
                    props[nid].setdefault(k, v)
        out: dict[str, Node] = {}
        for nid in sorted(forms):
            node_type = types[nid]
            old = existing.get(nid)
            surface = set(forms[nid])
            if old is not None:
                surface.update([old.name, *old.aliases])
            if node_type == "Region":
                entry = next((e for e in map(lookup_region, sorted(surface)) if e is not None), None)
                if entry is not None:
                    surface.update(entry.forms)  # 沈阳 finds 沈阳市
                    props[nid].setdefault("level", entry.level)
                    if entry.parent:
                        props[nid].setdefault("parent", entry.parent)
            name = self.canonical_name(surface, node_type)
            node = Node(id=nid, type=node_type, name=name,
                        aliases=sorted(s for s in surface | originals[nid]
                                       if s and s != name and not is_bare_zone(s)),
                        properties=dict(old.properties) if old else {},
                        docs=sorted(set(old.docs if old else []) | docs[nid]))
            for k, v in props[nid].items():
                node.properties.setdefault(k, v)
            out[nid] = node
        return out

    def canonical_name(self, forms: Iterable[str], node_type: str) -> str:
        """The most formal form: gazetteer name for regions; else not a typo, unabbreviated,
        longest (with 市/省), fewest ASCII characters, then alphabetical (order-independent)."""
        forms = sorted({f.strip() for f in forms if f and f.strip()})
        if node_type == "Region":
            for f in forms:
                entry = lookup_region(f)
                if entry is not None and entry.name in forms:
                    return entry.name
        def rank(f: str) -> tuple:
            c = clean_text(f).strip()
            return (
                self.is_typo(f, node_type),
                is_traditional(c),  # a Traditional alias never becomes the name
                not _HAS_CJK.search(c),  # a Chinese name over the English one beside it
                any(a in c and long not in c for a, long in ABBREVIATIONS.get(node_type, ())),
                strip_trailing_note(name_key(c)) != name_key(c),
                node_type == "Agency" and _informal_national(c),  # 教育部 over the longer 国家教育部
                _place_rank(c),
                -len(name_key(c)),
                len(_ASCII.findall(c)),
                c,
            )

        return min(forms, key=rank)


_HAS_CJK = re.compile(r"[\u4e00-\u9fff]")


def _informal_national(name: str) -> bool:
    """Another form of a national body than its official name (国家教育部, 工信部 for 教育部, 工业和信息化部)."""
    official = national_body(name)
    return official is not None and official != name


def typo_merges(keys: Iterable[str], counts: Mapping[str, int], apart: dict[str, set[str]] | None = None
                ) -> dict[str, str]:
    """Map OCR-typo keys to their attested spelling (rule 6 in the module docstring).

    ``counts``: how many mentions each key had. The right spelling must be seen at least
    TYPO_MIN_SUPPORT times and TYPO_MIN_SUPPORT times as often as the typo: 东川现代渔业职业教育集团
    and 东川现代农业职业教育集团 are each named once in a list, and are two groups.

    >>> typo_merges(["北岭装备自造技工学校", "北岭装备制造技工学校", "东川装备制造职业教育集团"],
    ...             {"北岭装备自造技工学校": 1, "北岭装备制造技工学校": 45})
    {'北岭装备自造技工学校': '北岭装备制造技工学校'}
    >>> typo_merges(["东川现代渔业职业教育集团", "东川现代农业职业教育集团", "现代农业联盟"],
    ...             {"东川现代渔业职业教育集团": 1, "东川现代农业职业教育集团": 1})
    {}
    """
    apart = apart or {}
    keys = sorted(set(keys))
    bigrams: Counter[str] = Counter()
    for k in keys:
        bigrams.update({k[i:i + 2] for i in range(len(k) - 1)})
    buckets: dict[tuple[int, str], list[str]] = defaultdict(list)
    for k in keys:
        if len(k) < FUZZY_MIN_LENGTH:
            continue
        for i in range(len(k)):
            buckets[(i, k[:i] + "\x00" + k[i + 1:])].append(k)

    def attested(k: str, i: int) -> bool:
        return any(bigrams[bg] >= 2 for bg in _around(k, i))

    candidates: dict[str, set[str]] = defaultdict(set)
    for (i, _), ks in buckets.items():
        if len(ks) != 2:
            continue  # three spellings differing at one place: ambiguous
        a, b = ks
        if not (_CJK.match(a[i]) and _CJK.match(b[i])) or a[i] in _NOT_TYPOS or b[i] in _NOT_TYPOS:
            continue
        if b in apart.get(a, ()) or a in apart.get(b, ()):
            continue
        ra, rb = region_prefix(a), region_prefix(b)
        if (ra and ra[0]) != (rb and rb[0]) or (ra and i < len(ra[1])):
            continue  # the difference is in the place name: 辽阳X is not 辽宁X
        att_a, att_b = attested(a, i), attested(b, i)
        if att_a and not att_b and _outweighs(counts.get(a, 0), counts.get(b, 0)):
            candidates[b].add(a)
        elif att_b and not att_a and _outweighs(counts.get(b, 0), counts.get(a, 0)):
            candidates[a].add(b)
    return {typo: next(iter(good)) for typo, good in sorted(candidates.items())
            if len(good) == 1 and typo not in {g for gs in candidates.values() for g in gs}}


# Legal-form suffixes of company names, longest first.
_LEGAL = re.compile(r"(?:\(集团\))?(?:集团)?(?:股份)?(?:有限责任|有限)?(?:公司|集团)$")
# Words that describe a company's line of business in general terms: a registered name may add
# them to the short name people use (宏岭动力 + 汽车 + 有限公司).
_GENERIC_BUSINESS = re.compile(
    r"^(?:汽车|实业|发展|科技|控股|股份|集团|机械|设备|电子|商务|食品|信息|技术|工业|贸易|国际|投资|管理|"
    r"服务|物流|制造|网络|软件|文化|传媒|建设|工程|中国)+$")


def company_core(key: str) -> str:
    """The name of a company without its legal form: 宏岭动力汽车有限公司 → 宏岭动力汽车."""
    return _LEGAL.sub("", key)


def short_form_merges(keys: Iterable[str], apart: dict[str, set[str]] | None = None) -> dict[str, str]:
    """Map short company keys to the one registered name they abbreviate (rule 7).

    >>> short_form_merges(["宏岭动力公司", "宏岭动力汽车有限公司", "东川重工集团", "东川重工株洲机车有限公司"])
    {'宏岭动力公司': '宏岭动力汽车有限公司'}
    """
    apart = apart or {}
    keys = sorted(set(keys))
    # Registered names by their core, sorted: those whose core starts with a short form's core
    # are one run of the list (found by bisection, not by testing every stored name).
    registered = sorted((company_core(b), b) for b in keys if "有限" in b)
    cores = [c for c, _ in registered]
    merges: dict[str, str] = {}
    for a in keys:
        core_a = company_core(a)
        if len(core_a) < 2 or core_a == a or "有限" in a:
            continue  # only bare 'X公司' / 'X集团' short forms are abbreviations
        matches = []
        for core_b, b in registered[bisect.bisect_left(cores, core_a):]:
            if not core_b.startswith(core_a):
                break
            if b in apart.get(a, ()) or a in apart.get(b, ()):
                continue
            rest = core_b[len(core_a):]
            if not rest or _GENERIC_BUSINESS.match(rest):
                matches.append(b)
        if len(matches) == 1:
            merges[a] = matches[0]
    return merges


def _outweighs(right: int, typo: int) -> bool:
    return right >= TYPO_MIN_SUPPORT and right >= TYPO_MIN_SUPPORT * max(typo, 1)


def _around(k: str, i: int) -> list[str]:
    return [k[j:j + 2] for j in (i - 1, i) if 0 <= j and j + 2 <= len(k)]
