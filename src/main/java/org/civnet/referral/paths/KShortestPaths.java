package org.civnet.referral.paths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The {@code k} cheapest referral paths between two people.
 *
 * <p><b>Definition.</b> Referral paths as in {@link ReferralSearch}: simple, at most
 * {@code maxHops} ties, every intermediary allowed by {@code mayIntermediate} (a predicate on the
 * vertex, as JGraphT's {@code PathValidator}), cost the sum of the tie costs.
 *
 * <p><b>Algorithm.</b> Yen's algorithm (Yen 1971, "Finding the k shortest loopless paths in a
 * network", Management Science 17(11)), each spur search an A* search whose heuristic is the exact
 * hop-bounded cost to the target ({@link SpurSearch}). Results are ordered by
 * {@link ReferralPath#BY_COST}; which of several paths of exactly equal cost fills the last of the
 * {@code k} places is unspecified (but deterministic). With every intermediary allowed and
 * {@code maxHops >= n - 1}, the costs equal those of NetworkX's {@code shortest_simple_paths}
 * (also Yen's algorithm), taken in order.
 *
 * <p><b>Cost.</b> With {@code H = maxHops}: the heuristic costs the edges within {@code H - 2} hops
 * of the lighter end plus the two-hop neighbourhood of the other (for {@code H = 4}: about
 * {@code vol2(s) + vol2(t)}), then at most {@code k H} A* searches, each O(H m_B log(H m_B)) in the
 * worst case over the {@code m_B} edges explored, and near-linear in the path length in practice.
 * Immutable and thread-safe: each call borrows its own working memory.
 */
public final class KShortestPaths {

    private final SpurSearch spur;

    /**
     * @param mayIntermediate whether a vertex may stand between source and target; asked at most
     *                        once per vertex, so it must not change
     * @param maxHops         the most ties a path may have, &gt;= 1
     */
    public KShortestPaths(ReferralGraph graph, IntPredicate mayIntermediate, int maxHops) {
        this.spur = new SpurSearch(graph, mayIntermediate, maxHops);
    }

    /**
     * The {@code k} cheapest referral paths from {@code source} to {@code target}, cheapest first
     * (ties: fewer hops, then smaller node sequence). Fewer when fewer exist; empty when none does;
     * the single path {@code [source]} when {@code source == target}.
     */
    public List<ReferralPath> paths(int source, int target, int k) {
        List<ReferralPath> result = new ArrayList<>(spur.query(source, target, k, this::yen));
        // Yen accepts equal-cost paths in discovery order; present them in the documented order.
        result.sort(ReferralPath.BY_COST);
        return List.copyOf(result);
    }

    private List<ReferralPath> yen(SearchScratch s, int source, int target, int k) {
        List<ReferralPath> accepted = new ArrayList<>();
        s.clearBlocked();
        ReferralPath first = spur.spurPath(s, null, 0, source, target, new int[0], 0);
        if (first == null) {
            return accepted;
        }
        accepted.add(first);
        Set<NodeSequence> known = new HashSet<>();
        known.add(new NodeSequence(first.nodes()));
        PriorityQueue<ReferralPath> candidates = new PriorityQueue<>(ReferralPath.BY_COST);
        int[] removed = new int[8];
        while (accepted.size() < k) {
            ReferralPath previous = accepted.get(accepted.size() - 1);
            for (int j = 0; j < previous.hops(); j++) {
                int removedCount = 0;
                for (ReferralPath p : accepted) {
                    if (p.hops() > j && sharesPrefix(p, previous, j)) {
                        if (removedCount == removed.length) {
                            removed = Arrays.copyOf(removed, removedCount * 2);
                        }
                        removed[removedCount++] = p.edgeAt(j);
                    }
                }
                s.clearBlocked();
                for (int i = 0; i < j; i++) {
                    s.block(s.local(previous.nodeAt(i)));
                }
                ReferralPath candidate = spur.spurPath(s, previous, j, source, target, removed, removedCount);
                if (candidate != null && known.add(new NodeSequence(candidate.nodes()))) {
                    candidates.add(candidate);
                }
            }
            ReferralPath next = candidates.poll();
            if (next == null) {
                break;
            }
            accepted.add(next);
        }
        return accepted;
    }

    private static boolean sharesPrefix(ReferralPath p, ReferralPath q, int lastIndex) {
        for (int i = 0; i <= lastIndex; i++) {
            if (p.nodeAt(i) != q.nodeAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A path's node sequence as a hash key. */
    private record NodeSequence(int[] nodes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof NodeSequence other && Arrays.equals(nodes, other.nodes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(nodes);
        }
    }
}
