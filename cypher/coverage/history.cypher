// Every activity and introduction each of $ids took part in, with who recorded it.
UNWIND $ids AS subject
MATCH (s:Node {id: subject})
CALL {
  WITH s
  MATCH (s)-[r:SOURCE_OF|MET_DURING|ATTENDED]->(a:Node)
  RETURN a.id AS record, [l IN labels(a) WHERE l <> 'Node'][0] AS kind, type(r) AS role,
         coalesce(a.date, a.startDate) AS date, a.endDate AS endDate,
         coalesce(a.title, a.type) AS title, a.summary AS summary,
         CASE WHEN a:Communication THEN coalesce(a.mandates, [])
              WHEN a.mandate IS NOT NULL THEN [a.mandate] ELSE [] END AS mandates, a.country AS country,
         a.place AS place, a.organiser AS organiser, null AS status, r.followUp AS followUp,
         null AS introducer, null AS introduced, null AS recipient,
         a.recordedBy AS recordedBy, a.createdAt AS recordedAt
  UNION ALL
  WITH s
  MATCH (i:Introduction)-[link:INTRODUCER|INTRODUCED|RECIPIENT]->(s)
  OPTIONAL MATCH (i)-[:INTRODUCER]->(introducer:Node)
  OPTIONAL MATCH (i)-[:INTRODUCED]->(introduced:Node)
  OPTIONAL MATCH (i)-[:RECIPIENT]->(recipient:Node)
  RETURN i.id AS record, 'Introduction' AS kind, type(link) AS role, i.date AS date, null AS endDate,
         null AS title, i.note AS summary, [] AS mandates, null AS country, null AS place, null AS organiser,
         i.status AS status, null AS followUp,
         coalesce(introducer.id, i.erasedIntroducer) AS introducer, coalesce(introduced.id, i.erasedIntroduced) AS introduced,
         coalesce(recipient.id, i.erasedRecipient) AS recipient,
         i.recordedBy AS recordedBy, i.createdAt AS recordedAt
}
RETURN subject, record, kind, role, date, endDate, title, summary, mandates, country, place, organiser, status,
       followUp, introducer, introduced, recipient, recordedBy, recordedAt
