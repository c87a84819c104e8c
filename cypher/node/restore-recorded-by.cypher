UNWIND $rows AS row
MATCH (n:Node {id: row.id})
SET n.recordedBy = row.user
RETURN count(n) AS restored
