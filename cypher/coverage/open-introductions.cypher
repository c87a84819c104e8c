// Introductions still REQUESTED that involve one of $ids, or that $officer recorded or is responsible for.
MATCH (i:Introduction)
WHERE i.status = 'REQUESTED'
  AND (($officer IS NOT NULL AND (i.recordedBy = $officer OR i.responsibleOfficer = $officer))
       OR EXISTS { MATCH (i)-[:INTRODUCER|INTRODUCED|RECIPIENT]->(c:Contact) WHERE c.id IN $ids })
OPTIONAL MATCH (i)-[:INTRODUCER]->(introducer:Node)
OPTIONAL MATCH (i)-[:INTRODUCED]->(introduced:Node)
OPTIONAL MATCH (i)-[:RECIPIENT]->(recipient:Node)
RETURN i.id AS id, coalesce(introducer.id, i.erasedIntroducer) AS introducer,
       coalesce(introduced.id, i.erasedIntroduced) AS introduced, coalesce(recipient.id, i.erasedRecipient) AS recipient,
       i.date AS date, i.note AS note, i.recordedBy AS recordedBy, i.createdAt AS recordedAt,
       i.responsibleOfficer AS responsibleOfficer
ORDER BY date DESC, id
