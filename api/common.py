"""Options and helpers shared by the CLI command modules (and the app)."""

from __future__ import annotations

import argparse
import importlib
import sys
from contextlib import contextmanager
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Callable, Iterator

from graph.base import GraphStore
from graph.errors import ConfigError
from graph.factory import BACKENDS, open_store
from graph.normalize import name_key
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


def store_from_args(args: argparse.Namespace, warn: bool = True) -> GraphStore:
    """The store the options name; what the load-time check found is said on stderr."""
    settings = settings_from_args(args)
    store = open_store(settings, backend=getattr(args, "backend", "networkx") or "networkx")
    problems = getattr(store, "problems", None)
    if warn and problems:
        print(f"vocgraph: warning: the store is inconsistent ({'; '.join(problems[:3])}); "
              "run `vocgraph check --repair`", file=sys.stderr)
    return store


def add_wait_option(p: argparse.ArgumentParser) -> None:
    """--wait SECONDS, for every command that changes the store (one writer at a time)."""
    from graph.lock import DEFAULT_WAIT

    p.add_argument("--wait", type=float, default=DEFAULT_WAIT, metavar="SECONDS",
                   help="when another writer holds the store, wait this long for it, then exit 1 "
                        f"naming it (default {DEFAULT_WAIT:g})")


@contextmanager
def writer_from_args(args: argparse.Namespace, allow_problems: bool = False) -> Iterator[GraphStore]:
    """The store, opened and held for a change (the store lock, graph/lock.py): a second writer
    waits ``--wait`` seconds, then fails naming the holder; the copy is reloaded if another
    writer committed while this one waited."""
    with store_from_args(args, warn=False) as store:  # a writer refuses an inconsistent store itself
        with store.writing(wait=getattr(args, "wait", 5.0), allow_problems=allow_problems):
            yield store


FUZZY_MIN_RATIO = 0.6  # difflib ratio of a did-you-mean suggestion


def match_entities(store: GraphStore, name: str, type: str | None, limit: int) -> list:
    """Nodes matching ``name``: exact name/alias, then substring (find_nodes), then fuzzy."""
    found = store.find_nodes(name, type=type, limit=limit)
    if len(found) >= limit:
        return found
    key, seen = name_key(name), {n.id for n in found}
    index = getattr(store, "name_index", lambda: None)()
    if index is not None:  # the same, through the index (graph/names.py)
        return found + index.fuzzy(name, type, limit - len(found), seen, FUZZY_MIN_RATIO)
    scored = []
    for n in store.iter_nodes(type):
        if n.id in seen:
            continue
        best = 0.0
        for alias in [n.name, *n.aliases]:
            m = SequenceMatcher(None, key, name_key(alias))
            if m.real_quick_ratio() >= FUZZY_MIN_RATIO and m.quick_ratio() >= FUZZY_MIN_RATIO:
                best = max(best, m.ratio())
        if best >= FUZZY_MIN_RATIO:
            scored.append((-best, n.name, n))
    scored.sort(key=lambda t: (t[0], t[1]))
    return found + [n for _, _, n in scored[: limit - len(found)]]


def quoted(text: str, width: int = 90) -> str:
    """A quote as every command prints it: one line, cut at ``width``, in “…” (show and ask alike)."""
    q = " ".join(text.split())
    return f"“{q if len(q) <= width else q[: width - 1] + '…'}”"


def is_exact(node, name: str) -> bool:
    """Is ``name`` the node's name or one of its aliases (up to spacing, width and 职教 = 职业教育)?"""
    return name_key(name) in {name_key(a) for a in (node.name, *node.aliases)}


def package_function(module: str, name: str) -> Callable[..., Any]:
    """A function from another package, imported on first use (ConfigError, the API's 503, when
    it is missing)."""
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        ours = (exc.name or "").split(".")[0] in ("graph", "ingest", "search", "api")
        hint = "this installation of vocgraph lacks it" if ours else 'pip install "vocgraph[all]"'
        raise ConfigError(f"{module}.{name} is not available: module {exc.name} is missing ({hint})") from exc
