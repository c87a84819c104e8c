package org.civnet.neo4j;

import java.util.EnumSet;
import java.util.Set;

import org.civnet.network.NodeLabel;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/schema/} at start-up, before anything reads or writes: every statement is
 * {@code IF NOT EXISTS}, so this is idempotent against an existing store or cluster.
 */
@Component
public class Neo4jSchema {

    private static final Logger log = LoggerFactory.getLogger(Neo4jSchema.class);
    private static final Set<NodeLabel> LOCATED = EnumSet.of(NodeLabel.Contact, NodeLabel.Organisation, NodeLabel.Mandate);
    private static final Set<NodeLabel> NAMED = EnumSet.of(NodeLabel.Contact, NodeLabel.Organisation, NodeLabel.Network);

    public Neo4jSchema(Driver driver, CypherQueries cypher) {
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
    }
}
