// Every write transaction bumps the graph version and records under the new version what it
// changed, in the same transaction: $nodes are the ids whose row or incident ties changed (deleted
// ones included), $everything says the writer could not list them (a migration, a large batch).
// Snapshots on every replica apply these records instead of re-reading the graph
// (graph/changes-since). Records older than the last $keep versions go; a reader that needs a
// pruned one reads the whole graph.
MERGE (v:GraphVersion {id: 'graph'})
SET v.version = coalesce(v.version, 0) + 1
CREATE (:GraphChange {version: v.version, nodes: $nodes, everything: $everything, at: $at})
WITH v
OPTIONAL MATCH (old:GraphChange) WHERE old.version <= v.version - $keep
DELETE old
RETURN DISTINCT v.version AS version
