// Batched import of ties with at least one end created by this same import: such a tie cannot
// exist yet, so plain CREATE, without tie/upsert's look for an existing relationship. The
// importer has already rejected repeats within the input; KNOWS arrives as (smaller id, larger id).
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
CREATE (a)-[r:{{type}}]->(b)
SET r = row.props
RETURN count(r) AS created, 0 AS updated
