package org.civnet.referral.paths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;

import org.civnet.analysis.graph.CsrGraph;

/**
 * The cheapest referral path from one source to every vertex it reaches within the hop limit;
 * produced by {@link HopLayers#bestToAll}. Immutable.
 *
 * <p>Among equally cheap paths the one with fewer hops is kept. The source reaches itself with
 * cost 0 and 0 hops. Memory is proportional to the vertices reached (lookups by binary search),
 * so a source in a sparse corner of a large graph stays cheap.
 */
public final class BestPaths {

    private final CsrGraph graph;
    private final int source;
    private final int maxHops;
    private final int stride;
    private final int[] reached;
    private final double[] layerCost;
    private final int[] layerParent;

    BestPaths(CsrGraph graph, int source, int maxHops, int[] reached, double[] layerCost, int[] layerParent) {
        this.graph = graph;
        this.source = source;
        this.maxHops = maxHops;
        this.stride = maxHops + 1;
        this.reached = reached;
        this.layerCost = layerCost;
        this.layerParent = layerParent;
    }

    public int source() {
        return source;
    }

    public int maxHops() {
        return maxHops;
    }

    /** Number of vertices reached, the source included. */
    public int reachedCount() {
        return reached.length;
    }

    /** Cost of the cheapest path to {@code v}, {@link Double#POSITIVE_INFINITY} when unreachable. */
    public double cost(int v) {
        int i = indexOf(v);
        return i < 0 ? Double.POSITIVE_INFINITY : layerCost[i * stride + maxHops];
    }

    /** Ties on the cheapest path to {@code v}, -1 when unreachable. */
    public int hops(int v) {
        int i = indexOf(v);
        return i < 0 ? -1 : settledLayer(i, maxHops);
    }

    public boolean isReachable(int v) {
        return indexOf(v) >= 0;
    }

    /** The cheapest path to {@code v}, empty when unreachable within the hop limit. */
    public Optional<ReferralPath> pathTo(int v) {
        int i = indexOf(v);
        if (i < 0) {
            return Optional.empty();
        }
        // Walk back from v: each value was set by its parent at some layer, or carried from below.
        int[] reversedNodes = new int[stride];
        int[] reversedEdges = new int[maxHops];
        int length = 0;
        int current = v;
        int index = i;
        int layer = settledLayer(i, maxHops);
        while (layer > 0) {
            int parent = layerParent[index * stride + layer];
            reversedNodes[length] = current;
            reversedEdges[length] = graph.edgeId(graph.slotOf(parent, current));
            length++;
            current = parent;
            index = indexOf(parent);
            layer = settledLayer(index, layer - 1);
        }
        reversedNodes[length] = current;
        int[] nodes = new int[length + 1];
        int[] edges = new int[length];
        for (int k = 0; k <= length; k++) {
            nodes[k] = reversedNodes[length - k];
        }
        for (int k = 0; k < length; k++) {
            edges[k] = reversedEdges[length - 1 - k];
        }
        return Optional.of(new ReferralPath(nodes, edges, layerCost[i * stride + maxHops]));
    }

    /**
     * The cheapest paths to vertices matching {@code isTarget}, cheapest first (ties: fewer hops,
     * then smaller id), at most {@code limit}; the source is never included.
     *
     * @param excludeAdjacent leave out vertices that already share a tie with the source
     *                        (they need no introduction)
     */
    public List<ReferralPath> bestMatching(IntPredicate isTarget, int limit, boolean excludeAdjacent) {
        Objects.requireNonNull(isTarget, "isTarget");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0: " + limit);
        }
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < reached.length; i++) {
            int v = reached[i];
            if (v != source && isTarget.test(v) && !(excludeAdjacent && graph.hasEdge(source, v))) {
                matches.add(i);
            }
        }
        matches.sort(Comparator.<Integer>comparingDouble(i -> layerCost[i * stride + maxHops])
                .thenComparingInt(i -> settledLayer(i, maxHops))
                .thenComparingInt(i -> reached[i]));
        List<ReferralPath> paths = new ArrayList<>(Math.min(limit, matches.size()));
        for (int j = 0; j < matches.size() && j < limit; j++) {
            paths.add(pathTo(reached[matches.get(j)]).orElseThrow());
        }
        return List.copyOf(paths);
    }

    /** The lowest layer at or below {@code layer} holding the same value, i.e. where it was set. */
    private int settledLayer(int index, int layer) {
        int base = index * stride;
        while (layer > 0 && layerParent[base + layer] < 0) {
            layer--;
        }
        return layer;
    }

    private int indexOf(int v) {
        Objects.checkIndex(v, graph.vertexCount());
        int i = Arrays.binarySearch(reached, v);
        return i >= 0 ? i : -1;
    }
}
