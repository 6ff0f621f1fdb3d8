"""Execute an interpretation on the graph: candidates of the answer type linked to the named
entities by the asked relation, serving the asked industry, inside the asked region.

Each match carries the path (edges) that makes it an answer and that path's evidence; region
and type are hard filters. Ranking is left to search/answer.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np

from graph.schema import EDGE_TYPES, ORG_TYPES, Edge, Evidence
from search.graphview import GraphView
from search.hybrid import SearchContext
from search.naming import kind_accepts, kind_preferred
from search.constraints import industry_core
from search.question import Interpretation, fits_relation
from search.vocab import INDUSTRY_ZH_SYNONYMS

# Relations whose far end is a text-like node (a task, a target, a policy) that questions
# describe rather than name: "建设50所左右省级优质中职学校由哪些部门负责".
TOPIC_RELATIONS = {"RESPONSIBLE_FOR": {"Measure", "Target"}, "IMPLEMENTS": {"Policy", "Measure", "Target"},
                   "ISSUED_BY": {"Policy"}}
NEIGHBOUR_MARGIN = 0.02  # cosine below the best lexical industry match still counted as it
# A lead unit is a member of the body it leads (its 理事长单位 sits on its council), so asking
# for members or for the bodies a unit joins finds LEADS edges too, one tier lower.
RELATED_RELATIONS = {"MEMBER_OF": ("LEADS",)}
RELATED_STRENGTH = 0.8
# Relations whose agent (who leads, implements, issues …) is the edge's target rather than its source.
AGENT_AT_TARGET = {"ISSUED_BY"}


@dataclass
class Match:
    node_id: str
    strength: float
    path: list[Edge] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    anchor_rank: int = 0


def target_types(interp: Interpretation, view: GraphView) -> set[str] | None:
    """Node types an answer may have (None: any)."""
    if interp.answer_type:
        return {interp.answer_type}
    rel = interp.relation
    if rel and rel in EDGE_TYPES:
        src, tgt = EDGE_TYPES[rel]
        entity_types = {e["type"] for e in interp.entities}
        # The answer is the end the entities are not on.
        if tgt is not None and entity_types and entity_types <= tgt:
            return set(src) if src is not None else set(ORG_TYPES)
        if src is not None and entity_types and entity_types <= src:
            return set(tgt) if tgt is not None else set(ORG_TYPES)
        if rel == "SERVES":
            return set(src)
        return set(ORG_TYPES)
    if interp.industry and not interp.entities:
        return {"Group", "School"}
    return None


def industry_nodes(view: GraphView, ctx: SearchContext, term: str) -> list[str]:
    """IndustryChain nodes meaning ``term``: names containing it (高端装备制造, 装备制造业) or
    a short form of it (石化 for 石油化工), and their near neighbours by name embedding."""
    lexical = []
    for n in view.nodes_of(["IndustryChain"]):
        # Narrower names count (高端装备制造 for 装备制造), broader ones do not (交通 for 轨道交通).
        core = industry_core(n.name)
        short_for = INDUSTRY_ZH_SYNONYMS.get(core, INDUSTRY_ZH_SYNONYMS.get(n.name))
        if term in n.name or core == term or short_for == term:
            lexical.append(n.id)
    names = ctx.indexes.names
    if not names or ctx.indexes.name_vectors is None:
        return lexical
    vecs = ctx.indexes.name_vectors.matrix
    row = {it["id"]: i for i, it in enumerate(names)}
    anchors = [row[i] for i in lexical if i in row]
    if anchors:
        near = (vecs @ vecs[anchors].T).max(axis=1)
        extra = [names[i]["id"] for i in np.nonzero(near >= 1.0 - NEIGHBOUR_MARGIN)[0]]
    else:  # no chain named like the term: its nearest chain, if it shares the term's head
        sims = vecs @ ctx.query_vector(term)
        best = int(np.argmax(sims))
        extra = [names[best]["id"]] if term[:2] in names[best]["name"] else []
    return list(dict.fromkeys(lexical + extra))


def _serves_through_group(view: GraphView, node_id: str, ind_set: set[str], rel: str | None) -> list[Edge]:
    """[LEADS or MEMBER_OF edge, SERVES edge]: a school that leads a group serving the industry
    ("which schools lead groups that serve modern agriculture")."""
    if not ind_set:
        return []
    wanted = {rel} if rel in ("LEADS", "MEMBER_OF") else {"LEADS", "MEMBER_OF"}
    for e in view.out.get(node_id, []):
        if e.type in wanted and e.evidence:
            for s in view.out.get(e.target, []):
                if s.type == "SERVES" and s.target in ind_set and s.evidence:
                    return [e, s]
    return []


def in_region(view: GraphView, node_id: str, region: str) -> bool:
    """Is the node in the region: as the view says, or through any place its name names inside
    the region (the 东川 of 西川省东川市职业中学, whose first place is the province), unless the
    node is known to be elsewhere?"""
    if view.in_region(node_id, region):
        return True
    name = view.nodes[node_id].name
    known = view.regions_of(node_id) - {"中国"}
    for surface in _region_surfaces(view, region):
        if surface in name:
            place = view.region_names[surface]
            if not known or known & (set(view.ancestors(place)) - {"中国"}):
                return True
    return False


def _region_surfaces(view: GraphView, region: str) -> list[str]:
    """Chinese names (2+ characters) of the region and of the places inside it."""
    cache = view.__dict__.setdefault("_surfaces_in", {})
    if region not in cache:
        cache[region] = [s for s, short in view.region_names.items()
                         if len(s) >= 2 and re.search(r"[\u4e00-\u9fff]", s) and region in view.ancestors(short)]
    return cache[region]


def _has_evidence(e: Edge) -> bool:
    return bool(e.evidence)


def _name_evidence(view: GraphView, node_id: str, words: list[str]) -> list[Evidence]:
    """Quotes from a node's edges that name the node (or one of ``words``): what shows a
    group named for an industry when no SERVES edge was extracted."""
    node = view.nodes[node_id]
    names = [node.name, *node.aliases]
    out = []
    for e in view.edges(node_id):
        for ev in e.evidence:
            if any(n and n in ev.quote for n in names) or any(w in ev.quote for w in words):
                out.append(ev)
    return out


def _topic_types(interp: Interpretation) -> set[str]:
    """Types a described anchor may have: the end of the relation the answers are not on
    (哪些措施落实了…的目标: the anchor is a Target or a Policy, not another Measure)."""
    rel, types = interp.relation, set(TOPIC_RELATIONS[interp.relation])
    src, tgt = EDGE_TYPES[rel]
    if interp.answer_type and src is not None and tgt is not None:
        at_src, at_tgt = interp.answer_type in src, interp.answer_type in tgt
        if at_src and not at_tgt:
            types &= set(tgt)
        elif at_tgt and not at_src:
            types &= set(src)
    return types or set(TOPIC_RELATIONS[rel])


def _entity_end(interp: Interpretation, node_type: str) -> str | None:
    """Which end of the asked relation an entity of this type is on ("source"/"target"), when
    its type fits both ends (a Policy implements a Policy) and the wording says; else None."""
    rel = interp.relation
    if rel not in EDGE_TYPES or rel == "PARTNERS_WITH" or interp.role is None:
        return None
    src, tgt = EDGE_TYPES[rel]
    if not ((src is None or node_type in src) and (tgt is None or node_type in tgt)):
        return None
    agent_end = "target" if rel in AGENT_AT_TARGET else "source"
    return agent_end if interp.role == "agent" else ({"source": "target", "target": "source"}[agent_end])


def topic_anchors(view: GraphView, ctx: SearchContext, interp: Interpretation, qvec, types: set[str]) -> list[str]:
    """Nodes of ``types`` the question describes (by text), best first: BM25 must agree."""
    allowed = view.ids_of(types)
    if not allowed or not interp.topic:
        return []
    bm = ctx.indexes.node_lexical.scores(interp.topic)
    ids = ctx.node_ids
    rows = np.flatnonzero((bm > 0) & ctx.rows_of(types))
    vec = ctx.indexes.node_vectors.scores(qvec)
    if not len(rows):  # no shared word (an English question about a Chinese task): embeddings alone
        dense = sorted(allowed & set(ctx.indexes.node_row), key=lambda i: -vec[ctx.indexes.node_row[i]])
        return dense[:1]
    order = rows[np.argsort(-bm[rows], kind="stable")]  # best first, ties in row order
    best = float(bm[order[0]])
    lexical = []
    for r in order[:5]:
        if float(bm[r]) < 0.6 * best:
            break
        lexical.append(ids[r])
    return sorted(lexical, key=lambda i: -vec[ctx.indexes.node_row[i]])


def execute(view: GraphView, ctx: SearchContext, interp: Interpretation, qvec) -> list[Match]:
    """All matches of the interpretation, unranked beyond their strength."""
    if interp.unresolved and not interp.entities:
        return []  # the question names a body the graph does not know
    if interp.via_groups:
        return _through_groups(view, ctx, interp, qvec)
    types = target_types(interp, view)
    rel = interp.relation
    anchors = [e["id"] for e in interp.entities if fits_relation(rel, e["type"])]
    anchor_rank = {a: 0 for a in anchors}
    if not anchors and rel in TOPIC_RELATIONS:
        found = topic_anchors(view, ctx, interp, qvec, _topic_types(interp))
        anchors, anchor_rank = found, {a: r for r, a in enumerate(found)}
        if not anchors:
            return []
    inds = industry_nodes(view, ctx, interp.industry) if interp.industry else []
    ind_set = set(inds)
    ind_words = list(dict.fromkeys([interp.industry, *(industry_core(view.nodes[i].name) for i in inds)])) \
        if interp.industry else []
    wanted = {rel, *RELATED_RELATIONS.get(rel, ())} if rel else None

    matches: dict[str, Match] = {}

    def add(m: Match) -> None:
        old = matches.get(m.node_id)
        if old is None or (m.strength, -m.anchor_rank) > (old.strength, -old.anchor_rank):
            matches[m.node_id] = m

    if anchors:
        for a in anchors:
            end = _entity_end(interp, view.nodes[a].type)
            for e in view.edges(a):
                if e.type == "LOCATED_IN" and rel != "LOCATED_IN" and interp.answer_type != "Region":
                    continue  # where a body is answers 在哪里, not 有哪些
                if wanted and e.type not in wanted:
                    continue
                if end and e.type == rel and (e.source == a) != (end == "source"):
                    continue  # 哪些政策落实了X: policies implementing X, not those X implements
                if e.type != rel and rel in RELATED_RELATIONS and (e.target == a) != (view.nodes[a].type == "Group"):
                    continue  # a lead unit counts as a member: unit → group only
                other = e.target if e.source == a else e.source
                if other in anchor_rank or not _has_evidence(e):
                    continue
                if types is not None and view.nodes[other].type not in types:
                    continue
                strength = (1.0 if e.type == rel else RELATED_STRENGTH) if rel else 0.7
                add(Match(other, strength, [e], list(e.evidence), anchor_rank[a]))
        if interp.seat:
            seated = {k: m for k, m in matches.items() if any(e.properties.get("role") == interp.seat for e in m.path)}
            if seated:  # the graph records that seat: only its holders (else every member, roles shown)
                matches = seated
    else:
        for n in _unanchored_candidates(view, interp, types, ind_set, ind_words, rel):
            if n.type in ("Region",) and interp.answer_type != "Region":
                continue
            if ind_set or interp.industry:
                serves = [e for e in view.out.get(n.id, []) if e.type == "SERVES" and e.target in ind_set
                          and _has_evidence(e)]
                if serves:
                    add(Match(n.id, 1.0, serves[:1], [ev for e in serves for ev in e.evidence]))
                    continue
                via = _serves_through_group(view, n.id, ind_set, rel)
                if via:
                    add(Match(n.id, 0.8, via, [ev for e in via for ev in e.evidence]))
                    continue
                if any(w and w in n.name for w in ind_words):
                    ev = _name_evidence(view, n.id, ind_words)
                    if ev:
                        add(Match(n.id, 0.6, [], ev))
                continue
            if rel and rel != "LOCATED_IN":
                edges = [e for e in view.edges(n.id) if e.type == rel and _has_evidence(e)]
                if edges:
                    add(Match(n.id, 1.0, edges[:1], [ev for e in edges for ev in e.evidence]))
                continue
            edges = [e for e in view.edges(n.id) if _has_evidence(e)]
            if edges:
                add(Match(n.id, 0.5, edges[:1], [ev for e in edges[:3] for ev in e.evidence]))

    # Industry as an extra filter when the question also names an entity.
    if anchors and interp.entities and ind_set:
        for nid in list(matches):
            serves = any(e.type == "SERVES" and e.target in ind_set for e in view.out.get(nid, []))
            if not serves and not any(w in view.nodes[nid].name for w in ind_words):
                del matches[nid]
    # 哪些产业学院: the kind of group asked for is a filter on group answers.
    if interp.group_kind and interp.answer_type == "Group":
        for nid in list(matches):
            if view.nodes[nid].type == "Group" and not kind_accepts(interp.group_kind, view.nodes[nid].name):
                del matches[nid]
    if interp.region:
        for nid in list(matches):
            if not in_region(view, nid, interp.region):
                del matches[nid]
    return [m for m in matches.values() if m.evidence]


def _unanchored_candidates(view: GraphView, interp: Interpretation, types: set[str] | None,
                           ind_set: set[str], ind_words: list[str], rel: str | None) -> list:
    """The nodes of ``types`` that can match a question naming no body, in the view's order:
    the necessary conditions of the loop in ``execute`` (and of the region filter after it),
    looked up through the view's indexes instead of tested on every node of the type."""
    need: list[frozenset[str]] = []
    if interp.region:
        need.append(view.region_candidates(interp.region))
    if ind_set or interp.industry:
        serving = {e.source for i in ind_set for e in view.inn.get(i, ()) if e.type == "SERVES"}
        through = {e.source for g in serving for e in view.inn.get(g, ()) if e.type in ("LEADS", "MEMBER_OF")}
        need.append(frozenset(serving | through) | view.named_with(ind_words))
    elif rel and rel != "LOCATED_IN":
        need.append(view.with_relation(rel))
    if not need:
        return view.nodes_of(types)
    found = min(need, key=len)
    return view.in_order([i for i in found if all(i in other for other in need)], types)


def _through_groups(view: GraphView, ctx: SearchContext, interp: Interpretation, qvec) -> list[Match]:
    """Who leads / joins / partners with the groups the question describes: the groups first
    (kind, industry; region on either end), then the units linked to them by the relation,
    with the path unit -LEADS-> group -SERVES-> industry."""
    rel = interp.relation
    groups_asked = replace(interp, answer_type="Group", relation="SERVES" if interp.industry else None,
                           region=None, via_groups=False, count=False, role=None)
    groups = sorted(execute(view, ctx, groups_asked, qvec),
                    key=lambda m: (-m.strength, not kind_preferred(interp.group_kind, view.nodes[m.node_id].name),
                                   m.node_id))
    wanted = {rel, *RELATED_RELATIONS.get(rel, ())}
    out: dict[str, Match] = {}
    for rank, g in enumerate(groups):
        group_in_region = not interp.region or in_region(view, g.node_id, interp.region)
        for e in view.edges(g.node_id):
            if e.type not in wanted or not _has_evidence(e):
                continue
            if e.type in ("LEADS", "MEMBER_OF") and e.target != g.node_id:
                continue
            other = e.target if e.source == g.node_id else e.source
            node = view.nodes[other]
            if interp.answer_type and node.type != interp.answer_type:
                continue
            if node.type == "Group" and not interp.answer_type:
                continue  # the units behind the groups, not other groups
            if not group_in_region and not in_region(view, other, interp.region):
                continue
            strength = g.strength * (1.0 if e.type == rel else RELATED_STRENGTH)
            # unit -LEADS-> group -SERVES-> industry (the group's own path only when it was asked)
            path = [e, *(p for p in g.path if p.type == "SERVES" and interp.industry)]
            m = Match(other, strength, path, [*e.evidence, *g.evidence], rank)
            old = out.get(other)
            if old is None or (m.strength, -m.anchor_rank) > (old.strength, -old.anchor_rank):
                out[other] = m
    return list(out.values())
