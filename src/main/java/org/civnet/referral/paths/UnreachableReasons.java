package org.civnet.referral.paths;

import java.util.Objects;
import java.util.function.IntPredicate;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Why one person is or is not reachable from another within the hop limit: the category of
 * {@link UnreachableReason}, never who blocks.
 *
 * <p><b>Definition.</b> The first of {@link UnreachableReason}'s checks that applies: a referral
 * path exists (every intermediary allowed by {@code mayIntermediate}); a path of at most
 * {@code maxHops} ties exists ignoring the rule; source and target are connected at all.
 *
 * <p><b>Algorithm.</b> The first two checks are bidirectional breadth-first searches (Pohl 1971,
 * "Bi-directional search", Machine Intelligence 6) that always grow the smaller frontier: on a
 * graph with about 20 ties per person, two searches of depth 2 touch a few hundred vertices where
 * one of depth 4 touches most of a 100,000-vertex graph, and this is the question asked for every
 * pair without a path. The last check reads the components of the {@link ReferralGraph}.
 *
 * <p><b>Cost.</b> O(n + m) in the worst case, O(d^(H/2)) on a graph of degree {@code d} in
 * practice. Immutable and thread-safe: each call borrows its own working memory.
 */
public final class UnreachableReasons {

    private final ReferralGraph referral;
    private final CsrGraph graph;
    private final IntPredicate rule;
    private final int maxHops;

    /**
     * @param mayIntermediate whether a vertex may stand between source and target; asked at most
     *                        once per vertex, so it must not change
     * @param maxHops         the most ties a path may have, &gt;= 1
     */
    public UnreachableReasons(ReferralGraph graph, IntPredicate mayIntermediate, int maxHops) {
        this.referral = Objects.requireNonNull(graph, "graph");
        this.graph = graph.graph();
        this.rule = IntermediaryRule.cached(mayIntermediate, graph.vertexCount());
        this.maxHops = HopLayers.requireHops(maxHops);
    }

    /**
     * Why {@code target} is or is not reachable from {@code source} within {@code maxHops}; see
     * {@link UnreachableReason} for the order of the checks.
     */
    public UnreachableReason why(int source, int target) {
        Objects.checkIndex(source, graph.vertexCount());
        Objects.checkIndex(target, graph.vertexCount());
        SearchScratch s = referral.borrow(ReferralGraph.ANY_STRIDE);
        try {
            if (meetsWithin(s, source, target, maxHops, true)) {
                return UnreachableReason.REACHABLE;
            }
            if (meetsWithin(s, source, target, maxHops, false)) {
                return UnreachableReason.ONLY_THROUGH_DISALLOWED;
            }
        } finally {
            referral.giveBack(s);
        }
        return referral.connected(source, target)
                ? UnreachableReason.NO_PATH_WITHIN_MAX_HOPS : UnreachableReason.NOT_CONNECTED;
    }

    /**
     * True when some path of at most {@code depth} ties joins {@code a} and {@code b} (with
     * {@code restricted}, one whose intermediaries are all allowed).
     *
     * <p>Each vertex belongs to the side that reached it first (side b's hop counts are stored as
     * {@code ~hops}). A side expands only its root and allowed vertices; the two sides meet at an
     * edge (u, w) where w belongs to the other side and is that side's root or allowed. The loop
     * keeps {@code hopsA + hopsB < depth}, so a meeting found while growing one side by a hop is a
     * path of at most {@code depth} ties.
     */
    private boolean meetsWithin(SearchScratch s, int a, int b, int depth, boolean restricted) {
        if (a == b) {
            return true;
        }
        s.resetLocals();
        int localA = s.add(a);
        s.dist[localA] = 0;
        int localB = s.add(b);
        s.dist[localB] = ~0;
        // Each side keeps the vertices it reached in visiting order, in the scratch's two reusable
        // frontier arrays; its current level is the range [start, end).
        s.frontier[0] = a;
        s.nextFrontier[0] = b;
        int startA = 0;
        int endA = 1;
        int startB = 0;
        int endB = 1;
        int hopsA = 0;
        int hopsB = 0;
        while (hopsA + hopsB < depth && endA > startA && endB > startB) {
            boolean growA = endA - startA <= endB - startB;
            int[] side = growA ? s.frontier : s.nextFrontier;
            int from = growA ? startA : startB;
            int to = growA ? endA : endB;
            int root = growA ? a : b;
            int otherRoot = growA ? b : a;
            int nextHops = (growA ? hopsA : hopsB) + 1;
            int tail = to;
            for (int i = from; i < to; i++) {
                int u = side[i];
                if (restricted && u != root && !rule.test(u)) {
                    continue;
                }
                for (int slot = graph.offset(u), end = graph.offsetEnd(u); slot < end; slot++) {
                    int w = graph.target(slot);
                    int lw = s.local(w);
                    if (lw >= 0) {
                        boolean otherSide = growA ? s.dist[lw] < 0 : s.dist[lw] >= 0;
                        if (otherSide && (w == otherRoot || !restricted || rule.test(w))) {
                            return true;
                        }
                        continue;
                    }
                    lw = s.add(w); // may grow s.dist: take the slot before indexing
                    s.dist[lw] = growA ? nextHops : ~nextHops;
                    if (tail == side.length) {
                        side = s.growFrontier(side);
                        if (growA) {
                            s.frontier = side;
                        } else {
                            s.nextFrontier = side;
                        }
                    }
                    side[tail++] = w;
                }
            }
            if (growA) {
                startA = to;
                endA = tail;
                hopsA = nextHops;
            } else {
                startB = to;
                endB = tail;
                hopsB = nextHops;
            }
        }
        return false;
    }
}
