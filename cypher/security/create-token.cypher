MATCH (u:User {username: $owner})
CREATE (t:ApiToken {key: $owner + '/' + $name, owner: $owner, name: $name, hash: $hash,
                    createdAt: $now, expiresAt: $expiresAt})
RETURN t.name AS name
