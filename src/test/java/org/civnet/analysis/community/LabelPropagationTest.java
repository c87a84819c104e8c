package org.civnet.analysis.community;

import static org.assertj.core.api.Assertions.assertThat;

import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Test;

class LabelPropagationTest {

    /** Two 5-cliques; vertex 10 has light ties to 0 and 1 and a heavier one (3, less than 5's clique ties) to 5. */
    private static CsrGraph cliquesAndASwingVertex() {
        CsrGraph.Builder b = CsrGraph.builder(11);
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) {
                b.addEdge(i, j);
                b.addEdge(i + 5, j + 5);
            }
        }
        return b.addEdge(10, 0).addEdge(10, 1).addEdge(10, 5, 3.0).build();
    }

    @Test
    void weightsDecideWhereTheSwingVertexGoes() {
        CsrGraph g = cliquesAndASwingVertex();
        for (long seed = 0; seed < 10; seed++) {
            CommunityOptions o = CommunityOptions.defaults().withSeed(seed);
            Partition unweighted = new LabelPropagation(g, o.withWeighted(false)).partition();
            assertThat(unweighted.communityOf()).as("seed %d", seed).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0);
            Partition weighted = new LabelPropagation(g, o).partition();
            assertThat(weighted.communityOf()).as("seed %d", seed).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1);
        }
    }

    @Test
    void plantedPartitionIsRecovered() {
        CsrGraph g = CommunityFixtures.plantedPartition(8, 50, 0.3, 0.01, 2024);
        Partition p = new LabelPropagation(g).partition();
        assertThat(CommunityFixtures.nmi(CommunityFixtures.plantedLabels(8, 50), p.communityOf()))
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void everyVertexEndsWithALabelMostOfItsNeighboursHold() {
        for (CsrGraph g : new CsrGraph[] {CommunityFixtures.karate(),
                CommunityFixtures.plantedPartition(10, 30, 0.2, 0.05, 5)}) {
            Partition p = new LabelPropagation(g, CommunityOptions.defaults().withWeighted(false)).partition();
            for (int v = 0; v < g.vertexCount(); v++) {
                int[] neighboursIn = new int[p.communityCount()];
                for (int u : g.neighbors(v)) {
                    neighboursIn[p.communityOf(u)]++;
                }
                int most = java.util.Arrays.stream(neighboursIn).max().orElse(0);
                assertThat(neighboursIn[p.communityOf(v)]).as("vertex %d", v).isEqualTo(most);
            }
        }
    }

    @Test
    void maxIterationsCutsTheSweepsShort() {
        // thirty triangles in a ring need several sweeps to settle; one sweep stops before that
        CsrGraph g = CommunityFixtures.ringOfCliques(30, 3);
        boolean anyDiffers = false;
        for (long seed = 0; seed < 5; seed++) {
            CommunityOptions o = CommunityOptions.defaults().withSeed(seed);
            Partition oneSweep = new LabelPropagation(g, o.withMaxIterations(1)).partition();
            Partition converged = new LabelPropagation(g, o).partition();
            anyDiffers |= !oneSweep.equals(converged);
        }
        assertThat(anyDiffers).isTrue();
    }
}
