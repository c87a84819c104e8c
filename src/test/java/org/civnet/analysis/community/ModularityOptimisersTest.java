package org.civnet.analysis.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.analysis.graph.CsrGraph;
import org.civnet.support.ReferenceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Leiden and Louvain against reference graphs, planted partitions and weights. */
class ModularityOptimisersTest {

    private static final CommunityOptions UNWEIGHTED = CommunityOptions.defaults().withWeighted(false);

    /** The best modularity of the karate club, from reference.json (exact optimum, Brandes et al. 2008). */
    private static double karateBestModularity() {
        JsonNode ref = ReferenceFiles.json("karate");
        return ref.path("communities").path("louvain_networkx_best_of_seeds_0_19_modularity").asDouble();
    }

    @ParameterizedTest
    @EnumSource(value = CommunityAlgorithm.class, names = {"LEIDEN", "LOUVAIN"})
    void karateReachesTheKnownOptimum(CommunityAlgorithm a) {
        double best = karateBestModularity();
        assertThat(best).isCloseTo(0.4198, within(1e-4));
        CsrGraph g = CommunityFixtures.karate();

        Partition seed42 = CommunityDetection.detect(g, a, UNWEIGHTED);
        assertThat(seed42.modularity()).isGreaterThanOrEqualTo(0.41);

        double bestFound = Double.NEGATIVE_INFINITY;
        for (long seed = 0; seed < 20; seed++) {
            Partition p = CommunityDetection.detect(g, a, UNWEIGHTED.withSeed(seed));
            assertThat(p.modularity()).isLessThanOrEqualTo(best + 1e-12);
            bestFound = Math.max(bestFound, p.modularity());
        }
        assertThat(bestFound).isCloseTo(best, within(1e-9));
    }

    @Test
    void leidenCommunitiesAreConnectedOnKarate() {
        CsrGraph g = CommunityFixtures.karate();
        for (long seed = 0; seed < 20; seed++) {
            for (double resolution : new double[] {0.5, 1.0, 2.0}) {
                Partition p = new Leiden(g, UNWEIGHTED.withSeed(seed).withResolution(resolution)).partition();
                assertThat(CommunityFixtures.communitiesConnected(g, p)).as("seed %d γ %s", seed, resolution).isTrue();
            }
        }
    }

    @Test
    void leidenCommunitiesAreConnectedOnAPlantedGraph() {
        // sparse enough inside groups that a careless optimiser can leave a group in pieces
        CsrGraph g = CommunityFixtures.plantedPartition(20, 50, 0.06, 0.004, 11);
        for (long seed = 0; seed < 3; seed++) {
            Partition p = new Leiden(g, UNWEIGHTED.withSeed(seed)).partition();
            assertThat(CommunityFixtures.communitiesConnected(g, p)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = CommunityAlgorithm.class, names = {"LEIDEN", "LOUVAIN"})
    void plantedPartitionIsRecovered(CommunityAlgorithm a) {
        CsrGraph g = CommunityFixtures.plantedPartition(8, 50, 0.3, 0.01, 2024);
        int[] planted = CommunityFixtures.plantedLabels(8, 50);
        Partition p = CommunityDetection.detect(g, a, UNWEIGHTED);
        assertThat(CommunityFixtures.nmi(planted, p.communityOf())).isGreaterThanOrEqualTo(0.95);
        assertThat(p.communityCount()).isEqualTo(8);
        assertThat(p.modularity()).isGreaterThanOrEqualTo(Modularity.of(g, planted, 1.0, false) - 1e-9);
    }

    @ParameterizedTest
    @EnumSource(value = CommunityAlgorithm.class, names = {"LEIDEN", "LOUVAIN"})
    void weightsChangeTheBestPartition(CommunityAlgorithm a) {
        // two 4-cliques (weight 1) joined by a perfect matching of heavy ties (weight 10)
        CsrGraph.Builder b = CsrGraph.builder(8);
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                b.addEdge(i, j);
                b.addEdge(i + 4, j + 4);
            }
            b.addEdge(i, i + 4, 10);
        }
        CsrGraph g = b.build();
        // igraph 0.10.2 community_optimal_modularity: unweighted [0,0,0,0,1,1,1,1] Q = 0.25;
        // weighted [0,1,2,3,0,1,2,3] Q = 0.5192307692307693 (networkx modularity agrees)
        Partition unweighted = CommunityDetection.detect(g, a, UNWEIGHTED);
        assertThat(unweighted.communityOf()).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
        assertThat(unweighted.modularity()).isCloseTo(0.25, within(1e-12));
        Partition weighted = CommunityDetection.detect(g, a, UNWEIGHTED.withWeighted(true));
        assertThat(weighted.communityOf()).containsExactly(0, 1, 2, 3, 0, 1, 2, 3);
        assertThat(weighted.modularity()).isCloseTo(0.5192307692307693, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(value = CommunityAlgorithm.class, names = {"LEIDEN", "LOUVAIN"})
    void resolutionZeroGivesTheConnectedComponents(CommunityAlgorithm a) {
        CsrGraph g = CsrGraph.parse(9, "0-1, 1-2, 2-3, 3-4, 5-6, 6-7");
        Partition p = CommunityDetection.detect(g, a, UNWEIGHTED.withResolution(0));
        assertThat(p.communityOf()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 2);
    }

    @ParameterizedTest
    @EnumSource(value = CommunityAlgorithm.class, names = {"LEIDEN", "LOUVAIN"})
    void higherResolutionGivesMoreCommunities(CommunityAlgorithm a) {
        CsrGraph g = CommunityFixtures.karate();
        int low = CommunityDetection.detect(g, a, UNWEIGHTED.withResolution(0.3)).communityCount();
        int mid = CommunityDetection.detect(g, a, UNWEIGHTED).communityCount();
        int high = CommunityDetection.detect(g, a, UNWEIGHTED.withResolution(3)).communityCount();
        assertThat(low).isLessThan(mid);
        assertThat(mid).isLessThan(high);
    }

    @Test
    void differentSeedsExploreDifferentOrders() {
        // not a requirement of any single run, but if every seed gave the same partition on a
        // noisy graph the seed would not be reaching the random choices
        CsrGraph g = CommunityFixtures.plantedPartition(10, 20, 0.15, 0.05, 3);
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            distinct.add(java.util.Arrays.toString(new Leiden(g, UNWEIGHTED.withSeed(seed)).partition().communityOf()));
        }
        assertThat(distinct).hasSizeGreaterThan(1);
    }

    @Test
    void leidenIsAtLeastAsGoodAsOneIteration() {
        CsrGraph g = CommunityFixtures.plantedPartition(10, 20, 0.15, 0.05, 3);
        double once = new Leiden(g, UNWEIGHTED.withMaxIterations(1)).partition().modularity();
        double iterated = new Leiden(g, UNWEIGHTED).partition().modularity();
        assertThat(iterated).isGreaterThanOrEqualTo(once - 1e-12);
    }
}
