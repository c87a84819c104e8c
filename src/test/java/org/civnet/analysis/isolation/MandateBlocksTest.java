package org.civnet.analysis.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civnet.analysis.isolation.TestGraphs.bits;

import java.util.BitSet;
import java.util.List;
import java.util.Random;

import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Test;

class MandateBlocksTest {

    @Test
    void twoTiesToTwoMandatesAreABlockOfTheirOwn() {
        // 0 tied to mandates 1 and 2: two parallel edges to omega in the contracted graph.
        MandateBlocks b = new MandateBlocks(new MandateReach(CsrGraph.parse(4, "0-1, 0-2, 0-3"), bits(1, 2)));
        assertThat(b.safe(0)).isTrue();
        assertThat(b.safe(3)).isFalse();
        assertThat(b.safe(1)).isTrue();
    }

    @Test
    void unreachedVerticesAreNeverSafeNorGain() {
        MandateBlocks b = new MandateBlocks(new MandateReach(CsrGraph.parse(4, "0-1, 2-3"), bits(0)));
        assertThat(b.safe(2)).isFalse();
        assertThat(b.gain(2, 1, bits(2), b.blockCounts(bits(2)))).isEqualTo(-1);
    }

    @Test
    void tieAcrossThePocketMergesTheChain() {
        // 0(M) - 1 - 2 - 3 - 4 path, plus 4 - 5 - 6 - 4 triangle at the end.
        MandateReach reach = new MandateReach(CsrGraph.parse(7, "0-1, 1-2, 2-3, 3-4, 4-5, 5-6, 6-4"), bits(0));
        MandateBlocks b = new MandateBlocks(reach);
        BitSet all = bits(1, 2, 3, 4, 5, 6);
        int[] counts = b.blockCounts(all);
        // Tie 5-1: blocks {5,6,4}, {4,3}, {3,2}, {2,1} merge; 1 stays behind the tie 0-1.
        assertThat(b.gain(5, 1, all, counts)).isEqualTo(-1);
        // Tie 5-0 (to the mandate): everything on the way gains.
        assertThat(b.gain(5, 0, all, counts)).isEqualTo(6);
        assertThat(b.gainers(5, 0, all)).containsExactly(1, 2, 3, 4, 5, 6);
        // Tie 3-0: 1, 2, 3 gain; 4 still hangs on 3, and 5, 6 on 4.
        assertThat(b.gainers(3, 0, all)).containsExactly(1, 2, 3);
    }

    @Test
    void safeMatchesFlowAndGainMatchesRebuiltGraphs() {
        // Oracle: JGraphT's Edmonds-Karp on the vertex-split network, before and after the tie.
        Random rnd = new Random(17);
        int gains = 0;
        int refusals = 0;
        for (int trial = 0; trial < 40; trial++) {
            int n = 3 + rnd.nextInt(22);
            CsrGraph g = TestGraphs.random(n, n / 2 + rnd.nextInt(2 * n), rnd.nextLong());
            BitSet mandates = TestGraphs.randomSet(n, 0.12, rnd);
            MandateReach reach = new MandateReach(g, mandates);
            MandateBlocks blocks = new MandateBlocks(reach);
            int[] before = new int[n];
            BitSet oneRoute = new BitSet();
            for (int v = 0; v < n; v++) {
                before[v] = TestGraphs.bruteRoutes(g, mandates, v);
                assertThat(blocks.routes(v)).as("trial %d vertex %d", trial, v).isEqualTo(before[v]);
                assertThat(blocks.safe(v)).isEqualTo(before[v] == 2);
                if (before[v] == 1) {
                    oneRoute.set(v);
                }
            }
            int[] counts = blocks.blockCounts(oneRoute);
            List<Integer> fragile = oneRoute.stream().boxed().toList();
            for (int k = 0; k < 12 && !fragile.isEmpty(); k++) {
                int u = fragile.get(rnd.nextInt(fragile.size()));
                int v = rnd.nextInt(n);
                if (u == v || g.hasEdge(u, v) || !reach.isReachable(v)) {
                    continue;
                }
                CsrGraph tied = TestGraphs.withEdge(g, u, v);
                List<Integer> rose = oneRoute.stream()
                        .filter(x -> TestGraphs.bruteRoutes(tied, mandates, x) == 2).boxed().toList();
                int gain = blocks.gain(u, v, oneRoute, counts);
                if (rose.contains(u)) {
                    assertThat(gain).as("trial %d tie %d-%d", trial, u, v).isEqualTo(rose.size());
                    assertThat(blocks.gainers(u, v, oneRoute)).isEqualTo(rose);
                    gains++;
                } else {
                    assertThat(gain).as("trial %d tie %d-%d", trial, u, v).isEqualTo(-1);
                    refusals++;
                }
            }
        }
        assertThat(gains).isGreaterThan(20);
        assertThat(refusals).as("gains %d", gains).isGreaterThan(10);
    }
}
