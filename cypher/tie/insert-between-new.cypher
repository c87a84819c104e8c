// Batched import of ties whose two ends this same import created (most of a fresh import): like
// tie/insert-new, but each end is found by the element id node/insert-new returned for it
// (row.a, row.b), an element-id seek, instead of by the unique id index, whose locking seek was
// about a fifth of the server's time in the tie phase. An element id names a node only while it
// lives: once the node is deleted, another may get it. So each end must also still be a Node
// carrying the id the tie names; a row whose ends do not is left out, and the caller, seeing fewer
// ties created than rows, fails the whole batch before it commits. The label is tested as
// 'Node' IN labels(a), not a:Node: with a:Node AND a.id = row.from the planner goes back to the
// locking unique-index seek (checked by TieEndsByElementIdIT).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a AND 'Node' IN labels(a) AND a.id = row.from
MATCH (b) WHERE elementId(b) = row.b AND 'Node' IN labels(b) AND b.id = row.to
CREATE (a)-[r:{{type}}]->(b)
SET r = row.props
RETURN count(r) AS created, 0 AS updated
