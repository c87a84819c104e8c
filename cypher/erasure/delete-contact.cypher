// The contact and every tie it has: ties between people and organisations, and its participations in
// activities (SOURCE_OF, MET_DURING, ATTENDED); the activities themselves stay. Says which nodes lost a
// tie (for the snapshot's record of what changed).
MATCH (c:Contact {id: $id})
OPTIONAL MATCH (c)-[r]-(other)
WITH c, sum(CASE WHEN type(r) IN ['SOURCE_OF', 'MET_DURING', 'ATTENDED'] THEN 1 ELSE 0 END) AS participations,
     count(r) AS all, collect(DISTINCT other.id) AS neighbours
DETACH DELETE c
RETURN all - participations AS ties, participations, neighbours
