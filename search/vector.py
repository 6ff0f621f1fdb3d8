"""A dense vector index: unit vectors in one float32 matrix, searched by dot product.

Rows are addressed by position (the caller keeps ids alongside); each row also records the
content hash of the text it embeds, so an update re-embeds only texts it has not seen.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Sequence

import numpy as np

from graph.errors import StoreError
from graph.networkx_store import atomic_write_bytes


class VectorIndex:
    """``matrix`` (n, dim) of L2-normalised rows; ``hashes[i]`` is the content hash of row i."""

    def __init__(self, matrix: np.ndarray, hashes: Sequence[str]) -> None:
        if matrix.ndim != 2 or matrix.shape[0] != len(hashes):
            raise StoreError(f"vector index: {matrix.shape[0]} rows for {len(hashes)} texts")
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        self.hashes = list(hashes)

    @property
    def dim(self) -> int:
        return int(self.matrix.shape[1])

    def __len__(self) -> int:
        return len(self.hashes)

    def scores(self, query_vec: np.ndarray) -> np.ndarray:
        """Cosine similarity of every row with a unit query vector."""
        if not len(self.hashes):
            return np.zeros(0, dtype=np.float32)
        return self.matrix @ query_vec.astype(np.float32)

    def by_hash(self) -> dict[str, np.ndarray]:
        return {h: self.matrix[i] for i, h in enumerate(self.hashes)}

    def save(self, path: Path) -> None:
        with open(path, "wb") as fh:
            np.save(fh, self.matrix, allow_pickle=False)

    @classmethod
    def load(cls, path: Path, hashes: Sequence[str]) -> "VectorIndex":
        try:
            matrix = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise StoreError(f"{path}: cannot read the vector index ({exc})") from exc
        return cls(matrix, hashes)


def content_hash(text: str) -> str:
    """The key a text's vector is cached under (16 hex digits of its SHA-1)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def embed_with_cache(texts: Sequence[str], hashes: Sequence[str], cache: dict[str, np.ndarray],
                     embed, dim: int, progress=None) -> tuple[np.ndarray, int]:
    """Vectors for ``texts``: cached rows by content hash, ``embed`` (a batch function) for the
    rest, each distinct hash embedded once (a text repeated in the batch is copied). Returns
    (matrix, number of texts embedded). ``progress(done, total)`` is called after each batch."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    todo: list[int] = []
    first: dict[str, int] = {}  # hash -> the row that embeds it
    copies: list[tuple[int, int]] = []  # (row, row it repeats)
    for i, h in enumerate(hashes):
        if h in cache:
            out[i] = cache[h]
        elif h in first:
            copies.append((i, first[h]))
        else:
            first[h] = i
            todo.append(i)
    batch = 256
    for b in range(0, len(todo), batch):
        rows = todo[b:b + batch]
        vecs = embed([texts[i] for i in rows])
        for i, v in zip(rows, vecs):
            out[i] = v
            cache[hashes[i]] = v
        if progress is not None:
            progress(min(b + batch, len(todo)), len(todo))
    for i, j in copies:
        out[i] = out[j]
    return out, len(todo)


class VectorCache:
    """Vectors by content hash in one file (``.npz``: hashes and matrix), for callers that embed
    the same texts on every run (linking). A missing or unreadable file is an empty cache: it
    only saves work, so it never fails a run.

    >>> # cache = VectorCache.load(path, dim); vecs, n = embed_with_cache(texts, hashes, cache.vectors, ...)
    >>> # cache.save(keep=hashes)
    """

    def __init__(self, path: Path | None, dim: int, vectors: dict[str, np.ndarray] | None = None) -> None:
        self.path = path
        self.dim = dim
        self.vectors: dict[str, np.ndarray] = vectors or {}
        self._loaded = frozenset(self.vectors)

    @classmethod
    def load(cls, path: Path | None, dim: int) -> "VectorCache":
        if path is None or not path.is_file():
            return cls(path, dim)
        try:
            with np.load(path, allow_pickle=False) as data:
                hashes, matrix = data["hashes"], data["matrix"]
        except (OSError, ValueError, KeyError):
            return cls(path, dim)
        if matrix.ndim != 2 or matrix.shape != (len(hashes), dim):
            return cls(path, dim)  # another model's vectors
        return cls(path, dim, {str(h): matrix[i] for i, h in enumerate(hashes)})

    def save(self, keep: Sequence[str]) -> None:
        """Write the vectors of ``keep`` (the texts of this run: what others named is dropped),
        atomically; nothing when the file already holds exactly those."""
        hashes = sorted({h for h in keep if h in self.vectors})
        if self.path is None or frozenset(hashes) == self._loaded:
            return
        matrix = np.stack([self.vectors[h] for h in hashes]) if hashes else np.zeros((0, self.dim), np.float32)
        buf = io.BytesIO()
        np.savez(buf, hashes=np.array(hashes, dtype="U16"), matrix=matrix.astype(np.float32))
        try:
            atomic_write_bytes(self.path, buf.getvalue())
        except OSError:
            return  # a read-only store: the next run embeds again
        self._loaded = frozenset(hashes)
