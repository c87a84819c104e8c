package org.civnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code src/test/bench/run.sh}: {@code BenchMain quick|full <output dir>}.
 *
 * <p>quick: the 10,000-contact network only (in-memory analyses, then the store: import into an
 * embedded Neo4j, read back, and the HTTP referral load run when the endpoint exists). full: the
 * same at 10,000, then the 100,000-contact network (about a million ties). The figures go to
 * {@code java-<size>.json} (certified betweenness, {@link CertifiedBetweennessBench}, to
 * {@code java-certified-<size>.json}); the graphs for the peers to {@code graph-<size>.tsv}. With the environment
 * variable {@code BENCH_ONLY=incremental}, only issue 18's write-then-analysis figures run
 * ({@link IncrementalBench}, to {@code java-incremental-<size>.json}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "quick";
        if (!List.of("quick", "full", "huge", "huge-store").contains(mode)) {
            throw new IllegalArgumentException("mode must be quick, full, huge or huge-store: " + mode);
        }
        boolean full = mode.equals("full");
        Path out = Path.of(args.length > 1 ? args[1] : "target/bench");
        boolean skipStore = Boolean.getBoolean("bench.skipStore");
        Files.createDirectories(out);

        Results info = new Results();
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("version", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        jvm.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        jvm.put("processors", Runtime.getRuntime().availableProcessors());
        info.put("jvm", jvm);
        info.write(out.resolve("java-jvm.json"));

        if (mode.startsWith("huge")) {
            huge(mode, out);
            return;
        }
        if ("incremental".equals(System.getenv("BENCH_ONLY"))) {
            incremental("10k", 10_000, out);
            if (full) {
                incremental("100k", 100_000, out);
            }
            return;
        }
        run("10k", 10_000, full, skipStore, out);
        if (full) {
            run("100k", 100_000, full, skipStore, out);
        }
    }

    /**
     * huge: the in-memory figures at {@code bench.hugeContacts} contacts (default a million, about
     * ten million ties); huge-store: the store figures of the same network, in a JVM of their own.
     */
    private static void huge(String mode, Path out) throws Exception {
        Path file = out.resolve("java-" + HugeBench.LABEL + ".json");
        Results results = Files.exists(file) && mode.equals("huge-store") ? Results.read(file) : new Results();
        HugeBench bench = new HugeBench(Integer.getInteger("bench.hugeContacts", 1_000_000), out, results);
        try {
            if (mode.equals("huge")) {
                bench.memory();
            } else {
                bench.store();
            }
        } finally {
            results.write(file);
        }
    }

    /** Only issue 18's write-then-analysis figures ({@link IncrementalBench}), for BENCH_ONLY=incremental. */
    private static void incremental(String label, int contacts, Path out) throws Exception {
        Results results = new Results();
        try {
            new IncrementalBench(label, DemoGraphs.generate(contacts), results, contacts >= 100_000 ? 30 : 60).run();
        } finally {
            results.write(out.resolve("java-incremental-" + label + ".json"));
        }
    }

    private static void run(String label, int contacts, boolean full, boolean skipStore, Path out) throws Exception {
        Results results = new Results();
        AnalysisBench analysis = new AnalysisBench(label, contacts, full, out, results);
        try {
            analysis.run();
            results.write(out.resolve("java-" + label + ".json"));
            Results certified = new Results();
            try {
                new CertifiedBetweennessBench(label, org.civnet.snapshot.NetworkSnapshot.of(analysis.data,
                        org.civnet.snapshot.AnalysisScope.all()).graph(), out, certified).run();
            } finally {
                certified.write(out.resolve("java-certified-" + label + ".json"));
            }
            if (!skipStore) {
                new StoreBench(label, analysis.network, analysis.data, full, out, results, analysis.removedIds).run();
                new IncrementalBench(label, analysis.network, results, contacts >= 100_000 ? 30 : 60).run();
            }
        } finally {
            results.write(out.resolve("java-" + label + ".json"));
        }
    }
}
