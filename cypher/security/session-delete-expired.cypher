// Sessions idle past their timeout, a few at a time (each new session sweeps some).
MATCH (s:WebSession)
WHERE s.expiresAt < $now
WITH s LIMIT 500
DELETE s
