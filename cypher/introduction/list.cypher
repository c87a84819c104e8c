// A page of introductions, newest first: by date (the day it was recorded when undated, as in a
// history), then by when it was recorded, then by id so pages never overlap. Each filter is skipped
// when null; $person matches any of the three roles; $mine keeps those whose recipient is the
// caller's own contact, or that the caller recorded or is responsible for. The three people's names
// come along so a list needs no call per row.
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
// A person erased since (see erasure/detach-introductions) is named by the tombstone kept in their place.
RETURN i, coalesce(introducer.id, i.erasedIntroducer) AS introducer, coalesce(introduced.id, i.erasedIntroduced) AS introduced,
       coalesce(recipient.id, i.erasedRecipient) AS recipient,
       introducer.name AS introducerName, introduced.name AS introducedName, recipient.name AS recipientName
ORDER BY coalesce(i.date, substring(i.createdAt, 0, 10)) DESC, i.createdAt DESC, i.id
SKIP $skip LIMIT $limit
