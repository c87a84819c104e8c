// The chain head as recorded, and an entry outside the chain (none after the start-up migration).
OPTIONAL MATCH (h:AuditHead {name: 'audit'})
OPTIONAL MATCH (u:AuditEntry)
WHERE u.seq IS NULL OR u.seq < 1
WITH h, u ORDER BY u.at, u.id
WITH h, collect(u.id) AS outside
RETURN h.seq AS seq, h.hash AS hash, size(outside) AS outsideCount, head(outside) AS firstOutside
