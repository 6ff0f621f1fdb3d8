#!/usr/bin/env python3
"""A synthetic store of N nodes, written directly through the store API (no extraction).

    .venv/bin/python benchmarks/gen_store.py --nodes 100000 --out /tmp/store100k          # ~1 min
    .venv/bin/python benchmarks/gen_store.py --nodes 100000 --out /tmp/store100k --index hash

For store-at-scale benchmarks (issue 12): ingesting 100× the sample corpus takes half an hour of
this box, so this builds the graph such an ingest would give, in about the sample store's
proportions (schools, groups, enterprises, agencies, regions from the gazetteer, industry
chains, policies with measures and targets; about two edges per node). Every edge has evidence:
the sentence that states it, at its offsets in a stored document text made of those sentences
(each document ~10k characters, one province), so `vocgraph check` finds every quote in its text.
Names are invented from real name parts by benchmarks/gen_corpus.py (never a name of data/corpus).
The same --seed and --nodes always give the same store.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from gen_corpus import AGENCY_KINDS, PLAIN, PROSE, TARGET_OBJECTS, VERBS, Names, load_industries, load_places  # noqa: E402

from graph.networkx_store import NetworkxStore  # noqa: E402
from graph.normalize import name_key  # noqa: E402
from graph.schema import Edge, Evidence, Node, make_node_id  # noqa: E402
from ingest.regions import lookup_region  # noqa: E402

DOC_CHARS = 10_000  # characters of one synthetic document
PROSE_PER_FACT = 12  # at most this many sentences of prose after each sentence that states facts
TASK_WORDS = ("完善", "健全", "推进", "深化", "实施", "加强", "建立", "支持")
TASK_OBJECTS = ("产教融合实训基地建设", "校企合作育人机制", "专业群与产业链对接", "“双师型”教师培养",
                "职业技能等级证书制度", "现代学徒制试点", "产业学院建设", "中高职贯通培养")


class StoreBuilder:
    """Accumulates nodes, edges and document texts; every edge's quote is a sentence of a text."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.edges: dict[tuple[str, str, str], Edge] = {}
        self.docs: list[tuple[str, str]] = []
        self._doc_id = ""
        self._parts: list[str] = []
        self._pos = 0

    def start_document(self, n: int) -> None:
        self._doc_id = f"s{n:05d}"
        self._parts, self._pos = [], 0

    def end_document(self) -> None:
        self.docs.append((self._doc_id, "".join(self._parts)))

    @property
    def doc_chars(self) -> int:
        return self._pos

    def sentence(self, text: str) -> Evidence:
        start = self._pos
        self._parts.append(text + "\n")
        self._pos += len(text) + 1
        return Evidence(self._doc_id, start, start + len(text), text)

    def node(self, type_: str, name: str, **props) -> str:
        nid = make_node_id(type_, name_key(name))
        n = self.nodes.get(nid)
        if n is None:
            n = self.nodes[nid] = Node(id=nid, type=type_, name=name, properties=dict(props))
        if self._doc_id not in n.docs:
            n.docs.append(self._doc_id)
        return nid

    def region(self, name: str) -> str:
        entry = lookup_region(name)
        props = {"level": entry.level, **({"parent": entry.parent} if entry.parent else {})} if entry else {}
        nid = self.node("Region", entry.name if entry else name, **props)
        if entry:
            node = self.nodes[nid]
            node.aliases = sorted({*node.aliases, *(f for f in entry.forms if f != node.name)})
        return nid

    def edge(self, source: str, target: str, type_: str, ev: Evidence, **props) -> None:
        key = (source, target, type_)
        e = self.edges.get(key)
        if e is None:
            self.edges[key] = Edge(source, target, type_, properties=dict(props), evidence=[ev])
        elif all((x.doc, x.start) != (ev.doc, ev.start) for x in e.evidence):
            e.evidence.append(ev)


def prose(b: StoreBuilder, rng: random.Random, ind: str, group: str, school: str, most: int) -> None:
    """Sentences that state no fact: most of a real report or plan is such prose (the sample
    corpus has about one node per 100 characters)."""
    for _ in range(rng.randint(0, most)):
        if group and rng.random() < 0.5:
            b.sentence(rng.choice(PROSE).format(g=group, s=school, i=ind, n=rng.randint(2, 90), m=rng.randint(100, 9000),
                                                k=rng.randint(1, 9), p=rng.randint(60, 99), q=rng.randint(30, 80)))
        else:
            b.sentence(rng.choice(PLAIN).format(i=ind, k=rng.randint(1, 6), n=rng.randint(2, 90),
                                                m=rng.randint(100, 9000), year=2024))


def build(nodes_wanted: int, seed: int = 0) -> StoreBuilder:
    rng = random.Random(seed)
    cities, counties = load_places()
    places = cities + counties
    industries = load_industries()
    names = Names(rng, industries)
    b = StoreBuilder()
    provinces = sorted({p.province for p in places})
    by_province = defaultdict(list)
    for p in places:
        by_province[p.province].append(p)
    doc = 0
    policy_no = 0
    while len(b.nodes) < nodes_wanted:
        b.start_document(doc)
        province = provinces[doc % len(provinces)]
        local = by_province[province]
        policy_doc = doc % 5 == 4  # about the sample's share of policies
        if policy_doc:
            place = rng.choice(local)
            policy_no += 1
            agency = b.node("Agency", f"{place.name}{rng.choice(AGENCY_KINDS)}")
            title = f"{place.name}关于推进{rng.choice(industries)}产教融合的实施方案"
            pol = b.node("Policy", title, title=title, kind="方案", number=f"{place.short}政办发〔2024〕{policy_no}号")
            ev = b.sentence(f"{b.nodes[agency].name}印发《{title}》。")
            b.edge(pol, agency, "ISSUED_BY", ev)
            b.edge(agency, b.region(place.name), "LOCATED_IN", ev, rule="name")
            targets = []
            for _ in range(rng.randint(2, 5)):
                year, qty, obj = rng.choice((2025, 2026, 2027)), rng.randint(5, 200), rng.choice(TARGET_OBJECTS)
                text = f"到{year}年，{rng.choice(VERBS)}{qty}个{obj}"
                t = b.node("Target", text, year=year, quantity=qty, unit="个", text=text)
                b.edge(pol, t, "HAS_TARGET", b.sentence(text + "。"))
                targets.append(t)
            while b.doc_chars < DOC_CHARS:
                text = f"{rng.choice(TASK_WORDS)}{place.short}{rng.choice(industries)}{rng.choice(TASK_OBJECTS)}"
                m = b.node("Measure", text, text=text, number=str(rng.randint(1, 60)), source="list")
                resp = b.node("Agency", f"{rng.choice(local).name}{rng.choice(AGENCY_KINDS)}")
                ev = b.sentence(f"{rng.randint(1, 60)}\t{text}\t{b.nodes[resp].name}")
                b.edge(pol, m, "HAS_MEASURE", ev)
                b.edge(resp, m, "RESPONSIBLE_FOR", ev, column="责任部门", role="责任")
                if rng.random() < 0.2:
                    b.edge(m, rng.choice(targets), "IMPLEMENTS", ev, reason="same_object", confidence=0.8)
                prose(b, rng, rng.choice(industries), "", "", PROSE_PER_FACT // 2)
        else:
            while b.doc_chars < DOC_CHARS and len(b.nodes) < nodes_wanted:
                place = rng.choice(local)
                ind = rng.choice(industries)
                group = b.node("Group", names.group(place, ind))
                lead = b.node("School", names.school(place, ind))
                members = [b.node("Enterprise", names.enterprise(place, ind)) for _ in range(rng.randint(0, 2))]
                members += [b.node("School", names.school(rng.choice(local), ind)) for _ in range(rng.randint(0, 1))]
                chain = b.node("IndustryChain", ind)
                gname, lname = b.nodes[group].name, b.nodes[lead].name
                member_names = "、".join(b.nodes[m].name for m in members)
                ev = b.sentence(f"{gname}由{lname}牵头" + (f"，{member_names}等单位参与" if members else "")
                                + f"，服务{ind}产业发展。")
                b.edge(lead, group, "LEADS", ev, pattern="由X牵头", role="牵头")
                b.edge(group, chain, "SERVES", ev, pattern="服务X")
                for m in members:
                    b.edge(m, group, "MEMBER_OF", ev, role="成员")
                city = b.region(place.name)
                for body in (group, lead, *members):
                    b.edge(body, city, "LOCATED_IN", ev, rule="document_scope")
                if members and rng.random() < 0.3:
                    b.edge(lead, members[0], "PARTNERS_WITH", b.sentence(
                        f"{lname}与{b.nodes[members[0]].name}合作共建{ind}实训基地。"), pattern="X与Y合作")
                prose(b, rng, ind, gname, lname, PROSE_PER_FACT)
        b.end_document()
        doc += 1
    return b


def write(builder: StoreBuilder, out: Path) -> NetworkxStore:
    store = NetworkxStore(out)
    with store.writing(command="gen_store"):
        for doc_id, text in builder.docs:
            store.put_document(doc_id, text, {"path": f"synthetic/{doc_id}.txt", "format": "txt",
                                              "chars": len(text), "ingested_at": "2026-01-01T00:00:00+00:00"})
        for n in builder.nodes.values():
            store.put_node(n)
        for e in builder.edges.values():
            store.put_edge(e)
        store.commit()
    return store


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, required=True, help="a new store folder")
    ap.add_argument("--index", metavar="EMBEDDER", help="also build the search indexes (e.g. hash)")
    args = ap.parse_args(argv)
    if (args.out / "graph.json").exists():
        ap.error(f"{args.out} already holds a store")
    t = time.perf_counter()
    b = build(args.nodes, args.seed)
    store = write(b, args.out)
    chars = sum(len(t) for _, t in b.docs)
    print(f"store: {store.node_count():,} nodes, {store.edge_count():,} edges, {len(b.docs):,} documents "
          f"({chars:,} characters) in {time.perf_counter() - t:.1f} s")
    if args.index:
        from search.index import update_indexes

        t = time.perf_counter()
        update_indexes(store, embedder_spec=args.index)
        print(f"index ({args.index}): {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
