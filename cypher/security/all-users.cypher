// Every user with its BCrypt hash (never a plaintext password), for a backup.
MATCH (u:User)
RETURN u.username AS username, u.passwordHash AS passwordHash, u.role AS role, u.createdAt AS createdAt
ORDER BY u.username
