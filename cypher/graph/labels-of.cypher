// Which kind each id is, for validating ties against what the store already holds.
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Node'][0] AS label
