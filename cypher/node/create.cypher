CREATE (n:Node:{{label}})
SET n = $props, n.id = $id, n.createdAt = $now, n.updatedAt = $now, n.recordedBy = $recordedBy
RETURN n
