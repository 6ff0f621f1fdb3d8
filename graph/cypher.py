"""Every Cypher statement of the Neo4j backend, as pure functions returning query strings.

Values always travel as $parameters; the only things written into a query are labels and
relationship types, and those come from the schema's whitelists (``NODE_TYPES`` / ``EDGE_TYPES``),
never from user text. Nothing here touches the driver, so the queries are unit-testable.

The graph in Neo4j:

- ``(:Entity:<NodeType> {id, type, name, aliases, docs, keys, props, seq})``: ``props`` is the
  node's properties as a JSON string (nested values are not valid property values), ``keys`` the
  ``name_key`` of its name and aliases (for name lookup on the server), ``seq`` its insertion
  order (so nodes and edges come back in the embedded store's order and answers match).
- ``()-[:<RELATION> {props, evidence, seq}]->()``: ``evidence`` is a JSON list of
  ``{doc, start, end, quote}`` (lists of maps are not valid property values either).
- ``(:Document {id, text, meta, seq})``: the stored text evidence offsets point into.

Every query keeps to Cypher that both Neo4j 5 and ArcadeDB accept (docs/neo4j.md lists the
differences that shaped it).

>>> node_by_id()
'MATCH (n:Entity {id: $id}) RETURN n.id AS id, n.type AS type, n.name AS name, n.aliases AS aliases, n.docs AS docs, n.props AS props'
"""

from __future__ import annotations

from graph.errors import allowed
from graph.schema import EDGE_TYPES, NODE_TYPES

ENTITY = "Entity"      # every graph node carries it: one uniqueness constraint covers all ids
DOCUMENT = "Document"

_NODE_FIELDS = "n.id AS id, n.type AS type, n.name AS name, n.aliases AS aliases, n.docs AS docs, n.props AS props"
_EDGE_FIELDS = ("a.id AS source, b.id AS target, type(r) AS type, r.props AS props, "
                "r.evidence AS evidence, r.seq AS seq")


def node_label(node_type: str | None) -> str:
    """The label to match nodes of ``node_type`` (``Entity`` for any); only schema types pass."""
    return ENTITY if node_type is None else allowed(node_type, NODE_TYPES, "node type")


def rel_type(relation: str) -> str:
    """A relationship type for a query; only the schema's relation types pass."""
    return allowed(relation, EDGE_TYPES, "relation type")


def _rel_pattern(relation: str | None) -> str:
    return "[r]" if relation is None else f"[r:{rel_type(relation)}]"


# ---- schema ---------------------------------------------------------------------------
def create_constraints() -> list[str]:
    """Uniqueness constraints on node and document ids (each also creates the id index)."""
    return [
        f"CREATE CONSTRAINT vocgraph_entity_id IF NOT EXISTS FOR (n:{ENTITY}) REQUIRE n.id IS UNIQUE",
        f"CREATE CONSTRAINT vocgraph_document_id IF NOT EXISTS FOR (d:{DOCUMENT}) REQUIRE d.id IS UNIQUE",
    ]


# ---- nodes ----------------------------------------------------------------------------
def node_by_id() -> str:
    """One node by $id."""
    return f"MATCH (n:{ENTITY} {{id: $id}}) RETURN {_NODE_FIELDS}"


def nodes_by_ids() -> str:
    """The nodes among $ids that exist."""
    return f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) RETURN {_NODE_FIELDS}"


def node_types_by_ids() -> str:
    """The id and type of the nodes among $ids that exist (edge endpoint checks; a light read)."""
    return f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) RETURN n.id AS id, n.type AS type"


def create_nodes(node_type: str) -> str:
    """Create nodes of one type from $rows (maps of node properties).

    CREATE with both labels, not MERGE: ArcadeDB cannot add a label to an existing node and
    does not use the id index for a two-label MERGE; the store checks existence first, in the
    same transaction.
    """
    return f"UNWIND $rows AS row CREATE (n:{ENTITY}:{node_label(node_type)}) SET n = row"


def update_nodes() -> str:
    """Replace the mutable properties of existing nodes from $rows (seq and labels stay)."""
    return (f"UNWIND $rows AS row MATCH (n:{ENTITY} {{id: row.id}}) "
            "SET n.name = row.name, n.aliases = row.aliases, n.docs = row.docs, "
            "n.keys = row.keys, n.props = row.props")


def all_nodes(node_type: str | None = None) -> str:
    """Every node (of one type), in insertion order."""
    return f"MATCH (n:{node_label(node_type)}) RETURN {_NODE_FIELDS} ORDER BY n.seq"


def nodes_matching_key(node_type: str | None = None) -> str:
    """Nodes with a name key containing, or contained in, $key: a superset of find_nodes' matches."""
    return (f"MATCH (n:{node_label(node_type)}) "
            "WHERE any(k IN n.keys WHERE k CONTAINS $key OR $key CONTAINS k) "
            f"RETURN {_NODE_FIELDS} ORDER BY n.seq")


def count_nodes_by_type() -> str:
    return f"MATCH (n:{ENTITY}) RETURN n.type AS type, count(*) AS count"


# ---- edges ----------------------------------------------------------------------------
def edges_by_keys(relation: str) -> str:
    """The existing edges of one relation among $keys (maps with source and target)."""
    return (f"UNWIND $keys AS k MATCH (a:{ENTITY} {{id: k.source}})-{_rel_pattern(relation)}->"
            f"(b:{ENTITY} {{id: k.target}}) RETURN {_EDGE_FIELDS}")


def merge_edges(relation: str) -> str:
    """Create or replace edges of one relation from $rows; returns how many rows found both ends."""
    return (f"UNWIND $rows AS row MATCH (a:{ENTITY} {{id: row.source}}) "
            f"MATCH (b:{ENTITY} {{id: row.target}}) "
            f"MERGE (a)-[r:{rel_type(relation)}]->(b) ON CREATE SET r.seq = row.seq "
            "SET r.props = row.props, r.evidence = row.evidence RETURN count(r) AS written")


def all_edges(relation: str | None = None) -> str:
    """Every edge (of one relation), by source node then insertion order."""
    return (f"MATCH (a:{ENTITY})-{_rel_pattern(relation)}->(b:{ENTITY}) RETURN {_EDGE_FIELDS} "
            "ORDER BY a.seq, r.seq")


def out_edges() -> str:
    return f"MATCH (a:{ENTITY} {{id: $id}})-[r]->(b:{ENTITY}) RETURN {_EDGE_FIELDS} ORDER BY r.seq"


def in_edges() -> str:
    """Edges into $id by source node, then insertion order (a reloaded networkx store's order)."""
    return f"MATCH (a:{ENTITY})-[r]->(b:{ENTITY} {{id: $id}}) RETURN {_EDGE_FIELDS} ORDER BY a.seq, r.seq"


def edges_touching() -> str:
    """Edges in either direction at node $id (one round trip; the store splits out from in)."""
    return (f"MATCH (n:{ENTITY} {{id: $id}})-[r]-(:{ENTITY}) "
            "WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b "
            f"RETURN {_EDGE_FIELDS}, a.seq AS source_seq ORDER BY r.seq")


def count_edges_by_type() -> str:
    return f"MATCH (:{ENTITY})-[r]->(:{ENTITY}) RETURN type(r) AS type, count(*) AS count"


# ---- documents ------------------------------------------------------------------------
def merge_documents() -> str:
    """Create or replace documents from $rows (id, text, meta as JSON, seq)."""
    return (f"UNWIND $rows AS row MERGE (d:{DOCUMENT} {{id: row.id}}) ON CREATE SET d.seq = row.seq "
            "SET d.text = row.text, d.meta = row.meta")


def document_text() -> str:
    return f"MATCH (d:{DOCUMENT} {{id: $id}}) RETURN d.text AS text"


def all_documents() -> str:
    return f"MATCH (d:{DOCUMENT}) RETURN d.id AS id, d.meta AS meta ORDER BY d.seq"


# ---- removing (a document and the facts resting on it alone) -------------------------------
def delete_edge(relation: str) -> str:
    """Delete the edge ($source)-[relation]->($target) if present."""
    return (f"MATCH (a:{ENTITY} {{id: $source}})-[r:{rel_type(relation)}]->(b:{ENTITY} {{id: $target}}) "
            "DELETE r")


def delete_node() -> str:
    """Delete the node $id with its edges, if present."""
    return f"MATCH (n:{ENTITY} {{id: $id}}) DETACH DELETE n"


def delete_document() -> str:
    """Delete the stored document $id (its text and metadata), if present."""
    return f"MATCH (d:{DOCUMENT} {{id: $id}}) DELETE d"


# ---- maintenance ----------------------------------------------------------------------
def delete_batch() -> str:
    """Delete up to $batch vocgraph nodes with their edges; run until it returns 0."""
    return (f"MATCH (n) WHERE n:{ENTITY} OR n:{DOCUMENT} WITH n LIMIT $batch "
            "DETACH DELETE n RETURN count(*) AS deleted")
