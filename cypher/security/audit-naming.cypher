// Audit entries whose target or detail mentions any of $subjects (an erased person's id, pseudonym or
// name), case-insensitively; the caller decides which mentions are whole words.
MATCH (a:AuditEntry)
WHERE any(s IN $subjects WHERE toLower(coalesce(a.target, '')) CONTAINS s OR toLower(coalesce(a.detail, '')) CONTAINS s)
RETURN a.id AS id, a.target AS target, a.detail AS detail
