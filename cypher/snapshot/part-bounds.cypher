// Where to cut the nodes of snapshot/graph into $parts parts of about as many nodes each: the
// ids at every 1/$parts of them in id order (the reader reads the parts on several cores). Ids are
// unique and never change, so a part is the same set of nodes in every transaction.
MATCH (n:Node)
WHERE NOT n:Introduction
WITH n.id AS id
ORDER BY id
WITH collect(id) AS ids
RETURN [i IN range(1, $parts - 1) | ids[i * size(ids) / $parts]] AS bounds
