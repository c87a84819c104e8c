// Every user for GET /api/users: name, role and when created; never the password hash.
MATCH (u:User)
RETURN u.username AS username, u.role AS role, u.createdAt AS createdAt
ORDER BY u.username
