// Every node an analysis may see, with the attribute columns of the snapshot and its outgoing ties
// (introductions are records of a workflow, not actors, and never become vertices). One row per node
// with its ties as a list, not one row per tie: at a million ties, streaming them as rows took
// 4.5 s, as lists 2.7 s (per-record cost of Bolt; see docs/BENCHMARKS.md). A tie to a node that is not a vertex
// (an Introduction) is dropped by the reader. Ties name their far end by element id, stable within
// this one read transaction and cheaper than reading the far node's id property (0.5 s of 3.5).
// consent: [given, until, withdrawn] of each purpose in ConsentPurpose order (network/ConsentProperties).
MATCH (n:Node)
WHERE NOT n:Introduction
RETURN elementId(n) AS key,
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
       [(n)-[r]->(b:Node) WHERE type(r) IN $types | [elementId(b), type(r), r.trust, r.since, r.lastContact]] AS ties
