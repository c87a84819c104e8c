// Entries whose target or detail may name one of $identifiers, given in lower case (any case matches;
// the caller checks whole words).
MATCH (a:AuditEntry)
WHERE any(s IN $identifiers WHERE toLower(coalesce(a.target, '')) CONTAINS s OR toLower(coalesce(a.detail, '')) CONTAINS s)
RETURN a.id AS id, a.target AS target, a.detail AS detail
