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
from ingest.orgnames import SHORT_HEADS, find_orgs, short_forms
from ingest.tables import table_names


def extract(doc: Document) -> Extraction:
    names = table_names(doc)
    found = find_orgs(doc.text, 0, len(doc.text), doc.id, names)
    aliases, mentions = short_forms(doc.text, found, doc.id)
    fragments = _fragments(doc, find_orgs(doc.text, 0, len(doc.text), doc.id, names, {m.name for m in found}))
    return Extraction(mentions=mentions + [m for _, m in fragments], aliases=aliases + [a for a, _ in fragments])


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
