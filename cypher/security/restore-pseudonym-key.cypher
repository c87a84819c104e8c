// Restores the pseudonym key only where none exists yet, so pseudonyms stay what they were before the backup
// (an existing key may already be cached by running instances and is never replaced).
MERGE (s:Secret {name: 'pseudonym-key'})
ON CREATE SET s.value = $value
RETURN s.value = $value AS restored
