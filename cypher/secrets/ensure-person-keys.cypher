// Gives each contact a data key if it has none yet, and returns the key each one has: a concurrent
// writer that created one first wins, and everyone then seals with that one. PersonKey nodes are not
// network nodes: exports and backups never hold them (see network/PersonKeys).
UNWIND $rows AS row
MERGE (k:PersonKey {contact: row.contact})
ON CREATE SET k.wrapped = row.wrapped, k.createdAt = $now
RETURN k.contact AS contact, k.wrapped AS wrapped
