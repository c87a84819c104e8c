CREATE (u:User {username: $username, passwordHash: $passwordHash, role: $role, createdAt: $now})
RETURN u.username AS username
