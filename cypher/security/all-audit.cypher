// The whole audit log, oldest first, for a backup.
MATCH (a:AuditEntry)
RETURN a.id AS id, a.at AS at, a.user AS user, a.action AS action, a.target AS target, a.detail AS detail
ORDER BY a.at, a.id
