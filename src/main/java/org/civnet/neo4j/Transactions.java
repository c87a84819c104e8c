package org.civnet.neo4j;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;

/**
 * The one way civnet runs its statements: each call is a transaction function (retried by the driver
 * on transient failures, so the work must be idempotent), on a session of its own, with a statement
 * from {@code cypher/} and parameters; rows come back mapped to records by the caller's function.
 */
@Component
public class Transactions {

    private final Driver driver;
    private final CypherQueries cypher;

    public Transactions(Driver driver, CypherQueries cypher) {
        this.driver = driver;
        this.cypher = cypher;
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
        try (Session session = driver.session()) {
            return session.executeWrite(work::apply);
        }
    }

    public CypherQueries statements() {
        return cypher;
    }
}
