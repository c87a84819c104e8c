package org.civnet.analysis.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.civnet.analysis.centrality.ReferenceGraphs;
import org.civnet.analysis.centrality.ReferenceGraphs.Reference;
import org.junit.jupiter.api.Test;

class LowLinkTest {

    private static LowLink of(int n, String edges) {
        return LowLink.of(CsrGraph.parse(n, edges));
    }

    /** Bridges as sorted pairs, read off the tree edges. */
    private static Set<List<Integer>> bridges(LowLink l) {
        Set<List<Integer>> out = new HashSet<>();
        for (int v = 0; v < l.vertexCount(); v++) {
            if (l.isBridgeToParent(v)) {
                out.add(List.of(Math.min(v, l.parent(v)), Math.max(v, l.parent(v))));
            }
        }
        return out;
    }

    private static List<Integer> blockMembers(LowLink l, int b) {
        List<Integer> out = new ArrayList<>();
        for (int i = l.membersStart(b); i < l.membersEnd(b); i++) {
            out.add(l.member(i));
        }
        return out;
    }

    @Test
    void nullGraphAndBadRootAreRejected() {
        assertThatThrownBy(() -> LowLink.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> LowLink.from(null, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> LowLink.from(CsrGraph.parse(1, ""), 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void emptyGraphHasNothing() {
        LowLink l = of(0, "");
        assertThat(l.discoveredCount()).isZero();
        assertThat(l.articulationPoints().isEmpty()).isTrue();
        assertThat(l.blockCount()).isZero();
    }

    @Test
    void singleVertexIsARootWithoutBlock() {
        LowLink l = of(1, "");
        assertThat(l.disc(0)).isZero();
        assertThat(l.low(0)).isZero();
        assertThat(l.parent(0)).isEqualTo(-1);
        assertThat(l.root(0)).isZero();
        assertThat(l.subtreeSize(0)).isEqualTo(1);
        assertThat(l.ownBlock(0)).isEqualTo(-1);
        assertThat(l.isSeparated(0)).isFalse();
        assertThat(l.blockCount()).isZero();
    }

    @Test
    void pathIsAllBridgesAndInnerCutVertices() {
        LowLink l = of(4, "0-1, 1-2, 2-3");
        assertThat(l.articulationPoints().stream().boxed().toList()).containsExactly(1, 2);
        assertThat(bridges(l)).containsExactlyInAnyOrder(List.of(0, 1), List.of(1, 2), List.of(2, 3));
        for (int v = 0; v < 4; v++) {
            assertThat(l.disc(v)).isEqualTo(v);
            assertThat(l.low(v)).isEqualTo(v);
            assertThat(l.subtreeSize(v)).isEqualTo(4 - v);
        }
        // Blocks close deepest first, each a bridge.
        assertThat(l.blockCount()).isEqualTo(3);
        for (int b = 0; b < 3; b++) {
            assertThat(l.head(b)).isEqualTo(2 - b);
            assertThat(blockMembers(l, b)).containsExactly(3 - b);
            assertThat(l.isBridge(b)).isTrue();
        }
    }

    @Test
    void cycleIsOneBlockWithoutCutVertexOrBridge() {
        LowLink l = of(4, "0-1, 1-2, 2-3, 3-0");
        assertThat(l.articulationPoints().isEmpty()).isTrue();
        assertThat(bridges(l)).isEmpty();
        assertThat(l.blockCount()).isEqualTo(1);
        assertThat(l.head(0)).isZero();
        assertThat(blockMembers(l, 0)).containsExactly(3, 2, 1);
        assertThat(l.isBridge(0)).isFalse();
        for (int v = 0; v < 4; v++) {
            assertThat(l.low(v)).isZero();
        }
    }

    @Test
    void twoTrianglesJoinedByABridge() {
        LowLink l = of(6, "0-1, 1-2, 2-0, 2-3, 3-4, 4-5, 5-3");
        assertThat(l.articulationPoints().stream().boxed().toList()).containsExactly(2, 3);
        assertThat(bridges(l)).containsExactly(List.of(2, 3));
        assertThat(l.blockCount()).isEqualTo(3);
        int far = l.ownBlock(4);
        assertThat(l.ownBlock(5)).isEqualTo(far);
        assertThat(l.head(far)).isEqualTo(3);
        assertThat(l.isBridge(far)).isFalse();
        assertThat(l.head(l.ownBlock(3))).isEqualTo(2);
        assertThat(l.isBridge(l.ownBlock(3))).isTrue();
        assertThat(l.ownBlock(1)).isEqualTo(l.ownBlock(2));
        assertThat(l.head(l.ownBlock(1))).isZero();
    }

    @Test
    void subtreesAndTreesAreContiguousInPreorder() {
        LowLink l = of(8, "0-1, 1-2, 2-0, 2-3, 3-4, 4-5, 5-3, 6-7");
        assertThat(l.discoveredCount()).isEqualTo(8);
        for (int v = 0; v < 8; v++) {
            assertThat(l.vertexAt(l.disc(v))).isEqualTo(v);
            for (int p = l.parent(v); p >= 0; p = l.parent(p)) {
                assertThat(l.disc(v)).isBetween(l.disc(p) + 1, l.disc(p) + l.subtreeSize(p) - 1);
            }
        }
        assertThat(l.root(5)).isZero();
        assertThat(l.root(7)).isEqualTo(6);
        assertThat(l.subtreeSize(6)).isEqualTo(2);
    }

    @Test
    void aSearchFromOneRootLeavesOtherComponentsUndiscovered() {
        LowLink l = LowLink.from(CsrGraph.parse(5, "0-1, 2-3, 3-4"), 3);
        assertThat(l.discoveredCount()).isEqualTo(3);
        assertThat(l.isDiscovered(0)).isFalse();
        assertThat(l.disc(0)).isEqualTo(-1);
        assertThat(l.ownBlock(0)).isEqualTo(-1);
        assertThat(l.disc(3)).isZero();
        assertThat(l.articulationPoints().stream().boxed().toList()).containsExactly(3);
    }

    @Test
    void parallelEdgesAreASecondRoute() {
        // 0 = 1 (two parallel edges) - 2: the pair is no bridge, 1-2 is.
        Adjacency multi = Adjacency.of(new int[] {0, 2, 5, 6}, new int[] {1, 1, 0, 0, 2, 1});
        LowLink l = LowLink.of(multi);
        assertThat(l.isBridgeToParent(1)).isFalse();
        assertThat(l.isBridgeToParent(2)).isTrue();
        assertThat(l.isBridge(l.ownBlock(1))).isFalse();
        assertThat(l.articulationPoints().stream().boxed().toList()).containsExactly(1);
        assertThatThrownBy(() -> Adjacency.of(new int[] {0, 2}, new int[1])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deepPathDoesNotOverflowTheStack() {
        int n = 100_000;
        LowLink l = LowLink.of(GraphLadder.path(n));
        assertThat(l.articulationPoints().cardinality()).isEqualTo(n - 2);
        assertThat(l.blockCount()).isEqualTo(n - 1);
    }

    @Test
    void referenceGraphsMatchNetworkX() {
        for (Reference ref : List.of(ReferenceGraphs.karate(), ReferenceGraphs.kite())) {
            LowLink l = LowLink.of(ref.graph());
            Set<Integer> points = new HashSet<>();
            ref.json().get("articulation_points").forEach(a -> points.add(ref.ids().indexOf(a.asText())));
            assertThat(l.articulationPoints().stream().boxed().toList()).as(ref.name())
                    .containsExactlyInAnyOrderElementsOf(points);
            Set<List<Integer>> expected = new HashSet<>();
            ref.json().get("bridges").forEach(e -> {
                int u = ref.ids().indexOf(e.get(0).asText());
                int v = ref.ids().indexOf(e.get(1).asText());
                expected.add(List.of(Math.min(u, v), Math.max(u, v)));
            });
            assertThat(bridges(l)).as(ref.name()).isEqualTo(expected);
        }
    }
}
