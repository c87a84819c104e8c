// Erasure: the person leaves target and detail, and the salt goes with them, so the subject digest
// the chain hashes can no longer be tested against a guessed id. seq, prev, hash and subject stay.
UNWIND $entries AS e
MATCH (a:AuditEntry {id: e.id})
SET a.target = e.target, a.detail = e.detail, a.erasedAt = $at, a.erasedBy = $by
REMOVE a.salt
RETURN count(a) AS erased
