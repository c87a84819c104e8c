package org.civnet.referral.paths;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Referral paths between two people that share no intermediary: alternatives to fall back on
 * when someone declines.
 *
 * <p><b>Definition.</b> Referral paths as in {@link ReferralSearch}, pairwise node-disjoint apart
 * from source and target, and at most one of them the direct tie.
 *
 * <p><b>Algorithm.</b> Greedy: take the cheapest path ({@link SpurSearch}), forbid its
 * intermediaries (and the direct tie, if it was used), repeat. The first answer is thus always the
 * overall best, which is what an officer expects to see first. Greedy can miss a disjoint set that
 * exists (Suurballe's or Bhandari's method would find the cheapest pair, but minimum-cost disjoint
 * paths each within a hop bound is NP-hard in general, and those methods may make the best path
 * worse).
 *
 * <p><b>Cost.</b> The heuristic as in {@link KShortestPaths}, then at most {@code k} A* searches.
 * Immutable and thread-safe: each call borrows its own working memory.
 */
public final class DisjointPaths {

    private final SpurSearch spur;

    /**
     * @param mayIntermediate whether a vertex may stand between source and target; asked at most
     *                        once per vertex, so it must not change
     * @param maxHops         the most ties a path may have, &gt;= 1
     */
    public DisjointPaths(ReferralGraph graph, IntPredicate mayIntermediate, int maxHops) {
        this.spur = new SpurSearch(graph, mayIntermediate, maxHops);
    }

    /**
     * Up to {@code k} referral paths from {@code source} to {@code target} sharing no intermediary,
     * in the order found (each the cheapest left); empty when none exists; the single path
     * {@code [source]} when {@code source == target}.
     */
    public List<ReferralPath> paths(int source, int target, int k) {
        return List.copyOf(spur.query(source, target, k, this::greedy));
    }

    private List<ReferralPath> greedy(SearchScratch s, int source, int target, int k) {
        List<ReferralPath> found = new ArrayList<>();
        s.clearBlocked();
        int[] removed = new int[1];
        int removedCount = 0;
        while (found.size() < k) {
            ReferralPath p = spur.spurPath(s, null, 0, source, target, removed, removedCount);
            if (p == null) {
                break;
            }
            found.add(p);
            if (p.hops() == 1) {
                removed[removedCount++] = p.edgeAt(0);
            }
            for (int i = 1; i < p.hops(); i++) {
                s.block(s.local(p.nodeAt(i)));
            }
        }
        return found;
    }
}
