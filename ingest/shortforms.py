"""Short forms and aliases of the bodies one document names (ingest.orgnames.short_forms):
以下简称"X", a prefix of one full name (东川吉达 for 东川吉达汽车有限公司), the usual abbreviation by the
first characters of the name's words (临江航院 / 临航 for 临江航空职业技术学院), the document's own
place left out (市高新区管委会), 政府 for 人民政府.

The extraction holds the ``Alias(short, full, type)`` pairs (the pipeline makes the short form
resolve to the full name's node) and a mention of each short form where the text writes it. A
short form that fits two bodies of the document gives no alias: the two stay apart.
"""

from __future__ import annotations

import re

from ingest.model import Alias, Document, Extraction, Mention
from ingest.orgnames import SHORT_HEADS, classify_org, find_listed, find_orgs, short_forms
from ingest.regions import foreign_country
from ingest.tables import table_names


def extract(doc: Document) -> Extraction:
    names = table_names(doc)
    found = find_orgs(doc.text, 0, len(doc.text), doc.id, names)
    aliases, mentions = short_forms(doc.text, found, doc.id)
    fragments = _fragments(doc, find_orgs(doc.text, 0, len(doc.text), doc.id, names, {m.name for m in found}))
    brands = _country_brands(doc, [*found, *find_listed(doc.text, 0, len(doc.text), doc.id, found=found)])
    return Extraction(mentions=mentions + [m for _, m in fragments] + [m for _, m in brands],
                      aliases=aliases + [a for a, _ in fragments] + [a for a, _ in brands])


def _country_brands(doc: Document, found: list[Mention]) -> list[tuple[Alias, Mention]]:
    """A company named by its country and its brand (德国某某, 日本某某): the bare brand, written inside
    the name, is its short form (the country is a place the name opens with)."""
    out = []
    for m in found:
        if m.type == "Enterprise" and (country := foreign_country(m.name)) and \
                len(brand := m.name[len(country):]) >= 2 and classify_org(brand) is None and \
                doc.text[m.start:m.end] == m.name:
            out.append((Alias(brand, m.name, m.type), Mention(m.type, brand, doc.id, m.start + len(country), m.end)))
    return out


def _fragments(doc: Document, found: list[Mention]) -> list[tuple[Alias, Mention]]:
    """A short school form (某某技校, 某某职院) that find_orgs reports by the longer name of the document
    it ends (物流技校 read as 临江物流技校): the form written is an alias of that body too. Fragments of
    common words without a short head (汽车工程学校) are no alias: they name a kind of school."""
    out = []
    for m in found:
        written = re.sub(r"\s+", "", doc.text[m.start:m.end])
        if written != m.name and len(written) >= 3 and m.name.endswith(written) and written.endswith(SHORT_HEADS):
            out.append((Alias(written, m.name, m.type), Mention(m.type, written, doc.id, m.start, m.end)))
    return out
