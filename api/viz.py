"""The ego network of a node as a self-contained HTML page (pyvis + inlined vis-network).

pyvis builds the node and edge records and the physics options; the page itself comes from
our own template (``api/static/viz_template.html``) because pyvis's templates link bootstrap
and vis-network from CDNs even in ``in_line`` mode. Here vis-network's JS and CSS are read
from the pyvis package and inlined, so the page works with no network at all.

>>> html = render_ego_network(store, "Group-0123456789ab", depth=1)   # doctest: +SKIP
>>> Path("network.html").write_text(html, encoding="utf-8")            # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.base import GraphStore
from graph.errors import ConfigError
from graph.schema import EDGE_TYPES, NODE_TYPES, Edge, Node

VIS_VERSION = "9.1.2"
MAX_DEPTH = 2
MAX_NODES = 500
TEMPLATE = Path(__file__).resolve().parent / "static" / "viz_template.html"

# Colour, vis-network shape and the legend symbol of each node type.
NODE_STYLE: dict[str, tuple[str, str, str]] = {
    "School": ("#4e79a7", "dot", "●"),
    "Enterprise": ("#f28e2b", "square", "■"),
    "Group": ("#e15759", "diamond", "◆"),
    "Agency": ("#17becf", "triangle", "▲"),
    "Association": ("#59a14f", "triangleDown", "▼"),
    "Institute": ("#edc948", "star", "★"),
    "IndustryChain": ("#b07aa1", "hexagon", "⬢"),
    "Region": ("#9c755f", "dot", "●"),
    "Policy": ("#3b3b3b", "square", "■"),
    "Target": ("#ff9da7", "star", "★"),
    "Measure": ("#8cd17d", "diamond", "◆"),
}
NODE_LABELS: dict[str, str] = {
    "School": "学校 School", "Enterprise": "企业 Enterprise", "Group": "集团/联盟 Group",
    "Agency": "政府部门 Agency", "Association": "协会 Association", "Institute": "研究院 Institute",
    "IndustryChain": "产业 Industry", "Region": "地区 Region", "Policy": "政策 Policy",
    "Target": "目标 Target", "Measure": "措施 Measure",
}
# Colour and Chinese gloss of each relation type (edge label = the relation name).
EDGE_STYLE: dict[str, tuple[str, str]] = {
    "LEADS": ("#d62728", "牵头"),
    "MEMBER_OF": ("#7f7f7f", "成员"),
    "PARTNERS_WITH": ("#ff7f0e", "合作"),
    "SERVES": ("#9467bd", "服务"),
    "LOCATED_IN": ("#c7b8a8", "位于"),
    "ISSUED_BY": ("#17becf", "发布"),
    "IMPLEMENTS": ("#2ca02c", "落实"),
    "HAS_TARGET": ("#e377c2", "目标"),
    "HAS_MEASURE": ("#8c564b", "措施"),
    "RESPONSIBLE_FOR": ("#1f77b4", "负责"),
}
assert set(NODE_STYLE) == set(NODE_TYPES) and set(EDGE_STYLE) == set(EDGE_TYPES)

# Labels are drawn on a canvas, which takes its font from here, not from the page's CSS.
FONT_FACE = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
             '"WenQuanYi Micro Hei", sans-serif')

# forceAtlas2 with strong repulsion and overlap avoidance keeps up to ~200 nodes apart; labels
# are hidden when zoomed out (drawThreshold) and the layout is frozen after stabilisation.
PHYSICS_OPTIONS: dict[str, Any] = {
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -90, "centralGravity": 0.012,
                             "springLength": 130, "springConstant": 0.06,
                             "damping": 0.55, "avoidOverlap": 0.6},
        "maxVelocity": 60,
        "minVelocity": 1,
        "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 25, "fit": True},
    },
    "nodes": {"font": {"size": 14, "face": FONT_FACE}, "scaling": {"label": {"enabled": True, "drawThreshold": 6}}},
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "font": {"size": 10, "align": "middle", "color": "#444", "face": FONT_FACE},
        "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3},
        "width": 1.2,
    },
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False,
                    "keyboard": False, "hideEdgesOnDrag": True},
}
CENTER_SIZE, NODE_SIZE, QUOTES_PER_EDGE, IMPROVED_LAYOUT_MAX = 34, 14, 3, 100
CENTER_FONT = 20
SPOKE_MARGIN = 40  # px between the centre's label and the labels of the edges around it


def centre_spoke_length(name: str) -> int:
    """Length of the edges at the centre: an edge label sits at the edge's middle, so half an
    edge must reach past half the centre's label (a CJK character is about one font size wide),
    else the labels of the spokes pile up on the centre's name."""
    half_label = len(name) * CENTER_FONT / 2
    return int(max(PHYSICS_OPTIONS["physics"]["forceAtlas2Based"]["springLength"],
                   2 * (half_label + SPOKE_MARGIN)))


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's (js, css) as shipped inside the pyvis package, ready to inline."""
    try:
        import pyvis
    except ImportError as exc:
        raise ConfigError('the visualisation needs pyvis: pip install "vocgraph[api]"') from exc
    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / f"vis-{VIS_VERSION}"
    try:
        js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        css = (lib / "vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{lib}: vis-network files missing from the pyvis package ({exc})") from exc
    # No source map fetch when devtools open; no early end of the inline <script>.
    # split("\n"), not splitlines(): the minified code holds a literal U+0085 inside a string.
    js = "\n".join(line for line in js.split("\n") if not line.startswith("//# sourceMappingURL"))
    return js.replace("</script", "<\\/script"), css.replace("</style", "<\\/style")


def _json_for_script(data: Any) -> str:
    """JSON safe inside an inline <script> (no '</script>', no HTML comment openers)."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _node_title(node: Node, doc_titles: dict[str, str]) -> str:
    lines = [f"{node.name}  [{node.type}]"]
    if node.aliases:
        lines.append("别名 aliases: " + "；".join(node.aliases[:8]))
    for key in ("number", "issuer", "date", "text", "members", "count"):
        value = node.properties.get(key)
        if value not in (None, "", [], {}):
            lines.append(f"{key}: {str(value)[:200]}")
    if node.docs:
        lines.append("文档 documents: " + "；".join(doc_titles.get(d, d) for d in node.docs[:5]))
    return "\n".join(lines)


def _edge_title(edge: Edge, names: dict[str, str], doc_titles: dict[str, str]) -> str:
    gloss = EDGE_STYLE[edge.type][1]
    lines = [f"{names.get(edge.source, edge.source)} —{edge.type} ({gloss})→ {names.get(edge.target, edge.target)}"]
    for key in ("reason", "confidence"):
        if key in edge.properties:
            lines.append(f"{key}: {edge.properties[key]}")
    for ev in edge.evidence[:QUOTES_PER_EDGE]:
        quote = ev.quote if len(ev.quote) <= 220 else ev.quote[:220] + "…"
        lines.append(f"「{quote}」\n    — {doc_titles.get(ev.doc, ev.doc)} [{ev.start}:{ev.end}]")
    if len(edge.evidence) > QUOTES_PER_EDGE:
        lines.append(f"(+{len(edge.evidence) - QUOTES_PER_EDGE} more quotes)")
    return "\n".join(lines)


def _doc_titles(store: GraphStore) -> dict[str, str]:
    titles = {}
    for doc_id, meta in store.documents().items():
        title = meta.get("title") or meta.get("path") or doc_id
        titles[doc_id] = f"{doc_id} ({Path(str(title)).name})" if title != doc_id else doc_id
    return titles


def build_network(store: GraphStore, node_id: str, depth: int = 1, limit: int = 200):
    """The pyvis Network of the ego network of ``node_id`` (nodes styled by type, centre highlighted)."""
    try:
        from pyvis.network import Network
    except ImportError as exc:
        raise ConfigError('the visualisation needs pyvis: pip install "vocgraph[api]"') from exc
    depth = max(1, min(int(depth), MAX_DEPTH))
    limit = max(1, min(int(limit), MAX_NODES))
    nodes, edges = store.neighborhood(node_id, depth=depth, limit=limit)
    titles = _doc_titles(store)
    names = {n.id: n.name for n in nodes}
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for n in nodes:
        # No vis "group" here: pyvis drops the colour of grouped nodes; nodeType carries the type.
        color, shape, _ = NODE_STYLE[n.type]
        centre = n.id == node_id
        net.add_node(
            n.id, label=n.name, title=_node_title(n, titles), shape=shape,
            size=CENTER_SIZE if centre else NODE_SIZE,
            color={"background": color, "border": "#000000" if centre else color,
                   "highlight": {"background": color, "border": "#000000"}},
            borderWidth=5 if centre else 1,
            # The centre's label is drawn on white, over any edge label passing under it.
            font={"size": CENTER_FONT, "bold": True, "color": "#000000", "background": "rgba(255,255,255,0.92)"}
            if centre else {"size": 13},
            nodeType=n.type,
        )
    spoke = centre_spoke_length(names.get(node_id, ""))
    for e in edges:
        color = EDGE_STYLE[e.type][0]
        at_centre = node_id in (e.source, e.target)
        net.add_edge(e.source, e.target, label=e.type, title=_edge_title(e, names, titles),
                     color=color, relation=e.type, arrows="to", **({"length": spoke} if at_centre else {}))
    # A fixed seed gives the same picture on every load; vis's "improved" initial layout gives up
    # (and says so on the console) on large hub-and-spoke networks, so it is for small ones only.
    layout = {"randomSeed": 7, "improvedLayout": len(nodes) <= IMPROVED_LAYOUT_MAX}
    net.set_options(json.dumps({**PHYSICS_OPTIONS, "layout": layout}))
    return net, nodes, edges


def render_ego_network(store: GraphStore, node_id: str, depth: int = 1, limit: int = 200) -> str:
    """The ego network of ``node_id`` up to ``depth`` hops (≤ ``limit`` nodes) as one HTML page.

    Raises graph.errors.NotFoundError for an unknown id.
    """
    from jinja2 import Environment, FileSystemLoader
    from markupsafe import Markup

    net, nodes, edges = build_network(store, node_id, depth=depth, limit=limit)
    centre = store.require_node(node_id)
    js, css = vis_assets()
    type_counts = Counter(n.type for n in nodes)
    rel_counts = Counter(e.type for e in edges)
    legend = [{"color": NODE_STYLE[t][0], "symbol": NODE_STYLE[t][2], "label": NODE_LABELS[t],
               "count": type_counts[t]} for t in NODE_TYPES if type_counts[t]]
    relation_legend = [{"color": EDGE_STYLE[t][0], "type": t, "label": EDGE_STYLE[t][1]}
                       for t in EDGE_TYPES if rel_counts[t]]
    truncated = len(nodes) >= max(1, min(int(limit), MAX_NODES))
    sub = (f"{centre.type} · depth {max(1, min(int(depth), MAX_DEPTH))} · {len(nodes)} nodes, "
           f"{len(edges)} edges" + (" · truncated to the nearest nodes" if truncated else ""))
    env = Environment(loader=FileSystemLoader(str(TEMPLATE.parent)), autoescape=True)
    return env.get_template(TEMPLATE.name).render(
        title=f"{centre.name} — vocgraph",
        heading=f"{centre.name} 合作网络",
        subheading=sub,
        legend=legend,
        relation_legend=relation_legend,
        vis_js=Markup(js),
        vis_css=Markup(css),
        nodes_json=Markup(_json_for_script(net.nodes)),
        edges_json=Markup(_json_for_script(net.edges)),
        options_json=Markup(_json_for_script(net.options)),
        center_json=Markup(_json_for_script(node_id)),
    )
