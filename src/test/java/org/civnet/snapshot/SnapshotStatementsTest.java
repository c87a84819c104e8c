package org.civnet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civnet.neo4j.CypherQueries;
import org.junit.jupiter.api.Test;

/**
 * The whole read and the read of changed nodes return the same node columns, computed the same way
 * (one reader method maps both): a column added to one statement and not the other would make a
 * patched snapshot differ from a fresh one.
 */
class SnapshotStatementsTest {

    private static final Pattern COLUMN = Pattern.compile("(?m)^(?:RETURN)?\\s*(.+?) AS (\\w+),?\\s*$");

    @Test
    void theChangedNodesReadReturnsTheColumnsOfTheWholeRead() {
        CypherQueries cypher = new CypherQueries();
        List<String> whole = columns(cypher.get("snapshot/graph"));
        List<String> changed = columns(cypher.get("snapshot/changed-nodes"));
        assertThat(whole).contains("id <- n.id", "label <- [l IN labels(n) WHERE l <> 'Node'][0]");
        // Keys and tie ends are element ids in the whole read and ids in the changed one; the rest is equal.
        assertThat(without(changed, "key", "ties", "tiesIn")).isEqualTo(without(whole, "key", "ties"));
        assertThat(changed).anyMatch(c -> c.startsWith("tiesIn <- "));
    }

    private static List<String> columns(String statement) {
        String returned = statement.substring(statement.indexOf("RETURN"));
        List<String> out = new ArrayList<>();
        Matcher m = COLUMN.matcher(returned);
        while (m.find()) {
            out.add(m.group(2) + " <- " + m.group(1).trim());
        }
        return out;
    }

    private static List<String> without(List<String> columns, String... names) {
        List<String> out = new ArrayList<>(columns);
        for (String name : names) {
            out.removeIf(c -> c.startsWith(name + " <- "));
        }
        return out;
    }
}
