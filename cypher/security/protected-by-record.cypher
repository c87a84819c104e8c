// Contacts whose own record makes them appear only as a pseudonym to roles without clearance:
// confidential, or at any risk. With security/sources-of-communications, who is protected.
MATCH (n:Contact)
WHERE n.confidential = true OR coalesce(n.riskLevel, 'NONE') <> 'NONE'
RETURN n.id AS id, coalesce(n.name, n.id) AS name
