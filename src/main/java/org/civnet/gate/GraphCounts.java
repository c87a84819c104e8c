package org.civnet.gate;

import org.civnet.neo4j.CypherQueries;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Component;

/**
 * The store's node and relationship counts ({@code cypher/snapshot/count-graph.cypher}), answered
 * from Neo4j's count store in constant time: upper bounds of any snapshot's vertices and ties.
 */
@Component
public class GraphCounts {

    /** Upper bounds of the vertices and ties a snapshot read would hold. */
    public record Counts(long nodes, long ties) {
    }

    private final Driver driver;
    private final CypherQueries cypher;

    public GraphCounts(Driver driver, CypherQueries cypher) {
        this.driver = driver;
        this.cypher = cypher;
    }

    public Counts count() {
        try (Session session = driver.session()) {
            Record row = session.executeRead(tx -> tx.run(cypher.get("snapshot/count-graph")).single());
            return new Counts(row.get("nodes").asLong(), row.get("ties").asLong());
        }
    }
}
