// Sources of communications who have not been informed of the reply; a communication sent by
// several mandates is listed under each of them; $officer: of the communications that officer is
// responsible for (a handover).
MATCH (p:Node)-[r:SOURCE_OF]->(c:Communication)
WHERE ($communication IS NULL OR c.id = $communication)
  AND ($mandate IS NULL OR $mandate IN coalesce(c.mandates, []))
  AND ($officer IS NULL OR c.responsibleOfficer = $officer)
  AND coalesce(r.followUp, 'NOT_INFORMED') <> 'INFORMED'
RETURN c.id AS activity, 'Communication' AS kind, c.date AS date, coalesce(c.mandates, []) AS mandates,
       c.country AS country, c.responsibleOfficer AS responsibleOfficer,
       p.id AS id, coalesce(p.name, p.id) AS name, [l IN labels(p) WHERE l <> 'Node'][0] AS label,
       coalesce(r.followUp, 'NOT_INFORMED') AS followUp
ORDER BY date DESC, activity, id
