package org.civnet.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the reference graphs and their NetworkX values ({@code src/test/resources/reference}, see
 * its README) from the test classpath. The classpath, not a file path, so the tests run the same
 * from any clone, working directory or IDE, and nothing is looked up outside the repository.
 */
public final class ReferenceFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceFiles() {
    }

    /** The lines of {@code <graph>/<file>}, e.g. {@code lines("karate", "edges.csv")}, header included. */
    public static List<String> lines(String graph, String file) {
        return new String(bytes(graph, file), StandardCharsets.UTF_8).lines().toList();
    }

    /** The graph's {@code reference.json}. */
    public static JsonNode json(String graph) {
        try {
            return JSON.readTree(bytes(graph, "reference.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String graph, String file) {
        String resource = "/reference/" + graph + "/" + file;
        try (InputStream in = ReferenceFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath (src/test/resources"
                        + resource + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
