"""The package layout the design card asks for: no import circles in ingest/, and the
organisation-name machinery used only through its public face (ingest.orgnames)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INGEST = ROOT / "ingest"


def _module(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, imported names) for every import in the file, lazy ones included."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            out.extend((a.name, []) for a in node.names)
    return out


def _graph() -> dict[str, set[str]]:
    mods = {_module(p): p for p in INGEST.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for m, p in mods.items():
        for target, names in _imports(p):
            if target in mods:
                graph[m].add(target)
            for n in names:  # from ingest import sentences
                if f"{target}.{n}" in mods:
                    graph[m].add(f"{target}.{n}")
    return graph


def test_no_import_circles_in_ingest():
    graph = _graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in sorted(graph[m]):
            if t == m or (t == "ingest" or m.startswith(t + ".")):
                continue  # a module importing its own package's face is not a circle
            if state.get(t) == 1:
                cycles.append(path[path.index(t):] + [t] if t in path else [m, t])
            elif t not in state:
                visit(t, path + [t])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert cycles == []


def test_orgnames_used_only_through_its_public_face():
    offenders = []
    for p in ROOT.glob("*/**/*.py"):
        if ".venv" in p.parts or "orgnames" in p.parts:
            continue
        for target, names in _imports(p):
            if target.startswith("ingest.orgnames."):
                offenders.append(f"{p.relative_to(ROOT)} imports {target}")
            elif target == "ingest.orgnames":
                offenders += [f"{p.relative_to(ROOT)} imports private {n}" for n in names if n.startswith("_")]
    assert offenders == []


def test_orgnames_never_imports_relation_extractors():
    for p in (INGEST / "orgnames").glob("*.py"):
        for target, _ in _imports(p):
            assert target not in {"ingest.sentences", "ingest.tables", "ingest.industry", "ingest.policy",
                                  "ingest.tasks", "ingest.pipeline"}, f"{p.name} imports {target}"
