"""The ingest pipeline: files → Documents → extractors → entity resolution → region inference
→ nodes and edges upserted into a GraphStore, committed once at the end.

- Idempotent: a document whose bytes were ingested before is reported ``unchanged`` and not
  touched; evidence is never duplicated. New documents merge into the same graph.
- Atomic: every document is read and extracted before the store is written; a file that fails
  (unreadable, an extractor error) is skipped and reported, and the store is committed once.
- A document ingested again from the same path with new content replaces its old version
  (its old evidence is removed first) when the backend can remove edges and nodes.

>>> # from graph.networkx_store import NetworkxStore
>>> # report = ingest_paths(["data/corpus"], NetworkxStore("vocgraph-data"))
>>> # report.ingested, report.skipped
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from graph.base import GraphStore
from graph.errors import InputError, SchemaError, StoreError
from graph.schema import EDGE_TYPES, NODE_TYPES, ORG_TYPES, Edge, Evidence, check_edge_types
from ingest.budget import BudgetExceeded, Limits, deadline
from ingest.extractors import load_extractors
from ingest.model import Alias, Document, Extraction, Fact, Mention
from ingest.policy_join import merge_stored, rekey_mentions, title_numbers
from ingest.readers import iter_input_files, read_document, unique_doc_id
from ingest.regions import (Region, ancestors, document_scope, lookup_region, qualify_name,
                             region_prefix, scope_applies)
from ingest.resolve import QUALIFIED, Decisions, Resolver, full_name, load_decisions
from ingest.textforms import SURFACE

Progress = Callable[[int, int, str], None]
# C0/C1 controls (NUL included) and invisible format characters, removed from every name.
_CONTROLS_RE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
Extractor = Callable[[Document], Extraction]


@dataclass
class IngestReport:
    """What an ingest did: documents ingested / unchanged / skipped (with reasons), counts."""

    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    nodes_before: int = 0
    edges_before: int = 0
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.skipped

    @property
    def nodes_added(self) -> int:
        return int(self.stats.get("nodes", 0)) - self.nodes_before

    @property
    def edges_added(self) -> int:
        return int(self.stats.get("edges", 0)) - self.edges_before

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingested": self.ingested, "unchanged": self.unchanged, "replaced": self.replaced,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "warnings": self.warnings, "nodes_added": self.nodes_added,
            "edges_added": self.edges_added, "stats": self.stats,
        }


def ingest_paths(paths: Iterable[str | os.PathLike[str]], store: GraphStore, *,
                 progress: Progress | None = None, aliases: str | os.PathLike[str] | Decisions | None = None,
                 extractors: Sequence[tuple[str, Extractor]] | None = None, commit: bool = True,
                 link_embedder: str | None = "none", limits: Limits | None = None) -> IngestReport:
    """Ingest files and folders (recursively) into ``store``; see the module docstring.

    After the documents are written, measures are linked to the targets they implement
    (search.linking) using ``link_embedder`` ("none": quantities and keywords only; an embedder
    spec adds similarity scoring; None skips linking). ``limits``: the size and time one
    document may take (ingest.budget; a document over one is skipped, nothing of it stored).
    """
    files, skipped = iter_input_files(paths)
    run = _Run(store, aliases, extractors, link_embedder, limits)
    run.report.skipped.extend(skipped)
    for i, f in enumerate(files):
        if progress:
            progress(i, len(files), f.name)
        try:
            doc = read_document(f, max_chars=run.limits.max_chars)
        except InputError as exc:
            run.report.skipped.append((str(f), exc.reason))
            continue
        run.add(doc, path=f)
    if progress:
        progress(len(files), len(files), "resolving")
    run.finish(commit)
    return run.report


def ingest_documents(docs: Iterable[Document], store: GraphStore, *, progress: Progress | None = None,
                     aliases: str | os.PathLike[str] | Decisions | None = None,
                     extractors: Sequence[tuple[str, Extractor]] | None = None,
                     commit: bool = True, link_embedder: str | None = "none",
                     limits: Limits | None = None) -> IngestReport:
    """Ingest in-memory Documents (API uploads). Ids are kept as given; a document with the
    id of a stored one and different text replaces it."""
    run = _Run(store, aliases, extractors, link_embedder, limits)
    docs = list(docs)
    for i, doc in enumerate(docs):
        if progress:
            progress(i, len(docs), doc.id)
        if not doc.text.strip():
            run.report.skipped.append((doc.path or doc.id, "empty document"))
            continue
        if reason := run.limits.size_reason(len(doc.text)):
            run.report.skipped.append((doc.path or doc.id, reason))
            continue
        run.add(doc, path=None)
    run.finish(commit)
    return run.report


# ---- the run --------------------------------------------------------------------------
class _Run:
    def __init__(self, store: GraphStore, aliases: Any, extractors: Sequence[tuple[str, Extractor]] | None,
                 link_embedder: str | None = "none", limits: Limits | None = None):
        self.store = store
        self.link_embedder = link_embedder
        self.limits = limits or Limits()
        self.report = IngestReport()
        self.extractors = list(extractors) if extractors is not None else load_extractors()
        self.decisions = aliases if isinstance(aliases, Decisions) else load_decisions(
            getattr(store, "path", None), aliases)
        self.stored = store.documents()
        self.by_sha = {m.get("sha256"): d for d, m in self.stored.items() if m.get("sha256")}
        self.by_path = {_real(m["path"]): d for d, m in self.stored.items() if m.get("path")}
        self.taken = set(self.stored)
        self.docs: list[tuple[Document, Extraction]] = []

    def add(self, doc: Document, path: Path | None) -> None:
        """Assign the document its id, skip it when unchanged, else extract it (not stored yet)."""
        sha = doc.meta.get("sha256") or hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        doc.meta = {**doc.meta, "sha256": sha, "chars": len(doc.text)}
        doc.meta.setdefault("path", doc.path)
        if sha in self.by_sha:
            self.report.unchanged.append(self.by_sha[sha])
            return
        # The same source (file path; for in-memory documents, id and path) replaces its old
        # version; anything else gets a fresh id (report.txt from another folder → report-2).
        if path is not None:
            previous = self.by_path.get(_real(path))
        else:
            old_meta = self.stored.get(doc.id)
            previous = doc.id if old_meta is not None and old_meta.get("path") == doc.meta["path"] else None
        if previous is not None and previous not in self.report.replaced:
            if not can_forget(self.store):
                self.report.skipped.append((doc.path or doc.id, f"changed since it was ingested as {previous!r} "
                                            "and this backend cannot replace documents; rename the file"))
                return
            doc.id = previous
            self.report.replaced.append(doc.id)
        else:
            doc.id = unique_doc_id(doc.id, self.taken)
        self.taken.add(doc.id)
        try:
            extraction = self.extract(doc)
        except InputError as exc:
            self.report.skipped.append((doc.path or doc.id, exc.reason))
            self.taken.discard(doc.id)
            if doc.id in self.report.replaced:
                self.report.replaced.remove(doc.id)
            return
        self.by_sha[sha] = doc.id
        self.docs.append((doc, extraction))

    def extract(self, doc: Document) -> Extraction:
        out = Extraction()
        try:
            with deadline(self.limits.seconds) as left:
                for name, fn in self.extractors:
                    try:
                        ex = fn(doc)
                    except Exception as exc:  # an extractor bug must not lose the rest of the batch
                        raise InputError(doc.path or doc.id,
                                         f"extractor {name} failed ({type(exc).__name__}: {exc})") from exc
                    out.extend(ex)
                    if left() < 0:  # where no timer can interrupt (a worker thread)
                        raise BudgetExceeded()
        except BudgetExceeded:
            raise InputError(doc.path or doc.id, self.limits.time_reason()) from None
        out.mentions = [m for m in out.mentions if self._valid_mention(m, doc)]
        out.facts = [f for f in out.facts if self._valid_fact(f, doc)]
        # A name read from Traditional text keeps its original form as an alias.
        doc.mark_surfaces([*out.mentions, *(m for f in out.facts for m in (f.source, f.target))])
        return out

    def _valid_mention(self, m: Mention, doc: Document) -> bool:
        m.name = _CONTROLS_RE.sub("", m.name)  # NUL, controls, zero-width marks are never part of a name
        if isinstance(m.properties.get(SURFACE), str):
            m.properties[SURFACE] = _CONTROLS_RE.sub("", m.properties[SURFACE])
        if m.type not in NODE_TYPES or not m.name.strip():
            self.report.warnings.append(f"{doc.id}: dropped mention {m.name!r} of type {m.type!r}")
            return False
        m.doc = doc.id
        return True

    def _valid_fact(self, f: Fact, doc: Document) -> bool:
        ev = f.evidence
        if f.type not in EDGE_TYPES:
            self.report.warnings.append(f"{doc.id}: dropped fact of unknown type {f.type!r}")
            return False
        if not (0 <= ev.start < ev.end <= len(doc.text)):
            self.report.warnings.append(f"{doc.id}: dropped {f.type} fact with evidence out of the text")
            return False
        if ev.doc != doc.id or ev.quote != doc.stored_text[ev.start:ev.end]:
            f.evidence = doc.evidence(ev.start, ev.end)  # the quote is always the stored (original) text
        return self._valid_mention(f.source, doc) and self._valid_mention(f.target, doc)

    # ---- writing ---------------------------------------------------------------------
    def finish(self, commit: bool) -> None:
        store = self.store
        self.report.nodes_before = store.node_count()
        self.report.edges_before = store.edge_count()
        if self.docs:
            for doc_id in self.report.replaced:
                forget_document(store, doc_id)
            self._write()
            if self.link_embedder is not None:
                self._link()
        if commit and self.docs:
            try:
                store.commit()
            except OSError as exc:  # permissions, disk full: the old store files are intact
                raise StoreError(f"{getattr(store, 'path', 'store')}: cannot write the store ({exc})") from exc
        self.report.ingested = [d.id for d, _ in self.docs]
        self.report.stats = store.stats()

    def _link(self) -> None:
        """Measure → Target links over the whole graph (new measures may implement old targets)."""
        try:
            from search.linking import link_measures
        except ModuleNotFoundError as exc:
            if exc.name in ("search", "search.linking"):
                return
            raise
        link_measures(self.store, embedder=self.link_embedder)

    def _write(self) -> None:
        store = self.store
        mentions: list[Mention] = []
        facts: list[Fact] = []
        for doc, ex in self.docs:
            named = [*ex.mentions, *(m for f in ex.facts for m in (f.source, f.target))]
            qualify_mentions(doc, named)
            apply_aliases(named, ex.aliases)
            region_mentions, region_facts = infer_regions(doc, named)
            mentions.extend([*named, *region_mentions])
            facts.extend([*ex.facts, *region_facts])
        known = {n.id: n for n in store.iter_nodes()}  # one read, also on a server backend
        # A title one document cites alone and another pairs with a number: the number's node.
        joined = title_numbers(mentions, known.values())
        rekey_mentions(mentions, joined)
        resolver = Resolver(self.decisions, known=known.values())
        resolver.observe(mentions)
        ids = {resolver.node_id(m) for m in mentions}
        existing = {i: known[i] for i in ids if i in known}
        built = resolver.build_nodes(mentions, existing)
        store.upsert_many([n for n in built.values() if n.id not in existing], [])  # new: batched
        for node in built.values():
            if node.id in existing and existing[node.id].to_dict() != node.to_dict():
                store.put_node(node)  # merged forms, docs and canonical name replace the stored node
        edges: dict[tuple[str, str, str], Edge] = {}
        for f in _drop_overridden_scopes(store, facts, resolver.node_id):
            src, tgt = resolver.node_id(f.source), resolver.node_id(f.target)
            if src == tgt:
                continue  # a body does not lead/partner itself; a resolution merge made it a loop
            key = (src, tgt, f.type)
            edge = edges.get(key)
            if edge is None:
                edges[key] = Edge(source=src, target=tgt, type=f.type, properties=dict(f.properties),
                                  evidence=[f.evidence])
            else:
                edge.merge(Edge(source=src, target=tgt, type=f.type, properties=dict(f.properties),
                                evidence=[f.evidence]))
        valid = []
        for _, edge in sorted(edges.items()):
            try:
                check_edge_types(edge, built[edge.source].type, built[edge.target].type)
            except SchemaError as exc:
                self.report.warnings.append(f"dropped edge {edge.source} -> {edge.target}: {exc}")
                continue
            valid.append(edge)
        store.upsert_many([], valid)  # batched on backends that can
        if can_forget(store):  # a stored title-keyed policy now paired with a number: one node
            merge_stored(store, joined, lambda forms: resolver.canonical_name(forms, "Policy"))
        for doc, _ in self.docs:
            meta = dict(doc.meta)
            meta["ingested_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
            store.put_document(doc.id, doc.stored_text, meta)  # the original; offsets fit both


def _real(path: str | os.PathLike[str]) -> str:
    return str(Path(path).resolve())


# ---- region inference -----------------------------------------------------------------
def infer_regions(doc: Document, mentions: Iterable[Mention]) -> tuple[list[Mention], list[Fact]]:
    """LOCATED_IN facts for the organisations named in ``doc`` (see ingest/regions.py):
    the region at the start of a name (evidence: the name), else for schools the document's
    city scope (evidence: the title/header line). Also region → parent region facts."""
    out_m: list[Mention] = []
    out_f: list[Fact] = []
    scope = document_scope(doc.text)
    done: set[tuple[str, str]] = set()  # (surface, rule): first occurrence per document is enough
    for m in mentions:
        if m.type not in ORG_TYPES:
            if m.type == "Region" and (m.name, "gazetteer") not in done:
                done.add((m.name, "gazetteer"))
                _parent_facts(doc, m, out_m, out_f)
            continue
        name = full_name(m)
        hit = region_prefix(name)
        rule = "name_prefix" if hit and name == m.name else "document_scope"
        if (m.name, rule) in done:
            continue
        if hit is not None:
            ev = _name_evidence(doc, m)
            if ev is None:
                continue
            region = hit[0]
        elif scope is not None and m.type == "School" and scope_applies(m.name):
            ev = Evidence(doc.id, scope.start, scope.end, scope.quote)
            region = scope.region
        else:
            continue
        done.add((m.name, rule))
        target = _region_mention(doc, region, ev)
        out_m.append(target)
        out_f.append(Fact("LOCATED_IN", m, target, ev, {"rule": rule}))
        if (region.name, "gazetteer") not in done:
            done.add((region.name, "gazetteer"))
            _parent_facts(doc, target, out_m, out_f, ev)
    return out_m, out_f


def apply_aliases(mentions: list[Mention], aliases: Sequence[Alias]) -> None:
    """Make the short forms a document defines resolve to the full name's node (以下简称X, a
    short form beside its full name, an English name beside the Chinese one): the mention keeps
    its surface name, which becomes an alias of the node, and is resolved by the full name (and
    takes the full name's type). A short form the document gives to two bodies is left alone,
    so the two stay apart. Chains (acronym → English name → Chinese name) are followed."""
    if not aliases:
        return
    table: dict[str, set[tuple[str, str | None]]] = {}
    for a in aliases:
        if a.short and a.full and a.short.strip() != a.full.strip():
            table.setdefault(a.short.strip(), set()).add((a.full.strip(), a.type))
    fulls: dict[str, tuple[str, str]] = {}  # surface → (type, resolution name) of the document's own mentions
    for m in mentions:
        if m.type in ORG_TYPES and m.name.strip() not in table:
            fulls.setdefault(m.name.strip(), (m.type, full_name(m)))

    def target(name: str) -> tuple[str, str | None] | None:
        seen = {name}
        hit = None
        while True:
            cands = table.get(name)
            if not cands or len({f for f, _ in cands}) != 1:
                return hit
            hit = next(iter(cands))
            name = hit[0]
            if name in seen or len(seen) > 4:
                return hit
            seen.add(name)

    for m in mentions:
        if m.type not in ORG_TYPES or m.properties.get("key"):
            continue
        hit = target(m.name.strip())
        if hit is None:
            continue
        full, typ = hit
        ftype, fname = fulls.get(full, (typ or m.type, full))
        if typ is not None and ftype != typ:
            continue  # the full name was read as another kind of body: not this one
        m.type = ftype
        m.properties[QUALIFIED] = fname


def qualify_mentions(doc: Document, mentions: Iterable[Mention]) -> None:
    """Spell out the document's own place in names like 省教育厅 / 市教育局 (ingest.regions.qualify_name)."""
    city, province = document_scope(doc.text, "city"), document_scope(doc.text, "province")
    if city is None and province is None:
        return
    for m in mentions:
        if m.type in ORG_TYPES and not m.properties.get("key"):
            q = qualify_name(m.name, city and city.region, province and province.region)
            if q:
                m.properties[QUALIFIED] = q


def _region_mention(doc: Document, region: Region, ev: Evidence) -> Mention:
    return Mention("Region", region.name, doc.id, ev.start, ev.end,
                   {"level": region.level, **({"parent": region.parent} if region.parent else {})})


def _parent_facts(doc: Document, m: Mention, out_m: list[Mention], out_f: list[Fact],
                  ev: Evidence | None = None) -> None:
    """LOCATED_IN region → enclosing region along the gazetteer (city → province)."""
    region = lookup_region(m.name)
    if region is None:
        return
    ev = ev or _name_evidence(doc, m)
    if ev is None:
        return
    child = m
    for parent in ancestors(region):
        if parent.level == "country":
            break  # every province is in 中国: an edge per province adds nothing
        pm = _region_mention(doc, parent, ev)
        out_m.append(pm)
        out_f.append(Fact("LOCATED_IN", child, pm, ev, {"rule": "gazetteer"}))
        child = pm


def _name_evidence(doc: Document, m: Mention) -> Evidence | None:
    if 0 <= m.start < m.end <= len(doc.text):
        return doc.evidence(m.start, m.end)
    at = doc.text.find(m.name)
    return doc.evidence(at, at + len(m.name)) if at >= 0 else None


def _drop_overridden_scopes(store: GraphStore, facts: list[Fact], node_id: Callable[[Mention], str]) -> list[Fact]:
    """A school placed by its own name is not also placed by a document's scope: its scope facts
    are dropped, and so are the scope edges stored for it before, so that the graph is the same
    whatever order the documents come in (a merged edge once kept the rule of its first fact, and
    a scope rule then dropped the name's evidence with it)."""
    def placed(f: Fact, rule: str) -> bool:
        return f.type == "LOCATED_IN" and f.properties.get("rule") == rule

    def stored(src: str, rule: str) -> list[Edge]:
        return [e for e in store.out_edges(src) if e.type == "LOCATED_IN" and e.properties.get("rule") == rule]

    named = {node_id(f.source) for f in facts if placed(f, "name_prefix")}
    by_name = named | {src for src in {node_id(f.source) for f in facts if placed(f, "document_scope")} - named
                       if stored(src, "name_prefix")}
    if can_forget(store):
        for src in sorted(named):
            for e in stored(src, "document_scope"):
                store.remove_edge(e.source, e.target, e.type)  # type: ignore[attr-defined]
    return [f for f in facts if not (placed(f, "document_scope") and node_id(f.source) in by_name)]


# ---- replacing a changed document ------------------------------------------------------
def can_forget(store: GraphStore) -> bool:
    """Whether the backend can remove edges and nodes (needed to replace a changed document)."""
    return callable(getattr(store, "remove_edge", None)) and callable(getattr(store, "remove_node", None))


def forget_document(store: GraphStore, doc_id: str) -> None:
    """Remove a document's evidence from the graph: edges left without evidence and nodes left
    without documents and edges go. Needs a backend with ``remove_edge`` and ``remove_node``."""
    if not can_forget(store):
        raise StoreError(f"document {doc_id!r} changed since it was ingested and this backend "
                         "cannot remove its old facts; ingest it under a new file name")
    for edge in list(store.iter_edges()):
        kept = [ev for ev in edge.evidence if ev.doc != doc_id]
        if len(kept) == len(edge.evidence):
            continue
        if kept:
            edge.evidence = kept
            store.put_edge(edge)
        else:
            store.remove_edge(edge.source, edge.target, edge.type)  # type: ignore[attr-defined]
    for node in list(store.iter_nodes()):
        if doc_id not in node.docs:
            continue
        node.docs = [d for d in node.docs if d != doc_id]
        if not node.docs and not store.edges_of(node.id):
            store.remove_node(node.id)  # type: ignore[attr-defined]
        else:
            store.put_node(node)
