"""Policy tracing: from a policy down to its targets, the measures that implement them, the
departments responsible and the documents that forward or implement it; or from a measure
or target up to its policy and the policies that one implements.

Built on the GraphStore primitives only (iter_nodes, get_node, out_edges, in_edges), so it
works on every backend. ``trace(store, query, direction)`` returns the JSON of
``vocgraph trace --json``; ``render_tree`` prints the same trace as an indented tree.

>>> # trace(store, "辽政发[2021]2号")["matches"][0]["type"]
>>> # 'Policy'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from graph.base import GraphStore
from graph.errors import InputError
from graph.normalize import name_key
from graph.schema import Edge, Node, make_node_id
from ingest.policy_text import find_numbers, normalize_number

TRACE_TYPES = ("Policy", "Target", "Measure")
DIRECTIONS = ("down", "up", "both")
MAX_MATCHES = 5
MAX_DEPTH = 4  # policy lineage hops followed up or down


# ---- matching the query ------------------------------------------------------------------
def _forms(node: Node) -> list[str]:
    props = node.properties
    return [node.name, *node.aliases, *(str(props[k]) for k in ("number", "title", "text") if props.get(k))]


def find_matches(store: GraphStore, query: str, limit: int = MAX_MATCHES) -> list[Node]:
    """Policies, targets and measures the query names: a document number (any bracket form),
    a title fragment, or a target or measure text. Exact matches first, then fragments."""
    q = query.strip()
    if not q:
        raise InputError("trace", "the query is empty")
    numbers = [normalize_number(n) for n, _, _ in find_numbers(q)]
    if numbers:
        hits = [n for n in store.iter_nodes("Policy")
                if any(normalize_number(f) in numbers for f in _forms(n) if find_numbers(f))]
        if hits:
            return sorted(hits, key=lambda n: n.name)[:limit]
    key = name_key(q)
    if not key:
        return []
    ranked: list[tuple[tuple[int, int, int], Node]] = []
    for t_rank, node_type in enumerate(TRACE_TYPES):
        for n in store.iter_nodes(node_type):
            keys = [name_key(f) for f in _forms(n)]
            if key in keys:
                ranked.append(((0, t_rank, len(n.name)), n))
            elif any(key in k for k in keys):
                ranked.append(((1, t_rank, len(n.name)), n))
    ranked.sort(key=lambda x: (x[0], x[1].name))
    return [n for _, n in ranked[:limit]]


# ---- walking the graph -------------------------------------------------------------------
@dataclass
class TraceNode:
    """A node of the trace tree, reached from its parent through ``edge`` (None at the root)."""

    node: Node
    edge: Edge | None = None
    label: str = ""
    children: list["TraceNode"] = field(default_factory=list)

    def walk(self) -> Iterator["TraceNode"]:
        yield self
        for c in self.children:
            yield from c.walk()


class _View:
    """The store plus links computed on the fly (when none were stored by the ingest step)."""

    def __init__(self, store: GraphStore, extra: list[Edge] | None = None) -> None:
        self.store = store
        self._out: dict[str, list[Edge]] = {}
        self._in: dict[str, list[Edge]] = {}
        for e in extra or []:
            self._out.setdefault(e.source, []).append(e)
            self._in.setdefault(e.target, []).append(e)
        self._nodes: dict[str, Node | None] = {}
        self._issued: dict[str, list[Node]] | None = None

    def issued_with(self, node_id: str) -> list[Node]:
        """Plans issued by the notice ``node_id`` (their ``issued_with`` property holds its key)."""
        if self._issued is None:
            self._issued = {}
            for n in self.store.iter_nodes("Policy"):
                if n.properties.get("issued_with"):
                    self._issued.setdefault(make_node_id("Policy", n.properties["issued_with"]), []).append(n)
        return self._issued.get(node_id, [])

    def node(self, node_id: str) -> Node | None:
        if node_id not in self._nodes:
            self._nodes[node_id] = self.store.get_node(node_id)
        return self._nodes[node_id]

    def out(self, node_id: str, rel: str, target_type: str | None = None) -> list[tuple[Edge, Node]]:
        return self._pick([*self.store.out_edges(node_id), *self._out.get(node_id, [])], rel, target_type, "target")

    def into(self, node_id: str, rel: str, source_type: str | None = None) -> list[tuple[Edge, Node]]:
        return self._pick([*self.store.in_edges(node_id), *self._in.get(node_id, [])], rel, source_type, "source")

    def _pick(self, edges: list[Edge], rel: str, node_type: str | None, end: str) -> list[tuple[Edge, Node]]:
        out = []
        for e in edges:
            if e.type != rel:
                continue
            n = self.node(getattr(e, end))
            if n is not None and (node_type is None or n.type == node_type):
                out.append((e, n))
        return sorted(out, key=lambda en: _order(en[1]))


_CN = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


def _number(num: str) -> int | None:
    """12 → 12; 十二 → 12 (the numbering of 一、 and （一） items); ② → 2."""
    if num.isdecimal():
        return int(num)
    if len(num) == 1 and "\u2460" <= num <= "\u2473":
        return ord(num) - 0x2460 + 1
    if num and all(c in _CN for c in num):
        if "十" not in num:
            return _CN[num[0]] if len(num) == 1 else None
        tens, _, ones = num.partition("十")
        return (_CN.get(tens, 1) if tens else 1) * 10 + (_CN.get(ones, 0) if ones else 0)
    return None


def _order(n: Node) -> tuple:
    """Arabic-numbered items (list tasks) first, then 一、/（一） items, in their order."""
    num = str(n.properties.get("number") or "")
    value = _number(num)
    return (0 if num.isdecimal() else 1, value if value is not None else 10**6, n.name)


def forwards(notice: Node, policy: Node) -> bool:
    """Does the notice forward (转发) the policy it implements rather than cite it?"""
    title = str(notice.properties.get("title") or notice.name)
    return "转发" in title


def measure_list(n: Node) -> str:
    """The list or section a measure is numbered in (a policy may have two numbered lists)."""
    return str(n.properties.get("list") or n.properties.get("group") or "")


def _by_list(measures: list[tuple[Edge, Node]]) -> list[tuple[Edge, Node]]:
    """Measures list by list, each list in the order the document gives it first, then by number:
    two numbered lists never interleave (1., 1., 2., 2.)."""
    first: dict[str, int] = {}
    for e, m in measures:
        pos = min((ev.start for ev in e.evidence), default=10**9)
        first[measure_list(m)] = min(first.get(measure_list(m), 10**9), pos)
    return sorted(measures, key=lambda em: (first[measure_list(em[1])], measure_list(em[1]), _order(em[1])))


def _responsible(view: _View, node: Node) -> list[TraceNode]:
    return [TraceNode(a, e, "responsible") for e, a in view.into(node.id, "RESPONSIBLE_FOR", "Agency")]


def _measure(view: _View, e: Edge | None, m: Node, label: str) -> TraceNode:
    return TraceNode(m, e, label, _responsible(view, m))


def _down(view: _View, node: Node, edge: Edge | None, label: str, seen: set[str], depth: int) -> TraceNode:
    seen.add(node.id)
    tn = TraceNode(node, edge, label)
    if node.type == "Policy":
        tn.children += [TraceNode(a, e, "issued by") for e, a in view.out(node.id, "ISSUED_BY", "Agency")]
        if depth == 0 or label == "issues":  # a plan a notice issues is the notice's text: its lineage too
            for e, p in view.out(node.id, "IMPLEMENTS", "Policy"):
                if p.id in seen:
                    continue
                if forwards(node, p) and depth < MAX_DEPTH:
                    # A notice forwarding a policy (关于转发…的通知) has the forwarded one's targets,
                    # measures and departments: the trace of a notice shows them.
                    tn.children.append(_down(view, p, e, "forwards", seen, depth + 1))
                else:  # the policy it implements, as a leaf (``--direction up`` follows it further)
                    tn.children.append(TraceNode(p, e, "implements"))
        for e, t in view.out(node.id, "HAS_TARGET", "Target"):
            tn.children.append(_down(view, t, e, "target", seen, depth))
        tn.children += [_measure(view, e, m, "measure") for e, m in _by_list(view.out(node.id, "HAS_MEASURE", "Measure"))]
        if depth < MAX_DEPTH:
            # A notice that issues a plan (关于印发《…方案》的通知): its targets and measures are the plan's.
            for p in view.issued_with(node.id):
                if p.id not in seen:
                    tn.children.append(_down(view, p, None, "issues", seen, depth + 1))
            for e, p in view.into(node.id, "IMPLEMENTS", "Policy"):
                if p.id not in seen:
                    tn.children.append(_down(view, p, e, "implemented by", seen, depth + 1))
    elif node.type == "Target":
        tn.children += _responsible(view, node)
        tn.children += [_measure(view, e, m, "implemented by")
                        for e, m in sorted(view.into(node.id, "IMPLEMENTS", "Measure"),
                                           key=lambda em: -float(em[0].properties.get("confidence", 0)))]
    elif node.type == "Measure":
        tn.children += _responsible(view, node)
    return tn


def _up(view: _View, node: Node, edge: Edge | None, label: str, seen: set[str], depth: int) -> TraceNode:
    seen.add(node.id)
    tn = TraceNode(node, edge, label)
    if node.type == "Measure":
        tn.children += _responsible(view, node)
        for e, t in view.out(node.id, "IMPLEMENTS", "Target"):
            tn.children.append(_up(view, t, e, "implements target", seen, depth))
        for e, p in view.into(node.id, "HAS_MEASURE", "Policy"):
            # A policy already shown (through the target) appears again as a leaf.
            tn.children.append(TraceNode(p, e, "measure of") if p.id in seen
                               else _up(view, p, e, "measure of", seen, depth))
    elif node.type == "Target":
        for e, p in view.into(node.id, "HAS_TARGET", "Policy"):
            tn.children.append(TraceNode(p, e, "target of") if p.id in seen
                               else _up(view, p, e, "target of", seen, depth))
    elif node.type == "Policy":
        tn.children += [TraceNode(a, e, "issued by") for e, a in view.out(node.id, "ISSUED_BY", "Agency")]
        if depth < MAX_DEPTH:
            notice = view.node(make_node_id("Policy", node.properties["issued_with"])) \
                if node.properties.get("issued_with") else None
            if notice is not None and notice.id not in seen:
                tn.children.append(_up(view, notice, None, "issued with", seen, depth + 1))
            for e, p in view.out(node.id, "IMPLEMENTS", "Policy"):
                if p.id not in seen:
                    tn.children.append(_up(view, p, e, "implements", seen, depth + 1))
    return tn


def _view(store: GraphStore, infer_links: bool) -> _View:
    """Links stored by the ingest step, else computed now (keywords and quantities only)."""
    if not infer_links or any(
        e.type == "IMPLEMENTS" and (src := store.get_node(e.source)) is not None and src.type == "Measure"
        for t in store.iter_nodes("Target") for e in store.in_edges(t.id)
    ):
        return _View(store)
    from search.linking import compute_links

    return _View(store, compute_links(store, embedder="none"))


def trace_trees(store: GraphStore, query: str, direction: str = "down",
                infer_links: bool = True) -> tuple[list[Node], list[TraceNode]]:
    """The matched nodes and one tree per match and direction."""
    if direction not in DIRECTIONS:
        raise InputError("trace", f"direction {direction!r}: expected one of {', '.join(DIRECTIONS)}")
    matches = find_matches(store, query)
    view = _view(store, infer_links) if matches else _View(store)
    trees = []
    for m in matches:
        if direction in ("down", "both"):
            trees.append(_down(view, m, None, "", set(), 0))
        if direction in ("up", "both"):
            trees.append(_up(view, m, None, "", set(), 0))
    return matches, trees


def _brief(n: Node) -> dict[str, str]:
    return {"id": n.id, "type": n.type, "name": n.name}


def trace(store: GraphStore, query: str, direction: str = "down", infer_links: bool = True) -> dict[str, Any]:
    """The trace as JSON: ``{"query", "matches", "nodes", "edges"}`` (see docs/trace.md)."""
    matches, trees = trace_trees(store, query, direction, infer_links)
    nodes: dict[str, dict[str, str]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for tree in trees:
        for tn in tree.walk():
            nodes.setdefault(tn.node.id, _brief(tn.node))
            if tn.edge is not None and tn.edge.key not in edges:
                d = tn.edge.to_dict()
                if tn.edge.type == "IMPLEMENTS" or "confidence" in d["properties"]:
                    d["properties"].setdefault("reason", "stated")
                    d["properties"].setdefault("confidence", 1.0)
                edges[tn.edge.key] = d
    return {"query": query, "direction": direction, "matches": [_brief(m) for m in matches],
            "nodes": list(nodes.values()), "edges": list(edges.values())}


# ---- the tree as text --------------------------------------------------------------------
def _describe(tn: TraceNode) -> str:
    n, p = tn.node, tn.node.properties
    if n.type == "Policy":
        number, title = p.get("number"), p.get("title")
        text = " ".join(x for x in (number, title) if x) or n.name
        extra = [x for x in (p.get("kind"), p.get("date")) if x]
        return f"Policy {text}" + (f" ({', '.join(extra)})" if extra else "")
    if n.type == "Target":
        return f"Target {n.name}"
    if n.type == "Measure":
        num = str(p.get("number") or "")
        shown = str(p.get("numbering") or (f"{num}." if num.isdigit() else num))
        sep = "" if not shown or shown.endswith(("、", "）")) else " "
        return f"Measure {shown}{sep}{n.name}"
    return f"{n.type} {n.name}"


def _link(tn: TraceNode) -> str:
    e = tn.edge
    if e is None or "reason" not in e.properties:
        return ""
    return f" [{e.properties['reason']}, {float(e.properties.get('confidence', 0)):.2f}]"


def render_tree(tn: TraceNode, indent: int = 0) -> list[str]:
    """Indented lines; responsible departments and issuers are folded into their parent's line."""
    folded = [c for c in tn.children if c.label in ("responsible", "issued by")]
    line = "  " * indent + (f"{tn.label}: " if tn.label else "") + _describe(tn) + _link(tn)
    for label, word in (("issued by", "issued by"), ("responsible", "responsible")):
        names = [c.node.name for c in folded if c.label == label]
        if names:
            line += f" — {word}: {'、'.join(names)}"
    out = [line]
    lists = {measure_list(c.node) for c in tn.children if c.label == "measure"}
    current = None
    for c in tn.children:
        if c in folded:
            continue
        if c.label == "measure" and len(lists) > 1:  # a heading per numbered list
            if measure_list(c.node) != current:
                current = measure_list(c.node)
                out.append("  " * (indent + 1) + f"list: {current or '(other measures)'}")
            out.extend(render_tree(c, indent + 2))
        else:
            out.extend(render_tree(c, indent + 1))
    return out


def render(store: GraphStore, query: str, direction: str = "down", infer_links: bool = True) -> str:
    """The human output of ``vocgraph trace``."""
    matches, trees = trace_trees(store, query, direction, infer_links)
    if not matches:
        return ""
    return "\n".join(line for t in trees for line in [*render_tree(t), ""]).rstrip() + "\n"
