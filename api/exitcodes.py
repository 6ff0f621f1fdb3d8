"""One table of outcomes for every CLI command and the HTTP API: an exit code for the CLI, a
status and error code for the API. ``vocgraph`` (api/cli.py) and the API's error handlers
(api/http_errors.py) both read it, and docs/cli.md prints it, so a failure reads the same
everywhere: a name the graph does not know is exit 1 on the CLI and 404 ``not_found`` in the API.

>>> outcome_for(E.NotFoundError("no node named x")).exit_code
1
"""

from __future__ import annotations

from dataclasses import dataclass

from graph import errors as E

EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


@dataclass(frozen=True)
class Outcome:
    """How one kind of failure leaves the CLI (exit code) and the API (status, code)."""

    error: type[Exception] | None
    exit_code: int
    status: int
    code: str
    meaning: str


# Most specific first: the first row whose class the error is an instance of wins.
OUTCOMES: tuple[Outcome, ...] = (
    Outcome(E.NotFoundError, EXIT_FATAL, 404, "not_found",
            "no node, policy, document or route by that name or id (with did-you-mean suggestions)"),
    Outcome(E.InputError, EXIT_FATAL, 400, "bad_input",
            "an input document cannot be read (missing path, unsupported format, undecodable text)"),
    Outcome(E.SchemaError, EXIT_FATAL, 422, "schema_error", "a node or edge does not fit the schema"),
    Outcome(E.IndexMismatchError, EXIT_FATAL, 409, "index_mismatch",
            "the search index was built with another embedder (run `vocgraph index --rebuild`)"),
    Outcome(E.ConfigError, EXIT_FATAL, 503, "unavailable",
            "bad settings, or an optional package is missing (the message says what to install)"),
    Outcome(E.StoreBusyError, EXIT_FATAL, 503, "store_busy",
            "another writer holds the store past --wait (the message names its pid and command); retry"),
    Outcome(E.StoreError, EXIT_FATAL, 503, "store_unavailable",
            "the store cannot be read or written (corrupt files, unreachable Bolt server)"),
    Outcome(E.VocgraphError, EXIT_FATAL, 400, "bad_request", "any other error vocgraph raises on purpose"),
)
# Outcomes that are no domain error: bad usage, partial success, interruption, the unexpected.
USAGE = Outcome(None, EXIT_USAGE, 422, "invalid_parameter",
                "bad usage: unknown option, bad value, an empty question or query")
PARTIAL = Outcome(None, EXIT_PARTIAL, 201, "-",
                  "some inputs were skipped, each named on stderr (`ingest`); an upload is all or nothing")
INTERRUPTED = Outcome(None, EXIT_INTERRUPTED, 0, "-", "interrupted (Ctrl-C)")
UNEXPECTED = Outcome(None, EXIT_FATAL, 500, "internal_error", "a bug: the message names the exception")


def outcome_for(exc: BaseException) -> Outcome:
    """The row of the table an error belongs to."""
    for row in OUTCOMES:
        if row.error is not None and isinstance(exc, row.error):
            return row
    return UNEXPECTED


def table_markdown() -> str:
    """The table as docs/cli.md shows it (tests check the page against this)."""
    lines = ["| exit | HTTP | API code | when |", "|---|---|---|---|",
             "| 0 | 200 (201 for an upload) | - | success |"]
    for row in (*OUTCOMES, USAGE, PARTIAL, INTERRUPTED, UNEXPECTED):
        name = f"`{row.error.__name__}`: " if row.error is not None else ""
        status = "-" if row.status in (0, 201) else str(row.status)
        code = f"`{row.code}`" if row.code != "-" else "-"
        lines.append(f"| {row.exit_code} | {status} | {code} | {name}{row.meaning} |")
    return "\n".join(lines)
