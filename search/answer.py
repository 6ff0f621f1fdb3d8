"""Answer a natural-language question from the graph, with ranked answers and their evidence.

``ask(store, "哪些职教集团服务辽宁的装备制造产业")`` parses the question (search/question.py),
runs it as a graph query (search/graphquery.py) and ranks the matches by reciprocal rank
fusion of the graph match, BM25 and embeddings. A question that does not parse into a graph
query falls back to hybrid retrieval over nodes and passages. Every answer carries evidence.
"""

from __future__ import annotations

import re
from typing import Any

from graph.base import GraphStore
from graph.schema import Edge
from search.graphquery import Match, execute, in_region
from search.hybrid import RRF_K, SearchContext, evidence_dicts, get_context, search_context
from search.index import TYPE_LABELS
from search.naming import kind_preferred
from search.question import Interpretation, parse_question

GRAPH_WEIGHT = 2.0  # the graph match counts double: it is what makes a node an answer
SUPPORT_WEIGHT = 0.5  # how much the documents say about a node (distinct evidence quotes)


def rank_fusion(ranks: list[dict[str, int]], weights: list[float], k: int = RRF_K) -> dict[str, float]:
    """Like rrf() but with explicit ranks (ties share a rank)."""
    out: dict[str, float] = {}
    for r, w in zip(ranks, weights):
        for item, rank in r.items():
            out[item] = out.get(item, 0.0) + w / (k + rank)
    return out


def competition_ranks(keys: dict[str, Any]) -> dict[str, int]:
    """Ranks where ties share a rank and the next rank skips them (1, 2, 2, 4): a tier of many
    equal matches stays ahead of the next tier in the fusion by as much as its size says."""
    ordered = sorted(keys.values())
    first = {}
    for pos, k in enumerate(ordered, 1):
        first.setdefault(k, pos)
    return {item: first[k] for item, k in keys.items()}


def lexical_query(interp: Interpretation, question: str) -> str:
    """The question plus Chinese words for what it asks (English questions need them for BM25)."""
    extra = [interp.industry or "", interp.region or ""]
    if interp.answer_type:
        extra.append(TYPE_LABELS.get(interp.answer_type, "").split(" ")[0])
    return " ".join([question, *filter(None, extra)])


def _path(view, edges: list[Edge]) -> list[dict[str, str]]:
    def name(i: str) -> str:
        n = view.nodes.get(i)
        return n.name if n else i
    return [{"source": name(e.source), "type": e.type, "target": name(e.target)} for e in edges]


def _structured(ctx: SearchContext, interp: Interpretation, question: str, qvec,
                top: int) -> tuple[list[dict[str, Any]], int]:
    """The ranked answers (``top`` of them) and how many there are in all."""
    view = ctx.view
    matches = execute(view, ctx, interp, qvec)
    if interp.relation:
        # "X的牵头单位" asks for who leads X: X itself is never its own answer.
        asked = {e["id"] for e in interp.entities}
        matches = [m for m in matches if m.node_id not in asked]
    if interp.entities and not interp.answer_type and not interp.relation and not interp.industry:
        # "东川职业教育联盟": the body itself first, then what it is linked to.
        for ent in interp.entities:
            edges = [e for e in view.edges(ent["id"]) if e.evidence]
            if edges:
                matches.append(Match(ent["id"], 1.5, [], [ev for e in edges[:3] for ev in e.evidence]))
    if not matches:
        return [], 0
    by_id = {m.node_id: m for m in matches}
    graph_rank = competition_ranks({m.node_id: (-m.strength, m.anchor_rank) for m in by_id.values()})
    lex, dense = ctx.node_rankings(lexical_query(interp, question), qvec, set(by_id))
    # Among equally good matches, a body the documents say more about comes first.
    support = sorted(by_id, key=lambda i: (-view.evidence_count(i), i))
    ranks = [graph_rank, {i: r for r, i in enumerate(lex, 1)}, {i: r for r, i in enumerate(dense, 1)},
             {i: r for r, i in enumerate(support, 1)}]
    weights = [GRAPH_WEIGHT, 1.0, 1.0, SUPPORT_WEIGHT]
    if interp.group_kind and interp.answer_type == "Group":
        # 哪些职教集团: bodies named …集团/…联盟 before other collaborative bodies.
        ranks.append(competition_ranks({i: 0 if kind_preferred(interp.group_kind, view.nodes[i].name) else 1
                                        for i in by_id}))
        weights.append(1.0)
    fused = rank_fusion(ranks, weights)
    best = sum(weights) / (RRF_K + 1)
    # "A与哪家企业共建B": among A's partners, those whose evidence also names B come first.
    tier = ({i: -co_mentions(by_id[i], interp.entities) for i in by_id}
            if interp.relation and len(interp.entities) > 1 else dict.fromkeys(by_id, 0))
    # "X和哪家企业开设订单班", "哪些单位新加入了G": of equally placed matches, those whose edge is of
    # the kind the question names (or whose evidence says its cue word) come first.
    cues = asked_cues(question) if interp.relation in ("PARTNERS_WITH", "MEMBER_OF", "LEADS") else []
    if cues:  # the more of the question's cues a match states, the earlier
        tier = {i: (t, -sum(states_cue(by_id[i], *c) for c in cues)) for i, t in tier.items()}
    answers = []
    for nid, score in sorted(fused.items(), key=lambda kv: (tier[kv[0]], -kv[1], kv[0]))[:top]:
        m, node = by_id[nid], view.nodes[nid]
        answers.append({"id": nid, "name": answer_name(node), "type": node.type, "score": round(score / best, 4),
                        "path": _path(view, m.path), "evidence": evidence_dicts(m.evidence)})
    return answers, len(by_id)


# A kind of partnership or joining a question names: (its word in the question, the edge kind, the
# word its evidence says).
_CUES = (("订单", "订单班", "订单"), ("共建", "共建", "共建"), ("产业学院", "共建", "产业学院"), ("实训基地", "共建", "实训基地"),
         ("签约", "签约", "签"), ("协议", "签约", "协议"), ("新加入", None, "加入"), ("加入", None, "加入"))


def asked_cues(question: str) -> list[tuple[str | None, str]]:
    """(edge kind, evidence word) of every cue the question names (新加入 counts once, not as 加入 too)."""
    out: list[tuple[str | None, str]] = []
    for word, kind, said in _CUES:
        if word in question and (kind, said) not in out:
            out.append((kind, said))
    return out


def states_cue(match: Match, kind: str | None, said: str) -> bool:
    """Whether the match's edge is of ``kind`` or its evidence says ``said``."""
    if kind and any(e.properties.get("kind") == kind for e in match.path):
        return True
    return any(said in ev.quote for ev in match.evidence)


def co_mentions(match: Match, entities: list[dict[str, Any]]) -> int:
    """How many of the question's bodies the match's evidence quotes name (by mention or name)."""
    quotes = [ev.quote for ev in match.evidence] + [ev.quote for e in match.path for ev in e.evidence]
    return sum(any(form and form in q for q in quotes for form in {ent.get("mention"), ent.get("name")})
               for ent in entities)


def answer_name(node) -> str:
    """How an answer is named: a policy known by both its number and its title shows both
    (东政办发〔2024〕7号 东川市人民政府办公室关于…的实施意见), as pages cite either."""
    if node.type != "Policy":
        return node.name
    number, title = node.properties.get("number"), node.properties.get("title")
    if not (isinstance(number, str) and isinstance(title, str) and number and title):
        return node.name
    if number in node.name and title in node.name:
        return node.name
    if len(title) > 60:  # a title read past its end (the page's body): the name alone
        return node.name if number in node.name else f"{number} {node.name}"
    return f"{number} {title}"


def _fallback(ctx: SearchContext, interp: Interpretation, question: str, top: int) -> list[dict[str, Any]]:
    """Hybrid retrieval over nodes and passages; each node's evidence shows why it came up."""
    found = search_context(ctx, lexical_query(interp, question), interp.answer_type, top * 3)
    answers = []
    for n in found["nodes"]:
        if interp.region and not in_region(ctx.view, n["id"], interp.region):
            continue
        if not n["evidence"]:
            continue
        edges = _edges_for(ctx, n["id"], n["evidence"])
        name = answer_name(ctx.view.nodes[n["id"]]) if n["id"] in ctx.view.nodes else n["name"]
        answers.append({"id": n["id"], "name": name, "type": n["type"], "score": n["score"],
                        "path": _path(ctx.view, edges), "evidence": n["evidence"]})
        if len(answers) >= top:
            break
    return answers


def _edges_for(ctx: SearchContext, node_id: str, evidence: list[dict[str, Any]]) -> list[Edge]:
    wanted = {(e["doc"], e["start"], e["end"]) for e in evidence}
    return [e for e in ctx.view.edges(node_id)
            if any((ev.doc, ev.start, ev.end) in wanted for ev in e.evidence)][:1]


def ask_context(ctx: SearchContext, question: str, top: int = 10) -> dict[str, Any]:
    """``ask`` on a warm context."""
    interp = parse_question(ctx.view, question)
    public = interp.public()
    if not re.search(r"\w", question):
        return {"question": question, "interpretation": public, "answers": []}
    qvec = ctx.query_vector(question)
    if interp.structured or interp.unresolved:
        answers, total = _structured(ctx, interp, question, qvec, top)
    else:
        answers = _fallback(ctx, interp, question, top)
        total = len(answers)
    # 多少 / how many: the answers are the list; the interpretation says how many there are.
    public["count"] = total if interp.count else None
    return {"question": question, "interpretation": public, "answers": answers}


def ask(store: GraphStore, question: str, top: int = 10, embedder_spec: str | None = None,
        index_dir=None) -> dict[str, Any]:
    """Answer a question: ``{"question", "interpretation": {"answer_type", "relation", "region",
    "industry", "group_kind", "count", "entities"}, "answers": [{"id", "name", "type", "score", "path": [{"source",
    "type", "target"}], "evidence": [{"doc", "start", "end", "quote"}]}]}``.

    Raises IndexMismatchError when ``embedder_spec`` differs from the index's embedder.
    """
    return ask_context(get_context(store, embedder_spec, index_dir), question, top)


def search(store: GraphStore, text: str, type: str | None = None, top: int = 10,
           embedder_spec: str | None = None, index_dir=None) -> dict[str, Any]:
    """Plain hybrid search over nodes and passages: ``{"query", "type", "nodes": [{"id", "name",
    "type", "score", "evidence"}], "passages": [{"doc", "start", "end", "quote", "score"}]}``.
    With ``type``, only nodes of that type (and no passages)."""
    return search_context(get_context(store, embedder_spec, index_dir), text, type, top)
