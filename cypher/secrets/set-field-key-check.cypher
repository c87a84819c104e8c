MERGE (s:Secret {name: 'field-key-check'})
SET s.value = $value
