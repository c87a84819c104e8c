// The chain head as recorded, entries outside the chain (none after the start-up migration), and
// how many entries there are when the head itself is gone.
OPTIONAL MATCH (h:AuditHead {name: 'audit'})
OPTIONAL MATCH (u:AuditEntry)
WHERE u.seq IS NULL OR u.seq < 1
WITH h, u ORDER BY u.at, u.id
WITH h, collect(u.id) AS outside
OPTIONAL MATCH (c:AuditEntry)
WHERE h IS NULL
RETURN h.seq AS seq, h.hash AS hash, size(outside) AS outsideCount, head(outside) AS firstOutside,
       count(c) AS headless
