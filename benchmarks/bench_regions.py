"""Micro-benchmark of ingest.regions.region_prefix, the gazetteer lookup run on every
organisation mention.

Names are organisation-shaped strings read from the sample corpus (runs of CJK characters ending
in a school/enterprise/group suffix) plus made-up ones that start with places all over China.
Two figures: ``cold`` calls the function behind the lru_cache (every call does the matching),
``warm`` calls the cached function as ingest does (names repeat across mentions).

    .venv/bin/python benchmarks/bench_regions.py [--calls 100000]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest import regions  # noqa: E402

_ORG = re.compile(r"[\u4e00-\u9fff]{4,24}?(?:学校|学院|大学|中学|集团|联盟|公司|中心|共同体|联合体|教育局|教育厅)")
_MADE_UP = (
    "辽宁省沈阳市铁西区星河职业学校", "铁岭市农业学校", "柳州市星河职业技术学院", "遵义市红岩中等职业学校",
    "卓资县职业中学", "内蒙古自治区乌兰察布市卓资县职业中学", "疏勒县职业技术学校", "浦东新区星光职业学校",
    "楚雄州星河技工学校", "楚雄彝族自治州职业教育中心", "朝阳星河学校", "吉林星河职业学院",
    "中山星火学校", "和平区第二中学", "东北星河大学", "国家星河集团", "星河装备制造职业教育集团",
    "黑龙江省哈尔滨市南岗区星火学校", "昆明星河职业学院", "广西壮族自治区南宁市星光中学",
)


def corpus_names(limit: int = 5000) -> list[str]:
    names: list[str] = []
    for path in sorted((ROOT / "data" / "corpus").glob("*.txt")):
        names += _ORG.findall(path.read_text(encoding="utf-8", errors="ignore"))
    return list(dict.fromkeys(names))[:limit]


def run(calls: int, seed: int = 7) -> dict[str, float]:
    pool = corpus_names() + list(_MADE_UP)
    rng = random.Random(seed)
    sample = [rng.choice(pool) for _ in range(calls)]
    raw = regions.region_prefix.__wrapped__
    t0 = time.perf_counter()
    for name in sample:
        raw(name)
    cold = time.perf_counter() - t0
    regions.region_prefix.cache_clear()
    t0 = time.perf_counter()
    for name in sample:
        regions.region_prefix(name)
    warm = time.perf_counter() - t0
    return {"names": len(pool), "calls": calls, "cold_s": cold, "warm_s": warm,
            "cold_us_per_call": cold / calls * 1e6, "warm_us_per_call": warm / calls * 1e6}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=100_000)
    args = ap.parse_args()
    r = run(args.calls)
    print(f"region_prefix over {r['names']} distinct names, {r['calls']} calls: "
          f"cold {r['cold_s']:.3f} s ({r['cold_us_per_call']:.2f} us/call), "
          f"warm {r['warm_s']:.3f} s ({r['warm_us_per_call']:.2f} us/call)")


if __name__ == "__main__":
    main()
