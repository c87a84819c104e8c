package org.civnet.referral.paths;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * A chain of introductions: {@code nodes[0]} is the source, the last node the target, and
 * {@code edgeIds[i]} the tie between {@code nodes[i]} and {@code nodes[i+1]}. A path from a node
 * to itself is the single node with no edge and cost 0 (NetworkX's convention for
 * {@code shortest_path(G, s, s)}).
 *
 * <p>The arrays are copied in and out, so instances are immutable; equality compares contents.
 *
 * @param nodes   vertices from source to target, at least one
 * @param edgeIds edge ids along the path, one fewer than the nodes
 * @param cost    sum of the edge costs
 */
public record ReferralPath(int[] nodes, int[] edgeIds, double cost) {

    /** Cheapest first, then fewer hops, then lexicographically smaller node sequence. */
    public static final Comparator<ReferralPath> BY_COST = Comparator
            .comparingDouble(ReferralPath::cost)
            .thenComparingInt(ReferralPath::hops)
            .thenComparing((a, b) -> Arrays.compare(a.nodes, b.nodes));

    public ReferralPath {
        Objects.requireNonNull(nodes, "nodes");
        Objects.requireNonNull(edgeIds, "edgeIds");
        if (nodes.length == 0 || edgeIds.length != nodes.length - 1) {
            throw new IllegalArgumentException("a path needs n >= 1 nodes and n - 1 edges: "
                    + nodes.length + " nodes, " + edgeIds.length + " edges");
        }
        if (!(cost >= 0)) {
            throw new IllegalArgumentException("cost must be >= 0: " + cost);
        }
        nodes = nodes.clone();
        edgeIds = edgeIds.clone();
    }

    @Override
    public int[] nodes() {
        return nodes.clone();
    }

    @Override
    public int[] edgeIds() {
        return edgeIds.clone();
    }

    public int source() {
        return nodes[0];
    }

    public int target() {
        return nodes[nodes.length - 1];
    }

    /** Number of ties, i.e. introductions plus the final contact. */
    public int hops() {
        return edgeIds.length;
    }

    /** The people strictly between source and target, in order. */
    public int[] intermediaries() {
        return nodes.length <= 2 ? new int[0] : Arrays.copyOfRange(nodes, 1, nodes.length - 1);
    }

    /** The first person to ask for an introduction, or -1 when source and target are adjacent or equal. */
    public int firstAsk() {
        return nodes.length > 2 ? nodes[1] : -1;
    }

    /** {@link TieCost#score(double)} of this path's cost. */
    public double score() {
        return TieCost.score(cost);
    }

    int nodeAt(int i) {
        return nodes[i];
    }

    int edgeAt(int i) {
        return edgeIds[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferralPath p && Arrays.equals(nodes, p.nodes) && Arrays.equals(edgeIds, p.edgeIds)
                && Double.compare(cost, p.cost) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(nodes) + Arrays.hashCode(edgeIds)) + Double.hashCode(cost);
    }

    @Override
    public String toString() {
        return "ReferralPath" + Arrays.toString(nodes) + " cost=" + cost;
    }
}
