"""Radical and compatibility code points back to the unified ideographs they stand for.

PDF text layers often carry the wrong code point for a character: CJK fonts (Noto/Source Han and
others) draw 马 and the radical ⻢ with one glyph, and a ToUnicode map that names the radical turns
马车 into ⻢⻋ (a browser-printed page lost an enterprise that way: no name rule matches ⻢). Copies
of such text end up in .txt and .docx files too. ``unify_ideographs`` maps, one character for one
(so offsets keep their meaning):

- Kangxi radicals (U+2F00–U+2FDF) and CJK compatibility ideographs (U+F900–U+FAFF,
  U+2F800–U+2FA1F): their NFKC form, when that is a single character;
- the CJK Radicals Supplement (U+2E80–U+2EFF), which NFKC leaves alone but for two: the table
  below, read from the glyph sharing of Noto Sans CJK SC (the radical and the character it maps
  to are one glyph) plus a few standard forms (⺌ 小, ⻄ 西 …).

Nothing else changes (full-width punctuation, ① and the like stay as written).

>>> unify_ideographs("北岭⻢⻋⾼等职业学院")
'北岭马车高等职业学院'
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# (radical, unified) pairs of the CJK Radicals Supplement without an NFKC mapping.
_SUPPLEMENT = (
    "⺂乛 ⺃乚 ⺅亻 ⺉刂 ⺋㔾 ⺏尣 ⺐尢 ⺒巳 ⺓幺 ⺔彑 ⺕彐 ⺖忄 ⺘扌 ⺙攵 ⺛旡 ⺞歺 ⺠民 ⺡氵 ⺣灬 ⺤爫 ⺦丬 "
    "⺨犭 ⺭礻 ⺯糹 ⺰纟 ⺱罓 ⺳㓁 ⺹耂 ⺺肀 ⺾艹 ⻂衤 ⻅见 ⻆角 ⻈讠 ⻉贝 ⻋车 ⻌辶 ⻐钅 ⻑長 ⻒镸 ⻓长 ⻔门 "
    "⻖阝 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻠饣 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ⻬齐 "
    "⻮齿 ⻯竜 ⻰龙 ⻱龜 ⻲亀 ⺌小 ⺍小 ⻄西 ⺗心 ⺝月 ⺧牛 ⺩王 ⺫目 ⺬示 ⺮竹 ⺶羊 ⺷羊 ⺼肉 ⻁虎 ⻗雨"
)

_RANGES = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in _RANGES:
        for cp in range(lo, hi + 1):
            nf = unicodedata.normalize("NFKC", chr(cp))
            if len(nf) == 1 and nf != chr(cp):
                table[cp] = nf
    for pair in _SUPPLEMENT.split():
        table.setdefault(ord(pair[0]), pair[1])
    return table


def unify_ideographs(text: str) -> str:
    """``text`` with radicals and compatibility ideographs replaced by unified ideographs; the
    length is unchanged."""
    return text.translate(_table())
