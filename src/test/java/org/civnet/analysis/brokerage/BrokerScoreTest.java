package org.civnet.analysis.brokerage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.civnet.analysis.brokerage.Brokerage.RoleFlow;
import org.civnet.analysis.centrality.Betweenness;
import org.civnet.analysis.centrality.ReferenceGraphs;
import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Test;

class BrokerScoreTest {

    @Test
    void rejectsBadInput() {
        CsrGraph g = CsrGraph.parse(2, "0-1");
        assertThatThrownBy(() -> BrokerScore.rank(null, new int[2], false, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BrokerScore.rank(g, null, false, 1)).isInstanceOf(NullPointerException.class);
        Brokerage b = new Brokerage(g, new int[2]);
        assertThatThrownBy(() -> BrokerScore.rank(new double[3], new double[2], b))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyAndSingleVertex() {
        assertThat(BrokerScore.rank(CsrGraph.parse(0, ""), new int[0], false, 1)).isEmpty();
        List<BrokerScore> one = BrokerScore.rank(CsrGraph.parse(1, ""), new int[] {0}, false, 1);
        assertThat(one).hasSize(1);
        assertThat(one.get(0).score()).isZero();
        assertThat(one.get(0).constraint()).isNaN();
        assertThat(one.get(0).reason()).isNull();
    }

    @Test
    void starCentreIsAGatekeeperBetweenItsGroups() {
        // Centre 0 and leaves 1, 2 in group 0; leaves 3, 4 in group 1.
        // Centre: betweenness is the maximum (part 1), constraint 4 * (1/4)^2 = 1/4 (part 3/4), all 4 * 3 = 12
        // ordered neighbour pairs are open (part 1): score (1 + 0.75 + 1)/3. Roles: coordinator 2 (1-0-2, 2-0-1),
        // consultant 2 (3-0-4, 4-0-3), representative 4, gatekeeper 4: gatekeeper wins the tie, largest flow
        // from group 1 into group 0 (2 * 2 = 4 paths).
        CsrGraph star = CsrGraph.parse(5, "0-1, 0-2, 0-3, 0-4");
        List<BrokerScore> ranked = BrokerScore.rank(star, new int[] {0, 0, 0, 1, 1}, false, 1);
        BrokerScore top = ranked.get(0);
        assertThat(top.vertex()).isZero();
        assertThat(top.score()).isCloseTo(2.75 / 3, within(1e-12));
        assertThat(top.betweenness()).isCloseTo(1.0, within(1e-12));
        assertThat(top.constraint()).isCloseTo(0.25, within(1e-12));
        assertThat(top.brokerage()).isEqualTo(12);
        assertThat(top.reason()).isEqualTo(new RoleFlow(BrokerageRole.GATEKEEPER, 1, 0, 4));
        for (BrokerScore leaf : ranked.subList(1, 5)) {
            assertThat(leaf.score()).isZero();
            assertThat(leaf.reason()).isNull();
        }
        assertThat(ranked.stream().map(BrokerScore::vertex)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void workedExampleReasonsAndScores() {
        CsrGraph g = BrokerageTest.EXAMPLE;
        int[] groups = BrokerageTest.EXAMPLE_GROUPS;
        List<BrokerScore> ranked = BrokerScore.rank(g, groups, false, 1);
        BrokerScore[] byVertex = new BrokerScore[g.vertexCount()];
        ranked.forEach(s -> byVertex[s.vertex()] = s);
        // Vertex 5 only brokers B to B: a consultant for 4 paths.
        assertThat(byVertex[5].reason()).isEqualTo(new RoleFlow(BrokerageRole.CONSULTANT, 1, 1, 4));
        // Vertex 3: liaison 2 beats representative 1 and gatekeeper 1; first liaison flow is A to C.
        assertThat(byVertex[3].reason()).isEqualTo(new RoleFlow(BrokerageRole.LIAISON, 0, 2, 1));
        // Vertex 1: coordinator, representative and gatekeeper all 2: gatekeeper, from B into A.
        assertThat(byVertex[1].reason()).isEqualTo(new RoleFlow(BrokerageRole.GATEKEEPER, 1, 0, 2));
        // The score is the documented mean of its three parts.
        double[] b = new Betweenness(g).scores();
        double[] c = StructuralHoles.constraint(g, false);
        double maxB = Arrays.stream(b).max().orElseThrow();
        for (BrokerScore s : ranked) {
            int v = s.vertex();
            double expected = (b[v] / maxB + Math.max(0, Math.min(1, 1 - c[v])) + s.brokerage() / 6.0) / 3;
            assertThat(s.score()).as("vertex " + v).isCloseTo(expected, within(1e-12));
        }
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i).score()).isLessThanOrEqualTo(ranked.get(i - 1).score());
        }
    }

    @Test
    void karateBrokersAreTheTwoLeaders() {
        ReferenceGraphs.Reference karate = ReferenceGraphs.karate();
        int[] groups = Arrays.stream(karate.column("club")).mapToInt(c -> c.equals("Mr. Hi") ? 0 : 1).toArray();
        List<BrokerScore> ranked = BrokerScore.rank(karate.graph(), groups, false, 2);
        assertThat(ranked.subList(0, 2).stream().map(BrokerScore::vertex)).containsExactlyInAnyOrder(0, 33);
        // Precomputed parts give the same ranking.
        Brokerage brokerage = new Brokerage(karate.graph(), groups);
        assertThat(BrokerScore.rank(karate.metric("betweenness_normalized"), karate.metric("constraint"), brokerage)
                .stream().map(BrokerScore::vertex).toList())
                .isEqualTo(ranked.stream().map(BrokerScore::vertex).toList());
    }
}
