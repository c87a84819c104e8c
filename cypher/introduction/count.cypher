// How many introductions introduction/list matches (the same filters).
MATCH (i:Introduction)
OPTIONAL MATCH (i)-[:INTRODUCER]->(introducer:Node)
OPTIONAL MATCH (i)-[:INTRODUCED]->(introduced:Node)
OPTIONAL MATCH (i)-[:RECIPIENT]->(recipient:Node)
WITH i, introducer, introduced, recipient
WHERE ($status IS NULL OR i.status = $status)
  AND ($recordedBy IS NULL OR i.recordedBy = $recordedBy)
  AND ($introducer IS NULL OR introducer.id = $introducer)
  AND ($introduced IS NULL OR introduced.id = $introduced)
  AND ($recipient IS NULL OR recipient.id = $recipient)
  AND ($person IS NULL OR $person IN [introducer.id, introduced.id, recipient.id])
  AND (NOT $mine OR i.recordedBy = $me OR i.responsibleOfficer = $me
       OR ($myContact IS NOT NULL AND recipient.id = $myContact))
RETURN count(i) AS count
