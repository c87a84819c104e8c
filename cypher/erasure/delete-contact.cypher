// The contact and every tie it has: ties between people and organisations, and its participations in
// activities (SOURCE_OF, MET_DURING, ATTENDED); the activities themselves stay.
MATCH (c:Contact {id: $id})
OPTIONAL MATCH (c)-[r]-()
WITH c, sum(CASE WHEN type(r) IN ['SOURCE_OF', 'MET_DURING', 'ATTENDED'] THEN 1 ELSE 0 END) AS participations,
     count(r) AS all
DETACH DELETE c
RETURN all - participations AS ties, participations
