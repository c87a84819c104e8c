// Batched import of rows whose ids the importer found unused just before (a fresh import): plain
// CREATE, without the per-row lookup and comparison of node/upsert. Each row is the node's whole
// property map (id, timestamps and recordedBy included), set in one step so the node's indexes are
// updated once. The unique id constraint still rejects the batch if another writer created one of
// these ids in the meantime. Each created node comes back with its element id, so the import can
// find it again for its ties without the unique index's locking seek (tie/insert-between-new).
UNWIND $rows AS row
CREATE (n:Node:{{label}})
SET n = row
RETURN row.id AS id, elementId(n) AS elementId
