// A mandate's contacts: its partners, people affiliated with its partner organisations, and the
// people who took part in its communications (every mandate that sent one) and country visits.
MATCH (m:Mandate {id: $mandate})
CALL {
  WITH m
  MATCH (c:Contact)-[:PARTNERS_WITH]->(m)
  RETURN c, 'PARTNER' AS via
  UNION
  WITH m
  MATCH (c:Contact)-[:AFFILIATED_WITH]->(:Organisation)-[:PARTNERS_WITH]->(m)
  RETURN c, 'PARTNER_ORGANISATION' AS via
  UNION
  WITH m
  MATCH (c:Contact)-[:SOURCE_OF|MET_DURING]->(a:Node)
  WHERE (a:Communication AND m.id IN coalesce(a.mandates, [])) OR (a:CountryVisit AND a.mandate = m.id)
  RETURN c, 'ACTIVITY' AS via
}
RETURN c.id AS id, collect(DISTINCT via) AS via
ORDER BY id
