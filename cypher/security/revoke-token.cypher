MATCH (t:ApiToken {owner: $owner, name: $name})
WHERE t.revokedAt IS NULL
SET t.revokedAt = $now
RETURN t.hash AS hash
