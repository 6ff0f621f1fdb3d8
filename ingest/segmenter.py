"""jieba's dictionary, loaded once per process and fast; tokenizers with extra words are copies.

jieba reads its 500k-entry prefix dictionary from a marshal cache in about a second, and every
``jieba.Tokenizer()`` reads it again. Here the default tokenizer (``jieba.dt``, which
jieba.posseg and ingest.orgnames share) is filled from a compact cache of our own (the words
in one string, the counts in one array: ~0.2 s, and nothing in it can run code), and a tokenizer
with user words copies the loaded dictionary (a few milliseconds) instead of reading it again.

>>> tk = with_words(["产教联合体"], freq=200000)
>>> "产教联合体" in tk.lcut("组建市域产教联合体") and default() is not tk
True
"""

from __future__ import annotations

import array
import hashlib
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Iterable

_lock = threading.Lock()
_CACHE_VERSION = "1"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "vocgraph"


def _cache_paths(dict_file: Path) -> tuple[Path, Path]:
    st = dict_file.stat()
    key = hashlib.sha1(f"{_CACHE_VERSION}|{dict_file}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:16]
    folder = _cache_dir()
    return folder / f"jieba-{key}.words", folder / f"jieba-{key}.freq"


def _read_cache(words_path: Path, freq_path: Path) -> tuple[dict[str, int], int] | None:
    try:
        words = words_path.read_text(encoding="utf-8").split("\x00")
        counts = array.array("q")
        counts.frombytes(freq_path.read_bytes())
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if len(counts) != len(words) + 1:  # the last count is the total
        return None
    total = counts.pop()
    return dict(zip(words, counts)), total


def _write_cache(words_path: Path, freq_path: Path, freq: dict[str, int], total: int) -> None:
    """Write both files atomically; a cache that cannot be written is only a slower start."""
    try:
        words_path.parent.mkdir(parents=True, exist_ok=True)
        counts = array.array("q", freq.values())
        counts.append(total)
        for path, data in ((words_path, "\x00".join(freq).encode("utf-8")), (freq_path, counts.tobytes())):
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
    except OSError:
        pass


def default():
    """``jieba.dt``, initialised (from the compact cache when there is one). Read-only: add
    words to a copy (``with_words``), never to this one, so results do not depend on history."""
    import jieba

    with _lock:
        dt = jieba.dt
        if dt.initialized:
            return dt
        jieba.setLogLevel(logging.WARNING)
        dict_file = Path(jieba.__file__).resolve().parent / jieba.DEFAULT_DICT_NAME
        words_path, freq_path = _cache_paths(dict_file)
        cached = _read_cache(words_path, freq_path)
        if cached is not None:
            with dt.lock:
                dt.FREQ, dt.total = cached
                dt.initialized = True
            return dt
        dt.check_initialized()
        _write_cache(words_path, freq_path, dt.FREQ, dt.total)
        return dt


def with_words(words: Iterable[str], freq: int | None = None):
    """A new jieba tokenizer: the default dictionary plus ``words`` (each at ``freq``, or at the
    frequency jieba suggests to keep it whole, at least 10, when ``freq`` is None)."""
    import jieba

    base = default()
    tk = jieba.Tokenizer()
    tk.FREQ = dict(base.FREQ)
    tk.total = base.total
    tk.initialized = True
    for w in words:
        if w:
            tk.add_word(w, freq=freq if freq is not None else max(tk.suggest_freq(w, tune=False), 10))
    return tk
