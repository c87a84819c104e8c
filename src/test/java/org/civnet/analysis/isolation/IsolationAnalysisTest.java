package org.civnet.analysis.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civnet.analysis.isolation.TestGraphs.bits;

import java.util.BitSet;
import java.util.List;

import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Test;

class IsolationAnalysisTest {

    @Test
    void rejectsNulls() {
        IsolationAnalysis.Input in = new IsolationAnalysis.Input(bits(), bits(), List.of(), bits(), null);
        assertThatThrownBy(() -> IsolationAnalysis.run(null, in, IsolationAnalysis.Options.DEFAULTS))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new IsolationAnalysis.Input(null, bits(), List.of(), bits(), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void karateWithMandateAtJohnA() {
        ReferenceGraphs.Reference karate = ReferenceGraphs.load("karate");
        CsrGraph g = karate.graph();
        BitSet atRisk = bits(4, 5, 11, 16, 20, 26);
        BitSet consent = new BitSet();
        consent.set(0, 34);
        var report = IsolationAnalysis.run(g,
                new IsolationAnalysis.Input(bits(33), atRisk, List.of(bits(4, 5, 6, 10, 16), bits(20, 26)), consent, null),
                IsolationAnalysis.Options.DEFAULTS);
        // 4, 5, 11 and 16 hang on Mr. Hi (0); 20 and 26 each have two routes to 33.
        assertThat(report.routes().fragile()).containsExactly(4, 5, 11, 16);
        assertThat(report.weakPoints().critical()).singleElement()
                .satisfies(c -> assertThat(c.atRiskCutOff()).isEqualTo(4));
        assertThat(report.groups().ranking().get(0).group()).isZero();
        assertThat(report.ties().suggestions()).isNotEmpty()
                .allSatisfy(s -> assertThat(report.routes().routes(s.contact())).isEqualTo(1));
        // 16's friends of friends (0, 4, 10) all sit in the pocket behind Mr. Hi or are Mr. Hi,
        // so only a wider search finds it a second route.
        assertThat(report.ties().suggestions()).extracting(SuggestedTies.Suggestion::contact)
                .contains(4, 5, 11).doesNotContain(16);
        var wider = new SuggestedTies(report.routes(), consent, null, new SuggestedTies.Options(3, 1, 20, 0));
        assertThat(wider.suggestions()).extracting(SuggestedTies.Suggestion::contact).contains(16);
        assertThat(wider.suggestions()).filteredOn(s -> s.contact() == 16).singleElement()
                .satisfies(s -> assertThat(s.hopsBetween()).isEqualTo(3));
    }
}
