// When the write that made graph version $version committed (epoch milliseconds; null when its
// record was pruned, or for version 0): with the store's identity, it tells a graph saved at that
// version from one of another history of the same store (a copy rolled back and written again).
OPTIONAL MATCH (c:GraphChange {version: $version})
RETURN c.at AS at
