"""An in-memory snapshot of the graph for answering questions quickly on any backend: nodes,
adjacency, a name matcher and region containment, built once from GraphStore primitives and
kept warm with the indexes.

Regions: a node is in a region through LOCATED_IN, through a place named in its own name
(甘肃省新能源职业教育集团 → 甘肃), or, failing both, through the region of a unit that
leads it. A region contains its cities: containment follows Region ``parent`` properties,
LOCATED_IN edges between regions, and the gazetteer (search/vocab.py, a view of ingest/regions.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Iterator

from graph.base import GraphStore
from graph.normalize import name_key
from graph.schema import Edge, Node
from search.vocab import gazetteer, region_names, region_short

# Variants that do not change which body is meant: 职教 = 职业教育.
_VARIANTS = (("职业教育", "职教"),)
_REGION_AFTER = re.compile(r"(省|市)")
_COMPANY_SUFFIX = re.compile(r"(汽车|科技|实业发展|实业|股份)?(有限责任公司|股份有限公司|集团有限公司|有限公司|总公司|公司)$")


def match_key(text: str) -> str:
    """name_key plus abbreviation folding, so 东川职教联盟 and 东川职业教育联盟 meet."""
    key = name_key(text)
    for full, short in _VARIANTS:
        key = key.replace(full, short)
    return key


def keyed(text: str) -> tuple[str, list[int]]:
    """``match_key`` of text plus, for each key character, its index in ``text``."""
    chars: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        k = name_key(ch)
        chars.extend((c, i) for c in k)
    s = "".join(c for c, _ in chars)
    idx = [i for _, i in chars]
    for full, short in _VARIANTS:
        out_s, out_i, j = [], [], 0
        while j < len(s):
            if s.startswith(full, j):
                out_s.append(short)
                out_i.extend(idx[j:j + len(short)])
                j += len(full)
            else:
                out_s.append(s[j])
                out_i.append(idx[j])
                j += 1
        s, idx = "".join(out_s), out_i
    return s, idx


class GraphView:
    """Read-only snapshot of a store for question answering."""

    def __init__(self, store: GraphStore) -> None:
        self.nodes: dict[str, Node] = {n.id: n for n in store.iter_nodes()}
        self.out: dict[str, list[Edge]] = defaultdict(list)
        self.inn: dict[str, list[Edge]] = defaultdict(list)
        for e in store.iter_edges():
            if e.source in self.nodes and e.target in self.nodes:
                self.out[e.source].append(e)
                self.inn[e.target].append(e)
        self._build_names()
        self._build_regions()
        self._region_cache: dict[str, frozenset[str]] = {}
        self._position = {nid: i for i, nid in enumerate(self.nodes)}
        self._by_type: dict[str, list[Node]] = defaultdict(list)
        for n in self.nodes.values():
            self._by_type[n.type].append(n)
        self._named_places: dict[str, set[str]] | None = None  # surface -> nodes whose name has it
        self._candidates: dict[tuple, frozenset[str]] = {}
        self._evidence_counts: dict[str, int] = {}

    # ---- names ------------------------------------------------------------------------
    def _build_names(self) -> None:
        """match key → node ids, over names and aliases (keys of 2+ characters)."""
        self.by_key: dict[str, set[str]] = defaultdict(set)
        for n in self.nodes.values():
            for surface in {n.name, *n.aliases}:
                for k in self.name_variants(surface, n.type):
                    if len(k) >= 2:
                        self.by_key[k].add(n.id)
        self.max_key = max((len(k) for k in self.by_key), default=0)

    @staticmethod
    def name_variants(surface: str, node_type: str) -> set[str]:
        key = match_key(surface)
        out = {key}
        if node_type == "Region":
            out.add(match_key(region_short(surface)))
        else:
            # 大连市外贸服务学校 = 大连外贸服务学校: a 市/省 right after a leading place name.
            m = _REGION_AFTER.search(key[:6])
            if m and m.start() >= 2 and len(key) - m.end() >= 3:
                out.add(key[: m.start()] + key[m.end():])
            if node_type == "Enterprise":
                # 星河汽车 names 星河汽车公司: a company without its legal-form suffix.
                m = _COMPANY_SUFFIX.search(key)
                if m and m.start() >= 4:
                    out.add(key[: m.start()])
        return out

    def edges(self, node_id: str) -> list[Edge]:
        return self.out.get(node_id, []) + self.inn.get(node_id, [])

    # ---- regions ----------------------------------------------------------------------
    def _build_regions(self) -> None:
        self.region_parent: dict[str, str] = {}
        self.region_names: dict[str, str] = {}  # surface (zh short/full, English) → short name
        self.region_node: dict[str, str] = {}   # short name → Region node id
        for zh, en, parent in gazetteer():
            self.region_names[zh] = zh
            if en:
                self.region_names[en] = zh
            if parent:
                self.region_parent.setdefault(zh, parent)
        for surface, short in region_names().items():  # 柳州市, liuzhou, 楚雄州 …
            self.region_names.setdefault(surface, short)
        for n in self.nodes.values():
            if n.type != "Region":
                continue
            short = region_short(n.name)
            self.region_node.setdefault(short, n.id)
            for surface in {n.name, *n.aliases}:
                self.region_names.setdefault(surface, short)
                self.region_names.setdefault(region_short(surface), short)
        for n in self.nodes.values():
            if n.type != "Region":
                continue
            short = region_short(n.name)
            parent = n.properties.get("parent")
            if isinstance(parent, str) and parent:
                pnode = self.nodes.get(parent)
                pshort = region_short(pnode.name) if pnode else region_short(parent)
                if pshort != short:
                    self.region_parent[short] = pshort
            for e in self.out.get(n.id, []):
                tgt = self.nodes[e.target]
                if e.type == "LOCATED_IN" and tgt.type == "Region" and region_short(tgt.name) != short:
                    self.region_parent[short] = region_short(tgt.name)
        # Chinese place names by first character, longest first for scanning names
        # (沈阳现代化都市圈 before 沈阳).
        self._place_scan: dict[str, list[str]] = defaultdict(list)
        for s in sorted((s for s in self.region_names if re.search(r"[\u4e00-\u9fff]", s)), key=len, reverse=True):
            self._place_scan[s[0]].append(s)
        self._english_places = sorted((s for s in self.region_names if re.search(r"[a-z]", s)), key=len, reverse=True)

    def ancestors(self, short: str) -> list[str]:
        """The region and every region containing it (沈阳 → [沈阳, 辽宁, 中国])."""
        chain, seen = [short], {short}
        while chain[-1] in self.region_parent:
            nxt = self.region_parent[chain[-1]]
            if nxt in seen:
                break
            chain.append(nxt)
            seen.add(nxt)
        return chain

    def english_region_names(self) -> list[str]:
        """The region names in Latin letters (liaoning, xi'an, inner mongolia), longest first."""
        return self._english_places

    def places_in(self, text: str) -> Iterator[tuple[int, str]]:
        """Every Chinese place name in ``text`` as (position, surface), in order of position and
        longest first at a position (thousands of names: looked up by their first character)."""
        for pos, ch in enumerate(text):
            for surface in self._place_scan.get(ch, ()):
                if text.startswith(surface, pos):
                    yield pos, surface

    def place_in_name(self, name: str) -> str | None:
        """The first place named in a body's name (甘肃装备制造职业教育集团 → 甘肃)."""
        for _, surface in self.places_in(name):  # the earliest place, the longest there
            return self.region_names[surface]
        return None

    def own_regions(self, node_id: str) -> set[str]:
        node = self.nodes[node_id]
        if node.type == "Region":
            return {region_short(node.name)}
        out = {region_short(self.nodes[e.target].name) for e in self.out.get(node_id, [])
               if e.type == "LOCATED_IN"}
        place = self.place_in_name(node.name)
        if place:
            # The place in a body's own name wins over a conflicting LOCATED_IN (a guess from
            # the scope of the document that lists it: a Liaoning file lists Hebei's groups).
            mine = set(self.ancestors(place))
            out = {r for r in out if r in mine or place in self.ancestors(r)}
            out.add(place)
        return out

    def regions_of(self, node_id: str) -> frozenset[str]:
        """Every region a node is in, ancestors included (empty when nothing says)."""
        cached = self._region_cache.get(node_id)
        if cached is not None:
            return cached
        direct = self.own_regions(node_id)
        if not direct and self.nodes[node_id].type == "Group":
            for e in self.inn.get(node_id, []):
                if e.type == "LEADS":
                    direct |= self.own_regions(e.source)
        out = frozenset(a for r in direct for a in self.ancestors(r))
        self._region_cache[node_id] = out
        return out

    def in_region(self, node_id: str, region: str) -> bool:
        return region in self.regions_of(node_id)

    def nodes_of(self, types: Iterable[str] | None) -> list[Node]:
        """Nodes of these types (all when None), in the store's order."""
        allowed = set(types) if types else None
        if allowed is None:
            return list(self.nodes.values())
        if len(allowed) == 1:
            return list(self._by_type.get(next(iter(allowed)), ()))
        return [n for n in self.nodes.values() if n.type in allowed]

    def ids_of(self, types: Iterable[str]) -> frozenset[str]:
        """The ids of the nodes of these types."""
        key = ("types", frozenset(types))
        if key not in self._candidates:
            self._candidates[key] = frozenset(n.id for t in key[1] for n in self._by_type.get(t, ()))
        return self._candidates[key]

    def evidence_count(self, node_id: str) -> int:
        """How many distinct places of the documents state something about the node."""
        count = self._evidence_counts.get(node_id)
        if count is None:
            count = len({(ev.doc, ev.start) for e in self.edges(node_id) for ev in e.evidence})
            self._evidence_counts[node_id] = count
        return count

    def in_order(self, ids: Iterable[str], types: Iterable[str] | None = None) -> list[Node]:
        """``nodes_of(types)`` restricted to ``ids`` (a much smaller set), in the same order."""
        allowed = set(types) if types else None
        found = [self.nodes[i] for i in ids if i in self.nodes]
        found = [n for n in found if allowed is None or n.type in allowed]
        return sorted(found, key=lambda n: self._position[n.id])

    # ---- candidates: necessary conditions found through indexes ----------------------------
    # A question that names no body (某市有哪些学校) would otherwise test every node of the type;
    # these give a superset of the nodes that can pass, and the exact tests run on it alone.
    def region_candidates(self, region: str) -> frozenset[str]:
        """Every node that can be in ``region`` (search.graphquery.in_region): located in a place
        inside it, named with such a place anywhere in its name, a region inside it, or a group
        led by one of these."""
        key = ("region", region)
        if key in self._candidates:
            return self._candidates[key]
        inside = {short for short in {*self.region_names.values(), *self.region_node}
                  if region in self.ancestors(short)}
        found: set[str] = set()
        for n in self._by_type.get("Region", ()):
            if region_short(n.name) in inside:
                found.add(n.id)
                found.update(e.source for e in self.inn.get(n.id, ()) if e.type == "LOCATED_IN")
        places = self.named_places()
        for surface, short in self.region_names.items():
            if short in inside:
                found.update(places.get(surface, ()))
        found.update(e.target for nid in list(found) for e in self.out.get(nid, ()) if e.type == "LEADS")
        self._candidates[key] = out = frozenset(found)
        return out

    def named_places(self) -> dict[str, set[str]]:
        """Place surface -> the nodes whose name contains it anywhere (built on first use: it
        reads every name once, ~1.5 s at 100k nodes)."""
        if self._named_places is None:
            index: dict[str, set[str]] = defaultdict(set)
            for n in self.nodes.values():
                for _, surface in self.places_in(n.name):
                    index[surface].add(n.id)
            self._named_places = dict(index)
        return self._named_places

    def with_relation(self, rel: str) -> frozenset[str]:
        """Nodes at either end of an edge of this relation type."""
        key = ("relation", rel)
        if key not in self._candidates:
            self._candidates[key] = frozenset(i for i, edges in (*self.out.items(), *self.inn.items())
                                              if any(e.type == rel for e in edges))
        return self._candidates[key]

    def named_with(self, words: Iterable[str]) -> frozenset[str]:
        """Nodes whose name contains one of ``words``."""
        words = tuple(w for w in words if w)
        key = ("words", words)
        if key not in self._candidates:
            self._candidates[key] = frozenset(i for i, n in self.nodes.items() if any(w in n.name for w in words))
        return self._candidates[key]
