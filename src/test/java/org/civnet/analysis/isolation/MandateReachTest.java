package org.civnet.analysis.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civnet.analysis.isolation.TestGraphs.bits;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.civnet.analysis.graph.CsrGraph;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.junit.jupiter.api.Test;

class MandateReachTest {

    @Test
    void rejectsNullsAndForeignVertices() {
        CsrGraph g = CsrGraph.parse(2, "0-1");
        assertThatThrownBy(() -> new MandateReach(null, bits())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MandateReach(g, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MandateReach(g, bits(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MandateReach(g, bits()).hops(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void emptyGraph() {
        MandateReach r = new MandateReach(CsrGraph.parse(0, ""), bits());
        assertThat(r.components()).isEmpty();
        assertThat(r.unreached()).isEmpty();
        assertThat(r.reachableCount()).isZero();
        assertThat(r.reachableShare()).isZero();
        assertThat(r.maxHops()).isEqualTo(-1);
    }

    @Test
    void oneVertex() {
        CsrGraph g = CsrGraph.parse(1, "");
        MandateReach none = new MandateReach(g, bits());
        assertThat(none.hops(0)).isEqualTo(-1);
        assertThat(none.nearestMandate(0)).isEqualTo(-1);
        assertThat(none.unreached()).singleElement().satisfies(c -> assertThat(c.vertices()).containsExactly(0));
        MandateReach self = new MandateReach(g, bits(0));
        assertThat(self.hops(0)).isZero();
        assertThat(self.nearestMandate(0)).isZero();
        assertThat(self.unreached()).isEmpty();
        assertThat(self.reachableShare()).isEqualTo(1.0);
    }

    @Test
    void oneEdge() {
        MandateReach r = new MandateReach(CsrGraph.parse(2, "0-1"), bits(1));
        assertThat(r.hopsArray()).containsExactly(1, 0);
        assertThat(r.nearestMandate(0)).isEqualTo(1);
        assertThat(r.maxHops()).isEqualTo(1);
    }

    @Test
    void pathWithMandatesAtBothEnds() {
        MandateReach r = new MandateReach(CsrGraph.parse(5, "0-1, 1-2, 2-3, 3-4"), bits(0, 4));
        assertThat(r.hopsArray()).containsExactly(0, 1, 2, 1, 0);
        // The middle vertex is equally near both; the wave of the lower mandate arrives first.
        assertThat(r.nearestMandate(2)).isZero();
        assertThat(r.nearestMandate(3)).isEqualTo(4);
    }

    @Test
    void starWithMandateOnALeaf() {
        MandateReach r = new MandateReach(CsrGraph.parse(5, "0-1, 0-2, 0-3, 0-4"), bits(1));
        assertThat(r.hopsArray()).containsExactly(1, 0, 2, 2, 2);
        assertThat(r.reachableCount()).isEqualTo(5);
    }

    @Test
    void componentsAndTheUnreached() {
        // Components {2,3,4} (largest), {0,1} (has the mandate), {5}, {6}.
        MandateReach r = new MandateReach(CsrGraph.parse(7, "0-1, 2-3, 3-4"), bits(0));
        assertThat(r.components()).extracting(MandateReach.Component::vertices)
                .containsExactly(List.of(2, 3, 4), List.of(0, 1), List.of(5), List.of(6));
        assertThat(r.components()).extracting(MandateReach.Component::mandateCount)
                .containsExactly(0, 1, 0, 0);
        assertThat(r.unreached()).extracting(MandateReach.Component::vertices)
                .containsExactly(List.of(2, 3, 4), List.of(5), List.of(6));
        assertThat(r.componentOf(4)).isZero();
        assertThat(r.componentOf(1)).isEqualTo(1);
        assertThat(r.reachableCount()).isEqualTo(2);
        assertThat(r.reachableShare()).isEqualTo(2.0 / 7);
        assertThat(r.hops(3)).isEqualTo(-1);
        assertThat(r.isReachable(1)).isTrue();
    }

    @Test
    void hopsMatchBreadthFirstDistancesOnKarate() {
        ReferenceGraphs.Reference karate = ReferenceGraphs.load("karate");
        CsrGraph g = karate.graph();
        BitSet mandates = bits(0, 33);
        MandateReach r = new MandateReach(g, mandates);
        var bfs = new BFSShortestPath<>(g.asJGraphT());
        for (int v = 0; v < g.vertexCount(); v++) {
            int expected = (int) Math.min(bfs.getPath(0, v).getLength(), bfs.getPath(33, v).getLength());
            assertThat(r.hops(v)).as("vertex %d", v).isEqualTo(expected);
            assertThat(r.hops(r.nearestMandate(v))).isZero();
        }
        List<List<Integer>> expectedComponents = new ArrayList<>();
        for (var component : karate.json().get("connected_components")) {
            List<Integer> c = new ArrayList<>();
            component.forEach(id -> c.add(karate.vertex(id.asText())));
            c.sort(null);
            expectedComponents.add(c);
        }
        assertThat(r.components()).extracting(MandateReach.Component::vertices)
                .containsExactlyElementsOf(expectedComponents);
        // max over v of min(d(0,v), d(33,v)) with networkx single_source_shortest_path_length: 2
        assertThat(r.maxHops()).isEqualTo(2);
    }

    @Test
    void resultsCannotBeChangedFromOutside() {
        BitSet mandates = bits(0);
        MandateReach r = new MandateReach(CsrGraph.parse(2, "0-1"), mandates);
        mandates.set(1);
        r.hopsArray()[1] = 7;
        r.mandates().set(1);
        assertThat(r.hops(1)).isEqualTo(1);
        assertThat(r.isMandate(1)).isFalse();
        assertThatThrownBy(() -> r.components().get(0).vertices().add(3))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
