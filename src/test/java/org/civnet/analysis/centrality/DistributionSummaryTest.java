package org.civnet.analysis.centrality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Test;

class DistributionSummaryTest {

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> DistributionSummary.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DistributionSummary.of(new double[1], null, true, false))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void emptyIsAllNaN() {
        DistributionSummary s = DistributionSummary.of(new double[0]);
        assertThat(s.count()).isZero();
        assertThat(s.min()).isNaN();
        assertThat(s.median()).isNaN();
        assertThat(s.gini()).isNaN();
        assertThat(s.centralization()).isNaN();
    }

    @Test
    void singleValueIgnoringNaN() {
        DistributionSummary s = DistributionSummary.of(new double[] {Double.NaN, 5});
        assertThat(s.count()).isEqualTo(1);
        assertThat(s.min()).isEqualTo(5);
        assertThat(s.max()).isEqualTo(5);
        assertThat(s.p99()).isEqualTo(5);
        assertThat(s.gini()).isEqualTo(0.0);
    }

    @Test
    void handWorkedValues() {
        // Sorted 1 2 3 4 10 (c = 5): mean 20/5 = 4; median x[2] = 3;
        // p90: h = 4 * 0.9 = 3.6 -> 4 + 0.6 * (10 - 4) = 7.6; p99: h = 3.96 -> 4 + 0.96 * 6 = 9.76.
        // Gini: sum over ordered pairs of |xi - xj| = 2 * 40 = 80; 80 / (2 * 25 * 4) = 0.4.
        DistributionSummary s = DistributionSummary.of(new double[] {10, 3, 1, 4, 2});
        assertThat(s.count()).isEqualTo(5);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(10);
        assertThat(s.mean()).isEqualTo(4);
        assertThat(s.median()).isEqualTo(3);
        assertThat(s.p90()).isCloseTo(7.6, within(1e-12));
        assertThat(s.p99()).isCloseTo(9.76, within(1e-12));
        assertThat(s.gini()).isCloseTo(0.4, within(1e-12));
        assertThat(s.centralization()).isNaN();
        // Even count: median halfway between the middle two values, as numpy.
        assertThat(DistributionSummary.of(new double[] {1, 2, 3, 4}).median()).isEqualTo(2.5);
    }

    @Test
    void giniEdgeCases() {
        assertThat(DistributionSummary.of(new double[] {0, 0, 0}).gini()).isEqualTo(0.0);
        assertThat(DistributionSummary.of(new double[] {2, 2, 2}).gini()).isCloseTo(0.0, within(1e-12));
        // One holder of everything among 4: (c - 1)/c = 0.75.
        assertThat(DistributionSummary.of(new double[] {0, 0, 0, 8}).gini()).isCloseTo(0.75, within(1e-12));
        assertThat(DistributionSummary.of(new double[] {-1, 2}).gini()).isNaN();
    }

    @Test
    void freemanCentralizationOfStarIsOneAndOfCliqueZero() {
        CsrGraph star = CsrGraph.parse(5, "0-1, 0-2, 0-3, 0-4");
        CsrGraph k4 = CsrGraph.parse(4, "0-1, 0-2, 0-3, 1-2, 1-3, 2-3");
        for (CentralityMetric m : new CentralityMetric[] {CentralityMetric.DEGREE, CentralityMetric.BETWEENNESS}) {
            for (boolean normalized : new boolean[] {false, true}) {
                double[] starValues = Centralities.compute(star, m, normalized, false);
                assertThat(DistributionSummary.of(starValues, m, normalized, false).centralization())
                        .as(m + " " + normalized).isCloseTo(1.0, within(1e-12));
                double[] cliqueValues = Centralities.compute(k4, m, normalized, false);
                assertThat(DistributionSummary.of(cliqueValues, m, normalized, false).centralization())
                        .isCloseTo(0.0, within(1e-12));
            }
        }
        double[] closeness = Centralities.compute(star, CentralityMetric.CLOSENESS, true, false);
        assertThat(DistributionSummary.of(closeness, CentralityMetric.CLOSENESS, true, false).centralization()).isNaN();
        double[] strength = Centralities.compute(star, CentralityMetric.DEGREE, false, true);
        assertThat(DistributionSummary.of(strength, CentralityMetric.DEGREE, false, true).centralization()).isNaN();
        assertThat(DistributionSummary.of(new double[] {1, 1}, CentralityMetric.DEGREE, false, false).centralization())
                .isNaN();
    }

    @Test
    void karateCentralization() {
        // Degree: max 17, sum 156 -> (34 * 17 - 156) / (33 * 32) = 422 / 1056.
        // Betweenness: sum(max - b) / (n - 1) over NetworkX's normalised values = 0.4055571953299228
        // (computed in Python from nx.betweenness_centrality; raw values give the same via (n-1)^2(n-2)/2).
        CsrGraph karate = ReferenceGraphs.karate().graph();
        double[] degree = Centralities.compute(karate, CentralityMetric.DEGREE, false, false);
        assertThat(DistributionSummary.of(degree, CentralityMetric.DEGREE, false, false).centralization())
                .isCloseTo(422.0 / 1056, within(1e-12));
        for (boolean normalized : new boolean[] {false, true}) {
            double[] b = Centralities.compute(karate, CentralityMetric.BETWEENNESS, normalized, false);
            assertThat(DistributionSummary.of(b, CentralityMetric.BETWEENNESS, normalized, false).centralization())
                    .isCloseTo(0.4055571953299228, within(1e-9));
        }
    }
}
