// Contacts whose channels or notes are not yet encrypted under the primary field key: written before
// encryption was on, or under a key that has since been rotated out.
MATCH (c:Contact)
WHERE (c.channels IS NOT NULL AND NOT (c.channels IS :: STRING AND c.channels STARTS WITH $prefix))
   OR (c.notes IS NOT NULL AND NOT c.notes STARTS WITH $prefix)
RETURN c.id AS id, c.channels AS channels, c.notes AS notes
LIMIT $limit
