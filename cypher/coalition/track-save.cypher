// Stores the numbering at $version, keeping the one it was compared with as the previous one; only if
// the stored numbering is still the one that was read ($base, -1 for none): a concurrent request that
// stored first wins, and the next request compares with what it stored.
MERGE (t:CoalitionTrack {key: $key})
WITH t
WHERE coalesce(t.version, -1) = $base AND $version > coalesce(t.version, -1)
SET t.previousVersion = t.version, t.previousIds = t.ids, t.previousNumbers = t.numbers, t.previousNext = t.next,
    t.version = $version, t.ids = $ids, t.numbers = $numbers, t.next = $next, t.savedAt = datetime()
RETURN count(t) AS saved
