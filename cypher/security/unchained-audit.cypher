// Entries written before the chain existed (or restored from a backup without one), oldest first:
// the start-up migration links them after the head.
MATCH (a:AuditEntry)
WHERE a.seq IS NULL AND a.restoredSeq IS NULL
RETURN a.id AS id, a.at AS at, a.user AS user, a.action AS action, a.target AS target, a.detail AS detail
ORDER BY a.at, a.id
LIMIT $limit
