"""Pydantic models of every HTTP response (and the one error shape), so /docs documents them.

Graph records keep the export format of ``vocgraph export`` (graph.schema's to_dict). The
answers of ask/search/trace come from the search package; their models name the documented
fields and allow extra ones, so a new field there never turns into a 500 here.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from graph.schema import Edge, Node


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Open(BaseModel):
    """A response produced by another package: documented fields, extra ones passed through."""

    model_config = ConfigDict(extra="allow")


# ---- errors ---------------------------------------------------------------------------------
class NodeBrief(_Out):
    id: str
    type: str
    name: str


class ErrorBody(_Out):
    code: str = Field(description="machine-readable: not_found, invalid_parameter, forbidden, ...")
    message: str = Field(description="what went wrong, naming the input")
    suggestions: list[NodeBrief] | None = Field(
        default=None, description="for an unknown entity id: nodes whose name matches it")


class ErrorResponse(_Out):
    """Every error the API returns has this shape."""

    error: ErrorBody


# ---- graph records --------------------------------------------------------------------------
class EvidenceOut(_Out):
    doc: str
    start: int
    end: int
    quote: str


class NodeOut(_Out):
    id: str
    type: str
    name: str
    aliases: list[str] = []
    properties: dict[str, Any] = {}

    @classmethod
    def of(cls, node: Node) -> "NodeOut":
        return cls(**node.to_dict())


class EdgeOut(_Out):
    source: str
    target: str
    type: str
    properties: dict[str, Any] = {}
    evidence: list[EvidenceOut] = []

    @classmethod
    def of(cls, edge: Edge) -> "EdgeOut":
        return cls(**edge.to_dict())


def brief(node: Node) -> NodeBrief:
    return NodeBrief(id=node.id, type=node.type, name=node.name)


# ---- responses ------------------------------------------------------------------------------
class Health(_Out):
    status: str = "ok"
    nodes: int
    edges: int


class EntityList(_Out):
    query: str | None
    type: str | None
    entities: list[NodeOut]


class EntityDetail(_Out):
    node: NodeOut
    edges: list[EdgeOut] = Field(description="every edge touching the node, with its evidence")
    neighbors: list[NodeBrief] = Field(description="the node at the other end of each edge")


class Subgraph(_Out):
    center: str
    depth: int
    nodes: list[NodeOut]
    edges: list[EdgeOut]
    truncated: bool = Field(description="true when the node limit cut the neighbourhood")


class PathOut(_Out):
    length: int
    nodes: list[NodeBrief] = Field(description="from source to target")
    edges: list[EdgeOut] = Field(description="in path order; an edge may be followed backwards")


class Paths(_Out):
    source: str
    target: str
    max_hops: int
    paths: list[PathOut]


class DocumentInfo(_Out):
    id: str
    meta: dict[str, Any] = {}


class DocumentList(_Out):
    documents: list[DocumentInfo]


class TableRowOut(_Out):
    """The table row a quote comes from: its cells, the table's header and caption when found."""

    cells: list[str]
    header: list[str] | None = None
    caption: str | None = None


class Context(_Out):
    """A quote in its sentence: ``text[highlight_start:highlight_end]`` is the quoted span."""

    doc: str
    start: int
    end: int
    quote: str
    context: str
    context_start: int = Field(description="offset of ``context`` in the document")
    highlight_start: int
    highlight_end: int
    row: TableRowOut | None = Field(None, description="set when the quote is a table row: context is then that row")


class Removed(_Out):
    removed: list[str] = Field(description="ids of the documents removed")
    nodes: int = Field(description="nodes in the graph after the removal")
    edges: int = Field(description="edges in the graph after the removal")
    removed_nodes: int
    removed_edges: int
    links: int = Field(description="measure → target links computed again")
    indexed: bool = Field(description="whether the search indexes were updated")


class Upload(_Out):
    documents: list[str] = Field(description="ids of the documents ingested")
    nodes: int = Field(description="nodes in the graph after ingest")
    edges: int = Field(description="edges in the graph after ingest")
    added_nodes: int
    added_edges: int
    unchanged: list[str] = Field(default=[], description="documents already stored with the same text")
    skipped: list[str] = Field(default=[], description="files not stored, each with the reason")
    warnings: list[str] = []
    indexed: bool = Field(description="whether the search indexes were updated")


# ---- answers from the search package ---------------------------------------------------------
class QuotedEvidence(_Open):
    doc: str
    start: int
    end: int
    quote: str


class PathStep(_Open):
    source: str | None = None
    type: str | None = None
    target: str | None = None


class Answer(_Open):
    id: str | None = None
    name: str | None = None
    type: str | None = None
    score: float | None = None
    path: list[PathStep] = []
    evidence: list[QuotedEvidence] = []


class AskResponse(_Open):
    """The JSON of ``vocgraph ask --json``."""

    question: str | None = None
    interpretation: dict[str, Any] = {}
    answers: list[Answer] = []


class SearchResponse(_Open):
    """The JSON of ``vocgraph search --json``."""


class TraceEdge(_Open):
    source: str
    target: str
    type: str
    properties: dict[str, Any] = {}
    evidence: list[QuotedEvidence] = []


class TraceResponse(_Open):
    """The JSON of ``vocgraph trace --json``."""

    query: str | None = None
    matches: list[dict[str, Any]] = []
    nodes: list[dict[str, Any]] = []
    edges: list[TraceEdge] = []
