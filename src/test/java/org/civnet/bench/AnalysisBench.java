package org.civnet.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

import org.civnet.analysis.centrality.Betweenness;
import org.civnet.analysis.centrality.Centralities;
import org.civnet.analysis.graph.CsrGraph;
import org.civnet.analysis.isolation.IsolationAnalysis;
import org.civnet.analysis.isolation.MandateReach;
import org.civnet.analysis.isolation.Resilience;
import org.civnet.analysis.isolation.WeakPoints;
import org.civnet.demo.DemoNetwork;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.Region;
import org.civnet.referral.ReferralService;
import org.civnet.referral.paths.BestPaths;
import org.civnet.referral.paths.ReferralPath;
import org.civnet.referral.paths.ReferralGraph;
import org.civnet.referral.paths.ReferralSearch;
import org.civnet.referral.paths.ReferralWeights;
import org.civnet.report.Grouping;
import org.civnet.report.IsolationService;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.GraphData;
import org.civnet.snapshot.NetworkSnapshot;

/**
 * In-memory measurements on one demo network: snapshot build, betweenness (exact and sampled),
 * PageRank, the isolation analysis and referral queries. It also writes the snapshot's graph as an
 * edge list (and the pairs and sources of the referral queries) so that {@code src/test/bench/peers.py}
 * runs igraph and NetworkX on exactly the same undirected graph.
 */
final class AnalysisBench {

    static final int TOP = 50;
    static final int SAMPLES = 256;
    /** The pivot count that meets the pair of targets (100k under 5 s, 10k top-50 overlap >= 90%). */
    static final int TARGET_SAMPLES = 384;
    static final int REFERRAL_K = 3;
    static final int REFERRAL_MAX_HOPS = 4;
    static final int REGION_TARGETS = 20;

    private final String label;
    private final int contacts;
    private final boolean full;
    private final Path out;
    private final Results results;

    AnalysisBench(String label, int contacts, boolean full, Path out, Results results) {
        this.label = label;
        this.contacts = contacts;
        this.full = full;
        this.out = out;
        this.results = results;
    }

    /** The generated network, kept for the store benchmark. */
    DemoNetwork network;
    GraphData data;

    void run() throws IOException {
        long started = System.nanoTime();
        network = DemoGraphs.generate(contacts);
        double generateMs = (System.nanoTime() - started) / 1e6;
        data = DemoGraphs.toGraphData(network.document());
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("contacts", network.document().contacts().size());
        sizes.put("nodes", data.nodeCount());
        sizes.put("ties", data.tieCount());
        sizes.put("generateMs", Results.round(generateMs));
        results.put(label + ".network", sizes);

        boolean small = contacts <= 20_000;
        AnalysisScope scope = AnalysisScope.all();
        double[] build = Timings.repeat(small ? 3 : 2, small ? 7 : 5, () -> NetworkSnapshot.of(data, scope));
        NetworkSnapshot snapshot = NetworkSnapshot.of(data, scope);
        CsrGraph graph = snapshot.graph();
        results.timed(label + ".snapshot.build", build, "vertices", graph.vertexCount(), "edges", graph.edgeCount(),
                "tiesIn", data.tieCount(), "scope", scope.describe());

        writeEdgeList(graph, null, out.resolve("graph-" + label + ".tsv"));

        betweenness(graph, small);
        pageRank(graph, small);
        if (small) {
            isolation(snapshot);
        }
        referrals(small);
    }

    // ------------------------------------------------------------------ centrality (issue 4)

    private void betweenness(CsrGraph graph, boolean small) throws IOException {
        int n = graph.vertexCount();
        Betweenness.Options sampled = Betweenness.Options.defaults().withSamples(SAMPLES, 1L);
        double[] sampledRuns = Timings.repeat(2, small ? 7 : 5, () -> new Betweenness(graph, sampled));
        results.timed(label + ".betweenness.sampled", sampledRuns, "k", SAMPLES, "threads",
                Runtime.getRuntime().availableProcessors());
        Betweenness.Options targetSampled = Betweenness.Options.defaults().withSamples(TARGET_SAMPLES, 1L);
        double[] targetRuns = Timings.repeat(1, small ? 7 : 5, () -> new Betweenness(graph, targetSampled));
        results.timed(label + ".betweenness.sampled" + TARGET_SAMPLES, targetRuns, "k", TARGET_SAMPLES, "threads",
                Runtime.getRuntime().availableProcessors());
        if (!small) {
            return;
        }
        // Exact betweenness against igraph in interleaved rounds (civnet, then igraph in a Python
        // subprocess, back to back), so both see the same load on this shared machine; the ratio
        // is taken per round. The sampled runs above already compiled the same per-source code.
        double[] exact = new Betweenness(graph).scores();
        writeColumn(exact, out.resolve("betweenness-" + label + ".txt"));
        int rounds = 3;
        double[] ours = new double[rounds];
        double[] oursOneThread = new double[full ? rounds : 1];
        double[] igraph = new double[rounds];
        double[] ratio = new double[rounds];
        Map<String, Object> check = null;
        Betweenness.Options oneThread = Betweenness.Options.defaults().withThreads(1);
        for (int r = 0; r < rounds; r++) {
            ours[r] = Timings.repeat(0, 1, () -> new Betweenness(graph))[0];
            if (r < oursOneThread.length) {
                oursOneThread[r] = Timings.repeat(0, 1, () -> new Betweenness(graph, oneThread))[0];
            }
            Map<String, Object> peer = Peers.igraphBetweenness(label, out);
            igraph[r] = ((Number) peer.get("ms")).doubleValue();
            ratio[r] = igraph[r] / ours[r];
            check = peer;
            System.out.printf("[bench] %s exact betweenness round %d: civnet %.0f ms, igraph %.0f ms%n", label, r + 1,
                    ours[r], igraph[r]);
        }
        results.timed(label + ".betweenness.exact", ours, "threads", Runtime.getRuntime().availableProcessors(),
                "igraphRunsMs", Timings.list(igraph), "igraphMedianMs", Results.round(Timings.median(igraph)),
                "ratioPerRound", Timings.list(ratio), "medianRatio", Results.round(Timings.median(ratio)),
                "maxAbsDiffVsIgraph", check.get("maxAbsDiffVsCivnet"), "sameTop50AsIgraph", check.get("sameTop50AsCivnet"),
                "method", "interleaved rounds: civnet (2 threads), civnet (1 thread), igraph");
        results.timed(label + ".betweenness.exact.1thread", oursOneThread, "threads", 1);

        List<Integer> exactTop = top(exact, TOP);
        List<Double> overlaps = new ArrayList<>();
        for (long seed = 1; seed <= 10; seed++) {
            double[] estimate = new Betweenness(graph, Betweenness.Options.defaults().withSamples(SAMPLES, seed)).scores();
            List<Integer> estimateTop = top(estimate, TOP);
            estimateTop.retainAll(exactTop);
            overlaps.add(estimateTop.size() / (double) TOP);
        }
        double[] o = overlaps.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, Object> overlap = new LinkedHashMap<>();
        overlap.put("k", SAMPLES);
        overlap.put("top", TOP);
        overlap.put("seeds", "1..10");
        overlap.put("perSeed", overlaps);
        overlap.put("min", Timings.percentile(o, 0));
        overlap.put("median", Timings.median(o));
        overlap.put("exactTop", exactTop);
        results.put(label + ".betweenness.sampled.top50overlap", overlap);
        // How many pivots the 90% overlap needs on this graph (seeds 1..10 each, as above).
        Map<String, Object> sweep = new LinkedHashMap<>();
        for (int k : new int[] {TARGET_SAMPLES, 512, 1024}) {
            double[] perSeed = new double[10];
            double[] millis = new double[10];
            for (int seed = 1; seed <= 10; seed++) {
                long t0 = System.nanoTime();
                double[] estimate = new Betweenness(graph, Betweenness.Options.defaults().withSamples(k, seed)).scores();
                millis[seed - 1] = (System.nanoTime() - t0) / 1e6;
                List<Integer> estimateTop = top(estimate, TOP);
                estimateTop.retainAll(exactTop);
                perSeed[seed - 1] = estimateTop.size() / (double) TOP;
            }
            sweep.put("k" + k, Map.of("minOverlap", Timings.percentile(perSeed, 0), "medianOverlap",
                    Timings.median(perSeed), "medianMs", Results.round(Timings.median(millis))));
        }
        results.put(label + ".betweenness.sampled.overlapByK", sweep);
        System.out.println("[bench] " + label + " n=" + n + " done betweenness");
    }

    private void pageRank(CsrGraph graph, boolean small) throws IOException {
        double[] runs = Timings.repeat(small ? 5 : 3, small ? 9 : 7, () -> Centralities.pageRank(graph, false,
                Centralities.PAGERANK_ALPHA, Centralities.TOLERANCE, Centralities.MAX_ITERATIONS));
        results.timed(label + ".pagerank", runs, "alpha", Centralities.PAGERANK_ALPHA, "tol", Centralities.TOLERANCE);
        writeColumn(Centralities.pageRank(graph, false, Centralities.PAGERANK_ALPHA, Centralities.TOLERANCE,
                Centralities.MAX_ITERATIONS), out.resolve("pagerank-" + label + ".txt"));
    }

    /** Vertices of the {@code k} highest scores (ties: smaller vertex first). */
    static List<Integer> top(double[] scores, int k) {
        List<Integer> order = new ArrayList<>(scores.length);
        for (int v = 0; v < scores.length; v++) {
            order.add(v);
        }
        order.sort(Comparator.<Integer>comparingDouble(v -> -scores[v]).thenComparingInt(v -> v));
        return new ArrayList<>(order.subList(0, Math.min(k, order.size())));
    }

    // ------------------------------------------------------------------ isolation (issue 6)

    /** Mirrors {@code IsolationService}: groupBy=theme (its default), then a resilience what-if. */
    private void isolation(NetworkSnapshot s) throws IOException {
        CsrGraph graph = s.graph();
        Grouping grouping = Grouping.of(s, "theme");
        IsolationAnalysis.Input input = IsolationService.inputFor(s, grouping);
        int n = graph.vertexCount();
        BitSet mandates = input.mandates();
        BitSet atRisk = input.atRisk();
        List<BitSet> groups = input.groups();
        IsolationAnalysis.Report report = IsolationAnalysis.run(graph, input, IsolationAnalysis.Options.DEFAULTS);
        // What if the five cut vertices that cut off the most at-risk people were lost?
        BitSet removed = new BitSet(n);
        report.weakPoints().cutVertices().stream().filter(c -> !c.mandate())
                .sorted(Comparator.comparingInt(WeakPoints.CutVertex::atRiskCutOff).reversed()
                        .thenComparingInt(WeakPoints.CutVertex::vertex))
                .limit(5).forEach(c -> removed.set(c.vertex()));
        removedIds = removed.stream().mapToObj(s::id).toList();

        double[] analysis = Timings.repeat(5, 11, () -> IsolationAnalysis.run(graph, input,
                IsolationAnalysis.Options.DEFAULTS));
        // As IsolationService.resilience does it: reach, the what-if, and the current suggestions.
        double[] resilience = Timings.repeat(5, 11, () -> {
            MandateReach reach = new MandateReach(graph, mandates);
            Resilience r = new Resilience(reach, removed, atRisk, groups);
            return List.of(r, IsolationAnalysis.run(graph, input, IsolationAnalysis.Options.DEFAULTS));
        });
        results.timed(label + ".isolation.run", analysis, "groups", groups.size(), "groupBy", "theme",
                "vertices", n, "edges", graph.edgeCount(), "mandates", mandates.cardinality(),
                "atRisk", atRisk.cardinality(), "articulationPoints", report.weakPoints().cutVertices().size(),
                "bridges", report.weakPoints().bridges().size(),
                "unreachedComponents", report.reach().unreached().size());
        results.timed(label + ".isolation.resilience", resilience, "removed", removed.cardinality(),
                "what", "MandateReach + Resilience + IsolationAnalysis.run (suggestions), as the service");
        writeIds(mandates, out.resolve("mandates-" + label + ".txt"));
    }

    /** Ids of the vertices removed in the resilience what-if, for the HTTP run. */
    List<String> removedIds = List.of();

    // ------------------------------------------------------------------ referrals (issue 5)

    /** The scope {@code ReferralService} searches. */
    static final AnalysisScope REFERRAL_SCOPE = ReferralService.scope(null, null);

    /** Edge costs as the service computes them, with the default weights. */
    static double[] referralCosts(NetworkSnapshot s, long todayEpochDay) {
        return ReferralService.tieCosts(s, ReferralWeights.DEFAULTS, todayEpochDay);
    }

    /** The service's do-no-harm rule without exclusions (and without allowAtRisk). */
    static IntPredicate intermediaryRule(NetworkSnapshot s) {
        return ReferralService.mayIntermediate(s, false, Set.of());
    }

    private void referrals(boolean small) throws IOException {
        double[] build = Timings.repeat(2, 5, () -> NetworkSnapshot.of(data, REFERRAL_SCOPE));
        NetworkSnapshot s = NetworkSnapshot.of(data, REFERRAL_SCOPE);
        CsrGraph graph = s.graph();
        double[] cost = referralCosts(s, LocalDate.now().toEpochDay());
        results.timed(label + ".referral.snapshot.build", build, "vertices", graph.vertexCount(),
                "edges", graph.edgeCount(), "scope", REFERRAL_SCOPE.describe());
        writeEdgeList(graph, cost, out.resolve("referral-graph-" + label + ".tsv"));
        IntPredicate rule = intermediaryRule(s);
        ReferralGraph referralGraph = new ReferralGraph(graph, cost);
        ReferralSearch shared = new ReferralSearch(referralGraph, rule, REFERRAL_MAX_HOPS);
        List<Integer> contactVertices = new ArrayList<>();
        for (int v = 0; v < s.vertexCount(); v++) {
            if (s.label(v) == NodeLabel.Contact) {
                contactVertices.add(v);
            }
        }
        SplittableRandom random = new SplittableRandom(7);
        int pairs = 2000;
        int[][] pair = new int[pairs][];
        for (int i = 0; i < pairs; i++) {
            int a = contactVertices.get(random.nextInt(contactVertices.size()));
            int b;
            do {
                b = contactVertices.get(random.nextInt(contactVertices.size()));
            } while (b == a);
            pair[i] = new int[] {a, b};
        }
        // Warm-up: the JIT and the search's working memory.
        for (int i = 0; i < 1000; i++) {
            int[] p = pair[random.nextInt(pairs)];
            Timings.blackhole = shared.kShortest(p[0], p[1], REFERRAL_K, false);
            Timings.blackhole = new ReferralSearch(referralGraph, rule, REFERRAL_MAX_HOPS).kShortest(p[0], p[1], REFERRAL_K, false);
        }
        double[] single = new double[pairs];
        boolean[] hasPath = new boolean[pairs];
        int found = 0;
        long pathCount = 0;
        for (int i = 0; i < pairs; i++) {
            long t0 = System.nanoTime();
            List<ReferralPath> paths = shared.kShortest(pair[i][0], pair[i][1], REFERRAL_K, false);
            single[i] = (System.nanoTime() - t0) / 1e6;
            hasPath[i] = !paths.isEmpty();
            found += paths.isEmpty() ? 0 : 1;
            pathCount += paths.size();
        }
        results.latencies(label + ".referral.single", single, "k", REFERRAL_K, "maxHops", REFERRAL_MAX_HOPS,
                "pairsWithAPath", found, "paths", pathCount, "instance", "one warm ReferralSearch, sequential");
        writeColumn(single, out.resolve("referral-single-ms-" + label + ".txt"));
        // The service derives a search per request (with its own working memory), and on no path
        // asks why: measure that path too.
        double[] perRequest = new double[pairs];
        double[] withPath = new double[pairs];
        double[] withoutPath = new double[pairs];
        int nWith = 0;
        int nWithout = 0;
        for (int i = 0; i < pairs; i++) {
            long t0 = System.nanoTime();
            ReferralSearch search = new ReferralSearch(referralGraph, rule, REFERRAL_MAX_HOPS);
            List<ReferralPath> paths = search.kShortest(pair[i][0], pair[i][1], REFERRAL_K, false);
            Timings.blackhole = paths.isEmpty() ? search.why(pair[i][0], pair[i][1]) : paths;
            perRequest[i] = (System.nanoTime() - t0) / 1e6;
            if (paths.isEmpty()) {
                withoutPath[nWithout++] = perRequest[i];
            } else {
                withPath[nWith++] = perRequest[i];
            }
        }
        results.latencies(label + ".referral.single.asService", perRequest, "k", REFERRAL_K,
                "what", "with(rule, 4) per query, kShortest, and why() when no path (as ReferralService.toPerson)");
        results.latencies(label + ".referral.single.asService.found", java.util.Arrays.copyOf(withPath, nWith));
        results.latencies(label + ".referral.single.asService.noPath", java.util.Arrays.copyOf(withoutPath, nWithout),
                "what", "kShortest finds nothing, then why(): two bounded searches and connected components");

        // Region target queries, as ReferralService.toTarget: the best 20 new contacts in a region,
        // each with k=3 paths, plus the unreachable targets.
        Region[] regions = Region.values();
        int sources = small ? 300 : 200;
        int[] regionSource = new int[sources];
        for (int i = 0; i < sources; i++) {
            regionSource[i] = contactVertices.get(random.nextInt(contactVertices.size()));
        }
        regionSource[0] = s.indexOf(network.hroContactId());
        for (int i = 0; i < 30; i++) {
            Timings.blackhole = regionQuery(new ReferralSearch(referralGraph, rule, REFERRAL_MAX_HOPS), s, regionSource[(i * 7) % sources],
                    regions[i % regions.length]);
        }
        double[] region = new double[sources];
        long targets = 0;
        for (int i = 0; i < sources; i++) {
            long t0 = System.nanoTime();
            int t = regionQuery(new ReferralSearch(referralGraph, rule, REFERRAL_MAX_HOPS), s, regionSource[i], regions[i % regions.length]);
            region[i] = (System.nanoTime() - t0) / 1e6;
            targets += t;
        }
        results.latencies(label + ".referral.region", region, "k", REFERRAL_K, "bestTargets", REGION_TARGETS,
                "meanTargetsWithPaths", Results.round(targets / (double) sources), "regions", "cycling over all five",
                "what", "bestToAll + bestMatching(20) + kShortest(k=3) per target + reachability, as toTarget");

        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("referral-pairs-" + label + ".txt"))) {
            for (int[] p : pair) {
                w.write(p[0] + "\t" + p[1] + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("referral-ids-" + label + ".txt"))) {
            for (int i = 0; i < pairs; i++) {
                w.write("pair\t" + s.id(pair[i][0]) + "\t" + s.id(pair[i][1]) + "\t" + (hasPath[i] ? 1 : 0) + "\n");
            }
            for (int i = 0; i < sources; i++) {
                w.write("region\t" + s.id(regionSource[i]) + "\t" + regions[i % regions.length] + "\n");
            }
        }
    }

    /** One region target query as the service runs it; returns how many targets got paths. */
    static int regionQuery(ReferralSearch search, NetworkSnapshot s, int source, Region region) {
        IntPredicate isTarget = v -> v != source && s.label(v) == NodeLabel.Contact && s.region(v) == region;
        BestPaths best = search.bestToAll(source);
        int withPaths = 0;
        for (ReferralPath p : best.bestMatching(isTarget, REGION_TARGETS, true)) {
            if (!search.kShortest(source, p.target(), REFERRAL_K, false).isEmpty()) {
                withPaths++;
            }
        }
        Timings.blackhole = search.reachability(source, isTarget, REFERRAL_MAX_HOPS);
        return withPaths;
    }

    // ------------------------------------------------------------------ files for the peers

    /** {@code # n m} then one {@code u v [cost]} line per edge, by edge id (u < v). */
    static void writeEdgeList(CsrGraph graph, double[] cost, Path file) throws IOException {
        int m = graph.edgeCount();
        int[] from = new int[m];
        int[] to = new int[m];
        for (int v = 0; v < graph.vertexCount(); v++) {
            for (int slot = graph.offset(v); slot < graph.offsetEnd(v); slot++) {
                int w = graph.target(slot);
                if (v < w) {
                    from[graph.edgeId(slot)] = v;
                    to[graph.edgeId(slot)] = w;
                }
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("# " + graph.vertexCount() + " " + m + "\n");
            for (int e = 0; e < m; e++) {
                out.write(cost == null ? from[e] + " " + to[e] + "\n" : from[e] + " " + to[e] + " " + cost[e] + "\n");
            }
        }
    }

    private static void writeColumn(double[] values, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (double v : values) {
                w.write(Double.toString(v));
                w.write('\n');
            }
        }
    }

    private static void writeIds(BitSet set, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int v = set.nextSetBit(0); v >= 0; v = set.nextSetBit(v + 1)) {
                w.write(v + "\n");
            }
        }
    }

}
