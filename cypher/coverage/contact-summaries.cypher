// What a handover lists about each contact: who they are and where they work (seed 000: a working
// list of contacts with their mission and main activities).
UNWIND $ids AS id
MATCH (c:Contact {id: id})
OPTIONAL MATCH (c)-[:AFFILIATED_WITH]->(o:Organisation)
WITH c, [x IN collect({id: o.id, name: o.name}) WHERE x.id IS NOT NULL] AS organisations
RETURN c.id AS id, c.name AS name, c.kind AS kind, c.country AS country, c.region AS region,
       coalesce(c.themes, []) AS themes, c.riskLevel AS riskLevel, organisations,
       c.responsibleOfficer AS responsibleOfficer
ORDER BY id
