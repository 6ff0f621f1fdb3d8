"""Any sentence-transformers model, by hub id or local path: ``st:BAAI/bge-small-zh-v1.5``,
``st:/models/all-MiniLM-L6-v2``. Optional: needs the extra ``pip install "vocgraph[st]"``.

e5-family models get their ``query: `` / ``passage: `` prefixes automatically.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from graph.errors import ConfigError
from search.embedders.base import Embedder


class SentenceTransformerEmbedder(Embedder):
    """``st:<model>``: loads the model lazily at construction, on CPU."""

    def __init__(self, model: str, device: str | None = None) -> None:
        if not model:
            raise ConfigError('embedder spec "st:" needs a model, e.g. st:BAAI/bge-small-zh-v1.5')
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ConfigError(
                f'embedder "st:{model}" needs sentence-transformers: pip install "vocgraph[st]"'
            ) from exc
        try:
            self._model = SentenceTransformer(model, device=device or "cpu")
        except (OSError, ValueError) as exc:
            raise ConfigError(
                f"embedder st:{model}: cannot load the model ({exc}); give a local path or a hub id "
                "that is in the local cache when offline"
            ) from exc
        self.spec = f"st:{model}"
        dim_of = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension  # renamed in sentence-transformers 5
        self.dim = int(dim_of())
        self._e5 = "e5" in model.lower()

    def _embed(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        items = [prefix + t for t in texts] if self._e5 else list(texts)
        vecs = self._model.encode(items, batch_size=32, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, "passage: ")

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, "query: ")
