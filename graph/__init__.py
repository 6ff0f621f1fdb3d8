"""vocgraph's knowledge graph: schema, the GraphStore contract and its backends."""

from graph.schema import EDGE_TYPES, NODE_TYPES, Edge, Evidence, Node, make_node_id

__all__ = ["EDGE_TYPES", "NODE_TYPES", "Edge", "Evidence", "Node", "make_node_id"]
