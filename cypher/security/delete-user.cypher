// Removes the user and every token it owns.
MATCH (u:User {username: $username})
OPTIONAL MATCH (t:ApiToken {owner: $username})
DETACH DELETE t
WITH DISTINCT u
DETACH DELETE u
RETURN count(*) AS deleted
