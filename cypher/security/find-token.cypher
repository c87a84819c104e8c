// Resolves a presented token (by its hash) to its owner, if unexpired and not revoked.
MATCH (t:ApiToken {hash: $hash})
WHERE t.revokedAt IS NULL AND t.expiresAt > $now
MATCH (u:User {username: t.owner})
RETURN u.username AS username, u.role AS role, t.name AS name
