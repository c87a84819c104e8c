// Upper bounds of the snapshot's vertices and ties, from the store's counts (constant time, no
// scan): every node and every relationship, introductions and all, so a read is never admitted on
// a count lower than what it will hold.
CALL { MATCH (n:Node) RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS ties }
RETURN nodes, ties
