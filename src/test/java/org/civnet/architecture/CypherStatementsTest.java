package org.civnet.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.civnet.neo4j.CypherQueries;
import org.junit.jupiter.api.Test;

/**
 * Every statement name the code asks for exists under {@code cypher/}, and every statement there is
 * used: a typo in a name fails here, not in the one request that reaches it.
 */
class CypherStatementsTest {

    /**
     * A statement name as the code writes it: {@code "folder/name"} passed to the statement helpers, for
     * every folder under {@code cypher/} (a new folder needs no edit here).
     */
    private static Pattern statementName() throws IOException {
        try (Stream<Path> folders = Files.list(Path.of("cypher"))) {
            String names = String.join("|", folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList());
            return Pattern.compile("\"((?:" + names + ")/[a-z0-9-]+)\"");
        }
    }

    @Test
    void everyStatementTheCodeNamesExistsAndEveryStatementIsNamed() throws IOException {
        Pattern statement = statementName();
        CypherQueries statements = new CypherQueries();
        TreeSet<String> named = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = statement.matcher(Files.readString(file));
                while (m.find()) {
                    named.add(m.group(1));
                    try {
                        statements.get(m.group(1));
                    } catch (IllegalStateException e) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        // Schema and migration statements run by folder, not by name.
        List<String> unused = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("cypher"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".cypher")).toList()) {
                String name = Path.of("cypher").relativize(file).toString().replace('\\', '/').replaceAll("\\.cypher$", "");
                if (!name.startsWith("schema/") && !name.startsWith("migration/") && !named.contains(name)) {
                    unused.add(name);
                }
            }
        }
        assertThat(unused).isEmpty();
    }
}
