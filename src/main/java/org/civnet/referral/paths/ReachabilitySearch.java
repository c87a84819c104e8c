package org.civnet.referral.paths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Coverage of a target set from one source: targets reached per hop count through allowed
 * intermediaries, why the others are not, and whom to ask first ({@link Reachability}).
 *
 * <p><b>Definition.</b> A target's hop count is its fewest ties from the source along a path whose
 * intermediaries all satisfy {@code mayIntermediate}; reasons as in {@link UnreachableReasons}.
 * First asks: for each allowed neighbour {@code a} of the source, the targets it opens are those
 * not adjacent to the source (they need no introduction) that {@code a} reaches within
 * {@code hopLimit - 1} ties without going back through the source.
 *
 * <p><b>Algorithm.</b> Breadth-first searches through allowed intermediaries (and one ignoring the
 * rule, for the reasons); first asks are ranked by greedy maximum coverage with lazy evaluation
 * (Nemhauser, Wolsey &amp; Fisher 1978, a (1 - 1/e)-approximation; Minoux 1978).
 *
 * <p><b>Cost.</b> O(n + m), plus O(d m_B) for the first asks of a source of degree {@code d} over
 * the {@code m_B} edges of its ball. Immutable and thread-safe: each call borrows its own working
 * memory.
 */
public final class ReachabilitySearch {

    private final ReferralGraph referral;
    private final CsrGraph graph;
    private final IntPredicate rule;

    /**
     * @param mayIntermediate whether a vertex may stand between source and target; asked at most
     *                        once per vertex, so it must not change
     */
    public ReachabilitySearch(ReferralGraph graph, IntPredicate mayIntermediate) {
        this.referral = Objects.requireNonNull(graph, "graph");
        this.graph = graph.graph();
        this.rule = IntermediaryRule.cached(mayIntermediate, graph.vertexCount());
    }

    /**
     * Coverage of the vertices matching {@code isTarget} (the source excluded) from {@code source}
     * within {@code hopLimit} ties through allowed intermediaries. Neighbours are ranked by greedy
     * maximum coverage: each next ask is the one opening the most targets no earlier ask opened
     * (ties: more targets in total, then smaller id), so the first few asks cover as much as
     * possible; asks that add nothing new come last, as fall-backs if someone declines. Neighbours
     * that open no target are left out.
     *
     * @param hopLimit the hop limit for this report, &gt;= 1
     */
    public Reachability reachability(int source, IntPredicate isTarget, int hopLimit) {
        Objects.checkIndex(source, graph.vertexCount());
        Objects.requireNonNull(isTarget, "isTarget");
        if (hopLimit < 1) {
            throw new IllegalArgumentException("hopLimit must be >= 1: " + hopLimit);
        }
        int n = graph.vertexCount();
        SearchScratch s = referral.borrow(ReferralGraph.ANY_STRIDE);
        try {
            BitSet targets = new BitSet(n);
            for (int v = 0; v < n; v++) {
                if (v != source && isTarget.test(v)) {
                    targets.set(v);
                }
            }
            int[] atHops = new int[hopLimit + 1];
            BitSet reached = new BitSet(n);
            bfs(s, source, hopLimit, true, -1);
            for (int l = 0; l < s.localCount; l++) {
                int v = s.globalOf[l];
                if (targets.get(v)) {
                    atHops[s.dist[l]]++;
                    reached.set(v);
                }
            }
            List<Integer> exact = new ArrayList<>(hopLimit + 1);
            List<Integer> within = new ArrayList<>(hopLimit + 1);
            int cumulative = 0;
            for (int h = 0; h <= hopLimit; h++) {
                cumulative += atHops[h];
                exact.add(atHops[h]);
                within.add(cumulative);
            }
            List<Reachability.UnreachableTarget> unreachable = unreachableTargets(s, source, hopLimit, targets, reached);
            List<Reachability.FirstAsk> asks = firstAsks(s, source, hopLimit, targets);
            return new Reachability(source, hopLimit, targets.cardinality(), exact, within, unreachable, asks);
        } finally {
            referral.giveBack(s);
        }
    }

    private List<Reachability.UnreachableTarget> unreachableTargets(SearchScratch s, int source, int hopLimit,
                                                                    BitSet targets, BitSet reached) {
        BitSet missing = (BitSet) targets.clone();
        missing.andNot(reached);
        if (missing.isEmpty()) {
            return List.of();
        }
        BitSet nearIgnoringRules = new BitSet(graph.vertexCount());
        bfs(s, source, hopLimit, false, -1);
        for (int l = 0; l < s.localCount; l++) {
            nearIgnoringRules.set(s.globalOf[l]);
        }
        List<Reachability.UnreachableTarget> result = new ArrayList<>(missing.cardinality());
        for (int t = missing.nextSetBit(0); t >= 0; t = missing.nextSetBit(t + 1)) {
            UnreachableReason reason = nearIgnoringRules.get(t) ? UnreachableReason.ONLY_THROUGH_DISALLOWED
                    : referral.connected(t, source) ? UnreachableReason.NO_PATH_WITHIN_MAX_HOPS
                    : UnreachableReason.NOT_CONNECTED;
            result.add(new Reachability.UnreachableTarget(t, reason));
        }
        return result;
    }

    private List<Reachability.FirstAsk> firstAsks(SearchScratch s, int source, int hopLimit, BitSet targets) {
        List<Candidate> candidates = new ArrayList<>();
        for (int slot = graph.offset(source), end = graph.offsetEnd(source); slot < end; slot++) {
            int a = graph.target(slot);
            if (!rule.test(a)) {
                continue;
            }
            bfs(s, a, hopLimit - 1, true, source);
            int[] opened = new int[s.localCount];
            int count = 0;
            for (int l = 0; l < s.localCount; l++) {
                int t = s.globalOf[l];
                if (targets.get(t) && !graph.hasEdge(source, t)) {
                    opened[count++] = t;
                }
            }
            if (count > 0) {
                candidates.add(new Candidate(a, Arrays.copyOf(opened, count), count));
            }
        }
        // Lazy greedy: a candidate's gain only shrinks as coverage grows, so a stale gain is an upper
        // bound, and a refreshed candidate that still beats the next bound is the greedy choice.
        PriorityQueue<Candidate> queue = new PriorityQueue<>(Candidate.ORDER);
        queue.addAll(candidates);
        BitSet covered = new BitSet(graph.vertexCount());
        List<Reachability.FirstAsk> asks = new ArrayList<>(candidates.size());
        while (!queue.isEmpty()) {
            Candidate c = queue.poll();
            int gain = 0;
            for (int t : c.opened) {
                if (!covered.get(t)) {
                    gain++;
                }
            }
            c.gain = gain;
            Candidate rival = queue.peek();
            if (rival != null && Candidate.ORDER.compare(c, rival) > 0) {
                queue.add(c);
                continue;
            }
            for (int t : c.opened) {
                covered.set(t);
            }
            asks.add(new Reachability.FirstAsk(c.neighbour, c.opened.length, gain, covered.cardinality()));
        }
        return asks;
    }

    private static final class Candidate {
        /** Larger gain first, then more targets, then smaller id. */
        static final Comparator<Candidate> ORDER = Comparator.<Candidate>comparingInt(c -> -c.gain)
                .thenComparingInt(c -> -c.opened.length)
                .thenComparingInt(c -> c.neighbour);
        final int neighbour;
        final int[] opened;
        int gain;

        Candidate(int neighbour, int[] opened, int gain) {
            this.neighbour = neighbour;
            this.opened = opened;
            this.gain = gain;
        }
    }

    /**
     * Breadth-first search from {@code root} up to {@code depth} ties, never entering {@code avoid};
     * when {@code restricted}, only the root and allowed vertices are expanded. Reached vertices are
     * the scratch locals in discovery order with their hop distance.
     */
    private void bfs(SearchScratch s, int root, int depth, boolean restricted, int avoid) {
        s.resetLocals();
        int rootLocal = s.add(root);
        s.dist[rootLocal] = 0;
        for (int head = 0; head < s.localCount; head++) {
            int d = s.dist[head];
            if (d >= depth) {
                break;
            }
            int v = s.globalOf[head];
            if (restricted && v != root && !rule.test(v)) {
                continue;
            }
            for (int slot = graph.offset(v), end = graph.offsetEnd(v); slot < end; slot++) {
                int u = graph.target(slot);
                if (u == avoid || s.local(u) >= 0) {
                    continue;
                }
                int lu = s.add(u);
                s.dist[lu] = d + 1;
            }
        }
    }
}
