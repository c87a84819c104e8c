// Data keys not wrapped under the primary field key (it was rotated since they were made).
MATCH (k:PersonKey)
WHERE NOT k.wrapped STARTS WITH $prefix
RETURN k.contact AS contact, k.wrapped AS wrapped
LIMIT $limit
