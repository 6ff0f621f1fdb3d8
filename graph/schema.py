"""The typed schema of the vocgraph knowledge graph: node and relation types, and the
Node / Edge / Evidence models that every store, extractor and answer shares.

Every edge carries evidence (document, character offsets, quote) so that any fact
can be shown in the text it came from.

>>> ev = Evidence(doc="002_x", start=10, end=20, quote="临江市外贸服务学校牵头")
>>> Edge(source="School-1", target="Group-2", type="LEADS", evidence=[ev]).key
('School-1', 'Group-2', 'LEADS')
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from graph.errors import SchemaError

NODE_TYPES: tuple[str, ...] = (
    "School",
    "Enterprise",
    "Group",
    "Agency",
    "Association",
    "Institute",
    "IndustryChain",
    "Region",
    "Policy",
    "Target",
    "Measure",
)

# Relation types and the node types allowed at each end (None = any).
EDGE_TYPES: dict[str, tuple[frozenset[str] | None, frozenset[str] | None]] = {
    "LEADS": (None, frozenset({"Group"})),
    "MEMBER_OF": (None, frozenset({"Group"})),
    "PARTNERS_WITH": (None, None),
    "SERVES": (frozenset({"Group", "School"}), frozenset({"IndustryChain"})),
    "LOCATED_IN": (None, frozenset({"Region"})),
    "ISSUED_BY": (frozenset({"Policy"}), frozenset({"Agency"})),
    "IMPLEMENTS": (frozenset({"Policy", "Measure"}), frozenset({"Policy", "Target"})),
    "HAS_TARGET": (frozenset({"Policy"}), frozenset({"Target"})),
    "HAS_MEASURE": (frozenset({"Policy"}), frozenset({"Measure"})),
    "RESPONSIBLE_FOR": (frozenset({"Agency"}), frozenset({"Measure", "Target"})),
}

# Organisation-like node types (the ones that can lead, join or partner).
ORG_TYPES: frozenset[str] = frozenset(
    {"School", "Enterprise", "Group", "Agency", "Association", "Institute"}
)


def make_node_id(node_type: str, key: str) -> str:
    """A stable id for a node from its type and resolution key (same key, same id, every run)."""
    if node_type not in NODE_TYPES:
        raise SchemaError(f"unknown node type {node_type!r}; expected one of {', '.join(NODE_TYPES)}")
    digest = hashlib.sha1(f"{node_type}\x1f{key}".encode("utf-8")).hexdigest()[:12]
    return f"{node_type}-{digest}"


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: document id, character offsets [start, end) and the quote."""

    doc: str
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "quote": self.quote}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Evidence":
        return cls(doc=d["doc"], start=int(d["start"]), end=int(d["end"]), quote=d["quote"])


@dataclass
class Node:
    """A graph node: stable id, type, canonical name, aliases, documents that mention it."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)
    docs: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.type not in NODE_TYPES:
            raise SchemaError(f"node {self.name!r}: unknown type {self.type!r}")

    def merge(self, other: "Node") -> bool:
        """Merge aliases, docs and new properties of ``other`` into self; True if anything changed."""
        changed = False
        for a in [other.name, *other.aliases]:
            if a and a != self.name and a not in self.aliases:
                self.aliases.append(a)
                changed = True
        for d in other.docs:
            if d not in self.docs:
                self.docs.append(d)
                changed = True
        for k, v in other.properties.items():
            if k not in self.properties and v not in (None, "", [], {}):
                self.properties[k] = v
                changed = True
            elif isinstance(v, list) and isinstance(self.properties.get(k), list):
                for item in v:
                    if item not in self.properties[k]:
                        self.properties[k].append(item)
                        changed = True
        return changed

    def to_dict(self) -> dict[str, Any]:
        props = dict(self.properties)
        props["docs"] = list(self.docs)
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "properties": props,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Node":
        props = dict(d.get("properties") or {})
        docs = list(props.pop("docs", []) or d.get("docs", []))
        return cls(
            id=d["id"], type=d["type"], name=d["name"],
            aliases=list(d.get("aliases") or []), properties=props, docs=docs,
        )


@dataclass
class Edge:
    """A typed, directed relation with its evidence. Identity is (source, target, type)."""

    source: str
    target: str
    type: str
    properties: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.type not in EDGE_TYPES:
            raise SchemaError(f"unknown relation type {self.type!r}; expected one of {', '.join(EDGE_TYPES)}")

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.type)

    def merge(self, other: "Edge") -> bool:
        """Add evidence and properties of ``other``; duplicate evidence is ignored."""
        changed = False
        seen = {(e.doc, e.start, e.end) for e in self.evidence}
        for ev in other.evidence:
            if (ev.doc, ev.start, ev.end) not in seen:
                self.evidence.append(ev)
                seen.add((ev.doc, ev.start, ev.end))
                changed = True
        if changed:  # evidence in document order, whatever order the facts came in
            self.evidence.sort(key=lambda e: (e.doc, e.start, e.end))
        for k, v in other.properties.items():
            if k == "confidence" and isinstance(v, (int, float)):
                if v > float(self.properties.get(k, -1.0)):
                    self.properties[k] = v
                    changed = True
            elif v in (None, "", [], {}):
                continue
            elif k not in self.properties or _sort_key(v) < _sort_key(self.properties[k]):
                self.properties[k] = v  # of two values, the one that sorts first: order-independent
                changed = True
        return changed

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "type": self.type,
            "properties": dict(self.properties),
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Edge":
        return cls(
            source=d["source"], target=d["target"], type=d["type"],
            properties=dict(d.get("properties") or {}),
            evidence=[Evidence.from_dict(e) for e in d.get("evidence") or []],
        )


def check_edge_types(edge: Edge, source_type: str, target_type: str) -> None:
    """Raise SchemaError when an edge links node types its relation does not allow."""
    allowed_src, allowed_tgt = EDGE_TYPES[edge.type]
    if allowed_src is not None and source_type not in allowed_src:
        raise SchemaError(f"{edge.type} cannot start at a {source_type}")
    if allowed_tgt is not None and target_type not in allowed_tgt:
        raise SchemaError(f"{edge.type} cannot end at a {target_type}")


def _sort_key(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
