"""One writer at a time on a store folder: an advisory ``flock`` on ``<store>/.lock``.

The lock file also says who holds it (pid, command, since) so a writer that gives up can name
the holder. The kernel drops the lock when its holder dies (even by SIGKILL), so a crashed
writer never leaves the store locked. Readers never take it.

>>> # with StoreLock(Path("vocgraph-data")).hold(wait=5, command="vocgraph ingest a.txt"):
>>> #     ...  # load, change, commit
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from graph.errors import StoreBusyError

LOCK_NAME = ".lock"
DEFAULT_WAIT = 5.0  # seconds a second writer waits before giving up
_POLL = 0.05


def current_command() -> str:
    """This process's command line, as a holder description (``vocgraph ingest a.txt``)."""
    argv = list(sys.argv) or ["python"]
    argv[0] = Path(argv[0]).name
    return " ".join(argv)[:300]


class StoreLock:
    """The writer lock of one store folder; re-entrant within one process (threads wait)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.file = self.folder / LOCK_NAME
        self._fd: int | None = None
        self._depth = 0
        self._owner: int | None = None
        self._mutex = threading.RLock()  # threads of one process (API workers) take turns

    @property
    def held(self) -> bool:
        return self._fd is not None and self._owner == threading.get_ident()

    def holder(self) -> str:
        """Who holds the lock, from the lock file ("pid 123 (vocgraph ingest a.txt) since ...")."""
        try:
            info = json.loads(self.file.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            info = {}
        if not info.get("pid"):
            return "an unknown process"
        return f"pid {info['pid']} ({info.get('command') or '?'}) since {info.get('since') or '?'}"

    def acquire(self, wait: float = DEFAULT_WAIT, command: str | None = None) -> None:
        """Take the lock, waiting up to ``wait`` seconds; StoreBusyError naming the holder if not."""
        deadline = time.monotonic() + max(0.0, wait)
        if not self._mutex.acquire(timeout=max(0.0, wait)):
            raise StoreBusyError(f"{self.folder}: another thread of this process is writing the store")
        if self._depth:
            self._depth += 1
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.file, os.O_RDWR | os.O_CREAT, 0o664)
        except OSError:
            self._mutex.release()
            raise
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    self._mutex.release()
                    raise StoreBusyError(
                        f"{self.folder}: the store is being written by {self.holder()}; gave up after "
                        f"waiting {wait:g} s (retry, or wait longer with --wait SECONDS)") from None
                time.sleep(_POLL)
        info = {"pid": os.getpid(), "command": command or current_command(),
                "since": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info, ensure_ascii=False).encode("utf-8"), 0)
        self._fd, self._depth, self._owner = fd, 1, threading.get_ident()

    def release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fd, self._fd, self._owner = self._fd, None, None
            try:
                os.ftruncate(fd, 0)
            except OSError:
                pass
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
        self._mutex.release()

    def try_acquire(self) -> bool:
        """Take the lock only if it is free right now (no wait); True when taken."""
        try:
            self.acquire(wait=0.0, command="cleanup")
        except (StoreBusyError, OSError):
            return False
        return True

    @contextmanager
    def hold(self, wait: float = DEFAULT_WAIT, command: str | None = None) -> Iterator[None]:
        self.acquire(wait, command)
        try:
            yield
        finally:
            self.release()
