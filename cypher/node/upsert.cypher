// Batched import: replace each row's properties; count what was created and what really changed,
// so importing the same document twice reports nothing updated and keeps updatedAt.
UNWIND $rows AS row
OPTIONAL MATCH (existing:{{label}} {id: row.id})
WITH row, existing IS NULL AS isNew, properties(existing) AS before
MERGE (n:Node:{{label}} {id: row.id})
SET n = row.props, n.id = row.id,
    n.createdAt = CASE WHEN isNew THEN coalesce(row.createdAt, $now) ELSE before.createdAt END,
    n.updatedAt = CASE WHEN isNew THEN coalesce(row.updatedAt, row.createdAt, $now) ELSE before.updatedAt END,
    n.recordedBy = CASE WHEN isNew THEN $recordedBy ELSE before.recordedBy END
WITH n, isNew, (NOT isNew AND before <> properties(n)) AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n.updatedAt = $now)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
