"""One Policy node across documents when one cites it by title and another by number.

Inside a document, ``find_citations`` already names a title by the number it is paired with.
Across documents: whenever any document (stored, or in this run) pairs a title with a number
(a header with number + title, or 《title》（number）), a title-only mention of that title in
any other document takes the number's key, and a stored node keyed by that title is merged
into the number's node. The result does not depend on the order documents are ingested in.

Safety: only exact normalised titles join (``graph.normalize.name_key``, longer than 6
characters, so 《意见》 never does); a title paired with two different numbers joins neither;
a mention or node that has its own number is never re-keyed, so two numbers never merge.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

from graph.base import GraphStore
from graph.normalize import name_key
from graph.schema import Edge, Node, make_node_id
from ingest.model import Mention
from ingest.policy_text import find_numbers, normalize_number

MIN_TITLE_KEY = 7  # as in find_citations: shorter titles (《意见》, 《章程》) are aliases, not names


def _title_key(title: object) -> str | None:
    if not isinstance(title, str) or find_numbers(title):
        return None
    k = name_key(title)
    return k if len(k) >= MIN_TITLE_KEY else None


def title_numbers(mentions: Iterable[Mention], stored: Iterable[Node]) -> dict[str, str]:
    """Normalised title → number key, for every title some document pairs with exactly one number."""
    pairs: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        number, key = m.properties.get("number"), m.properties.get("key")
        tk = _title_key(m.properties.get("title"))
        if m.type == "Policy" and number and key and tk:
            pairs[tk].add(str(key))
    for n in stored:
        number = n.properties.get("number")
        if n.type != "Policy" or not number:
            continue
        key = normalize_number(str(number))
        if make_node_id("Policy", key) != n.id:
            continue  # not keyed by its number (should not happen): leave it alone
        for form in (n.properties.get("title"), n.name, *n.aliases):
            tk = _title_key(form)
            if tk:
                pairs[tk].add(key)
    return {tk: next(iter(keys)) for tk, keys in pairs.items() if len(keys) == 1}


def rekey_mentions(mentions: Iterable[Mention], joined: dict[str, str]) -> None:
    """Give title-keyed Policy mentions the key of the number their title is paired with."""
    for m in mentions:
        if m.type != "Policy":
            continue
        key = m.properties.get("key")
        if key and not m.properties.get("number") and str(key) in joined:
            m.properties["key"] = joined[str(key)]
        issued = m.properties.get("issued_with")
        if issued and str(issued) in joined:
            m.properties["issued_with"] = joined[str(issued)]


def merge_stored(store: GraphStore, joined: dict[str, str],
                 canonical: Callable[[Iterable[str]], str] | None = None) -> list[tuple[str, str]]:
    """Merge stored title-keyed Policy nodes into their number's node: edges (with their
    evidence), documents, surface forms and missing properties move; the old node is removed.
    Returns the (old id, new id) pairs. Needs ``remove_edge`` and ``remove_node`` (the pipeline
    calls it only when ``can_forget(store)``; elsewhere both nodes stay)."""
    by_id = {make_node_id("Policy", tk): make_node_id("Policy", nk) for tk, nk in joined.items()}
    olds = [n for n in store.iter_nodes("Policy") if n.id in by_id and not n.properties.get("number")]
    if not olds:
        return []
    done = []
    for old in sorted(olds, key=lambda n: n.id):
        new_id = by_id[old.id]
        new = store.get_node(new_id)
        if new is None:
            continue  # the number's node is not stored (cannot happen after a write): keep the old
        surface = {new.name, *new.aliases, old.name, *old.aliases}
        props = dict(new.properties)
        for k, v in old.properties.items():
            props.setdefault(k, v)
        name = canonical(surface) if canonical else new.name
        store.put_node(Node(id=new_id, type="Policy", name=name,
                            aliases=sorted(s for s in surface if s and s != name),
                            properties=props, docs=sorted(set(new.docs) | set(old.docs))))
        for edge in [*store.out_edges(old.id), *store.in_edges(old.id)]:
            src = new_id if edge.source == old.id else edge.source
            tgt = new_id if edge.target == old.id else edge.target
            store.remove_edge(edge.source, edge.target, edge.type)  # type: ignore[attr-defined]
            if src == tgt:
                continue  # A implements B, and B turns out to be A: no loop
            moved = Edge(source=src, target=tgt, type=edge.type, properties=dict(edge.properties),
                         evidence=list(edge.evidence))
            have = store.get_edge(src, tgt, edge.type)
            if have is not None:
                have.merge(moved)
                moved = have
            store.put_edge(moved)
        store.remove_node(old.id)  # type: ignore[attr-defined]
        done.append((old.id, new_id))
    old_keys = {tk for tk in joined if make_node_id("Policy", tk) in {o for o, _ in done}}
    for n in list(store.iter_nodes("Policy")):  # plans issued by a notice that was merged
        issued = n.properties.get("issued_with")
        if issued in old_keys:
            n.properties["issued_with"] = joined[issued]
            store.put_node(n)
    return done
