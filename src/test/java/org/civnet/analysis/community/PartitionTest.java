package org.civnet.analysis.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.civnet.analysis.graph.CsrGraph;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm.Clustering;
import org.junit.jupiter.api.Test;

class PartitionTest {

    @Test
    void rejectsNullAndNonCanonicalIds() {
        assertThatThrownBy(() -> new Partition(null, 0, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Partition(new int[] {1, 0}, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Partition(new int[] {0, 2, 1}, 3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Partition(new int[] {0, -1}, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Partition(new int[] {0, 1}, 3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofCanonicalisesBySmallestVertex() {
        CsrGraph g = CsrGraph.parse(5, "0-1, 2-4");
        Partition p = Partition.of(g, new int[] {5, 5, 3, 9, 3}, 1.0, false);
        assertThat(p.communityOf()).containsExactly(0, 0, 1, 2, 1);
        assertThat(p.communityCount()).isEqualTo(3);
        assertThat(p.sizes()).containsExactly(2, 2, 1);
        assertThat(p.members()).isDeepEqualTo(new int[][] {{0, 1}, {2, 4}, {3}});
        // two edges, each inside its community: 2 (1/2 − (2/4)²) = 0.5
        assertThat(p.modularity()).isEqualTo(0.5);
        assertThatThrownBy(() -> Partition.of(g, new int[] {0, 0}, 1.0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isImmutable() {
        int[] ids = {0, 1, 0};
        Partition p = new Partition(ids, 2, 0.1);
        ids[2] = 1;
        assertThat(p.communityOf(2)).isZero();
        p.communityOf()[0] = 1;
        assertThat(p.communityOf(0)).isZero();
        assertThat(p).isEqualTo(new Partition(new int[] {0, 1, 0}, 2, 0.1));
        assertThat(p).isNotEqualTo(new Partition(new int[] {0, 1, 1}, 2, 0.1));
        assertThat(p.hashCode()).isEqualTo(new Partition(new int[] {0, 1, 0}, 2, 0.1).hashCode());
    }

    @Test
    void clusteringListsCommunitiesInIdOrderAndCannotBeModified() {
        Clustering<Integer> c = new Partition(new int[] {0, 1, 0, 2, 1}, 3, 0).toClustering();
        assertThat(c.getNumberClusters()).isEqualTo(3);
        assertThat(c.getClusters()).containsExactly(Set.of(0, 2), Set.of(1, 4), Set.of(3));
        assertThat(c.getClusters().get(1)).containsExactly(1, 4);
        assertThatThrownBy(() -> c.getClusters().get(0).add(9)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.getClusters().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
