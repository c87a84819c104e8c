package org.civnet.analysis.centrality;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Draws one shortest path uniformly at random among all shortest paths between two vertices, and
 * counts its interior vertices. One instance per thread; buffers are reused and only touched
 * entries are reset, so a sample costs what the search visits, not O(n).
 *
 * <p>Unweighted (hop counts): a balanced bidirectional breadth-first search, as in KADABRA (Borassi
 * &amp; Natale, ESA 2016, section 5): each step expands, by one whole level, the side whose frontier
 * has the smaller degree sum, and stops after the level in which the two balls first share a vertex.
 * If the new level of side A is at depth a and side B's ball reaches depth b, the distance is a + b
 * and every shortest path crosses exactly one vertex w of A's new level that B has reached, so
 * {@code sigma(s,t) = sum over such w of sigmaA(w) sigmaB(w)}. A path is drawn by picking w with
 * probability {@code sigmaA(w) sigmaB(w) / sigma(s,t)}, then walking back to each end choosing a
 * predecessor p of x with probability {@code sigma(p) / sigma(x)}: every shortest path has the same
 * probability {@code 1/sigma(s,t)}.
 *
 * <p>Weighted (edge length 1/weight, as {@link Betweenness}): a full Dijkstra search from s with
 * path counts, then the same backward walk from t.
 */
final class ShortestPathSampler {

    private final CsrGraph graph;
    private final ShortestPathSearch weighted;
    private final Side fromSource;
    private final Side fromTarget;
    /** Candidate meeting vertices of the last level. */
    private final int[] meeting;

    ShortestPathSampler(CsrGraph graph, double[] lengths) {
        this.graph = graph;
        int n = graph.vertexCount();
        if (lengths != null) {
            this.weighted = new ShortestPathSearch(graph, lengths);
            this.fromSource = null;
            this.fromTarget = null;
            this.meeting = null;
        } else {
            this.weighted = null;
            this.fromSource = new Side(n);
            this.fromTarget = new Side(n);
            this.meeting = new int[n];
        }
    }

    /**
     * Draws a uniform shortest s-t path ({@code s != t}) and adds 1 to {@code counts[v]} for each of
     * its interior vertices; adds nothing when t is unreachable from s.
     */
    void sample(int s, int t, SplittableRandom random, double[] counts) {
        if (weighted != null) {
            sampleWeighted(s, t, random, counts);
        } else {
            sampleBidirectional(s, t, random, counts);
        }
    }

    private void sampleBidirectional(int s, int t, SplittableRandom random, double[] counts) {
        Side a = fromSource;
        Side b = fromTarget;
        a.start(s, graph);
        b.start(t, graph);
        try {
            while (true) {
                if (a.frontierEmpty() || b.frontierEmpty()) {
                    return; // different components
                }
                Side grow = a.frontierDegree <= b.frontierDegree ? a : b;
                Side other = grow == a ? b : a;
                if (grow.expand(graph, other)) {
                    int w = pickMeeting(grow, other, random);
                    walkBack(grow, w, random, counts);
                    walkBack(other, w, random, counts);
                    if (w != s && w != t) {
                        counts[w] += 1.0;
                    }
                    return;
                }
            }
        } finally {
            a.reset();
            b.reset();
        }
    }

    /** A vertex of {@code grow}'s new level reached by {@code other}, with probability sigmaA sigmaB / sigma. */
    private int pickMeeting(Side grow, Side other, SplittableRandom random) {
        int count = 0;
        double total = 0.0;
        for (int i = grow.levelStart; i < grow.levelEnd; i++) {
            int w = grow.queue[i];
            if (other.dist[w] >= 0) {
                meeting[count++] = w;
                total += grow.sigma[w] * other.sigma[w];
            }
        }
        double target = random.nextDouble() * total;
        double sum = 0.0;
        for (int i = 0; i < count - 1; i++) {
            int w = meeting[i];
            sum += grow.sigma[w] * other.sigma[w];
            if (target < sum) {
                return w;
            }
        }
        return meeting[count - 1];
    }

    /** Walks from {@code from} back to {@code side}'s root, counting the vertices strictly between. */
    private void walkBack(Side side, int from, SplittableRandom random, double[] counts) {
        int x = from;
        while (side.dist[x] > 1) {
            x = side.pickPredecessor(graph, x, random);
            counts[x] += 1.0;
        }
    }

    private void sampleWeighted(int s, int t, SplittableRandom random, double[] counts) {
        ShortestPathSearch sp = weighted;
        sp.run(s, true);
        if (sp.dist[t] == Double.POSITIVE_INFINITY) {
            return;
        }
        int x = t;
        while (true) {
            double target = random.nextDouble() * sp.sigma[x];
            double sum = 0.0;
            int chosen = -1;
            for (int slot = graph.offset(x), end = graph.offsetEnd(x); slot < end; slot++) {
                int p = graph.target(slot);
                if (sp.isPredecessor(p, x, slot)) {
                    chosen = p;
                    sum += sp.sigma[p];
                    if (target < sum) {
                        break;
                    }
                }
            }
            x = chosen;
            if (x == s) {
                return;
            }
            counts[x] += 1.0;
        }
    }

    /** One direction of the bidirectional search: BFS levels kept in a queue. */
    private static final class Side {
        final int[] dist;
        final double[] sigma;
        final int[] queue;
        int levelStart;
        int levelEnd;
        int tail;
        long frontierDegree;

        Side(int n) {
            dist = new int[n];
            Arrays.fill(dist, -1);
            sigma = new double[n];
            queue = new int[n];
        }

        void start(int root, CsrGraph graph) {
            dist[root] = 0;
            sigma[root] = 1.0;
            queue[0] = root;
            levelStart = 0;
            levelEnd = 1;
            tail = 1;
            frontierDegree = graph.degree(root);
        }

        boolean frontierEmpty() {
            return levelStart == levelEnd;
        }

        /**
         * Adds the next level (with path counts) and returns true when one of its vertices was
         * already reached by {@code other}. The level is always completed, so its counts are whole.
         */
        boolean expand(CsrGraph graph, Side other) {
            boolean met = false;
            long degree = 0;
            int end = levelEnd;
            for (int i = levelStart; i < end; i++) {
                int x = queue[i];
                int next = dist[x] + 1;
                double sx = sigma[x];
                for (int slot = graph.offset(x), stop = graph.offsetEnd(x); slot < stop; slot++) {
                    int y = graph.target(slot);
                    if (dist[y] < 0) {
                        dist[y] = next;
                        sigma[y] = sx;
                        queue[tail++] = y;
                        degree += graph.degree(y);
                        met |= other.dist[y] >= 0;
                    } else if (dist[y] == next) {
                        sigma[y] += sx;
                    }
                }
            }
            levelStart = end;
            levelEnd = tail;
            frontierDegree = degree;
            return met;
        }

        /** A neighbour one level closer to the root, with probability sigma(p) / sigma(x). */
        int pickPredecessor(CsrGraph graph, int x, SplittableRandom random) {
            int want = dist[x] - 1;
            double target = random.nextDouble() * sigma[x];
            double sum = 0.0;
            int chosen = -1;
            for (int slot = graph.offset(x), end = graph.offsetEnd(x); slot < end; slot++) {
                int p = graph.target(slot);
                if (dist[p] == want) {
                    chosen = p;
                    sum += sigma[p];
                    if (target < sum) {
                        break;
                    }
                }
            }
            return chosen;
        }

        void reset() {
            for (int i = 0; i < tail; i++) {
                int v = queue[i];
                dist[v] = -1;
                sigma[v] = 0.0;
            }
            levelStart = 0;
            levelEnd = 0;
            tail = 0;
        }
    }
}
