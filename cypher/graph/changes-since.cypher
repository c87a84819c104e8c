// The change records of the graph versions after $since up to $until (graph/bump-version writes
// them): a snapshot at $since applies them instead of reading the whole graph again. Fewer rows
// than versions means some were pruned (or written by a civnet that kept none): read it all.
MATCH (c:GraphChange)
WHERE c.version > $since AND c.version <= $until
RETURN c.version AS version, c.everything AS everything, c.nodes AS nodes
