MATCH (a:Node {id: $from})-[r:{{type}}]-(b:Node {id: $to})
DELETE r
RETURN count(*) AS deleted
