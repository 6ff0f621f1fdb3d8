"""Organisation names in Chinese text: where a name starts and ends, what type of body it is,
whether its words make one body. Relation extractors (tables, sentences, industry, policy) use
only the names exported here; nothing in this package imports them.

- ``find_orgs(text, start, end, doc)``: names anchored on a suffix (学院, 有限公司, 职业教育集团 ...);
- ``find_listed(...)``: names without a suffix in a list typed by its head noun (与A、B等企业);
- ``classify_org(name)``: the node type a name's suffix gives, or None;
- ``short_forms(text, found, doc)``: the short forms of a document's bodies (以下简称X, a prefix,
  the usual abbreviation 临江航院 / 临航) as Alias pairs, with mentions of them; ``abbreviates``;
  ``defined_short_forms`` (the type each 以下简称 form is defined for);
- ``clean_name``, ``starts_with_stop_word``, ``place_typo``, ``tokenizer``.

Modules: ``words`` (suffixes, stop words, the shared jieba tokenizer), ``boundary`` (the walk
left), ``check`` (is it one body?), ``listed`` (typed lists), ``find`` (find_orgs), ``short`` (short
forms).

>>> classify_org("临江职业学院"), classify_org("北岭乳业集团")
('School', 'Enterprise')
"""

from ingest.orgnames.check import _ending_with as names_ending_with, place_typo
from ingest.orgnames.find import clean_name, find_orgs, starts_with_stop_word
from ingest.orgnames.listed import find_listed
from ingest.orgnames.spans import CharIndex
from ingest.orgnames.short import abbreviates, defined_short_forms, short_forms
from ingest.orgnames.words import classify_org, tokenizer
from ingest.orgnames.words import _SHORT_HEADS

SHORT_HEADS = tuple(sorted(_SHORT_HEADS))  # the short heads of school names (职院, 技校 …)

__all__ = ["CharIndex", "SHORT_HEADS", "abbreviates", "classify_org", "clean_name", "defined_short_forms", "find_listed", "find_orgs", "names_ending_with", "place_typo", "short_forms",
           "starts_with_stop_word", "tokenizer"]
