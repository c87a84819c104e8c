package org.civnet.neo4j;

import java.util.EnumSet;
import java.util.Set;

import org.civnet.domain.Changes;
import org.civnet.domain.NodeLabel;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/schema/} at start-up, before anything reads or writes: every statement is
 * {@code IF NOT EXISTS}, so this is idempotent against an existing store or cluster. Then it runs
 * the data migrations of {@code cypher/migration/}, which bring a store written by an older civnet
 * to the current shape (each returns how many nodes it {@code changed}, and changes nothing the
 * second time), so old data keeps working without a manual step.
 */
@Component
public class Neo4jSchema {

    private static final Logger log = LoggerFactory.getLogger(Neo4jSchema.class);
    private static final Set<NodeLabel> LOCATED = EnumSet.of(NodeLabel.Contact, NodeLabel.Organisation, NodeLabel.Mandate);
    private static final Set<NodeLabel> NAMED = EnumSet.of(NodeLabel.Contact, NodeLabel.Organisation, NodeLabel.Network);

    private final Driver driver;
    private final CypherQueries cypher;
    private final Transactions transactions;

    public Neo4jSchema(Driver driver, CypherQueries cypher, Transactions transactions) {
        this.driver = driver;
        this.cypher = cypher;
        this.transactions = transactions;
        try (Session session = driver.session()) {
            for (String name : cypher.namesUnder("schema")) {
                switch (name) {
                    case "schema/node-id-unique" -> {
                        for (NodeLabel label : NodeLabel.values()) {
                            session.run(cypher.get(name, label)).consume();
                        }
                    }
                    case "schema/index-region" -> LOCATED.stream().filter(l -> l != NodeLabel.Mandate)
                            .forEach(l -> session.run(cypher.get(name, l)).consume());
                    case "schema/index-country" -> LOCATED.forEach(l -> session.run(cypher.get(name, l)).consume());
                    case "schema/index-name" -> NAMED.forEach(l -> session.run(cypher.get(name, l)).consume());
                    default -> session.run(cypher.get(name)).consume();
                }
            }
            session.run(cypher.get("graph/await-indexes")).consume();
        }
        log.info("Neo4j schema applied ({} statements)", cypher.namesUnder("schema").size());
        migrate();
    }

    /**
     * Runs every statement of {@code cypher/migration/} in name order, each in its own transaction,
     * and bumps the graph version when one changed something, recording a change of everything
     * (migrations do not list what they touched; snapshots then read the whole graph).
     *
     * @return how many nodes were changed (0 on a store that is already current)
     */
    public long migrate() {
        long changed = 0;
        try (Session session = driver.session()) {
            for (String name : cypher.namesUnder("migration")) {
                long count = session.executeWrite(tx -> tx.run(cypher.get(name)).single().get("changed").asLong());
                if (count > 0) {
                    log.info("Neo4j migration {}: {} nodes changed", name, count);
                }
                changed += count;
            }
            if (changed > 0) {
                session.executeWrite(tx -> transactions.bumpVersion(tx, Changes.everything()));
            }
        }
        return changed;
    }
}
