package org.civnet.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Wall-clock measurements: warm-up runs (discarded, so the JIT has compiled the code), then timed
 * runs, summarised by the median (robust on a shared, noisy machine) and nearest-rank percentiles.
 */
final class Timings {

    /** A sink the JIT cannot prove unused, so measured work is never optimised away. */
    static volatile Object blackhole;

    private Timings() {
    }

    /** Times {@code runs} calls of {@code work} after {@code warmups} untimed calls. */
    static double[] repeat(int warmups, int runs, Supplier<?> work) {
        for (int i = 0; i < warmups; i++) {
            blackhole = work.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            blackhole = work.get();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return millis;
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }

    /** Nearest-rank percentile (p in 0..100): the smallest value with at least p% of values at or below it. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (p == 50 && sorted.length % 2 == 0) {
            return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Math.round(v * 1000) / 1000.0);
        }
        return out;
    }
}
