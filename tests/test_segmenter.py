"""One jieba dictionary per process (ingest.segmenter): read from its compact cache, it is the
dictionary jieba itself builds, and tokenizers with extra words are copies that leave it alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LOAD = """
import sys
from ingest.segmenter import default, with_words
dt = default()
tk = with_words(["临江产教联合体"], freq=200000)
assert "临江产教联合体" in tk.lcut("组建临江产教联合体") and "临江产教联合体" not in dt.FREQ
if sys.argv[1] == "compare":  # against jieba's own loading of its dictionary
    import jieba
    own = jieba.Tokenizer()
    own.check_initialized()
    assert dt.FREQ == own.FREQ and dt.total == own.total
print(len(dt.FREQ), dt.total, dt.FREQ.get("职业教育"), dt.lcut("组建临江产教联合体"))
"""


def _run(cache: Path, mode: str) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.run([sys.executable, "-c", LOAD, mode], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True).stdout.strip()


def test_cached_dictionary_is_jiebas_own(tmp_path):
    first = _run(tmp_path, "compare")  # no cache yet: jieba loads it, and the cache is written
    assert len(list((tmp_path / "vocgraph").glob("jieba-*"))) == 2
    assert _run(tmp_path, "cached") == first
