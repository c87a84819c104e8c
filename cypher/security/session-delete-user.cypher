// A deleted user's page sessions end at once, on every instance.
MATCH (s:WebSession {user: $username})
DELETE s
