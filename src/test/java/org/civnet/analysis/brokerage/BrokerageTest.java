package org.civnet.analysis.brokerage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.civnet.analysis.brokerage.Brokerage.RoleFlow;
import org.civnet.analysis.brokerage.Brokerage.RoleStatistic;
import org.civnet.analysis.centrality.ReferenceGraphs;
import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Test;

class BrokerageTest {

    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;

    /**
     * The worked example. Groups: A = {0, 1, 2, 6}, B = {3, 4, 7}, C = {5}.
     * <pre>
     *   0 - 1 - 2        edges 0-1, 1-2, 1-3, 3-4, 3-5, 4-5, 4-6, 5-7
     *       |
     *       3 - 4 - 6
     *        \ /
     *         5 - 7
     * </pre>
     * Vertex 1 (A), neighbours 0(A), 2(A), 3(B), none adjacent: 6 ordered open two-paths:
     *   0-1-2, 2-1-0: coordinator (2); 0-1-3, 2-1-3: representative (2); 3-1-0, 3-1-2: gatekeeper (2).
     * Vertex 3 (B), neighbours 1(A), 4(B), 5(C); 4-5 adjacent, so 3*2 - 2 = 4 open:
     *   4-3-1: representative; 1-3-4: gatekeeper; 1-3-5, 5-3-1: liaison (2).
     * Vertex 4 (B), neighbours 3(B), 5(C), 6(A); 3-5 adjacent, 4 open:
     *   3-4-6: representative; 6-4-3: gatekeeper; 5-4-6, 6-4-5: liaison (2).
     * Vertex 5 (C), neighbours 3(B), 4(B), 7(B); 3-4 adjacent, 4 open: 3-5-7, 7-5-3, 4-5-7, 7-5-4, all
     *   B to B through C: consultant (4).
     * Vertices 0, 2, 6, 7 have one neighbour: nothing. Totals: w_I 2, w_O 4, b_IO 4, b_OI 4, b_O 4, t 18.
     * R's sna::brokerage (sna 2.7-1, test resource sna_brokerage.R) gives the same counts and the moments used below.
     */
    static final CsrGraph EXAMPLE = CsrGraph.parse(8, "0-1, 1-2, 1-3, 3-4, 3-5, 4-5, 4-6, 5-7");
    static final int[] EXAMPLE_GROUPS = {A, A, A, B, B, C, A, B};

    private static long[] counts(Brokerage b, int v) {
        return Arrays.stream(BrokerageRole.values()).mapToLong(r -> b.count(v, r)).toArray();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new Brokerage(null, new int[0])).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Brokerage(EXAMPLE, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Brokerage(EXAMPLE, new int[3])).isInstanceOf(IllegalArgumentException.class);
        int[] negative = EXAMPLE_GROUPS.clone();
        negative[2] = -1;
        assertThatThrownBy(() -> new Brokerage(EXAMPLE, negative)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyAndTinyGraphs() {
        Brokerage empty = new Brokerage(CsrGraph.parse(0, ""), new int[0]);
        assertThat(empty.vertexCount()).isZero();
        assertThat(empty.graphTotalStatistic().observed()).isZero();
        Brokerage one = new Brokerage(CsrGraph.parse(1, ""), new int[] {0});
        assertThat(one.totalCount(0)).isZero();
        Brokerage edge = new Brokerage(CsrGraph.parse(2, "0-1"), new int[] {0, 1});
        assertThat(edge.totalCount(0)).isZero();
        assertThat(edge.flows(0)).isEmpty();
    }

    @Test
    void pathAndTriangle() {
        // P3 0-1-2, groups 0 | 1 | 0: the middle is a consultant both ways.
        Brokerage path = new Brokerage(CsrGraph.parse(3, "0-1, 1-2"), new int[] {0, 1, 0});
        assertThat(counts(path, 1)).containsExactly(0, 2, 0, 0, 0);
        // A triangle has no open two-path.
        Brokerage triangle = new Brokerage(CsrGraph.parse(3, "0-1, 1-2, 2-0"), new int[] {0, 1, 2});
        assertThat(triangle.totalCount(0) + triangle.totalCount(1) + triangle.totalCount(2)).isZero();
    }

    @Test
    void workedExampleCounts() {
        Brokerage b = new Brokerage(EXAMPLE, EXAMPLE_GROUPS);
        // order: coordinator, consultant, representative, gatekeeper, liaison
        assertThat(counts(b, 1)).containsExactly(2, 0, 2, 2, 0);
        assertThat(counts(b, 3)).containsExactly(0, 0, 1, 1, 2);
        assertThat(counts(b, 4)).containsExactly(0, 0, 1, 1, 2);
        assertThat(counts(b, 5)).containsExactly(0, 4, 0, 0, 0);
        for (int leaf : new int[] {0, 2, 6, 7}) {
            assertThat(b.totalCount(leaf)).isZero();
        }
        assertThat(b.groupCount()).isEqualTo(3);
        assertThat(Arrays.stream(BrokerageRole.values()).mapToLong(r -> b.graphStatistic(r).observed()).toArray())
                .containsExactly(2L, 4L, 4L, 4L, 4L);
        assertThat(b.graphTotalStatistic().observed()).isEqualTo(18);
    }

    @Test
    void workedExampleMomentsMatchSna() {
        Brokerage b = new Brokerage(EXAMPLE, EXAMPLE_GROUPS);
        // d = 16 / 56 = 2/7. Vertex 1 (group A, size 4): sna exp.nli / sd.nli / z.nli row 2.
        assertStat(b.statistic(1, BrokerageRole.COORDINATOR), 2, 0.34985422740524780, 0.65685072963913427, 2.51220817475733327);
        assertStat(b.statistic(1, BrokerageRole.REPRESENTATIVE), 2, 0.69970845481049559, 1.08115711769299905, 1.20268508980831568);
        assertStat(b.statistic(1, BrokerageRole.LIAISON), 0, 0.34985422740524780, 0.65685072963913427, -0.53262364129130746);
        assertStat(b.totalStatistic(1), 6, 2.4489795918367347, 2.4240715839202798, 1.4648991522026138);
        // Vertex 3 (group B, size 3), row 4.
        assertStat(b.statistic(3, BrokerageRole.CONSULTANT), 0, 0.69970845481049559, 1.03290967471045803, -0.67741494918869427);
        assertStat(b.statistic(3, BrokerageRole.GATEKEEPER), 1, 0.58309037900874627, 0.98695690261287206, 0.42241927675618479);
        assertStat(b.statistic(3, BrokerageRole.LIAISON), 2, 0.46647230320699706, 0.80204076333758123, 1.91203211469132861);
        // Vertex 5 (group C, size 1): no coordinator or representative possible; sna gives z = NaN.
        assertStat(b.statistic(5, BrokerageRole.CONSULTANT), 4, 1.04956268221574334, 1.22407323193423645, 2.41034379382848041);
        assertStat(b.statistic(5, BrokerageRole.LIAISON), 0, 1.39941690962099119, 1.52898705889764353, -0.91525752391255111);
        RoleStatistic impossible = b.statistic(5, BrokerageRole.COORDINATOR);
        assertThat(impossible.expected()).isZero();
        assertThat(impossible.zScore()).isNaN();
        // Graph level: exp.gli, sd.gli, z.gli.
        assertStat(b.graphStatistic(BrokerageRole.COORDINATOR), 2, 1.7492711370262390, 1.6369165489784421, 0.153171438782407354);
        assertStat(b.graphStatistic(BrokerageRole.CONSULTANT), 4, 4.5481049562682214, 3.0383988668677744, -0.180392693745720117);
        assertStat(b.graphStatistic(BrokerageRole.REPRESENTATIVE), 4, 4.5481049562682214, 2.7873305882161103, -0.196641531716913509);
        assertStat(b.graphStatistic(BrokerageRole.GATEKEEPER), 4, 4.5481049562682214, 2.7873305882161103, -0.196641531716913509);
        assertStat(b.graphStatistic(BrokerageRole.LIAISON), 4, 4.1982507288629733, 2.7016660723537154, -0.073380915166268337);
        assertStat(b.graphTotalStatistic(), 18, 19.5918367346938780, 7.7921472111536980, -0.204287302531363762);
    }

    @Test
    void fourGroupsMatchSna() {
        // Seeded random graph, 16 vertices, 30 edges, 4 groups; R sna::brokerage (sna_brokerage.R, second check).
        CsrGraph g = CsrGraph.parse(16, "0-3, 0-4, 0-5, 0-7, 0-9, 0-13, 1-5, 1-10, 1-14, 2-5, 2-6, 2-8, 2-12, 2-13, "
                + "2-14, 2-15, 3-9, 3-10, 4-5, 4-12, 4-15, 6-7, 6-14, 6-15, 7-10, 7-11, 8-11, 9-13, 11-12, 12-14");
        Brokerage b = new Brokerage(g, new int[] {2, 2, 2, 3, 2, 1, 3, 3, 1, 0, 2, 0, 2, 3, 0, 3});
        assertThat(counts(b, 0)).containsExactly(0, 6, 4, 4, 10);
        assertThat(counts(b, 2)).containsExactly(0, 6, 5, 5, 20);
        assertThat(counts(b, 12)).containsExactly(2, 2, 3, 3, 0);
        assertThat(b.statistic(0, BrokerageRole.CONSULTANT).zScore()).isCloseTo(3.21855806567155867, within(1e-12));
        assertThat(b.statistic(2, BrokerageRole.LIAISON).zScore()).isCloseTo(6.3589606726683732, within(1e-12));
        assertThat(b.statistic(12, BrokerageRole.COORDINATOR).zScore()).isCloseTo(0.81862380098323062, within(1e-12));
        assertThat(b.totalStatistic(2).zScore()).isCloseTo(3.883060623566853220, within(1e-12));
        assertStat(b.graphStatistic(BrokerageRole.COORDINATOR), 6, 8.71875, 4.4216817537278734, (6 - 8.71875) / 4.4216817537278734);
        assertStat(b.graphStatistic(BrokerageRole.CONSULTANT), 40, 29.34375, 9.2055785142081099, (40 - 29.34375) / 9.2055785142081099);
        assertStat(b.graphStatistic(BrokerageRole.GATEKEEPER), 26, 29.34375, 9.1121752771360800, (26 - 29.34375) / 9.1121752771360800);
        assertStat(b.graphStatistic(BrokerageRole.LIAISON), 54, 60.75, 14.9953117673491541, (54 - 60.75) / 14.9953117673491541);
        assertStat(b.graphTotalStatistic(), 152, 157.5, 31.5312345143668615, (152 - 157.5) / 31.5312345143668615);
    }

    private static void assertStat(RoleStatistic s, long observed, double expected, double sd, double z) {
        assertThat(s.observed()).isEqualTo(observed);
        assertThat(s.expected()).isCloseTo(expected, within(1e-12));
        assertThat(s.standardDeviation()).isCloseTo(sd, within(1e-12));
        assertThat(s.zScore()).isCloseTo(z, within(1e-12));
    }

    @Test
    void workedExampleFlows() {
        Brokerage b = new Brokerage(EXAMPLE, EXAMPLE_GROUPS);
        assertThat(b.flows(1)).containsExactly(
                new RoleFlow(BrokerageRole.COORDINATOR, A, A, 2),
                new RoleFlow(BrokerageRole.REPRESENTATIVE, A, B, 2),
                new RoleFlow(BrokerageRole.GATEKEEPER, B, A, 2));
        // Equal counts: enum order of the roles, then group indices.
        assertThat(b.flows(3)).containsExactly(
                new RoleFlow(BrokerageRole.REPRESENTATIVE, B, A, 1),
                new RoleFlow(BrokerageRole.GATEKEEPER, A, B, 1),
                new RoleFlow(BrokerageRole.LIAISON, A, C, 1),
                new RoleFlow(BrokerageRole.LIAISON, C, A, 1));
        assertThat(b.flows(5)).containsExactly(new RoleFlow(BrokerageRole.CONSULTANT, B, B, 4));
        assertThat(b.flows(0)).isEmpty();
    }

    @Test
    void countsSumToOpenTwoPathsOnKarate() {
        ReferenceGraphs.Reference karate = ReferenceGraphs.karate();
        CsrGraph g = karate.graph();
        String[] club = karate.column("club");
        int[] groups = Arrays.stream(club).mapToInt(c -> c.equals("Mr. Hi") ? 0 : 1).toArray();
        Brokerage b = new Brokerage(g, groups);
        double[] clustering = karate.metric("clustering");
        long flowTotal = 0;
        for (int v = 0; v < g.vertexCount(); v++) {
            long k = g.degree(v);
            // ties among neighbours t = clustering * k(k-1)/2; ordered open pairs = k(k-1) - 2t
            long ties = Math.round(clustering[v] * k * (k - 1) / 2.0);
            assertThat(b.totalCount(v)).as("vertex " + v).isEqualTo(k * (k - 1) - 2 * ties);
            assertThat(b.count(v, BrokerageRole.REPRESENTATIVE)).isEqualTo(b.count(v, BrokerageRole.GATEKEEPER));
            // Two groups: no liaison is possible.
            assertThat(b.count(v, BrokerageRole.LIAISON)).isZero();
            List<RoleFlow> flows = b.flows(v);
            for (BrokerageRole r : BrokerageRole.values()) {
                assertThat(flows.stream().filter(f -> f.role() == r).mapToLong(RoleFlow::count).sum())
                        .isEqualTo(b.count(v, r));
            }
            flowTotal += flows.stream().mapToLong(RoleFlow::count).sum();
        }
        assertThat(flowTotal).isEqualTo(b.graphTotalStatistic().observed());
    }
}
