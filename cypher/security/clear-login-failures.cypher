MATCH (f:LoginFailures {key: $key})
DELETE f
