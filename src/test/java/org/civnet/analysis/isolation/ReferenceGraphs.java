package org.civnet.analysis.isolation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.analysis.graph.CsrGraph;
import org.civnet.support.ReferenceFiles;

/** The reference graphs with their NetworkX values, read by {@link ReferenceFiles}, indexed by node id. */
final class ReferenceGraphs {

    record Reference(CsrGraph graph, Map<String, Integer> index, JsonNode json) {
        int vertex(String id) {
            return index.get(id);
        }
    }

    private ReferenceGraphs() {
    }

    /** Vertex index = row order of nodes.csv (equals the NetworkX index for both graphs). */
    static Reference load(String name) {
        List<String> nodes = ReferenceFiles.lines(name, "nodes.csv");
        Map<String, Integer> index = new HashMap<>();
        for (String line : nodes.subList(1, nodes.size())) {
            if (!line.isBlank()) {
                index.put(line.split(",")[0], index.size());
            }
        }
        CsrGraph.Builder b = CsrGraph.builder(index.size());
        List<String> edges = ReferenceFiles.lines(name, "edges.csv");
        for (String line : edges.subList(1, edges.size())) {
            if (!line.isBlank()) {
                String[] f = line.split(",");
                b.addEdge(index.get(f[0]), index.get(f[1]));
            }
        }
        return new Reference(b.build(), index, ReferenceFiles.json(name));
    }
}
