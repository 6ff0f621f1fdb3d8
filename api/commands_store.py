"""CLI commands that look after the store: ``remove`` (documents) and ``check [--repair]``.

Exit codes (api/exitcodes.py): 0 success (``check``: the store is consistent, or was repaired),
1 an error (an unknown document, another writer holding the store past ``--wait``; ``check``
without ``--repair``: problems found), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys

from api.common import add_store_options, add_wait_option, store_from_args, writer_from_args
from api.exitcodes import EXIT_FATAL, EXIT_OK
from graph.errors import NotFoundError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("remove", help="remove documents and every fact that rests on them only",
                       description="Remove documents (by id, or by the path they were ingested from): "
                                   "their evidence, every edge and node left without evidence (nodes "
                                   "other documents still name stay), their stored text and index "
                                   "entries; measure → target links are computed again.")
    p.add_argument("docs", nargs="+", metavar="DOC_ID|PATH", help="document ids (see GET /documents) or paths")
    add_store_options(p)
    add_wait_option(p)
    p.add_argument("--embedder", metavar="SPEC",
                   help="embedder for the links and the index (default: the index's own)")
    p.add_argument("--json", action="store_true", help="print the removal report as JSON")
    p.set_defaults(handler=cmd_remove)

    p = sub.add_parser("check", help="check the store's consistency (and repair it)",
                       description="Check that every piece of evidence names a stored document and "
                                   "quotes its stored text, that every document has its text and that "
                                   "the index generation exists. --repair drops what cannot be trusted "
                                   "(evidence, then edges and nodes left without any) and commits.")
    add_store_options(p)
    add_wait_option(p)
    p.add_argument("--repair", action="store_true", help="fix what the check finds (one atomic commit)")
    p.add_argument("--json", action="store_true", help="print the check report as JSON")
    p.set_defaults(handler=cmd_check)


def cmd_remove(args: argparse.Namespace) -> int:
    from ingest.remove import remove_documents, resolve_documents

    with writer_from_args(args) as store:
        found, unknown = resolve_documents(store, args.docs)
        if unknown:
            known = ", ".join(sorted(store.documents())) or "none"
            raise NotFoundError(f"no stored document {', '.join(map(repr, unknown))} (nothing removed); "
                                f"stored: {known}")
        spec = _index_embedder(store, args)
        report = remove_documents(store, found, link_embedder=spec or "none")
        if spec is not None:
            from search.index import update_indexes

            update_indexes(store, doc_ids=[], embedder_spec=spec)  # commits graph and index together
        if getattr(store, "dirty", True):
            store.commit()
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(f"removed {len(report.removed)} document(s): {', '.join(report.removed)} "
              f"(-{report.nodes_removed} nodes, -{report.edges_removed} edges; {report.links} links recomputed)")
    return EXIT_OK


def _index_embedder(store, args: argparse.Namespace) -> str | None:
    """The embedder of the store's index (None without an index: links by keywords, no index)."""
    try:
        from search.index import indexed_embedder
    except ImportError:
        return None
    built = indexed_embedder(store)
    return (args.embedder or built) if built else None


def cmd_check(args: argparse.Namespace) -> int:
    from graph.check import check_store

    opened = writer_from_args(args, allow_problems=True) if args.repair else store_from_args(args, warn=False)
    with opened as store:  # a check alone reads one generation, as every reader: no lock
        report = check_store(store, repair=args.repair)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        c = report.counts
        print(f"checked {c.get('documents', 0)} documents, {c.get('nodes', 0)} nodes, {c.get('edges', 0)} edges, "
              f"{c.get('evidence', 0)} evidence entries")
        for line in report.problems:
            print(f"problem: {line}")
        for line in report.repaired:
            print(f"repaired: {line}")
        if report.ok:
            print("the store is consistent")
        elif not args.repair:
            print("run `vocgraph check --repair` to fix it", file=sys.stderr)
    return EXIT_OK if report.ok or args.repair else EXIT_FATAL
