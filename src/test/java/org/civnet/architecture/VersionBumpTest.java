package org.civnet.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.civnet.neo4j.CypherQueries;
import org.junit.jupiter.api.Test;

/**
 * No write bumps the graph version without recording what it changed: the bump statement is run
 * only by {@code Transactions.bumpVersion(tx, changes)}, and the statement creates the record in
 * the same transaction. A write that bumped past it would leave every incrementally kept snapshot
 * stale.
 */
class VersionBumpTest {

    @Test
    void onlyTransactionsRunsTheBumpStatement() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> bumping = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains("\"graph/bump-version\"") || read(f).contains(":GraphVersion"))
                    .map(f -> f.getFileName().toString()).toList();
            assertThat(bumping).containsExactly("Transactions.java");
        }
    }

    @Test
    void theBumpStatementRecordsTheChangeUnderTheNewVersion() {
        String statement = new CypherQueries().get("graph/bump-version");
        assertThat(statement).contains("CREATE (:GraphChange {version: v.version, nodes: $nodes, everything: $everything");
        try (Stream<Path> files = Files.walk(Path.of("cypher"))) {
            List<String> others = files.filter(f -> f.toString().endsWith(".cypher"))
                    .filter(f -> !f.endsWith(Path.of("graph", "bump-version.cypher")))
                    .filter(f -> read(f).contains("v.version =") || read(f).contains("SET v.version"))
                    .map(Path::toString).toList();
            assertThat(others).as("statements that set the graph version").isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
