MATCH (a:Node)-[r]->(b:Node)
WHERE type(r) IN $types
RETURN a.id AS from, b.id AS to, type(r) AS type, r.trust AS trust, r.since AS since, r.lastContact AS lastContact
