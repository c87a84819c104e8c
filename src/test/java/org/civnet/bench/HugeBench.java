package org.civnet.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

import org.civnet.CivnetApplication;
import org.civnet.analysis.centrality.Betweenness;
import org.civnet.analysis.centrality.CertifiedBetweenness;
import org.civnet.analysis.community.Leiden;
import org.civnet.analysis.community.Partition;
import org.civnet.analysis.graph.CsrGraph;
import org.civnet.analysis.isolation.IsolationAnalysis;
import org.civnet.demo.DemoNetwork;
import org.civnet.domain.NodeLabel;
import org.civnet.domain.TieType;
import org.civnet.network.ImportReport;
import org.civnet.network.NetworkImporter;
import org.civnet.network.NetworkStore;
import org.civnet.network.Tie;
import org.civnet.referral.ReferralService;
import org.civnet.referral.paths.ReferralGraph;
import org.civnet.referral.paths.ReferralSearch;
import org.civnet.report.Grouping;
import org.civnet.report.IsolationService;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.GraphData;
import org.civnet.snapshot.NetworkSnapshot;
import org.civnet.snapshot.SnapshotReader;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code run.sh huge}: the demo network at a million contacts (about ten million ties), once, with
 * the heap in use after a full collection at each step. {@code memory}: generation, the snapshot
 * built from columns, sampled betweenness (k = 256), Leiden, the isolation analysis and referral
 * queries, and the edge list for the peers. {@code store}: the same network imported into an
 * embedded Neo4j under {@code /tmp} (deleted afterwards), the snapshot read back, one write then a
 * referral, and referral latencies through the service. Each figure is written as soon as it is
 * measured, so a run stopped by its time limit keeps what it measured.
 */
final class HugeBench {

    static final String LABEL = "huge";

    private final int contacts;
    private final Path out;
    private final Results results;

    HugeBench(int contacts, Path out, Results results) {
        this.contacts = contacts;
        this.out = out;
        this.results = results;
    }

    void memory() throws IOException {
        long t0 = System.nanoTime();
        DemoNetwork network = DemoGraphs.generate(contacts);
        put("generate", millisSince(t0), "contacts", network.document().contacts().size(),
                "ties", network.document().ties().size());
        GraphData data = DemoGraphs.toGraphData(network.document());
        network = null;
        put("columns", 0, "nodes", data.nodeCount(), "ties", data.tieCount(), "what", "GraphData columns only");

        t0 = System.nanoTime();
        NetworkSnapshot snapshot = NetworkSnapshot.of(data, AnalysisScope.all());
        CsrGraph graph = snapshot.graph();
        put("snapshot.build", millisSince(t0), "vertices", graph.vertexCount(), "edges", graph.edgeCount(),
                "what", "columns and snapshot held");
        AnalysisBench.writeEdgeList(graph, null, out.resolve("graph-" + LABEL + ".tsv"));

        t0 = System.nanoTime();
        Betweenness sampled = new Betweenness(graph, Betweenness.Options.defaults().withSamples(AnalysisBench.SAMPLES, 1L));
        put("betweenness.sampled", millisSince(t0), "k", AnalysisBench.SAMPLES,
                "threads", Runtime.getRuntime().availableProcessors(), "maxScore", max(sampled.scores()));
        // approx=auto: the Riondato–Kornaropoulos sample size from the vertex-diameter bound, delta 0.1
        // as the API's default; no exact reference exists at this size, so samples and seconds only.
        for (double epsilon : new double[] {0.05, 0.02}) {
            t0 = System.nanoTime();
            CertifiedBetweenness certified = new CertifiedBetweenness(graph,
                    CertifiedBetweenness.Options.of(epsilon, 0.1).withSeed(1));
            put("betweenness.auto.epsilon" + epsilon, millisSince(t0), "epsilon", epsilon, "delta", 0.1,
                    "samples", certified.samples(), "vertexDiameterBound", certified.vertexDiameterBound(),
                    "threads", Runtime.getRuntime().availableProcessors());
        }

        t0 = System.nanoTime();
        Partition leiden = new Leiden(graph).partition();
        put("leiden", millisSince(t0), "modularity", Results.round(leiden.modularity()),
                "communities", leiden.communityCount());

        t0 = System.nanoTime();
        IsolationAnalysis.Input input = IsolationService.inputFor(snapshot, Grouping.of(snapshot, "theme"));
        IsolationAnalysis.Report report = IsolationAnalysis.run(graph, input, IsolationAnalysis.Options.DEFAULTS);
        put("isolation", millisSince(t0), "groupBy", "theme", "articulationPoints",
                report.weakPoints().cutVertices().size(), "bridges", report.weakPoints().bridges().size());
        snapshot = null;
        graph = null;
        referrals(data);
    }

    private void referrals(GraphData data) throws IOException {
        NetworkSnapshot s = NetworkSnapshot.of(data, AnalysisBench.REFERRAL_SCOPE);
        ReferralGraph graph = new ReferralGraph(s.graph(), AnalysisBench.referralCosts(s, LocalDate.now().toEpochDay()));
        IntPredicate rule = AnalysisBench.intermediaryRule(s);
        int[][] pairs = contactPairs(s, 2000);
        for (int i = 0; i < 300; i++) {
            Timings.blackhole = new ReferralSearch(graph, rule, AnalysisBench.REFERRAL_MAX_HOPS)
                    .kShortest(pairs[i][0], pairs[i][1], AnalysisBench.REFERRAL_K, false);
        }
        double[] ms = new double[pairs.length];
        int found = 0;
        for (int i = 0; i < pairs.length; i++) {
            long t0 = System.nanoTime();
            var paths = new ReferralSearch(graph, rule, AnalysisBench.REFERRAL_MAX_HOPS)
                    .kShortest(pairs[i][0], pairs[i][1], AnalysisBench.REFERRAL_K, false);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            found += paths.isEmpty() ? 0 : 1;
        }
        results.latencies(LABEL + ".referral.search", ms, "k", AnalysisBench.REFERRAL_K, "maxHops",
                AnalysisBench.REFERRAL_MAX_HOPS, "pairsWithAPath", found, "heapUsedMiB", heapUsedMiB());
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("referral-ids-" + LABEL + ".txt"))) {
            for (int[] p : pairs) {
                w.write(s.id(p[0]) + "\t" + s.id(p[1]) + "\n");
            }
        }
    }

    /** The store side; the network is generated again (same seed) in this JVM. */
    void store() throws Exception {
        DemoNetwork network = DemoGraphs.generate(contacts);
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "civnet-huge-");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivnetApplication.class).logStartupInfo(false)
                .run("--server.port=0", "--server.address=127.0.0.1", "--civnet.neo4j.data-directory=" + dir.resolve("data"),
                        "--civnet.secrets-directory=" + dir.resolve("secrets"), "--civnet.neo4j.bolt-port=0",
                        "--civnet.neo4j.uri=", "--civnet.admin-password=" + StoreBench.secret(),
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--logging.level.org.civnet.network.NetworkImporter=INFO", "--logging.level.org.civnet.network.ImportWriter=INFO");
        try {
            long t0 = System.nanoTime();
            ImportReport report = app.getBean(NetworkImporter.class).importDocument(network.document(), false);
            put("store.import", millisSince(t0), "rows", DemoGraphs.rowCount(network.document()),
                    "rejected", report.rejectedTotal(), "storeBytes", size(dir));
            List<String> ids = network.document().contacts().stream().limit(200_000).map(c -> c.id()).toList();
            network = null;

            SnapshotReader reader = app.getBean(SnapshotReader.class);
            t0 = System.nanoTime();
            GraphData data = reader.read();
            NetworkSnapshot snapshot = NetworkSnapshot.of(data, AnalysisScope.all());
            put("store.snapshotReadAndBuild", millisSince(t0), "vertices", snapshot.vertexCount(),
                    "edges", snapshot.graph().edgeCount());
            snapshot = null;
            data = null;
            writeThenRefer(app, ids);
        } finally {
            app.close();
            StoreBench.deleteTree(dir);
        }
    }

    /** One tie written through the store, then a referral through the service (its snapshot brought up to date). */
    private void writeThenRefer(ConfigurableApplicationContext app, List<String> ids) {
        ReferralService service = app.getBean(ReferralService.class);
        NetworkStore store = app.getBean(NetworkStore.class);
        ReferralService.Options options = new ReferralService.Options(3, 4, null, null, Set.of(), false, false);
        long t0 = System.nanoTime();
        service.toPerson(ids.get(0), ids.get(1), options);
        put("store.firstReferral", millisSince(t0), "what", "first referral after start: snapshot read from the store");
        SplittableRandom random = new SplittableRandom(11);
        int rounds = 5;
        double[] writeThenRefer = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            String a = ids.get(random.nextInt(ids.size()));
            String b = ids.get(random.nextInt(ids.size()));
            long s = System.nanoTime();
            store.mergeTie(new Tie(TieType.KNOWS, a, b, 3, LocalDate.now(), LocalDate.now(), null, null));
            service.toPerson(a, ids.get(random.nextInt(ids.size())), options);
            writeThenRefer[r] = (System.nanoTime() - s) / 1e6;
        }
        results.timed(LABEL + ".store.writeThenReferral", writeThenRefer, "heapUsedMiB", heapUsedMiB(),
                "what", "NetworkStore.mergeTie then ReferralService.toPerson, sequential");
        double[] ms = new double[1000];
        for (int i = 0; i < 200; i++) {
            service.toPerson(ids.get(random.nextInt(ids.size())), ids.get(random.nextInt(ids.size())), options);
        }
        for (int i = 0; i < ms.length; i++) {
            String a = ids.get(random.nextInt(ids.size()));
            String b = ids.get(random.nextInt(ids.size()));
            long s = System.nanoTime();
            service.toPerson(a, b, options);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        results.latencies(LABEL + ".store.referralService", ms, "what", "ReferralService.toPerson, warm snapshot");
    }

    private void put(String what, double ms, Object... extra) {
        Object[] all = new Object[extra.length + 2];
        System.arraycopy(extra, 0, all, 0, extra.length);
        all[extra.length] = "heapUsedMiB";
        all[extra.length + 1] = heapUsedMiB();
        results.timed(LABEL + "." + what, new double[] {ms}, all);
        write();
    }

    private void write() {
        try {
            results.write(out.resolve("java-" + LABEL + ".json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[][] contactPairs(NetworkSnapshot s, int count) {
        List<Integer> contactVertices = new ArrayList<>();
        for (int v = 0; v < s.vertexCount(); v++) {
            if (s.label(v) == NodeLabel.Contact) {
                contactVertices.add(v);
            }
        }
        SplittableRandom random = new SplittableRandom(7);
        int[][] pairs = new int[count][];
        for (int i = 0; i < count; i++) {
            int a = contactVertices.get(random.nextInt(contactVertices.size()));
            int b;
            do {
                b = contactVertices.get(random.nextInt(contactVertices.size()));
            } while (b == a);
            pairs[i] = new int[] {a, b};
        }
        return pairs;
    }

    /** The heap still in use after a full collection, in MiB. */
    static long heapUsedMiB() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }

    private static double millisSince(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static long size(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
