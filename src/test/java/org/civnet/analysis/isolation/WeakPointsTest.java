package org.civnet.analysis.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civnet.analysis.isolation.TestGraphs.bits;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.civnet.analysis.graph.CsrGraph;
import org.civnet.analysis.graph.GraphLadder;
import org.civnet.analysis.isolation.WeakPoints.Bridge;
import org.civnet.analysis.isolation.WeakPoints.CutVertex;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.junit.jupiter.api.Test;

class WeakPointsTest {

    private static WeakPoints weak(int n, String edges, BitSet mandates, BitSet atRisk) {
        return new WeakPoints(new MandateReach(CsrGraph.parse(n, edges), mandates), atRisk);
    }

    @Test
    void rejectsNulls() {
        MandateReach r = new MandateReach(CsrGraph.parse(1, ""), bits());
        assertThatThrownBy(() -> new WeakPoints(null, bits())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WeakPoints(r, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WeakPoints(r, bits(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyGraphAndOneVertex() {
        WeakPoints empty = weak(0, "", bits(), bits());
        assertThat(empty.cutVertices()).isEmpty();
        assertThat(empty.bridges()).isEmpty();
        WeakPoints one = weak(1, "", bits(0), bits(0));
        assertThat(one.cutVertices()).isEmpty();
        assertThat(one.hangsByThread(0)).isFalse();
        assertThat(one.cutOffCounts(bits(0))).containsExactly(0);
    }

    @Test
    void oneEdgeIsABridge() {
        WeakPoints w = weak(2, "0-1", bits(0), bits(1));
        assertThat(w.cutVertices()).isEmpty();
        assertThat(w.bridges()).containsExactly(new Bridge(0, 1, 0, 1, 1));
        assertThat(w.hangsByThread(1)).isTrue();
        assertThat(w.hangsByThread(0)).as("a mandate never hangs").isFalse();
    }

    @Test
    void pathCutsEverythingBeyondEachVertex() {
        // 0(M) - 1 - 2 - 3; at risk: 2 and 3.
        WeakPoints w = weak(4, "0-1, 1-2, 2-3", bits(0), bits(2, 3));
        assertThat(w.cutVertices()).containsExactly(
                new CutVertex(1, false, 2, 2),
                new CutVertex(2, false, 1, 1));
        assertThat(w.bridges()).extracting(Bridge::u, Bridge::v, Bridge::atRiskCutOff, Bridge::verticesCutOff)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 1, 2, 3),
                        org.assertj.core.groups.Tuple.tuple(1, 2, 2, 2),
                        org.assertj.core.groups.Tuple.tuple(2, 3, 1, 1));
        assertThat(w.cutOffBy(1, bits(0, 1, 2, 3))).containsExactly(2, 3);
        assertThat(w.threads()).isEqualTo(bits(1, 2, 3));
    }

    @Test
    void starHubCutsTheLeavesFromAMandateOnALeaf() {
        // hub 0, leaves 1..4, mandate on leaf 1, at risk: 2 and 3.
        WeakPoints w = weak(5, "0-1, 0-2, 0-3, 0-4", bits(1), bits(2, 3));
        assertThat(w.cutVertices()).containsExactly(new CutVertex(0, false, 2, 3));
        assertThat(w.critical()).extracting(CutVertex::vertex).containsExactly(0);
        assertThat(w.cutOffBy(0, bits(2, 3))).containsExactly(2, 3);
        // The mandate's own tie cuts off the hub and all the other leaves.
        assertThat(w.bridges().get(0)).isEqualTo(new Bridge(0, 1, 0, 2, 4));
        assertThat(w.bridges()).hasSize(4);
        assertThat(w.criticalBridges()).extracting(Bridge::v).containsExactly(1, 2, 3);
    }

    @Test
    void twoTrianglesJoinedByABridge() {
        // Triangles {0,1,2} and {3,4,5}, bridge 2-3; mandate 0; at risk 4 and 5.
        String edges = "0-1, 1-2, 2-0, 2-3, 3-4, 4-5, 5-3";
        WeakPoints w = weak(6, edges, bits(0), bits(4, 5));
        assertThat(w.cutVertices()).containsExactly(
                new CutVertex(2, false, 2, 3),
                new CutVertex(3, false, 2, 2));
        assertThat(w.bridges()).containsExactly(new Bridge(2, 3, 3, 2, 3));
        assertThat(w.threads()).isEqualTo(bits(3, 4, 5));
        // With a mandate on each side nobody hangs by a thread, though 2 and 3 still cut the graph.
        WeakPoints both = weak(6, edges, bits(0, 5), bits(4));
        assertThat(both.cutVertices()).extracting(CutVertex::vertex).containsExactly(2, 3);
        assertThat(both.cutVertices()).allSatisfy(c -> assertThat(c.verticesCutOff()).isZero());
        assertThat(both.threads().isEmpty()).isTrue();
    }

    @Test
    void mandateArticulationPointIsAWhatIfOnly() {
        // 1 - 0(M) - 2: removing the only mandate cuts both, but mandates are not failure points.
        WeakPoints w = weak(3, "0-1, 0-2", bits(0), bits(1, 2));
        assertThat(w.cutVertices()).containsExactly(new CutVertex(0, true, 2, 2));
        assertThat(w.critical()).isEmpty();
        // Each tie to the mandate is still a bridge the person hangs on.
        assertThat(w.threads()).isEqualTo(bits(1, 2));
    }

    @Test
    void unreachedComponentsLoseNothing() {
        // 0(M)-1 and an unreached path 2-3-4 with everyone at risk.
        WeakPoints w = weak(5, "0-1, 2-3, 3-4", bits(0), bits(1, 2, 3, 4));
        assertThat(w.cutVertices()).containsExactly(new CutVertex(3, false, 0, 0));
        assertThat(w.hangsByThread(2)).isFalse();
        assertThat(w.hangsByThread(1)).isTrue();
    }

    @Test
    void referenceArticulationPointsAndBridges() {
        for (String name : List.of("karate", "kite")) {
            ReferenceGraphs.Reference ref = ReferenceGraphs.load(name);
            WeakPoints w = new WeakPoints(new MandateReach(ref.graph(), bits(0)), bits());
            Set<Integer> aps = new HashSet<>();
            ref.json().get("articulation_points").forEach(a -> aps.add(ref.vertex(a.asText())));
            assertThat(w.cutVertices()).extracting(CutVertex::vertex).as(name)
                    .containsExactlyInAnyOrderElementsOf(aps);
            Set<List<Integer>> bridges = new HashSet<>();
            ref.json().get("bridges").forEach(b -> {
                int u = ref.vertex(b.get(0).asText());
                int v = ref.vertex(b.get(1).asText());
                bridges.add(List.of(Math.min(u, v), Math.max(u, v)));
            });
            assertThat(w.bridges()).extracting(b -> List.of(b.u(), b.v())).as(name)
                    .containsExactlyInAnyOrderElementsOf(bridges);
        }
    }

    @Test
    void karateMrHiCutsOffActor12() {
        // Mandate at John A. (33), actor 12 (index 11) at risk: its only tie is to Mr. Hi (0).
        // networkx: G.remove_node(0) leaves {4, 5, 6, 10, 16} and {11} without node 33: 6 cut off.
        ReferenceGraphs.Reference karate = ReferenceGraphs.load("karate");
        WeakPoints w = new WeakPoints(new MandateReach(karate.graph(), bits(33)), bits(11));
        assertThat(w.critical()).containsExactly(new CutVertex(0, false, 1, 6));
        assertThat(w.cutOffBy(0, TestGraphs.bits(0, 4, 5, 6, 10, 11, 16, 33))).containsExactly(4, 5, 6, 10, 11, 16);
        assertThat(w.criticalBridges()).extracting(Bridge::u, Bridge::v)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 11));
    }

    @Test
    void agreesWithBruteForceAndJGraphTOnRandomGraphs() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 60; trial++) {
            int n = 2 + rnd.nextInt(30);
            CsrGraph g = TestGraphs.random(n, rnd.nextInt(2 * n), rnd.nextLong());
            BitSet mandates = TestGraphs.randomSet(n, 0.15, rnd);
            BitSet atRisk = TestGraphs.randomSet(n, 0.4, rnd);
            WeakPoints w = new WeakPoints(new MandateReach(g, mandates), atRisk);

            BiconnectivityInspector<Integer, org.jgrapht.graph.DefaultWeightedEdge> inspector = new BiconnectivityInspector<>(g.asJGraphT());
            assertThat(w.cutVertices()).extracting(CutVertex::vertex)
                    .containsExactlyInAnyOrderElementsOf(inspector.getCutpoints());
            List<List<Integer>> jBridges = new ArrayList<>();
            for (var e : inspector.getBridges()) {
                int a = g.asJGraphT().getEdgeSource(e);
                int b = g.asJGraphT().getEdgeTarget(e);
                jBridges.add(List.of(Math.min(a, b), Math.max(a, b)));
            }
            assertThat(w.bridges()).extracting(b -> List.of(b.u(), b.v()))
                    .containsExactlyInAnyOrderElementsOf(jBridges);

            BitSet all = new BitSet();
            all.set(0, n);
            int[] atRiskCut = w.cutOffCounts(atRisk);
            int[] allCut = w.cutOffCounts(all);
            BitSet before = TestGraphs.reachable(g, mandates, -1, -1, -1);
            BitSet thread = new BitSet();
            for (int v = 0; v < n; v++) {
                assertThat(atRiskCut[v]).isEqualTo(TestGraphs.bruteCutOff(g, mandates, v, atRisk));
                assertThat(allCut[v]).isEqualTo(TestGraphs.bruteCutOff(g, mandates, v, all));
                BitSet lost = (BitSet) before.clone();
                lost.andNot(TestGraphs.reachable(g, mandates, v, -1, -1));
                lost.clear(v);
                assertThat(w.cutOffBy(v, all)).containsExactlyElementsOf(lost.stream().boxed().toList());
                if (!mandates.get(v)) {
                    thread.or(lost);
                }
            }
            for (Bridge b : w.bridges()) {
                BitSet lost = (BitSet) before.clone();
                lost.andNot(TestGraphs.reachable(g, mandates, -1, b.u(), b.v()));
                assertThat(b.verticesCutOff()).isEqualTo(lost.cardinality());
                lost.and(atRisk);
                assertThat(b.atRiskCutOff()).isEqualTo(lost.cardinality());
                BitSet all2 = TestGraphs.reachable(g, mandates, -1, -1, -1);
                all2.andNot(TestGraphs.reachable(g, mandates, -1, b.u(), b.v()));
                thread.or(all2);
            }
            thread.andNot(mandates);
            assertThat(w.threads()).as("trial %d", trial).isEqualTo(thread);
        }
    }

    @Test
    void deepPathDoesNotOverflowTheStack() {
        int n = 100_000;
        WeakPoints w = new WeakPoints(new MandateReach(GraphLadder.path(n), bits(0)), bits(n - 1));
        assertThat(w.cutVertices()).hasSize(n - 2);
        assertThat(w.bridges()).hasSize(n - 1);
        assertThat(w.critical()).hasSize(n - 2);
        assertThat(w.cutVertices().get(0).verticesCutOff()).isEqualTo(n - 2);
    }
}
