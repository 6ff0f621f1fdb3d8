"""Open the configured graph store: ``networkx`` (embedded default) or ``neo4j``."""

from __future__ import annotations

from pathlib import Path

from graph.base import GraphStore
from graph.errors import ConfigError
from graph.settings import Settings

BACKENDS = ("networkx", "neo4j")


def open_store(settings: Settings | None = None, backend: str = "networkx",
               store: str | Path | None = None) -> GraphStore:
    """Open a store. ``store`` (a folder) overrides settings.store for the embedded backend."""
    settings = settings or Settings.from_env()
    if backend == "networkx":
        from graph.networkx_store import NetworkxStore

        return NetworkxStore(Path(store) if store is not None else settings.store)
    if backend == "neo4j":
        from graph.neo4j_store import Neo4jStore  # needs the neo4j driver

        return Neo4jStore.from_settings(settings)
    raise ConfigError(f"unknown backend {backend!r}; expected one of {', '.join(BACKENDS)}")
