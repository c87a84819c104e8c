package org.civnet.analysis.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civnet.analysis.isolation.TestGraphs.bits;

import java.util.BitSet;
import java.util.List;
import java.util.Random;

import org.civnet.analysis.graph.CsrGraph;
import org.civnet.analysis.isolation.SuggestedTies.Options;
import org.civnet.analysis.isolation.SuggestedTies.Suggestion;
import org.junit.jupiter.api.Test;

class SuggestedTiesTest {

    private static DisjointRoutes routes(CsrGraph g, BitSet mandates, BitSet atRisk) {
        return new DisjointRoutes(new MandateReach(g, mandates), atRisk);
    }

    @Test
    void rejectsNullsAndBadOptions() {
        DisjointRoutes r = routes(CsrGraph.parse(2, "0-1"), bits(0), bits(1));
        assertThatThrownBy(() -> new SuggestedTies(null, bits())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SuggestedTies(r, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SuggestedTies(r, bits(), new int[1], Options.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Options(1, 3, 20, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyGraphAndNobodyFragile() {
        assertThat(new SuggestedTies(routes(CsrGraph.parse(0, ""), bits(), bits()), bits()).suggestions()).isEmpty();
        // A cycle through the mandate: everyone already has two routes.
        CsrGraph cycle = CsrGraph.parse(4, "0-1, 1-2, 2-3, 3-0");
        assertThat(new SuggestedTies(routes(cycle, bits(0), bits(1, 2, 3)), bits(0, 1, 2, 3)).suggestions()).isEmpty();
    }

    @Test
    void friendOfAFriendGivesASecondRoute() {
        // 0(M) - 1 - 2(at risk); 1 - 3 - 0. Vertex 3 consents; the tie 2-3 adds the route 2-3-0.
        CsrGraph g = CsrGraph.parse(4, "0-1, 1-2, 1-3, 3-0");
        DisjointRoutes before = routes(g, bits(0), bits(2));
        assertThat(before.routes(2)).isEqualTo(1);
        List<Suggestion> s = new SuggestedTies(before, bits(3)).suggestions();
        assertThat(s).containsExactly(new Suggestion(2, 3, 1, 2, 1, List.of(2), 1, 2, List.of(1)));
        DisjointRoutes after = routes(TestGraphs.withEdge(g, 2, 3), bits(0), bits(2));
        assertThat(after.routes(2)).isEqualTo(2);
    }

    @Test
    void candidateOnTheSameSingleRouteIsRejected() {
        // Path 0(M) - 1 - 2 - 3(at risk): a tie 3-1 still runs every route through 1.
        CsrGraph g = CsrGraph.parse(4, "0-1, 1-2, 2-3");
        assertThat(new SuggestedTies(routes(g, bits(0), bits(3)), bits(1)).suggestions()).isEmpty();
        // A consenting mandate two hops away is a direct second route.
        CsrGraph g2 = CsrGraph.parse(3, "0-1, 1-2");
        List<Suggestion> s = new SuggestedTies(routes(g2, bits(0), bits(2)), bits(0)).suggestions();
        assertThat(s).extracting(Suggestion::candidate).containsExactly(0);
    }

    @Test
    void neighboursSharingTheBottleneckBenefitToo() {
        // 0(M) - 1(broker) - {2, 3} at risk, 2 - 3; 1 - 4 - 0 with 4 consenting. Tie 2-4 gives
        // 2 the route 2-4-0 and 3 the routes 3-2-4-0 and 3-1-0: two beneficiaries.
        CsrGraph g = CsrGraph.parse(5, "0-1, 1-2, 1-3, 2-3, 1-4, 4-0");
        DisjointRoutes before = routes(g, bits(0), bits(2, 3));
        assertThat(before.count(1)).isEqualTo(2);
        List<Suggestion> s = new SuggestedTies(before, bits(4)).suggestions();
        assertThat(s).extracting(Suggestion::contact, Suggestion::candidate, Suggestion::beneficiaries)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 4, 2),
                        org.assertj.core.groups.Tuple.tuple(3, 4, 2));
        assertThat(s.get(0).beneficiaryContacts()).containsExactly(2, 3);
        DisjointRoutes after = routes(TestGraphs.withEdge(g, 2, 4), bits(0), bits(2, 3));
        assertThat(after.count(2)).isEqualTo(2);
    }

    @Test
    void dependantsOfTheContactDoNotGain() {
        // 0(M) - 1 - 2(at risk) - 5(at risk, pendant); 1 - 3 - 0, 3 consents. 5 still hangs on 2.
        CsrGraph g = CsrGraph.parse(6, "0-1, 1-2, 1-3, 3-0, 2-5");
        List<Suggestion> s = new SuggestedTies(routes(g, bits(0), bits(2, 5)), bits(3)).suggestions();
        assertThat(s).filteredOn(x -> x.contact() == 2).singleElement()
                .satisfies(x -> assertThat(x.beneficiaryContacts()).containsExactly(2));
    }

    @Test
    void unreachedContactsNeedARegion() {
        // 0(M) - 1 and 2 - 3 - 4 unreached with 2 and 4 at risk; 1 consents; regions: {0,1,2,3,4} = 0.
        CsrGraph g = CsrGraph.parse(5, "0-1, 2-3, 3-4");
        DisjointRoutes before = routes(g, bits(0), bits(2, 4));
        assertThat(new SuggestedTies(before, bits(1)).suggestions()).isEmpty();
        int[] region = {0, 0, 0, 0, 0};
        List<Suggestion> s = new SuggestedTies(before, bits(1), region, Options.DEFAULTS).suggestions();
        assertThat(s).extracting(Suggestion::contact).containsExactly(2, 4);
        Suggestion first = s.get(0);
        assertThat(first.candidate()).isEqualTo(1);
        assertThat(first.routesBefore()).isZero();
        assertThat(first.routesAfter()).isEqualTo(1);
        assertThat(first.beneficiaryContacts()).containsExactly(2, 4);
        assertThat(first.hopsBetween()).isEqualTo(-1);
        DisjointRoutes after = routes(TestGraphs.withEdge(g, 2, 1), bits(0), bits(2, 4));
        assertThat(after.count(0)).isZero();
        // Another region has no candidate.
        assertThat(new SuggestedTies(before, bits(1), new int[] {0, 0, 1, 1, 1}, Options.DEFAULTS).suggestions()).isEmpty();
    }

    @Test
    void applyingEachSuggestionRaisesTheTwoRouteCountOnRandomNetworks() {
        Random rnd = new Random(21);
        int checked = 0;
        for (int trial = 0; trial < 25; trial++) {
            int n = 20 + rnd.nextInt(40);
            CsrGraph g = TestGraphs.random(n, n + rnd.nextInt(n), rnd.nextLong());
            BitSet mandates = TestGraphs.randomSet(n, 0.08, rnd);
            BitSet atRisk = TestGraphs.randomSet(n, 0.3, rnd);
            BitSet consent = TestGraphs.randomSet(n, 0.6, rnd);
            int[] region = new int[n];
            for (int v = 0; v < n; v++) {
                region[v] = rnd.nextInt(3);
            }
            DisjointRoutes before = routes(g, mandates, atRisk);
            List<Suggestion> suggestions = new SuggestedTies(before, consent, region, Options.DEFAULTS).suggestions();
            for (int i = 1; i < suggestions.size(); i++) {
                assertThat(suggestions.get(i).beneficiaries()).isLessThanOrEqualTo(suggestions.get(i - 1).beneficiaries());
            }
            for (Suggestion s : suggestions) {
                assertThat(consent.get(s.candidate())).isTrue();
                assertThat(g.hasEdge(s.contact(), s.candidate())).isFalse();
                // Oracle: the two-augmentation flow per contact on the graph with the tie added.
                MandateReach after = new MandateReach(TestGraphs.withEdge(g, s.contact(), s.candidate()), mandates);
                assertThat(DisjointRoutes.routesOf(after, s.contact())).isEqualTo(s.routesAfter());
                List<Integer> rose = atRisk.stream()
                        .filter(x -> DisjointRoutes.routesOf(after, x) > before.routes(x)).boxed().toList();
                assertThat(s.beneficiaryContacts()).as("%s", s).isEqualTo(rose);
                assertThat(s.beneficiaries()).isEqualTo(rose.size());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }
}
