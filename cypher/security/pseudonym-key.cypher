// The deployment's pseudonym key: created once, then the same for every instance and restart.
MERGE (s:Secret {name: 'pseudonym-key'})
ON CREATE SET s.value = $candidate
RETURN s.value AS value
