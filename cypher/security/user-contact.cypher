MATCH (u:User {username: $username})
RETURN u.contact AS contact
