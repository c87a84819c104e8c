// Every contact's channels and notes as stored (sealed under the person's data key): what a backup
// keeps of them, so that destroying a person's key reaches the backup too.
MATCH (c:Contact)
WHERE c.channels IS NOT NULL OR c.notes IS NOT NULL
RETURN c.id AS id, c.channels AS channels, c.notes AS notes
ORDER BY c.id
