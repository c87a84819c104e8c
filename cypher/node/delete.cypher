MATCH (n:{{label}} {id: $id})
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS ties
DETACH DELETE n
RETURN ties
