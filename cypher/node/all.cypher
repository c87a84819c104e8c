MATCH (n:{{label}})
RETURN n
ORDER BY n.id
