package org.civnet.analysis.centrality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.civnet.analysis.centrality.CertifiedBetweenness.Options;
import org.civnet.analysis.centrality.CertifiedBetweenness.Stop;
import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Test;

/**
 * Climbs from the empty graph to the reference graphs: on each, over several seeds, the observed
 * largest error against the exact (NetworkX) values stays within epsilon, and the number of samples
 * is the Riondato-Kornaropoulos formula for the vertex-diameter bound.
 */
class CertifiedBetweennessTest {

    private static final long[] SEEDS = {1, 2, 3, 4, 5};

    private static CertifiedBetweenness run(CsrGraph g, double epsilon, double delta, long seed) {
        return new CertifiedBetweenness(g, Options.of(epsilon, delta).withSeed(seed));
    }

    private static double maxError(double[] estimate, double[] exact) {
        double max = 0;
        for (int v = 0; v < exact.length; v++) {
            max = Math.max(max, Math.abs(estimate[v] - exact[v]));
        }
        return max;
    }

    /** The formula written out independently: ceil(0.5/eps'^2 (floor(log2(vd-2)) + 1 + ln(1/delta))). */
    private static long formula(double epsilon, double delta, int vd, int n) {
        double eps = epsilon * (n - 2.0) / n;
        int log2 = (int) Math.floor(Math.log(vd - 2) / Math.log(2) + 1e-12);
        return (long) Math.ceil(0.5 / (eps * eps) * (log2 + 1 + Math.log(1 / delta)));
    }

    /** The exact vertex diameter (most vertices on a shortest path), by BFS from every vertex. */
    private static int exactVertexDiameter(CsrGraph g) {
        int best = g.vertexCount() == 0 ? 0 : 1;
        for (int s = 0; s < g.vertexCount(); s++) {
            int[] dist = new int[g.vertexCount()];
            Arrays.fill(dist, -1);
            int[] queue = new int[g.vertexCount()];
            dist[s] = 0;
            queue[0] = s;
            int tail = 1;
            for (int head = 0; head < tail; head++) {
                int v = queue[head];
                best = Math.max(best, dist[v] + 1);
                for (int w : g.neighbors(v)) {
                    if (dist[w] < 0) {
                        dist[w] = dist[v] + 1;
                        queue[tail++] = w;
                    }
                }
            }
        }
        return best;
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> Options.of(0, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.of(1, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.of(0.1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.of(0.1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.of(Double.NaN, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.of(0.1, 0.1).withMaxSamples(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.of(0.1, 0.1).withThreads(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.topK(-1, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Options.topK(5, 0.1).epsilon()).isZero();
        assertThatThrownBy(() -> new CertifiedBetweenness(null, Options.of(0.1, 0.1))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void emptyOneVertexAndOneEdgeAreExactZeroWithoutSampling() {
        for (CsrGraph g : new CsrGraph[] {CsrGraph.parse(0, ""), CsrGraph.parse(1, ""), CsrGraph.parse(2, "0-1"),
                CsrGraph.parse(4, "0-1, 2-3")}) {
            CertifiedBetweenness b = run(g, 0.1, 0.1, 1);
            assertThat(b.scores()).hasSize(g.vertexCount());
            assertThat(Arrays.stream(b.scores()).allMatch(x -> x == 0.0)).isTrue();
            assertThat(b.samples()).isZero();
            assertThat(b.stop()).isEqualTo(Stop.EXACT);
            assertThat(b.epsilon()).isZero();
            assertThat(b.vertexDiameterBound()).isEqualTo(exactVertexDiameter(g));
        }
        assertThat(run(CsrGraph.parse(0, ""), 0.1, 0.1, 1).getScores()).isEmpty();
    }

    @Test
    void pathOfFive() {
        CsrGraph p5 = CsrGraph.parse(5, "0-1, 1-2, 2-3, 3-4");
        double[] exact = {0, 0.5, 4.0 / 6, 0.5, 0};
        for (long seed : SEEDS) {
            CertifiedBetweenness b = run(p5, 0.1, 0.1, seed);
            assertThat(b.vertexDiameterBound()).isEqualTo(5);
            assertThat(b.samples()).isEqualTo(formula(0.1, 0.1, 5, 5)).isEqualTo(598);
            assertThat(b.stop()).isEqualTo(Stop.SAMPLE_SIZE);
            assertThat(b.epsilon()).isEqualTo(0.1);
            assertThat(maxError(b.scores(), exact)).isLessThanOrEqualTo(0.1);
            assertThat(b.score(0)).isZero();
            assertThat(b.score(4)).isZero();
        }
    }

    @Test
    void starCentreNearOneAndLeavesExactlyZero() {
        CsrGraph star = CsrGraph.parse(6, "0-1, 0-2, 0-3, 0-4, 0-5");
        for (long seed : SEEDS) {
            CertifiedBetweenness b = run(star, 0.05, 0.1, seed);
            assertThat(b.vertexDiameterBound()).isEqualTo(3);
            assertThat(b.samples()).isEqualTo(formula(0.05, 0.1, 3, 6));
            assertThat(b.score(0)).isCloseTo(1.0, within(0.05));
            assertThat(Arrays.copyOfRange(b.scores(), 1, 6)).containsOnly(0.0);
        }
    }

    @Test
    void disconnectedGraphStaysWithinEpsilon() {
        CsrGraph g = CsrGraph.parse(9, "0-1, 1-2, 3-4, 4-5, 5-6, 6-3, 3-7");
        double[] exact = new Betweenness(g).scores();
        for (long seed : SEEDS) {
            CertifiedBetweenness b = run(g, 0.05, 0.1, seed);
            assertThat(b.vertexDiameterBound()).isGreaterThanOrEqualTo(exactVertexDiameter(g));
            assertThat(maxError(b.scores(), exact)).isLessThanOrEqualTo(0.05);
        }
    }

    @Test
    void referenceGraphsStayWithinEpsilonOverSeeds() {
        for (ReferenceGraphs.Reference ref : new ReferenceGraphs.Reference[] {ReferenceGraphs.karate(), ReferenceGraphs.kite()}) {
            double[] exact = ref.metric("betweenness_normalized");
            CsrGraph g = ref.graph();
            int n = g.vertexCount();
            int trueVd = exactVertexDiameter(g);
            for (double epsilon : new double[] {0.05, 0.02}) {
                for (long seed : SEEDS) {
                    CertifiedBetweenness b = run(g, epsilon, 0.1, seed);
                    assertThat(b.vertexDiameterBound()).as(ref.name()).isBetween(trueVd, 2 * trueVd);
                    assertThat(b.samples()).isEqualTo(formula(epsilon, 0.1, b.vertexDiameterBound(), n));
                    assertThat(maxError(b.scores(), exact)).as(ref.name() + " seed " + seed).isLessThanOrEqualTo(epsilon);
                }
            }
        }
    }

    @Test
    void weightedKarateMatchesExactWeightedBetweenness() {
        CsrGraph g = ReferenceGraphs.karate().weightedGraph();
        double[] exact = new Betweenness(g, Betweenness.Options.defaults().withWeighted(true)).scores();
        for (long seed : new long[] {1, 2, 3}) {
            CertifiedBetweenness b = new CertifiedBetweenness(g, Options.of(0.05, 0.1).withWeighted(true).withSeed(seed));
            assertThat(b.vertexDiameterBound()).isEqualTo(g.vertexCount());
            assertThat(maxError(b.scores(), exact)).isLessThanOrEqualTo(0.05);
        }
    }

    @Test
    void randomGraphsStayWithinEpsilon() {
        Random random = new Random(11);
        for (int trial = 0; trial < 6; trial++) {
            int n = 30 + random.nextInt(60);
            CsrGraph.Builder builder = CsrGraph.builder(n);
            for (int e = 0; e < n * 2; e++) {
                builder.addEdge(random.nextInt(n), random.nextInt(n));
            }
            CsrGraph g = builder.build();
            double[] exact = new Betweenness(g).scores();
            CertifiedBetweenness b = run(g, 0.03, 0.1, trial);
            assertThat(b.vertexDiameterBound()).isGreaterThanOrEqualTo(exactVertexDiameter(g));
            assertThat(maxError(b.scores(), exact)).isLessThanOrEqualTo(0.03);
        }
    }

    @Test
    void rawValuesScaleWithTheBound() {
        CsrGraph g = ReferenceGraphs.karate().graph();
        CertifiedBetweenness normalised = run(g, 0.05, 0.1, 3);
        CertifiedBetweenness raw = new CertifiedBetweenness(g, Options.of(0.05, 0.1).withSeed(3).withNormalized(false));
        double pairs = 33.0 * 32.0 / 2.0;
        assertThat(raw.errorBound()).isCloseTo(0.05 * pairs, within(1e-9));
        assertThat(normalised.errorBound()).isEqualTo(0.05);
        assertThat(maxError(raw.scores(), ReferenceGraphs.karate().metric("betweenness_raw"))).isLessThanOrEqualTo(raw.errorBound());
        for (int v = 0; v < g.vertexCount(); v++) {
            assertThat(raw.score(v)).isCloseTo(normalised.score(v) * pairs, within(1e-9));
        }
    }

    @Test
    void sameSeedSameResultForAnyThreadCount() {
        CsrGraph g = ReferenceGraphs.karate().graph();
        Options options = Options.of(0.03, 0.1).withSeed(9);
        double[] one = new CertifiedBetweenness(g, options.withThreads(1)).scores();
        assertThat(new CertifiedBetweenness(g, options.withThreads(2)).scores()).containsExactly(one);
        assertThat(new CertifiedBetweenness(g, options.withThreads(3)).scores()).containsExactly(one);
        assertThat(new CertifiedBetweenness(g, options.withSeed(10)).scores()).isNotEqualTo(one);
    }

    @Test
    void capWeakensTheStatedBoundHonestly() {
        CsrGraph g = ReferenceGraphs.karate().graph();
        CertifiedBetweenness b = new CertifiedBetweenness(g, Options.of(0.01, 0.1).withMaxSamples(2000));
        assertThat(b.samples()).isEqualTo(2000);
        assertThat(b.stop()).isEqualTo(Stop.SAMPLE_CAP);
        int n = g.vertexCount();
        double expected = Math.sqrt(0.5 * (Math.floor(Math.log(b.vertexDiameterBound() - 2) / Math.log(2)) + 1
                + Math.log(10)) / 2000) * n / (n - 2.0);
        assertThat(b.epsilon()).isCloseTo(expected, within(1e-12)).isGreaterThan(0.01);
        assertThat(maxError(b.scores(), ReferenceGraphs.karate().metric("betweenness_normalized"))).isLessThanOrEqualTo(b.epsilon());
        assertThat(CertifiedBetweenness.plan(g, Options.of(0.01, 0.1)).samples())
                .isEqualTo(formula(0.01, 0.1, b.vertexDiameterBound(), n));
    }

    @Test
    void topKCertifiesOnlyVerticesTrulyInTheTopK() {
        CsrGraph g = ReferenceGraphs.karate().graph();
        double[] exact = ReferenceGraphs.karate().metric("betweenness_normalized");
        for (int k : new int[] {1, 2, 5}) {
            int[] exactTop = CertifiedBetweenness.topVertices(exact, k);
            for (long seed : SEEDS) {
                CertifiedBetweenness b = new CertifiedBetweenness(g, Options.topK(k, 0.1).withSeed(seed));
                assertThat(b.topK()).hasSize(k);
                assertThat(b.stop()).isIn(Stop.TOP_K_SEPARATED, Stop.SAMPLE_CAP);
                assertThat(maxError(b.scores(), exact)).isLessThanOrEqualTo(b.epsilon());
                for (int rank = 0; rank < k; rank++) {
                    if (b.certified(rank)) {
                        assertThat(exactTop).as("k=%d seed=%d", k, seed).contains(b.topK()[rank]);
                    }
                }
                if (b.stop() == Stop.TOP_K_SEPARATED) {
                    assertThat(b.certifiedCount()).isEqualTo(k);
                    assertThat(b.topK()).containsExactlyInAnyOrder(exactTop);
                }
                // Stages double from 1024, so the count is 1024 * 2^i or the cap.
                assertThat(Long.bitCount(b.samples() / CertifiedBetweenness.FIRST_STAGE)).isEqualTo(1);
            }
        }
        // Karate's top two (vertices 0 and 33 in NetworkX order) are far apart from the rest.
        CertifiedBetweenness two = new CertifiedBetweenness(g, Options.topK(2, 0.1));
        assertThat(two.stop()).isEqualTo(Stop.TOP_K_SEPARATED);
        assertThat(two.certifiedCount()).isEqualTo(2);
    }

    @Test
    void topKStopsAtTheEpsilonFloorOrTheCap() {
        CsrGraph g = ReferenceGraphs.karate().graph();
        // Kite's tied values can never be separated: the floor or the cap ends the run.
        CsrGraph kite = ReferenceGraphs.kite().graph();
        CertifiedBetweenness floor = new CertifiedBetweenness(kite, Options.topK(1, 0.1).withEpsilon(0.1));
        assertThat(floor.stop()).isIn(Stop.EPSILON_REACHED, Stop.TOP_K_SEPARATED);
        assertThat(floor.epsilon()).isLessThanOrEqualTo(0.1);
        CertifiedBetweenness capped = new CertifiedBetweenness(g, Options.topK(20, 0.1).withMaxSamples(3000));
        assertThat(capped.samples()).isEqualTo(3000);
        assertThat(capped.stop()).isEqualTo(Stop.SAMPLE_CAP);
        CertifiedBetweenness all = new CertifiedBetweenness(g, Options.topK(40, 0.1));
        assertThat(all.topK()).hasSize(g.vertexCount());
        assertThat(all.stop()).isEqualTo(Stop.TOP_K_SEPARATED);
    }
}
