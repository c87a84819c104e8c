// security/protected-by-record, only among $ids (the nodes the change records name since the last
// look): the redactor brings its protected people forward without reading every contact again.
MATCH (n:Node)
WHERE n.id IN $ids AND n:Contact AND (n.confidential = true OR coalesce(n.riskLevel, 'NONE') <> 'NONE')
RETURN n.id AS id, coalesce(n.name, n.id) AS name
