// Contacts whose channels or notes are not yet sealed under their own data key ($prefix, see
// network/PersonKeys): written in clear text before encryption was on, or under the field key itself
// before data keys per person.
MATCH (c:Contact)
WHERE (c.channels IS NOT NULL AND NOT (c.channels IS :: STRING AND c.channels STARTS WITH $prefix))
   OR (c.notes IS NOT NULL AND NOT c.notes STARTS WITH $prefix)
RETURN c.id AS id, c.channels AS channels, c.notes AS notes
LIMIT $limit
