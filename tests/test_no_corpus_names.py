"""Product code must not name bodies or policies of the sample corpus.

Rules have to come from the language of such documents (suffixes, patterns, table shapes), not
from the names in data/corpus, because vocgraph is measured on documents it has never seen. So
the names of every organisation and policy the seed corpus yields may appear in tests/ and docs/
only; examples in the code's docstrings and comments use invented bodies.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ("graph", "ingest", "search", "api")
SUFFIXES = {".py", ".html", ".js", ".css"}
VENDORED = re.compile(r"vis-network|vis_network")

ORG_AND_POLICY = {"School", "Enterprise", "Group", "Association", "Institute", "Agency", "Policy"}
# National bodies every document of this kind addresses (the State Council, the Ministry of
# Education and its offices): naming them is knowledge of the domain, not of the sample corpus.
NATIONAL = {"教育部", "国务院", "教育部办公厅", "中共中央", "国务院办公厅"}
# 省教育厅, 市教育局, 各市人民政府 …: generic forms that stand for "our province/city", not a body.
GENERIC = re.compile(r"^(?:省|市|县|区|各|相关|有关)")


def corpus_names(store) -> set[str]:
    names = set()
    for node in store.iter_nodes():
        if node.type not in ORG_AND_POLICY:
            continue
        for form in (node.name, *node.aliases, node.properties.get("number") or ""):
            form = form.strip()
            if len(form) >= 2 and form not in NATIONAL and not GENERIC.match(form):
                names.add(form)
    return names


def product_files() -> list[Path]:
    return sorted(p for d in PRODUCT for p in (ROOT / d).rglob("*")
                  if p.suffix in SUFFIXES and p.is_file() and not VENDORED.search(p.name))


def test_product_code_names_no_body_or_policy_of_the_sample_corpus(seed_store):
    names = sorted(corpus_names(seed_store), key=len, reverse=True)
    assert len(names) > 300, "the seed store should yield hundreds of names"
    pattern = re.compile("|".join(re.escape(n) for n in names))
    hits = []
    for path in product_files():
        for i, line in enumerate(path.read_text(encoding="utf-8", errors="ignore").splitlines(), 1):
            m = pattern.search(line)
            if m:
                hits.append(f"{path.relative_to(ROOT)}:{i}: {m.group(0)}")
    assert not hits, "corpus names in product code:\n" + "\n".join(hits)
