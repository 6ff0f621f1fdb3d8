"""Limits on the work one document may cost: its size in characters and the seconds its
extraction may take. A document over either is skipped with a reason naming the limit, and
nothing of it is stored (issue 11: a 50 MB text file ran for half an hour, memory rising).

The time budget interrupts extraction where it is (a SIGALRM timer in the main thread, checked
between bytecodes) and is checked again after each extractor, so it also holds in the API's
worker threads, there to the nearest extractor.

>>> Limits().max_chars
20000000
>>> with deadline(5.0) as left:
...     left() > 0
True
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator

from graph.settings import DEFAULT_DOC_SECONDS as DEFAULT_SECONDS
from graph.settings import DEFAULT_MAX_DOC_CHARS as DEFAULT_MAX_CHARS


@dataclass(frozen=True)
class Limits:
    """``max_chars``: the longest document text read (0: no limit); ``seconds``: the extraction
    time of one document (0: no limit)."""

    max_chars: int = DEFAULT_MAX_CHARS
    seconds: float = DEFAULT_SECONDS

    def size_reason(self, chars: int) -> str | None:
        """The skip reason for a text of ``chars`` characters, or None when it fits."""
        if self.max_chars and chars > self.max_chars:
            return (f"too large: {chars:,} characters of text, the limit is {self.max_chars:,} "
                    "(--max-chars, VOCGRAPH_MAX_DOC_CHARS); nothing stored from it")
        return None

    def time_reason(self) -> str:
        return (f"extraction took longer than the budget of {self.seconds:g} s per document "
                "(--time-budget, VOCGRAPH_DOC_SECONDS); nothing stored from it")


class BudgetExceeded(BaseException):
    """Raised inside extraction when a document's time is up. A BaseException, like
    KeyboardInterrupt, so that an extractor's ``except Exception`` does not swallow it."""


@contextmanager
def deadline(seconds: float) -> Iterator[Callable[[], float]]:
    """Run the block under a time budget; yields a function giving the seconds left (negative
    once over). In the main thread an interval timer raises BudgetExceeded where the code is;
    elsewhere callers check the seconds left themselves. ``seconds`` 0: no budget."""
    start = time.monotonic()

    def left() -> float:
        return seconds - (time.monotonic() - start) if seconds else float("inf")

    use_timer = bool(seconds) and hasattr(signal, "setitimer") and \
        threading.current_thread() is threading.main_thread()
    if not use_timer:
        yield left
        return

    def on_alarm(signum, frame):  # noqa: ARG001 - the signal handler signature
        raise BudgetExceeded()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield left
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
