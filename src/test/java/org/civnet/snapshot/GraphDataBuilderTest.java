package org.civnet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.civnet.domain.NodeLabel;
import org.civnet.domain.RiskLevel;
import org.civnet.domain.TieType;
import org.junit.jupiter.api.Test;

class GraphDataBuilderTest {

    private static GraphData.Builder node(GraphData.Builder b, String id) {
        return b.node(id, NodeLabel.Contact, id, null, "KE", null, null, RiskLevel.NONE, false, false, GraphData.NO_DATE);
    }

    @Test
    void aTieMayNameNodesAddedAfterItAndATieToAnUnknownIdIsDropped() {
        GraphData.Builder b = new GraphData.Builder();
        node(b, "a");
        b.tie("a", "c", TieType.KNOWS, 4, 10, 20);
        b.tie("a", "nobody", TieType.KNOWS, 1, 0, 0);
        node(b, "b");
        node(b, "c");
        b.tie("b", "a", TieType.KNOWS, 2, GraphData.NO_DATE, GraphData.NO_DATE);

        GraphData data = b.build();

        assertThat(data.tieCount()).isEqualTo(2);
        assertThat(data.tieFrom()).containsExactly(0, 1);
        assertThat(data.tieTo()).containsExactly(2, 0);
        assertThat(data.tieTrust()).containsExactly(4, 2);
        assertThat(data.tieSince()).containsExactly(10, GraphData.NO_DATE);
        assertThat(data.tieLastContact()).containsExactly(20, GraphData.NO_DATE);
    }

    @Test
    void withKeysTiesNameTheirEndsByKeyNotById() {
        GraphData.Builder b = new GraphData.Builder();
        node(b, "a").key("4:db:7");
        node(b, "b").key("4:db:3");
        b.tie("4:db:3", "4:db:7", TieType.KNOWS, 3, 0, 0);
        b.tie("a", "b", TieType.KNOWS, 5, 0, 0);

        GraphData data = b.build();

        assertThat(data.tieCount()).isEqualTo(1);
        assertThat(data.ids()[data.tieFrom()[0]]).isEqualTo("b");
        assertThat(data.ids()[data.tieTo()[0]]).isEqualTo("a");
        assertThat(data.tieTrust()).containsExactly(3);
    }

    @Test
    void keysForSomeNodesOnlyAreRefused() {
        GraphData.Builder b = new GraphData.Builder();
        node(b, "a").key("4:db:7");
        node(b, "b");

        org.assertj.core.api.Assertions.assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 of 2");
    }
}
