"""Benchmark the search indexes inside the database against the local index: query latency of
the vector side and of the lexical (full-text + BM25) side, at 10k and 100k passages.

Passages are synthetic sentences drawn from the vocabulary of policy documents; vectors come from
the hash embedder (256 dimensions; the figure is about the index, not the model). The database
side writes the rows with the same statements as `vocgraph neo4j push`, creates the indexes
through the server's adapter, and times ``DatabaseVectors.scores`` / ``DatabaseLexical.scores``
(the index call plus the exact rescoring; "cold" is a fresh context, whose first queries also
fetch the rows they touch) against ``VectorIndex.scores`` / ``LexicalIndex.scores`` on the same
texts in memory.

    scripts/arcadedb.sh start && source .arcadedb/env.sh
    .venv/bin/python benchmarks/bench_neo4j_search.py                 # 10k passages
    .venv/bin/python benchmarks/bench_neo4j_search.py --sizes 10000 100000
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph import cypher_search as cs  # noqa: E402
from graph.neo4j_indexes import search_index_admin  # noqa: E402
from graph.neo4j_store import Neo4jStore  # noqa: E402
from graph.settings import Settings  # noqa: E402
from search.embedders.factory import get_embedder  # noqa: E402
from search.lexical import LexicalIndex  # noqa: E402
from search.neo4j_index import DatabaseLexical, DatabaseVectors, RowCache, sync_rows  # noqa: E402
from search.vector import VectorIndex  # noqa: E402

WORDS = ("职业教育 集团 牵头 组建 成员单位 学校 企业 产教融合 校企合作 实训基地 订单班 装备制造 "
         "现代农业 轨道交通 石油化工 教育厅 人社厅 高职 中职 联盟 共同体 产业学院 人才培养 专业群 "
         "示范 建设 推进 支持 开展 省级 市级 县级 技能 培训 就业 服务 区域 经济 发展 数字化").split()
QUERIES = ["职业教育集团 牵头", "装备制造 产教融合", "校企合作 实训基地", "轨道交通 专业群", "人社厅 技能 培训",
           "现代农业 产业学院", "高职 订单班 就业", "省级 示范 联盟", "石油化工 人才培养", "数字化 专业群 建设"]


def sentences(n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return [f"第{i}号：" + "".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))) + "。" for i in range(n)]


def _median_ms(fn, args) -> float:
    times = []
    for a in args:
        t = time.perf_counter()
        fn(a)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def run(store: Neo4jStore, n: int, embedder) -> dict[str, float]:
    texts = sentences(n)
    items = [{"id": f"bench:{i}", "kind": "evidence", "doc": "bench", "start": i, "end": i + 1, "text": t,
              "hash": f"h{i}"} for i, t in enumerate(texts)]
    for label in cs.SEARCH_LABELS:
        store.execute(cs.clear_search_items(label))
    t0 = time.perf_counter()
    admin = search_index_admin(store)
    admin.ensure(embedder.dim)
    stats, _, _ = sync_rows(store, cs.SEARCH_PASSAGE, items, texts, {}, texts, embedder, None)
    write_s = time.perf_counter() - t0
    qvecs = [embedder.embed_query(q) for q in QUERIES]

    row_of = {f"e:bench:{i}": i for i in range(n)}
    cache = RowCache(store, cs.SEARCH_PASSAGE, row_of, embedder.dim)
    vectors = DatabaseVectors(cache, admin.index_name(cs.SEARCH_PASSAGE, "embedding"), n, k=100)
    lexical = DatabaseLexical(cache, admin.index_name(cs.SEARCH_PASSAGE, cs.TOKENS), stats, k=100)
    cold_v = _median_ms(vectors.scores, qvecs[:3])
    cold_l = _median_ms(lexical.scores, QUERIES[:3])
    db_v = _median_ms(vectors.scores, qvecs * 2)
    db_l = _median_ms(lexical.scores, QUERIES * 2)
    index_only = _median_ms(lambda q: store.read(cs.vector_query(), index=vectors.index, k=100,
                                                 vector=[float(x) for x in q]), qvecs)

    matrix = np.asarray(embedder.embed_passages(texts), dtype=np.float32)
    local_v = VectorIndex(matrix, [it["hash"] for it in items])
    t = time.perf_counter()
    local_l = LexicalIndex.build(texts)
    build_local = time.perf_counter() - t
    return {"passages": n, "db write s": write_s, "local build s": build_local,
            "db vector ms (cold)": cold_v, "db vector ms": db_v, "db vector index call ms": index_only,
            "local vector ms": _median_ms(local_v.scores, qvecs * 2),
            "db lexical ms (cold)": cold_l, "db lexical ms": db_l,
            "local lexical ms": _median_ms(local_l.scores, QUERIES * 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    args = ap.parse_args()
    embedder = get_embedder("hash")
    with Neo4jStore.from_settings(Settings.from_env()) as store:
        print(f"server: {store.server_agent()}")
        for n in args.sizes:
            row = run(store, n, embedder)
            print(" | ".join(f"{k} {v:.1f}" if isinstance(v, float) else f"{k} {v}" for k, v in row.items()),
                  flush=True)
        for label in cs.SEARCH_LABELS:
            store.execute(cs.clear_search_items(label))
    return 0


if __name__ == "__main__":
    sys.exit(main())
