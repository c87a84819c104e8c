// The audit chain's head, write-locked until the transaction ends: appends (and the re-linking of a
// restore) are serialised here, so two writers never take the same place in the chain. Setting a
// property takes the lock before the head's seq and hash are read.
MERGE (h:AuditHead {name: 'audit'})
  ON CREATE SET h.seq = 0, h.hash = $genesis
SET h.lock = true
RETURN h.seq AS seq, h.hash AS hash
