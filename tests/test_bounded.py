"""Bounded work: extraction time grows linearly with the document on the pathological shapes of
tests/pathological.py, and a document over the size limit or the time budget is skipped with a
reason naming it, nothing of it stored (issue 11)."""

from __future__ import annotations

import threading
import time

import pytest

from graph.networkx_store import NetworkxStore
from ingest.budget import Limits
from ingest.extractors import load_extractors
from ingest.model import Document, Extraction
from ingest.pipeline import ingest_documents, ingest_paths
from pathological import PATTERNS

SMALL, LARGE = 1_500, 10_000  # characters; benchmarks/bench_bounded.py measures 100 KB and 1 MB
MAX_GROWTH = 3.0  # time per character at LARGE over time per character at SMALL
# The paths that were pairwise over a document's names (short forms, place typos, nesting): at these
# sizes the old code grew 2.8× (dense names) and 2.3× (wide table) per character from 2 K to 20 K
# characters, the linear code 1.0×; at 100 KB and 1 MB the old code did not finish.
PAIRWISE = ("ingest.shortforms", "ingest.tables")
PAIRWISE_SIZES, PAIRWISE_MAX_GROWTH = (2_000, 14_000), 1.8


def _cpu_seconds(text: str, doc_id: str, only: tuple[str, ...] = ()) -> float:
    """CPU time of every extractor (or those named) on ``text`` (CPU, not wall time: the box is shared)."""
    doc = Document.from_text(doc_id, f"{doc_id}.txt", text)
    start = time.process_time()
    for name, fn in load_extractors():
        if not only or name in only:
            fn(doc)
    return time.process_time() - start


@pytest.fixture(scope="module")
def warm():
    _cpu_seconds("临川职业技术学院牵头组建临川职教集团。\n序号\t名称\n1\t北岭有限公司\n", "warm")


@pytest.mark.parametrize("pattern", sorted(PATTERNS))
def test_extraction_time_per_character_does_not_grow(warm, pattern):
    make = PATTERNS[pattern]
    small = _cpu_seconds(make(SMALL), f"{pattern}-s")
    large = _cpu_seconds(make(LARGE), f"{pattern}-l")
    per_small, per_large = max(small, 0.01) / SMALL, large / LARGE
    assert per_large <= MAX_GROWTH * per_small, (
        f"{pattern}: {per_small * 1e6:.0f} µs/char at {SMALL} chars, {per_large * 1e6:.0f} µs/char at {LARGE}")


@pytest.mark.parametrize("pattern", ["dense_orgs", "wide_table"])
def test_name_lookups_are_not_pairwise(warm, pattern):
    small_n, large_n = PAIRWISE_SIZES
    small = _cpu_seconds(PATTERNS[pattern](small_n), f"{pattern}-ps", PAIRWISE)
    large = _cpu_seconds(PATTERNS[pattern](large_n), f"{pattern}-pl", PAIRWISE)
    growth = (large / large_n) / (max(small, 0.01) / small_n)
    assert growth <= PAIRWISE_MAX_GROWTH, f"{pattern}: time per character grew {growth:.2f}×"


def _spin(doc: Document) -> Extraction:
    while True:  # an extractor that never returns (a runaway rule)
        pass


def test_a_runaway_extractor_is_stopped_by_the_time_budget(tmp_path):
    store = NetworkxStore(tmp_path)
    started = time.monotonic()
    report = ingest_documents([Document("slow", "slow.txt", "临川职业技术学院牵头。")], store,
                              extractors=[("spin", _spin)], limits=Limits(seconds=0.3))
    assert time.monotonic() - started < 5
    (path, reason), = report.skipped
    assert path == "slow.txt" and "budget of 0.3 s" in reason and "nothing stored" in reason
    assert report.ingested == [] and store.documents() == {} and store.node_count() == 0


def test_the_time_budget_holds_in_a_worker_thread(tmp_path):
    """No timer outside the main thread: the budget is checked after each extractor."""
    def slow(doc: Document) -> Extraction:
        time.sleep(0.3)
        return Extraction()

    out = {}

    def work():
        out["report"] = ingest_documents([Document("d", "d.txt", "北岭职业学院")], NetworkxStore(tmp_path),
                                         extractors=[("slow", slow)] * 2, limits=Limits(seconds=0.2))

    t = threading.Thread(target=work)
    t.start()
    t.join(10)
    (path, reason), = out["report"].skipped
    assert path == "d.txt" and "budget" in reason


def test_a_document_over_the_size_limit_is_skipped_and_named(tmp_path):
    big, small = tmp_path / "in" / "big.txt", tmp_path / "in" / "small.txt"
    big.parent.mkdir()
    big.write_text("临川职业技术学院牵头组建临川职教集团。" * 100, encoding="utf-8")
    small.write_text("北岭职业技术学院牵头组建北岭职教集团。", encoding="utf-8")
    store = NetworkxStore(tmp_path / "store")
    report = ingest_paths([big.parent], store, limits=Limits(max_chars=500))
    (path, reason), = report.skipped
    assert path == str(big) and "too large" in reason and "500" in reason
    assert report.ingested == ["small"]
    assert all("big" not in n.docs for n in store.iter_nodes())
    uploaded = ingest_documents([Document("up", "up.txt", "临川" * 300)], store, limits=Limits(max_chars=500))
    assert "too large: 600 characters" in uploaded.skipped[0][1]


def test_cli_flags_set_the_limits(tmp_path, capsys):
    from api.cli import main

    store = str(tmp_path / "s")
    ok, doc = tmp_path / "ok.txt", tmp_path / "report.txt"
    ok.write_text("北岭职业技术学院牵头组建北岭职教集团。", encoding="utf-8")
    doc.write_text("临川职业技术学院牵头组建临川职教集团。" * 50, encoding="utf-8")
    assert main(["ingest", str(ok), "--store", store, "--no-index", "-q"]) == 0
    code = main(["ingest", str(doc), "--store", store, "--no-index", "-q", "--max-chars", "100"])
    assert code == 3 and f"skipped {doc}: too large" in capsys.readouterr().err
    code = main(["ingest", str(doc), "--store", store, "--no-index", "-q", "--time-budget", "0.000001"])
    assert code == 3 and f"skipped {doc}: extraction took longer" in capsys.readouterr().err
    assert list(NetworkxStore(store).documents()) == ["ok"]
