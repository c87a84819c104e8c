// The mandates an officer worked for: those of the communications and visits the officer recorded.
MATCH (a:Node {recordedBy: $officer})
WHERE (a:Communication OR a:CountryVisit) AND a.mandate IS NOT NULL
MATCH (m:Mandate {id: a.mandate})
RETURN DISTINCT m.id AS id
ORDER BY id
