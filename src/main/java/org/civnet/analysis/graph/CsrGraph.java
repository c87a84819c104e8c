package org.civnet.analysis.graph;

import java.util.Arrays;
import java.util.Objects;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * An immutable, simple, undirected graph in compressed sparse row form.
 *
 * <p>Vertices are the ints {@code 0..n-1}. Each undirected edge {@code {u,v}} has an id in
 * {@code 0..m-1} (so callers can keep edge attributes in side arrays) and is stored twice in the
 * adjacency, once from each end. Neighbours of a vertex are sorted ascending. Self-loops are
 * dropped and parallel edges merged (keeping the larger weight, and the first edge id), because
 * every analysis here treats ties as a simple undirected graph, as NetworkX's {@code Graph} does.
 *
 * <p>Memory: {@code 4(n+1) + 16m} bytes for offsets, targets, edge ids and weights.
 */
public final class CsrGraph implements Adjacency {

    private final int vertexCount;
    private final int[] offsets;
    private final int[] targets;
    private final int[] edgeIds;
    private final double[] weights;
    private final int edgeCount;
    private final boolean weighted;
    private volatile Graph<Integer, DefaultWeightedEdge> jgraphtView;

    private CsrGraph(int vertexCount, int[] offsets, int[] targets, int[] edgeIds, double[] weights,
                     int edgeCount, boolean weighted) {
        this.vertexCount = vertexCount;
        this.offsets = offsets;
        this.targets = targets;
        this.edgeIds = edgeIds;
        this.weights = weights;
        this.edgeCount = edgeCount;
        this.weighted = weighted;
    }

    /**
     * A graph from its arrays, as {@link #build()} lays them out (each slice sorted by target,
     * edge ids {@code 0..edgeCount-1}, both directions present); for code that updates a graph in
     * bulk instead of building it again. The arrays are taken, not copied.
     */
    public static CsrGraph fromArrays(int vertexCount, int[] offsets, int[] targets, int[] edgeIds, double[] weights,
                                      int edgeCount, boolean weighted) {
        if (offsets.length != vertexCount + 1 || targets.length != offsets[vertexCount] || edgeIds.length != targets.length
                || weights.length != targets.length || targets.length != 2 * edgeCount) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
        return new CsrGraph(vertexCount, offsets, targets, edgeIds, weights, edgeCount, weighted);
    }

    /** The offsets, targets, edge ids and weights arrays themselves (not copies): read them, never write. */
    public int[] offsetsArray() {
        return offsets;
    }

    public int[] targetsArray() {
        return targets;
    }

    public int[] edgeIdsArray() {
        return edgeIds;
    }

    public double[] weightsArray() {
        return weights;
    }

    public static Builder builder(int vertexCount) {
        return new Builder(vertexCount);
    }

    /** Builds a graph from a compact spec such as {@code "0-1, 1-2, 2-0"}; for tests. */
    public static CsrGraph parse(int vertexCount, String edges) {
        Builder b = builder(vertexCount);
        for (String part : edges.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            String[] ends = p.split("-");
            b.addEdge(Integer.parseInt(ends[0].trim()), Integer.parseInt(ends[1].trim()));
        }
        return b.build();
    }

    @Override
    public int vertexCount() {
        return vertexCount;
    }

    /** Number of undirected edges. */
    public int edgeCount() {
        return edgeCount;
    }

    /** True when at least one edge was added with a weight other than 1. */
    public boolean isWeighted() {
        return weighted;
    }

    public int degree(int v) {
        return offsets[v + 1] - offsets[v];
    }

    /** Start of {@code v}'s slice in the adjacency arrays; its slice ends at {@code offsetEnd(v)}. */
    @Override
    public int offset(int v) {
        return offsets[v];
    }

    @Override
    public int offsetEnd(int v) {
        return offsets[v + 1];
    }

    /** The neighbour stored at adjacency position {@code slot}. */
    @Override
    public int target(int slot) {
        return targets[slot];
    }

    /** The undirected edge id stored at adjacency position {@code slot}. */
    public int edgeId(int slot) {
        return edgeIds[slot];
    }

    /** The weight of the edge stored at adjacency position {@code slot}. */
    public double weight(int slot) {
        return weights[slot];
    }

    /** A copy of {@code v}'s sorted neighbours. */
    public int[] neighbors(int v) {
        return Arrays.copyOfRange(targets, offsets[v], offsets[v + 1]);
    }

    /** Adjacency position of {@code v} in {@code u}'s slice, or -1 when they are not adjacent. */
    public int slotOf(int u, int v) {
        int i = Arrays.binarySearch(targets, offsets[u], offsets[u + 1], v);
        return i >= 0 ? i : -1;
    }

    public boolean hasEdge(int u, int v) {
        return slotOf(u, v) >= 0;
    }

    /** Weight of edge {@code {u,v}}, or 0 when absent. */
    public double edgeWeight(int u, int v) {
        int s = slotOf(u, v);
        return s < 0 ? 0.0 : weights[s];
    }

    /**
     * The vertices in breadth-first order, component by component from the lowest unvisited index.
     * Renumbering by this order ({@link #relabelled}) puts a vertex's neighbours close to it in
     * memory, which makes sweeps of many searches (betweenness) noticeably more cache-friendly on
     * large graphs.
     */
    public int[] breadthFirstOrder() {
        int[] order = new int[vertexCount];
        boolean[] seen = new boolean[vertexCount];
        int tail = 0;
        for (int root = 0; root < vertexCount; root++) {
            if (seen[root]) {
                continue;
            }
            seen[root] = true;
            int head = tail;
            order[tail++] = root;
            while (head < tail) {
                int v = order[head++];
                for (int s = offsets[v]; s < offsets[v + 1]; s++) {
                    int w = targets[s];
                    if (!seen[w]) {
                        seen[w] = true;
                        order[tail++] = w;
                    }
                }
            }
        }
        return order;
    }

    /**
     * The same graph with vertex {@code v} renumbered {@code newIndex[v]} (a permutation of
     * {@code 0..n-1}); edge ids and weights are kept, neighbours sorted again.
     */
    public CsrGraph relabelled(int[] newIndex) {
        if (newIndex.length != vertexCount) {
            throw new IllegalArgumentException("newIndex must have one entry per vertex");
        }
        int[] oldOf = new int[vertexCount];
        Arrays.fill(oldOf, -1);
        for (int v = 0; v < vertexCount; v++) {
            int u = Objects.checkIndex(newIndex[v], vertexCount);
            if (oldOf[u] >= 0) {
                throw new IllegalArgumentException("newIndex is not a permutation: " + u + " repeats");
            }
            oldOf[u] = v;
        }
        int[] newOffsets = new int[vertexCount + 1];
        for (int u = 0; u < vertexCount; u++) {
            newOffsets[u + 1] = newOffsets[u] + degree(oldOf[u]);
        }
        int[] newTargets = new int[targets.length];
        int[] newEdgeIds = new int[edgeIds.length];
        double[] newWeights = new double[weights.length];
        long[] slice = new long[maxDegree()];
        for (int u = 0; u < vertexCount; u++) {
            int v = oldOf[u];
            int d = degree(v);
            for (int i = 0; i < d; i++) {
                int slot = offsets[v] + i;
                slice[i] = ((long) newIndex[targets[slot]] << 32) | slot;
            }
            Arrays.sort(slice, 0, d);
            for (int i = 0; i < d; i++) {
                int slot = (int) slice[i];
                int at = newOffsets[u] + i;
                newTargets[at] = (int) (slice[i] >>> 32);
                newEdgeIds[at] = edgeIds[slot];
                newWeights[at] = weights[slot];
            }
        }
        return new CsrGraph(vertexCount, newOffsets, newTargets, newEdgeIds, newWeights, edgeCount, weighted);
    }

    private int maxDegree() {
        int max = 0;
        for (int v = 0; v < vertexCount; v++) {
            max = Math.max(max, degree(v));
        }
        return max;
    }

    /**
     * An unmodifiable JGraphT view (vertices are the Integer indices, edge weights copied), built
     * once on first use, for the library's algorithms.
     */
    public Graph<Integer, DefaultWeightedEdge> asJGraphT() {
        Graph<Integer, DefaultWeightedEdge> view = jgraphtView;
        if (view == null) {
            synchronized (this) {
                view = jgraphtView;
                if (view == null) {
                    view = buildJGraphT();
                    jgraphtView = view;
                }
            }
        }
        return view;
    }

    private Graph<Integer, DefaultWeightedEdge> buildJGraphT() {
        Graph<Integer, DefaultWeightedEdge> g = GraphTypeBuilder
                .<Integer, DefaultWeightedEdge>undirected()
                .allowingMultipleEdges(false)
                .allowingSelfLoops(false)
                .weighted(true)
                .edgeClass(DefaultWeightedEdge.class)
                .buildGraph();
        for (int v = 0; v < vertexCount; v++) {
            g.addVertex(v);
        }
        for (int u = 0; u < vertexCount; u++) {
            for (int s = offsets[u]; s < offsets[u + 1]; s++) {
                int v = targets[s];
                if (u < v) {
                    DefaultWeightedEdge e = g.addEdge(u, v);
                    g.setEdgeWeight(e, weights[s]);
                }
            }
        }
        return new org.jgrapht.graph.AsUnmodifiableGraph<>(g);
    }

    /** Collects edges, then sorts and de-duplicates them into CSR arrays. Not thread-safe. */
    public static final class Builder {
        private final int vertexCount;
        private int[] us = new int[16];
        private int[] vs = new int[16];
        private double[] ws = new double[16];
        private int size;
        private boolean weighted;

        private Builder(int vertexCount) {
            if (vertexCount < 0) {
                throw new IllegalArgumentException("vertexCount must be >= 0");
            }
            this.vertexCount = vertexCount;
        }

        public Builder addEdge(int u, int v) {
            return addEdge(u, v, 1.0);
        }

        /** Adds {@code {u,v}} with a positive weight; self-loops are ignored. */
        public Builder addEdge(int u, int v, double weight) {
            Objects.checkIndex(u, vertexCount);
            Objects.checkIndex(v, vertexCount);
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("edge weight must be positive and finite: " + weight);
            }
            if (u == v) {
                return this;
            }
            if (size == us.length) {
                int cap = size * 2;
                us = Arrays.copyOf(us, cap);
                vs = Arrays.copyOf(vs, cap);
                ws = Arrays.copyOf(ws, cap);
            }
            us[size] = Math.min(u, v);
            vs[size] = Math.max(u, v);
            ws[size] = weight;
            if (weight != 1.0) {
                weighted = true;
            }
            size++;
            return this;
        }

        /**
         * Number of edges added so far, before de-duplication; edge ids handed out by
         * {@link #build()} follow the order of first addition.
         */
        public int addedCount() {
            return size;
        }

        public CsrGraph build() {
            // 1. Raw adjacency with duplicates: each added edge appears from both ends.
            int[] offsets = new int[vertexCount + 1];
            for (int i = 0; i < size; i++) {
                offsets[us[i] + 1]++;
                offsets[vs[i] + 1]++;
            }
            for (int v = 0; v < vertexCount; v++) {
                offsets[v + 1] += offsets[v];
            }
            int[] fill = Arrays.copyOf(offsets, vertexCount);
            // Packed (neighbour << 32 | insertion index): sorting a slice orders neighbours and,
            // among parallel edges, puts the first-added one first.
            long[] packed = new long[2 * size];
            for (int i = 0; i < size; i++) {
                packed[fill[us[i]]++] = ((long) vs[i] << 32) | i;
                packed[fill[vs[i]]++] = ((long) us[i] << 32) | i;
            }
            // 2. Sort each slice, drop parallel edges, mark the surviving insertion indices.
            boolean[] kept = new boolean[size];
            int[] newOffsets = new int[vertexCount + 1];
            int[] targets = new int[2 * size];
            int[] insertion = new int[2 * size];
            double[] weights = new double[2 * size];
            int out = 0;
            for (int v = 0; v < vertexCount; v++) {
                int from = offsets[v];
                int to = offsets[v + 1];
                Arrays.sort(packed, from, to);
                newOffsets[v] = out;
                for (int s = from; s < to; s++) {
                    int t = (int) (packed[s] >>> 32);
                    int i = (int) packed[s];
                    if (out > newOffsets[v] && targets[out - 1] == t) {
                        weights[out - 1] = Math.max(weights[out - 1], ws[i]);
                        continue;
                    }
                    targets[out] = t;
                    insertion[out] = i;
                    weights[out] = ws[i];
                    kept[i] = true;
                    out++;
                }
            }
            newOffsets[vertexCount] = out;
            // 3. Edge ids follow the order of first addition.
            int[] idOfInsertion = new int[size];
            int m = 0;
            for (int i = 0; i < size; i++) {
                if (kept[i]) {
                    idOfInsertion[i] = m++;
                }
            }
            int[] edgeIds = new int[out];
            for (int s = 0; s < out; s++) {
                edgeIds[s] = idOfInsertion[insertion[s]];
            }
            return new CsrGraph(vertexCount, newOffsets, Arrays.copyOf(targets, out), edgeIds,
                    Arrays.copyOf(weights, out), m, weighted);
        }
    }
}
