// Introductions still REQUESTED that involve one of $ids, or that $officer recorded or is responsible for.
MATCH (i:Introduction)
WHERE i.status = 'REQUESTED'
  AND (($officer IS NOT NULL AND (i.recordedBy = $officer OR i.responsibleOfficer = $officer))
       OR EXISTS { MATCH (i)-[:INTRODUCER|INTRODUCED|RECIPIENT]->(c:Contact) WHERE c.id IN $ids })
OPTIONAL MATCH (i)-[:INTRODUCER]->(introducer:Node)
OPTIONAL MATCH (i)-[:INTRODUCED]->(introduced:Node)
OPTIONAL MATCH (i)-[:RECIPIENT]->(recipient:Node)
RETURN i.id AS id, introducer.id AS introducer, introduced.id AS introduced, recipient.id AS recipient,
       i.date AS date, i.note AS note, i.recordedBy AS recordedBy, i.createdAt AS recordedAt,
       i.responsibleOfficer AS responsibleOfficer
ORDER BY date DESC, id
