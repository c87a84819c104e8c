package org.civnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The figures of one benchmark run, keyed by measurement id (e.g. {@code betweenness.exact}),
 * written as JSON for {@code src/test/bench/peers.py report}, which sets them beside the peers' figures.
 */
final class Results {

    private final Map<String, Object> figures = new LinkedHashMap<>();

    /** Records a timed series: all runs, the median, and anything else worth keeping. */
    Map<String, Object> timed(String id, double[] millis, Object... extra) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("medianMs", round(Timings.median(millis)));
        entry.put("runsMs", Timings.list(millis));
        return record(id, entry, extra);
    }

    /** Records a latency distribution (many short queries). */
    Map<String, Object> latencies(String id, double[] millis, Object... extra) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("count", millis.length);
        entry.put("p50Ms", round(Timings.percentile(millis, 50)));
        entry.put("p90Ms", round(Timings.percentile(millis, 90)));
        entry.put("p99Ms", round(Timings.percentile(millis, 99)));
        entry.put("maxMs", round(Timings.percentile(millis, 100)));
        double sum = 0;
        for (double m : millis) {
            sum += m;
        }
        entry.put("meanMs", round(millis.length == 0 ? Double.NaN : sum / millis.length));
        return record(id, entry, extra);
    }

    /** Adds the {@code extra} key/value pairs and the load average, keeps the entry and logs it. */
    private Map<String, Object> record(String id, Map<String, Object> entry, Object... extra) {
        for (int i = 0; i + 1 < extra.length; i += 2) {
            entry.put(String.valueOf(extra[i]), extra[i + 1]);
        }
        entry.put("loadavg", loadAverage());
        figures.put(id, entry);
        log(id, entry);
        return entry;
    }

    void put(String id, Object value) {
        if (value instanceof Map<?, ?> map && !map.containsKey("loadavg")) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put("loadavg", loadAverage());
            value = copy;
        }
        figures.put(id, value);
        log(id, value);
    }

    /** The figures of an earlier run, to be added to (the store half of the huge run). */
    @SuppressWarnings("unchecked")
    static Results read(Path file) throws IOException {
        Results results = new Results();
        results.figures.putAll(new ObjectMapper().readValue(file.toFile(), LinkedHashMap.class));
        return results;
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), figures);
    }

    /** The 1, 5 and 15 minute load averages when the figure was taken (the machine is shared). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }

    private static void log(String id, Object value) {
        String text = String.valueOf(value);
        System.out.println("[bench] " + id + " = " + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
    }
}
