MATCH (n:{{label}} {id: $id})
WITH n, n.createdAt AS createdAt
SET n = $props, n.id = $id, n.createdAt = createdAt, n.updatedAt = $now
RETURN n
