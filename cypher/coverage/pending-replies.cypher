// Sources of communications who have not been informed of the reply.
MATCH (p:Node)-[r:SOURCE_OF]->(c:Communication)
WHERE ($communication IS NULL OR c.id = $communication)
  AND ($mandate IS NULL OR c.mandate = $mandate)
  AND coalesce(r.followUp, 'NOT_INFORMED') <> 'INFORMED'
RETURN c.id AS activity, 'Communication' AS kind, c.date AS date, c.mandate AS mandate, c.country AS country,
       p.id AS id, coalesce(p.name, p.id) AS name, [l IN labels(p) WHERE l <> 'Node'][0] AS label,
       coalesce(r.followUp, 'NOT_INFORMED') AS followUp
ORDER BY date DESC, activity, id
