"""``trace`` on the heldout2 policy documents (tests/data/unseen/policy/heldout2): the policy,
the policy it implements, its targets, its measures with departments, and who implements it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.networkx_store import NetworkxStore
from ingest.pipeline import ingest_paths
from search.trace import trace_trees

HELDOUT2 = Path(__file__).resolve().parent / "data" / "unseen" / "policy" / "heldout2"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = NetworkxStore(str(tmp_path_factory.mktemp("h2")))
    ingest_paths(sorted(HELDOUT2.glob("*.txt")), s, commit=False)
    return s


def _lines(tree, depth=0):
    yield depth, tree.label, tree.node
    for c in tree.children:
        yield from _lines(c, depth + 1)


def test_trace_a_city_opinion(store):
    _, [tree] = trace_trees(store, "岚政发〔2023〕6号")
    top = [(label, n.type, n.name) for d, label, n in _lines(tree) if d == 1]
    assert ("issued by", "Agency", "岚州市人民政府") in top
    implements = [n for label, t, n in top if label == "implements"]
    assert len(implements) == 1 and "青岚省人民政府关于推动" in implements[0]
    assert sum(label == "target" for label, _, _ in top) == 5
    assert sum(label == "measure" for label, _, _ in top) == 5
    assert any(label == "implemented by" and "桐川县" in n for label, _, n in top)
    measure = next(c for c in tree.children if c.label == "measure" and "推行现代学徒制" in c.node.name)
    assert {c.node.name for c in measure.children} == {"岚州市人力资源和社会保障局", "岚州市教育局", "岚州市总工会"}


def test_abbreviation_and_full_form_are_one_department(store):
    names = {n.name for n in store.iter_nodes("Agency")}
    assert "岚州市发展和改革委员会" in names
    assert not ({"岚州市发改委", "岚州市发展改革委"} & names)
    node = next(n for n in store.iter_nodes("Agency") if n.name == "岚州市发展和改革委员会")
    assert {"岚州市发改委", "岚州市发展改革委"} <= set(node.aliases)
