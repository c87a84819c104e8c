MATCH (n:Node {id: $id})-[r]-(m:Node)
WHERE type(r) IN $types
RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props
ORDER BY type, from, to
