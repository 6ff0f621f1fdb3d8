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
NATIONAL = {"教育部", "国务院", "教育部办公厅", "中共中央", "党中央", "国务院办公厅"}
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


# ---- the development corpus ------------------------------------------------------------------
DEV_GOLD = ROOT / "tests" / "data" / "dev_gold"
# National bodies and ministries (教育部, 工业和信息化部, 国家发展改革委 …) are vocabulary of Chinese
# administration; kinds of body (州教育体育局, 自治区人民政府) stand for "the document's own place".
NATIONAL_FORM = re.compile(r"^(?:国家|国务院|中共中央|党中央|中央|全国人大)|^[\u4e00-\u9fff]{2,10}部(?:办公厅)?$")
GENERIC_DEV = re.compile(r"^(?:省|市|县|区|州|盟|自治区|自治州|各|相关|有关|本|我)")


def dev_names() -> set[str]:
    """Every body, alias and policy number/title of the hand-annotated development pages."""
    import json

    names: set[str] = set()
    for path in sorted(DEV_GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for b in gold.get("bodies") or []:
            names.update([b["name"], *(b.get("aliases") or [])])
        for p in gold.get("policies") or []:
            names.update(x for x in (p.get("number"), p.get("title")) if x)
    out = set()
    for n in names:
        n = n.strip()
        long_enough = len(n) >= 8 if n.isascii() else len(n) >= 4
        if long_enough and n not in NATIONAL and not NATIONAL_FORM.match(n) and not GENERIC_DEV.match(n):
            out.add(n)
    return out


def test_product_code_names_no_body_or_policy_of_the_development_corpus():
    names = sorted(dev_names(), key=len, reverse=True)
    assert len(names) > 300, "the development gold should yield hundreds of names"
    pattern = re.compile("|".join(re.escape(n) for n in names))
    hits = []
    for path in product_files():
        for i, line in enumerate(path.read_text(encoding="utf-8", errors="ignore").splitlines(), 1):
            m = pattern.search(line)
            if m:
                hits.append(f"{path.relative_to(ROOT)}:{i}: {m.group(0)}")
    assert not hits, "development-corpus names in product code:\n" + "\n".join(hits)
