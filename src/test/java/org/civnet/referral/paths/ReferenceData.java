package org.civnet.referral.paths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.analysis.graph.CsrGraph;

/** Locates /work/shared/reference from the main repo, a scratch folder, or absolutely. */
final class ReferenceData {

    private ReferenceData() {
    }

    static Path folder() {
        for (String candidate : List.of("../shared/reference", "../../shared/reference", "/work/shared/reference")) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p.resolve("karate"))) {
                return p;
            }
        }
        throw new IllegalStateException("shared/reference folder not found");
    }

    /** The unweighted graph of {@code <dataset>/edges.csv}; node ids are the csv ids. */
    static CsrGraph graph(String dataset) {
        try {
            List<String> nodes = Files.readAllLines(folder().resolve(dataset).resolve("nodes.csv"));
            List<String> edges = Files.readAllLines(folder().resolve(dataset).resolve("edges.csv"));
            CsrGraph.Builder b = CsrGraph.builder(nodes.size() - 1);
            for (String line : edges.subList(1, edges.size())) {
                if (!line.isBlank()) {
                    String[] f = line.split(",");
                    b.addEdge(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()));
                }
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String dataset) {
        try {
            return new ObjectMapper().readTree(folder().resolve(dataset).resolve("reference.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
