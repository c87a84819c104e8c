MATCH (a:AuditEntry)
WHERE ($user IS NULL OR a.user = $user)
  AND ($action IS NULL OR a.action = $action)
  AND ($from IS NULL OR a.at >= $from)
  AND ($to IS NULL OR a.at < $to)
RETURN a.id AS id, a.at AS at, a.user AS user, a.action AS action, a.target AS target, a.detail AS detail,
       a.seq AS seq, a.prev AS prev, a.hash AS hash, a.subject AS subject, a.salt AS salt,
       a.erasedAt AS erasedAt, a.erasedBy AS erasedBy
ORDER BY a.at DESC, a.seq DESC, a.id DESC
SKIP $skip LIMIT $limit
