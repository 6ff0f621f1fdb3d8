"""The ingest pipeline with a small fake extractor (so it is tested independently of the real
extractors), plus end-to-end checks on the seed corpus."""

from __future__ import annotations

import re
import shutil

import pytest

from fake_extractor import FAKE, fake_extract
from graph.networkx_store import NetworkxStore
from ingest.model import Document
from ingest.pipeline import ingest_documents, ingest_paths


DOC_A = "辽宁省教育厅\n由辽宁职业学院牵头组建辽西北职教联盟，成员单位345家。\n"
DOC_B = "沈阳市中等职业教育质量年报\n由沈阳外事服务学校牵头组建沈阳旅游职业教育集团。\n辽西北职业教育联盟由辽宁职业学院牵头。\n"


@pytest.fixture()
def docs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(DOC_A, encoding="utf-8")
    (folder / "b.txt").write_bytes(DOC_B.encode("gbk"))
    return folder


def _snapshot(store):
    return ({n.id: n.to_dict() for n in store.iter_nodes()},
            {e.key: e.to_dict() for e in store.iter_edges()}, store.documents())


def test_ingest_builds_nodes_edges_and_evidence(tmp_path, docs):
    store = NetworkxStore(tmp_path / "store")
    report = ingest_paths([docs], store, extractors=FAKE)
    assert report.ingested == ["a", "b"] and not report.skipped
    leads = list(store.iter_edges("LEADS"))
    assert len(leads) == 2
    for e in leads:
        for ev in e.evidence:
            assert store.get_document_text(ev.doc)[ev.start:ev.end] == ev.quote
    group = _node(store, "辽西北职教联盟", "Group")
    assert group.name == "辽西北职教联盟"  # the only form a Group mention used
    # Mention nodes carry the documents that name them.
    school = _node(store, "辽宁职业学院", "School")
    assert school.docs == ["a", "b"]
    # Committed: a fresh store sees the same graph.
    assert _snapshot(NetworkxStore(tmp_path / "store")) == _snapshot(store)


def test_region_inference(tmp_path, docs):
    store = NetworkxStore(tmp_path / "store")
    ingest_paths([docs], store, extractors=FAKE)
    located = {(store.get_node(e.source).name, store.get_node(e.target).name): e
               for e in store.iter_edges("LOCATED_IN")}
    # from the name
    assert ("辽宁职业学院", "辽宁省") in located
    assert located[("辽宁职业学院", "辽宁省")].properties["rule"] == "name_prefix"
    assert ("沈阳市外事服务学校", "沈阳市") in located or ("沈阳外事服务学校", "沈阳市") in located
    # region → province, with evidence
    assert ("沈阳市", "辽宁省") in located
    assert all(e.evidence for e in located.values())
    shenyang = _node(store, "沈阳", "Region")
    assert shenyang.properties["parent"] == "辽宁省"


def test_document_scope_places_schools_without_a_region_in_their_name(tmp_path):
    text = ("沈阳市中等职业教育质量年报\n" * 3) + "由外事服务学校牵头组建旅游职业教育集团。\n"
    store = NetworkxStore(tmp_path)
    ingest_documents([Document("r", "r.txt", text)], store, extractors=FAKE)
    edges = [(store.get_node(e.source).name, store.get_node(e.target).name, e.properties["rule"], e.evidence[0].quote)
             for e in store.iter_edges("LOCATED_IN")]
    assert ("外事服务学校", "沈阳市", "document_scope", "沈阳市中等职业教育质量年报") in edges


def test_reingest_changes_nothing(tmp_path, docs):
    store = NetworkxStore(tmp_path / "store")
    ingest_paths([docs], store, extractors=FAKE)
    before = _snapshot(NetworkxStore(tmp_path / "store"))
    store = NetworkxStore(tmp_path / "store")
    report = ingest_paths([docs], store, extractors=FAKE)
    assert report.ingested == [] and report.unchanged == ["a", "b"]
    assert _snapshot(NetworkxStore(tmp_path / "store")) == before


def test_new_documents_merge_into_the_same_graph(tmp_path, docs):
    store = NetworkxStore(tmp_path / "store")
    ingest_paths([docs / "a.txt"], store, extractors=FAKE)
    ingest_paths([docs / "b.txt"], NetworkxStore(tmp_path / "store"), extractors=FAKE)
    both = NetworkxStore(tmp_path / "both")
    ingest_paths([docs], both, extractors=FAKE)
    one_by_one = NetworkxStore(tmp_path / "store")
    strip = lambda snap: ({k: {**v, "properties": v["properties"]} for k, v in snap[0].items()}, snap[1])
    assert strip(_snapshot(one_by_one)) == strip(_snapshot(both))


def test_ingest_order_does_not_change_the_graph(tmp_path, docs):
    a = NetworkxStore(tmp_path / "ab")
    ingest_paths([docs / "a.txt", docs / "b.txt"], a, extractors=FAKE)
    b = NetworkxStore(tmp_path / "ba")
    ingest_paths([docs / "b.txt", docs / "a.txt"], b, extractors=FAKE)
    assert {n.id: (n.name, n.aliases) for n in a.iter_nodes()} == {n.id: (n.name, n.aliases) for n in b.iter_nodes()}
    assert {e.key for e in a.iter_edges()} == {e.key for e in b.iter_edges()}


def test_bad_files_are_skipped_and_nothing_stored_is_lost(tmp_path, docs):
    store = NetworkxStore(tmp_path / "store")
    ingest_paths([docs / "a.txt"], store, extractors=FAKE)
    before = _snapshot(NetworkxStore(tmp_path / "store"))
    (docs / "empty.txt").write_bytes(b"")
    (docs / "pic.png").write_bytes(b"\x89PNG")
    report = ingest_paths([docs, tmp_path / "missing.txt"], NetworkxStore(tmp_path / "store"), extractors=FAKE)
    reasons = {p.rsplit("/", 1)[-1]: r for p, r in report.skipped}
    assert reasons == {"empty.txt": "empty file", "pic.png": "unsupported file type '.png'",
                       "missing.txt": "no such file or folder"}
    assert report.ingested == ["b"] and report.unchanged == ["a"]
    after = _snapshot(NetworkxStore(tmp_path / "store"))
    assert set(before[0]) <= set(after[0]) and set(before[1]) <= set(after[1])


def test_extractor_failure_skips_that_document_only(tmp_path, docs):
    def flaky(doc):
        if "沈阳" in doc.text:
            raise ValueError("boom")
        return fake_extract(doc)

    store = NetworkxStore(tmp_path / "store")
    report = ingest_paths([docs], store, extractors=[("flaky", flaky)])
    assert report.ingested == ["a"]
    (path, reason), = report.skipped
    assert path.endswith("b.txt") and "extractor flaky failed (ValueError: boom)" in reason
    assert set(store.documents()) == {"a"}


def test_same_stem_in_two_folders_gets_unique_ids(tmp_path, docs):
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("由大连职业学校牵头组建大连旅游集团。\n", encoding="utf-8")
    store = NetworkxStore(tmp_path / "store")
    report = ingest_paths([docs / "a.txt", other / "a.txt"], store, extractors=FAKE)
    assert report.ingested == ["a", "a-2"]


def test_changed_document_replaces_its_old_facts(tmp_path, docs):
    store = NetworkxStore(tmp_path / "store")
    ingest_paths([docs], store, extractors=FAKE)
    (docs / "a.txt").write_text("辽宁省教育厅\n由铁岭市农业学校牵头组建铁岭农业集团。\n", encoding="utf-8")
    store = NetworkxStore(tmp_path / "store")
    report = ingest_paths([docs], store, extractors=FAKE)
    assert report.replaced == ["a"] and report.ingested == ["a"]
    names = {n.name for n in store.iter_nodes()}
    assert "铁岭农业集团" in names and "辽西北职教联盟" not in names
    for e in store.iter_edges():
        for ev in e.evidence:
            assert store.get_document_text(ev.doc)[ev.start:ev.end] == ev.quote


def test_user_decisions_apply(tmp_path, docs):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("same\t沈阳旅游职业教育集团\t辽西北职教联盟\n", encoding="utf-8")
    store = NetworkxStore(tmp_path / "store")
    ingest_paths([docs], store, extractors=FAKE, aliases=aliases)
    (group,) = store.iter_nodes("Group")
    assert set([group.name, *group.aliases]) == {"沈阳旅游职业教育集团", "辽西北职教联盟"}


def test_ingest_documents_in_memory(tmp_path):
    store = NetworkxStore(tmp_path)
    report = ingest_documents([Document("up1", "upload.txt", DOC_A)], store, extractors=FAKE)
    assert report.ingested == ["up1"]
    assert store.get_document_text("up1") == DOC_A
    again = ingest_documents([Document("up1", "upload.txt", DOC_A)], store, extractors=FAKE)
    assert again.unchanged == ["up1"] and again.ingested == []
    # The same upload edited replaces its old version; another source with that id gets a new id.
    edited = ingest_documents([Document("up1", "upload.txt", DOC_B)], store, extractors=FAKE)
    assert edited.replaced == ["up1"] and edited.ingested == ["up1"]
    assert store.get_document_text("up1") == DOC_B
    other = ingest_documents([Document("up1", "elsewhere.txt", DOC_A)], store, extractors=FAKE)
    assert other.ingested == ["up1-2"] and other.replaced == []


# ---- end to end on the seed corpus (real extractors) -------------------------------------
@pytest.mark.slow
def test_seed_reingest_is_idempotent(tmp_path, seed_store_path, corpus_files):
    copy = tmp_path / "copy"
    shutil.copytree(seed_store_path, copy)
    before = (copy / "graph.json").read_bytes()
    report = ingest_paths(corpus_files, NetworkxStore(copy))
    assert report.ingested == [] and len(report.unchanged) == len(corpus_files)
    assert (copy / "graph.json").read_bytes() == before


@pytest.mark.slow
def test_seed_evidence_points_into_stored_text(seed_store):
    texts = {d: seed_store.get_document_text(d) for d in seed_store.documents()}
    edges = list(seed_store.iter_edges())
    assert edges
    for e in edges:
        assert e.evidence
        for ev in e.evidence:
            assert texts[ev.doc][ev.start:ev.end] == ev.quote


@pytest.mark.slow
def test_seed_resolution_merges_known_variants(seed_store):
    shenyang = seed_store.find_nodes("沈阳", type="Region")
    assert shenyang and shenyang[0].name == "沈阳市"
    for a, b in [("辽西北职教联盟", "辽西北职业教育联盟"), ("沈阳外事服务学校", "沈阳市外事服务学校")]:
        ids_a = {n.id for n in seed_store.find_nodes(a, limit=50) if _exact(n, a)}
        ids_b = {n.id for n in seed_store.find_nodes(b, limit=50) if _exact(n, b)}
        if ids_a and ids_b:
            assert ids_a == ids_b, (a, b)


def _node(store, name, node_type):
    (node,) = [n for n in store.find_nodes(name, type=node_type, limit=50) if _exact(n, name)]
    return node


def _exact(node, name):
    from graph.normalize import name_key

    return name_key(name) in {name_key(x) for x in (node.name, *node.aliases)}


@pytest.mark.slow
def test_seed_graph_does_not_depend_on_ingest_order(tmp_path, seed_store, corpus_files):
    reverse = NetworkxStore(tmp_path)
    for f in reversed(corpus_files):  # one document at a time, last first
        ingest_paths([f], reverse)
    nodes = lambda s: {n.id: (n.name, sorted(n.aliases), sorted(n.docs)) for n in s.iter_nodes()}
    assert nodes(reverse) == nodes(seed_store)
    assert {e.key for e in reverse.iter_edges()} == {e.key for e in seed_store.iter_edges()}


def test_changed_document_is_skipped_when_the_backend_cannot_replace(tmp_path, docs, monkeypatch):
    store = NetworkxStore(tmp_path / "store")
    ingest_paths([docs], store, extractors=FAKE)
    (docs / "a.txt").write_text("由铁岭市农业学校牵头组建铁岭农业集团。\n", encoding="utf-8")
    store = NetworkxStore(tmp_path / "store")
    monkeypatch.setattr(store, "remove_edge", None)
    report = ingest_paths([docs], store, extractors=FAKE)
    (path, reason), = report.skipped
    assert path.endswith("a.txt") and "cannot replace" in reason
    assert report.unchanged == ["b"] and report.ingested == []


def _agencies(doc: Document):
    from ingest.model import Extraction, Mention

    ex = Extraction()
    for m in re.finditer(r"(?:辽宁省|省)教育厅", doc.text):
        ex.mentions.append(Mention("Agency", m.group(), doc.id, m.start(), m.end()))
    return ex


def test_own_place_names_resolve_by_document_scope_in_any_order(tmp_path):
    docs = [Document("p", "p.txt", "辽宁省教育厅文件\n请省教育厅牵头落实。\n"),
            Document("n", "n.txt", "教育部司局函件\n各省教育厅：\n")]  # no scope: 省教育厅 of any province
    graphs = []
    for i, order in enumerate((docs, docs[::-1])):
        store = NetworkxStore(tmp_path / str(i))
        for d in order:
            ingest_documents([Document(d.id, d.path, d.text)], store, extractors=[("agencies", _agencies)])
        graphs.append({n.id: (n.name, n.aliases, n.docs) for n in store.iter_nodes("Agency")})
    assert graphs[0] == graphs[1]
    assert sorted(graphs[0].values()) == [("省教育厅", [], ["n"]), ("辽宁省教育厅", ["省教育厅"], ["p"])]
