MERGE (s:WebSession {key: $key})
SET s.attributes = $attributes, s.creationTime = $creationTime, s.lastAccessedTime = $lastAccessedTime,
    s.maxInactiveSeconds = $maxInactiveSeconds, s.expiresAt = $expiresAt, s.user = $user
