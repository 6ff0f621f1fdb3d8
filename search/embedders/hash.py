"""A tiny deterministic embedder: signed hashing of character 1-3 grams into a fixed number of
dimensions. No model, no download, microseconds per text: for tests and smoke runs only.

>>> e = HashEmbedder(64)
>>> v = e.embed_queries(["职业教育集团"])
>>> v.shape, round(float((v * v).sum()), 3)
((1, 64), 1.0)
"""

from __future__ import annotations

import hashlib
from typing import Sequence

import numpy as np

from graph.errors import ConfigError
from graph.normalize import clean_text
from search.embedders.base import Embedder

DEFAULT_DIM = 256


def _bucket(gram: str, dim: int) -> tuple[int, float]:
    h = int.from_bytes(hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest(), "little")
    return h % dim, (1.0 if (h >> 63) & 1 else -1.0)


class HashEmbedder(Embedder):
    """``hash`` or ``hash:<dim>``: character n-gram hashing (queries and passages alike)."""

    def __init__(self, dim: int = DEFAULT_DIM) -> None:
        if dim < 8:
            raise ConfigError(f"hash embedder: dimension {dim} is too small (at least 8)")
        self.dim = dim
        self.spec = "hash" if dim == DEFAULT_DIM else f"hash:{dim}"

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            s = "".join(clean_text(text).lower().split())
            for n, weight in ((1, 0.5), (2, 1.0), (3, 1.0)):
                for i in range(len(s) - n + 1):
                    col, sign = _bucket(s[i:i + n], self.dim)
                    out[row, col] += sign * weight
            norm = float(np.linalg.norm(out[row]))
            if norm > 0:
                out[row] /= norm
        return out

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)
