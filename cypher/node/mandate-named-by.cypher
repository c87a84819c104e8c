// The activity records that name a mandate (communications it sent, its country visits), checked
// before the mandate is deleted so that no record is left naming a mandate that is gone.
CALL {
  MATCH (c:Communication)
  WHERE $id IN coalesce(c.mandates, [])
  RETURN c.id AS record
  UNION
  MATCH (v:CountryVisit {mandate: $id})
  RETURN v.id AS record
}
WITH record ORDER BY record
RETURN collect(record) AS records
