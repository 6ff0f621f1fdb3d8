"""Progress of ``vocgraph ingest`` and ``vocgraph index`` on stderr, on a terminal or not.

On a terminal a bar redraws itself on one line; in a log (CI, ``nohup``, ``2> ingest.log``)
a bar would print nothing readable, so a line is written per stage (reading, resolving,
embedding nodes …), every ten documents (every document of a few) and every tenth of the texts
to embed:

    vocgraph: reading 73 document(s)
    vocgraph: reading 10/73 (4 s)
    vocgraph: resolving entities (21 s)
    vocgraph: embedding nodes 0/1859 (22 s)

Both take ``(done, total, label)``, the callback ingest.pipeline and search.index call.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

DOCS_PER_LINE = 10  # a line every this many documents read
LINES_PER_STAGE = 10  # embedding stages: a line every tenth of the texts


class ProgressBar:
    """A one-line progress bar on stderr, drawn only on a terminal."""

    def __init__(self, stream: TextIO | None = None, enabled: bool = True, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self.width = width
        self.drawn = False

    def __call__(self, done: int, total: int, label: str) -> None:
        if not self.enabled or total <= 0:
            return
        filled = int(self.width * done / total)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {label[:40]:<40}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * (self.width + 60) + "\r")
            self.stream.flush()
            self.drawn = False


def stage_of(label: str) -> str:
    """The stage a progress label belongs to: file names are documents being read."""
    if label.startswith("embedding") or label == "resolving":
        return label
    return "reading"


class ProgressLines:
    """Progress as whole lines, for a stream that is no terminal."""

    def __init__(self, stream: TextIO | None = None, every: int = DOCS_PER_LINE) -> None:
        self.stream = stream or sys.stderr
        self.every = max(1, every)
        self.started = time.perf_counter()
        self.stage: str | None = None
        self.next_at = 0

    def _line(self, text: str) -> None:
        self.stream.write(f"vocgraph: {text} ({time.perf_counter() - self.started:.0f} s)\n")
        self.stream.flush()

    def __call__(self, done: int, total: int, label: str) -> None:
        stage = stage_of(label)
        # Reading: every ``every`` documents, or every document of a few (each takes seconds).
        step = min(self.every, max(1, total // 5)) if stage == "reading" else max(1, -(-total // LINES_PER_STAGE))
        if stage != self.stage:
            self.stage = stage
            what = {"reading": f"reading {total} document(s)", "resolving": "resolving entities and links"}
            self._line(what.get(stage, f"{stage} {done}/{total}"))
            self.next_at = done + step
        elif done >= self.next_at and total > 0:
            self._line(f"{stage} {done}/{total}")
            self.next_at = done + step

    def close(self) -> None:
        """Nothing to clear: every line is final."""


def progress_for(quiet: bool = False, stream: TextIO | None = None):
    """The bar on a terminal, lines otherwise; a bar that draws nothing with --quiet."""
    stream = stream or sys.stderr
    if quiet:
        return ProgressBar(stream, enabled=False)
    return ProgressBar(stream) if stream.isatty() else ProgressLines(stream)
