// Sets only the follow-up status of an existing participation tie, keeping its other properties.
MATCH (p:Node {id: $participant})-[r:{{type}}]->(a:Node {id: $activity})
WITH r, r.followUp AS before
SET r.followUp = $followUp
RETURN count(r) AS matched, sum(CASE WHEN coalesce(before, '') <> $followUp THEN 1 ELSE 0 END) AS changed
