package org.civnet.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civnet.analysis.centrality.Betweenness;
import org.civnet.analysis.centrality.CertifiedBetweenness;
import org.civnet.analysis.graph.CsrGraph;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.NetworkSnapshot;

/**
 * Issue 18 part 4: certified sampled betweenness ({@code approx=auto}) on a demo network. For each
 * epsilon (delta 0.1): the samples drawn, the seconds, and the observed largest error against the
 * exact normalised values over seeds 1..3; the top-k mode (k = 10 and 50, seed 1, capped at
 * {@value #TOP_K_CAP} samples); and civnet's pivot sampling (k = 256, 1024) for its error. NetworkX's {@code betweenness_centrality(k=...)} runs on the same graph
 * in the same run ({@code peers.py certified}). Figures: {@code java-certified-<label>.json}.
 */
final class CertifiedBetweennessBench {

    static final double DELTA = 0.1;
    static final double[] EPSILONS = {0.05, 0.02, 0.01, 0.005};
    static final int TOP_K = 50;
    /** The top-k mode's cap here: 1024 * 2^9 samples, so every stage completes. */
    static final int TOP_K_CAP = 524_288;
    /**
     * Seeds per epsilon: 1..3, or only 1 with {@code -Dbench.certifiedErrorsOnly=true}, which also skips
     * the top-k mode and the pivots (at 100k those cost hours; the errors against exact about 20 minutes).
     */
    static final boolean ERRORS_ONLY = Boolean.getBoolean("bench.certifiedErrorsOnly");
    static final long[] SEEDS = ERRORS_ONLY ? new long[] {1} : new long[] {1, 2, 3};

    private final String label;
    private final CsrGraph graph;
    private final Path out;
    private final Results results;

    CertifiedBetweennessBench(String label, CsrGraph graph, Path out, Results results) {
        this.label = label;
        this.graph = graph;
        this.out = out;
        this.results = results;
    }

    /** {@code CertifiedBetweennessBench <out dir> <label>...}: this part alone (run.sh with BENCH_ONLY=certified). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            String label = args[i];
            int contacts = Integer.parseInt(label.replace("k", "")) * 1000;
            CsrGraph graph = NetworkSnapshot.of(DemoGraphs.toGraphData(DemoGraphs.generate(contacts).document()),
                    AnalysisScope.all()).graph();
            AnalysisBench.writeEdgeList(graph, null, out.resolve("graph-" + label + ".tsv"));
            Results results = new Results();
            try {
                new CertifiedBetweennessBench(label, graph, out, results).run();
            } finally {
                results.write(out.resolve("java-certified-" + label + ".json"));
            }
        }
    }

    /**
     * Without exact values ({@code -Dbench.certifiedExact=false}, run.sh's BENCH_CERT_EXACT=0, and no
     * {@code betweenness-exact-<label>.txt} yet) only samples and seconds are measured, for seed 1,
     * and the top-k mode is skipped: the exact reference costs about 15 minutes at 100k on a quiet
     * 2-core machine, hours on a loaded one.
     */
    void run() throws IOException {
        long t0 = System.nanoTime();
        boolean withExact = Boolean.parseBoolean(System.getProperty("bench.certifiedExact", "true"))
                || java.nio.file.Files.exists(out.resolve("betweenness-exact-" + label + ".txt"));
        double[] exact = withExact ? ExactBetweennessFile.load(label, graph, out) : null;
        results.put(label + ".certified.exact", Map.of("seconds", Results.round((System.nanoTime() - t0) / 1e9),
                "note", withExact ? "read from betweenness-exact-" + label + ".txt when present (same seeded graph)"
                        : "not computed: errors not measured", "vertices", graph.vertexCount(), "edges", graph.edgeCount()));
        if (exact == null) {
            timingsOnly();
            return;
        }
        List<Integer> exactTop = AnalysisBench.top(exact, TOP_K);
        // Warm-up: the JIT compiles the sampler before anything is timed.
        Timings.blackhole = new CertifiedBetweenness(graph, CertifiedBetweenness.Options.of(0.05, DELTA).withSeed(99));
        for (double epsilon : EPSILONS) {
            List<Double> seconds = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            List<Double> overlaps = new ArrayList<>();
            CertifiedBetweenness last = null;
            for (long seed : SEEDS) {
                long started = System.nanoTime();
                last = new CertifiedBetweenness(graph, CertifiedBetweenness.Options.of(epsilon, DELTA).withSeed(seed));
                seconds.add((System.nanoTime() - started) / 1e9);
                errors.add(maxError(last.scores(), exact));
                overlaps.add(overlap(last.scores(), exactTop));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epsilon", epsilon);
            row.put("delta", DELTA);
            row.put("vertexDiameterBound", last.vertexDiameterBound());
            row.put("samples", last.samples());
            row.put("secondsPerSeed", round(seconds));
            row.put("medianSeconds", Results.round(median(seconds)));
            row.put("maxErrorPerSeed", errors);
            row.put("maxError", errors.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
            row.put("top50OverlapPerSeed", overlaps);
            row.put("withinEpsilon", errors.stream().allMatch(e -> e <= epsilon));
            results.put(label + ".certified.eps" + epsilon, row);
        }
        if (!ERRORS_ONLY) {
            topK(exact);
            pivots(exact, exactTop);
        }
    }

    /** Samples and seconds per epsilon, seed 1, without a reference to measure errors against. */
    private void timingsOnly() {
        Timings.blackhole = new CertifiedBetweenness(graph, CertifiedBetweenness.Options.of(0.05, DELTA).withSeed(99));
        for (double epsilon : EPSILONS) {
            long started = System.nanoTime();
            CertifiedBetweenness b = new CertifiedBetweenness(graph, CertifiedBetweenness.Options.of(epsilon, DELTA).withSeed(1));
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epsilon", epsilon);
            row.put("delta", DELTA);
            row.put("vertexDiameterBound", b.vertexDiameterBound());
            row.put("samples", b.samples());
            row.put("secondsPerSeed", List.of(Results.round(seconds)));
            row.put("medianSeconds", Results.round(seconds));
            row.put("maxErrorPerSeed", List.of());
            row.put("top50OverlapPerSeed", List.of());
            row.put("withinEpsilon", "not measured");
            results.put(label + ".certified.eps" + epsilon, row);
        }
        long started = System.nanoTime();
        double[] pivots = new Betweenness(graph, Betweenness.Options.defaults().withSamples(256, 1)).scores();
        Timings.blackhole = pivots;
        results.put(label + ".certified.pivots256", Map.of("k", 256, "medianSeconds",
                Results.round((System.nanoTime() - started) / 1e9), "maxErrorPerSeed", List.of(), "top50OverlapPerSeed", List.of()));
    }

    private void topK(double[] exact) {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int k : new int[] {10, TOP_K}) {
            long seed = 1;
            long started = System.nanoTime();
            CertifiedBetweenness b = new CertifiedBetweenness(graph,
                    CertifiedBetweenness.Options.topK(k, DELTA).withSeed(seed).withMaxSamples(TOP_K_CAP));
            double seconds = (System.nanoTime() - started) / 1e9;
            int[] top = b.topK();
            List<Integer> exactTopK = AnalysisBench.top(exact, k);
            int certifiedWrong = 0;
            for (int rank = 0; rank < top.length; rank++) {
                if (b.certified(rank) && !exactTopK.contains(top[rank])) {
                    certifiedWrong++;
                }
            }
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("k", k);
            run.put("seed", seed);
            run.put("samples", b.samples());
            run.put("seconds", Results.round(seconds));
            run.put("stop", b.stop().name());
            run.put("epsilonReached", b.epsilon());
            run.put("certified", b.certifiedCount());
            run.put("certifiedNotInExactTop", certifiedWrong);
            run.put("maxError", maxError(b.scores(), exact));
            run.put("topKOverlap", overlap(b.scores(), exactTopK));
            runs.add(run);
        }
        results.put(label + ".certified.topK", Map.of("delta", DELTA, "cap", TOP_K_CAP, "runs", runs));
    }

    /** civnet's pivot sampling (approx=k) at the pivot counts of issue 4, for its observed error. */
    private void pivots(double[] exact, List<Integer> exactTop) {
        for (int k : new int[] {256, 1024}) {
            List<Double> seconds = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            List<Double> overlaps = new ArrayList<>();
            for (long seed : SEEDS) {
                long started = System.nanoTime();
                double[] estimate = new Betweenness(graph, Betweenness.Options.defaults().withSamples(k, seed)).scores();
                seconds.add((System.nanoTime() - started) / 1e9);
                errors.add(maxError(estimate, exact));
                overlaps.add(overlap(estimate, exactTop));
            }
            results.put(label + ".certified.pivots" + k, Map.of("k", k, "medianSeconds", Results.round(median(seconds)),
                    "maxErrorPerSeed", errors, "top50OverlapPerSeed", overlaps));
        }
    }

    static double maxError(double[] estimate, double[] exact) {
        double max = 0;
        for (int v = 0; v < exact.length; v++) {
            max = Math.max(max, Math.abs(estimate[v] - exact[v]));
        }
        return max;
    }

    private static double overlap(double[] estimate, List<Integer> exactTop) {
        List<Integer> top = AnalysisBench.top(estimate, exactTop.size());
        top.retainAll(exactTop);
        return top.size() / (double) exactTop.size();
    }

    private static double median(List<Double> values) {
        return Timings.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static List<Double> round(List<Double> values) {
        return values.stream().map(Results::round).toList();
    }
}
