MATCH (s:WebSession {key: $key})
DELETE s
