// The mandates an officer worked for: every mandate that sent a communication the officer recorded,
// and the mandates of the visits the officer recorded.
MATCH (a:Node {recordedBy: $officer})
WHERE a:Communication OR a:CountryVisit
UNWIND CASE WHEN a:Communication THEN coalesce(a.mandates, []) ELSE [a.mandate] END AS mandate
MATCH (m:Mandate {id: mandate})
RETURN DISTINCT m.id AS id
ORDER BY id
