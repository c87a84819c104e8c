// Every node an analysis may see, with the attribute columns of the snapshot (introductions are
// records of a workflow, not actors, and never become vertices).
MATCH (n:Node)
WHERE NOT n:Introduction
RETURN n.id AS id,
       [l IN labels(n) WHERE l <> 'Node'][0] AS label,
       coalesce(n.name, n.title, n.type, n.country, n.id) AS name,
       coalesce(n.kind, n.type) AS subtype,
       n.country AS country,
       n.region AS region,
       coalesce(n.themes, []) AS themes,
       n.riskLevel AS risk,
       coalesce(n.consentToIntroduce, false) AS consent,
       coalesce(n.confidential, false) AS confidential,
       n.createdAt AS createdAt
