// Appends audit entries of a backup (the audit log is append-only: entries are only ever created).
// A chained backup's entries keep their place in restoredSeq until relink-audit puts them in the chain.
UNWIND $entries AS e
CREATE (a:AuditEntry {id: e.id, at: e.at, user: e.user, action: e.action, target: e.target, detail: e.detail,
                      salt: e.salt, subject: e.subject, prev: e.prev, hash: e.hash, restoredSeq: e.seq,
                      erasedAt: e.erasedAt, erasedBy: e.erasedBy})
RETURN count(a) AS created
