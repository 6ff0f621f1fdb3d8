"""Benchmark `vocgraph neo4j push`: nodes/s and edges/s into a Bolt server, at 10k and 100k nodes.

The graph is synthetic but shaped like the seed graph: schools, enterprises and groups with
aliases, every organisation LOCATED_IN one of 48 regions (a few very connected nodes), groups
led by schools, members and partners, one evidence quote on every edge. Each run empties the
database first (not timed) and pushes from an embedded store; the figure is the median run.

    scripts/arcadedb.sh start && source .arcadedb/env.sh
    .venv/bin/python benchmarks/bench_neo4j_push.py                # 10k and 100k nodes, 3 runs each
    .venv/bin/python benchmarks/bench_neo4j_push.py --sizes 10000 --runs 5
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.neo4j_store import Neo4jStore, push  # noqa: E402
from graph.networkx_store import NetworkxStore  # noqa: E402
from graph.schema import Edge, Evidence, Node, make_node_id  # noqa: E402
from graph.settings import Settings  # noqa: E402

REGIONS = 48


def synthetic_store(path: Path, n_nodes: int, seed: int = 7) -> NetworkxStore:
    """An embedded store with ``n_nodes`` nodes and about 1.5 edges per node."""
    rng = random.Random(seed)
    store = NetworkxStore(path)
    text = "由辽宁职业学院牵头组建辽西北职业教育联盟，成员单位345个，与铁岭中油机械设备有限公司共建实训基地。"
    store.put_document("bench", text, {"path": "synthetic"})
    regions = [Node(make_node_id("Region", f"地区{i}"), "Region", f"地区{i}") for i in range(REGIONS)]
    n_orgs = n_nodes - REGIONS
    kinds = ["School"] * 5 + ["Enterprise"] * 3 + ["Group"] * 2
    orgs = []
    for i in range(n_orgs):
        kind = kinds[i % len(kinds)]
        name = {"School": f"第{i}职业技术学院", "Enterprise": f"第{i}机械设备有限公司",
                "Group": f"第{i}职业教育集团"}[kind]
        orgs.append(Node(make_node_id(kind, name), kind, name, aliases=[name[:-2]], docs=["bench"],
                         properties={"source": "synthetic"}))
    nodes = regions + orgs
    groups = [n for n in orgs if n.type == "Group"]
    others = [n for n in orgs if n.type != "Group"]

    def ev(i: int) -> list[Evidence]:
        start = i % 20
        return [Evidence("bench", start, start + 8, text[start:start + 8])]

    edges = [Edge(o.id, regions[i % REGIONS].id, "LOCATED_IN", evidence=ev(i)) for i, o in enumerate(orgs)]
    for i, g in enumerate(groups):
        edges.append(Edge(others[i % len(others)].id, g.id, "LEADS", {"confidence": 0.9}, ev(i)))
    while len(edges) < int(1.5 * n_nodes):
        a, b = rng.choice(others), rng.choice(others)
        if a.id != b.id:
            edges.append(Edge(a.id, b.id, "PARTNERS_WITH", evidence=ev(len(edges))))
    store.upsert_many(nodes, edges)
    store.commit()
    return NetworkxStore(path)


def bench(target: Neo4jStore, source: NetworkxStore, runs: int) -> dict[str, float]:
    rates: dict[str, list[float]] = {"nodes/s": [], "edges/s": [], "seconds": []}
    for _ in range(runs):
        target.clear()
        report = push(source, target)
        secs = report["seconds"]
        rates["nodes/s"].append(report["nodes"] / secs["nodes"])
        rates["edges/s"].append(report["edges"] / secs["edges"])
        rates["seconds"].append(secs["total"])
        if target.node_count() != report["nodes"] or target.edge_count() != report["edges"]:
            raise SystemExit("bench: the pushed counts do not match the source")
    return {k: statistics.median(v) for k, v in rates.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=1000)
    args = ap.parse_args(argv)
    settings = Settings.from_env()
    target = Neo4jStore(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password,
                        settings.neo4j_database, batch_size=args.batch_size)
    print(f"server {settings.neo4j_uri} database {settings.neo4j_database}; batch {args.batch_size}; "
          f"median of {args.runs} runs; the database is emptied before each run")
    print(f"{'nodes':>8} {'edges':>8} {'nodes/s':>9} {'edges/s':>9} {'push s':>7}")
    with target, tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            t = time.perf_counter()
            source = synthetic_store(Path(tmp) / f"g{size}", size)
            built = time.perf_counter() - t
            r = bench(target, source, args.runs)
            print(f"{source.node_count():>8} {source.edge_count():>8} {r['nodes/s']:>9.0f} {r['edges/s']:>9.0f} "
                  f"{r['seconds']:>7.1f}   (synthetic store built in {built:.1f}s)", flush=True)
        target.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
