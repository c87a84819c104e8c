// Links a user account to the contact that is that person ("me"), or unlinks it with a null contact.
MATCH (u:User {username: $username})
SET u.contact = $contact
RETURN u.username AS username
