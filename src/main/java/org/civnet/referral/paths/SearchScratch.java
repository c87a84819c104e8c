package org.civnet.referral.paths;

import java.util.Arrays;

/**
 * Working memory of one query, borrowed from its {@link ReferralGraph}'s pool for the length of
 * the query and used by one thread at a time. A query touches few vertices of a large
 * graph, so per-vertex state lives in compact "local" slots handed out on first touch; only the
 * global-to-local map is O(n), allocated once and cleared in O(1) by bumping a generation stamp.
 * Per-local arrays grow with the largest query seen.
 */
final class SearchScratch {

    static final int NONE = -1;

    /** Layers per local vertex: 0..maxHops. */
    int stride;
    private final int[] stampOf;
    private final int[] localOf;
    private int generation;

    int localCount;
    int[] globalOf = new int[64];
    /** Hop distance per local (breadth-first searches). */
    int[] dist = new int[64];
    /** Layered cost per (local, hops): cheapest walk from the layer root with at most that many ties. */
    double[] layerCost;
    /** The predecessor (global id) that set the layer value, or {@link #NONE} when carried from the layer below. */
    int[] layerParent;
    private int[] blockedStamp = new int[64];
    private int blockGeneration = 1;

    // A* state arrays, state = local * stride + remaining hops.
    double[] g = new double[0];
    int[] parentState = new int[0];
    int[] parentEdge = new int[0];
    int[] seenStamp = new int[0];
    int[] settledStamp = new int[0];
    int searchGeneration;

    final MinHeap heap = new MinHeap();
    int[] frontier = new int[64];
    int[] nextFrontier = new int[64];

    SearchScratch(int vertexCount, int stride) {
        this.stride = stride;
        this.stampOf = new int[vertexCount];
        this.localOf = new int[vertexCount];
        this.layerCost = new double[64 * stride];
        this.layerParent = new int[64 * stride];
    }

    /** Prepares for a query with {@code stride} layers per vertex (per-local contents are never carried over). */
    void restride(int stride) {
        if (stride != this.stride) {
            this.stride = stride;
            layerCost = new double[globalOf.length * stride];
            layerParent = new int[globalOf.length * stride];
        }
    }

    void resetLocals() {
        localCount = 0;
        if (++generation == Integer.MAX_VALUE) {
            Arrays.fill(stampOf, 0);
            generation = 1;
        }
    }

    /** Local slot of {@code v}, or -1 when untouched since the last reset. */
    int local(int v) {
        return stampOf[v] == generation ? localOf[v] : -1;
    }

    /** Touches {@code v}, which must be untouched; returns its new local slot. */
    int add(int v) {
        int l = localCount;
        if (l == globalOf.length) {
            growLocals(l * 2);
        }
        stampOf[v] = generation;
        localOf[v] = l;
        globalOf[l] = v;
        localCount++;
        return l;
    }

    private void growLocals(int capacity) {
        globalOf = Arrays.copyOf(globalOf, capacity);
        dist = Arrays.copyOf(dist, capacity);
        blockedStamp = Arrays.copyOf(blockedStamp, capacity);
        layerCost = Arrays.copyOf(layerCost, capacity * stride);
        layerParent = Arrays.copyOf(layerParent, capacity * stride);
    }

    /** Starts a new, empty set of blocked locals. */
    void clearBlocked() {
        if (++blockGeneration == Integer.MAX_VALUE) {
            Arrays.fill(blockedStamp, 0);
            blockGeneration = 1;
        }
    }

    void block(int local) {
        blockedStamp[local] = blockGeneration;
    }

    boolean isBlocked(int local) {
        return blockedStamp[local] == blockGeneration;
    }

    /** Makes the A* state arrays cover every current local and starts a fresh search. */
    void startSearch() {
        int states = localCount * stride;
        if (g.length < states) {
            int capacity = Math.max(states, g.length * 2);
            g = Arrays.copyOf(g, capacity);
            parentState = Arrays.copyOf(parentState, capacity);
            parentEdge = Arrays.copyOf(parentEdge, capacity);
            seenStamp = Arrays.copyOf(seenStamp, capacity);
            settledStamp = Arrays.copyOf(settledStamp, capacity);
        }
        if (++searchGeneration == Integer.MAX_VALUE) {
            Arrays.fill(seenStamp, 0);
            Arrays.fill(settledStamp, 0);
            searchGeneration = 1;
        }
        heap.clear();
    }

    int[] growFrontier(int[] array) {
        return Arrays.copyOf(array, array.length * 2);
    }
}
