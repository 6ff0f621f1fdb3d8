"""A dense vector index: unit vectors in one float32 matrix, searched by dot product.

Rows are addressed by position (the caller keeps ids alongside); each row also records the
content hash of the text it embeds, so an update re-embeds only texts it has not seen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from graph.errors import StoreError


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


def embed_with_cache(texts: Sequence[str], hashes: Sequence[str], cache: dict[str, np.ndarray],
                     embed, dim: int, progress=None) -> tuple[np.ndarray, int]:
    """Vectors for ``texts``: cached rows by content hash, ``embed`` (a batch function) for the
    rest. Returns (matrix, number of texts embedded). ``progress(done, total)`` is called
    after each batch."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    todo = [i for i, h in enumerate(hashes) if h not in cache]
    for i, h in enumerate(hashes):
        if h in cache:
            out[i] = cache[h]
    batch = 256
    for b in range(0, len(todo), batch):
        rows = todo[b:b + batch]
        vecs = embed([texts[i] for i in rows])
        for i, v in zip(rows, vecs):
            out[i] = v
            cache[hashes[i]] = v
        if progress is not None:
            progress(min(b + batch, len(todo)), len(todo))
    return out, len(todo)
