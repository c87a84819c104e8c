// The contact a user is linked to, while it exists: a deleted contact leaves the user unlinked
// (so the page asks "who are you?" again instead of starting referrals from nobody).
MATCH (u:User {username: $username})
OPTIONAL MATCH (c:Node {id: u.contact})
WHERE c:Contact
RETURN c.id AS contact
