// A session created by this request (or given a new id at login).
MERGE (s:WebSession {key: $key})
SET s.attributes = $attributes, s.creationTime = $creationTime, s.lastAccessedTime = $lastAccessedTime,
    s.maxInactiveSeconds = $maxInactiveSeconds, s.expiresAt = $expiresAt, s.user = $user
