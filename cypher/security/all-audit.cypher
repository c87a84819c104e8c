// The whole audit log in chain order (entries not chained yet last), for a backup.
MATCH (a:AuditEntry)
RETURN a.id AS id, a.at AS at, a.user AS user, a.action AS action, a.target AS target, a.detail AS detail,
       a.seq AS seq, a.prev AS prev, a.hash AS hash, a.subject AS subject, a.salt AS salt,
       a.erasedAt AS erasedAt, a.erasedBy AS erasedBy
ORDER BY a.seq, a.at, a.id
