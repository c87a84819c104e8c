package org.civnet.analysis.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.civnet.analysis.community.CommunityCohesion.CommunityLink;
import org.civnet.analysis.community.CommunityCohesion.CommunityProfile;
import org.civnet.analysis.community.CommunityCohesion.VertexTies;
import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Test;

class CommunityCohesionTest {

    /** Triangles {0,1,2} and {3,4,5}, a heavy tie 2–3, and vertex 6 alone, tied to 0 and 4. */
    private static CsrGraph trianglesAndALoner() {
        return CsrGraph.builder(7)
                .addEdge(0, 1).addEdge(1, 2).addEdge(0, 2)
                .addEdge(3, 4).addEdge(4, 5).addEdge(3, 5)
                .addEdge(2, 3, 2.0)
                .addEdge(6, 0).addEdge(6, 4)
                .build();
    }

    private static final Partition SPLIT = new Partition(new int[] {0, 0, 0, 1, 1, 1, 2}, 3, 0);

    @Test
    void rejectsNullsAndMismatchedSizes() {
        assertThatThrownBy(() -> new CommunityCohesion(null, SPLIT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CommunityCohesion(CsrGraph.parse(1, ""), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CommunityCohesion(CsrGraph.parse(1, ""), SPLIT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyGraph() {
        CommunityCohesion c = new CommunityCohesion(CsrGraph.parse(0, ""), new Partition(new int[0], 0, 0));
        assertThat(c.communities()).isEmpty();
        assertThat(c.vertices()).isEmpty();
        assertThat(c.links()).isEmpty();
        assertThat(c.bridges(5)).isEmpty();
    }

    @Test
    void singleVertexHasDensityZero() {
        CommunityCohesion c = new CommunityCohesion(CsrGraph.parse(1, ""), new Partition(new int[] {0}, 1, 0));
        assertThat(c.communities()).containsExactly(new CommunityProfile(0, 1, 0, 0, 0, 0, 0));
        assertThat(c.vertex(0)).isEqualTo(new VertexTies(0, 0, 0, 0, new int[0], new int[0]));
    }

    @Test
    void profilesCountInsideAndBoundary() {
        CommunityCohesion c = new CommunityCohesion(trianglesAndALoner(), SPLIT);
        assertThat(c.communities()).containsExactly(
                new CommunityProfile(0, 3, 3, 2, 3.0, 3.0, 1.0),
                new CommunityProfile(1, 3, 3, 2, 3.0, 3.0, 1.0),
                new CommunityProfile(2, 1, 0, 2, 0.0, 2.0, 0.0));
        assertThat(c.links()).containsExactly(
                new CommunityLink(0, 1, 1, 2.0),
                new CommunityLink(0, 2, 1, 1.0),
                new CommunityLink(1, 2, 1, 1.0));
    }

    @Test
    void vertexTiesNameTheOtherCommunities() {
        CommunityCohesion c = new CommunityCohesion(trianglesAndALoner(), SPLIT);
        assertThat(c.vertex(6)).isEqualTo(new VertexTies(6, 2, 0, 2, new int[] {0, 1}, new int[] {1, 1}));
        assertThat(c.vertex(2)).isEqualTo(new VertexTies(2, 0, 2, 1, new int[] {1}, new int[] {1}));
        assertThat(c.vertex(1)).isEqualTo(new VertexTies(1, 0, 2, 0, new int[0], new int[0]));
        assertThat(c.vertex(6).linkedCommunityCount()).isEqualTo(2);
        // the record hands out copies
        c.vertex(6).linkedCommunities()[0] = 99;
        assertThat(c.vertex(6).linkedCommunities()).containsExactly(0, 1);
    }

    @Test
    void bridgesRankByTiesThenReachThenIndex() {
        CommunityCohesion c = new CommunityCohesion(trianglesAndALoner(), SPLIT);
        assertThat(c.bridges(3)).extracting(VertexTies::vertex).containsExactly(6, 0, 2);
        assertThat(c.bridges(100)).extracting(VertexTies::vertex).containsExactly(6, 0, 2, 3, 4);
        assertThat(c.bridges(1, 10)).extracting(VertexTies::vertex).containsExactly(3, 4);
        assertThat(c.bridges(0)).isEmpty();
        assertThatThrownBy(() -> c.bridges(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.bridges(3, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void karateClubsMatchNetworkX() {
        CsrGraph g = CommunityFixtures.karate();
        Partition clubs = Partition.of(g, CommunityFixtures.karateClubs(), 1.0, false);
        CommunityCohesion c = new CommunityCohesion(g, clubs);
        // networkx 2.8.8: subgraph edges / size(weight) / cut_size / cut_size(weight) / density
        // Mr. Hi 17 35 106.0 11 25.0 0.25735294117647056; Officer 17 32 100.0 11 25.0 0.23529411764705882
        List<CommunityProfile> p = c.communities();
        assertThat(p.get(0)).isEqualTo(new CommunityProfile(0, 17, 35, 11, 106.0, 25.0, 0.25735294117647056));
        assertThat(p.get(1)).isEqualTo(new CommunityProfile(1, 17, 32, 11, 100.0, 25.0, 0.23529411764705882));
        assertThat(c.links()).containsExactly(new CommunityLink(0, 1, 11, 25.0));
        int internalDegrees = c.vertices().stream().mapToInt(VertexTies::internalDegree).sum();
        int externalDegrees = c.vertices().stream().mapToInt(VertexTies::externalDegree).sum();
        assertThat(internalDegrees).isEqualTo(2 * (35 + 32));
        assertThat(externalDegrees).isEqualTo(2 * 11);
    }

    @Test
    void listsAreUnmodifiable() {
        CommunityCohesion c = new CommunityCohesion(trianglesAndALoner(), SPLIT);
        assertThatThrownBy(() -> c.communities().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.vertices().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.links().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.bridges(3).clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
