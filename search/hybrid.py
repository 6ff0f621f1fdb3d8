"""Hybrid retrieval: BM25 and embeddings over node descriptions and passages, fused by
reciprocal rank, plus the warm-process context (graph snapshot, indexes, embedder) every
question reuses so that answering costs one query embedding and some array arithmetic.

>>> rrf([["a", "b"], ["b", "c"]])["b"] > rrf([["a", "b"], ["b", "c"]])["a"]
True
"""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np

from graph.base import GraphStore
from graph.errors import NotFoundError, StoreBusyError
from graph.schema import Edge, Evidence
from search.embedders.base import Embedder
from search.embedders.factory import get_embedder
from search.graphview import GraphView
from search.index import (SearchIndexes, check_embedder, current_generation, graph_signature,
                          load_generation, update_indexes)

RRF_K = 20  # small k: the lists are short and the top ranks should count
_QLOCK = threading.Lock()


def rrf(rankings: Sequence[Sequence[str]], weights: Sequence[float] | None = None,
        k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion of ranked id lists: sum of weight / (k + rank)."""
    out: dict[str, float] = defaultdict(float)
    for i, ranking in enumerate(rankings):
        w = 1.0 if weights is None else weights[i]
        for rank, item in enumerate(ranking, start=1):
            out[item] += w / (k + rank)
    return dict(out)


def top_rows(scores: np.ndarray, positive_only: bool = False, limit: int | None = None) -> np.ndarray:
    """Row numbers by descending score, ties in row order (a stable sort's order), the first
    ``limit`` of them: only the rows that can be among them are sorted (the arrays have a row per
    node or passage: 100k+ at scale, where sorting them all cost most of a question)."""
    rows = np.flatnonzero(scores > 0) if positive_only else np.arange(len(scores))
    if limit is not None and len(rows) > limit:
        kth = np.partition(scores[rows], len(rows) - limit)[len(rows) - limit]  # the limit-th best
        rows = rows[scores[rows] >= kth]  # ... and every row tied with it, in row order
    order = rows[np.argsort(-scores[rows], kind="stable")]
    return order[:limit]


def ranked(ids: Sequence[str], scores: np.ndarray, positive_only: bool = False, limit: int | None = None) -> list[str]:
    return [ids[i] for i in top_rows(scores, positive_only, limit)]


def evidence_dicts(evidence: Iterable[Evidence], limit: int = 3) -> list[dict[str, Any]]:
    out, seen = [], set()
    for ev in evidence:
        key = (ev.doc, ev.start, ev.end)
        if key not in seen:
            seen.add(key)
            out.append(ev.to_dict())
        if len(out) >= limit:
            break
    return out


@dataclass
class SearchContext:
    """A warm snapshot: graph view, indexes, embedder, and an evidence-by-offset lookup."""

    view: GraphView
    indexes: SearchIndexes
    embedder: Embedder
    node_ids: list[str] = field(default_factory=list)
    _by_doc: dict[str, list[tuple[int, int, Edge]]] = field(default_factory=dict)
    _starts: dict[str, list[int]] = field(default_factory=dict)
    _qcache: "OrderedDict[str, np.ndarray]" = field(default_factory=OrderedDict)
    _embedded: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    # Document chunks scored as the best quote inside them: chunk rows, the quote rows of all
    # of them one after the other, and where each chunk's quotes start (np.maximum.reduceat).
    _chunk_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    _chunk_quote_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    _chunk_starts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    _type_rows: dict[frozenset, np.ndarray] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.node_ids = [it["id"] for it in self.indexes.nodes]
        passages = self.indexes.passages
        self._embedded = np.array([bool(p["hash"]) for p in passages], dtype=bool)
        self._overlapping_quotes(passages)
        self._index_evidence()

    def _overlapping_quotes(self, passages: list[dict]) -> None:
        """A document chunk (not embedded) is as close to the question as the closest quote in
        it: for each chunk, the quote passages overlapping it."""
        quotes: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for row, p in enumerate(passages):
            if p["hash"]:
                quotes[p["doc"]].append((p["start"], p["end"], row))
        by_doc = {}
        for doc, qs in quotes.items():
            qs.sort()
            by_doc[doc] = ([q[0] for q in qs], qs, max(e - s for s, e, _ in qs))
        rows, flat, starts = [], [], []
        for row, p in enumerate(passages):
            if p["hash"] or p["doc"] not in by_doc:
                continue
            begins, qs, longest = by_doc[p["doc"]]
            lo = bisect.bisect_left(begins, p["start"] - longest)  # a quote starting before cannot reach
            hi = bisect.bisect_left(begins, p["end"])
            inside = [r for s, e, r in qs[lo:hi] if e > p["start"]]
            if inside:
                rows.append(row)
                starts.append(len(flat))
                flat.extend(inside)
        self._chunk_rows = np.array(rows, dtype=np.int64)
        self._chunk_quote_rows = np.array(flat, dtype=np.int64)
        self._chunk_starts = np.array(starts, dtype=np.int64)

    def rows_of(self, types: Iterable[str]) -> np.ndarray:
        """A mask of the node index rows whose node (in the view) has one of these types."""
        key = frozenset(types)
        mask = self._type_rows.get(key)
        if mask is None:
            mask = np.zeros(len(self.node_ids), dtype=bool)
            row = self.indexes.node_row
            mask[[row[i] for i in self.view.ids_of(key) if i in row]] = True
            self._type_rows[key] = mask
        return mask

    def _index_evidence(self) -> None:
        by_doc: dict[str, list[tuple[int, int, Edge]]] = defaultdict(list)
        for edges in self.view.out.values():
            for e in edges:
                for ev in e.evidence:
                    by_doc[ev.doc].append((ev.start, ev.end, e))
        for doc, rows in by_doc.items():
            rows.sort(key=lambda r: (r[0], r[1]))
            self._by_doc[doc] = rows
            self._starts[doc] = [r[0] for r in rows]

    def query_vector(self, text: str) -> np.ndarray:
        """The query embedding (a small LRU: the web UI repeats questions)."""
        with _QLOCK:
            v = self._qcache.get(text)
            if v is not None:
                self._qcache.move_to_end(text)
                return v
        v = self.embedder.embed_query(text)
        with _QLOCK:
            self._qcache[text] = v
            while len(self._qcache) > 256:
                self._qcache.popitem(last=False)
        return v

    def edges_in_span(self, doc: str, start: int, end: int) -> list[tuple[Edge, Evidence]]:
        """Edges whose evidence lies inside [start, end) of a document."""
        rows = self._by_doc.get(doc)
        if not rows:
            return []
        lo = bisect.bisect_left(self._starts[doc], start)
        out = []
        for s, e, edge in rows[lo:]:
            if s >= end:
                break
            if e <= end + 40:
                out.extend((edge, ev) for ev in edge.evidence if ev.doc == doc and ev.start == s and ev.end == e)
        return out

    # ---- scoring --------------------------------------------------------------------
    def node_rankings(self, text: str, qvec: np.ndarray, allowed: set[str] | None = None,
                      limit: int = 200) -> tuple[list[str], list[str]]:
        """Node ids ranked by BM25 (matching only) and by embedding, optionally restricted."""
        bm = self.indexes.node_lexical.scores(text)
        if allowed is not None:
            # Only the allowed rows are scored and ranked (a question's matches: a few of 100k
            # nodes), in row order, so ties keep the order a ranking of every row gives them.
            row = self.indexes.node_row
            rows = np.array(sorted(row[i] for i in allowed if i in row), dtype=np.int64)
            vectors = self.indexes.node_vectors
            matrix = getattr(vectors, "matrix", None)
            vec = (matrix[rows] @ qvec.astype(np.float32) if matrix is not None and len(rows)
                   else vectors.scores(qvec)[rows])
            ids = [self.node_ids[r] for r in rows]
            return ranked(ids, bm[rows], positive_only=True, limit=limit), ranked(ids, vec, limit=limit)
        vec = self.indexes.node_vectors.scores(qvec)
        return (ranked(self.node_ids, bm, positive_only=True, limit=limit),
                ranked(self.node_ids, vec, limit=limit))

    def passage_ranking(self, text: str, qvec: np.ndarray, limit: int = 20) -> list[tuple[dict, float]]:
        """Passages fused from BM25 and embedding ranks: (passage item, fused score)."""
        items = self.indexes.passages
        if not items:
            return []
        bm = self.indexes.passage_lexical.scores(text)
        vec = np.where(self._embedded, self.indexes.passage_vectors.scores(qvec), -np.inf)
        if len(self._chunk_rows):
            vec[self._chunk_rows] = np.maximum.reduceat(vec[self._chunk_quote_rows], self._chunk_starts)
        fused = rrf([top_rows(bm, positive_only=True, limit=100).tolist(), top_rows(vec, limit=100).tolist()])
        top = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [(items[i], s) for i, s in top]


# ---- the warm-process cache -------------------------------------------------------------
_CONTEXTS: "OrderedDict[tuple, SearchContext]" = OrderedDict()
_LOCK = threading.Lock()
_BUILDING = threading.RLock()


def _context_key(store: GraphStore, gen, embedder_spec: str | None) -> tuple:
    # Cheap on every backend (counting edges is not): an ingest adds documents and nodes, and
    # an update of the index (after every ingest) starts a new generation.
    # The embedded store also has a generation number: a removal and an ingest can keep the counts.
    return (str(gen), embedder_spec, store.node_count(), len(store.documents()), getattr(store, "generation", None))


def get_context(store: GraphStore, embedder_spec: str | None = None, index_dir=None) -> SearchContext:
    """The warm context for a store: reused while the index generation and the graph's counts
    are unchanged. Builds the index first when there is none, and refreshes it (incrementally)
    when the graph has changed since it was built. The Neo4j backend keeps its indexes in the
    database (search/neo4j_index.py): its generation is read from there on every call, so a
    server sees another process's ingest at its next question."""
    if index_dir is None and getattr(store, "indexes_in_database", False):
        return _database_context(store, embedder_spec)
    gen = current_generation(store, index_dir)
    key = _context_key(store, gen, embedder_spec)
    ctx = _cached(key)
    if ctx is not None:
        return ctx
    with _BUILDING:  # concurrent requests on a new generation build its context once
        ctx = _cached(key)
        return ctx if ctx is not None else _build_context(store, gen, embedder_spec, index_dir)


def _cached(key: tuple) -> SearchContext | None:
    with _LOCK:
        ctx = _CONTEXTS.get(key)
        if ctx is not None:
            _CONTEXTS.move_to_end(key)
        return ctx


def _build_context(store: GraphStore, gen, embedder_spec: str | None, index_dir) -> SearchContext:
    sig = graph_signature(store)
    if gen is not None:
        indexes = load_generation(gen)
        check_embedder(indexes, embedder_spec)
        if indexes.manifest.get("graph") != sig:
            try:  # a reader never waits for a writer: while one works, the older index serves
                update_indexes(store, embedder_spec=indexes.embedder_spec, index_dir_override=index_dir, wait=0)
                gen = current_generation(store, index_dir)
                indexes = load_generation(gen)
            except StoreBusyError:
                pass
    else:
        if store.node_count() == 0 and not store.documents():
            raise NotFoundError("the graph is empty: ingest documents first (`vocgraph ingest PATH`)")
        update_indexes(store, embedder_spec=embedder_spec, index_dir_override=index_dir)
        gen = current_generation(store, index_dir)
        indexes = load_generation(gen)
    ctx = SearchContext(view=GraphView(store), indexes=indexes, embedder=get_embedder(indexes.embedder_spec))
    key = _context_key(store, gen, embedder_spec)
    with _LOCK:
        _CONTEXTS[key] = ctx
        while len(_CONTEXTS) > 4:
            _CONTEXTS.popitem(last=False)
    return ctx


def _database_context(store: GraphStore, embedder_spec: str | None) -> SearchContext:
    from search.neo4j_index import db_generation, fresh_db_indexes

    where = ("database", getattr(store, "uri", ""), getattr(store, "database", None))
    key = _context_key(store, (*where, db_generation(store)), embedder_spec)
    with _LOCK:
        ctx = _CONTEXTS.get(key)
        if ctx is not None:
            _CONTEXTS.move_to_end(key)
            return ctx
    indexes = fresh_db_indexes(store, embedder_spec)
    ctx = SearchContext(view=GraphView(store), indexes=indexes, embedder=get_embedder(indexes.embedder_spec))
    key = _context_key(store, (*where, str(indexes.path)), embedder_spec)
    with _LOCK:
        _CONTEXTS[key] = ctx
        while len(_CONTEXTS) > 4:
            _CONTEXTS.popitem(last=False)
    return ctx


def clear_cache() -> None:
    """Forget warm contexts (tests; after rewriting a store in place)."""
    with _LOCK:
        _CONTEXTS.clear()


# ---- plain hybrid search ----------------------------------------------------------------
def search_context(ctx: SearchContext, text: str, type: str | None = None, top: int = 10) -> dict[str, Any]:
    qvec = ctx.query_vector(text)
    allowed = {n.id for n in ctx.view.nodes_of([type])} if type else None
    lex, dense = ctx.node_rankings(text, qvec, allowed)
    passages = ctx.passage_ranking(text, qvec, limit=max(top, 10))
    # Nodes whose evidence lies in the best passages get that passage's rank too.
    from_passages: list[str] = []
    passage_ev: dict[str, list[Evidence]] = defaultdict(list)
    for item, _ in passages:
        for edge, ev in ctx.edges_in_span(item["doc"], item["start"], item["end"]):
            for nid in (edge.source, edge.target):
                if allowed is None or nid in allowed:
                    if nid not in passage_ev:
                        from_passages.append(nid)
                    passage_ev[nid].append(ev)
    fused = rrf([lex, dense, from_passages], [1.0, 1.0, 1.0])
    best = 3.0 / (RRF_K + 1)
    nodes = []
    for nid, score in sorted(fused.items(), key=lambda kv: (-kv[1], kv[0])):
        node = ctx.view.nodes.get(nid)
        if node is None:
            continue
        evidence = passage_ev.get(nid) or [ev for e in ctx.view.edges(nid) for ev in e.evidence]
        nodes.append({"id": nid, "name": node.name, "type": node.type, "score": round(score / best, 4),
                      "evidence": evidence_dicts(evidence)})
        if len(nodes) >= top:
            break
    best_p = 2.0 / (RRF_K + 1)
    out_passages = [] if type else [
        {"doc": it["doc"], "start": it["start"], "end": it["end"], "quote": it["text"],
         "score": round(s / best_p, 4)} for it, s in passages[:top]]
    return {"query": text, "type": type, "nodes": nodes, "passages": out_passages}
