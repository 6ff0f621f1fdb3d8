"""Search indexes kept inside Neo4j: vectors and BM25 tokens on search rows of the database, so
that every API server on one graph queries the same indexes and no local index folder exists.

The rows (graph/cypher_search.py describes them) hold the same items as the local index
(search/index.py): node descriptions, evidence sentences and document chunks. A query asks the
server's vector index (``db.index.vector.queryNodes``) for the nearest rows and its full-text
index (``db.index.fulltext.queryNodes``) for rows sharing a token, then scores those candidates
exactly as the local index would (cosine on the returned vectors; BM25 with the statistics stored
beside the index), so answers are the same as on the embedded store while the candidates fit
(``VECTOR_CANDIDATES``, ``LEXICAL_CANDIDATES``).

>>> token_code("职业教育")
'te2cabafc0b54'
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

from graph import cypher_search as cs
from graph.errors import IndexMismatchError, NotFoundError
from graph.neo4j_indexes import search_index_admin
from graph.settings import Settings
from search.embedders.factory import get_embedder, normalize_spec
from search.index import (INDEX_FORMAT, NAME_VECTOR_TYPES, QUOTE_CHARS, SearchIndexes, content_hash,
                          evidence_items, graph_signature, node_items, passage_items_for)
from search.lexical import tokenize
from search.vector import VectorIndex

VECTOR_CANDIDATES = 1000   # rows asked of the vector index per query
LEXICAL_CANDIDATES = 2000  # rows asked of the full-text index per query
EXACT_ROWS = 50_000        # up to this many rows, cosine is computed as the local index does
BM25_K1, BM25_B = 1.5, 0.75  # bm25s's defaults, which the local index uses
EMPTY = "∅"                # the token of a text without one (as LexicalIndex.build)


def in_database(store: Any) -> bool:
    """Whether ``store`` keeps its search indexes in the database (the Neo4j backend)."""
    return bool(getattr(store, "indexes_in_database", False))


def token_code(token: str) -> str:
    """A jieba token as one ASCII word every full-text analyzer keeps whole."""
    return "t" + hashlib.sha1(token.encode("utf-8")).hexdigest()[:12]


def text_codes(text: str) -> list[str]:
    return [token_code(t) for t in (tokenize(text) or [EMPTY])]


# ---- BM25 as bm25s computes it ----------------------------------------------------------
def bm25_stats(docs: Sequence[Sequence[str]]) -> dict[str, Any]:
    """Corpus statistics of tokenised rows: count, mean length, document frequencies."""
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(doc))
    avgdl = float(np.array([len(d) for d in docs]).mean()) if docs else 0.0
    return {"n": len(docs), "avgdl": avgdl, "df": dict(df)}


def bm25_scores(query: Sequence[str], candidates: Iterable[tuple[int, Sequence[str]]],
                stats: dict[str, Any], size: int) -> np.ndarray:
    """BM25 (bm25s "lucene": k1 1.5, b 0.75, float32) of candidate rows for query tokens, in an
    array of ``size`` rows (zero elsewhere); the same numbers as ``LexicalIndex.scores``."""
    scores = np.zeros(size, dtype=np.float32)
    df, n = stats["df"], stats["n"]
    if not n:
        return scores
    l_avg = np.float64(stats["avgdl"])
    idf = {t: np.float32(math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))) for t in set(query) if df.get(t)}
    weights: dict[str, tuple[list[int], list[np.float32]]] = {t: ([], []) for t in idf}
    for row, tokens in candidates:
        counts = Counter(tokens)
        shared = [t for t in counts if t in idf]
        if not shared:
            continue
        tf = np.array([counts[t] for t in shared], dtype=np.float32)
        tfc = tf / (BM25_K1 * ((1 - BM25_B) + BM25_B * len(tokens) / l_avg) + tf)
        w = (np.array([idf[t] for t in shared], dtype=np.float32) * tfc).astype(np.float32)
        for t, v in zip(shared, w):
            weights[t][0].append(row)
            weights[t][1].append(v)
    for t in query:  # in query order, duplicates counted, as the local index sums them
        if t in weights and weights[t][0]:
            scores[weights[t][0]] += np.array(weights[t][1], dtype=np.float32)
    return scores


# ---- the query side ---------------------------------------------------------------------
class RowCache:
    """Vectors and tokens of the rows of one label fetched so far, by row: the index returns ids,
    and each row's content is fetched once per index generation (it cannot change within one)."""

    def __init__(self, store: Any, label: str, row_of: dict[str, int], dim: int) -> None:
        self.store, self.label, self.row_of = store, label, row_of
        self.vectors = np.zeros((len(row_of), dim), dtype=np.float32)
        self.tokens: list[list[str] | None] = [None] * len(row_of)

    def rows(self, sids: Sequence[str]) -> list[int]:
        """Rows of ``sids`` (unknown ones, written after this generation was loaded, dropped),
        fetching the content of those not seen yet."""
        rows = [self.row_of[s] for s in sids if s in self.row_of]
        missing = [s for s in sids if s in self.row_of and self.tokens[self.row_of[s]] is None]
        for b in range(0, len(missing), 1000):
            rec = self.store.read(cs.rows_by_sid(self.label), sids=missing[b:b + 1000])[0]
            for sid, vec, toks in zip(rec["sids"], rec["vectors"], rec["tokens"]):
                row = self.row_of[sid]
                if vec:
                    self.vectors[row] = vec
                self.tokens[row] = (toks or "").split()
        return rows


class DatabaseVectors:
    """``scores(qvec)`` like VectorIndex: cosine for the rows the vector index returns, -1 else."""

    def __init__(self, cache: RowCache, index: str, embedded: int, k: int = VECTOR_CANDIDATES) -> None:
        self.cache, self.index, self.embedded, self.k = cache, index, embedded, k

    def __len__(self) -> int:
        return len(self.cache.row_of)

    def scores(self, query_vec: np.ndarray) -> np.ndarray:
        out = np.full(len(self.cache.row_of), -1.0, dtype=np.float32)
        if not self.embedded:
            return out
        q = np.asarray(query_vec, dtype=np.float32)
        rec = self.cache.store.read(cs.vector_query(), index=self.index, k=min(self.k, self.embedded),
                                    vector=[float(x) for x in q])
        rows = self.cache.rows(rec[0]["sids"] if rec else [])
        if rows:
            # The whole matrix while it is small: the same product as the local index, bit for bit
            # (a product over a subset of rows may round the last bit differently).
            whole = len(self.cache.row_of) <= EXACT_ROWS
            out[rows] = (self.cache.vectors @ q)[rows] if whole else self.cache.vectors[rows] @ q
        return out


class DatabaseLexical:
    """``scores(query)`` like LexicalIndex: BM25 of the rows the full-text index returns."""

    def __init__(self, cache: RowCache, index: str, stats: dict[str, Any], k: int = LEXICAL_CANDIDATES) -> None:
        self.cache, self.index, self.stats, self.k = cache, index, stats, k
        self.size = len(cache.row_of)

    def scores(self, query: str | list[str]) -> np.ndarray:
        tokens = tokenize(query) if isinstance(query, str) else list(query)
        codes = [c for c in (token_code(t) for t in tokens) if c in self.stats["df"]]
        if not codes:
            return np.zeros(self.size, dtype=np.float32)
        rec = self.cache.store.read(cs.fulltext_query(), index=self.index,
                                    terms=" OR ".join(dict.fromkeys(codes)), k=self.k)
        rows = self.cache.rows(rec[0]["sids"] if rec else [])
        return bm25_scores(codes, [(r, self.cache.tokens[r]) for r in rows], self.stats, self.size)


def read_manifest(store: Any) -> tuple[dict[str, Any] | None, str | None]:
    recs = store.read(cs.read_manifest(), id=cs.META_ID)
    if not recs or not recs[0]["manifest"]:
        return None, None
    return json.loads(recs[0]["manifest"]), recs[0]["generation"]


def db_generation(store: Any) -> str | None:
    """The live generation of the store's in-database index (changes with every update)."""
    return read_manifest(store)[1]


def fresh_db_indexes(store: Any, embedder_spec: str | None = None) -> SearchIndexes:
    """The in-database indexes, built first when there are none and refreshed when the graph
    changed since (a push or ingest that did not index)."""
    if db_generation(store) is None:
        if store.node_count() == 0 and not store.documents():
            raise NotFoundError("the graph is empty: ingest documents first (`vocgraph ingest PATH`)")
        update_db_indexes(store, embedder_spec=embedder_spec)
    indexes = load_db_indexes(store, embedder_spec)
    if indexes.manifest.get("graph") != graph_signature(store):
        update_db_indexes(store, embedder_spec=indexes.embedder_spec)
        indexes = load_db_indexes(store, embedder_spec)
    return indexes


def _where(store: Any) -> str:
    return f"{store.uri} database {store.database}" if getattr(store, "database", None) else str(store.uri)


def load_db_indexes(store: Any, embedder_spec: str | None = None) -> SearchIndexes:
    """The in-database indexes, as SearchIndexes whose scorers query the server."""
    manifest, generation = read_manifest(store)
    if manifest is None:
        raise NotFoundError(f"{_where(store)}: no search index in the database; build it with `vocgraph index "
                            "--backend neo4j` (ingest and `vocgraph neo4j push` do)")
    if embedder_spec is not None and normalize_spec(embedder_spec) != manifest["embedder"]:
        raise IndexMismatchError(
            f"the search index in {_where(store)} was built with embedder {manifest['embedder']!r}, not "
            f"{normalize_spec(embedder_spec)!r}: query it with --embedder {manifest['embedder']}, or rebuild it "
            f"with `vocgraph index --backend neo4j --rebuild --embedder {normalize_spec(embedder_spec)}`")
    stats = store.read(cs.read_stats(), id=cs.META_ID)[0]
    admin = search_index_admin(store)
    tables = {}
    dim = int(manifest["dim"])
    for label, key in ((cs.SEARCH_NODE, "node_stats"), (cs.SEARCH_PASSAGE, "passage_stats")):
        recs = store.read(cs.read_search_items(label))
        items = [json.loads(r["item"]) for r in recs]
        cache = RowCache(store, label, {r["sid"]: i for i, r in enumerate(recs)}, dim)
        embedded = sum(1 for it in items if it.get("hash"))
        tables[label] = (items, DatabaseVectors(cache, admin.index_name(label, "embedding"), embedded),
                         DatabaseLexical(cache, admin.index_name(label, cs.TOKENS), json.loads(stats[key])))
    names_recs = store.read(cs.read_vectors(cs.SEARCH_NODE, "name_embedding"))
    nodes = tables[cs.SEARCH_NODE][0]
    by_sid = {f"n:{it['id']}": it for it in nodes}
    names = [{"id": by_sid[r["sid"]]["id"], "name": by_sid[r["sid"]]["name"],
              "hash": content_hash(by_sid[r["sid"]]["name"])} for r in names_recs if r["sid"] in by_sid]
    name_matrix = np.asarray([r["vector"] for r in names_recs if r["sid"] in by_sid], dtype=np.float32).reshape(-1, dim)
    return SearchIndexes(
        path=Path(generation or "neo4j"), manifest=manifest,
        nodes=nodes, node_vectors=tables[cs.SEARCH_NODE][1], node_lexical=tables[cs.SEARCH_NODE][2],
        passages=tables[cs.SEARCH_PASSAGE][0], passage_vectors=tables[cs.SEARCH_PASSAGE][1],
        passage_lexical=tables[cs.SEARCH_PASSAGE][2],
        names=names, name_vectors=VectorIndex(name_matrix, [n["hash"] for n in names]),
    )


# ---- the write side ---------------------------------------------------------------------
def _sid(label: str, item: dict[str, Any]) -> str:
    # An evidence sentence and a chunk can cover the same span: the kind keeps their ids apart.
    return f"n:{item['id']}" if label == cs.SEARCH_NODE else f"{item['kind'][0]}:{item['id']}"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def sync_rows(store: Any, label: str, items: list[dict[str, Any]], texts: list[str], existing: dict[str, dict],
          embed_texts: list[str], embedder, progress, name_of=None) -> tuple[dict[str, Any], int, int]:
    """Write the rows of one label that are new or changed, embed the texts whose hash is new,
    delete rows that are gone. Returns (BM25 statistics, rows written, texts embedded)."""
    codes = [text_codes(t) for t in texts]
    rows, vec_rows, name_rows = [], [], []
    for row, (item, toks) in enumerate(zip(items, codes)):
        sid = _sid(label, item)
        item_json = _json(item)
        thash = content_hash(f"{row}\x00{item_json}")
        old = existing.get(sid)
        if old is None or old["thash"] != thash:
            rows.append({"sid": sid, "row": row, "item": item_json, "thash": thash, "hash": item["hash"],
                         "tokens": " ".join(toks), "dl": len(toks)})
            if name_of is not None and item["type"] in NAME_VECTOR_TYPES:
                name_rows.append((sid, item["name"]))
        if old is None or (old["hash"] or "") != item["hash"]:
            vec_rows.append((sid, row, item["hash"]))
    gone = sorted(set(existing) - {_sid(label, it) for it in items})
    if gone:
        store.write_batches(cs.delete_search_items(label), gone, key="sids")
    store.write_batches(cs.upsert_search_items(label), rows)
    todo = [(sid, embed_texts[row]) for sid, row, h in vec_rows if h]
    cleared = [{"sid": sid, "vector": None} for sid, row, h in vec_rows if not h]
    embedded = _embed_and_write(store, label, "embedding", todo, embedder, progress)
    if cleared:
        store.write_batches(cs.set_vectors(label, "embedding"), cleared)
    if name_rows:
        embedded += _embed_and_write(store, label, "name_embedding", name_rows, embedder, None)
    return bm25_stats(codes), len(rows) + len(gone), embedded


def _embed_and_write(store, label, prop, todo: list[tuple[str, str]], embedder, progress) -> int:
    batch = 256
    for b in range(0, len(todo), batch):
        chunk = todo[b:b + batch]
        vecs = embedder.embed_passages([t for _, t in chunk])
        store.write_batches(cs.set_vectors(label, prop),
                            [{"sid": sid, "vector": [float(x) for x in np.asarray(v, dtype=np.float32)]}
                             for (sid, _), v in zip(chunk, vecs)])
        if progress is not None:
            progress(min(b + batch, len(todo)), len(todo))
    return len(todo)


def existing_rows(store: Any, label: str) -> dict[str, dict]:
    return {r["sid"]: {"thash": r["thash"], "hash": r["hash"], "item": r["item"]}
            for r in store.read(cs.read_search_items(label))}


def update_db_indexes(store: Any, doc_ids: Iterable[str] | None = None, embedder_spec: str | None = None,
                      progress=None, rebuild: bool = False) -> dict[str, Any]:
    """Create (if missing) and fill the in-database indexes of ``store``; idempotent and batched.

    Only rows whose content changed are written and only new texts are embedded; ``doc_ids``
    names the documents (re)ingested (chunks of the others are kept). ``embedder_spec`` defaults
    to the index's embedder, else $VOCGRAPH_EMBEDDER; another embedder than the index's, or
    ``rebuild``, empties the index first."""
    t0 = time.perf_counter()
    manifest, generation = read_manifest(store)
    spec = normalize_spec(embedder_spec or (manifest or {}).get("embedder") or Settings.from_env().embedder)
    embedder = get_embedder(spec)
    admin = search_index_admin(store)
    if manifest is not None and (rebuild or manifest.get("embedder") != spec or manifest.get("dim") != embedder.dim):
        for label in cs.SEARCH_LABELS:
            store.execute(cs.clear_search_items(label))
        admin.drop_vectors()  # the dimension may change with the embedder
        manifest = None
    admin.ensure(embedder.dim)

    nodes = node_items(store)
    existing_p = existing_rows(store, cs.SEARCH_PASSAGE)
    docs = store.documents()
    changed = set(doc_ids) if doc_ids is not None else set(docs)
    old_chunks: dict[str, list[dict[str, Any]]] = {}
    for sid, old in existing_p.items():
        if sid.startswith("c:"):
            item = json.loads(old["item"])
            old_chunks.setdefault(item["doc"], []).append(item)
    passages = evidence_items(store)  # embedded rows first, as the local index
    for doc_id in sorted(docs):
        if doc_id not in changed and doc_id in old_chunks:
            passages.extend(sorted(old_chunks[doc_id], key=lambda p: p["start"]))
            continue
        text = store.get_document_text(doc_id)
        if text is None:
            raise NotFoundError(f"document {doc_id}: its text is missing from the store")
        passages.extend(passage_items_for(doc_id, text))

    def stage(name: str):
        return (lambda done, total: progress(done, total, f"embedding {name}")) if progress else None

    node_stats, n_written, n_embedded = sync_rows(
        store, cs.SEARCH_NODE, nodes, [f"{n['name']} {n['text']}" for n in nodes], existing_rows(store, cs.SEARCH_NODE),
        [n["embed"] for n in nodes], embedder, stage("nodes"), name_of=True)
    passage_stats, p_written, p_embedded = sync_rows(
        store, cs.SEARCH_PASSAGE, passages, [p["text"] for p in passages], existing_p,
        [p["text"][:QUOTE_CHARS] for p in passages], embedder, stage("passages"))
    signature = graph_signature(store)
    if manifest is not None and not (n_written or p_written) and manifest.get("graph") == signature:
        return {"path": _where(store), "embedder": spec, "nodes": len(nodes), "passages": len(passages),
                "embedded": 0, "generation": generation, "seconds": round(time.perf_counter() - t0, 3)}
    generation = f"g{time.time_ns()}"
    manifest = {"format": INDEX_FORMAT, "embedder": spec, "dim": embedder.dim,
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "graph": signature, "nodes": len(nodes), "passages": len(passages)}
    store.execute(cs.write_manifest(), id=cs.META_ID, manifest=_json(manifest), generation=generation,
                  node_stats=_json(node_stats), passage_stats=_json(passage_stats))
    return {"path": _where(store), "embedder": spec, "nodes": len(nodes), "passages": len(passages),
            "embedded": n_embedded + p_embedded, "generation": generation,
            "seconds": round(time.perf_counter() - t0, 3)}
