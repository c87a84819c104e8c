// One stored tie by type and ends as stored (KNOWS: the caller passes the canonical order).
MATCH (a:Node {id: $from})-[r:{{type}}]->(b:Node {id: $to})
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
