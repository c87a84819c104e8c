package org.civnet.analysis.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Test;

/** The test helpers must be able to fail, or the tests built on them prove nothing. */
class CommunityFixturesTest {

    @Test
    void connectivityCheckSeesASplitCommunity() {
        CsrGraph path = CsrGraph.parse(3, "0-1, 1-2");
        assertThat(CommunityFixtures.communitiesConnected(path, new Partition(new int[] {0, 1, 0}, 2, 0))).isFalse();
        assertThat(CommunityFixtures.communitiesConnected(path, new Partition(new int[] {0, 0, 1}, 2, 0))).isTrue();
    }

    @Test
    void nmi() {
        assertThat(CommunityFixtures.nmi(new int[] {0, 0, 1, 1}, new int[] {7, 7, 3, 3})).isCloseTo(1.0, within(1e-12));
        // sklearn.metrics.normalized_mutual_info_score([0,0,1,1],[0,1,0,1]) = 0.0
        assertThat(CommunityFixtures.nmi(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1})).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void plantedPartitionHasTheExpectedDensity() {
        CsrGraph g = CommunityFixtures.plantedPartition(8, 50, 0.3, 0.01, 2024);
        // expected: 8·C(50,2)·0.3 + C(8,2)·50²·0.01 = 2940 + 700 = 3640
        assertThat(g.edgeCount()).isBetween(3400, 3900);
    }
}
