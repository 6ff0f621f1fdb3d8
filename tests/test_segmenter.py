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


def test_a_short_text_is_cut_as_with_the_whole_dictionary():
    from graph.normalize import clean_text
    from ingest.segmenter import for_text, with_words

    words = ["产教联合体", "临江职教", "产教"]
    full = with_words(words, freq=200000)
    lines = [clean_text(line).lower()[:120] for p in sorted((ROOT / "data" / "corpus").glob("*.txt"))
             for line in p.read_text(encoding="utf-8").splitlines()[:80] if line.strip()]
    lines += ["哪些职教集团服务装备制造产业", "which groups serve 装备制造 in 2023?", "临江职教产教联合体"]
    for line in lines:
        assert for_text(line, words, 200000).lcut(line) == full.lcut(line), line
