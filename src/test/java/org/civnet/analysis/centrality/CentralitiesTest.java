package org.civnet.analysis.centrality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Test;

class CentralitiesTest {

    private static double[] compute(CsrGraph g, CentralityMetric m, boolean normalized, boolean weighted) {
        return Centralities.compute(g, m, normalized, weighted);
    }

    @Test
    void rejectsNullsAndUnsupportedWeights() {
        CsrGraph g = CsrGraph.parse(2, "0-1");
        assertThatThrownBy(() -> compute(null, CentralityMetric.DEGREE, true, false))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> compute(g, null, true, false)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> compute(g, CentralityMetric.CORENESS, false, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyGraphGivesEmptyArrays() {
        CsrGraph empty = CsrGraph.parse(0, "");
        for (CentralityMetric m : CentralityMetric.values()) {
            assertThat(compute(empty, m, true, false)).as(m.name()).isEmpty();
        }
    }

    @Test
    void singleVertex() {
        CsrGraph one = CsrGraph.parse(1, "");
        assertThat(compute(one, CentralityMetric.DEGREE, true, false)).containsExactly(1.0); // NetworkX: n <= 1 -> 1
        assertThat(compute(one, CentralityMetric.DEGREE, false, false)).containsExactly(0.0);
        assertThat(compute(one, CentralityMetric.CLOSENESS, true, false)).containsExactly(0.0);
        assertThat(compute(one, CentralityMetric.HARMONIC, true, false)).containsExactly(0.0);
        assertThat(compute(one, CentralityMetric.PAGERANK, true, false)).containsExactly(1.0);
        assertThat(compute(one, CentralityMetric.EIGENVECTOR, true, false)).containsExactly(1.0);
        assertThat(compute(one, CentralityMetric.CORENESS, true, false)).containsExactly(0.0);
        assertThat(compute(one, CentralityMetric.CLUSTERING, true, false)).containsExactly(0.0);
    }

    @Test
    void singleEdge() {
        CsrGraph k2 = CsrGraph.parse(2, "0-1");
        assertThat(compute(k2, CentralityMetric.DEGREE, true, false)).containsExactly(1.0, 1.0);
        assertThat(compute(k2, CentralityMetric.CLOSENESS, true, false)).containsExactly(1.0, 1.0);
        assertThat(compute(k2, CentralityMetric.HARMONIC, false, false)).containsExactly(1.0, 1.0);
        assertThat(compute(k2, CentralityMetric.PAGERANK, true, false)).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
        assertThat(compute(k2, CentralityMetric.EIGENVECTOR, true, false))
                .containsExactly(new double[] {Math.sqrt(0.5), Math.sqrt(0.5)}, within(1e-12));
        assertThat(compute(k2, CentralityMetric.CORENESS, true, false)).containsExactly(1.0, 1.0);
        assertThat(compute(k2, CentralityMetric.CLUSTERING, true, false)).containsExactly(0.0, 0.0);
    }

    @Test
    void pathAndStarByHand() {
        // P3 0-1-2: closeness of an end = 2/(1+2), of the middle = 2/2; harmonic end = 1 + 1/2.
        CsrGraph p3 = CsrGraph.parse(3, "0-1, 1-2");
        assertThat(compute(p3, CentralityMetric.CLOSENESS, true, false))
                .containsExactly(new double[] {2.0 / 3, 1.0, 2.0 / 3}, within(1e-12));
        assertThat(compute(p3, CentralityMetric.HARMONIC, false, false))
                .containsExactly(new double[] {1.5, 2.0, 1.5}, within(1e-12));
        assertThat(compute(p3, CentralityMetric.HARMONIC, true, false))
                .containsExactly(new double[] {0.75, 1.0, 0.75}, within(1e-12));
        // Star K1,4 plus one chord between two leaves: the centre sees 1 of C(4,2) = 6 neighbour pairs
        // linked; the two chord ends each have 2 neighbours that are linked (clustering 1).
        CsrGraph star = CsrGraph.parse(5, "0-1, 0-2, 0-3, 0-4, 1-2");
        assertThat(compute(star, CentralityMetric.CLUSTERING, false, false))
                .containsExactly(new double[] {1.0 / 6, 1, 1, 0, 0}, within(1e-12));
        assertThat(compute(star, CentralityMetric.DEGREE, true, false))
                .containsExactly(new double[] {1, 0.5, 0.5, 0.25, 0.25}, within(1e-12));
        assertThat(compute(star, CentralityMetric.CORENESS, false, false)).containsExactly(2, 2, 2, 1, 1);
    }

    @Test
    void karateAndKiteMatchReference() {
        for (ReferenceGraphs.Reference ref : new ReferenceGraphs.Reference[] {ReferenceGraphs.karate(), ReferenceGraphs.kite()}) {
            CsrGraph g = ref.graph();
            String n = ref.name();
            assertThat(compute(g, CentralityMetric.DEGREE, false, false)).as(n).containsExactly(ref.metric("degree"), within(1e-12));
            assertThat(compute(g, CentralityMetric.DEGREE, true, false)).as(n).containsExactly(ref.metric("degree_centrality"), within(1e-12));
            assertThat(compute(g, CentralityMetric.BETWEENNESS, true, false)).as(n).containsExactly(ref.metric("betweenness_normalized"), within(1e-6));
            assertThat(compute(g, CentralityMetric.CLOSENESS, true, false)).as(n).containsExactly(ref.metric("closeness"), within(1e-6));
            assertThat(compute(g, CentralityMetric.HARMONIC, false, false)).as(n).containsExactly(ref.metric("harmonic"), within(1e-6));
            assertThat(compute(g, CentralityMetric.HARMONIC, true, false)).as(n).containsExactly(ref.metric("harmonic_normalized"), within(1e-6));
            assertThat(compute(g, CentralityMetric.PAGERANK, true, false)).as(n).containsExactly(ref.metric("pagerank"), within(1e-4));
            assertThat(compute(g, CentralityMetric.EIGENVECTOR, true, false)).as(n).containsExactly(ref.metric("eigenvector"), within(1e-4));
            assertThat(compute(g, CentralityMetric.CORENESS, false, false)).as(n).containsExactly(ref.metric("core_number"), within(1e-12));
            assertThat(compute(g, CentralityMetric.CLUSTERING, false, false)).as(n).containsExactly(ref.metric("clustering"), within(1e-6));
        }
    }

    @Test
    void powerIterationsMatchNetworkxIterateForIterate() {
        // networkx 2.8.8 nx.eigenvector_centrality(G) and nx.pagerank(G, weight=None), i.e. the same power
        // iterations and tolerance (networkx_refs.py), so agreement is much tighter than against the exact vector.
        CsrGraph g = ReferenceGraphs.karate().graph();
        double[] eigen = compute(g, CentralityMetric.EIGENVECTOR, true, false);
        assertThat(eigen[0]).isCloseTo(0.35548349418519426, within(1e-9));
        assertThat(eigen[16]).isCloseTo(0.02363479426059687, within(1e-9));
        assertThat(eigen[33]).isCloseTo(0.37337121301323506, within(1e-9));
        double[] rank = compute(g, CentralityMetric.PAGERANK, true, false);
        assertThat(rank[0]).isCloseTo(0.09700181758983706, within(1e-9));
        assertThat(rank[11]).isCloseTo(0.009564916863537146, within(1e-9));
        assertThat(rank[33]).isCloseTo(0.1009179167487121, within(1e-9));
    }

    @Test
    void weightedKarateMatchesNetworkx() {
        // networkx 2.8.8 on karate with Zachary's weights (networkx_refs.py): closeness/harmonic with
        // distance = 1/weight; pagerank, eigenvector_centrality, clustering and degree with weight.
        CsrGraph g = ReferenceGraphs.karate().weightedGraph();
        assertThat(compute(g, CentralityMetric.CLOSENESS, true, true)).containsExactly(new double[] {
            1.5382907880133188, 1.4925694594012493, 1.634241245136187, 1.256686916311542, 1.054794520547945,
            1.0824742268041234, 1.0812919332189106, 1.2210377940269586, 1.592188397472717, 0.9042865531415152,
            0.9256043809269404, 1.0274277242401777, 0.8936746405313044, 1.529463694548665, 0.9966920753631524,
            1.1760712770470938, 0.8091068301225917, 0.8811188811188814, 0.9042865531415152, 0.9328307982231794,
            0.9907076483202287, 0.9267183738967639, 1.0624760444614794, 1.2872666480913906, 0.9542168674698799,
            1.2555485098287893, 0.9442060085836909, 1.3226452905811623, 1.1138792895603957, 1.1104879416713407,
            1.261490852826067, 1.4632601351351349, 1.4574132492113563, 1.610317183687696}, within(1e-6));
        double[] harmonic = compute(g, CentralityMetric.HARMONIC, false, true);
        assertThat(harmonic[0]).isCloseTo(63.3769020092986, within(1e-6));
        assertThat(harmonic[16]).isCloseTo(31.842109243693642, within(1e-6));
        assertThat(harmonic[33]).isCloseTo(70.45538032253972, within(1e-6));
        assertThat(compute(g, CentralityMetric.HARMONIC, true, true)[33]).isCloseTo(70.45538032253972 / 33, within(1e-6));
        double[] rank = compute(g, CentralityMetric.PAGERANK, true, true);
        assertThat(rank[0]).isCloseTo(0.08850807396280012, within(1e-9));
        assertThat(rank[9]).isCloseTo(0.009463219565799959, within(1e-9));
        assertThat(rank[33]).isCloseTo(0.09698041880501741, within(1e-9));
        double[] eigen = compute(g, CentralityMetric.EIGENVECTOR, true, true);
        assertThat(eigen[2]).isCloseTo(0.36058219924766366, within(1e-9));
        assertThat(eigen[16]).isCloseTo(0.01851797760789924, within(1e-9));
        assertThat(eigen[33]).isCloseTo(0.3641047837437374, within(1e-9));
        assertThat(compute(g, CentralityMetric.CLUSTERING, false, true)).containsExactly(new double[] {
            0.06631121196141879, 0.16691488397650842, 0.13142659927282047, 0.3000014925962803, 0.2495944184960854,
            0.23177447626640532, 0.23177447626640532, 0.4856715918928874, 0.24297226992368195, 0, 0.2495944184960854,
            0, 0.2971548318645577, 0.3072865570958022, 0.44389035799340837, 0.5592668058812662, 0.5081276149271519,
            0.2857142857142857, 0.3077763842902691, 0.11999248094236886, 0.3523160106186386, 0.3599774428271066,
            0.44389035799340837, 0.22058508021994944, 0.14459947485122202, 0.14459947485122202, 0.3599774428271066,
            0.09523809523809523, 0.11999248094236886, 0.3033133517839719, 0.23473382269963547, 0.09395524239742073,
            0.09656764202868078, 0.05233010615463943}, within(1e-9));
        double[] strength = compute(g, CentralityMetric.DEGREE, false, true);
        assertThat(strength[0]).isEqualTo(42.0);
        assertThat(strength[33]).isEqualTo(48.0);
        assertThat(compute(g, CentralityMetric.DEGREE, true, true)[33]).isCloseTo(48.0 / 33, within(1e-12));
    }

    @Test
    void disconnectedGraphFollowsNetworkx() {
        // Triangle 0-1-2, edge 3-4, isolates 5 and 6; networkx 2.8.8 values (networkx_refs.py).
        CsrGraph g = CsrGraph.parse(7, "0-1, 1-2, 2-0, 3-4");
        assertThat(compute(g, CentralityMetric.CLOSENESS, true, false))
                .containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 6, 1.0 / 6, 0, 0}, within(1e-12));
        assertThat(compute(g, CentralityMetric.HARMONIC, false, false))
                .containsExactly(new double[] {2, 2, 2, 1, 1, 0, 0}, within(1e-12));
        assertThat(compute(g, CentralityMetric.PAGERANK, true, false)).containsExactly(new double[] {
            0.18867911062477574, 0.18867911062477574, 0.18867911062477574, 0.18867911062477574,
            0.18867911062477574, 0.028302223438060704, 0.028302223438060704}, within(1e-9));
        assertThat(compute(g, CentralityMetric.EIGENVECTOR, true, false)).containsExactly(new double[] {
            0.5773502691631281, 0.5773502691631281, 0.5773502691631281, 6.774607195464508e-06,
            6.774607195464508e-06, 2.5237378461154208e-14, 2.5237378461154208e-14}, within(1e-9));
        assertThat(compute(g, CentralityMetric.CLUSTERING, false, false)).containsExactly(1, 1, 1, 0, 0, 0, 0);
        assertThat(compute(g, CentralityMetric.CORENESS, false, false)).containsExactly(2, 2, 2, 1, 1, 0, 0);
    }

    @Test
    void parallelSweepsEqualSingleThread() {
        CsrGraph g = BetweennessTest.randomGraph(250, 1000, 3, true);
        for (CentralityMetric m : new CentralityMetric[] {CentralityMetric.CLOSENESS, CentralityMetric.HARMONIC,
            CentralityMetric.CLUSTERING}) {
            for (boolean weighted : new boolean[] {false, true}) {
                assertThat(Centralities.compute(g, m, true, weighted, 2)).as(m + " " + weighted)
                        .containsExactly(Centralities.compute(g, m, true, weighted, 1));
            }
        }
    }

    @Test
    void powerIterationsReportNonConvergence() {
        CsrGraph g = ReferenceGraphs.karate().graph();
        assertThatThrownBy(() -> Centralities.pageRank(g, false, 0.85, 1e-6, 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Centralities.eigenvector(g, false, 1e-6, 2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pageRankSumsToOneWithIsolatedVertices() {
        double[] rank = compute(CsrGraph.parse(5, "0-1, 1-2"), CentralityMetric.PAGERANK, true, false);
        assertThat(BetweennessTest.sum(rank)).isCloseTo(1.0, within(1e-9));
        assertThat(rank[3]).isEqualTo(rank[4]).isGreaterThan(0);
    }
}
