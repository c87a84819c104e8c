package org.civnet.referral.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.analysis.graph.CsrGraph;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Known graphs with NetworkX reference values, and random graphs against exhaustive enumeration. */
class ReferralReferenceTest {

    static final IntPredicate ANYONE = v -> true;

    static double[] unit(CsrGraph g) {
        double[] c = new double[g.edgeCount()];
        Arrays.fill(c, 1.0);
        return c;
    }

    static JsonNode karatePath(String source, String target) {
        for (JsonNode p : ReferenceData.json("karate").get("paths")) {
            if (p.get("source").asText().equals(source) && p.get("target").asText().equals(target)) {
                return p;
            }
        }
        throw new IllegalStateException("no reference path " + source + "->" + target);
    }

    @Test
    void karateKShortestMatchesNetworkxLengths() {
        CsrGraph g = ReferenceData.graph("karate");
        JsonNode ref = karatePath("0", "33").get("k_shortest_simple_paths_k5");
        List<ReferralPath> paths = new ReferralSearch(g, unit(g), ANYONE, 33).kShortest(0, 33, 5, false);
        List<Integer> expected = new ArrayList<>();
        ref.get("lengths").forEach(n -> expected.add(n.asInt()));
        assertThat(paths).extracting(ReferralPath::hops).isEqualTo(expected);
        for (ReferralPath p : paths) {
            assertValidPath(g, p, ANYONE, 33);
        }
    }

    /** NetworkX counts of simple paths with at most h edges; a hop-bounded Yen with large k must list them all. */
    @ParameterizedTest
    @ValueSource(strings = {"0,33,4", "0,33,5", "16,25,4", "16,25,5", "16,25,6"})
    void karateEnumeratesEverySimplePathWithinTheHopLimit(String spec) {
        String[] f = spec.split(",");
        int s = Integer.parseInt(f[0]);
        int t = Integer.parseInt(f[1]);
        int h = Integer.parseInt(f[2]);
        CsrGraph g = ReferenceData.graph("karate");
        JsonNode ref = karatePath(f[0], f[1]);
        int expected = ref.get("simple_path_counts").get("max_" + h + "_edges").asInt();
        List<ReferralPath> paths = new ReferralSearch(g, unit(g), ANYONE, h).kShortest(s, t, 10_000, false);
        assertThat(paths).hasSize(expected);
        Set<List<Integer>> distinct = new HashSet<>();
        for (int i = 0; i < paths.size(); i++) {
            ReferralPath p = paths.get(i);
            assertValidPath(g, p, ANYONE, h);
            distinct.add(Arrays.stream(p.nodes()).boxed().toList());
            if (i > 0) {
                assertThat(p.cost()).isGreaterThanOrEqualTo(paths.get(i - 1).cost());
            }
        }
        assertThat(distinct).hasSize(expected);
        assertThat(paths.get(0).hops()).isEqualTo(ref.get("shortest_path_length").asInt());
        long shortest = paths.stream().filter(p -> p.hops() == ref.get("shortest_path_length").asInt()).count();
        assertThat(shortest).isEqualTo(ref.get("n_shortest_paths").asLong());
    }

    @Test
    void karateBestToAllWithoutBindingHopLimitEqualsDijkstra() {
        CsrGraph g = ReferenceData.graph("karate");
        double[] cost = randomCosts(g, new Random(7));
        CsrGraph weighted = withWeights(g, cost);
        BestPaths best = new ReferralSearch(g, cost, ANYONE, 33).bestToAll(16);
        DijkstraShortestPath<Integer, DefaultWeightedEdge> dijkstra = new DijkstraShortestPath<>(weighted.asJGraphT());
        var tree = dijkstra.getPaths(16);
        for (int v = 0; v < g.vertexCount(); v++) {
            assertThat(best.cost(v)).as("cost to %d", v).isCloseTo(tree.getWeight(v), within(1e-9));
            ReferralPath p = best.pathTo(v).orElseThrow();
            assertValidPath(g, p, ANYONE, 33);
            assertThat(sum(p, cost)).isCloseTo(p.cost(), within(1e-9));
        }
    }

    /**
     * Random small graphs, random costs, some people not allowed: kShortest with a huge k must equal the
     * exhaustive list of simple paths within the hop limit, sorted by cost; bestToAll and why must agree.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomGraphsAgreeWithExhaustiveEnumeration(int seed) {
        Random rnd = new Random(seed);
        int n = 11;
        CsrGraph.Builder b = CsrGraph.builder(n);
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                if (rnd.nextDouble() < 0.3) {
                    b.addEdge(u, v);
                }
            }
        }
        CsrGraph g = b.build();
        double[] cost = randomCosts(g, rnd);
        boolean[] allowed = new boolean[n];
        for (int v = 0; v < n; v++) {
            allowed[v] = rnd.nextDouble() < 0.8;
        }
        IntPredicate rule = v -> allowed[v];
        for (int hops = 1; hops <= 4; hops++) {
            ReferralSearch search = new ReferralSearch(g, cost, rule, hops);
            for (int s = 0; s < n; s += 3) {
                BestPaths best = search.bestToAll(s);
                for (int t = 0; t < n; t++) {
                    if (t == s) {
                        continue;
                    }
                    List<ReferralPath> all = enumerate(g, cost, rule, hops, s, t);
                    all.sort(ReferralPath.BY_COST);
                    List<ReferralPath> yen = search.kShortest(s, t, 1000, false);
                    assertThat(yen).as("seed %d hops %d %d->%d", seed, hops, s, t).hasSize(all.size());
                    for (int i = 0; i < all.size(); i++) {
                        assertThat(yen.get(i).nodes()).isEqualTo(all.get(i).nodes());
                        assertThat(yen.get(i).cost()).isCloseTo(all.get(i).cost(), within(1e-9));
                    }
                    assertThat(search.why(s, t) == UnreachableReason.REACHABLE).isEqualTo(!all.isEmpty());
                    if (all.isEmpty()) {
                        // The reason, from the same enumeration without the rules and plain connectivity.
                        UnreachableReason expected = !enumerate(g, cost, v -> true, hops, s, t).isEmpty()
                                ? UnreachableReason.ONLY_THROUGH_DISALLOWED
                                : !enumerate(g, cost, v -> true, n, s, t).isEmpty()
                                ? UnreachableReason.NO_PATH_WITHIN_MAX_HOPS : UnreachableReason.NOT_CONNECTED;
                        assertThat(search.why(s, t)).as("seed %d hops %d %d->%d", seed, hops, s, t).isEqualTo(expected);
                    }
                    if (all.isEmpty()) {
                        assertThat(best.isReachable(t)).isFalse();
                    } else {
                        assertThat(best.cost(t)).isCloseTo(all.get(0).cost(), within(1e-9));
                        assertThat(best.pathTo(t).orElseThrow().nodes()).isEqualTo(all.get(0).nodes());
                    }
                    List<ReferralPath> disjoint = search.kShortest(s, t, 5, true);
                    assertDisjoint(disjoint);
                    if (!all.isEmpty()) {
                        assertThat(disjoint.get(0).nodes()).isEqualTo(all.get(0).nodes());
                    }
                    for (ReferralPath p : disjoint) {
                        assertValidPath(g, p, rule, hops);
                    }
                }
            }
        }
    }

    static void assertDisjoint(List<ReferralPath> paths) {
        Set<Integer> seen = new HashSet<>();
        Set<Integer> directEdges = new HashSet<>();
        for (ReferralPath p : paths) {
            for (int v : p.intermediaries()) {
                assertThat(seen.add(v)).as("intermediary %d shared", v).isTrue();
            }
            if (p.hops() == 1) {
                assertThat(directEdges.add(p.edgeIds()[0])).isTrue();
            }
        }
    }

    static void assertValidPath(CsrGraph g, ReferralPath p, IntPredicate rule, int maxHops) {
        int[] nodes = p.nodes();
        int[] edges = p.edgeIds();
        assertThat(Arrays.stream(nodes).distinct().count()).as("simple path").isEqualTo(nodes.length);
        assertThat(p.hops()).isLessThanOrEqualTo(maxHops);
        for (int i = 0; i < edges.length; i++) {
            assertThat(edges[i]).isEqualTo(g.edgeId(g.slotOf(nodes[i], nodes[i + 1])));
        }
        for (int v : p.intermediaries()) {
            assertThat(rule.test(v)).as("intermediary %d allowed", v).isTrue();
        }
    }

    static double sum(ReferralPath p, double[] cost) {
        return Arrays.stream(p.edgeIds()).mapToDouble(e -> cost[e]).sum();
    }

    static double[] randomCosts(CsrGraph g, Random rnd) {
        double[] c = new double[g.edgeCount()];
        for (int e = 0; e < c.length; e++) {
            c[e] = 1.0 + rnd.nextDouble() * 3.0;
        }
        return c;
    }

    static CsrGraph withWeights(CsrGraph g, double[] cost) {
        CsrGraph.Builder b = CsrGraph.builder(g.vertexCount());
        int[] uOf = new int[g.edgeCount()];
        int[] vOf = new int[g.edgeCount()];
        for (int u = 0; u < g.vertexCount(); u++) {
            for (int slot = g.offset(u); slot < g.offsetEnd(u); slot++) {
                uOf[g.edgeId(slot)] = u;
                vOf[g.edgeId(slot)] = g.target(slot);
            }
        }
        for (int e = 0; e < g.edgeCount(); e++) {
            b.addEdge(uOf[e], vOf[e], cost[e]);
        }
        return b.build();
    }

    /** Every simple path s..t with at most maxHops edges and allowed intermediaries, by depth-first search. */
    static List<ReferralPath> enumerate(CsrGraph g, double[] cost, IntPredicate rule, int maxHops, int s, int t) {
        List<ReferralPath> out = new ArrayList<>();
        int[] nodes = new int[maxHops + 1];
        int[] edges = new int[maxHops];
        boolean[] onPath = new boolean[g.vertexCount()];
        nodes[0] = s;
        onPath[s] = true;
        extend(g, cost, rule, maxHops, t, nodes, edges, onPath, 0, out);
        return out;
    }

    private static void extend(CsrGraph g, double[] cost, IntPredicate rule, int maxHops, int t, int[] nodes,
                               int[] edges, boolean[] onPath, int depth, List<ReferralPath> out) {
        int v = nodes[depth];
        if (v == t) {
            int[] e = Arrays.copyOf(edges, depth);
            double c = 0;
            for (int id : e) {
                c += cost[id];
            }
            out.add(new ReferralPath(Arrays.copyOf(nodes, depth + 1), e, c));
            return;
        }
        if (depth == maxHops || (depth > 0 && !rule.test(v))) {
            return;
        }
        for (int slot = g.offset(v); slot < g.offsetEnd(v); slot++) {
            int w = g.target(slot);
            if (!onPath[w]) {
                onPath[w] = true;
                nodes[depth + 1] = w;
                edges[depth] = g.edgeId(slot);
                extend(g, cost, rule, maxHops, t, nodes, edges, onPath, depth + 1, out);
                onPath[w] = false;
            }
        }
    }
}
