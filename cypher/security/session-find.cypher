// A page session by the SHA-256 of its id (the id itself, the cookie's value, is never stored).
MATCH (s:WebSession {key: $key})
RETURN s.attributes AS attributes, s.creationTime AS creationTime, s.lastAccessedTime AS lastAccessedTime,
       s.maxInactiveSeconds AS maxInactiveSeconds
