"""The ``vocgraph`` command line: a thin dispatcher over the packages.

Each group of subcommands lives in its own module (``api/commands_*.py``) exposing
``register(subparsers)``; every handler returns an exit code from the one table shared with
the API's error codes (api/exitcodes.py, docs/cli.md): 0 success, 1 error, 2 bad usage,
3 partial success (some inputs skipped).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from api.exitcodes import EXIT_FATAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, outcome_for
from graph.errors import ConfigError, NotFoundError, VocgraphError

__all__ = ["EXIT_FATAL", "EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "build_parser", "main"]

COMMAND_MODULES = (
    "api.commands_graph",   # ingest, export, stats, show
    "api.commands_search",  # ask, search
    "api.commands_trace",   # trace
    "api.commands_web",     # serve, viz
    "api.commands_neo4j",   # neo4j push
    "api.commands_store",   # remove, check
)


def version() -> str:
    """The installed package's version (the source tree's pyproject when not installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("vocgraph")
    except PackageNotFoundError:
        return "unknown (not installed: pip install -e .)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vocgraph",
        description="Knowledge graph and semantic search over Chinese vocational-education documents.",
    )
    parser.add_argument("--version", action="version", version=f"vocgraph {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for mod_name in COMMAND_MODULES:
        try:
            mod = importlib.import_module(mod_name)
        except ModuleNotFoundError as exc:
            if exc.name == mod_name:
                continue  # command group not built yet
            raise
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler below, not at exit
        return code
    except BrokenPipeError:
        # `vocgraph export | head`: the reader has what it wanted; no traceback now or at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except VocgraphError as exc:
        prefix = ("" if isinstance(exc, NotFoundError) else
                  "configuration error: " if isinstance(exc, ConfigError) else "error: ")
        print(f"vocgraph: {prefix}{exc}", file=sys.stderr)
        return outcome_for(exc).exit_code
    except KeyboardInterrupt:
        print("vocgraph: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
