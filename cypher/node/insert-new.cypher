// Batched import of rows whose ids the importer found unused just before (a fresh import): plain
// CREATE, without the per-row lookup and comparison of node/upsert. The unique id constraint
// still rejects the batch if another writer created one of these ids in the meantime.
UNWIND $rows AS row
CREATE (n:Node:{{label}})
SET n = row.props, n.id = row.id,
    n.createdAt = coalesce(row.createdAt, $now),
    n.updatedAt = coalesce(row.updatedAt, row.createdAt, $now),
    n.recordedBy = $recordedBy
RETURN count(n) AS created, 0 AS updated
