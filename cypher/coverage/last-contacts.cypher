// The most recent lastContact on each node's ties (KNOWS, AFFILIATED_WITH, PARTNERS_WITH).
UNWIND $ids AS id
MATCH (n:Node {id: id})-[r:KNOWS|AFFILIATED_WITH|PARTNERS_WITH]-(other:Node)
WHERE r.lastContact IS NOT NULL
WITH id, r, other
ORDER BY r.lastContact DESC, other.id
WITH id, collect({date: r.lastContact, type: type(r), other: other.id})[0] AS latest
RETURN id, latest.date AS date, latest.type AS type, latest.other AS other
