"""Shared fixtures: the sample corpus and a store with it ingested once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_text(corpus_files) -> dict[str, str]:
    """Document id (file stem) -> text, as the reader stores it."""
    from ingest.readers import read_document

    return {p.stem: read_document(p).text for p in corpus_files}


@pytest.fixture(scope="session")
def seed_store_path(tmp_path_factory, corpus_files) -> Path:
    """A store folder with the whole sample corpus ingested (embedded backend)."""
    from graph.networkx_store import NetworkxStore
    from ingest.pipeline import ingest_paths

    path = tmp_path_factory.mktemp("seed-store")
    store = NetworkxStore(path)
    ingest_paths(corpus_files, store)
    store.commit()
    return path


@pytest.fixture()
def seed_store(seed_store_path):
    """A freshly loaded store over the ingested corpus (tests may read; don't write)."""
    from graph.networkx_store import NetworkxStore

    return NetworkxStore(seed_store_path)
