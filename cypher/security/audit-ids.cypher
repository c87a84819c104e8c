// Ids already in the audit log, so a restore appends only the entries that are not there yet.
MATCH (a:AuditEntry)
RETURN a.id AS id
