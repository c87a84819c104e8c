// People and organisations met during country visits who have not been sent the visit report
// (a participation without a status has not been followed up); $officer: of the visits that officer
// is responsible for (a handover).
MATCH (p:Node)-[r:MET_DURING]->(v:CountryVisit)
WHERE ($visit IS NULL OR v.id = $visit)
  AND ($mandate IS NULL OR v.mandate = $mandate)
  AND ($officer IS NULL OR v.responsibleOfficer = $officer)
  AND coalesce(r.followUp, 'NOT_SENT') <> 'REPORT_SENT'
RETURN v.id AS activity, 'CountryVisit' AS kind, coalesce(v.startDate, v.endDate) AS date,
       CASE WHEN v.mandate IS NULL THEN [] ELSE [v.mandate] END AS mandates, v.country AS country,
       v.responsibleOfficer AS responsibleOfficer,
       p.id AS id, coalesce(p.name, p.id) AS name,
       [l IN labels(p) WHERE l <> 'Node'][0] AS label, coalesce(r.followUp, 'NOT_SENT') AS followUp
ORDER BY date DESC, activity, id
