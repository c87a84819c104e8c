package org.civnet.referral.paths;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;

import org.civnet.analysis.graph.CsrGraph;

/**
 * The cheapest referral path from one source to every vertex within the hop limit, and the layered
 * costs the k-cheapest-paths search uses as its heuristic.
 *
 * <p><b>Definition.</b> Referral paths as in {@link ReferralSearch}: simple, at most
 * {@code maxHops} ties, every intermediary allowed by {@code mayIntermediate}.
 *
 * <p><b>Algorithm.</b> Bellman–Ford by hop layers (Bellman 1958): after layer {@code h} each vertex
 * holds its cheapest walk of at most {@code h} edges, so the hop bound is honoured exactly (the
 * answer is the cheapest path within the bound, not the unbounded cheapest path cut off). Because
 * every edge cost is positive, cheapest walks are simple paths. Such paths do not form a tree (the
 * best 2-hop route to {@code v} may use a predecessor's worse 1-hop route), so parents are kept per
 * layer.
 *
 * <p><b>Cost.</b> {@link #bestToAll} O(H m_B) with {@code H = maxHops} over the {@code m_B} edges of
 * the source's {@code H}-ball. Immutable and thread-safe: each call borrows its own working memory.
 */
public final class HopLayers {

    private final ReferralGraph graph;
    private final IntPredicate rule;
    private final int maxHops;

    /**
     * @param mayIntermediate whether a vertex may stand between source and target; asked at most
     *                        once per vertex, so it must not change
     * @param maxHops         the most ties a path may have, &gt;= 1
     */
    public HopLayers(ReferralGraph graph, IntPredicate mayIntermediate, int maxHops) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.rule = IntermediaryRule.cached(mayIntermediate, graph.vertexCount());
        this.maxHops = requireHops(maxHops);
    }

    static int requireHops(int maxHops) {
        if (maxHops < 1) {
            throw new IllegalArgumentException("maxHops must be >= 1: " + maxHops);
        }
        return maxHops;
    }

    /**
     * The cheapest referral path from {@code source} to every vertex within {@code maxHops} ties.
     * Used for region, country or theme targets: see {@link BestPaths#bestMatching}.
     */
    public BestPaths bestToAll(int source) {
        Objects.checkIndex(source, graph.vertexCount());
        int stride = maxHops + 1;
        SearchScratch s = graph.borrow(stride);
        try {
            fill(graph, rule, s, source, maxHops);
            int reached = 0;
            long[] order = new long[s.localCount];
            for (int l = 0; l < s.localCount; l++) {
                if (s.layerCost[l * stride + maxHops] < Double.POSITIVE_INFINITY) {
                    order[reached++] = ((long) s.globalOf[l] << 32) | l;
                }
            }
            Arrays.sort(order, 0, reached);
            int[] nodes = new int[reached];
            double[] layerCost = new double[reached * stride];
            int[] layerParent = new int[reached * stride];
            for (int i = 0; i < reached; i++) {
                nodes[i] = (int) (order[i] >>> 32);
                int l = (int) order[i];
                System.arraycopy(s.layerCost, l * stride, layerCost, i * stride, stride);
                System.arraycopy(s.layerParent, l * stride, layerParent, i * stride, stride);
            }
            return new BestPaths(graph.graph(), source, maxHops, nodes, layerCost, layerParent);
        } finally {
            graph.giveBack(s);
        }
    }

    /**
     * Fills the scratch with the cheapest walk from {@code root} to every vertex within
     * {@code depth} ties, layer by layer, extending only from the root or allowed vertices.
     */
    static void fill(ReferralGraph referral, IntPredicate rule, SearchScratch s, int root, int depth) {
        CsrGraph graph = referral.graph();
        double[] cost = referral.costs();
        int stride = s.stride;
        s.resetLocals();
        int rootLocal = s.add(root);
        init(s, rootLocal);
        s.layerCost[rootLocal * stride] = 0;
        int[] frontier = s.frontier;
        int frontierSize = 0;
        frontier[frontierSize++] = rootLocal;
        for (int r = 1; r <= depth; r++) {
            int known = s.localCount;
            for (int l = 0; l < known; l++) {
                s.layerCost[l * stride + r] = s.layerCost[l * stride + r - 1];
            }
            int[] next = s.nextFrontier;
            int nextSize = 0;
            for (int f = 0; f < frontierSize; f++) {
                int l = frontier[f];
                int v = s.globalOf[l];
                if (v != root && !rule.test(v)) {
                    continue;
                }
                double cv = s.layerCost[l * stride + r - 1];
                for (int slot = graph.offset(v), end = graph.offsetEnd(v); slot < end; slot++) {
                    int u = graph.target(slot);
                    if (u == root) {
                        continue;
                    }
                    int lu = s.local(u);
                    if (lu < 0) {
                        lu = s.add(u);
                        init(s, lu);
                    }
                    int idx = lu * stride + r;
                    double c = cv + cost[graph.edgeId(slot)];
                    if (c < s.layerCost[idx]) {
                        if (s.layerParent[idx] == SearchScratch.NONE) {
                            if (nextSize == next.length) {
                                next = s.nextFrontier = s.growFrontier(next);
                            }
                            next[nextSize++] = lu;
                        }
                        s.layerCost[idx] = c;
                        s.layerParent[idx] = v;
                    }
                }
            }
            s.nextFrontier = frontier;
            s.frontier = next;
            frontier = next;
            frontierSize = nextSize;
        }
    }

    /** Marks every layer of a new local as unreached. */
    static void init(SearchScratch s, int local) {
        int base = local * s.stride;
        Arrays.fill(s.layerCost, base, base + s.stride, Double.POSITIVE_INFINITY);
        Arrays.fill(s.layerParent, base, base + s.stride, SearchScratch.NONE);
    }
}
