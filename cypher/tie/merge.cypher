// One tie through the API (POST /api/ties): created when new, otherwise only the properties the
// request names change (SET +=), in one statement so concurrent updates of different fields of
// the same tie both survive. Ends were checked in Java; KNOWS arrives in canonical order.
MATCH (a:Node {id: $from})
MATCH (b:Node {id: $to})
OPTIONAL MATCH (a)-[existing:{{type}}]->(b)
WITH a, b, existing IS NULL AS isNew, properties(existing) AS before
MERGE (a)-[r:{{type}}]->(b)
SET r += $props
RETURN isNew AS created, (NOT isNew AND before <> properties(r)) AS changed,
       type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
