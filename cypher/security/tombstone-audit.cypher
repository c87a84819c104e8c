// The one statement that changes audit entries: an erasure puts the tombstone in place of the erased
// person's id, pseudonym and name, and says when and by which ERASURE entry; the entry keeps who did
// what, when (see AuditLog.tombstone).
UNWIND $rows AS row
MATCH (a:AuditEntry {id: row.id})
SET a.target = row.target, a.detail = row.detail, a.erasedAt = $at, a.erasedBy = $by
