"""What readers and extractors exchange: a Document, the Mentions of entities found in it,
and the Facts (typed relations with evidence) between them.

Extractors never build graph nodes themselves: they report surface forms, and
``ingest.resolve`` turns mentions into nodes with stable ids (one node per real body).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.schema import Evidence


@dataclass
class Document:
    """A document as the project stores it; evidence offsets index into ``text``."""

    id: str
    path: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for the span [start, end) of this document."""
        return Evidence(doc=self.id, start=start, end=end, quote=self.text[start:end])


@dataclass
class Mention:
    """An entity named in a document. ``name`` is the surface form, cleaned of list numbers
    and punctuation; ``start``/``end`` locate it in the text (-1 when synthesised, e.g. an
    industry chain inferred from a group's name)."""

    type: str
    name: str
    doc: str
    start: int = -1
    end: int = -1
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass
class Fact:
    """A typed relation between two mentions with the evidence it was read from."""

    type: str
    source: Mention
    target: Mention
    evidence: Evidence
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Alias:
    """Two surface forms of one body in one document (以下简称…, a short form beside the full
    name, an English name beside the Chinese one): mentions named ``short`` in this document
    resolve to the node of ``full``, and ``short`` is kept as one of its aliases. ``type`` limits
    the rewrite to mentions of that node type (None: any organisation type)."""

    short: str
    full: str
    type: str | None = None


@dataclass
class Extraction:
    """Everything one extractor found in one document."""

    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)

    def extend(self, other: "Extraction") -> None:
        self.mentions.extend(other.mentions)
        self.facts.extend(other.facts)
        self.aliases.extend(other.aliases)
