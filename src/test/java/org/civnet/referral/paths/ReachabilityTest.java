package org.civnet.referral.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import org.civnet.analysis.graph.CsrGraph;
import org.civnet.referral.paths.Reachability.FirstAsk;
import org.civnet.referral.paths.Reachability.UnreachableTarget;
import org.junit.jupiter.api.Test;

/**
 * Hand-counted coverage fixture, source 0, targets T = {4, 5, 6, 7, 8, 10, 11, 12, 14, 15}:
 * <pre>
 *   0-1, 0-2, 0-3, 0-9, 0-10      9 does not consent to introduce; 10 is a target 0 already knows
 *   1-4, 1-5, 2-4, 2-5, 2-7       hop 2: 4, 5, 7 (and 8 below)
 *   4-6                           hop 3: 6
 *   3-8, 8-15, 8-13, 13-12        hop 2: 8; hop 3: 15; hop 4: 12
 *   9-11                          11 only through 9
 *   14 isolated
 * </pre>
 * Within 3 hops: exactly 1 hop {10}, 2 hops {4, 5, 7, 8}, 3 hops {6, 15}; unreachable 11 (only
 * through the non-consenting 9), 12 (4 hops), 14 (not connected).
 * First asks (targets not adjacent to 0 reached within 2 ties, not back through 0):
 * 1 opens {4, 5, 6}, 2 opens {4, 5, 6, 7}, 3 opens {8, 15}; 9 is not allowed, 10 opens nothing.
 * Greedy: 2 (4 new), then 3 (2 new) before 1 (0 new) although 1 opens more in total.
 */
class ReachabilityTest {

    static final CsrGraph G = CsrGraph.parse(16,
            "0-1, 0-2, 0-3, 0-9, 0-10, 1-4, 1-5, 2-4, 2-5, 2-7, 4-6, 3-8, 8-15, 8-13, 13-12, 9-11");
    static final Set<Integer> TARGETS = Set.of(4, 5, 6, 7, 8, 10, 11, 12, 14, 15);
    static final IntPredicate IS_TARGET = TARGETS::contains;
    static final IntPredicate CONSENTS = v -> v != 9;

    static ReferralSearch search(int maxHops) {
        double[] unit = new double[G.edgeCount()];
        Arrays.fill(unit, 1.0);
        return new ReferralSearch(G, unit, CONSENTS, maxHops);
    }

    @Test
    void countsTargetsByHops() {
        Reachability r = search(3).reachability(0, IS_TARGET, 3);
        assertThat(r.source()).isZero();
        assertThat(r.maxHops()).isEqualTo(3);
        assertThat(r.targetCount()).isEqualTo(10);
        assertThat(r.reachableAtHops()).containsExactly(0, 1, 4, 2);
        assertThat(r.reachableWithinHops()).containsExactly(0, 1, 5, 7);
        assertThat(r.reachableCount()).isEqualTo(7);
    }

    @Test
    void unreachableTargetsCarryTheirReason() {
        Reachability r = search(3).reachability(0, IS_TARGET, 3);
        assertThat(r.unreachable()).containsExactly(
                new UnreachableTarget(11, UnreachableReason.ONLY_THROUGH_DISALLOWED),
                new UnreachableTarget(12, UnreachableReason.NO_PATH_WITHIN_MAX_HOPS),
                new UnreachableTarget(14, UnreachableReason.NOT_CONNECTED));
        assertThat(r.unreachableByReason()).isEqualTo(Map.of(
                UnreachableReason.ONLY_THROUGH_DISALLOWED, 1,
                UnreachableReason.NO_PATH_WITHIN_MAX_HOPS, 1,
                UnreachableReason.NOT_CONNECTED, 1));
    }

    @Test
    void whyAgreesWithTheReport() {
        ReferralSearch s = search(3);
        assertThat(s.why(0, 6)).isEqualTo(UnreachableReason.REACHABLE);
        assertThat(s.why(0, 11)).isEqualTo(UnreachableReason.ONLY_THROUGH_DISALLOWED);
        assertThat(s.why(0, 12)).isEqualTo(UnreachableReason.NO_PATH_WITHIN_MAX_HOPS);
        assertThat(s.why(0, 14)).isEqualTo(UnreachableReason.NOT_CONNECTED);
        assertThat(search(4).why(0, 12)).isEqualTo(UnreachableReason.REACHABLE);
    }

    @Test
    void firstAsksAreRankedByNewTargetsNotByTotal() {
        List<FirstAsk> asks = search(3).reachability(0, IS_TARGET, 3).firstAsks();
        assertThat(asks).containsExactly(
                new FirstAsk(2, 4, 4, 4),
                new FirstAsk(3, 2, 2, 6),
                new FirstAsk(1, 3, 0, 6));
    }

    @Test
    void largerHopLimitReachesFurther() {
        Reachability r = search(3).reachability(0, IS_TARGET, 4);
        assertThat(r.reachableAtHops()).containsExactly(0, 1, 4, 2, 1);
        assertThat(r.reachableWithinHops()).containsExactly(0, 1, 5, 7, 8);
        assertThat(r.unreachable()).extracting(UnreachableTarget::target).containsExactly(11, 14);
        assertThat(r.firstAsks()).contains(new FirstAsk(3, 3, 3, 7));
    }

    @Test
    void oneHopLimitHasNoOneToAsk() {
        Reachability r = search(3).reachability(0, IS_TARGET, 1);
        assertThat(r.reachableAtHops()).containsExactly(0, 1);
        assertThat(r.firstAsks()).isEmpty();
        assertThat(r.unreachable()).hasSize(9);
    }

    @Test
    void sourceIsNeverItsOwnTarget() {
        Reachability r = search(3).reachability(10, v -> v == 10 || v == 6, 4);
        assertThat(r.targetCount()).isEqualTo(1);
        // 10-0-1-4-6
        assertThat(r.reachableAtHops()).containsExactly(0, 0, 0, 0, 1);
    }

    @Test
    void allowingTheBlockerOpensItsTargets() {
        double[] unit = new double[G.edgeCount()];
        Arrays.fill(unit, 1.0);
        Reachability r = new ReferralSearch(G, unit, v -> true, 3).reachability(0, IS_TARGET, 3);
        assertThat(r.reachableWithinHops()).containsExactly(0, 1, 6, 8);
        assertThat(r.firstAsks()).extracting(FirstAsk::neighbour).containsExactly(2, 3, 9, 1);
    }
}
