package org.civnet.snapshot;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civnet.neo4j.ChangeRecords;
import org.civnet.neo4j.CypherQueries;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.Region;
import org.civnet.domain.RiskLevel;
import org.civnet.domain.TieType;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(SnapshotReader.class);

    private static final List<String> TIE_TYPES = Arrays.stream(TieType.values()).map(Enum::name).toList();

    private final Driver driver;
    private final CypherQueries cypher;

    public SnapshotReader(Driver driver, CypherQueries cypher) {
        this.driver = driver;
        this.cypher = cypher;
    }

    public GraphData read() {
        try (Session session = driver.session(SessionConfig.builder().withFetchSize(FETCH_SIZE).build())) {
            return session.executeRead(tx -> readWhole(tx,
                    tx.run(cypher.get("graph/version")).single().get("version").asLong()));
        }
    }

    /** The identity of the store this reads ({@code cypher/snapshot/store-identity.cypher}). */
    public String storeIdentity() {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher.get("snapshot/store-identity")).single().get("identity")
                    .asString());
        }
    }

    /**
     * {@code version} and when its write committed ({@code cypher/graph/change-at.cypher}): within
     * one store, equal for two graphs at the same version only if they share that history.
     */
    public String versionStamp(long version) {
        try (Session session = driver.session()) {
            Value at = session.executeRead(tx -> tx.run(cypher.get("graph/change-at"), Map.of("version", version))
                    .single().get("at"));
            return version + ":" + (at.isNull() ? "-" : at.toString());
        }
    }

    /**
     * The graph at the current version, from {@code last}'s graph and the change records since its
     * version when they are all there and name at most {@code maxChanged} nodes, otherwise read
     * whole; all in one read transaction, so the version, the records and the rows agree.
     */
    public Refreshed refresh(Refreshed last, int maxChanged) {
        return refresh(last, maxChanged, true);
    }

    /**
     * As {@link #refresh(Refreshed, int)}, but null instead of a whole read when the change records
     * cannot bring {@code last} forward and {@code wholeIfNeeded} is false.
     */
    public Refreshed refresh(Refreshed last, int maxChanged, boolean wholeIfNeeded) {
        GraphData base = last.data();
        try (Session session = driver.session(SessionConfig.builder().withFetchSize(FETCH_SIZE).build())) {
            return session.executeRead(tx -> {
                long version = tx.run(cypher.get("graph/version")).single().get("version").asLong();
                if (version == base.graphVersion()) {
                    return new Refreshed(base, null);
                }
                Set<String> changed = ChangeRecords.changedSince(tx, cypher, base.graphVersion(), version, maxChanged);
                if (changed != null) {
                    GraphData.Builder builder = new GraphData.Builder();
                    UnreadableValues unreadable = new UnreadableValues();
                    readRows(tx, cypher.get("snapshot/changed-nodes"), Map.of("types", TIE_TYPES, "ids", List.copyOf(changed)),
                            builder, unreadable, changed);
                    SnapshotPatch.Rows rows = builder.unreadableValues(unreadable.count()).buildRows();
                    try {
                        SnapshotPatch.Patched patched = SnapshotPatch.applyWithLayout(base, last.rowIndex(), changed,
                                rows, version);
                        return new Refreshed(patched.data(), patched);
                    } catch (IllegalArgumentException e) {
                        log.debug("snapshot: cannot apply changes ({}), reading the whole graph", e.getMessage());
                    }
                }
                return wholeIfNeeded ? new Refreshed(readWhole(tx, version), null) : null;
            });
        }
    }

    /** A refreshed graph, and how it was patched from change records (null when read whole or unchanged). */
    public record Refreshed(GraphData data, SnapshotPatch.Patched patch) {
        public boolean incremental() {
            return patch != null;
        }

        /** The rows of {@link #data} by id when the patch kept them for the next one, else null. */
        IdIndex rowIndex() {
            return patch == null ? null : patch.rowIndex();
        }
    }

    private GraphData readWhole(TransactionContext tx, long version) {
        UnreadableValues unreadable = new UnreadableValues();
        GraphData.Builder builder = new GraphData.Builder();
        builder.graphVersion(version);
        readRows(tx, cypher.get("snapshot/graph"), Map.of("types", TIE_TYPES), builder, unreadable, null);
        unreadable.logOnce(log);
        return builder.unreadableValues(unreadable.count()).build();
    }

    /**
     * Maps the rows of {@code snapshot/graph} or {@code snapshot/changed-nodes} (the same columns)
     * into the builder. The changed nodes' rows also carry their incoming ties ({@code tiesIn}), of
     * which only those from nodes outside {@code changed} are kept (the others come as outgoing ties).
     */
    private void readRows(TransactionContext tx, String statement, Map<String, Object> params, GraphData.Builder builder,
                          UnreadableValues unreadable, Set<String> changed) {
        tx.run(statement, params).forEachRemaining(r -> {
            String id = r.get("id").asString(null);
            try {
                readNode(r, id, builder, unreadable);
            } catch (RuntimeException e) {
                // A node whose identity or kind cannot be read is left out, and its ties with it.
                unreadable.note(id, "node", e);
                return;
            }
            String key = r.get("key").asString();
            for (Value tie : r.get("ties").values()) {
                try {
                    readTie(key, id, tie, builder, unreadable);
                } catch (RuntimeException e) {
                    unreadable.note(id, "tie", e);
                }
            }
            if (changed != null) {
                for (Value tie : r.get("tiesIn").values()) {
                    String from = tie.get(0).asString();
                    if (!changed.contains(from)) {
                        try {
                            readTie(from, tie, key, builder, unreadable);
                        } catch (RuntimeException e) {
                            unreadable.note(from, "tie", e);
                        }
                    }
                }
            }
        });
    }

    private static void readNode(Record r, String id, GraphData.Builder builder, UnreadableValues unreadable) {
        if (id == null) {
            throw new IllegalStateException("node without an id");
        }
        builder.node(id,
                NodeLabel.valueOf(r.get("label").asString()),
                text(r.get("name"), id, "name", unreadable),
                text(r.get("subtype"), id, "kind", unreadable),
                text(r.get("country"), id, "country", unreadable),
                unreadable.read(id, "region", () -> r.get("region").isNull() ? null : Region.valueOf(r.get("region").asString()), null),
                unreadable.read(id, "themes", () -> r.get("themes").asList(Value::asString).toArray(String[]::new), new String[0]),
                // Fail safe: a risk level or confidentiality that cannot be read protects the person.
                unreadable.read(id, "riskLevel", () -> r.get("risk").isNull() ? RiskLevel.NONE
                        : RiskLevel.valueOf(r.get("risk").asString()), RiskLevel.HIGH),
                // Fail safe: a consent that cannot be read is no consent.
                unreadable.read(id, "consent", () -> consentDays(r.get("consent")), ConsentDays.NONE),
                unreadable.read(id, "confidential", () -> r.get("confidential").asBoolean(), true),
                unreadable.day(id, "createdAt", r.get("createdAt")))
                .key(r.get("key").asString());
    }

    private static void readTie(String fromKey, String fromId, Value tie, GraphData.Builder builder,
                                UnreadableValues unreadable) {
        // [to, type, trust, since, lastContact], as in cypher/snapshot/graph.cypher
        readTie(fromKey, tie, tie.get(0).asString(), builder, unreadable, fromId + " tie");
    }

    /** An incoming tie of a changed node: [from, type, trust, since, lastContact], ends by id. */
    private static void readTie(String fromId, Value tie, String toId, GraphData.Builder builder,
                                UnreadableValues unreadable) {
        readTie(fromId, tie, toId, builder, unreadable, fromId + " tie");
    }

    private static void readTie(String from, Value tie, String to, GraphData.Builder builder, UnreadableValues unreadable,
                                String where) {
        Value trust = tie.get(2);
        builder.tie(from, to, TieType.valueOf(tie.get(1).asString()),
                unreadable.read(where, "trust", () -> trust.isNull() ? 0 : trust.asInt(), 0),
                unreadable.day(where, "since", tie.get(3)), unreadable.day(where, "lastContact", tie.get(4)));
    }

    /**
     * A node's consents from {@code [given, until, withdrawn]} per purpose: a withdrawn record, or none,
     * is never current; a given date of {@code "unknown"} is current from the start; no until, to the end.
     */
    static ConsentDays consentDays(Value columns) {
        ConsentDays days = ConsentDays.NONE;
        org.civnet.domain.ConsentPurpose[] purposes = org.civnet.domain.ConsentPurpose.values();
        for (int p = 0; p < purposes.length; p++) {
            Value given = columns.get(3 * p);
            if (given.isNull() || !columns.get(3 * p + 2).isNull()) {
                continue;
            }
            int first = "unknown".equals(given.asString()) ? ConsentDays.UNKNOWN_START : epochDay(given);
            Value until = columns.get(3 * p + 1);
            days = days.with(purposes[p], first, until.isNull() ? ConsentDays.OPEN_END : epochDay(until));
        }
        return days;
    }

    private static String text(Value value, String id, String field, UnreadableValues unreadable) {
        return unreadable.read(id, field, () -> value.asString(null), null);
    }

    /**
     * The epoch day of an ISO date or timestamp string ("2024-03-01", "2024-03-01T…"). Only
     * four-digit years are dates an analysis can use; anything else (a signed or five-digit year,
     * a month 13, a number) throws, and the caller counts it as unreadable.
     */
    static int epochDay(Value value) {
        if (value == null || value.isNull()) {
            return GraphData.NO_DATE;
        }
        String s = value.asString();
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.length() > 10 && s.charAt(10) != 'T')) {
            throw new java.time.DateTimeException("not an ISO date");
        }
        int year = Integer.parseUnsignedInt(s, 0, 4, 10);
        int month = Integer.parseUnsignedInt(s, 5, 7, 10);
        int day = Integer.parseUnsignedInt(s, 8, 10, 10);
        return (int) java.time.LocalDate.of(year, month, day).toEpochDay();
    }

    /**
     * Stored values one snapshot read could not use. One bad value (written by an older civnet, by
     * hand, or by another program) must not take every analysis down: it is skipped, counted in
     * the snapshot's info, and logged once per read (node id and field, never the value, which may
     * be confidential).
     */
    static final class UnreadableValues {
        private int count;
        private String first;

        <T> T read(String id, String field, java.util.function.Supplier<T> reader, T fallback) {
            try {
                return reader.get();
            } catch (RuntimeException e) {
                note(id, field, e);
                return fallback;
            }
        }

        int day(String id, String field, Value value) {
            try {
                return epochDay(value);
            } catch (RuntimeException e) {
                note(id, field, e);
                return GraphData.NO_DATE;
            }
        }

        void note(String id, String field, RuntimeException e) {
            if (count++ == 0) {
                first = field + " of " + id + " (" + e.getClass().getSimpleName() + ")";
            }
        }

        int count() {
            return count;
        }

        void logOnce(Logger log) {
            if (count > 0) {
                log.warn("snapshot: skipped {} stored value(s) that cannot be read, first: {}", count, first);
            }
        }
    }
}
