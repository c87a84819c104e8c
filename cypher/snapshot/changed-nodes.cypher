// The rows of the nodes that change records name, with the same columns as snapshot/graph (the
// reader maps both with one method; SnapshotStatementsTest keeps the column lists equal), and every
// tie touching them: all their outgoing and incoming ties (the reader keeps an incoming tie only
// when its far end is not in $ids, so each comes once). Ties name both ends by id here: the rest
// of the graph is not read, so its element ids mean nothing to the reader.
UNWIND $ids AS wanted
MATCH (n:Node {id: wanted})
WHERE NOT n:Introduction
RETURN n.id AS key,
       n.id AS id,
       [l IN labels(n) WHERE l <> 'Node'][0] AS label,
       coalesce(n.name, n.title, n.type, n.country, n.id) AS name,
       coalesce(n.kind, n.type) AS subtype,
       n.country AS country,
       n.region AS region,
       coalesce(n.themes, []) AS themes,
       n.riskLevel AS risk,
       [n.consentIntroduceGiven, n.consentIntroduceUntil, n.consentIntroduceWithdrawn,
        n.consentBeIntroducedGiven, n.consentBeIntroducedUntil, n.consentBeIntroducedWithdrawn,
        n.consentNameToMandateGiven, n.consentNameToMandateUntil, n.consentNameToMandateWithdrawn] AS consent,
       coalesce(n.confidential, false) AS confidential,
       n.createdAt AS createdAt,
       [(n)-[r]->(b:Node) WHERE type(r) IN $types | [b.id, type(r), r.trust, r.since, r.lastContact]] AS ties,
       [(a:Node)-[r]->(n) WHERE type(r) IN $types | [a.id, type(r), r.trust, r.since, r.lastContact]] AS tiesIn
