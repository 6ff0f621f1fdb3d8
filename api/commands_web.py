"""CLI: ``vocgraph serve`` (the HTTP API and search page) and ``vocgraph viz NAME`` (an HTML network)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from api.common import add_store_options, is_exact, match_entities, settings_from_args, store_from_args
from graph.errors import ConfigError, NotFoundError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("serve", help="run the HTTP API and the search page",
                              description="Serve the API (/docs), the search page (/) and /viz pages. "
                                          "Read-only unless VOCGRAPH_API_TOKEN is set.")
    add_store_options(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="server processes (default 1; embedded store only): each loads the store "
                        "and answers in parallel on its own core (docs/api.md)")
    p.set_defaults(handler=cmd_serve)

    p = subparsers.add_parser("viz", help="write the partner network of a node as an HTML page",
                              description="Resolve NAME (name or alias, else a node id) and write its "
                                          "ego network as a self-contained HTML page (works offline).")
    p.add_argument("name", metavar="NAME", help="a school, group, enterprise or policy (name, alias or id)")
    p.add_argument("--depth", type=int, choices=(1, 2), default=1, help="hops around the node (default: 1)")
    p.add_argument("--limit", type=int, default=200, help="at most this many nodes (default: 200)")
    p.add_argument("-o", "--output", metavar="FILE.html",
                   help="output file (default: <name>.html in the current folder; '-' for stdout)")
    add_store_options(p)
    p.set_defaults(handler=cmd_viz)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app

    settings = settings_from_args(args)
    if args.workers > 1:
        if (getattr(args, "backend", None) or "networkx") != "networkx":
            raise ConfigError("--workers: several server processes serve the embedded store only")
        store_from_args(args).close()  # the same checks and warnings as one worker
        os.environ["VOCGRAPH_STORE"] = str(settings.store)  # each worker's create_app reads it
        print(f"vocgraph: serving on http://{args.host}:{args.port}/ with {args.workers} workers "
              "(API docs at /docs)", file=sys.stderr)
        uvicorn.run("api.app:create_app", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level="info")
        return 0
    app = create_app(store=store_from_args(args), settings=settings)
    print(f"vocgraph: serving on http://{args.host}:{args.port}/ (API docs at /docs)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def cmd_viz(args: argparse.Namespace) -> int:
    from api.viz import render_ego_network

    with store_from_args(args) as store:
        node = store.get_node(args.name)
        if node is None:
            matches = store.find_nodes(args.name, limit=5)
            exact = [m for m in matches if is_exact(m, args.name)]
            if not matches:
                hint = "; ".join(f"{m.name} [{m.type}]" for m in match_entities(store, args.name, None, 5))
                raise NotFoundError(f"no node named {args.name!r}" + (f"; did you mean: {hint}" if hint
                                    else " (try `vocgraph show` or a shorter name)"))
            node = (exact or matches)[0]
            if len(exact) != 1 and len(matches) > 1:  # an exact name is no ambiguity
                others = "; ".join(f"{m.name} [{m.type}]" for m in matches if m.id != node.id)
                print(f"vocgraph: {args.name!r} → {node.name} [{node.type}] (also matches: {others})",
                      file=sys.stderr)
        html = render_ego_network(store, node.id, depth=args.depth, limit=args.limit)
    if args.output == "-":
        sys.stdout.write(html)
        return 0
    out = Path(args.output) if args.output else Path(_file_stem(node.name) + ".html")
    out.write_text(html, encoding="utf-8")
    print(f"vocgraph: wrote {out} ({node.name}, depth {args.depth})", file=sys.stderr)
    return 0


def _file_stem(name: str) -> str:
    """A safe file name from a node name (keeps CJK, drops path separators and punctuation)."""
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", name).strip("._") or "network"
