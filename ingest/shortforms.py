"""Short forms and aliases of the bodies one document names (ingest.orgnames.short_forms):
以下简称"X", a prefix of one full name (东川吉达 for 东川吉达汽车有限公司), the usual abbreviation by the
first characters of the name's words (临江航院 / 临航 for 临江航空职业技术学院), the document's own
place left out (市高新区管委会), 政府 for 人民政府.

The extraction holds the ``Alias(short, full, type)`` pairs (the pipeline makes the short form
resolve to the full name's node) and a mention of each short form where the text writes it. A
short form that fits two bodies of the document gives no alias: the two stay apart.
"""

from __future__ import annotations

from ingest.model import Document, Extraction
from ingest.orgnames import find_orgs, short_forms
from ingest.tables import table_names


def extract(doc: Document) -> Extraction:
    names = table_names(doc)
    found = find_orgs(doc.text, 0, len(doc.text), doc.id, names)
    aliases, mentions = short_forms(doc.text, found, doc.id)
    return Extraction(mentions=mentions, aliases=aliases)
