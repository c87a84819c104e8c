// Batched: endpoints were checked in Java (they exist and fit the type); KNOWS arrives with its
// ends in canonical order (from < to) so an undirected tie is stored once.
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
OPTIONAL MATCH (a)-[existing:{{type}}]->(b)
WITH a, b, row, existing IS NULL AS isNew, properties(existing) AS before
MERGE (a)-[r:{{type}}]->(b)
SET r = row.props
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND before <> properties(r) THEN 1 ELSE 0 END) AS updated
