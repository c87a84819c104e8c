package org.civnet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.civnet.analysis.brokerage.BrokerScore;
import org.civnet.analysis.centrality.Betweenness;
import org.civnet.analysis.centrality.Centralities;
import org.civnet.analysis.community.CommunityAlgorithm;
import org.civnet.analysis.community.CommunityDetection;
import org.civnet.analysis.community.CommunityOptions;
import org.civnet.analysis.cost.CostModel;
import org.civnet.analysis.isolation.IsolationAnalysis;
import org.civnet.demo.DemoNetwork;
import org.civnet.demo.DemoNetworkGenerator;
import org.civnet.report.Grouping;
import org.civnet.report.IsolationService;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.GraphData;
import org.civnet.snapshot.NetworkSnapshot;

/**
 * Checks {@link CostModel} against what the analyses take: the snapshot's retained bytes per vertex
 * and per tie (heap after a collection, with and without the snapshot, at two tie densities), and
 * for each analysis its time and its heap peak (used heap sampled every millisecond above the
 * collected baseline: garbage included, so an upper bound of the live peak) next to the estimate.
 * Run: {@code java -Xmx6g -cp target/test-classes:target/classes:$(cat target/bench/classpath.txt)
 * org.civnet.bench.EstimateBench [bytes] 10000 [100000]} (threads = 1 and 2; {@code bytes}: the snapshot only).
 */
public final class EstimateBench {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private EstimateBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean bytesOnly = args.length > 0 && args[0].equals("bytes");
        for (String arg : args) {
            if (arg.equals("bytes")) {
                continue;
            }
            int contacts = Integer.parseInt(arg);
            snapshotBytes(contacts);
            if (!bytesOnly) {
                analyses(contacts);
            }
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static GraphData data(int contacts, double knowsPerContact) {
        DemoNetwork network = DemoNetworkGenerator.generate(DemoNetworkGenerator.Options.defaults()
                .withContacts(contacts).withAverageKnowsPerContact(knowsPerContact).withSeed(DemoGraphs.SEED));
        return DemoGraphs.toGraphData(network.document());
    }

    /** Retained bytes of GraphData plus the whole-graph snapshot, at 9 and 3 KNOWS per contact. */
    private static void snapshotBytes(int contacts) {
        long[] n = new long[2];
        long[] m = new long[2];
        long[] bytes = new long[2];
        double[] density = {9.0, 3.0};
        // Warm-up: the generator's and the snapshot's one-time static data must not count as the first graph's.
        if (NetworkSnapshot.of(data(contacts, 3.0), AnalysisScope.all()).vertexCount() < 0) {
            throw new AssertionError();
        }
        for (int i = 0; i < 2; i++) {
            long before = usedAfterGc();
            GraphData data = data(contacts, density[i]);
            NetworkSnapshot snapshot = NetworkSnapshot.of(data, AnalysisScope.all());
            long after = usedAfterGc();
            n[i] = data.nodeCount();
            m[i] = data.tieCount();
            bytes[i] = after - before;
            System.out.printf(Locale.ROOT, "snapshot %d contacts, knows/contact %.0f: n=%d ties=%d graph edges=%d "
                            + "retained=%d bytes (approximateBytes of the scoped snapshot %d)%n", contacts, density[i],
                    n[i], m[i], snapshot.graph().edgeCount(), bytes[i], snapshot.approximateBytes());
            if (data.nodeCount() < 0 || snapshot.vertexCount() < 0) {
                throw new AssertionError();
            }
        }
        double perTie = (double) (bytes[0] - bytes[1]) / (m[0] - m[1]);
        double perNode = (bytes[0] - perTie * m[0]) / n[0];
        System.out.printf(Locale.ROOT, "snapshot %d contacts: %.0f bytes per tie, %.0f bytes per node "
                + "(model %d + %d)%n", contacts, perTie, perNode, CostModel.SNAPSHOT_TIE_BYTES, CostModel.SNAPSHOT_NODE_BYTES);
    }

    private static void analyses(int contacts) throws Exception {
        GraphData data = data(contacts, DemoGraphs.KNOWS_PER_CONTACT);
        NetworkSnapshot s = NetworkSnapshot.of(data, AnalysisScope.all());
        long n = s.vertexCount();
        long m = s.graph().edgeCount();
        System.out.printf(Locale.ROOT, "analyses at %d contacts: n=%d m=%d, load average %.2f%n", contacts, n, m,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<String> rows = new ArrayList<>();
        boolean small = contacts <= 20_000;
        for (int t : new int[] {1, 2}) {
            if (small && t == 2) {
                rows.add(run("exact betweenness, " + t + " thread(s)", CostModel.betweenness(n, m, t, n, false),
                        () -> new Betweenness(s.graph(), Betweenness.Options.defaults().withThreads(t)).scores()));
            }
            rows.add(run("sampled betweenness k=256, " + t + " thread(s)", CostModel.betweenness(n, m, t, 256, false),
                    () -> new Betweenness(s.graph(), Betweenness.Options.defaults().withSamples(256, 42).withThreads(t)).scores()));
            if (small && t == 2) {
                rows.add(run("closeness, " + t + " thread(s)", CostModel.closeness(n, m, t, false),
                        () -> Centralities.closeness(s.graph(), false, t)));
            }
        }
        rows.add(run("leiden", CostModel.communities(n, m),
                () -> CommunityDetection.detect(s.graph(), CommunityAlgorithm.LEIDEN, CommunityOptions.defaults())));
        rows.add(run("louvain", CostModel.communities(n, m),
                () -> CommunityDetection.detect(s.graph(), CommunityAlgorithm.LOUVAIN, CommunityOptions.defaults())));
        Grouping grouping = Grouping.of(s, "theme");
        IsolationAnalysis.Input input = IsolationService.inputFor(s, grouping);
        rows.add(run("isolation", CostModel.isolation(n, m),
                () -> IsolationAnalysis.run(s.graph(), input, IsolationAnalysis.Options.DEFAULTS)));
        if (small) {
            Grouping regions = Grouping.of(s, "region");
            rows.add(run("brokerage, 2 threads", CostModel.brokerage(n, m, 2, false),
                    () -> BrokerScore.rank(s.graph(), regions.groupOf(), false, 2)));
        }
        System.out.println("| analysis | n | m | estimate bytes | measured peak bytes | estimate s | measured s |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(r -> System.out.println(r.replace("{n}", String.valueOf(n)).replace("{m}", String.valueOf(m))));
    }

    private static String run(String what, CostModel.Cost estimate, Supplier<Object> work) throws InterruptedException {
        if (estimate.seconds() < 5) {
            work.get(); // warm-up (a long run warms itself)
        }
        long baseline = usedAfterGc();
        long[] peak = {baseline};
        boolean[] done = {false};
        Thread sampler = new Thread(() -> {
            while (!done[0]) {
                peak[0] = Math.max(peak[0], MEMORY.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        Object result = work.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        done[0] = true;
        sampler.join();
        if (result == null) {
            throw new AssertionError(what);
        }
        String row = String.format(Locale.ROOT, "| %s | {n} | {m} | %.1f MB | %.1f MB | %.2f | %.2f |", what,
                estimate.bytes() / 1048576.0, (peak[0] - baseline) / 1048576.0, estimate.seconds(), seconds);
        System.out.println(row);
        return row;
    }
}
