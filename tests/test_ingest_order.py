"""Ingest order: the graph (nodes, edges, evidence, properties, similarity scores of links) is
the same whatever order the documents arrive in, in one run or one document per run."""

from __future__ import annotations

import json
import shutil

import pytest

from api.commands_graph import export_graph
from graph.networkx_store import NetworkxStore
from graph.schema import Edge, Evidence
from ingest.pipeline import ingest_paths


def _export(tmp_path, name, batches) -> str:
    store = NetworkxStore(tmp_path / name)
    for batch in batches:
        report = ingest_paths(batch, store, link_embedder="hash")  # links scored by similarity too
        assert not report.skipped, report.skipped
    return json.dumps(export_graph(store), ensure_ascii=False, sort_keys=True)


@pytest.mark.slow
def test_seed_corpus_in_two_orders_gives_the_same_export(tmp_path, seed_store_path, corpus_files):
    from search.linking import link_measures

    # The session's seed store (all files in one run, sorted), its links scored again with similarity.
    shutil.copytree(seed_store_path, tmp_path / "sorted")
    store = NetworkxStore(tmp_path / "sorted")
    link_measures(store, embedder="hash")
    together = json.dumps(export_graph(store), ensure_ascii=False, sort_keys=True)
    one_by_one = _export(tmp_path, "reversed", [[f] for f in reversed(corpus_files)])
    assert '"reason": "similarity"' in together  # similarity scores are part of what is compared
    assert one_by_one == together


def test_merging_facts_in_any_order_gives_one_edge():
    def edge(doc, start, props):
        return Edge("a", "b", "LEADS", dict(props), [Evidence(doc, start, start + 2, "牵头")])

    facts = [edge("d2", 5, {"pattern": "由X牵头"}), edge("d1", 9, {"pattern": "table:lead", "role": "牵头"}),
             edge("d1", 1, {"pattern": "X牵头"})]
    merged = []
    for order in (facts, facts[::-1], facts[1:] + facts[:1]):
        first, *rest = [Edge.from_dict(e.to_dict()) for e in order]
        for e in rest:
            first.merge(e)
        merged.append(first.to_dict())
    assert merged[0] == merged[1] == merged[2]
    assert [(e["doc"], e["start"]) for e in merged[0]["evidence"]] == [("d1", 1), ("d1", 9), ("d2", 5)]
