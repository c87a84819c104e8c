// Who appears only as a pseudonym to roles without clearance: confidential or at-risk contacts,
// and every source of a communication (sources are always confidential).
MATCH (n:Node)
WHERE (n:Contact AND (n.confidential = true OR coalesce(n.riskLevel, 'NONE') <> 'NONE'))
   OR EXISTS { (n)-[:SOURCE_OF]->(:Communication) }
RETURN n.id AS id, coalesce(n.name, n.id) AS name
