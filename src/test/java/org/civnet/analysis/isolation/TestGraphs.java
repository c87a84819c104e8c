package org.civnet.analysis.isolation;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Random;

import org.civnet.analysis.graph.CsrGraph;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/** Small builders and slow, obviously correct oracles for the tests. */
final class TestGraphs {

    private TestGraphs() {
    }

    static BitSet bits(int... vertices) {
        BitSet b = new BitSet();
        for (int v : vertices) {
            b.set(v);
        }
        return b;
    }

    /** A random simple graph with about {@code m} edges (duplicates merge). */
    static CsrGraph random(int n, int m, long seed) {
        Random rnd = new Random(seed);
        CsrGraph.Builder b = CsrGraph.builder(n);
        for (int i = 0; i < m && n > 1; i++) {
            b.addEdge(rnd.nextInt(n), rnd.nextInt(n));
        }
        return b.build();
    }

    static BitSet randomSet(int n, double p, Random rnd) {
        BitSet b = new BitSet();
        for (int v = 0; v < n; v++) {
            if (rnd.nextDouble() < p) {
                b.set(v);
            }
        }
        return b;
    }

    /** A copy of {@code g} with one extra edge. */
    static CsrGraph withEdge(CsrGraph g, int u, int v) {
        CsrGraph.Builder b = CsrGraph.builder(g.vertexCount());
        for (int x = 0; x < g.vertexCount(); x++) {
            for (int y : g.neighbors(x)) {
                if (x < y) {
                    b.addEdge(x, y);
                }
            }
        }
        return b.addEdge(u, v).build();
    }

    /**
     * Vertices that reach a mandate when {@code removedVertex} (or -1) and the edge
     * {@code {ea, eb}} (or -1, -1) are deleted; plain BFS.
     */
    static BitSet reachable(CsrGraph g, BitSet mandates, int removedVertex, int ea, int eb) {
        BitSet seen = new BitSet();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int m = mandates.nextSetBit(0); m >= 0; m = mandates.nextSetBit(m + 1)) {
            if (m != removedVertex) {
                seen.set(m);
                queue.add(m);
            }
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int w : g.neighbors(v)) {
                boolean removedEdge = (v == ea && w == eb) || (v == eb && w == ea);
                if (w != removedVertex && !removedEdge && !seen.get(w)) {
                    seen.set(w);
                    queue.add(w);
                }
            }
        }
        return seen;
    }

    /** Vertices of {@code among} (not {@code v}) that reach a mandate now and not without v. */
    static int bruteCutOff(CsrGraph g, BitSet mandates, int v, BitSet among) {
        BitSet lost = reachable(g, mandates, -1, -1, -1);
        lost.andNot(reachable(g, mandates, v, -1, -1));
        lost.clear(v);
        lost.and(among);
        return lost.cardinality();
    }

    /**
     * Internally vertex-disjoint routes from s to the mandate set, capped at 2, by JGraphT's
     * Edmonds-Karp on the vertex-split network with all mandates wired to one sink.
     */
    static int bruteRoutes(CsrGraph g, BitSet mandates, int s) {
        if (mandates.get(s)) {
            return 2;
        }
        int n = g.vertexCount();
        int sink = 2 * n;
        Graph<Integer, DefaultWeightedEdge> net = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int i = 0; i <= sink; i++) {
            net.addVertex(i);
        }
        for (int v = 0; v < n; v++) {
            if (mandates.get(v)) {
                net.setEdgeWeight(net.addEdge(2 * v, sink), n);
            } else {
                net.setEdgeWeight(net.addEdge(2 * v, 2 * v + 1), v == s ? n : 1);
                for (int w : g.neighbors(v)) {
                    net.setEdgeWeight(net.addEdge(2 * v + 1, 2 * w), 1);
                }
            }
        }
        double flow = new EdmondsKarpMFImpl<>(net).getMaximumFlowValue(2 * s + 1, sink);
        return (int) Math.min(2, Math.round(flow));
    }
}
