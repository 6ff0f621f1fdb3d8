"""Options and helpers shared by the CLI command modules."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph.base import GraphStore
from graph.factory import BACKENDS, open_store
from graph.settings import Settings


def add_store_options(p: argparse.ArgumentParser) -> None:
    """--store DIR and --backend, common to every command that reads or writes the graph."""
    p.add_argument("--store", metavar="DIR",
                   help="store folder (default: $VOCGRAPH_STORE, else ./vocgraph-data)")
    p.add_argument("--backend", choices=BACKENDS, default="networkx",
                   help="graph backend (default: networkx, the embedded store)")
    p.add_argument("--neo4j-uri", dest="neo4j_uri", help="Bolt URI (default: $NEO4J_URI)")
    p.add_argument("--neo4j-user", dest="neo4j_user", help="user (default: $NEO4J_USER)")
    p.add_argument("--neo4j-password", dest="neo4j_password", help="password (default: $NEO4J_PASSWORD)")
    p.add_argument("--neo4j-database", dest="neo4j_database", help="database (default: $NEO4J_DATABASE)")


def settings_from_args(args: argparse.Namespace) -> Settings:
    return Settings.from_env().with_overrides(
        store=Path(args.store) if getattr(args, "store", None) else None,
        neo4j_uri=getattr(args, "neo4j_uri", None),
        neo4j_user=getattr(args, "neo4j_user", None),
        neo4j_password=getattr(args, "neo4j_password", None),
        neo4j_database=getattr(args, "neo4j_database", None),
    )


def store_from_args(args: argparse.Namespace) -> GraphStore:
    settings = settings_from_args(args)
    return open_store(settings, backend=getattr(args, "backend", "networkx") or "networkx")
