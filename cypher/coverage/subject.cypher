// The node a history or handover is about.
MATCH (n:Node {id: $id})
RETURN n.id AS id, coalesce(n.name, n.title, n.id) AS name, [l IN labels(n) WHERE l <> 'Node'][0] AS label,
       n.recordedBy AS recordedBy, n.createdAt AS recordedAt
