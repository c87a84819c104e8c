// Which store this is, for a snapshot saved when civnet stopped (SavedSnapshot): Neo4j's id of the
// database and when it was created, which a different store (a new one, a dump loaded) does not share.
CALL db.info() YIELD id, creationDate
RETURN id + '/' + toString(creationDate) AS identity
