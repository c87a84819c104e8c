package org.civnet.referral.paths;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.analysis.graph.CsrGraph;
import org.civnet.support.ReferenceFiles;

/** The reference graphs whose node ids are integers (karate), read by {@link ReferenceFiles}. */
final class ReferenceData {

    private ReferenceData() {
    }

    /** The unweighted graph of {@code <dataset>/edges.csv}; node ids are the csv ids. */
    static CsrGraph graph(String dataset) {
        List<String> nodes = ReferenceFiles.lines(dataset, "nodes.csv");
        List<String> edges = ReferenceFiles.lines(dataset, "edges.csv");
        CsrGraph.Builder b = CsrGraph.builder(nodes.size() - 1);
        for (String line : edges.subList(1, edges.size())) {
            if (!line.isBlank()) {
                String[] f = line.split(",");
                b.addEdge(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()));
            }
        }
        return b.build();
    }

    static JsonNode json(String dataset) {
        return ReferenceFiles.json(dataset);
    }
}
