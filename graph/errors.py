"""One exception hierarchy for the whole project, rooted in VocgraphError.

The CLI maps these to exit codes and the API maps them to HTTP codes, each in one place.
"""

from collections.abc import Collection


class VocgraphError(Exception):
    """Base of every error vocgraph raises on purpose."""


class SchemaError(VocgraphError):
    """A node or edge does not fit the schema (unknown type, wrong endpoint types)."""


def allowed(value: str, choices: Collection[str], what: str) -> str:
    """``value`` if it is one of ``choices`` (a whitelist: only such names are spliced into
    query text), else a SchemaError naming what was expected."""
    if value not in choices:
        raise SchemaError(f"unknown {what} {value!r}; expected one of {', '.join(choices)}")
    return value


class StoreError(VocgraphError):
    """The graph store cannot be read or written (corrupt files, unreachable server)."""


class StoreBusyError(StoreError):
    """Another writer holds the store's lock and did not let go in time (the message names it)."""


class NotFoundError(VocgraphError):
    """A node, document or index asked for does not exist."""


class InputError(VocgraphError):
    """An input document cannot be read: unsupported format, undecodable text, empty file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(VocgraphError):
    """Settings are wrong or an optional dependency is missing (the message says what to install)."""


class IndexMismatchError(VocgraphError):
    """A persisted search index was built with a different embedder than the one asked for."""
