package org.civnet.neo4j;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Reads the change records {@link Transactions#bumpVersion} leaves: which nodes the writes between
 * two graph versions touched. Every cache kept per graph version (the analysis snapshot, the
 * redactor's protected people) brings itself forward from them instead of reading everything again.
 */
public final class ChangeRecords {

    private ChangeRecords() {
    }

    /**
     * The nodes the records after {@code since} up to {@code until} name, or null when one is
     * missing (pruned, or a version bumped without a record), says everything changed, or they
     * name more than {@code maxChanged} nodes: the caller then reads everything.
     */
    public static Set<String> changedSince(TransactionContext tx, CypherQueries cypher, long since, long until,
                                           int maxChanged) {
        if (until < since || since < 0) {
            return null;
        }
        Set<String> changed = new HashSet<>();
        long records = 0;
        for (Record r : tx.run(cypher.get("graph/changes-since"), Map.of("since", since, "until", until)).list()) {
            if (r.get("everything").asBoolean(true)) {
                return null;
            }
            records++;
            changed.addAll(r.get("nodes").asList(Value::asString));
            if (changed.size() > maxChanged) {
                return null;
            }
        }
        return records == until - since ? changed : null;
    }
}
