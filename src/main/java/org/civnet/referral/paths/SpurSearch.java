package org.civnet.referral.paths;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

import org.civnet.analysis.graph.CsrGraph;

/**
 * The search both {@link KShortestPaths} and {@link DisjointPaths} repeat: the cheapest referral
 * path that follows a given root path and then leaves its last node avoiding blocked vertices and
 * removed edges, by an A* search (Hart, Nilsson &amp; Raphael 1968) over (vertex, hops left)
 * states.
 *
 * <p>The heuristic is the exact hop-bounded cost to the target, computed once per query by a
 * backward layered pass ({@link HopLayers#fill}); it stays admissible and consistent when vertices
 * and edges are removed, so spur searches are exact while touching little more than the paths
 * they return. The pass runs from whichever end has the smaller two-hop neighbourhood (paths and
 * rules are symmetric), so a query to a hub costs about as much as one from it.
 */
final class SpurSearch {

    /** What a query does with the prepared search: Yen's loop, or the greedy disjoint one. */
    interface Loop {
        List<ReferralPath> run(SearchScratch s, int source, int target, int k);
    }

    private final ReferralGraph referral;
    private final CsrGraph graph;
    private final double[] cost;
    private final IntPredicate rule;
    private final int maxHops;
    private final int stride;

    SpurSearch(ReferralGraph referral, IntPredicate mayIntermediate, int maxHops) {
        this.referral = Objects.requireNonNull(referral, "graph");
        this.graph = referral.graph();
        this.cost = referral.costs();
        this.rule = IntermediaryRule.cached(mayIntermediate, graph.vertexCount());
        this.maxHops = HopLayers.requireHops(maxHops);
        this.stride = maxHops + 1;
    }

    /**
     * Checks the arguments, fills the heuristic from the lighter end, runs {@code loop} there and
     * turns its paths back to run from {@code source}; {@code [source]} alone when the ends meet.
     */
    List<ReferralPath> query(int source, int target, int k, Loop loop) {
        Objects.checkIndex(source, graph.vertexCount());
        Objects.checkIndex(target, graph.vertexCount());
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1: " + k);
        }
        if (source == target) {
            return List.of(new ReferralPath(new int[] {source}, new int[0], 0.0));
        }
        SearchScratch s = referral.borrow(stride);
        try {
            // Run the backward pass from the end with the smaller neighbourhood: it explores that
            // end's (maxHops - 2)-ball, around a hub most of the graph.
            boolean reversed = twoHopVolume(target) > twoHopVolume(source);
            int from = reversed ? target : source;
            int to = reversed ? source : target;
            // Exact cost to `to` within r hops, for r < maxHops. Layer maxHops - 1 is only ever read
            // for neighbours of `from`, so it is filled for them alone: the full layer would cover
            // the (maxHops - 1)-ball, which from a hub is most of the graph.
            HopLayers.fill(referral, rule, s, to, Math.max(maxHops - 2, 0));
            if (s.local(from) < 0) {
                HopLayers.init(s, s.add(from));
            }
            if (maxHops >= 2) {
                topLayerAroundSource(s, from, to);
            }
            List<ReferralPath> paths = loop.run(s, from, to, k);
            List<ReferralPath> result = new ArrayList<>(paths.size());
            for (ReferralPath p : paths) {
                result.add(reversed ? reverse(p) : p);
            }
            return result;
        } finally {
            referral.giveBack(s);
        }
    }

    /** Fills layer {@code maxHops - 1} for the neighbours of {@code from} from layer {@code maxHops - 2}. */
    private void topLayerAroundSource(SearchScratch s, int from, int to) {
        int top = maxHops - 1;
        int below = maxHops - 2;
        for (int slot = graph.offset(from), end = graph.offsetEnd(from); slot < end; slot++) {
            int w = graph.target(slot);
            int lw = s.local(w);
            if (lw < 0) {
                lw = s.add(w);
                HopLayers.init(s, lw);
            }
            if (w == to) {
                s.layerCost[lw * stride + top] = 0;
                continue;
            }
            if (!rule.test(w)) {
                continue;
            }
            double best = s.layerCost[lw * stride + below];
            for (int slot2 = graph.offset(w), end2 = graph.offsetEnd(w); slot2 < end2; slot2++) {
                int x = graph.target(slot2);
                int lx = x == from ? -1 : s.local(x);
                if (lx < 0 || (x != to && !rule.test(x))) {
                    continue;
                }
                best = Math.min(best, cost[graph.edgeId(slot2)] + s.layerCost[lx * stride + below]);
            }
            s.layerCost[lw * stride + top] = best;
        }
    }

    private long twoHopVolume(int v) {
        long volume = 0;
        for (int slot = graph.offset(v), end = graph.offsetEnd(v); slot < end; slot++) {
            volume += graph.degree(graph.target(slot));
        }
        return volume;
    }

    private ReferralPath reverse(ReferralPath p) {
        int[] nodes = p.nodes();
        int[] edges = p.edgeIds();
        int[] reversedNodes = new int[nodes.length];
        int[] reversedEdges = new int[edges.length];
        double total = 0;
        for (int i = 0; i < nodes.length; i++) {
            reversedNodes[i] = nodes[nodes.length - 1 - i];
        }
        for (int i = 0; i < edges.length; i++) {
            reversedEdges[i] = edges[edges.length - 1 - i];
            total += cost[reversedEdges[i]];
        }
        return new ReferralPath(reversedNodes, reversedEdges, total);
    }

    /**
     * The cheapest path that follows {@code root}'s first {@code j + 1} nodes (just the source when
     * {@code root} is null) and then leaves the spur node {@code root[j]} avoiding blocked locals and
     * the {@code removed} edges out of the spur node; null when none exists.
     */
    ReferralPath spurPath(SearchScratch s, ReferralPath root, int j, int source, int target,
                          int[] removed, int removedCount) {
        int spur = root == null ? source : root.nodeAt(j);
        int budget = maxHops - j;
        int end = aStar(s, source, spur, target, budget, removed, removedCount);
        if (end < 0) {
            return null;
        }
        int spurLength = 0;
        for (int st = end; s.parentState[st] >= 0; st = s.parentState[st]) {
            spurLength++;
        }
        int[] nodes = new int[j + spurLength + 1];
        int[] edges = new int[j + spurLength];
        for (int i = 0; i < j; i++) {
            nodes[i] = root.nodeAt(i);
            edges[i] = root.edgeAt(i);
        }
        int at = j + spurLength;
        for (int st = end; st >= 0; st = s.parentState[st]) {
            nodes[at] = s.globalOf[st / stride];
            if (s.parentState[st] >= 0) {
                edges[at - 1] = s.parentEdge[st];
            }
            at--;
        }
        if (!isSimple(nodes)) {
            // Unreachable with positive costs; kept so a rounding tie can never leak a loop.
            return null;
        }
        double total = 0;
        for (int e : edges) {
            total += cost[e];
        }
        return new ReferralPath(nodes, edges, total);
    }

    /**
     * A* over states (vertex, hops left) from {@code spur} with {@code budget} hops to {@code target};
     * returns the target's state or -1. Heuristic: the layered cost-to-target in the scratch,
     * infinite (pruned) for vertices that cannot reach the target in the hops left.
     */
    private int aStar(SearchScratch s, int source, int spur, int target, int budget, int[] removed,
                      int removedCount) {
        s.startSearch();
        int gen = s.searchGeneration;
        int start = s.local(spur) * stride + budget;
        s.g[start] = 0;
        s.parentState[start] = -1;
        s.seenStamp[start] = gen;
        s.heap.push(0, start);
        while (!s.heap.isEmpty()) {
            int state = s.heap.pop();
            if (s.settledStamp[state] == gen) {
                continue;
            }
            s.settledStamp[state] = gen;
            int v = s.globalOf[state / stride];
            int hopsLeft = state % stride;
            if (v == target) {
                return state;
            }
            if (hopsLeft == 0) {
                continue;
            }
            double gv = s.g[state];
            boolean atSpur = v == spur;
            for (int slot = graph.offset(v), endSlot = graph.offsetEnd(v); slot < endSlot; slot++) {
                int w = graph.target(slot);
                if (w == source || w == spur) {
                    continue;
                }
                int lw = s.local(w);
                if (lw < 0 || s.isBlocked(lw)) {
                    continue;
                }
                double h = s.layerCost[lw * stride + hopsLeft - 1];
                if (h == Double.POSITIVE_INFINITY) {
                    continue;
                }
                if (w != target && !rule.test(w)) {
                    continue;
                }
                int e = graph.edgeId(slot);
                if (atSpur && contains(removed, removedCount, e)) {
                    continue;
                }
                int next = lw * stride + hopsLeft - 1;
                if (s.settledStamp[next] == gen) {
                    continue;
                }
                double gw = gv + cost[e];
                if (s.seenStamp[next] != gen || gw < s.g[next]) {
                    s.seenStamp[next] = gen;
                    s.g[next] = gw;
                    s.parentState[next] = state;
                    s.parentEdge[next] = e;
                    s.heap.push(gw + h, next);
                }
            }
        }
        return -1;
    }

    private static boolean contains(int[] array, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (array[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSimple(int[] nodes) {
        for (int i = 1; i < nodes.length; i++) {
            for (int j = 0; j < i; j++) {
                if (nodes[i] == nodes[j]) {
                    return false;
                }
            }
        }
        return true;
    }
}
