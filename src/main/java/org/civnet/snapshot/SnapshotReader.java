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
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/** Reads the whole analysable graph in one read transaction, so columns and version agree. */
@Component
public class SnapshotReader {

    private static final List<String> TIE_TYPES = Arrays.stream(TieType.values()).map(Enum::name).toList();

    private final Driver driver;
    private final CypherQueries cypher;

    public SnapshotReader(Driver driver, CypherQueries cypher) {
        this.driver = driver;
        this.cypher = cypher;
    }

    public GraphData read() {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> {
                GraphData.Builder builder = new GraphData.Builder();
                builder.graphVersion(tx.run(cypher.get("graph/version")).single().get("version").asLong());
                tx.run(cypher.get("snapshot/nodes")).forEachRemaining(r -> builder.node(
                        r.get("id").asString(),
                        NodeLabel.valueOf(r.get("label").asString()),
                        r.get("name").asString(null),
                        r.get("subtype").asString(null),
                        r.get("country").asString(null),
                        r.get("region").isNull() ? null : Region.valueOf(r.get("region").asString()),
                        r.get("themes").asList(Value::asString).toArray(String[]::new),
                        r.get("risk").isNull() ? RiskLevel.NONE : RiskLevel.valueOf(r.get("risk").asString()),
                        r.get("consent").asBoolean(),
                        r.get("confidential").asBoolean(),
                        epochDay(r.get("createdAt"))));
                tx.run(cypher.get("snapshot/ties"), Map.of("types", TIE_TYPES)).forEachRemaining(r -> builder.tie(
                        r.get("from").asString(),
                        r.get("to").asString(),
                        TieType.valueOf(r.get("type").asString()),
                        r.get("trust").isNull() ? 0 : r.get("trust").asInt(),
                        epochDay(r.get("since")),
                        epochDay(r.get("lastContact"))));
                return builder.build();
            });
        }
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
