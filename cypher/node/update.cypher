MATCH (n:{{label}} {id: $id})
WITH n, n.createdAt AS createdAt, n.recordedBy AS recordedBy
SET n = $props, n.id = $id, n.createdAt = createdAt, n.recordedBy = recordedBy, n.updatedAt = $now
RETURN n
