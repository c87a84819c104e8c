// The audit log is append-only: no statement in civnet updates or deletes an AuditEntry.
CREATE (a:AuditEntry {id: $id, at: $at, user: $user, action: $action, target: $target, detail: $detail})
