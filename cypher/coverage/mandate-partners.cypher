// The partners (organisations and contacts) of the given mandates.
MATCH (p:Node)-[r:PARTNERS_WITH]->(m:Mandate)
WHERE m.id IN $mandates
RETURN m.id AS mandate, p.id AS id, coalesce(p.name, p.id) AS name, [l IN labels(p) WHERE l <> 'Node'][0] AS label,
       coalesce(p.type, p.kind) AS kind, p.region AS region, r.since AS since, r.lastContact AS lastContact,
       coalesce(r.activities, []) AS activities
ORDER BY mandate, id
