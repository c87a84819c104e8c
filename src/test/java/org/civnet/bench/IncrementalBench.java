package org.civnet.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.civnet.CivnetApplication;
import org.civnet.demo.DemoNetwork;
import org.civnet.network.Contact;
import org.civnet.network.NetworkImporter;
import org.civnet.security.Role;
import org.civnet.security.UserAccounts;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.GraphData;
import org.civnet.snapshot.NetworkSnapshot;
import org.civnet.snapshot.SnapshotCache;
import org.civnet.snapshot.SnapshotReader;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 18, "fresh after every write": one API write (a KNOWS tie created or changed, over HTTP
 * with an officer's token) followed at once by a referral query or a degree report, repeated; the
 * parts of the wait (applying the change records to the graph, deriving the scoped snapshot); and
 * the first analysis after civnet restarts on the same store.
 */
final class IncrementalBench {

    private final String label;
    private final DemoNetwork network;
    private final Results results;
    private final int rounds;

    IncrementalBench(String label, DemoNetwork network, Results results, int rounds) {
        this.label = label;
        this.network = network;
        this.results = results;
        this.rounds = rounds;
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("civnet-bench-incremental-");
        try {
            String adminPassword = secret();
            String token;
            ConfigurableApplicationContext app = start(dir, adminPassword);
            try {
                app.getBean(NetworkImporter.class).importDocument(network.document(), false);
                UserAccounts accounts = app.getBean(UserAccounts.class);
                accounts.createUser("bench-officer", secret(), Role.OFFICER);
                token = accounts.createToken("bench-officer", "bench-incremental", 1);
                afterWrites(app, new HttpLoad(port(app), token));
            } finally {
                long closing = System.nanoTime();
                app.close();
                // Stopping writes the graph for the next start (SavedSnapshot): what that adds to a stop.
                results.put(label + ".incremental.stopMs", Results.round((System.nanoTime() - closing) / 1e6));
            }
            // Paired, same store: first with the graph saved at the stop, then without it (a whole
            // read, as before civnet kept it; that start deletes what the first one's stop saved).
            firstAnalysisAfterRestart(dir, adminPassword, token, true);
            firstAnalysisAfterRestart(dir, adminPassword, token, false);
        } finally {
            deleteTree(dir);
        }
    }

    /** Restarts civnet on the store and times the first degree report as soon as it accepts requests. */
    private void firstAnalysisAfterRestart(Path dir, String adminPassword, String token, boolean takeSaved)
            throws Exception {
        long started = System.nanoTime();
        ConfigurableApplicationContext app = start(dir, adminPassword, "--civnet.analysis.save-on-stop=" + takeSaved);
        try {
            double startMs = (System.nanoTime() - started) / 1e6;
            HttpLoad load = new HttpLoad(port(app), token);
            long t0 = System.nanoTime();
            HttpResponse<String> first = load.get("/api/analysis/centrality?metric=degree&top=10");
            double firstMs = (System.nanoTime() - t0) / 1e6;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("startMs", Results.round(startMs));
            entry.put("firstDegreeReportMs", Results.round(firstMs));
            entry.put("status", first.statusCode());
            entry.put("savedGraphTaken", app.getBean(SnapshotCache.class).savedTaken());
            entry.put("what", "civnet restarted on the same store; first GET /api/analysis/centrality?metric=degree "
                    + "as soon as it accepts requests; " + (takeSaved ? "with the graph saved when it stopped "
                    + "(civnet.analysis.save-on-stop, the default)" : "save-on-stop=false: the whole graph read"));
            results.put(label + ".incremental.firstAnalysisAfterRestart" + (takeSaved ? "" : "WholeRead"), entry);
        } finally {
            app.close();
        }
    }

    private void afterWrites(ConfigurableApplicationContext app, HttpLoad load) throws Exception {
        List<String> contacts = network.document().contacts().stream().map(Contact::id).toList();
        Random random = new Random(18);
        String referral = "/api/referrals?from=%s&to=%s";
        String degree = "/api/analysis/centrality?metric=degree&top=10";
        // The first analysis reads the whole graph (and warms the JIT); then the writes begin.
        check(load.get(referral.formatted(enc(contacts.get(0)), enc(contacts.get(1)))));
        check(load.get(degree));
        SnapshotCache cache = app.getBean(SnapshotCache.class);
        long patchesBefore = cache.patches();
        long buildsBefore = cache.builds();
        long patchNanosBefore = cache.patchNanos();
        double[] write = new double[rounds];
        double[] referralMs = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            write[i] = timedWrite(load, contacts, random);
            long t0 = System.nanoTime();
            check(load.get(referral.formatted(enc(pick(contacts, random)), enc(pick(contacts, random)))));
            referralMs[i] = (System.nanoTime() - t0) / 1e6;
        }
        int degreeRounds = Math.max(5, rounds / 3);
        double[] degreeMs = new double[degreeRounds];
        for (int i = 0; i < degreeRounds; i++) {
            timedWrite(load, contacts, random);
            long t0 = System.nanoTime();
            check(load.get(degree));
            degreeMs[i] = (System.nanoTime() - t0) / 1e6;
        }
        long patches = cache.patches() - patchesBefore;
        results.latencies(label + ".incremental.write", write, "what", "POST /api/ties (a KNOWS tie created or its "
                + "trust changed), officer token");
        results.latencies(label + ".incremental.writeThenReferral", referralMs, "what",
                "GET /api/referrals?from&to right after the write returned", "patches", patches,
                "wholeReads", cache.builds() - buildsBefore);
        results.latencies(label + ".incremental.writeThenDegreeReport", degreeMs, "what",
                "GET " + degree + " right after the write returned");
        results.put(label + ".incremental.patchMeanMs", Results.round(
                patches == 0 ? Double.NaN : (cache.patchNanos() - patchNanosBefore) / 1e6 / patches));
        parts(app, load, contacts, random);
    }

    /** Where the wait goes: one write, then the graph patched, then a scoped snapshot derived from it. */
    private void parts(ConfigurableApplicationContext app, HttpLoad load, List<String> contacts, Random random)
            throws Exception {
        SnapshotCache cache = app.getBean(SnapshotCache.class);
        SnapshotReader reader = app.getBean(SnapshotReader.class);
        int n = 9;
        double[] patch = new double[n];
        double[] bringForward = new double[n];
        double[] derive = new double[n];
        double[] whole = new double[3];
        Timings.blackhole = cache.get(AnalysisScope.all());
        for (int i = 0; i < n; i++) {
            timedWrite(load, contacts, random);
            long t0 = System.nanoTime();
            GraphData data = cache.graphData();
            long t1 = System.nanoTime();
            Timings.blackhole = cache.get(AnalysisScope.all());
            long t2 = System.nanoTime();
            Timings.blackhole = NetworkSnapshot.of(data, AnalysisScope.all());
            long t3 = System.nanoTime();
            patch[i] = (t1 - t0) / 1e6;
            bringForward[i] = (t2 - t1) / 1e6;
            derive[i] = (t3 - t2) / 1e6;
        }
        for (int i = 0; i < whole.length; i++) {
            long t0 = System.nanoTime();
            Timings.blackhole = reader.read();
            whole[i] = (System.nanoTime() - t0) / 1e6;
        }
        results.timed(label + ".incremental.part.applyChanges", patch, "what",
                "SnapshotCache.graphData() after one write: version, change records, changed rows and ties, patch");
        results.timed(label + ".incremental.part.scopeBroughtForward", bringForward, "what",
                "SnapshotCache.get(all) after the patch: the previous version's scoped snapshot patched (ScopedPatch)");
        results.timed(label + ".incremental.part.scopeBuiltWhole", derive, "what",
                "NetworkSnapshot.of(data, all): the scoped snapshot built from the patched graph, for comparison");
        results.timed(label + ".incremental.part.wholeRead", whole, "what", "SnapshotReader.read(), for comparison");
    }

    private static double timedWrite(HttpLoad load, List<String> contacts, Random random) throws Exception {
        String a = pick(contacts, random);
        String b = pick(contacts, random);
        while (b.equals(a)) {
            b = pick(contacts, random);
        }
        String body = "{\"type\":\"KNOWS\",\"from\":\"" + a + "\",\"to\":\"" + b + "\",\"trust\":" + (1 + random.nextInt(5))
                + ",\"lastContact\":\"2026-0" + (1 + random.nextInt(9)) + "-01\"}";
        long t0 = System.nanoTime();
        check(load.post("/api/ties", body));
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    private static String pick(List<String> ids, Random random) {
        return ids.get(random.nextInt(ids.size()));
    }

    private static ConfigurableApplicationContext start(Path dir, String adminPassword, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--civnet.neo4j.data-directory=" + dir.resolve("data"), "--civnet.secrets-directory=" + dir.resolve("secrets"),
                "--civnet.neo4j.bolt-port=0", "--civnet.neo4j.uri=", "--civnet.admin-password=" + adminPassword,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(CivnetApplication.class).logStartupInfo(false).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String secret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
