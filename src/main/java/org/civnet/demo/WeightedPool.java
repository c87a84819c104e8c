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
        double x = rng.nextDouble() * total;
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return nodes[lo];
    }
}
