"""The compact graph file of the embedded store (format 3): nodes and adjacency in one pickle.

Why not JSON: at 100k nodes and 250k edges, parsing graph.json and building the objects took
~8 s (half of it the garbage collector); unpickling builds the same Node/Edge/Evidence objects
in C, with every repeated string (ids, types, document ids) stored once. See BENCHMARKS.md.

Safety: only the three schema classes may be named by the file (``find_class`` refuses any
other global, so a planted file cannot run code); everything else is dicts, lists and scalars.
Evolution: the file records the schema's field names; a file written before a field was added
gets that field's default on load (``_upgrade``).

>>> blob = dumps({}, {}, {}, 0)
>>> loads(blob)[3:]
(0, (Counter(), Counter()))
"""

from __future__ import annotations

import copy
import dataclasses
import gc
import io
import pickle
from collections import Counter
from contextlib import contextmanager
from typing import Any, Iterator

from graph.errors import StoreError
from graph.schema import Edge, Evidence, Node

_CLASSES = {("graph.schema", c.__name__): c for c in (Node, Edge, Evidence)}
SCHEMA = {name: [f.name for f in dataclasses.fields(c)] for (_, name), c in _CLASSES.items()}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        cls = _CLASSES.get((module, name))
        if cls is None:
            raise pickle.UnpicklingError(f"the graph file names {module}.{name}, which a store never holds")
        return cls


@contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage collection while a store's objects are built, and none of them walked later.

    The collector would walk the growing heap again and again while it is built (half the load
    time at 100k nodes), and once more, 0.7 s, at the first collection after. The objects hold
    no reference cycles, so ``gc.freeze()`` moves them (with everything else then alive) out of
    the collector's generations: reference counting still frees them when a store is dropped;
    the collector just stops walking them, also in the pauses it would add to questions."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


def _interned(nodes: dict[str, Node], succ: dict[str, dict[str, dict[str, Edge]]]) -> None:
    """One string object per id, type and document id, and one Evidence object per quoted span,
    so that the pickle stores each once (and a load builds each once); mutable parts are each
    object's own."""
    pool: dict[str, str] = {}
    one = pool.setdefault
    shared = {}.setdefault
    for n in nodes.values():
        n.id, n.type = one(n.id, n.id), one(n.type, n.type)
        n.docs = [one(d, d) for d in n.docs]
        n.aliases, n.properties = list(n.aliases), _own(n.properties)
    for out in succ.values():
        for keys in out.values():
            for e in keys.values():
                e.source, e.target, e.type = one(e.source, e.source), one(e.target, e.target), one(e.type, e.type)
                e.properties = _own(e.properties)
                # Evidence is immutable, so edges quoting the same span can share one object (the
                # sentence that states a LEADS often states a SERVES and a LOCATED_IN too).
                e.evidence = [shared(ev, ev) for ev in e.evidence]
                for ev in e.evidence:
                    doc = one(ev.doc, ev.doc)
                    if doc is not ev.doc:  # the same value: an Evidence's hash and equality hold
                        object.__setattr__(ev, "doc", doc)


def _own(properties: dict[str, Any]) -> dict[str, Any]:
    """A copy no other node or edge shares, down to the lists in it: what a JSON round trip
    gave, so that merging into one object after a load never changes another (pickle would
    keep any sharing the extractors left)."""
    return {k: copy.deepcopy(v) if isinstance(v, (list, dict)) else v for k, v in properties.items()}


def dumps(nodes: dict[str, Node], succ: dict, pred: dict, edges: int) -> bytes:
    """The graph file's bytes (node id -> Node; source -> target -> type -> Edge and its mirror),
    with how many evidence entries and nodes name each document (the load-time check's input)."""
    _interned(nodes, succ)
    evidence_docs = Counter(ev.doc for out in succ.values() for keys in out.values()
                            for e in keys.values() for ev in e.evidence)
    node_docs = Counter(d for n in nodes.values() for d in n.docs)
    return pickle.dumps({"schema": SCHEMA, "nodes": nodes, "succ": succ, "pred": pred, "edges": edges,
                         "cited": (dict(evidence_docs), dict(node_docs))}, protocol=pickle.HIGHEST_PROTOCOL)


def loads(blob: bytes) -> tuple[dict[str, Node], dict, dict, int, tuple[Counter, Counter] | None]:
    """(nodes, succ, pred, edge count, cited) from ``dumps``'s bytes; StoreError when they are not that."""
    try:
        with gc_paused():
            data = _Unpickler(io.BytesIO(blob)).load()
        nodes, succ, pred, edges = data["nodes"], data["succ"], data["pred"], int(data["edges"])
        cited = (Counter(data["cited"][0]), Counter(data["cited"][1])) if data.get("cited") else None
        schema = data["schema"]
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, KeyError, AttributeError,
            IndexError, MemoryError) as exc:
        raise StoreError(f"cannot read the graph file ({exc})") from exc
    if not (isinstance(nodes, dict) and isinstance(succ, dict) and isinstance(pred, dict)):
        raise StoreError("the graph file does not hold a graph")
    if schema != SCHEMA:
        _upgrade(nodes, succ)
    return nodes, succ, pred, edges, cited


def _upgrade(nodes: dict[str, Node], succ: dict) -> None:
    """Give objects written by an older schema the defaults of the fields added since."""
    def fill(obj: Any) -> None:
        for f in dataclasses.fields(obj):
            if f.name not in obj.__dict__:
                if f.default_factory is not dataclasses.MISSING:
                    obj.__dict__[f.name] = f.default_factory()
                elif f.default is not dataclasses.MISSING:
                    obj.__dict__[f.name] = f.default
                else:
                    raise StoreError(f"the graph file lacks {type(obj).__name__}.{f.name}, which has no default")

    for n in nodes.values():
        fill(n)
    for out in succ.values():
        for keys in out.values():
            for e in keys.values():
                fill(e)
                for ev in e.evidence:
                    fill(ev)
