package org.civnet.analysis.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.civnet.analysis.centrality.ReferenceGraphs;
import org.civnet.analysis.centrality.ReferenceGraphs.Reference;
import org.junit.jupiter.api.Test;

class ComponentsTest {

    private static Components of(int n, String edges) {
        return new Components(CsrGraph.parse(n, edges));
    }

    @Test
    void nullGraphIsRejected() {
        assertThatThrownBy(() -> new Components(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void emptyGraphHasNoComponent() {
        Components c = of(0, "");
        assertThat(c.count()).isZero();
        assertThat(c.largestFirst()).isEmpty();
        assertThat(c.labels()).isEmpty();
        assertThatThrownBy(() -> c.componentOf(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.size(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void singleVertexIsItsOwnComponent() {
        Components c = of(1, "");
        assertThat(c.count()).isEqualTo(1);
        assertThat(c.componentOf(0)).isZero();
        assertThat(c.size(0)).isEqualTo(1);
        assertThat(c.members(0)).containsExactly(0);
        assertThat(c.connected(0, 0)).isTrue();
    }

    @Test
    void pathAndCycleAreOneComponent() {
        for (Components c : List.of(of(4, "0-1, 1-2, 2-3"), of(4, "0-1, 1-2, 2-3, 3-0"))) {
            assertThat(c.count()).isEqualTo(1);
            assertThat(c.members(0)).containsExactly(0, 1, 2, 3);
            assertThat(c.connected(0, 3)).isTrue();
        }
    }

    @Test
    void twoTrianglesJoinedByABridgeAreOneComponentAndTwoWithoutIt() {
        Components joined = of(6, "0-1, 1-2, 2-0, 2-3, 3-4, 4-5, 5-3");
        assertThat(joined.count()).isEqualTo(1);
        Components apart = of(6, "0-1, 1-2, 2-0, 3-4, 4-5, 5-3");
        assertThat(apart.count()).isEqualTo(2);
        assertThat(apart.labels()).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(apart.connected(0, 5)).isFalse();
    }

    @Test
    void componentsAreNumberedBySmallestVertexAndMembersAscend() {
        // The search from 1 reaches 5 before 3; members still come out ascending.
        Components c = of(7, "1-5, 5-3, 2-6");
        assertThat(c.labels()).containsExactly(0, 1, 2, 1, 3, 1, 2);
        assertThat(c.members(1)).containsExactly(1, 3, 5);
        assertThat(c.members(2)).containsExactly(2, 6);
        assertThat(c.size(3)).isEqualTo(1);
        // By size descending; equal sizes (the singletons 0 and 4) keep the smallest-vertex order.
        assertThat(c.largestFirst()).containsExactly(1, 2, 0, 3);
    }

    @Test
    void membersAreCopies() {
        Components c = of(2, "0-1");
        c.members(0)[0] = 9;
        c.labels()[1] = 9;
        assertThat(c.members(0)).containsExactly(0, 1);
        assertThat(c.componentOf(1)).isZero();
    }

    @Test
    void referenceGraphsMatchNetworkX() {
        for (Reference ref : List.of(ReferenceGraphs.karate(), ReferenceGraphs.kite())) {
            Components c = new Components(ref.graph());
            List<List<Integer>> expected = new ArrayList<>();
            ref.json().get("connected_components").forEach(component -> {
                List<Integer> members = new ArrayList<>();
                component.forEach(id -> members.add(ref.ids().indexOf(id.asText())));
                expected.add(members.stream().sorted().toList());
            });
            List<List<Integer>> actual = new ArrayList<>();
            for (int label : c.largestFirst()) {
                actual.add(java.util.Arrays.stream(c.members(label)).boxed().toList());
            }
            assertThat(actual).as(ref.name()).isEqualTo(expected);
        }
    }
}
