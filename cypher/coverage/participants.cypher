// Who took part in one activity (sources, people met, participants) and their follow-up status.
MATCH (p:Node)-[r:SOURCE_OF|MET_DURING|ATTENDED]->(a:Node {id: $activity})
RETURN p.id AS id, coalesce(p.name, p.id) AS name, [l IN labels(p) WHERE l <> 'Node'][0] AS label,
       type(r) AS tie, r.followUp AS followUp, r.since AS since
ORDER BY id
