// A session read by this request: updated only if it still exists, so a request that was running while
// the session was logged out, or its user deleted, cannot bring it back.
MATCH (s:WebSession {key: $key})
SET s.attributes = $attributes, s.lastAccessedTime = $lastAccessedTime,
    s.maxInactiveSeconds = $maxInactiveSeconds, s.expiresAt = $expiresAt, s.user = $user
