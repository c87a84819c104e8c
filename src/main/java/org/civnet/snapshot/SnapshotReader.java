package org.civnet.snapshot;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.civnet.neo4j.CypherQueries;
import org.civnet.network.NodeLabel;
import org.civnet.network.Region;
import org.civnet.network.RiskLevel;
import org.civnet.network.TieType;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the whole analysable graph in one read transaction, so columns and version agree: one row
 * per node with its outgoing ties as a list ({@code cypher/snapshot/graph.cypher}).
 *
 * <p>Measured at 100k contacts and 1M ties (docs/BENCHMARKS.md): most of the read is the store's
 * work per tie in the one thread that runs the query. Reading the nodes in concurrent parts was
 * tried and gained nothing on two cores (the client's decoding takes the other core).
 */
@Component
public class SnapshotReader {

    /**
     * Records per network round trip: the driver's default (1000) costs about 15% of a 100k-node
     * read in round trips; larger batches only add memory.
     */
    private static final int FETCH_SIZE = 10_000;

    private static final List<String> TIE_TYPES = Arrays.stream(TieType.values()).map(Enum::name).toList();

    private final Driver driver;
    private final CypherQueries cypher;

    public SnapshotReader(Driver driver, CypherQueries cypher) {
        this.driver = driver;
        this.cypher = cypher;
    }

    public GraphData read() {
        try (Session session = driver.session(SessionConfig.builder().withFetchSize(FETCH_SIZE).build())) {
            return session.executeRead(tx -> {
                GraphData.Builder builder = new GraphData.Builder();
                builder.graphVersion(tx.run(cypher.get("graph/version")).single().get("version").asLong());
                readRows(tx, builder);
                return builder.build();
            });
        }
    }

    private void readRows(TransactionContext tx, GraphData.Builder builder) {
        tx.run(cypher.get("snapshot/graph"), Map.of("types", TIE_TYPES)).forEachRemaining(r -> {
            String key = r.get("key").asString();
            builder.node(r.get("id").asString(),
                    NodeLabel.valueOf(r.get("label").asString()),
                    r.get("name").asString(null),
                    r.get("subtype").asString(null),
                    r.get("country").asString(null),
                    r.get("region").isNull() ? null : Region.valueOf(r.get("region").asString()),
                    r.get("themes").asList(Value::asString).toArray(String[]::new),
                    r.get("risk").isNull() ? RiskLevel.NONE : RiskLevel.valueOf(r.get("risk").asString()),
                    r.get("consent").asBoolean(),
                    r.get("confidential").asBoolean(),
                    epochDay(r.get("createdAt")))
                    .key(key);
            for (Value tie : r.get("ties").values()) {
                // [to, type, trust, since, lastContact], as in cypher/snapshot/graph.cypher
                Value trust = tie.get(2);
                builder.tie(key, tie.get(0).asString(), TieType.valueOf(tie.get(1).asString()),
                        trust.isNull() ? 0 : trust.asInt(), epochDay(tie.get(3)), epochDay(tie.get(4)));
            }
        });
    }

    /** The epoch day of an ISO date or timestamp string ("2024-03-01", "2024-03-01T…"). */
    static int epochDay(Value value) {
        if (value == null || value.isNull()) {
            return GraphData.NO_DATE;
        }
        String s = value.asString();
        if (s.length() < 10) {
            return GraphData.NO_DATE;
        }
        int year = Integer.parseInt(s, 0, 4, 10);
        int month = Integer.parseInt(s, 5, 7, 10);
        int day = Integer.parseInt(s, 8, 10, 10);
        return (int) java.time.LocalDate.of(year, month, day).toEpochDay();
    }
}
