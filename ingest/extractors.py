"""The registry of extractors the pipeline runs on every document.

Each module listed here exposes ``extract(doc: Document) -> Extraction``. Every extractor runs
on every document: which rules fire depends on the text (table shapes, patterns), never on
which document it is.
"""

from __future__ import annotations

import importlib
from typing import Callable

from ingest.model import Document, Extraction

EXTRACTOR_MODULES: tuple[str, ...] = (
    "ingest.tables",     # list tables: groups and their lead units, named schools/enterprises
    "ingest.sentences",  # sentence patterns: 牵头, 成员单位, 合作, 共建, 订单班 ...
    "ingest.english",    # English pages and sentences: names by head word, cues, bilingual aliases
    "ingest.industry",   # industry chains and SERVES
    "ingest.policy",     # policies: numbers, titles, issuers, dates, targets, lineage
    "ingest.tasks",      # numbered measures and their responsible departments
    "ingest.shortforms", # short forms and aliases of a document's bodies (以下简称, 某某职院 ...)
)


def load_extractors() -> list[tuple[str, Callable[[Document], Extraction]]]:
    """The (name, extract) pairs of every extractor module that exists."""
    found = []
    for name in EXTRACTOR_MODULES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        found.append((name, mod.extract))
    return found
