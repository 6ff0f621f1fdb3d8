"""A tiny extractor for testing the pipeline and the CLI apart from the real extractors."""

from __future__ import annotations

import re

from ingest.model import Document, Extraction, Fact, Mention

_LEAD = re.compile(r"由(?P<lead>[\u4e00-\u9fff]+?(?:学院|学校))牵头组建(?P<group>[\u4e00-\u9fff]+?(?:集团|联盟))")
_SCHOOL = re.compile(r"(?:(?!由|牵头|组建)[\u4e00-\u9fff]){2,12}?(?:职业学院|学校)")


def fake_extract(doc: Document) -> Extraction:
    """由X牵头组建Y → LEADS; every ...职业学院/学校 is a School mention."""
    ex = Extraction()
    for m in _LEAD.finditer(doc.text):
        lead = Mention("School", m["lead"], doc.id, m.start("lead"), m.end("lead"))
        group = Mention("Group", m["group"], doc.id, m.start("group"), m.end("group"))
        ex.facts.append(Fact("LEADS", lead, group, doc.evidence(m.start(), m.end())))
    for m in _SCHOOL.finditer(doc.text):
        ex.mentions.append(Mention("School", m.group(), doc.id, m.start(), m.end()))
    return ex


FAKE = [("fake", fake_extract)]
