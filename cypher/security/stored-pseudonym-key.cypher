// The deployment's pseudonym key, if one was created.
MATCH (s:Secret {name: 'pseudonym-key'})
RETURN s.value AS value
