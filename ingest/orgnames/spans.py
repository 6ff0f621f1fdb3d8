"""Lookups that keep the short-form search linear in the document: which found names cover a
position, and which names hold every character of a candidate short form.

Both replace scans over every name of the document, made once per position or per name: on a
member list of thousands of bodies they made ``short_forms`` quadratic (issue 11: 100 KB of
packed organisation names took minutes).

>>> c = Covered([(0, 4), (2, 9), (12, 14)])
>>> c.at(8), c.at(10), c.overlaps_other(3, 5), c.overlaps_other(12, 14)
(True, False, True, False)
>>> sorted(CharIndex(["临江职业学院", "北岭职业学院"]).holding("临院"))
['临江职业学院']
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Iterable


class Covered(list):
    """Sorted (start, end) spans of the found names, with the running maximum of their ends, so
    that a position or a span is checked in O(log n) (a list, for callers that iterate it)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        super().__init__(sorted(spans))
        self._starts = [s for s, _ in self]
        self._max_end = list(accumulate((e for _, e in self), max))

    def at(self, i: int) -> bool:
        """Whether some span holds position ``i`` (s <= i < e)."""
        k = bisect_right(self._starts, i)
        return k > 0 and self._max_end[k - 1] > i

    def overlaps_other(self, a: int, b: int) -> bool:
        """Whether a span other than exactly (a, b) overlaps [a, b)."""
        k = bisect_left(self._starts, b) - 1
        while k >= 0 and self._max_end[k] > a:
            s, e = self[k]
            if e > a and (s, e) != (a, b):
                return True
            k -= 1
        return False


class CharIndex:
    """Names by the characters they hold: the names that may abbreviate, prefix or extend a short
    form are among those holding every character of it (an abbreviation takes its characters
    from the name's words, in order).

    Each character's names are a bit set (a Python int, bit i for the i-th name), so the names
    holding every character of ``s`` are one AND per character of it: intersecting sets of names
    cost as much as the smallest set, which on a long list of names sharing their place and
    trade grew with the document."""

    def __init__(self, names: Iterable[str]):
        self._names = list(dict.fromkeys(names))
        members: dict[str, list[int]] = {}
        for i, name in enumerate(self._names):
            for c in set(name):
                members.setdefault(c, []).append(i)
        size = (len(self._names) + 8) // 8
        self._bits: dict[str, int] = {}
        for c, ids in members.items():
            buf = bytearray(size)
            for i in ids:
                buf[i >> 3] |= 1 << (i & 7)
            self._bits[c] = int.from_bytes(buf, "little")

    def holding(self, s: str) -> set[str]:
        """The names holding every character of ``s``."""
        if not s:
            return set()
        bits = -1
        for c in set(s):
            bits &= self._bits.get(c, 0)
            if not bits:
                return set()
        out = set()
        if bits.bit_count() <= 16:  # a few names: take the lowest bit off, one at a time
            while bits:
                low = bits & -bits
                out.add(self._names[low.bit_length() - 1])
                bits ^= low
            return out
        digits = bin(bits)  # many: the 1s of its binary digits, the last one name 0
        last = len(digits) - 1
        i = digits.find("1", 2)
        while i >= 0:
            out.add(self._names[last - i])
            i = digits.find("1", i + 1)
        return out
