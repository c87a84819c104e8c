package org.civnet.analysis.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.civnet.analysis.isolation.TestGraphs.bits;

import java.util.BitSet;
import java.util.List;

import org.civnet.analysis.graph.CsrGraph;
import org.civnet.analysis.isolation.GroupIsolation.Broker;
import org.civnet.analysis.isolation.GroupIsolation.Factor;
import org.civnet.analysis.isolation.GroupIsolation.GroupReport;
import org.civnet.analysis.isolation.GroupIsolation.Options;
import org.civnet.support.ReferenceFiles;
import org.junit.jupiter.api.Test;

class GroupIsolationTest {

    private static final double EPS = 1e-12;

    /** Triangles {0,1,2} and {3,4,5} joined by the bridge 2-3, isolated vertex 6; mandate 0. */
    private static GroupIsolation trianglesWith(List<BitSet> groups) {
        CsrGraph g = CsrGraph.parse(7, "0-1, 1-2, 2-0, 2-3, 3-4, 4-5, 5-3");
        return new GroupIsolation(new WeakPoints(new MandateReach(g, bits(0)), bits(4, 5)), groups);
    }

    @Test
    void rejectsNullsAndBadOptions() {
        WeakPoints w = new WeakPoints(new MandateReach(CsrGraph.parse(1, ""), bits()), bits());
        assertThatThrownBy(() -> new GroupIsolation(null, List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new GroupIsolation(w, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new GroupIsolation(w, List.of(), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new GroupIsolation(w, List.of(bits(1)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Options(0.5, 0.5, 0.5, 0, 4, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Options(-0.1, 0.5, 0.4, 0.2, 4, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Options(0.4, 0.2, 0.2, 0.2, 0, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noGroupsAndEmptyGroup() {
        assertThat(trianglesWith(List.of()).ranking()).isEmpty();
        GroupReport empty = trianglesWith(List.of(bits())).report(0);
        assertThat(empty.size()).isZero();
        assertThat(empty.score()).isZero();
        assertThat(empty.explanation().dominant()).isNull();
        assertThat(empty.brokers()).isEmpty();
    }

    @Test
    void eiIndexByHand() {
        GroupIsolation gi = trianglesWith(List.of(bits(0, 1, 2), bits(3, 4, 5), bits(2, 3), bits(6)));
        // {0,1,2}: I = 3 (0-1, 1-2, 2-0), E = 1 (2-3): (1 - 3) / 4 = -0.5
        assertThat(gi.report(0).internalTies()).isEqualTo(3);
        assertThat(gi.report(0).externalTies()).isEqualTo(1);
        assertThat(gi.report(0).eiIndex()).isCloseTo(-0.5, within(EPS));
        // {2,3}, overlapping both triangles: I = 1 (2-3), E = 4 (2-0, 2-1, 3-4, 3-5): (4 - 1) / 5 = 0.6
        assertThat(gi.report(2).internalTies()).isEqualTo(1);
        assertThat(gi.report(2).externalTies()).isEqualTo(4);
        assertThat(gi.report(2).eiIndex()).isCloseTo(0.6, within(EPS));
        // {6}: no ties at all, defined as -1.
        assertThat(gi.report(3).eiIndex()).isEqualTo(-1.0);
        // One vertex group of a leaf: I = 0, E = 1: +1.
        GroupReport leaf = new GroupIsolation(new WeakPoints(new MandateReach(CsrGraph.parse(2, "0-1"), bits(0)),
                bits()), List.of(bits(1))).report(0);
        assertThat(leaf.eiIndex()).isEqualTo(1.0);
    }

    @Test
    void reachHopsAndSinglePointsByHand() {
        GroupIsolation gi = trianglesWith(List.of(bits(0, 1, 2), bits(3, 4, 5), bits(2, 3), bits(6)));
        GroupReport far = gi.report(1);
        // hops: 3 -> 2, 4 -> 3, 5 -> 3; all three hang on 2 (and 4, 5 also on 3).
        assertThat(far.medianHops()).isEqualTo(3.0);
        assertThat(far.maxHops()).isEqualTo(3);
        assertThat(far.singlePointMembers()).isEqualTo(3);
        assertThat(far.brokers()).containsExactly(new Broker(2, 3, false), new Broker(3, 2, true));
        assertThat(far.atRisk()).isTrue();
        assertThat(far.atRiskMembers()).isEqualTo(2);
        // {2,3}: hops 1 and 2, even count: median 1.5; 3 hangs on 2.
        GroupReport pair = gi.report(2);
        assertThat(pair.medianHops()).isEqualTo(1.5);
        assertThat(pair.singlePointShare()).isEqualTo(0.5);
        assertThat(pair.brokers()).containsExactly(new Broker(2, 1, true));
        GroupReport alone = gi.report(3);
        assertThat(alone.unreachableShare()).isEqualTo(1.0);
        assertThat(alone.medianHops()).isEqualTo(-1.0);
        assertThat(alone.maxHops()).isEqualTo(-1);
        assertThat(gi.report(0).brokers()).isEmpty();
    }

    @Test
    void scoresByHand() {
        GroupIsolation gi = trianglesWith(List.of(bits(0, 1, 2), bits(3, 4, 5), bits(2, 3), bits(6)));
        // score = 0.4 unreachable + 0.2 (1 - EI)/2 + 0.2 min(1, median/4) + 0.2 singlePoint
        // {0,1,2}: 0 + 0.2*0.75 + 0.2*0.25  + 0         = 0.20
        // {3,4,5}: 0 + 0.2*0.75 + 0.2*0.75  + 0.2*1     = 0.50
        // {2,3}:   0 + 0.2*0.2  + 0.2*0.375 + 0.2*0.5   = 0.215
        // {6}:     0.4 + 0.2*1  + 0.2*1 (none reachable) + 0 = 0.80
        assertThat(gi.reports()).extracting(GroupReport::score)
                .satisfiesExactly(
                        s -> assertThat(s).isCloseTo(0.20, within(EPS)),
                        s -> assertThat(s).isCloseTo(0.50, within(EPS)),
                        s -> assertThat(s).isCloseTo(0.215, within(EPS)),
                        s -> assertThat(s).isCloseTo(0.80, within(EPS)));
        assertThat(gi.ranking()).extracting(GroupReport::group).containsExactly(3, 1, 2, 0);
        assertThat(gi.report(3).explanation().dominant()).isEqualTo(Factor.UNREACHABLE);
        assertThat(gi.report(1).explanation().dominant()).isEqualTo(Factor.SINGLE_POINT);
        var terms = gi.report(1).explanation().terms();
        assertThat(terms).extracting(GroupIsolation.Term::factor).containsExactly(Factor.values());
        assertThat(terms.stream().mapToDouble(GroupIsolation.Term::contribution).sum())
                .isCloseTo(gi.report(1).score(), within(EPS));
    }

    @Test
    void customWeightsAndBrokerLimit() {
        CsrGraph g = CsrGraph.parse(7, "0-1, 1-2, 2-0, 2-3, 3-4, 4-5, 5-3");
        WeakPoints w = new WeakPoints(new MandateReach(g, bits(0)), bits());
        GroupReport r = new GroupIsolation(w, List.of(bits(3, 4, 5)), new Options(0, 1, 0, 0, 4, 1)).report(0);
        assertThat(r.score()).isCloseTo(0.75, within(EPS));
        assertThat(r.brokers()).containsExactly(new Broker(2, 3, false));
    }

    @Test
    void equalScoresPutGroupsAtRiskFirst() {
        // Mandate 0 with two identical arms 0-1-2 and 0-3-4; only vertex 4 is at risk.
        CsrGraph g = CsrGraph.parse(5, "0-1, 1-2, 0-3, 3-4");
        WeakPoints w = new WeakPoints(new MandateReach(g, bits(0)), bits(4));
        GroupIsolation gi = new GroupIsolation(w, List.of(bits(1, 2), bits(3, 4)));
        assertThat(gi.report(0).score()).isEqualTo(gi.report(1).score());
        assertThat(gi.report(0).atRisk()).isFalse();
        assertThat(gi.ranking()).extracting(GroupReport::group).containsExactly(1, 0);
    }

    @Test
    void groupsFromIndexAndMemberships() {
        assertThat(GroupIsolation.groupsFromIndex(new int[] {0, -1, 2, 0}))
                .containsExactly(bits(0, 3), bits(), bits(2));
        assertThat(GroupIsolation.groupsFromMemberships(new int[][] {{0, 1}, {}, null, {1}}))
                .containsExactly(bits(0), bits(0, 3));
        assertThatThrownBy(() -> GroupIsolation.groupsFromIndex(new int[] {-2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void karateClubsAgainstMandateAtJohnA() {
        // Clubs from nodes.csv (last column); mandate at John A. (33).
        ReferenceGraphs.Reference karate = ReferenceGraphs.load("karate");
        List<String> rows = ReferenceFiles.lines("karate", "nodes.csv");
        BitSet hi = new BitSet();
        BitSet officer = new BitSet();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            (f[f.length - 1].equals("Mr. Hi") ? hi : officer).set(karate.vertex(f[0]));
        }
        WeakPoints w = new WeakPoints(new MandateReach(karate.graph(), bits(33)), bits());
        GroupIsolation gi = new GroupIsolation(w, List.of(hi, officer));
        // networkx: Mr. Hi's club 35 internal ties, the officer's 32, 11 between them;
        // hops to 33 (single_source_shortest_path_length): Mr. Hi's median 3, max 4; officer's
        // median 1. Removing one vertex or bridge (brute force in networkx) cuts off
        // {4, 5, 6, 10, 11, 16}, all in Mr. Hi's club.
        GroupReport mrHi = gi.report(0);
        assertThat(mrHi.size()).isEqualTo(17);
        assertThat(mrHi.internalTies()).isEqualTo(35);
        assertThat(gi.report(1).internalTies()).isEqualTo(32);
        assertThat(mrHi.externalTies()).isEqualTo(11);
        assertThat(mrHi.eiIndex()).isCloseTo((11.0 - 35) / 46, within(EPS));
        assertThat(mrHi.medianHops()).isEqualTo(3.0);
        assertThat(mrHi.maxHops()).isEqualTo(4);
        assertThat(gi.report(1).medianHops()).isEqualTo(1.0);
        assertThat(mrHi.singlePointMembers()).isEqualTo(6);
        assertThat(gi.report(1).singlePointMembers()).isZero();
        assertThat(mrHi.brokers()).containsExactly(new Broker(0, 6, true));
        double expected = 0.2 * (1 - (11.0 - 35) / 46) / 2 + 0.2 * 0.75 + 0.2 * 6 / 17;
        assertThat(mrHi.score()).isCloseTo(expected, within(EPS));
        assertThat(gi.ranking().get(0).group()).isZero();
    }
}
