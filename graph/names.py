"""Name lookup through an index: what ``GraphStore.find_nodes`` and the API's fuzzy fallback
compute by testing every node, found through keys (exact), one joined string (substrings)
and character postings (fuzzy candidates), with the same results in the same order.

At 100k nodes a name lookup that tests every node costs about a second; through the index it
costs milliseconds (BENCHMARKS.md, "API under 50 clients").

>>> from graph.schema import Node
>>> idx = NameIndex([Node("School-1", "School", "东岭职业技术学院", ["东岭职院"]),
...                  Node("Group-1", "Group", "东岭职业教育集团")])
>>> [n.id for n in idx.find("东岭职院", None, 10)]
['School-1']
>>> [n.id for n in idx.find("东岭职业", None, 10)]
['School-1', 'Group-1']
>>> [n.id for n in idx.fuzzy("东岭职业技术学校", None, 10, set())]
['School-1']
"""

from __future__ import annotations

import bisect
import heapq
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from typing import Iterable

import numpy as np

from graph.normalize import name_key
from graph.schema import Node


class NameIndex:
    """The name keys (graph.normalize.name_key of names and aliases) of a fixed list of nodes."""

    def __init__(self, nodes: Iterable[Node]) -> None:
        self.nodes = list(nodes)
        self.node_keys: list[list[int]] = []  # node position -> its distinct keys (key numbers)
        number: dict[str, int] = {}
        self.keys: list[str] = []
        self.key_nodes: list[list[int]] = []  # key number -> node positions, ascending
        for pos, n in enumerate(self.nodes):
            mine = []
            for k in dict.fromkeys(name_key(a) for a in [n.name, *n.aliases]):
                i = number.get(k)
                if i is None:
                    i = number[k] = len(self.keys)
                    self.keys.append(k)
                    self.key_nodes.append([])
                self.key_nodes[i].append(pos)
                mine.append(i)
            self.node_keys.append(mine)
        self.number = number
        # Every key in one string: the keys containing a text are found by str.find.
        self._joined = "\x00".join(self.keys)
        self._offsets = []
        at = 0
        for k in self.keys:
            self._offsets.append(at)
            at += len(k) + 1
        self._lengths = np.array([len(k) for k in self.keys], dtype=np.float64)
        postings: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        for i, k in enumerate(self.keys):
            for ch, c in Counter(k).items():
                ids, counts = postings[ch]
                ids.append(i)
                counts.append(c)
        self._postings = {ch: (np.array(ids, dtype=np.int64), np.array(counts, dtype=np.float64))
                          for ch, (ids, counts) in postings.items()}

    def _typed(self, positions: Iterable[int], type: str | None) -> list[int]:
        return sorted(p for p in set(positions) if type is None or self.nodes[p].type == type)

    def _keys_containing(self, text: str) -> set[int]:
        found, start = set(), 0
        while True:
            at = self._joined.find(text, start)
            if at < 0:
                return found
            found.add(bisect.bisect_right(self._offsets, at) - 1)
            start = at + 1

    def find(self, name: str, type: str | None, limit: int) -> list[Node]:
        """``GraphStore.find_nodes``: exact key match first, then substring either way."""
        key = name_key(name)
        if not key:
            return []
        exact = self._typed(self.key_nodes[self.number[key]] if key in self.number else (), type)
        near = self._keys_containing(key)
        for i in range(len(key)):  # stored keys of 4+ characters inside the name
            for j in range(i + 4, len(key) + 1):
                k = self.number.get(key[i:j])
                if k is not None:
                    near.add(k)
        exact_set = set(exact)
        partial = []
        for p in self._typed((p for k in near for p in self.key_nodes[k]), type):
            if p in exact_set:
                continue
            best = min(abs(len(self.keys[k]) - len(key)) for k in self.node_keys[p])
            partial.append((best, self.nodes[p].name, p))
        partial.sort()
        return [self.nodes[p] for p in exact + [p for _, _, p in partial]][:limit]

    def fuzzy(self, name: str, type: str | None, limit: int, seen: set[str], min_ratio: float = 0.6) -> list[Node]:
        """Nodes not in ``seen`` with a key whose difflib ratio to the name's is ``min_ratio`` or
        more, best first (then by name): only keys whose quick ratio (shared characters) and
        real quick ratio (lengths) reach it are compared, as difflib's own filters would."""
        key = name_key(name)
        la = len(key)
        shared = np.zeros(len(self.keys), dtype=np.float64)
        for ch, c in Counter(key).items():
            if ch in self._postings:
                ids, counts = self._postings[ch]
                shared[ids] += np.minimum(counts, c)
        total = la + self._lengths
        with np.errstate(divide="ignore", invalid="ignore"):
            quick = np.where(total > 0, 2.0 * shared / total, 1.0)
            real_quick = np.where(total > 0, 2.0 * np.minimum(la, self._lengths) / total, 1.0)
        keys = np.flatnonzero((real_quick >= min_ratio) & (quick >= min_ratio))
        keys = keys[np.argsort(-quick[keys], kind="stable")]
        # Keys in falling quick ratio, an upper bound of the ratio: once ``limit`` nodes are
        # better than the next key's bound, no key left can change which nodes they are.
        best: dict[int, float] = {}
        for start in range(0, len(keys), 32):
            if len(best) >= limit and quick[keys[start]] < heapq.nlargest(limit, best.values())[-1]:
                break
            for k in keys[start:start + 32]:
                ratio = SequenceMatcher(None, key, self.keys[k]).ratio()
                if ratio < min_ratio:
                    continue
                for p in self.key_nodes[k]:
                    node = self.nodes[p]
                    if (type is None or node.type == type) and node.id not in seen and ratio > best.get(p, 0.0):
                        best[p] = ratio
        scored = sorted((-b, self.nodes[p].name, p) for p, b in best.items())
        return [self.nodes[p] for _, _, p in scored[:limit]]
