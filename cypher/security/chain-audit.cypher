// Links entries written before the chain existed (see unchained-audit); only their chain fields are added.
UNWIND $entries AS e
MATCH (a:AuditEntry {id: e.id})
WHERE a.seq IS NULL
SET a.seq = e.seq, a.salt = e.salt, a.subject = e.subject, a.prev = e.prev, a.hash = e.hash
RETURN count(a) AS chained
