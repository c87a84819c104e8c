package org.civnet.analysis.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Test;

class ModularityTest {

    @Test
    void rejectsBadInput() {
        CsrGraph g = CsrGraph.parse(2, "0-1");
        assertThatThrownBy(() -> Modularity.of(null, new int[0], 1, false)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Modularity.of(g, (int[]) null, 1, false)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Modularity.of(g, new int[] {0}, 1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Modularity.of(g, new int[] {0, 0}, -1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Modularity.of(g, new int[] {0, 0}, Double.NaN, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void graphsWithoutEdgesHaveModularityZero() {
        assertThat(Modularity.of(CsrGraph.parse(0, ""), new int[0], 1, true)).isZero();
        assertThat(Modularity.of(CsrGraph.parse(3, ""), new int[] {0, 1, 1}, 1, true)).isZero();
    }

    @Test
    void oneEdge() {
        CsrGraph g = CsrGraph.parse(2, "0-1");
        // together: 1 − 1 = 0; apart: 0 − 2 (1/2)² = −0.5 (networkx agrees)
        assertThat(Modularity.of(g, new int[] {0, 0}, 1, false)).isCloseTo(0.0, within(1e-12));
        assertThat(Modularity.of(g, new int[] {0, 1}, 1, false)).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void twoTrianglesJoinedByAnEdge() {
        CsrGraph g = CsrGraph.parse(6, "0-1, 1-2, 2-0, 3-4, 4-5, 5-3, 2-3");
        // networkx.community.modularity(G, [{0,1,2},{3,4,5}]) = 0.35714285714285715
        assertThat(Modularity.of(g, new int[] {0, 0, 0, 1, 1, 1}, 1, false))
                .isCloseTo(0.35714285714285715, within(1e-12));
    }

    @Test
    void labelsNeedNotBeCanonical() {
        CsrGraph g = CsrGraph.parse(6, "0-1, 1-2, 2-0, 3-4, 4-5, 5-3, 2-3");
        double canonical = Modularity.of(g, new int[] {0, 0, 0, 1, 1, 1}, 1, false);
        assertThat(Modularity.of(g, new int[] {-7, -7, -7, 1000, 1000, 1000}, 1, false)).isEqualTo(canonical);
        assertThat(Modularity.of(g, new int[] {5, 5, 5, 2, 2, 2}, 1, false)).isEqualTo(canonical);
    }

    @Test
    void karateClubSplitMatchesNetworkX() {
        CsrGraph g = CommunityFixtures.karate();
        int[] club = CommunityFixtures.karateClubs();
        // networkx 2.8.8: modularity(G, [Mr. Hi, Officer], weight=None | 'weight', resolution=γ)
        assertThat(Modularity.of(g, club, 1.0, false)).isCloseTo(0.3582347140039448, within(1e-9));
        assertThat(Modularity.of(g, club, 1.0, true)).isCloseTo(0.39143756676224206, within(1e-9));
        assertThat(Modularity.of(g, club, 0.5, false)).isCloseTo(0.6086045364891519, within(1e-9));
        assertThat(Modularity.of(g, club, 0.5, true)).isCloseTo(0.6416062292685669, within(1e-9));
        assertThat(Modularity.of(g, club, 2.0, false)).isCloseTo(-0.14250493096646943, within(1e-9));
        assertThat(Modularity.of(g, club, 2.0, true)).isCloseTo(-0.10889975825040765, within(1e-9));
    }

    @Test
    void karateOptimumMatchesIgraph() {
        // igraph 0.10.2 community_optimal_modularity() on the unweighted karate club
        int[] optimum = {0, 0, 0, 0, 1, 1, 1, 0, 2, 2, 1, 0, 0, 0, 2, 2, 1, 0, 2, 0, 2, 0, 2, 3, 3, 3, 2, 3, 3, 2, 2, 3, 2, 2};
        assertThat(Modularity.of(CommunityFixtures.karate(), optimum, 1.0, false))
                .isCloseTo(0.4197896120973046, within(1e-9));
    }

    @Test
    void partitionOverloadIgnoresTheCarriedValue() {
        CsrGraph g = CommunityFixtures.karate();
        Partition p = new Partition(Partitions.canonicalise(CommunityFixtures.karateClubs()), 2, 123.0);
        assertThat(Modularity.of(g, p, 1.0, false)).isCloseTo(0.3582347140039448, within(1e-9));
        assertThatThrownBy(() -> Modularity.of(CsrGraph.parse(3, ""), p, 1.0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
