"""jieba's dictionary, loaded once per process and fast; tokenizers with extra words are copies.

jieba reads its 500k-entry prefix dictionary from a marshal cache in about a second, and every
``jieba.Tokenizer()`` reads it again. Here the default tokenizer (``jieba.dt``, which
jieba.posseg and ingest.orgnames share) is filled from a compact cache of our own (the words
in one string, the counts in one array: ~0.2 s, and nothing in it can run code), and a tokenizer
with user words copies the loaded dictionary (a few milliseconds) instead of reading it again.
For a short text (a search query), ``for_text`` cuts it as ``with_words`` would without building
the dictionary at all: the cache holds the words sorted, and the entries inside the text are
found by bisection (a cold ``vocgraph ask`` saves the ~0.2 s of building a 500k-entry dict).

>>> tk = with_words(["产教联合体"], freq=200000)
>>> "产教联合体" in tk.lcut("组建市域产教联合体") and default() is not tk
True
"""

from __future__ import annotations

import array
import bisect
import hashlib
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Iterable, Sequence

_lock = threading.RLock()
_CACHE_VERSION = "2"  # 2: words sorted


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "vocgraph"


def _cache_paths(dict_file: Path) -> tuple[Path, Path]:
    st = dict_file.stat()
    key = hashlib.sha1(f"{_CACHE_VERSION}|{dict_file}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:16]
    folder = _cache_dir()
    return folder / f"jieba-{key}.words", folder / f"jieba-{key}.freq"


class _Sorted:
    """The dictionary as its words in sorted order and their counts: enough to look a word up by
    bisection without building the 500k-entry dict."""

    def __init__(self, words: list[str], counts: array.array, total: int) -> None:
        self.words, self.counts, self.total = words, counts, total

    def get(self, word: str) -> int | None:
        i = bisect.bisect_left(self.words, word)
        return self.counts[i] if i < len(self.words) and self.words[i] == word else None


def _read_cache(words_path: Path, freq_path: Path) -> _Sorted | None:
    try:
        words = words_path.read_text(encoding="utf-8").split("\x00")
        counts = array.array("q")
        counts.frombytes(freq_path.read_bytes())
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if len(counts) != len(words) + 1:  # the last count is the total
        return None
    total = counts.pop()
    return _Sorted(words, counts, total)


def _write_cache(words_path: Path, freq_path: Path, freq: dict[str, int], total: int) -> _Sorted | None:
    """Write both files atomically; a cache that cannot be written is only a slower start."""
    words = sorted(freq)
    counts = array.array("q", (freq[w] for w in words))
    try:
        words_path.parent.mkdir(parents=True, exist_ok=True)
        for path, data in ((words_path, "\x00".join(words).encode("utf-8")),
                           (freq_path, counts.tobytes() + array.array("q", [total]).tobytes())):
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
    except OSError:
        pass
    return _Sorted(words, counts, total)


def _paths():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return _cache_paths(Path(jieba.__file__).resolve().parent / jieba.DEFAULT_DICT_NAME)


def default():
    """``jieba.dt``, initialised (from the compact cache when there is one). Read-only: add
    words to a copy (``with_words``), never to this one, so results do not depend on history."""
    import jieba

    with _lock:
        dt = jieba.dt
        if dt.initialized:
            return dt
        words_path, freq_path = _paths()
        cached = _read_cache(words_path, freq_path)
        if cached is not None:
            with dt.lock:
                dt.FREQ, dt.total = dict(zip(cached.words, cached.counts)), cached.total
                dt.initialized = True
            return dt
        dt.check_initialized()
        _write_cache(words_path, freq_path, dt.FREQ, dt.total)
        return dt


_sorted: _Sorted | None = None


def _sorted_dictionary() -> _Sorted:
    global _sorted
    with _lock:
        if _sorted is None:
            _sorted = _read_cache(*_paths())
            if _sorted is None:  # no cache yet: jieba reads its dictionary once, and it is written
                dt = default()
                _sorted = _write_cache(*_paths(), dt.FREQ, dt.total)
        return _sorted


def for_text(text: str, words: Sequence[str], freq: int):
    """A jieba tokenizer that cuts ``text`` exactly as ``with_words(words, freq)`` does, holding
    only the dictionary entries inside ``text``: the substrings jieba looks up while cutting it
    (every prefix of a word is an entry, so the entries that start at a position are found
    by extending one character at a time until one is missing, as jieba's own DAG walk does).
    For short texts; a long one is cut faster by ``with_words``."""
    import jieba

    base = _sorted_dictionary()
    overlay: dict[str, int] = {w: freq for w in words if w}
    for w in words:  # jieba's add_word adds every prefix that is not an entry yet, at 0
        for end in range(1, len(w)):
            if w[:end] not in overlay and base.get(w[:end]) is None:
                overlay[w[:end]] = 0
    entries: dict[str, int] = {}
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            frag = text[start:end]
            count = overlay[frag] if frag in overlay else base.get(frag)
            if count is None:
                break
            entries[frag] = count
    tk = jieba.Tokenizer()
    tk.FREQ = entries
    tk.total = base.total + freq * sum(1 for w in words if w)
    tk.initialized = True
    return tk


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
