package org.civnet.analysis.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.civnet.analysis.graph.CsrGraph;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ladder every algorithm must climb, through the single entry point. */
class CommunityDetectionTest {

    private static final CommunityOptions OPTIONS = CommunityOptions.defaults();

    private static Partition detect(CsrGraph g, CommunityAlgorithm a) {
        return CommunityDetection.detect(g, a, OPTIONS);
    }

    private static ClusteringAlgorithm<Integer> create(CsrGraph g, CommunityAlgorithm a) {
        return switch (a) {
            case LEIDEN -> new Leiden(g);
            case LOUVAIN -> new Louvain(g);
            case LABEL_PROPAGATION -> new LabelPropagation(g);
        };
    }

    @ParameterizedTest
    @EnumSource(CommunityAlgorithm.class)
    void rejectsNulls(CommunityAlgorithm a) {
        assertThatThrownBy(() -> CommunityDetection.detect(null, a, OPTIONS)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CommunityDetection.detect(CsrGraph.parse(1, ""), a, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> create(null, a)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @EnumSource(CommunityAlgorithm.class)
    void emptyGraphHasNoCommunities(CommunityAlgorithm a) {
        Partition p = detect(CsrGraph.parse(0, ""), a);
        assertThat(p.communityCount()).isZero();
        assertThat(p.communityOf()).isEmpty();
        assertThat(p.modularity()).isZero();
        assertThat(create(CsrGraph.parse(0, ""), a).getClustering().getNumberClusters()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CommunityAlgorithm.class)
    void oneVertexIsOneCommunity(CommunityAlgorithm a) {
        Partition p = detect(CsrGraph.parse(1, ""), a);
        assertThat(p.communityOf()).containsExactly(0);
        assertThat(p.communityCount()).isEqualTo(1);
        assertThat(p.modularity()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CommunityAlgorithm.class)
    void isolatedVerticesAreSingletons(CommunityAlgorithm a) {
        Partition p = detect(CsrGraph.parse(5, "1-3"), a);
        assertThat(p.communityOf()).containsExactly(0, 1, 2, 1, 3);
        assertThat(p.communityCount()).isEqualTo(4);
        // one edge inside {1,3}: L/m − (K/2m)² = 1 − 1 = 0; isolates add nothing
        assertThat(p.modularity()).isCloseTo(0.0, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(CommunityAlgorithm.class)
    void oneEdgeIsOneCommunity(CommunityAlgorithm a) {
        Partition p = detect(CsrGraph.parse(2, "0-1"), a);
        assertThat(p.communityOf()).containsExactly(0, 0);
        assertThat(p.modularity()).isCloseTo(0.0, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(value = CommunityAlgorithm.class, names = {"LEIDEN", "LOUVAIN"})
    void pathOfFourSplitsInTwoPairs(CommunityAlgorithm a) {
        Partition p = detect(CsrGraph.parse(4, "0-1, 1-2, 2-3"), a);
        assertThat(p.communityOf()).containsExactly(0, 0, 1, 1);
        // networkx.community.modularity(nx.path_graph(4), [{0,1},{2,3}]) = 0.16666666666666666
        assertThat(p.modularity()).isCloseTo(1.0 / 6, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(CommunityAlgorithm.class)
    void starIsOneCommunity(CommunityAlgorithm a) {
        Partition p = detect(CsrGraph.parse(5, "0-1, 0-2, 0-3, 0-4"), a);
        assertThat(p.communityOf()).containsOnly(0);
        assertThat(p.modularity()).isCloseTo(0.0, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(CommunityAlgorithm.class)
    void twoDisjointTrianglesAreTwoCommunities(CommunityAlgorithm a) {
        CsrGraph g = CsrGraph.parse(6, "0-1, 1-2, 2-0, 3-4, 4-5, 5-3");
        Partition p = detect(g, a);
        assertThat(p.communityOf()).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(p.modularity()).isCloseTo(0.5, within(1e-12));
        assertThat(create(g, a).getClustering().getClusters())
                .containsExactly(Set.of(0, 1, 2), Set.of(3, 4, 5));
    }

    @ParameterizedTest
    @EnumSource(CommunityAlgorithm.class)
    void ringOfCliquesRecoversEachClique(CommunityAlgorithm a) {
        CsrGraph g = CommunityFixtures.ringOfCliques(6, 5);
        Partition p = detect(g, a);
        assertThat(p.communityOf()).containsExactly(CommunityFixtures.plantedLabels(6, 5));
        assertThat(p.modularity()).isCloseTo(Modularity.of(g, p, 1.0, true), within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(CommunityAlgorithm.class)
    void sameSeedGivesIdenticalPartitions(CommunityAlgorithm a) {
        CsrGraph g = CommunityFixtures.plantedPartition(6, 30, 0.2, 0.03, 7);
        for (long seed : List.of(1L, 42L, 1234L)) {
            CommunityOptions o = OPTIONS.withSeed(seed);
            Partition first = CommunityDetection.detect(g, a, o);
            Partition second = CommunityDetection.detect(g, a, o);
            assertThat(second.communityOf()).containsExactly(first.communityOf());
            assertThat(second).isEqualTo(first);
        }
    }

    @ParameterizedTest
    @EnumSource(CommunityAlgorithm.class)
    void reportedModularityMatchesModularityClass(CommunityAlgorithm a) {
        CsrGraph g = CommunityFixtures.karate();
        CommunityOptions o = OPTIONS.withResolution(0.8).withWeighted(false);
        Partition p = CommunityDetection.detect(g, a, o);
        assertThat(p.modularity()).isCloseTo(Modularity.of(g, p.communityOf(), 0.8, false), within(1e-12));
        assertThat(p.communityOf()).hasSize(34);
        assertThat(create(g, a).getClustering().getClusters().stream().mapToInt(Set::size).sum()).isEqualTo(34);
    }
}
