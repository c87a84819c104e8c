package org.civnet.analysis.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsrGraphRelabelTest {

    /** Two triangles joined by the bridge 2-3, plus the isolated vertex 6; one edge weighted. */
    private static CsrGraph twoTriangles() {
        return CsrGraph.builder(7)
                .addEdge(0, 1).addEdge(1, 2).addEdge(2, 0)
                .addEdge(2, 3, 2.5)
                .addEdge(3, 4).addEdge(4, 5).addEdge(5, 3)
                .build();
    }

    @Test
    void breadthFirstOrderVisitsEveryVertexOnceComponentByComponent() {
        CsrGraph g = CsrGraph.builder(7).addEdge(5, 6).addEdge(0, 3).addEdge(3, 1).addEdge(0, 2).build();
        // From 0: neighbours 2, 3 (sorted), then 3's neighbour 1; then the component {4}; then {5, 6}.
        assertThat(g.breadthFirstOrder()).containsExactly(0, 2, 3, 1, 4, 5, 6);
    }

    @Test
    void relabellingKeepsEveryEdgeItsIdAndWeight() {
        CsrGraph g = twoTriangles();
        int[] newIndex = {6, 5, 4, 3, 2, 1, 0};
        CsrGraph r = g.relabelled(newIndex);
        assertThat(r.vertexCount()).isEqualTo(7);
        assertThat(r.edgeCount()).isEqualTo(g.edgeCount());
        assertThat(r.isWeighted()).isTrue();
        for (int u = 0; u < 7; u++) {
            assertThat(r.degree(newIndex[u])).isEqualTo(g.degree(u));
            for (int s = g.offset(u); s < g.offsetEnd(u); s++) {
                int v = g.target(s);
                int slot = r.slotOf(newIndex[u], newIndex[v]);
                assertThat(slot).isNotNegative();
                assertThat(r.edgeId(slot)).isEqualTo(g.edgeId(s));
                assertThat(r.weight(slot)).isEqualTo(g.weight(s));
            }
        }
        assertThat(r.edgeWeight(newIndex[2], newIndex[3])).isEqualTo(2.5);
        // Neighbour slices stay sorted (slotOf relies on binary search).
        for (int u = 0; u < 7; u++) {
            int[] neighbours = r.neighbors(u);
            for (int i = 1; i < neighbours.length; i++) {
                assertThat(neighbours[i]).isGreaterThan(neighbours[i - 1]);
            }
        }
    }

    @Test
    void aRelabellingMustBeAPermutation() {
        CsrGraph g = twoTriangles();
        assertThatThrownBy(() -> g.relabelled(new int[] {0, 1, 2, 3, 4, 5, 5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("permutation");
        assertThatThrownBy(() -> g.relabelled(new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
