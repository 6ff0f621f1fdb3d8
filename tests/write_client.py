"""An API client over an empty embedded store with writes enabled (token ``t``), the fake
extractor and no search index: for the tests of uploads, removal and the store lock."""

from __future__ import annotations

import sys
from pathlib import Path

from fake_extractor import FAKE

AUTH = {"Authorization": "Bearer t"}


def write_client(store: Path, monkeypatch):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from graph.networkx_store import NetworkxStore
    from graph.settings import Settings

    monkeypatch.setattr("ingest.pipeline.load_extractors", lambda: FAKE)
    monkeypatch.setitem(sys.modules, "search.index", None)
    return TestClient(create_app(store=NetworkxStore(store), settings=Settings(store=store, api_token="t")))


def lead_file(name: str, a: str, b: str) -> tuple[str, tuple[str, bytes]]:
    """A multipart ``files`` part: a text where school a+b leads group a+b."""
    return ("files", (name, f"由{a}{b}职业学院牵头组建{a}{b}职教联盟。".encode()))
