MATCH (a:Node)-[r:{{type}}]->(b:Node)
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
ORDER BY from, to
