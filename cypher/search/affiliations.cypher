// The organisations each of these contacts is affiliated with, so a search can tell two people of one name apart.
MATCH (c:Contact)-[:AFFILIATED_WITH]->(o:Organisation)
WHERE c.id IN $ids
WITH c, o ORDER BY o.name
RETURN c.id AS contact, collect({id: o.id, name: o.name})[..3] AS organisations
