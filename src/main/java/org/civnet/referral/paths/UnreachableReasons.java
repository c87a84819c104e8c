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
 * <p><b>Algorithm.</b> Each check is a bidirectional breadth-first search (Pohl 1971,
 * "Bi-directional search", Machine Intelligence 6). The first two always grow the smaller
 * frontier: on a graph with about 20 ties per person, two searches of depth 2 touch a few hundred
 * vertices where one of depth 4 touches most of a 100,000-vertex graph, and this is the question
 * asked for every pair without a path. The last ignores the rule and the hop limit and grows the
 * side that has reached fewer vertices: the sides meeting means connected, either side running
 * out of vertices means not connected (it has walked its whole component). A person outside the
 * large component is told apart in a few steps that way, where the {@link ReferralGraph}'s
 * components cost O(n + m) (tens of milliseconds at a million ties) on the first such question
 * after every write. Only when that search would touch more than a budget of vertices (by default
 * one in {@value #DEFAULT_BUDGET_SHARE_DENOMINATOR} of them) does the check read the components
 * instead, which are then computed once for the graph and shared; when they already are, they
 * answer at once.
 *
 * <p><b>Cost.</b> O(n + m) in the worst case (the budget spent, then the components), O(d^(H/2))
 * on a graph of degree {@code d} in practice; when source and target are apart, the last check
 * touches about twice the smaller of their two components (at most the budget). Immutable and
 * thread-safe: each call borrows its own working memory.
 */
public final class UnreachableReasons {

    /** The connectedness search may touch up to this share (1 / value) of the vertices before the components answer. */
    static final int DEFAULT_BUDGET_SHARE_DENOMINATOR = 8;

    /** How a bidirectional search ended. */
    private enum Meeting { MET, APART, OVER_BUDGET }

    private final ReferralGraph referral;
    private final CsrGraph graph;
    private final IntPredicate rule;
    private final int maxHops;
    private final int connectednessBudget;

    /**
     * @param mayIntermediate whether a vertex may stand between source and target; asked at most
     *                        once per vertex, so it must not change
     * @param maxHops         the most ties a path may have, &gt;= 1
     */
    public UnreachableReasons(ReferralGraph graph, IntPredicate mayIntermediate, int maxHops) {
        this(graph, mayIntermediate, maxHops, graph.vertexCount() / DEFAULT_BUDGET_SHARE_DENOMINATOR);
    }

    /**
     * @param connectednessBudget the most vertices the connectedness search may touch before the
     *                            components answer instead (tests choose it to force either route)
     */
    UnreachableReasons(ReferralGraph graph, IntPredicate mayIntermediate, int maxHops, int connectednessBudget) {
        this.referral = Objects.requireNonNull(graph, "graph");
        this.graph = graph.graph();
        this.rule = IntermediaryRule.cached(mayIntermediate, graph.vertexCount());
        this.maxHops = HopLayers.requireHops(maxHops);
        this.connectednessBudget = connectednessBudget;
    }

    /**
     * Why {@code target} is or is not reachable from {@code source} within {@code maxHops}; see
     * {@link UnreachableReason} for the order of the checks.
     */
    public UnreachableReason why(int source, int target) {
        Objects.checkIndex(source, graph.vertexCount());
        Objects.checkIndex(target, graph.vertexCount());
        SearchScratch s = referral.borrow(ReferralGraph.ANY_STRIDE);
        Meeting anyDepth = null;
        try {
            if (meetsWithin(s, source, target, maxHops, true)) {
                return UnreachableReason.REACHABLE;
            }
            if (meetsWithin(s, source, target, maxHops, false)) {
                return UnreachableReason.ONLY_THROUGH_DISALLOWED;
            }
            // Components already computed answer in O(1); otherwise a bounded search first.
            if (!referral.hasComponents()) {
                anyDepth = search(s, source, target, Integer.MAX_VALUE, false, connectednessBudget, true);
            }
        } finally {
            referral.giveBack(s);
        }
        boolean connected = anyDepth == null || anyDepth == Meeting.OVER_BUDGET
                ? referral.connected(source, target) : anyDepth == Meeting.MET;
        return connected ? UnreachableReason.NO_PATH_WITHIN_MAX_HOPS : UnreachableReason.NOT_CONNECTED;
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
        return search(s, a, b, depth, restricted, Integer.MAX_VALUE, false) == Meeting.MET;
    }

    /**
     * As {@link #meetsWithin}, stopped as soon as more than {@code budget} vertices are touched.
     * APART when the hop sum reached {@code depth} or a side ran out of vertices; without the rule,
     * the latter means that side walked its whole component without reaching the other's.
     *
     * <p>{@code growFewerReached}: grow the side that has reached fewer vertices rather than the one
     * with the smaller frontier. A search that answers "apart" by running out of vertices wants
     * that: it then costs about twice the smaller side's component, where the frontier rule can
     * leave a small component's last level unexpanded for ever while a path's frontier stays as
     * small.
     */
    private Meeting search(SearchScratch s, int a, int b, int depth, boolean restricted, int budget,
                           boolean growFewerReached) {
        if (a == b) {
            return Meeting.MET;
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
            // Each side's array holds every vertex it reached, so its end is how many it reached.
            boolean growA = growFewerReached ? endA <= endB : endA - startA <= endB - startB;
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
                            return Meeting.MET;
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
                if (s.localCount > budget) {
                    return Meeting.OVER_BUDGET;
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
        return Meeting.APART;
    }
}
