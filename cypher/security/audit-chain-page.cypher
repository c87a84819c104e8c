// One page of the chain for verify, after sequence number $after, in order.
MATCH (a:AuditEntry)
WHERE a.seq > $after
RETURN a.id AS id, a.at AS at, a.user AS user, a.action AS action, a.target AS target, a.detail AS detail,
       a.seq AS seq, a.prev AS prev, a.hash AS hash, a.subject AS subject, a.salt AS salt,
       a.erasedAt AS erasedAt, a.erasedBy AS erasedBy
ORDER BY a.seq
LIMIT $limit
