"""What readers and extractors exchange: a Document, the Mentions of entities found in it,
and the Facts (typed relations with evidence) between them.

Extractors never build graph nodes themselves: they report surface forms, and
``ingest.resolve`` turns mentions into nodes with stable ids (one node per real body).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from graph.schema import Evidence
from ingest.textforms import SURFACE, analysis_text, original_surface


@dataclass
class Document:
    """A document as the project stores it.

    ``text`` is what extractors read: the analysis text (``ingest.textforms.analysis_text``), of
    the same length as the original, so evidence offsets index into both. ``original`` is the
    text as read, stored and quoted; None when it is identical to ``text``.
    """

    id: str
    path: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    original: str | None = None

    def __post_init__(self) -> None:
        if self.original is not None:
            if len(self.original) != len(self.text):
                raise ValueError(f"{self.id}: the analysis text must have the length of the original "
                                 f"({len(self.text)} != {len(self.original)})")
            if self.original == self.text:
                self.original = None

    @classmethod
    def from_text(cls, id: str, path: str, original: str, meta: dict[str, Any] | None = None) -> "Document":
        """A document read from ``original``: extractors get its analysis text (Traditional →
        Simplified, page furniture and noise blanked; docs/ingest.md "Text forms")."""
        return cls(id=id, path=path, text=analysis_text(original), meta=dict(meta or {}), original=original)

    @property
    def stored_text(self) -> str:
        """The text as read: what the store keeps and evidence quotes."""
        return self.text if self.original is None else self.original

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for the span [start, end) of this document, quoting the original text."""
        return Evidence(doc=self.id, start=start, end=end, quote=self.stored_text[start:end])

    def surface(self, start: int, end: int, name: str | None = None) -> str | None:
        """The original form of a name read at [start, end) when it differs from the analysis
        text only by Traditional characters (an alias worth keeping); else None."""
        if self.original is None:
            return None
        return original_surface(self.original, self.text, start, end, name)

    def mark_surfaces(self, mentions: Iterable[Mention]) -> None:
        """Record on each mention of this document whose name was read from converted text its
        original form (``properties["_surface"]``); the resolver keeps it as an alias."""
        if self.original is None:
            return
        for m in mentions:
            if m.doc == self.id and 0 <= m.start < m.end and SURFACE not in m.properties:
                form = self.surface(m.start, m.end, m.name)
                if form:
                    m.properties[SURFACE] = form


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
