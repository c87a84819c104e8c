// Appends audit entries of a backup (the audit log is append-only: entries are only ever created).
UNWIND $entries AS e
CREATE (a:AuditEntry {id: e.id, at: e.at, user: e.user, action: e.action, target: e.target, detail: e.detail})
RETURN count(a) AS created
