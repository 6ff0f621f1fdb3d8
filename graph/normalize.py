"""Surface normalisation of names: the part of entity matching every package shares.

Full-width and half-width forms, brackets, quotes, dots and whitespace do not matter:

>>> name_key("中国（北方） 现代林业 职业教育集团") == name_key("中国(北方)现代林业职业教育集团")
True
"""

from __future__ import annotations

import re
import unicodedata

# Characters that never distinguish two bodies' names.
_DROP = re.compile(r"[\s\u3000\"'“”‘’「」『』《》〈〉·•・、，,。.:：;；!！?？\-—–_|*]+")
_BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "(", "】": ")", "〔": "(", "〕": ")",
                           "[": "(", "]": ")", "﹝": "(", "﹞": ")", "［": "(", "］": ")"})


def clean_text(text: str) -> str:
    """NFKC-normalise (full-width → half-width) and unify bracket forms; keeps everything else."""
    return unicodedata.normalize("NFKC", text).translate(_BRACKETS)


def name_key(name: str) -> str:
    """A comparison key for a name: NFKC, unified brackets, no spaces/quotes/punctuation, lower-case."""
    return _DROP.sub("", clean_text(name)).lower()
