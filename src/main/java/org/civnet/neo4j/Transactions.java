package org.civnet.neo4j;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.civnet.config.CivnetProperties;
import org.civnet.domain.Changes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one way civnet runs its statements: each call is a transaction function (retried by the driver
 * on transient failures, so the work must be idempotent), on a session of its own, with a statement
 * from {@code cypher/} and parameters; rows come back mapped to records by the caller's function.
 */
@Component
public class Transactions {

    /** Graph versions whose change record stays when no configuration says otherwise. */
    static final int DEFAULT_CHANGE_RECORDS = 10_000;

    /**
     * Most ids one change record lists; a write that touched more records "everything" (readers
     * crossing it read the whole graph, which is quicker than applying that many changes anyway).
     * Twice the largest import batch, so an import's tie batch still lists its ends.
     */
    static final int MAX_IDS_PER_CHANGE = 200_000;

    private final Driver driver;
    private final CypherQueries cypher;
    private final int changeRecords;
    private final List<CommitListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What the write transaction running on this thread recorded, told to the listeners once it commits. */
    private final ThreadLocal<Recorded> recordedHere = new ThreadLocal<>();

    private record Recorded(Changes changes, long version) {
    }

    /**
     * Told, on the writer's thread right after a write transaction of this instance committed, what
     * it recorded ({@link #bumpVersion}) and the graph version it made; it must return at once (hand
     * any work to another thread).
     */
    @FunctionalInterface
    public interface CommitListener {
        void committed(Changes changes, long version);
    }

    public Transactions(Driver driver, CypherQueries cypher) {
        this(driver, cypher, DEFAULT_CHANGE_RECORDS);
    }

    @Autowired
    public Transactions(Driver driver, CypherQueries cypher, CivnetProperties properties) {
        this(driver, cypher, properties.analysis().changeRecords());
    }

    private Transactions(Driver driver, CypherQueries cypher, int changeRecords) {
        this.driver = driver;
        this.cypher = cypher;
        this.changeRecords = changeRecords;
    }

    /**
     * Bumps the graph version and records under it what this write changed, in the write's own
     * transaction: the one call every write of network data makes (a write that bumps without a
     * record would leave other snapshots stale). List the ids of every node whose row or incident
     * ties the transaction created, changed or deleted ({@link Changes#of}); bulk writes that cannot
     * list them pass {@link Changes#everything()}, which makes every snapshot read the graph again.
     *
     * @return the new graph version
     */
    public long bumpVersion(TransactionContext tx, Changes changes) {
        Changes recorded = changes.limitedTo(MAX_IDS_PER_CHANGE);
        long version = tx.run(cypher.get("graph/bump-version"), Map.of(
                "nodes", List.copyOf(recorded.nodes()),
                "everything", recorded.all(),
                "at", Instant.now().toEpochMilli(),
                "keep", changeRecords)).single().get("version").asLong();
        // A retried transaction function records again: the last attempt's record is the one committed.
        recordedHere.set(new Recorded(recorded, version));
        return version;
    }

    /** The statements a feature needs; a missing one fails start-up (see {@link CypherQueries#require}). */
    public Transactions require(String... statements) {
        cypher.require(statements);
        return this;
    }

    public <T> List<T> read(String statement, Map<String, Object> params, Function<Record, T> row) {
        return inRead(tx -> tx.run(cypher.get(statement), params).list(row::apply));
    }

    public <T> List<T> write(String statement, Map<String, Object> params, Function<Record, T> row) {
        return inWrite(tx -> tx.run(cypher.get(statement), params).list(row::apply));
    }

    /** A write whose rows nobody needs. */
    public void run(String statement, Map<String, Object> params) {
        inWrite(tx -> tx.run(cypher.get(statement), params).consume());
    }

    public <T> T inRead(Function<TransactionContext, T> work) {
        try (Session session = driver.session()) {
            return session.executeRead(work::apply);
        }
    }

    public <T> T inWrite(Function<TransactionContext, T> work) {
        recordedHere.remove();
        try {
            T result;
            try (Session session = driver.session()) {
                result = session.executeWrite(work::apply);
            }
            Recorded committed = recordedHere.get();
            if (committed != null) {
                for (CommitListener listener : listeners) {
                    listener.committed(committed.changes(), committed.version());
                }
            }
            return result;
        } finally {
            recordedHere.remove();
        }
    }

    /** Adds a listener for this instance's committed writes ({@link CommitListener}). */
    public void onCommit(CommitListener listener) {
        listeners.add(listener);
    }

    public CypherQueries statements() {
        return cypher;
    }
}
