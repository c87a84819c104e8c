// A restore puts the backup's chain first: the entries this store wrote before the restore step
// aside (negative seq, so no two entries ever share one) to be re-linked after it, oldest first.
MATCH (a:AuditEntry)
WHERE a.seq IS NOT NULL
SET a.seq = -a.seq
RETURN a.id AS id, -a.seq AS seq, a.at AS at, a.user AS user, a.action AS action, a.subject AS subject
ORDER BY seq
