"""In-document aliases (Extraction.aliases): a short form the document defines resolves to the
full name's node and is kept as its alias; a short form given to two bodies stays apart."""

from __future__ import annotations

from graph.networkx_store import NetworkxStore
from ingest.model import Alias, Document, Extraction, Fact, Mention
from ingest.pipeline import ingest_documents


def _extractor(aliases: list[Alias]):
    def extract(doc: Document) -> Extraction:
        ex = Extraction(aliases=list(aliases))
        text = doc.text
        for name, typ in (("临川航空职业技术学院", "School"), ("临川航院", "School"), ("北岭电池股份有限公司", "Enterprise"),
                          ("北岭电池", "Enterprise"), ("Linchuan Aviation Polytechnic", "School"), ("LAP", "School")):
            i = text.find(name)
            if i >= 0:
                ex.mentions.append(Mention(typ, name, doc.id, i, i + len(name)))
        i = text.find("临川航院与北岭电池签约")
        if i >= 0:
            a = Mention("School", "临川航院", doc.id, i, i + 4)
            b = Mention("Enterprise", "北岭电池", doc.id, i + 5, i + 9)
            ex.facts.append(Fact("PARTNERS_WITH", a, b, doc.evidence(i, i + 11), {"kind": "签约"}))
        return ex
    return [("test", extract)]


TEXT = ("临川航空职业技术学院（以下简称临川航院）与北岭电池股份有限公司（以下简称北岭电池）合作。"
        "临川航院与北岭电池签约。Linchuan Aviation Polytechnic (LAP) signed.")


def _nodes(store):
    return {n.name: n for n in store.iter_nodes() if n.type in ("School", "Enterprise")}


def test_short_forms_join_the_full_names_node(tmp_path):
    store = NetworkxStore(tmp_path / "s")
    aliases = [Alias("临川航院", "临川航空职业技术学院", "School"), Alias("北岭电池", "北岭电池股份有限公司"),
               Alias("Linchuan Aviation Polytechnic", "临川航空职业技术学院"), Alias("LAP", "Linchuan Aviation Polytechnic")]
    ingest_documents([Document("d1", "d1.txt", TEXT)], store, extractors=_extractor(aliases))
    nodes = _nodes(store)
    assert set(nodes) == {"临川航空职业技术学院", "北岭电池股份有限公司"}
    assert {"临川航院", "Linchuan Aviation Polytechnic", "LAP"} <= set(nodes["临川航空职业技术学院"].aliases)
    edges = [e for e in store.iter_edges() if e.type == "PARTNERS_WITH"]
    assert [(e.source, e.target) for e in edges] == [(nodes["临川航空职业技术学院"].id, nodes["北岭电池股份有限公司"].id)]


def test_a_short_form_given_to_two_bodies_stays_apart(tmp_path):
    store = NetworkxStore(tmp_path / "s")
    aliases = [Alias("临川航院", "临川航空职业技术学院"), Alias("临川航院", "临川航海职业学院")]
    ingest_documents([Document("d1", "d1.txt", TEXT)], store, extractors=_extractor(aliases))
    assert "临川航院" in _nodes(store)


def test_aliases_apply_only_in_their_document(tmp_path):
    store = NetworkxStore(tmp_path / "s")
    other = "临川航院与北岭电池签约。"
    ex = _extractor([Alias("临川航院", "临川航空职业技术学院")])

    def extract(doc):
        out = ex[0][1](doc)
        if doc.id == "d2":
            out.aliases = []
        return out
    ingest_documents([Document("d1", "d1.txt", TEXT), Document("d2", "d2.txt", other)], store,
                     extractors=[("test", extract)])
    nodes = _nodes(store)
    assert "临川航院" not in nodes or "d1" not in nodes["临川航院"].docs


def test_a_traditional_page_gives_simplified_names_with_the_original_as_alias(tmp_path):
    from ingest.pipeline import ingest_paths

    page = tmp_path / "trad.txt"
    page.write_text("臨川職業技術學院與北嶺電池股份有限公司簽訂校企合作協議。", encoding="utf-8")
    store = NetworkxStore(tmp_path / "s")
    ingest_paths([page], store)
    nodes = _nodes(store)
    assert "临川职业技术学院" in nodes and "臨川職業技術學院" in nodes["临川职业技术学院"].aliases
    text = store.get_document_text("trad") if hasattr(store, "get_document_text") else None
    for e in store.iter_edges():
        for ev in e.evidence:
            assert ev.quote == page.read_text(encoding="utf-8")[ev.start:ev.end]
    assert text is None or text == page.read_text(encoding="utf-8")


def test_a_zone_written_without_its_place_is_no_stored_alias(tmp_path):
    """东川高新区管委会 is 高新区 in its own report; another report's 高新区 is another zone's."""
    from ingest.regions import is_bare_zone, is_place_relative

    assert is_bare_zone("高新区") and is_bare_zone("经济技术开发区管委会") and not is_place_relative("开发区")
    assert not is_bare_zone("东川高新区") and not is_bare_zone("东川高新区管委会")
    store = NetworkxStore(tmp_path / "s")
    one = Document("d1", "d1.txt", "东川经济技术开发区管委会牵头组建东川装备制造产教联合体。会上，经济技术开发区代表发言。")
    two = Document("d2", "d2.txt", "北岭经济技术开发区管委会牵头组建北岭汽车产教联合体。经济技术开发区负责人出席。")
    ingest_documents([one, two], store)
    zones = [n for n in store.iter_nodes() if n.type == "Agency" and "开发区" in n.name]
    assert {n.name for n in zones} >= {"东川经济技术开发区管委会", "北岭经济技术开发区管委会"}
    assert all(not any(is_bare_zone(a) for a in n.aliases) for n in zones)
    assert not any(n.name == "经济技术开发区" for n in zones)
