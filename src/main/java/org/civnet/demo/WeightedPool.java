package org.civnet.demo;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Candidates with positive weights, drawn with replacement in proportion to their weight (binary search). */
final class WeightedPool {
    private int[] nodes = new int[16];
    private double[] cumulative = new double[16];
    private int size;
    private double total;

    /** Adds a candidate; a weight ≤ 0 means "not a candidate" and is ignored. */
    void add(int node, double weight) {
        if (!(weight > 0)) {
            return;
        }
        if (size == nodes.length) {
            nodes = Arrays.copyOf(nodes, size * 2);
            cumulative = Arrays.copyOf(cumulative, size * 2);
        }
        total += weight;
        nodes[size] = node;
        cumulative[size++] = total;
    }

    int size() {
        return size;
    }

    int draw(SplittableRandom rng) {
        if (size == 0) {
            throw new IllegalStateException("empty pool");
        }
        return nodes[firstAbove(cumulative, 0, size, rng.nextDouble() * total)];
    }

    /**
     * The first index in {@code [from, to)} whose cumulative weight exceeds {@code x}, or {@code to - 1}: the
     * binary search behind every weighted draw of the demo network.
     */
    static int firstAbove(double[] cumulative, int from, int to, double x) {
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
