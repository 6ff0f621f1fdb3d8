"""Removing documents: their evidence, every edge and node left without evidence (a node another
document still names stays), the document and its stored text; measure → target links, computed
over the whole graph, are computed again without the removed facts.

Removing a document and ingesting it again gives the graph it had before (tests/test_remove.py
checks the export byte for byte).

>>> # report = remove_documents(store, resolve_documents(store, ["a.txt"])[0])
>>> # store.commit()
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from graph.base import GraphStore
from graph.errors import StoreError
from ingest.pipeline import can_forget, forget_document

# IMPLEMENTS edges search.linking computes (Measure → Target); extractors' IMPLEMENTS are
# Policy → Policy and carry no such reason.
COMPUTED_LINK_REASONS = frozenset({"explicit", "same_quantity", "similarity"})


@dataclass
class RemoveReport:
    removed: list[str] = field(default_factory=list)
    nodes_removed: int = 0
    edges_removed: int = 0
    links: int = 0
    stats: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"removed": self.removed, "nodes_removed": self.nodes_removed,
                "edges_removed": self.edges_removed, "links": self.links, "stats": self.stats}


def resolve_documents(store: GraphStore, refs: Iterable[str]) -> tuple[list[str], list[str]]:
    """Document ids for ``refs`` (a document id, or the path a document was ingested from):
    (found ids in order, refs that name no stored document)."""
    docs = store.documents()
    by_path: dict[str, str] = {}
    for doc_id, meta in sorted(docs.items()):
        path = meta.get("path")
        if isinstance(path, str) and path:
            by_path.setdefault(path, doc_id)
            by_path.setdefault(str(Path(path).resolve()), doc_id)
    found: list[str] = []
    unknown: list[str] = []
    for ref in refs:
        doc_id = ref if ref in docs else by_path.get(ref) or by_path.get(str(Path(ref).resolve()))
        if doc_id is None:
            unknown.append(ref)
        elif doc_id not in found:
            found.append(doc_id)
    return found, unknown


def computed_links(store: GraphStore) -> list[Any]:
    return [e for e in store.iter_edges("IMPLEMENTS") if e.properties.get("reason") in COMPUTED_LINK_REASONS]


def remove_documents(store: GraphStore, doc_ids: Iterable[str], link_embedder: str | None = "none") -> RemoveReport:
    """Remove documents from ``store`` (not committed). ``link_embedder``: how the links are
    scored again (as ``ingest_paths``: "none" quantities and keywords, a spec adds similarity;
    None keeps the stored links)."""
    remove_document = getattr(store, "remove_document", None)
    if not can_forget(store) or not callable(remove_document):
        raise StoreError("this backend cannot remove documents (it has no remove_edge/remove_node/"
                         "remove_document); remove them from the embedded store and push again")
    doc_ids = list(dict.fromkeys(doc_ids))
    stored = store.documents()
    missing = [d for d in doc_ids if d not in stored]
    if missing:
        raise StoreError(f"no stored document {', '.join(map(repr, missing))}")
    report = RemoveReport()
    nodes_before, edges_before = store.node_count(), store.edge_count()
    relink = link_embedder is not None and doc_ids
    if relink:  # links may rest on the removed facts: computed again below from what stays
        for e in computed_links(store):
            store.remove_edge(e.source, e.target, e.type)  # type: ignore[attr-defined]
    for doc_id in doc_ids:
        forget_document(store, doc_id)
        remove_document(doc_id)
        report.removed.append(doc_id)
    if relink:
        report.links = _link(store, link_embedder)
    report.nodes_removed = nodes_before - store.node_count()
    report.edges_removed = edges_before - store.edge_count()
    report.stats = store.stats()
    return report


def _link(store: GraphStore, embedder: str | None) -> int:
    try:
        from search.linking import link_measures
    except ModuleNotFoundError as exc:
        if exc.name in ("search", "search.linking"):
            return 0
        raise
    return len(link_measures(store, embedder=embedder))
