"""The ego-network page (api/viz.py) and `vocgraph viz`: self-contained, styled by type, evidence in tooltips."""

from __future__ import annotations

import json
import re

import pytest

from api.cli import main
from api.viz import EDGE_STYLE, NODE_STYLE, render_ego_network
from graph.errors import NotFoundError
from graph.schema import Edge, Evidence, Node
from web_store import DOC_ID, ENTERPRISE, GROUP, GROUP2, REGION, SCHOOL, build_toy_store

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


@pytest.fixture()
def toy(tmp_path):
    return build_toy_store(tmp_path / "store")


def dataset(html: str, name: str) -> list[dict]:
    """The records the page hands to ``new vis.DataSet(...)`` for ``nodes`` or ``edges``."""
    m = re.search(rf"var {name} = new vis\.DataSet\((\[.*?\])\);\n", html, re.S)
    assert m, f"no {name} DataSet in the page"
    return json.loads(m.group(1))


def test_page_is_self_contained(toy):
    html = render_ego_network(toy, SCHOOL)
    assert not EXTERNAL.search(html), "no src/href may point off the page"
    assert "<link" not in html and "bootstrap" not in html.lower()
    assert "sourceMappingURL" not in html
    assert "vis.Network" in html and len(html) > 400_000  # vis-network itself is inlined


def test_nodes_match_the_neighbourhood_and_are_styled_by_type(toy):
    html = render_ego_network(toy, SCHOOL, depth=2)
    nodes = dataset(html, "nodes")
    expected, _ = toy.neighborhood(SCHOOL, depth=2)
    assert sorted(n["id"] for n in nodes) == sorted(n.id for n in expected)
    by_id = {n["id"]: n for n in nodes}
    for node_id, type_ in ((GROUP, "Group"), (ENTERPRISE, "Enterprise"), (REGION, "Region")):
        color, shape, _ = NODE_STYLE[type_]
        assert by_id[node_id]["shape"] == shape and by_id[node_id]["color"]["background"] == color
    # The centre stands out: bigger, thick border, bold label.
    centre, other = by_id[SCHOOL], by_id[GROUP]
    assert centre["size"] > other["size"] and centre["borderWidth"] > other["borderWidth"]
    assert centre["font"]["bold"] is True


def test_legend_lists_the_types_and_relations_present(toy):
    html = render_ego_network(toy, SCHOOL)
    legend = html[html.index('id="legend"'):html.index('id="status"')]
    for label in ("学校 School", "企业 Enterprise", "集团/联盟 Group", "LEADS", "PARTNERS_WITH"):
        assert label in legend
    assert "Region" not in legend  # not within one hop of the school


def test_edges_are_labelled_by_relation_with_evidence_tooltips(toy):
    html = render_ego_network(toy, SCHOOL)
    edges = dataset(html, "edges")
    leads = next(e for e in edges if e["relation"] == "LEADS")
    assert leads["label"] == "LEADS" and leads["from"] == SCHOOL and leads["to"] == GROUP
    assert leads["color"] == EDGE_STYLE["LEADS"][0]
    assert "由辽宁职业学院牵头" in leads["title"] and DOC_ID in leads["title"]
    assert "辽宁职业学院" in leads["title"] and "辽西北职业教育联盟" in leads["title"]


def test_physics_is_tuned_and_frozen_after_layout(toy):
    html = render_ego_network(toy, SCHOOL)
    options = json.loads(re.search(r"var options = (\{.*?\});\n", html, re.S).group(1))
    assert options["physics"]["solver"] == "forceAtlas2Based"
    assert options["physics"]["forceAtlas2Based"]["avoidOverlap"] > 0
    assert options["physics"]["stabilization"]["enabled"] is True
    assert "physics: {enabled: false}" in html


def test_limit_keeps_the_nearest_nodes(toy):
    html = render_ego_network(toy, GROUP2, depth=2, limit=2)
    nodes = dataset(html, "nodes")
    assert len(nodes) == 2 and nodes[0]["id"] == GROUP2
    assert "truncated" in html


def test_names_cannot_break_out_of_the_page(toy):
    evil = Node("School-evil0000000", "School", "</script><script>alert(1)</script>学院")
    toy.upsert_node(evil)
    toy.upsert_edge(Edge(evil.id, GROUP, "MEMBER_OF", evidence=[Evidence(DOC_ID, 0, 4, "<b>x</b>")]))
    html = render_ego_network(toy, GROUP)
    assert "<script>alert(1)" not in html
    assert any(n["label"].startswith("</script>") for n in dataset(html, "nodes"))


def test_unknown_node_raises_not_found(toy):
    with pytest.raises(NotFoundError):
        render_ego_network(toy, "School-000000000000")


# ---- vocgraph viz ------------------------------------------------------------------------------
def test_cli_viz_resolves_an_alias_and_writes_the_page(toy, tmp_path, capsys):
    out = tmp_path / "net.html"
    assert main(["viz", "辽西北职教联盟", "--store", str(toy.path), "--depth", "2", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "辽西北职业教育联盟 合作网络" in html
    assert {n["id"] for n in dataset(html, "nodes")} == {GROUP, SCHOOL, REGION, ENTERPRISE, GROUP2}
    assert str(out) in capsys.readouterr().err


def test_cli_viz_default_file_name_and_stdout(toy, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["viz", "辽宁职业学院", "--store", str(toy.path)]) == 0
    assert (tmp_path / "辽宁职业学院.html").exists()
    assert main(["viz", SCHOOL, "--store", str(toy.path), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_cli_viz_unknown_name_fails(toy, capsys):
    assert main(["viz", "不存在的学校名称", "--store", str(toy.path)]) == 1
    assert "不存在的学校名称" in capsys.readouterr().err


def test_cli_viz_rejects_depth_three(toy):
    with pytest.raises(SystemExit) as exc:
        main(["viz", "辽宁职业学院", "--store", str(toy.path), "--depth", "3"])
    assert exc.value.code == 2
