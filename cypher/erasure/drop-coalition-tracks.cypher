// Stored coalition numberings that list the erased person: dropped (the next analysis numbers afresh).
MATCH (t:CoalitionTrack)
WHERE $id IN coalesce(t.ids, []) OR $id IN coalesce(t.previousIds, [])
WITH collect(t) AS tracks
FOREACH (t IN tracks | DELETE t)
RETURN size(tracks) AS tracks
