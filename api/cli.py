"""The ``vocgraph`` command line: a thin dispatcher over the packages.

Each group of subcommands lives in its own module (``api/commands_*.py``) exposing
``register(subparsers)``; every handler returns an exit code:
0 success, 1 fatal error, 2 bad usage, 3 partial success (some inputs skipped).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from graph.errors import ConfigError, NotFoundError, VocgraphError

COMMAND_MODULES = (
    "api.commands_graph",   # ingest, export, stats, show
    "api.commands_search",  # ask, search
    "api.commands_trace",   # trace
    "api.commands_web",     # serve, viz
    "api.commands_neo4j",   # neo4j push
)

EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vocgraph",
        description="Knowledge graph and semantic search over Chinese vocational-education documents.",
    )
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
        return int(args.handler(args) or 0)
    except NotFoundError as exc:
        print(f"vocgraph: {exc}", file=sys.stderr)
        return EXIT_FATAL
    except ConfigError as exc:
        print(f"vocgraph: configuration error: {exc}", file=sys.stderr)
        return EXIT_FATAL
    except VocgraphError as exc:
        print(f"vocgraph: error: {exc}", file=sys.stderr)
        return EXIT_FATAL
    except KeyboardInterrupt:
        print("vocgraph: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
