package org.civnet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.civnet.analysis.graph.CsrGraph;
import org.civnet.demo.DemoNetwork;
import org.civnet.network.NetworkDocument;
import org.civnet.domain.NodeLabel;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.GraphData;
import org.civnet.snapshot.NetworkSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's own plumbing: the peers must see exactly the graph civnet analysed, and the
 * statistics must be the ones the report names. (The benchmarks themselves are not tests.)
 */
class BenchSupportTest {

    @Test
    void demoDocumentBecomesTheColumnsTheSnapshotReaderWouldRead() {
        DemoNetwork network = DemoGraphs.generate(2000);
        NetworkDocument d = network.document();
        GraphData data = DemoGraphs.toGraphData(d);
        int nodes = d.contacts().size() + d.organisations().size() + d.mandates().size() + d.networks().size()
                + d.communications().size() + d.countryVisits().size() + d.trainings().size();
        assertThat(data.nodeCount()).isEqualTo(nodes);
        // Every generated tie joins two generated nodes, so none is dropped.
        assertThat(data.tieCount()).isEqualTo(d.ties().size());
        int contact = data.indexById().get(d.contacts().get(0).id());
        assertThat(data.labels()[contact]).isEqualTo(NodeLabel.Contact);
        assertThat(data.regions()[contact]).isNotNull();
        // About ten ties per contact, as the issues ask.
        assertThat(data.tieCount() / (double) d.contacts().size()).isBetween(8.0, 12.0);
        assertThat(DemoGraphs.rowCount(d)).isEqualTo(nodes + d.ties().size() + d.introductions().size());
    }

    @Test
    void theEdgeListHoldsEveryEdgeOnceByEdgeIdWithItsCost(@TempDir Path dir) throws Exception {
        CsrGraph graph = CsrGraph.parse(4, "0-1, 1-2, 2-0, 2-3, 3-2");
        double[] cost = {1.5, 2.0, 2.5, 3.0};
        Path file = dir.resolve("g.tsv");
        AnalysisBench.writeEdgeList(graph, cost, file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("# 4 4");
        assertThat(lines).hasSize(5);
        for (int e = 0; e < 4; e++) {
            String[] f = lines.get(e + 1).split(" ");
            int u = Integer.parseInt(f[0]);
            int v = Integer.parseInt(f[1]);
            assertThat(u).isLessThan(v);
            assertThat(graph.edgeId(graph.slotOf(u, v))).isEqualTo(e);
            assertThat(Double.parseDouble(f[2])).isEqualTo(cost[e]);
        }
        AnalysisBench.writeEdgeList(graph, null, file);
        assertThat(Files.readAllLines(file).get(1).split(" ")).hasSize(2);
    }

    @Test
    void theReferralScopeKeepsContactsOrganisationsAndMandatesOnly() {
        GraphData data = DemoGraphs.toGraphData(DemoGraphs.generate(2000).document());
        NetworkSnapshot s = NetworkSnapshot.of(data, AnalysisBench.REFERRAL_SCOPE);
        NetworkSnapshot all = NetworkSnapshot.of(data, AnalysisScope.all());
        assertThat(s.vertexCount()).isLessThan(all.vertexCount());
        for (int v = 0; v < s.vertexCount(); v++) {
            assertThat(s.label(v)).isIn(NodeLabel.Contact, NodeLabel.Organisation, NodeLabel.Mandate);
        }
        double[] cost = AnalysisBench.referralCosts(s, 20_000);
        assertThat(cost).hasSize(s.graph().edgeCount());
        assertThat(java.util.Arrays.stream(cost).min().orElseThrow()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void percentilesAreNearestRankAndTheMedianAveragesTheMiddlePair() {
        double[] values = {5, 1, 4, 2, 3, 10, 7, 6, 9, 8};
        assertThat(Timings.median(values)).isEqualTo(5.5);
        assertThat(Timings.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(Timings.percentile(values, 90)).isEqualTo(9);
        assertThat(Timings.percentile(values, 99)).isEqualTo(10);
        assertThat(Timings.percentile(values, 0)).isEqualTo(1);
    }

    @Test
    void topBreaksEqualScoresBySmallerVertex() {
        assertThat(AnalysisBench.top(new double[] {0.1, 0.5, 0.5, 0.9, 0.0}, 3)).containsExactly(3, 1, 2);
    }
}
