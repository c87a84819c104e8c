package org.civnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of {@code src/test/bench/run.sh}: {@code BenchMain quick|full <output dir>}.
 *
 * <p>quick: the 10,000-contact network only (in-memory analyses, then the store: import into an
 * embedded Neo4j, read back, and the HTTP referral load run when the endpoint exists). full: the
 * same at 10,000, then the 100,000-contact network (about a million ties). The figures go to
 * {@code java-<size>.json}; the graphs for the peers to {@code graph-<size>.tsv}. With the environment
 * variable {@code BENCH_ONLY=incremental}, only issue 18's write-then-analysis figures run
 * ({@link IncrementalBench}, to {@code java-incremental-<size>.json}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "quick";
        if (!mode.equals("quick") && !mode.equals("full")) {
            throw new IllegalArgumentException("mode must be quick or full: " + mode);
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
            if (!skipStore) {
                new StoreBench(label, analysis.network, analysis.data, full, out, results, analysis.removedIds).run();
                new IncrementalBench(label, analysis.network, results, contacts >= 100_000 ? 30 : 60).run();
            }
        } finally {
            results.write(out.resolve("java-" + label + ".json"));
        }
    }
}
