// The restored backup's entries take their own places in the chain; those this store wrote before
// follow with their new seq, prev and hash (their content and subject digest unchanged).
MATCH (r:AuditEntry)
WHERE r.restoredSeq IS NOT NULL
SET r.seq = r.restoredSeq
REMOVE r.restoredSeq
WITH count(r) AS placed
UNWIND $entries AS e
MATCH (a:AuditEntry {id: e.id})
SET a.seq = e.seq, a.prev = e.prev, a.hash = e.hash
RETURN placed, count(a) AS relinked
