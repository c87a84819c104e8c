package org.civnet.analysis.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civnet.analysis.isolation.TestGraphs.bits;

import java.util.BitSet;
import java.util.Random;

import org.civnet.analysis.graph.CsrGraph;
import org.civnet.analysis.graph.GraphLadder;
import org.junit.jupiter.api.Test;

class DisjointRoutesTest {

    private static DisjointRoutes routes(int n, String edges, BitSet mandates, BitSet sources) {
        return new DisjointRoutes(new MandateReach(CsrGraph.parse(n, edges), mandates), sources);
    }

    @Test
    void rejectsNullsAndUnknownSources() {
        MandateReach r = new MandateReach(CsrGraph.parse(2, "0-1"), bits(0));
        assertThatThrownBy(() -> new DisjointRoutes(null, bits())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new DisjointRoutes(r, null)).isInstanceOf(NullPointerException.class);
        DisjointRoutes d = new DisjointRoutes(r, bits(1));
        assertThatThrownBy(() -> d.routes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.count(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> DisjointRoutes.routesOf(r, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void emptyGraphAndOneVertex() {
        assertThat(routes(0, "", bits(), bits()).fragile()).isEmpty();
        assertThat(routes(1, "", bits(), bits(0)).routes(0)).isZero();
        assertThat(routes(1, "", bits(0), bits(0)).routes(0)).as("a mandate gets the cap").isEqualTo(2);
    }

    @Test
    void oneEdgeIsOneRoute() {
        DisjointRoutes d = routes(2, "0-1", bits(0), bits(1));
        assertThat(d.routes(1)).isEqualTo(1);
        assertThat(d.count(1)).isEqualTo(1);
        assertThat(d.withRoutes(1)).containsExactly(1);
    }

    @Test
    void pathAndStarGiveOneRoute() {
        assertThat(routes(4, "0-1, 1-2, 2-3", bits(0), bits(3)).routes(3)).isEqualTo(1);
        DisjointRoutes star = routes(5, "0-1, 0-2, 0-3, 0-4", bits(1), bits(0, 2, 3));
        assertThat(star.routes(0)).isEqualTo(1);
        assertThat(star.routes(2)).isEqualTo(1);
        assertThat(star.fragile()).containsExactly(0, 2, 3);
    }

    @Test
    void unreachableIsZero() {
        DisjointRoutes d = routes(4, "0-1, 2-3", bits(0), bits(1, 2, 3));
        assertThat(d.routes(2)).isZero();
        assertThat(d.withRoutes(0)).containsExactly(2, 3);
        assertThat(d.count(0)).isEqualTo(2);
    }

    @Test
    void cycleGivesTwoRoutes() {
        // 0(M) - 1 - 2 - 3 - 0: from 2, one route each way round.
        assertThat(routes(4, "0-1, 1-2, 2-3, 3-0", bits(0), bits(2)).routes(2)).isEqualTo(2);
    }

    @Test
    void routesMayShareTheirMandateButNoIntermediary() {
        // s=0 - a=1 - M=3 and s - b=2 - M: two routes into the same mandate.
        assertThat(routes(4, "0-1, 1-3, 0-2, 2-3", bits(3), bits(0)).routes(0)).isEqualTo(2);
        // Two direct ties to two mandates are two routes; one shared broker is one.
        assertThat(routes(3, "0-1, 0-2", bits(1, 2), bits(0)).routes(0)).isEqualTo(2);
        assertThat(routes(4, "0-1, 1-2, 1-3", bits(2, 3), bits(0)).routes(0)).isEqualTo(1);
    }

    @Test
    void secondRouteNeedsToReroundTheFirst() {
        // s=0, a=1, b=2, c=3, d=4, M=5. Breadth-first search takes s-a-b-M first; the only way to two
        // routes is s-c-b-M and s-a-d-M, found by cancelling the flow on a-b.
        DisjointRoutes d = routes(6, "0-1, 0-3, 1-2, 1-4, 3-2, 2-5, 4-5", bits(5), bits(0));
        assertThat(d.routes(0)).isEqualTo(2);
        assertThat(DisjointRoutes.routesOf(d.reach(), 0)).isEqualTo(2);
        assertThat(TestGraphs.bruteRoutes(CsrGraph.parse(6, "0-1, 0-3, 1-2, 1-4, 3-2, 2-5, 4-5"), bits(5), 0))
                .isEqualTo(2);
        // Without d-M the cancelled route has nowhere to go: b is the single point of failure.
        DisjointRoutes trapped = routes(6, "0-1, 0-3, 1-2, 1-4, 3-2, 2-5", bits(5), bits(0));
        assertThat(trapped.routes(0)).isEqualTo(1);
        assertThat(DisjointRoutes.routesOf(trapped.reach(), 0)).isEqualTo(1);
    }

    @Test
    void agreesWithMaxFlowAndWithSinglePointsOfFailure() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + rnd.nextInt(25);
            CsrGraph g = TestGraphs.random(n, rnd.nextInt(3 * n), rnd.nextLong());
            BitSet mandates = TestGraphs.randomSet(n, 0.12, rnd);
            BitSet all = new BitSet();
            all.set(0, n);
            MandateReach reach = new MandateReach(g, mandates);
            DisjointRoutes d = new DisjointRoutes(reach, all);
            WeakPoints w = new WeakPoints(reach, all);
            for (int v = 0; v < n; v++) {
                int expected = TestGraphs.bruteRoutes(g, mandates, v);
                assertThat(d.routes(v)).as("trial %d vertex %d", trial, v).isEqualTo(expected);
                assertThat(DisjointRoutes.routesOf(reach, v)).as("flow, trial %d vertex %d", trial, v)
                        .isEqualTo(expected);
                if (reach.isReachable(v) && !mandates.get(v)) {
                    // Menger: fewer than two routes iff one vertex or tie can cut v off.
                    assertThat(d.routes(v) < 2).isEqualTo(w.hangsByThread(v));
                }
            }
            assertThat(d.count(0) + d.count(1) + d.count(2)).isEqualTo(n);
        }
    }

    @Test
    void longPathIsFine() {
        int n = 100_000;
        DisjointRoutes d = new DisjointRoutes(new MandateReach(GraphLadder.path(n), bits(0)), bits(n - 1));
        assertThat(d.routes(n - 1)).isEqualTo(1);
        assertThat(DisjointRoutes.routesOf(d.reach(), n - 1)).isEqualTo(1);
    }
}
