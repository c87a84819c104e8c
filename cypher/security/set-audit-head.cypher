// Moves the chain head to the entry just appended (in the transaction that holds its lock).
MATCH (h:AuditHead {name: 'audit'})
SET h.seq = $seq, h.hash = $hash
REMOVE h.lock
