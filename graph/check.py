"""Consistency of a store: every piece of evidence names a stored document and quotes its text,
every document has its text, the live index generation exists. ``vocgraph check [--repair]``.

``quick_problems`` runs at every load of the embedded store (no text is read: milliseconds);
``check_store`` also compares every quote with the stored text and, with ``repair``, drops what
cannot be trusted (evidence of unknown documents or with stale quotes, edges and nodes left
with nothing, documents whose text is gone) and commits.

>>> # report = check_store(NetworkxStore("vocgraph-data"), repair=True)
>>> # report.ok, report.problems, report.repaired
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.base import GraphStore


@dataclass
class CheckReport:
    """What ``check_store`` found (``problems``) and, with repair, what it changed (``repaired``)."""

    problems: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": self.problems, "repaired": self.repaired, "counts": self.counts}


def _names(counter: Counter, limit: int = 3) -> str:
    shown = ", ".join(repr(k) for k, _ in counter.most_common(limit))
    return shown + (f" and {len(counter) - limit} more" if len(counter) > limit else "")


def _index_missing(store: GraphStore) -> str | None:
    gen = getattr(store, "index_generation", None)
    path = getattr(store, "path", None)
    if gen and isinstance(path, Path) and not (path / "index" / gen).is_dir():
        return gen
    return None


def citations(store: GraphStore) -> tuple[Counter, Counter]:
    """How many evidence entries and how many nodes name each document."""
    return (Counter(ev.doc for e in store.iter_edges() for ev in e.evidence),
            Counter(d for n in store.iter_nodes() for d in n.docs))


def quick_problems(store: GraphStore, cited: tuple[Counter, Counter] | None = None) -> list[str]:
    """The load-time check: evidence and node documents missing from the document list, missing
    texts, a missing index generation. One line per kind of problem. ``cited``: ``citations``
    of the store when known (the embedded store's graph file records them)."""
    docs = store.documents()
    evidence_docs, node_docs = cited if cited is not None else citations(store)
    unknown = Counter({d: k for d, k in evidence_docs.items() if d not in docs})
    node_unknown = Counter({d: k for d, k in node_docs.items() if d not in docs})
    out = []
    if unknown:
        out.append(f"{sum(unknown.values())} evidence entries cite documents not in the document list "
                   f"({_names(unknown)})")
    if node_unknown:
        out.append(f"{sum(node_unknown.values())} nodes name documents not in the document list "
                   f"({_names(node_unknown)})")
    has_text = getattr(store, "has_document_text", None)
    if callable(has_text):
        missing = sorted(d for d in docs if not has_text(d))
        if missing:
            out.append(f"{len(missing)} documents have no stored text ({', '.join(map(repr, missing[:3]))})")
    gen = _index_missing(store)
    if gen:
        out.append(f"the index generation {gen!r} named by the graph is missing")
    return out


def check_store(store: GraphStore, repair: bool = False) -> CheckReport:
    """Check every piece of evidence against the stored texts; with ``repair``, fix and commit."""
    report = CheckReport()
    docs = store.documents()
    texts = {d: store.get_document_text(d) for d in docs}
    no_text = sorted(d for d, t in texts.items() if t is None)
    valid = {d: t for d, t in texts.items() if t is not None}
    unknown: Counter = Counter()
    stale: Counter = Counter()
    changed_edges: list[tuple[Any, list[Any]]] = []
    evidence = 0
    for e in list(store.iter_edges()):
        kept = []
        for ev in e.evidence:
            evidence += 1
            text = valid.get(ev.doc)
            if text is None:
                unknown[ev.doc] += 1
            elif not (0 <= ev.start < ev.end <= len(text)) or text[ev.start:ev.end] != ev.quote:
                stale[ev.doc] += 1
            else:
                kept.append(ev)
        if len(kept) != len(e.evidence):
            changed_edges.append((e, kept))
    node_fix = [(n, [d for d in n.docs if d in valid]) for n in store.iter_nodes()
                if any(d not in valid for d in n.docs)]
    gen = _index_missing(store)
    report.counts = {"documents": len(docs), "edges": store.edge_count(), "nodes": store.node_count(),
                     "evidence": evidence}
    if no_text:
        report.problems.append(f"{len(no_text)} documents have no stored text ({', '.join(map(repr, no_text[:3]))})")
    if unknown:
        report.problems.append(f"{sum(unknown.values())} evidence entries cite documents that are not stored "
                               f"({_names(unknown)})")
    if stale:
        report.problems.append(f"{sum(stale.values())} evidence quotes no longer match the stored text "
                               f"({_names(stale)})")
    if node_fix:
        report.problems.append(f"{len(node_fix)} nodes name documents that are not stored")
    if gen:
        report.problems.append(f"the index generation {gen!r} named by the graph is missing")
    if not repair or report.ok:
        return report
    _repair(store, report, no_text, changed_edges, node_fix, gen)
    return report


def _repair(store: GraphStore, report: CheckReport, no_text: list[str], changed_edges, node_fix, gen) -> None:
    from graph.errors import StoreError

    remove_edge, remove_node = getattr(store, "remove_edge", None), getattr(store, "remove_node", None)
    remove_document = getattr(store, "remove_document", None)
    if not (callable(remove_edge) and callable(remove_node) and callable(remove_document)):
        raise StoreError("this backend cannot remove edges, nodes or documents: repair is not possible here")
    writing = getattr(store, "writing", None)
    with writing(allow_problems=True) if callable(writing) else _nothing():
        dropped_edges = dropped_evidence = 0
        for e, kept in changed_edges:
            dropped_evidence += len(e.evidence) - len(kept)
            if kept:
                e.evidence = kept
                store.put_edge(e)
            else:
                remove_edge(e.source, e.target, e.type)
                dropped_edges += 1
        dropped_nodes = 0
        for n, docs in node_fix:
            n.docs = docs
            if not docs and not store.edges_of(n.id):
                remove_node(n.id)
                dropped_nodes += 1
            else:
                store.put_node(n)
        for d in no_text:
            remove_document(d)
        if gen:
            store.set_index_generation(None)  # type: ignore[attr-defined]
        store.commit()
    if dropped_evidence:
        report.repaired.append(f"dropped {dropped_evidence} evidence entries; {dropped_edges} edges left "
                               "without evidence removed")
    if node_fix:
        report.repaired.append(f"cleaned the documents of {len(node_fix)} nodes; {dropped_nodes} left with "
                               "neither documents nor edges removed")
    if no_text:
        report.repaired.append(f"removed {len(no_text)} documents without text from the document list")
    if gen:
        report.repaired.append("forgot the missing index generation (rebuild it with `vocgraph index`)")


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
