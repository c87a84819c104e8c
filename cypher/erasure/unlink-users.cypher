// User accounts that said "I am this contact" are kept, unlinked.
MATCH (u:User {contact: $id})
SET u.contact = null
RETURN count(u) AS users
