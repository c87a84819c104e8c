package org.civnet.analysis.centrality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.analysis.graph.CsrGraph;
import org.civnet.support.ReferenceFiles;

/** The reference graphs (karate, kite) and their NetworkX values, read by {@link ReferenceFiles}. */
public final class ReferenceGraphs {

    /** A reference graph: vertices are NetworkX node indices. */
    public record Reference(String name, CsrGraph graph, CsrGraph weightedGraph, JsonNode json,
                            List<String> ids, List<String> nodeLines) {

        /** Values of a nodes.csv column (e.g. karate's {@code club}), by vertex. */
        public String[] column(String header) {
            int index = List.of(nodeLines.get(0).split(",")).indexOf(header);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + header + " in " + name);
            }
            return nodeLines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")[index])
                    .toArray(String[]::new);
        }

        /** Per-vertex values of {@code node_metrics.<metric>}, NaN for JSON null. */
        public double[] metric(String metric) {
            JsonNode values = json.path("node_metrics").path(metric);
            if (values.isMissingNode()) {
                throw new IllegalArgumentException("no metric " + metric + " in " + name);
            }
            double[] out = new double[ids.size()];
            for (int v = 0; v < out.length; v++) {
                JsonNode x = values.get(ids.get(v));
                out[v] = x == null || x.isNull() ? Double.NaN : x.asDouble();
            }
            return out;
        }
    }

    private static final Map<String, Reference> CACHE = new HashMap<>();

    private ReferenceGraphs() {
    }

    public static Reference karate() {
        return load("karate");
    }

    public static Reference kite() {
        return load("kite");
    }

    private static synchronized Reference load(String name) {
        return CACHE.computeIfAbsent(name, ReferenceGraphs::read);
    }

    private static Reference read(String name) {
        List<String> nodeLines = ReferenceFiles.lines(name, "nodes.csv");
        List<String> ids = nodeLines.stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.split(",")[0]).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        CsrGraph.Builder plain = CsrGraph.builder(ids.size());
        CsrGraph.Builder weighted = CsrGraph.builder(ids.size());
        List<String> edgeLines = ReferenceFiles.lines(name, "edges.csv");
        for (String line : edgeLines.subList(1, edgeLines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            int u = index.get(f[0]);
            int v = index.get(f[1]);
            plain.addEdge(u, v);
            weighted.addEdge(u, v, f.length > 2 ? Double.parseDouble(f[2]) : 1.0);
        }
        return new Reference(name, plain.build(), weighted.build(), ReferenceFiles.json(name), ids, nodeLines);
    }
}
