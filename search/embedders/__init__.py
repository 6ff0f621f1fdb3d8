"""Embedders: one module per backend plus a factory (``get_embedder``)."""
