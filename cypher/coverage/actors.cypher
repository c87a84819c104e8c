// Contacts and organisations with what the coverage report counts them by.
MATCH (n:Node)
WHERE n:Contact OR n:Organisation
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Node'][0] AS label, n.country AS country, n.region AS region,
       coalesce(n.themes, []) AS themes, coalesce(n.kind, n.type) AS subtype, n.ecosocStatus AS ecosocStatus,
       n.createdAt AS createdAt
