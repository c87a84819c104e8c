// The audit log is append-only: no statement in civnet deletes an AuditEntry, and the only update is
// the erasure's tombstone (tombstone-audit), which the chain is built to survive (see AuditChain).
CREATE (a:AuditEntry {seq: $seq, id: $id, at: $at, user: $user, action: $action, target: $target, detail: $detail,
                      salt: $salt, subject: $subject, prev: $prev, hash: $hash})
