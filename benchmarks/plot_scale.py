#!/usr/bin/env python3
"""The scale curves as one PNG: ingest cost per character by stage against corpus size, and
question latency and store load against store size (matplotlib, the [notebook] extra).

    .venv/bin/python benchmarks/bench_extract.py --scales 1,10,100 --out /tmp/extract.json
    for n in 1000 10000 100000; do
      .venv/bin/python benchmarks/gen_store.py --nodes $n --out /tmp/s$n --index hash
      .venv/bin/python benchmarks/bench_scale.py --store /tmp/s$n --out /tmp/scale$n.json
    done
    .venv/bin/python benchmarks/plot_scale.py --extract /tmp/extract.json --scale /tmp/scale*.json \\
        -o docs/scale.png

Measured points are drawn as dots joined by lines; the 1,000× point, when asked for with
--extrapolate, is a hollow marker on a dashed line continuing the last measured slope (log-log),
and the table says so.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

STAGES = ("read", "extract", "resolve", "link", "save", "load")


def extrapolated(xs: list[float], ys: list[float], x: float) -> float:
    """ys continued to x along the log-log slope of the last two points (a falling cost held flat)."""
    k = math.log(ys[-1] / ys[-2]) / math.log(xs[-1] / xs[-2]) if ys[-2] > 0 and ys[-1] > 0 else 0.0
    return ys[-1] * (x / xs[-1]) ** max(k, 0.0)


def print_table(ext: list[dict], stores: list[dict], extra: float) -> None:
    """The figures as a markdown table (BENCHMARKS.md): measured columns, then one extrapolated."""
    scales = [r["scale"] for r in ext]
    more = extra and len(ext) > 1 and extra > scales[-1]
    head = [f"{s:g}×" for s in scales] + ([f"{extra:g}×, extrapolated"] if more else [])
    print("| ingest (bench_extract) | " + " | ".join(head) + " |")
    print("|---" * (len(head) + 1) + "|")
    print("| characters | " + " | ".join(f"{r['chars']:,}" for r in ext)
          + (f" | {ext[-1]['chars'] * extra / scales[-1]:,.0f}" if more else "") + " |")
    print("| nodes, edges | " + " | ".join(f"{r['nodes']:,}, {r['edges']:,}" for r in ext) + (" | —" if more else "") + " |")
    print("| extraction, k characters per CPU-s | " + " | ".join(
        f"{r['chars'] / r['stages']['extract'] / 1000:.0f}" for r in ext) + (" | —" if more else "") + " |")
    print("| jieba lcut, k characters per CPU-s | " + " | ".join(
        f"{r['chars'] / r['jieba'] / 1000:.0f}" for r in ext) + (" | —" if more else "") + " |")
    for s in STAGES:
        per = [r["stages"][s] / r["chars"] * 1e6 for r in ext]
        cells = [f"{p:.2f}" for p in per]
        if more:
            cells.append(f"{extrapolated(scales, per, extra):.2f}")
        print(f"| {s}, CPU µs per character | " + " | ".join(cells) + " |")
    print("| peak RSS, MiB | " + " | ".join(f"{r['rss_mib']:.0f}" for r in ext) + (" | —" if more else "") + " |")
    if stores:
        print("\n| store (gen_store, bench_scale) | " + " | ".join(f"{r['nodes']:,} nodes" for r in stores) + " |")
        print("|---" * (len(stores) + 1) + "|")
        for label, key, fmt in (("load, fresh process, s wall", "load_wall", "{:.2f}"),
                                ("load, s CPU", "load_cpu", "{:.2f}"),
                                ("question p50, ms wall", "p50_ms", "{:.1f}"),
                                ("question p95, ms wall", "p95_ms", "{:.1f}"),
                                ("question p50, ms CPU", "p50_cpu_ms", "{:.1f}"),
                                ("question p95, ms CPU", "p95_cpu_ms", "{:.1f}"),
                                ("peak RSS with the question context, MiB", "rss_mib", "{:.0f}")):
            if all(key in r for r in stores):
                print(f"| {label} | " + " | ".join(fmt.format(r[key]) for r in stores) + " |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extract", type=Path, required=True, help="bench_extract.py --out JSON")
    ap.add_argument("--scale", type=Path, nargs="*", default=[], help="bench_scale.py --out JSON, one per store")
    ap.add_argument("--extrapolate", type=float, default=1000.0,
                    help="also draw this multiple of the sample corpus, extrapolated (0: none)")
    ap.add_argument("-o", "--output", type=Path, default=Path("docs/scale.png"))
    args = ap.parse_args(argv)
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print('plot_scale: matplotlib is missing: pip install "vocgraph[notebook]"', file=sys.stderr)
        return 1
    ext = sorted(json.loads(args.extract.read_text(encoding="utf-8")), key=lambda r: r["scale"])
    stores = sorted((json.loads(p.read_text(encoding="utf-8")) for p in args.scale), key=lambda r: r["nodes"])

    fig, axes = plt.subplots(1, 2 if stores else 1, figsize=(12 if stores else 6.5, 4.8), squeeze=False)
    ax = axes[0][0]
    scales = [r["scale"] for r in ext]
    for s in STAGES:
        per_char = [r["stages"][s] / r["chars"] * 1e6 for r in ext]
        line, = ax.plot(scales, per_char, "o-", label=s)
        if args.extrapolate and len(ext) > 1 and args.extrapolate > scales[-1]:
            y = extrapolated(scales, per_char, args.extrapolate)
            ax.plot([scales[-1], args.extrapolate], [per_char[-1], y], "--", color=line.get_color())
            ax.plot([args.extrapolate], [y], "o", mfc="none", color=line.get_color())
    jieba = [r["jieba"] / r["chars"] * 1e6 for r in ext]
    ax.plot(scales, jieba, "k:", label="jieba lcut (the limit for extract)")
    ax.set(xscale="log", yscale="log", xlabel="corpus size (× the sample corpus, 85k characters)",
           ylabel="CPU µs per character", title="ingest cost per character by stage")
    ax.legend(fontsize=8)
    ax.grid(True, which="both", alpha=0.3)
    if stores:
        ax = axes[0][1]
        nodes = [r["nodes"] for r in stores]
        ax.plot(nodes, [r["p50_ms"] for r in stores], "o-", label="question p50")
        ax.plot(nodes, [r["p95_ms"] for r in stores], "o-", label="question p95")
        if all("p95_cpu_ms" in r for r in stores):
            ax.plot(nodes, [r["p95_cpu_ms"] for r in stores], "o--", label="question p95, CPU time")
        ax.plot(nodes, [r["load_wall"] * 1000 for r in stores], "s-", label="store load (fresh process)")
        ax.axhline(30, color="grey", ls=":", label="aim: p95 ≤ 30 ms")
        ax.axhline(1000, color="grey", ls="--", label="aim: load ≤ 1 s")
        ax.set(xscale="log", yscale="log", xlabel="store size (nodes)", ylabel="ms",
               title=f"questions ({stores[0]['embedder']} embedder) and load")
        ax.legend(fontsize=8)
        ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    print_table(ext, stores, args.extrapolate)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(args.output, dpi=110)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
