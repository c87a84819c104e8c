MATCH (t:ApiToken {owner: $owner})
RETURN t.name AS name, t.createdAt AS createdAt, t.expiresAt AS expiresAt, t.revokedAt AS revokedAt
ORDER BY t.createdAt
