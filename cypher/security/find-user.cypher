MATCH (u:User {username: $username})
RETURN u.username AS username, u.passwordHash AS passwordHash, u.role AS role
