// A known value encrypted under the field key: a key that cannot open it is not this store's key.
MATCH (s:Secret {name: 'field-key-check'})
RETURN s.value AS value
