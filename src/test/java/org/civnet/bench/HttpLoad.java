package org.civnet.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small load generator for loopback runs: {@code clients} threads send GET requests with a
 * bearer token, taking the next URL from a shared list until {@code count} requests have been sent
 * or {@code maxDuration} has passed; each request's latency (send to body received) is kept.
 */
final class HttpLoad {

    /** What one load run measured. */
    record Outcome(double[] latencyMs, Map<Integer, Integer> statuses, double wallMs, int clients) {
        double throughputPerSecond() {
            return latencyMs.length / (wallMs / 1000.0);
        }

        int errors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() != 200).mapToInt(Map.Entry::getValue).sum();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    HttpLoad(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** One request; returns the status and the body. */
    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(request(pathAndQuery), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
    }

    /** Sends {@code count} requests (cycling over {@code urls}) from {@code clients} threads. */
    Outcome run(List<String> urls, int clients, int count, Duration maxDuration) throws Exception {
        double[] latency = new double[count];
        int[] status = new int[count];
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + maxDuration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                        HttpRequest request = request(urls.get(i % urls.size()));
                        long t0 = System.nanoTime();
                        int code;
                        try {
                            code = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                        } catch (Exception e) {
                            code = -1;
                        }
                        latency[i] = (System.nanoTime() - t0) / 1e6;
                        status[i] = code;
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - started) / 1e6;
        // Status 0: an index taken when the deadline had passed, never sent.
        Map<Integer, Integer> statuses = new TreeMap<>();
        double[] kept = new double[count];
        int done = 0;
        for (int i = 0; i < count; i++) {
            if (status[i] != 0) {
                kept[done++] = latency[i];
                statuses.merge(status[i], 1, Integer::sum);
            }
        }
        return new Outcome(java.util.Arrays.copyOf(kept, done), statuses, wall, clients);
    }
}
