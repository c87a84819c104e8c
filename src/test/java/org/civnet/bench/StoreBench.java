package org.civnet.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.civnet.CivnetApplication;
import org.civnet.demo.DemoNetwork;
import org.civnet.network.ImportReport;
import org.civnet.network.NetworkImporter;
import org.civnet.network.NetworkStore;
import org.civnet.referral.ReferralService;
import org.civnet.security.AuditLog;
import org.civnet.security.Role;
import org.civnet.security.UserAccounts;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.GraphData;
import org.civnet.snapshot.NetworkSnapshot;
import org.civnet.snapshot.SnapshotReader;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The store side of one demo network: civnet starts (Spring Boot, embedded Neo4j in a temporary
 * directory, Tomcat on a free loopback port), the network goes in through
 * {@link NetworkImporter#importDocument} (issue 2), the snapshot is read back from Neo4j and built
 * (issue 4), and the referral endpoint is loaded by concurrent HTTP clients with an API token
 * (issue 5). The temporary directory is deleted at the end.
 */
final class StoreBench {

    private static final int LOAD_CLIENTS = 4;

    private final String label;
    private final DemoNetwork network;
    private final GraphData memoryData;
    private final boolean full;
    private final Path out;
    private final Results results;
    private final List<String> removedIds;

    StoreBench(String label, DemoNetwork network, GraphData memoryData, boolean full, Path out, Results results,
               List<String> removedIds) {
        this.label = label;
        this.network = network;
        this.memoryData = memoryData;
        this.full = full;
        this.out = out;
        this.results = results;
        this.removedIds = removedIds;
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("civnet-bench-neo4j-");
        String adminPassword = secret();
        long started = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivnetApplication.class).logStartupInfo(false)
                .run("--server.port=0", "--server.address=127.0.0.1", "--civnet.neo4j.data-directory=" + dir.resolve("data"),
                        "--civnet.secrets-directory=" + dir.resolve("secrets"),
                        "--civnet.neo4j.bolt-port=0", "--civnet.neo4j.uri=", "--civnet.admin-password=" + adminPassword,
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--logging.level.org.civnet.network.NetworkImporter=INFO");
        try {
            results.put(label + ".store.startMs", Results.round((System.nanoTime() - started) / 1e6));
            importNetwork(app);
            readSnapshot(app);
            serviceReferrals(app);
            http(app);
        } finally {
            app.close();
            deleteTree(dir);
        }
    }

    private void importNetwork(ConfigurableApplicationContext app) {
        NetworkImporter importer = app.getBean(NetworkImporter.class);
        long rows = DemoGraphs.rowCount(network.document());
        long t0 = System.nanoTime();
        ImportReport report = importer.importDocument(network.document(), false);
        double ms = (System.nanoTime() - t0) / 1e6;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("ms", Results.round(ms));
        entry.put("rows", rows);
        entry.put("rowsPerSecond", Math.round(rows / (ms / 1000)));
        entry.put("contacts", network.document().contacts().size());
        entry.put("ties", network.document().ties().size());
        entry.put("rejected", report.rejected().size());
        entry.put("importerReportedMs", report.millis());
        entry.put("sections", report.sections());
        entry.put("batchSize", app.getEnvironment().getProperty("civnet.limits.import-batch-size", "5000"));
        results.put(label + ".import", entry);
    }

    private void readSnapshot(ConfigurableApplicationContext app) {
        SnapshotReader reader = app.getBean(SnapshotReader.class);
        int runs = 3;
        double[] read = new double[runs];
        double[] build = new double[runs];
        double[] total = new double[runs];
        GraphData data = null;
        NetworkSnapshot snapshot = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            data = reader.read();
            long t1 = System.nanoTime();
            snapshot = NetworkSnapshot.of(data, AnalysisScope.all());
            long t2 = System.nanoTime();
            read[i] = (t1 - t0) / 1e6;
            build[i] = (t2 - t1) / 1e6;
            total[i] = (t2 - t0) / 1e6;
        }
        NetworkSnapshot fromMemory = NetworkSnapshot.of(memoryData, AnalysisScope.all());
        boolean same = snapshot.vertexCount() == fromMemory.vertexCount()
                && snapshot.graph().edgeCount() == fromMemory.graph().edgeCount();
        results.timed(label + ".snapshot.neo4jRead", read, "nodes", data.nodeCount(), "ties", data.tieCount(),
                "note", "run 1 follows the import (caches warm from the writes)");
        results.timed(label + ".snapshot.neo4jBuild", build);
        results.timed(label + ".snapshot.neo4jReadAndBuild", total, "vertices", snapshot.vertexCount(),
                "edges", snapshot.graph().edgeCount(), "sameAsInMemory", same);
    }

    /** The referral service in-process (snapshot cache, costs, description of paths), no HTTP. */
    private void serviceReferrals(ConfigurableApplicationContext app) throws IOException {
        ReferralService service = app.getBean(ReferralService.class);
        List<String[]> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("referral-ids-" + label + ".txt"))) {
            String[] f = line.split("\t");
            if (f[0].equals("pair")) {
                pairs.add(new String[] {f[1], f[2]});
            }
        }
        ReferralService.Options options = new ReferralService.Options(3, 4, null, null, Set.of(), false, false);
        long t0 = System.nanoTime();
        service.toPerson(pairs.get(0)[0], pairs.get(0)[1], options);
        results.put(label + ".referral.service.firstQueryMs", Results.round((System.nanoTime() - t0) / 1e6));
        for (int i = 0; i < 500; i++) {
            Timings.blackhole = service.toPerson(pairs.get(i)[0], pairs.get(i)[1], options);
        }
        double[] ms = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            long s = System.nanoTime();
            Timings.blackhole = service.toPerson(pairs.get(i)[0], pairs.get(i)[1], options);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        results.latencies(label + ".referral.service.single", ms, "what",
                "ReferralService.toPerson in-process, warm snapshot, sequential");
        // Every analysis request first asks the store for the graph version (one Bolt round trip).
        NetworkStore store = app.getBean(NetworkStore.class);
        double[] version = new double[1000];
        for (int i = 0; i < 200; i++) {
            Timings.blackhole = store.graphVersion();
        }
        for (int i = 0; i < version.length; i++) {
            long s = System.nanoTime();
            Timings.blackhole = store.graphVersion();
            version[i] = (System.nanoTime() - s) / 1e6;
        }
        results.latencies(label + ".store.graphVersion", version, "what", "NetworkStore.graphVersion(), sequential");
        // Every referral request is audited: one write transaction.
        AuditLog audit = app.getBean(AuditLog.class);
        double[] audited = new double[500];
        for (int i = 0; i < 100; i++) {
            audit.recordAs("bench", AuditLog.Action.REFERRAL_QUERY, pairs.get(i)[1], "bench warm-up");
        }
        for (int i = 0; i < audited.length; i++) {
            long s = System.nanoTime();
            audit.recordAs("bench", AuditLog.Action.REFERRAL_QUERY, pairs.get(i)[1], "from " + pairs.get(i)[0]);
            audited[i] = (System.nanoTime() - s) / 1e6;
        }
        results.latencies(label + ".store.auditRecord", audited, "what", "AuditLog.recordAs, sequential");
    }

    private void http(ConfigurableApplicationContext app) throws Exception {
        boolean hasEndpoint = app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods().keySet().stream()
                .anyMatch(info -> info.getPatternValues().contains("/api/referrals"));
        if (!hasEndpoint) {
            results.put(label + ".http", "skipped: no GET /api/referrals in this build");
            return;
        }
        UserAccounts accounts = app.getBean(UserAccounts.class);
        accounts.createUser("bench-officer", secret(), Role.OFFICER);
        String token = accounts.createToken("bench-officer", "bench-load", 1);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        HttpLoad load = new HttpLoad(port, token);

        List<String> single = new ArrayList<>();
        List<String> reachable = new ArrayList<>();
        List<String> region = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("referral-ids-" + label + ".txt"))) {
            String[] f = line.split("\t");
            if (f[0].equals("pair")) {
                single.add("/api/referrals?from=" + enc(f[1]) + "&to=" + enc(f[2]));
                if (f[3].equals("1")) {
                    reachable.add(single.get(single.size() - 1));
                }
            } else {
                region.add("/api/referrals?from=" + enc(f[1]) + "&region=" + f[2]);
            }
        }
        var probe = load.get(single.get(0));
        if (probe.statusCode() != 200) {
            results.put(label + ".http", "skipped: probe returned " + probe.statusCode() + " " + probe.body());
            return;
        }
        // Warm-up: the snapshot is already cached by the service run; this warms Tomcat and the JIT.
        load.run(single, LOAD_CLIENTS, 500, Duration.ofMinutes(2));
        load.run(region, LOAD_CLIENTS, 40, Duration.ofMinutes(2));

        record(label + ".http.referral.single.1client", load.run(single, 1, single.size(), Duration.ofMinutes(3)));
        record(label + ".http.referral.single." + LOAD_CLIENTS + "clients",
                load.run(single, LOAD_CLIENTS, single.size(), Duration.ofMinutes(3)));
        // Only the pairs with a path within 4 hops: no "why not" search, longer answers.
        record(label + ".http.referral.single.reachable." + LOAD_CLIENTS + "clients",
                load.run(reachable, LOAD_CLIENTS, Math.max(1000, reachable.size()), Duration.ofMinutes(3)));
        record(label + ".http.referral.region.1client", load.run(region, 1, region.size(), Duration.ofMinutes(3)));
        record(label + ".http.referral.region." + LOAD_CLIENTS + "clients",
                load.run(region, LOAD_CLIENTS, region.size(), Duration.ofMinutes(3)));

        if (!removedIds.isEmpty()) {
            isolationHttp(load);
        }
    }

    /** The isolation report and a resilience what-if over HTTP (warm snapshot), for the 10k network. */
    private void isolationHttp(HttpLoad load) throws Exception {
        String path = "/api/analysis/isolation?groupBy=theme";
        var first = load.get(path);
        if (first.statusCode() != 200) {
            results.put(label + ".http.isolation", "skipped: " + first.statusCode() + " " + first.body());
            return;
        }
        double[] isolation = Timings.repeat(2, 7, () -> call(() -> load.get(path)));
        results.timed(label + ".http.isolation", isolation, "what", "GET " + path + ", warm snapshot");
        String body = "{\"remove\":[" + String.join(",", removedIds.stream().map(id -> "\"" + id + "\"").toList())
                + "],\"groupBy\":\"theme\"}";
        var check = load.post("/api/analysis/resilience", body);
        if (check.statusCode() != 200) {
            results.put(label + ".http.resilience", "skipped: " + check.statusCode() + " " + check.body());
            return;
        }
        double[] resilience = Timings.repeat(2, 7, () -> call(() -> load.post("/api/analysis/resilience", body)));
        results.timed(label + ".http.resilience", resilience, "what", "POST /api/analysis/resilience removing "
                + removedIds.size() + " cut vertices");
    }

    private void record(String id, HttpLoad.Outcome o) {
        results.latencies(id, o.latencyMs(), "clients", o.clients(), "statuses", o.statuses(),
                "throughputPerSecond", Results.round(o.throughputPerSecond()), "wallMs", Results.round(o.wallMs()));
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static Object call(Call c) {
        try {
            return c.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String secret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static void deleteTree(Path dir) throws IOException {
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
