package org.civnet.analysis.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civnet.analysis.isolation.TestGraphs.bits;

import java.util.BitSet;
import java.util.List;
import java.util.Random;

import org.civnet.analysis.graph.CsrGraph;
import org.civnet.analysis.isolation.Resilience.GroupChange;
import org.civnet.analysis.isolation.Resilience.Reachability;
import org.junit.jupiter.api.Test;

class ResilienceTest {

    private static final CsrGraph STAR = CsrGraph.parse(5, "0-1, 0-2, 0-3, 0-4");

    @Test
    void rejectsNulls() {
        MandateReach r = new MandateReach(STAR, bits(1));
        assertThatThrownBy(() -> new Resilience(null, bits(), bits(), List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Resilience(r, null, bits(), List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Resilience(r, bits(), null, List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Resilience(r, bits(), bits(), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Resilience(r, bits(9), bits(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyGraph() {
        Resilience res = new Resilience(new MandateReach(CsrGraph.parse(0, ""), bits()), bits(), bits(), List.of());
        assertThat(res.before()).isEqualTo(new Reachability(0, 0, 0.0));
        assertThat(res.after()).isEqualTo(new Reachability(0, 0, 0.0));
    }

    @Test
    void removingNothingChangesNothing() {
        Resilience res = new Resilience(new MandateReach(STAR, bits(1)), bits(), bits(2), List.of(bits(2, 3)));
        assertThat(res.lostAllPaths()).isEmpty();
        assertThat(res.after()).isEqualTo(res.before());
        assertThat(res.groupChanges()).isEmpty();
    }

    @Test
    void removingTheHubOfAStarCutsTheOtherLeaves() {
        // Hub 0, mandate on leaf 1, at risk 2 and 3; groups {2,3} and {0,4}, {1}.
        Resilience res = new Resilience(new MandateReach(STAR, bits(1)), bits(0), bits(2, 3),
                List.of(bits(2, 3), bits(0, 4), bits(1)));
        assertThat(res.lostAllPaths()).containsExactly(2, 3, 4);
        assertThat(res.atRiskLostAllPaths()).containsExactly(2, 3);
        assertThat(res.before()).isEqualTo(new Reachability(5, 5, 1.0));
        // Only the mandate itself still reaches a mandate, out of the four that remain.
        assertThat(res.after()).isEqualTo(new Reachability(1, 4, 0.25));
        assertThat(res.hopsAfter(2)).isEqualTo(-1);
        assertThat(res.hopsAfter(1)).isZero();
        assertThat(res.groupChanges()).containsExactly(
                new GroupChange(0, 2, 0.0, 2, 1.0, 2, true),
                new GroupChange(1, 2, 0.0, 1, 1.0, 1, true));
    }

    @Test
    void removingAMandateIsAllowed() {
        // Path 0(M) - 1 - 2 - 3(M): without 3, vertex 2 is two hops from 0 and nobody is lost.
        MandateReach before = new MandateReach(CsrGraph.parse(4, "0-1, 1-2, 2-3"), bits(0, 3));
        Resilience res = new Resilience(before, bits(3), bits(2), List.of());
        assertThat(res.lostAllPaths()).isEmpty();
        assertThat(res.hopsAfter(2)).isEqualTo(2);
        Resilience both = new Resilience(before, bits(0, 3), bits(2), List.of(bits(1, 2)));
        assertThat(both.atRiskLostAllPaths()).containsExactly(2);
        assertThat(both.after().reachable()).isZero();
        assertThat(both.groupChanges()).singleElement().satisfies(c -> assertThat(c.isolatedAfter()).isTrue());
    }

    @Test
    void partialLossIsReportedWithoutIsolation() {
        // 0(M) - 1 - 2 and 0 - 3: removing 1 cuts 2 only; group {2,3} goes from 0 to 1/2.
        MandateReach before = new MandateReach(CsrGraph.parse(4, "0-1, 1-2, 0-3"), bits(0));
        Resilience res = new Resilience(before, bits(1), bits(), List.of(bits(2, 3), bits(0)));
        assertThat(res.groupChanges()).containsExactly(new GroupChange(0, 2, 0.0, 2, 0.5, 1, false));
        assertThat(res.groupChanges().get(0).increase()).isEqualTo(0.5);
    }

    @Test
    void singleRemovalsAgreeWithWeakPoints() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + rnd.nextInt(30);
            CsrGraph g = TestGraphs.random(n, rnd.nextInt(2 * n), rnd.nextLong());
            BitSet mandates = TestGraphs.randomSet(n, 0.15, rnd);
            BitSet atRisk = TestGraphs.randomSet(n, 0.3, rnd);
            MandateReach reach = new MandateReach(g, mandates);
            WeakPoints w = new WeakPoints(reach, atRisk);
            for (int v = 0; v < n; v++) {
                Resilience res = new Resilience(reach, bits(v), atRisk, List.of());
                assertThat(res.atRiskLostAllPaths()).isEqualTo(w.cutOffBy(v, atRisk));
            }
        }
    }
}
