"""``vocgraph neo4j push``: copy the embedded store into a Neo4j (or other Bolt) server."""

from __future__ import annotations

import argparse
import sys

from api.common import settings_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    group = subparsers.add_parser("neo4j", help="work with the Neo4j backend")
    sub = group.add_subparsers(dest="neo4j_command", metavar="COMMAND")
    sub.required = True
    p = sub.add_parser("push", help="copy the embedded store (documents, nodes, edges) into Neo4j",
                       description="Copy the embedded store into the Neo4j server named by NEO4J_URI "
                                   "(or --neo4j-uri). Idempotent: pushing twice changes nothing.")
    p.add_argument("--store", metavar="DIR",
                   help="store folder to copy (default: $VOCGRAPH_STORE, else ./vocgraph-data)")
    p.add_argument("--neo4j-uri", dest="neo4j_uri", help="Bolt URI (default: $NEO4J_URI)")
    p.add_argument("--neo4j-user", dest="neo4j_user", help="user (default: $NEO4J_USER)")
    p.add_argument("--neo4j-password", dest="neo4j_password", help="password (default: $NEO4J_PASSWORD)")
    p.add_argument("--neo4j-database", dest="neo4j_database", help="database (default: $NEO4J_DATABASE)")
    p.add_argument("--embedder", help="embedder of the search indexes built in the database (default: the "
                                      "store's index embedder, else $VOCGRAPH_EMBEDDER)")
    p.add_argument("--no-index", dest="index", action="store_false",
                   help="copy the graph only; the indexes are built at the first question")
    p.add_argument("--clear", action="store_true",
                   help="delete the vocgraph graph already in the database before pushing")
    p.set_defaults(handler=cmd_push)


def cmd_push(args: argparse.Namespace) -> int:
    from graph.errors import NotFoundError
    from graph.neo4j_store import Neo4jStore, push
    from graph.networkx_store import NetworkxStore

    settings = settings_from_args(args)
    if not (settings.store / "graph.json").exists():
        raise NotFoundError(f"{settings.store}: no embedded store here (run `vocgraph ingest` first)")
    source = NetworkxStore(settings.store)
    with Neo4jStore.from_settings(settings) as target:
        report = push(source, target, clear=args.clear)
        if args.index:  # vectors and tokens into the database's own indexes (search/neo4j_index.py)
            from search.index import indexed_embedder, update_indexes

            spec = args.embedder or indexed_embedder(source) or settings.embedder
            report["index"] = update_indexes(target, embedder_spec=spec)
    secs = report["seconds"]
    where = settings.neo4j_uri + (f" database {settings.neo4j_database}" if settings.neo4j_database else "")
    print(f"pushed {report['documents']} documents, {report['nodes']} nodes, {report['edges']} edges "
          f"from {settings.store} to {where} in {secs['total']:.1f}s", file=sys.stderr)
    if "index" in report:
        info = report["index"]
        print(f"search indexes in the database: {info['nodes']} nodes, {info['passages']} passages, "
              f"{info['embedded']} texts embedded ({info['embedder']}) in {info['seconds']:.1f}s", file=sys.stderr)
    return 0
