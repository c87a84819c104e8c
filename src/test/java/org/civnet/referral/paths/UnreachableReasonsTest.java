package org.civnet.referral.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;

import org.civnet.analysis.graph.Components;
import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Test;

/**
 * {@link UnreachableReasons}' last check, connected at all, answered by its own bounded search or,
 * past the budget, by the {@link ReferralGraph}'s components: both routes give the components'
 * answer. Which route answered shows in whether the components were computed.
 */
class UnreachableReasonsTest {

    private static final IntPredicate ANYONE = v -> true;

    /** A line 0-1-...-99, a triangle 100-101-102 and 103 alone. */
    private static ReferralGraph lineTriangleAndLoner() {
        CsrGraph.Builder b = CsrGraph.builder(104);
        for (int v = 0; v < 99; v++) {
            b.addEdge(v, v + 1);
        }
        b.addEdge(100, 101).addEdge(101, 102).addEdge(102, 100);
        CsrGraph g = b.build();
        return new ReferralGraph(g, ones(g.edgeCount()));
    }

    @Test
    void aPersonInASmallComponentIsFoundApartWithoutTheComponents() {
        ReferralGraph r = lineTriangleAndLoner();
        UnreachableReasons reasons = new UnreachableReasons(r, ANYONE, 2, 20);
        assertThat(reasons.why(50, 101)).isEqualTo(UnreachableReason.NOT_CONNECTED);
        assertThat(reasons.why(103, 0)).isEqualTo(UnreachableReason.NOT_CONNECTED);
        assertThat(r.hasComponents()).isFalse();
    }

    @Test
    void aFarButConnectedPairWithinTheBudgetIsFoundWithoutTheComponents() {
        ReferralGraph r = lineTriangleAndLoner();
        assertThat(new UnreachableReasons(r, ANYONE, 2, 104).why(0, 99)).isEqualTo(UnreachableReason.NO_PATH_WITHIN_MAX_HOPS);
        assertThat(r.hasComponents()).isFalse();
    }

    @Test
    void aSearchOverTheBudgetFallsBackToTheComponents() {
        ReferralGraph r = lineTriangleAndLoner();
        // 0 and 99 meet only after touching the whole line: past a budget of 20 the components answer.
        assertThat(new UnreachableReasons(r, ANYONE, 2, 20).why(0, 99)).isEqualTo(UnreachableReason.NO_PATH_WITHIN_MAX_HOPS);
        assertThat(r.hasComponents()).isTrue();
        // Once they are there they answer at once, whatever the budget.
        assertThat(new UnreachableReasons(r, ANYONE, 2, 1000).why(0, 101)).isEqualTo(UnreachableReason.NOT_CONNECTED);
    }

    @Test
    void theDefaultBudgetIsAShareOfTheVertices() {
        ReferralGraph r = lineTriangleAndLoner();
        // 104 / 8 = 13 vertices: a walk of the 100-vertex line is over it, the triangle is not.
        assertThat(new UnreachableReasons(r, ANYONE, 2).why(101, 103)).isEqualTo(UnreachableReason.NOT_CONNECTED);
        assertThat(r.hasComponents()).isFalse();
        assertThat(new UnreachableReasons(r, ANYONE, 2).why(10, 90)).isEqualTo(UnreachableReason.NO_PATH_WITHIN_MAX_HOPS);
        assertThat(r.hasComponents()).isTrue();
    }

    @Test
    void bothRoutesAgreeWithTheComponentsOnRandomGraphs() {
        Random random = new Random(7);
        Map<UnreachableReason, Integer> bySearch = new EnumMap<>(UnreachableReason.class);
        int byComponents = 0;
        for (int graph = 0; graph < 20; graph++) {
            // Sparse: a large component, many small ones and some loners.
            int n = 200;
            CsrGraph.Builder b = CsrGraph.builder(n);
            for (int i = 0; i < 190; i++) {
                b.addEdge(random.nextInt(n), random.nextInt(n));
            }
            CsrGraph g = b.build();
            Components components = new Components(g);
            IntPredicate rule = v -> v % 5 != 0;
            int maxHops = 1 + random.nextInt(3);
            for (int pair = 0; pair < 100; pair++) {
                int a = random.nextInt(n);
                int c = random.nextInt(n);
                UnreachableReason expected = null;
                for (int budget : new int[] {0, 6, 25, n}) {
                    // A fresh ReferralGraph each time, so its components say which route answered.
                    ReferralGraph r = new ReferralGraph(g, ones(g.edgeCount()));
                    UnreachableReason why = new UnreachableReasons(r, rule, maxHops, budget).why(a, c);
                    if (expected == null) {
                        expected = why;
                    }
                    assertThat(why).as("graph %d, %d-%d, budget %d", graph, a, c, budget).isEqualTo(expected);
                    if (why == UnreachableReason.NO_PATH_WITHIN_MAX_HOPS || why == UnreachableReason.NOT_CONNECTED) {
                        assertThat(why == UnreachableReason.NO_PATH_WITHIN_MAX_HOPS).isEqualTo(components.connected(a, c));
                        if (r.hasComponents()) {
                            byComponents++;
                        } else {
                            bySearch.merge(why, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        // Every route was taken many times, for both answers of the search.
        assertThat(byComponents).isGreaterThan(100);
        assertThat(bySearch.getOrDefault(UnreachableReason.NOT_CONNECTED, 0)).isGreaterThan(100);
        assertThat(bySearch.getOrDefault(UnreachableReason.NO_PATH_WITHIN_MAX_HOPS, 0)).isGreaterThan(50);
    }

    private static double[] ones(int m) {
        double[] cost = new double[m];
        java.util.Arrays.fill(cost, 1.0);
        return cost;
    }
}
