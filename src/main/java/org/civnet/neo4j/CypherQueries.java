package org.civnet.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.civnet.domain.NodeLabel;
import org.civnet.domain.TieType;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every Cypher statement civnet runs, loaded once from {@code cypher/**.cypher} on the classpath.
 *
 * <p>Statements take values only as {@code $parameters}. A few are templates over a label or a
 * relationship type ({@code {{label}}}, {@code {{type}}}):
 * those slots accept only {@link NodeLabel} and {@link TieType} constants, never user text, because
 * Cypher cannot parameterise labels and types.
 */
@Component
public class CypherQueries {

    private final Map<String, String> statements;

    public CypherQueries() {
        this.statements = load();
    }

    private static Map<String, String> load() {
        Map<String, String> found = new TreeMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:cypher/**/*.cypher");
            for (Resource resource : resources) {
                String path = resource.getURL().getPath();
                String name = path.substring(path.lastIndexOf("cypher/") + "cypher/".length(), path.length() - ".cypher".length());
                try (InputStream in = resource.getInputStream()) {
                    found.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cypher/ statements", e);
        }
        return Map.copyOf(found);
    }

    /** The statement {@code cypher/<name>.cypher}; a missing name is a programming error. */
    public String get(String name) {
        String statement = statements.get(name);
        if (statement == null) {
            throw new IllegalStateException("missing Cypher statement cypher/" + name + ".cypher");
        }
        return statement;
    }

    public String get(String name, NodeLabel label) {
        return get(name).replace("{{label}}", label.name());
    }

    public String get(String name, TieType type) {
        return get(name).replace("{{type}}", type.name());
    }

    /** Names of all statements under a folder, sorted (used for the schema). */
    public java.util.List<String> namesUnder(String folder) {
        return statements.keySet().stream().filter(n -> n.startsWith(folder + "/")).sorted().toList();
    }

    /** Fails start-up when a statement a feature needs is not there. */
    public void require(String... names) {
        for (String name : names) {
            get(name);
        }
    }
}
