package org.civnet.analysis.centrality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;

import org.civnet.analysis.centrality.Betweenness.Options;
import org.civnet.analysis.graph.CsrGraph;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

class BetweennessTest {

    private static final Options RAW = Options.defaults().withNormalized(false);

    private static double[] raw(CsrGraph g) {
        return new Betweenness(g, RAW).scores();
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> new Betweenness(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Betweenness(CsrGraph.parse(2, "0-1"), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejectsBadOptions() {
        CsrGraph g = CsrGraph.parse(3, "0-1, 1-2");
        assertThatThrownBy(() -> new Betweenness(g, RAW.withSamples(4, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RAW.withSamples(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RAW.withSamples(2, 1).withSources(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Betweenness(g, RAW.withSources(0, 3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Betweenness(g, RAW.withTargets(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RAW.withThreads(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyGraphAndSingleVertex() {
        assertThat(raw(CsrGraph.parse(0, ""))).isEmpty();
        assertThat(new Betweenness(CsrGraph.parse(0, "")).getScores()).isEmpty();
        assertThat(raw(CsrGraph.parse(1, ""))).containsExactly(0.0);
        assertThat(new Betweenness(CsrGraph.parse(1, "")).scores()).containsExactly(0.0);
    }

    @Test
    void singleEdgeHasNoBrokers() {
        assertThat(raw(CsrGraph.parse(2, "0-1"))).containsExactly(0.0, 0.0);
        assertThat(new Betweenness(CsrGraph.parse(2, "0-1")).scores()).containsExactly(0.0, 0.0);
    }

    @Test
    void pathOfFiveByHand() {
        // P5 0-1-2-3-4: vertex 1 lies on the paths of pairs {0,2},{0,3},{0,4} -> 3;
        // vertex 2 on {0,3},{0,4},{1,3},{1,4} -> 4; vertex 3 mirrors vertex 1. Normaliser (n-1)(n-2)/2 = 6.
        CsrGraph p5 = CsrGraph.parse(5, "0-1, 1-2, 2-3, 3-4");
        assertThat(raw(p5)).containsExactly(new double[] {0, 3, 4, 3, 0}, within(1e-12));
        assertThat(new Betweenness(p5).scores())
                .containsExactly(new double[] {0, 0.5, 4.0 / 6, 0.5, 0}, within(1e-12));
    }

    @Test
    void starCentreCarriesEveryPair() {
        // Star with 5 leaves: the centre is on all C(5,2) = 10 leaf pairs; normalised it is exactly 1.
        CsrGraph star = CsrGraph.parse(6, "0-1, 0-2, 0-3, 0-4, 0-5");
        assertThat(raw(star)).containsExactly(new double[] {10, 0, 0, 0, 0, 0}, within(1e-12));
        assertThat(new Betweenness(star).score(0)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void disconnectedPiecesAreIndependent() {
        // Two P3s: each middle vertex is on one pair of its own component.
        CsrGraph g = CsrGraph.parse(7, "0-1, 1-2, 3-4, 4-5");
        assertThat(raw(g)).containsExactly(new double[] {0, 1, 0, 0, 1, 0, 0}, within(1e-12));
    }

    @Test
    void karateAndKiteMatchReference() {
        for (ReferenceGraphs.Reference ref : new ReferenceGraphs.Reference[] {ReferenceGraphs.karate(), ReferenceGraphs.kite()}) {
            assertThat(raw(ref.graph())).as(ref.name() + " raw")
                    .containsExactly(ref.metric("betweenness_raw"), within(1e-6));
            assertThat(new Betweenness(ref.graph()).scores()).as(ref.name() + " normalized")
                    .containsExactly(ref.metric("betweenness_normalized"), within(1e-6));
        }
    }

    @Test
    void weightedKarateMatchesNetworkxWithInverseDistances() {
        // /usr/bin/python3, networkx 2.8.8: karate with Zachary's weights, attribute distance = 1/weight,
        // nx.betweenness_centrality(G, normalized=False, weight='distance') (test resource networkx_refs.py).
        double[] expected = {208.5, 36.75, 178.0, 32.0, 0.0, 16.5, 15.5, 0.0, 72.0, 0.0, 0.5, 0.0, 0.0, 28.75,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 6.0, 0.0, 9.0, 0.0, 18.0, 0.0, 6.0, 0.0, 47.0, 84.0, 173.5};
        CsrGraph g = ReferenceGraphs.karate().weightedGraph();
        assertThat(new Betweenness(g, RAW.withWeighted(true)).scores()).containsExactly(expected, within(1e-6));
        double[] normalized = new Betweenness(g, Options.defaults().withWeighted(true)).scores();
        assertThat(normalized[0]).isCloseTo(0.39488636363636365, within(1e-9));
        assertThat(normalized[33]).isCloseTo(0.32859848484848486, within(1e-9));
        // Ignoring the weights gives the unweighted reference back.
        assertThat(raw(g)).containsExactly(ReferenceGraphs.karate().metric("betweenness_raw"), within(1e-6));
    }

    @Test
    void subsetMatchesNetworkxBetweennessCentralitySubset() {
        // networkx 2.8.8: nx.betweenness_centrality_subset(karate, S, T, normalized=...) (networkx_refs.py).
        int[] s = {0, 5, 16, 33};
        int[] t = {2, 8, 24, 26, 33};
        double[] expectedRaw = {5.0, 0.0, 0.0, 0.0, 0.0, 1.25, 1.25, 0.0, 0.8333333333333334, 0.08333333333333333,
            0.0, 0.0, 0.0, 0.8333333333333334, 0.0, 0.0, 0.0, 0.0, 0.0, 0.75, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.3333333333333333, 0.08333333333333333, 0.0, 0.0, 2.5, 0.08333333333333333, 1.5};
        CsrGraph karate = ReferenceGraphs.karate().graph();
        assertThat(new Betweenness(karate, RAW.withSources(s).withTargets(t)).scores())
                .containsExactly(expectedRaw, within(1e-9));
        double[] normalized = new Betweenness(karate, Options.defaults().withSources(s).withTargets(t)).scores();
        assertThat(normalized[0]).isCloseTo(0.00946969696969697, within(1e-12));
        assertThat(normalized[31]).isCloseTo(0.004734848484848485, within(1e-12));
        // weight='distance' variant
        double[] weighted = new Betweenness(ReferenceGraphs.karate().weightedGraph(),
                RAW.withWeighted(true).withSources(s).withTargets(t)).scores();
        assertThat(weighted).containsExactly(new double[] {5.0, 0.0, 4.5, 0.0, 0.0, 1.25, 1.25, 0.0, 3.5, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.0, 0.0, 0.0, 1.5,
            0.0, 1.5}, within(1e-9));
    }

    @Test
    void subsetOfEverythingIsPlainBetweenness() {
        CsrGraph kite = ReferenceGraphs.kite().graph();
        int[] all = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0};
        assertThat(new Betweenness(kite, RAW.withSources(all).withTargets(all)).scores())
                .containsExactly(raw(kite), within(1e-12));
    }

    @Test
    void samplingEveryVertexIsExactAndSeedsAreReproducible() {
        CsrGraph karate = ReferenceGraphs.karate().graph();
        assertThat(new Betweenness(karate, RAW.withSamples(34, 7)).scores())
                .containsExactly(ReferenceGraphs.karate().metric("betweenness_raw"), within(1e-9));
        double[] a = new Betweenness(karate, Options.defaults().withSamples(10, 99)).scores();
        double[] b = new Betweenness(karate, Options.defaults().withSamples(10, 99).withThreads(1)).scores();
        double[] c = new Betweenness(karate, Options.defaults().withSamples(10, 100)).scores();
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        // The n/k rescale keeps the estimate on the exact scale: total mass is close to the exact total.
        double exact = sum(ReferenceGraphs.karate().metric("betweenness_normalized"));
        assertThat(sum(a)).isCloseTo(exact, within(exact * 0.5));
    }

    @Test
    void parallelRunEqualsSingleThreadBitForBit() {
        CsrGraph g = randomGraph(250, 1000, 11, true);
        for (boolean weighted : new boolean[] {false, true}) {
            Options o = RAW.withWeighted(weighted);
            double[] one = new Betweenness(g, o.withThreads(1)).scores();
            double[] two = new Betweenness(g, o.withThreads(2)).scores();
            double[] three = new Betweenness(g, o.withThreads(3)).scores();
            assertThat(two).containsExactly(one);
            assertThat(three).containsExactly(one);
        }
    }

    @Test
    void agreesWithJGraphTOnRandomGraphs() {
        // Weights 1, 2, 4 give lengths 1, 0.5, 0.25: exact in binary, so ties are unambiguous for both.
        CsrGraph g = randomGraph(120, 300, 5, true);
        Graph<Integer, DefaultWeightedEdge> plain = g.asJGraphT();
        Map<Integer, Double> jgUnweighted = new BetweennessCentrality<>(
                new org.jgrapht.graph.AsWeightedGraph<>(plain, e -> 1.0, false, false), false).getScores();
        Map<Integer, Double> jgWeighted = new BetweennessCentrality<>(
                new org.jgrapht.graph.AsWeightedGraph<>(plain, e -> 1.0 / plain.getEdgeWeight(e), false, false),
                false).getScores();
        double[] ours = raw(g);
        double[] oursWeighted = new Betweenness(g, RAW.withWeighted(true)).scores();
        for (int v = 0; v < g.vertexCount(); v++) {
            // JGraphT also halves the ordered-pair sums of undirected graphs.
            assertThat(ours[v]).isCloseTo(jgUnweighted.get(v), within(1e-6));
            assertThat(oursWeighted[v]).isCloseTo(jgWeighted.get(v), within(1e-6));
        }
    }

    @Test
    void scoringInterfaceIsAnUnmodifiableView() {
        Betweenness b = new Betweenness(CsrGraph.parse(3, "0-1, 1-2"), RAW);
        assertThat(b.getScores()).containsEntry(1, 1.0).containsEntry(0, 0.0).hasSize(3);
        assertThat(b.getVertexScore(1)).isEqualTo(1.0);
        assertThatThrownBy(() -> b.getScores().put(0, 5.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> b.getVertexScore(3)).isInstanceOf(IllegalArgumentException.class);
        b.scores()[1] = 42;
        assertThat(b.score(1)).isEqualTo(1.0);
    }

    static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s;
    }

    /** A seeded random graph; weights from {1, 2, 4} when {@code weighted}. */
    static CsrGraph randomGraph(int n, int m, long seed, boolean weighted) {
        Random r = new Random(seed);
        CsrGraph.Builder b = CsrGraph.builder(n);
        double[] ws = {1, 2, 4};
        for (int i = 0; i < m; i++) {
            b.addEdge(r.nextInt(n), r.nextInt(n), weighted ? ws[r.nextInt(3)] : 1.0);
        }
        return b.build();
    }
}
