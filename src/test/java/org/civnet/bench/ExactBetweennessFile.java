package org.civnet.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.civnet.analysis.centrality.Betweenness;
import org.civnet.analysis.graph.CsrGraph;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.NetworkSnapshot;

/**
 * Exact normalised betweenness of a demo network's full scope, kept in
 * {@code <out>/betweenness-exact-<label>.txt} (one value per vertex) so the certified-sampling
 * benchmark can measure observed errors without recomputing the O(nm) reference each run (about
 * 15 minutes at 100,000 contacts on 2 cores). The demo network is generated from a fixed seed, so
 * the file holds for the same label; it also records n and m and is recomputed when they differ.
 *
 * <p>{@code ExactBetweennessFile <label> <contacts> <out dir>} precomputes it.
 */
final class ExactBetweennessFile {

    private ExactBetweennessFile() {
    }

    public static void main(String[] args) throws IOException {
        String label = args[0];
        int contacts = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        CsrGraph graph = NetworkSnapshot.of(DemoGraphs.toGraphData(DemoGraphs.generate(contacts).document()),
                AnalysisScope.all()).graph();
        long t0 = System.nanoTime();
        load(label, graph, out);
        System.out.printf("[bench] exact betweenness %s: n=%d m=%d, %.1f s%n", label, graph.vertexCount(),
                graph.edgeCount(), (System.nanoTime() - t0) / 1e9);
    }

    /** The exact values, read from the file when it matches the graph, else computed and written. */
    static double[] load(String label, CsrGraph graph, Path out) throws IOException {
        Path file = out.resolve("betweenness-exact-" + label + ".txt");
        String header = "# " + graph.vertexCount() + " " + graph.edgeCount();
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file);
            if (!lines.isEmpty() && lines.get(0).equals(header) && lines.size() == graph.vertexCount() + 1) {
                return lines.stream().skip(1).mapToDouble(Double::parseDouble).toArray();
            }
        }
        double[] exact = new Betweenness(graph).scores();
        Path partial = out.resolve("betweenness-exact-" + label + ".txt.part");
        try (BufferedWriter w = Files.newBufferedWriter(partial)) {
            w.write(header + "\n");
            for (double v : exact) {
                w.write(Double.toString(v));
                w.write('\n');
            }
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return exact;
    }
}
