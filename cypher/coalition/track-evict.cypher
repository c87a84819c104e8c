// Keeps the $keep most recently stored coalition numberings (each scope, algorithm and options is one).
MATCH (t:CoalitionTrack)
WITH t ORDER BY t.savedAt DESC
SKIP $keep
DELETE t
