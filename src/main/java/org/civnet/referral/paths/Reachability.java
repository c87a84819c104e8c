package org.civnet.referral.paths;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Coverage of a target set from one source: how many targets each hop count reaches, which
 * targets stay out of reach and why, and whom to ask first. Produced by
 * {@link ReachabilitySearch#reachability}.
 *
 * <p>A target's hop count is its fewest ties from the source along a path whose intermediaries are
 * all allowed. The source itself is never counted as a target.
 *
 * @param source              the source node
 * @param maxHops             the hop limit used
 * @param targetCount         number of nodes matching the target predicate, source excluded
 * @param reachableAtHops     element {@code h} = targets whose hop count is exactly {@code h}
 *                            ({@code 0..maxHops}; element 0 is always 0)
 * @param reachableWithinHops element {@code h} = targets whose hop count is at most {@code h}
 * @param unreachable         the targets not reachable within {@code maxHops}, by ascending id, each
 *                            with its {@link UnreachableReason}
 * @param firstAsks           the source's allowed neighbours that open at least one target, in
 *                            greedy order (see {@link ReachabilitySearch#reachability})
 */
public record Reachability(int source, int maxHops, int targetCount, List<Integer> reachableAtHops,
                           List<Integer> reachableWithinHops, List<UnreachableTarget> unreachable,
                           List<FirstAsk> firstAsks) {

    /** A target out of reach and the reason. */
    public record UnreachableTarget(int target, UnreachableReason reason) {
        public UnreachableTarget {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A neighbour of the source to ask first.
     *
     * @param neighbour         the person to ask
     * @param targetCount       targets not adjacent to the source that this person can reach within
     *                          {@code maxHops - 1} ties through allowed intermediaries, without the source
     * @param newTargets        how many of those no earlier first ask already opened (the marginal gain)
     * @param cumulativeTargets targets opened by this ask and all earlier ones together
     */
    public record FirstAsk(int neighbour, int targetCount, int newTargets, int cumulativeTargets) {
    }

    public Reachability {
        reachableAtHops = List.copyOf(reachableAtHops);
        reachableWithinHops = List.copyOf(reachableWithinHops);
        unreachable = List.copyOf(unreachable);
        firstAsks = List.copyOf(firstAsks);
        if (reachableAtHops.size() != maxHops + 1 || reachableWithinHops.size() != maxHops + 1) {
            throw new IllegalArgumentException("hop counts need maxHops + 1 elements");
        }
    }

    /** Targets reachable within {@code maxHops}. */
    public int reachableCount() {
        return reachableWithinHops.get(maxHops);
    }

    /** Unreachable targets counted by reason (every reason present, possibly 0; never REACHABLE). */
    public Map<UnreachableReason, Integer> unreachableByReason() {
        Map<UnreachableReason, Integer> counts = new EnumMap<>(UnreachableReason.class);
        for (UnreachableReason r : UnreachableReason.values()) {
            if (r != UnreachableReason.REACHABLE) {
                counts.put(r, 0);
            }
        }
        for (UnreachableTarget u : unreachable) {
            counts.merge(u.reason(), 1, Integer::sum);
        }
        return counts;
    }
}
