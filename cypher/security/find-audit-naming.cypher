// Entries whose target or detail may name one of $identifiers (the caller checks whole words).
MATCH (a:AuditEntry)
WHERE any(s IN $identifiers WHERE a.target CONTAINS s OR a.detail CONTAINS s)
RETURN a.id AS id, a.target AS target, a.detail AS detail
