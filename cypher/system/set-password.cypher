// Run in process on the system database at every start of the embedded server (see EmbeddedNeo4j).
ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED
