// Users of a backup that do not exist yet; an existing user (the administrator who restores) is left as it is.
UNWIND $users AS user
OPTIONAL MATCH (existing:User {username: user.username})
WITH user WHERE existing IS NULL
CREATE (u:User {username: user.username, passwordHash: user.passwordHash, role: user.role, createdAt: user.createdAt})
RETURN count(u) AS created
