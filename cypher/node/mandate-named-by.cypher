// The activity records that name a mandate (communications it sent, its country visits), checked
// before the mandate is deleted so that no record is left naming a mandate that is gone.
OPTIONAL MATCH (a:Node)
WHERE (a:Communication AND $id IN coalesce(a.mandates, [])) OR (a:CountryVisit AND a.mandate = $id)
WITH a ORDER BY a.id
RETURN collect(a.id) AS records
