package org.civnet.referral.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

import org.civnet.analysis.graph.CsrGraph;
import org.junit.jupiter.api.Test;

/** The per-snapshot {@link ReferralGraph} and the searches built on it, used on their own. */
class ReferralGraphTest {

    @Test
    void costsAreCopiedAndComponentsIgnoreTheRules() {
        CsrGraph g = CsrGraph.parse(4, "0-1, 2-3");
        double[] cost = {1.5, 2.0};
        ReferralGraph r = new ReferralGraph(g, cost);
        cost[0] = 99;
        assertThat(r.cost(0)).isEqualTo(1.5);
        assertThat(r.connected(0, 1)).isTrue();
        assertThat(r.connected(1, 2)).isFalse();
        assertThat(r.vertexCount()).isEqualTo(4);
        assertThatThrownBy(() -> r.cost(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void eachSearchTakesTheRuleAsAPredicate() {
        // 0-1-4 and 0-2-3-4; 1 may not introduce.
        ReferralGraph r = new ReferralGraph(CsrGraph.parse(5, "0-1, 1-4, 0-2, 2-3, 3-4"), new double[] {1, 1, 1, 1, 1});
        IntPredicate notOne = v -> v != 1;
        assertThat(new KShortestPaths(r, notOne, 3).paths(0, 4, 3)).extracting(ReferralPath::hops).containsExactly(3);
        assertThat(new DisjointPaths(r, v -> true, 3).paths(0, 4, 3)).hasSize(2);
        assertThat(new HopLayers(r, notOne, 3).bestToAll(0).hops(4)).isEqualTo(3);
        assertThat(new UnreachableReasons(r, notOne, 2).why(0, 4)).isEqualTo(UnreachableReason.ONLY_THROUGH_DISALLOWED);
        assertThat(new ReachabilitySearch(r, notOne).reachability(0, v -> v == 4, 3).reachableCount()).isEqualTo(1);
        assertThatThrownBy(() -> new KShortestPaths(r, null, 3)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new UnreachableReasons(r, notOne, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentQueriesOnOneSearchAgreeWithSequentialOnes() throws Exception {
        Random rnd = new Random(11);
        int n = 300;
        CsrGraph.Builder b = CsrGraph.builder(n);
        for (int i = 0; i < 1200; i++) {
            b.addEdge(rnd.nextInt(n), rnd.nextInt(n));
        }
        CsrGraph g = b.build();
        double[] cost = new double[g.edgeCount()];
        for (int e = 0; e < cost.length; e++) {
            cost[e] = 1 + rnd.nextDouble();
        }
        ReferralSearch search = new ReferralSearch(g, cost, v -> v % 7 != 0, 4);
        int[][] pairs = new int[200][];
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new int[] {rnd.nextInt(n), rnd.nextInt(n)};
            expected.add(answer(search, pairs[i], i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < pairs.length; i++) {
                int at = i;
                futures.add(pool.submit(() -> answer(search, pairs[at], at)));
            }
            for (int i = 0; i < pairs.length; i++) {
                assertThat(futures.get(i).get()).as("pair %d", i).isEqualTo(expected.get(i));
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A mix of every query kind, with hop limits that make the pooled scratch change its stride. */
    private static Object answer(ReferralSearch search, int[] pair, int i) {
        return switch (i % 4) {
            case 0 -> search.kShortest(pair[0], pair[1], 3, false);
            case 1 -> search.kShortest(pair[0], pair[1], 3, true);
            case 2 -> List.of(search.why(pair[0], pair[1]), search.bestToAll(pair[0]).pathTo(pair[1]));
            default -> new ReferralSearch(search.graph(), v -> v % 5 != 0, 2 + i % 3)
                    .reachability(pair[0], v -> v % 3 == 0, 3);
        };
    }
}
