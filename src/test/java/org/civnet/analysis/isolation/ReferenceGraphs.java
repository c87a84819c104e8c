package org.civnet.analysis.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.analysis.graph.CsrGraph;

/** Loads the shared reference graphs (NetworkX values) whether run from the main repo or scratch. */
final class ReferenceGraphs {

    record Reference(CsrGraph graph, Map<String, Integer> index, JsonNode json) {
        int vertex(String id) {
            return index.get(id);
        }
    }

    private ReferenceGraphs() {
    }

    static Path folder() {
        for (String candidate : List.of("../shared/reference", "../../shared/reference",
                "/work/shared/reference")) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("shared/reference not found");
    }

    /** Vertex index = row order of nodes.csv (equals the NetworkX index for both graphs). */
    static Reference load(String name) {
        try {
            Path dir = folder().resolve(name);
            List<String> nodes = Files.readAllLines(dir.resolve("nodes.csv"));
            Map<String, Integer> index = new HashMap<>();
            for (String line : nodes.subList(1, nodes.size())) {
                if (!line.isBlank()) {
                    index.put(line.split(",")[0], index.size());
                }
            }
            CsrGraph.Builder b = CsrGraph.builder(index.size());
            List<String> edges = Files.readAllLines(dir.resolve("edges.csv"));
            for (String line : edges.subList(1, edges.size())) {
                if (!line.isBlank()) {
                    String[] f = line.split(",");
                    b.addEdge(index.get(f[0]), index.get(f[1]));
                }
            }
            JsonNode json = new ObjectMapper().readTree(dir.resolve("reference.json").toFile());
            return new Reference(b.build(), index, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
