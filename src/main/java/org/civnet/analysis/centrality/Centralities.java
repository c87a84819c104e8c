package org.civnet.analysis.centrality;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import org.civnet.analysis.graph.CsrGraph;
import org.jgrapht.alg.scoring.Coreness;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Vertex centralities of an undirected {@link CsrGraph}, each returned as a fresh {@code double[]}
 * indexed by vertex, with NetworkX 2.8's definitions and defaults so values can be checked against
 * it (reference values: {@code src/test/resources/reference}).
 *
 * <p>Where weights are used, a weight is a tie strength: path-based metrics (closeness, harmonic,
 * betweenness) use edge length {@code 1/weight}; PageRank, eigenvector, degree (strength) and clustering
 * use the weight itself. On an empty graph every metric returns an empty array.
 *
 * <table>
 *   <caption>Metrics, definitions and costs</caption>
 *   <tr><th>metric</th><th>definition</th><th>cost</th></tr>
 *   <tr><td>degree</td><td>{@code deg(v)/(n-1)} ({@code degree_centrality}; 1 for every vertex when n &le; 1);
 *       raw: {@code deg(v)}; weighted: strength, divided by n-1 when normalised (a civnet extension)</td>
 *       <td>O(n + m)</td></tr>
 *   <tr><td>closeness</td><td>{@code (r-1)/sum d(v,u) * (r-1)/(n-1)} over the r vertices reachable from v
 *       (Wasserman-Faust improved, {@code closeness_centrality(wf_improved=True)}); 0 when r = 1</td>
 *       <td>O(nm), O(nm log n) weighted; parallel</td></tr>
 *   <tr><td>harmonic</td><td>{@code sum over u != v of 1/d(v,u)} ({@code harmonic_centrality}, 1/inf = 0);
 *       normalised: divided by n-1 (igraph's convention)</td><td>as closeness</td></tr>
 *   <tr><td>PageRank</td><td>power iteration {@code x = alpha (x P + dangling mass/n) + (1-alpha)/n},
 *       alpha 0.85, stop when {@code |x - x_prev|_1 < n * 1e-6}, at most 100 iterations
 *       ({@code pagerank}); dangling (isolated) vertices spread their mass uniformly</td>
 *       <td>O(m) per iteration</td></tr>
 *   <tr><td>eigenvector</td><td>power iteration on {@code A + I} from the uniform vector, L2-normalised,
 *       stop when {@code |x - x_prev|_1 < n * 1e-6}, at most 100 iterations
 *       ({@code eigenvector_centrality})</td><td>O(m) per iteration</td></tr>
 *   <tr><td>coreness</td><td>largest k such that v is in the k-core ({@code core_number}); JGraphT's
 *       {@link Coreness}, which gives the same numbers</td><td>O(n + m)</td></tr>
 *   <tr><td>clustering</td><td>{@code 2T(v)/(deg(v)(deg(v)-1))}, 0 when deg &lt; 2; weighted: the sum over
 *       triangles of the cube root of the product of the three weights divided by the graph's
 *       maximum weight, in place of T ({@code clustering}, Onnela et al. 2005)</td>
 *       <td>O(sum of deg(u) over edges), parallel</td></tr>
 * </table>
 *
 * <p>Disconnected graphs: closeness is scaled by the reachable fraction, harmonic simply sums over
 * reachable vertices. Eigenvector centrality behaves as NetworkX's: the uniform start vector is iterated
 * on the whole graph, so the component(s) with the largest spectral radius take almost all of the mass
 * and the others decay towards (but, within the iteration budget, not exactly to) 0; components with the
 * same spectral radius share it. Read eigenvector values across components with care. PageRank and
 * eigenvector throw {@link IllegalStateException} when they do not converge in 100 iterations, as
 * NetworkX raises {@code PowerIterationFailedConvergence}.
 *
 * <p>References: L. C. Freeman, Social Networks 1:215-239, 1979 (degree, closeness); S. Wasserman and
 * K. Faust, Social Network Analysis, 1994; M. Marchiori and V. Latora, Physica A 285:539-546, 2000
 * (harmonic); S. Brin and L. Page, 1998 (PageRank); P. Bonacich, J. Math. Sociol. 2:113-120, 1972
 * (eigenvector); V. Batagelj and M. Zaversnik, arXiv cs/0310049, 2003 (cores); D. J. Watts and
 * S. Strogatz, Nature 393:440-442, 1998 and J.-P. Onnela et al., Phys. Rev. E 71:065103, 2005 (clustering).
 */
public final class Centralities {

    /** NetworkX's PageRank damping factor. */
    public static final double PAGERANK_ALPHA = 0.85;
    /** NetworkX's per-vertex tolerance for the power iterations. */
    public static final double TOLERANCE = 1e-6;
    /** NetworkX's iteration budget for the power iterations. */
    public static final int MAX_ITERATIONS = 100;

    private Centralities() {
    }

    /** {@link #compute(CsrGraph, CentralityMetric, boolean, boolean, int)} on all processors. */
    public static double[] compute(CsrGraph graph, CentralityMetric metric, boolean normalized, boolean weighted) {
        return compute(graph, metric, normalized, weighted, 0);
    }

    /**
     * One metric for every vertex.
     *
     * @param normalized used by the metrics whose {@link CentralityMetric#isNormalizable()} is true
     * @param weighted   use edge weights as tie strengths; an error for a metric without a weighted variant
     * @param threads    worker threads for the per-source metrics, 0 for all processors
     */
    public static double[] compute(CsrGraph graph, CentralityMetric metric, boolean normalized, boolean weighted,
                                   int threads) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(metric, "metric");
        if (weighted && !metric.isWeightable()) {
            throw new IllegalArgumentException(metric + " has no weighted variant");
        }
        return switch (metric) {
            case DEGREE -> degree(graph, normalized, weighted);
            case BETWEENNESS -> new Betweenness(graph, Betweenness.Options.defaults()
                    .withNormalized(normalized).withWeighted(weighted).withThreads(threads)).scores();
            case CLOSENESS -> closeness(graph, weighted, threads);
            case HARMONIC -> harmonic(graph, normalized, weighted, threads);
            case PAGERANK -> pageRank(graph, weighted, PAGERANK_ALPHA, TOLERANCE, MAX_ITERATIONS);
            case EIGENVECTOR -> eigenvector(graph, weighted, TOLERANCE, MAX_ITERATIONS);
            case CORENESS -> coreness(graph);
            case CLUSTERING -> clustering(graph, weighted, threads);
        };
    }

    /** Degree centrality, or strength when weighted. */
    public static double[] degree(CsrGraph graph, boolean normalized, boolean weighted) {
        Objects.requireNonNull(graph, "graph");
        int n = graph.vertexCount();
        double[] out = new double[n];
        for (int v = 0; v < n; v++) {
            out[v] = weighted ? strength(graph, v) : graph.degree(v);
        }
        if (normalized) {
            if (n <= 1) {
                Arrays.fill(out, 1.0);
            } else {
                double scale = 1.0 / (n - 1.0);
                for (int v = 0; v < n; v++) {
                    out[v] *= scale;
                }
            }
        }
        return out;
    }

    /** Closeness centrality (Wasserman-Faust improved), over edge lengths 1/weight when weighted. */
    public static double[] closeness(CsrGraph graph, boolean weighted, int threads) {
        Objects.requireNonNull(graph, "graph");
        int n = graph.vertexCount();
        double[] out = new double[n];
        double[] lengths = weighted && graph.isWeighted() ? ShortestPathSearch.inverseWeightLengths(graph) : null;
        ParallelSweep.forEach(n, ParallelSweep.resolveThreads(threads),
                () -> new ShortestPathSearch(graph, lengths), (s, search, unused) -> {
                    search.run(s, false);
                    double total = 0.0;
                    for (int i = 1; i < search.reached; i++) {
                        total += distance(search, search.order[i]);
                    }
                    int others = search.reached - 1;
                    out[s] = total > 0.0 && n > 1 ? (others / total) * (others / (n - 1.0)) : 0.0;
                });
        return out;
    }

    /** Harmonic centrality, over edge lengths 1/weight when weighted; normalised divides by n-1. */
    public static double[] harmonic(CsrGraph graph, boolean normalized, boolean weighted, int threads) {
        Objects.requireNonNull(graph, "graph");
        int n = graph.vertexCount();
        double[] out = new double[n];
        double[] lengths = weighted && graph.isWeighted() ? ShortestPathSearch.inverseWeightLengths(graph) : null;
        double scale = normalized && n > 1 ? 1.0 / (n - 1.0) : 1.0;
        ParallelSweep.forEach(n, ParallelSweep.resolveThreads(threads),
                () -> new ShortestPathSearch(graph, lengths), (s, search, unused) -> {
                    search.run(s, false);
                    double sum = 0.0;
                    for (int i = 1; i < search.reached; i++) {
                        sum += 1.0 / distance(search, search.order[i]);
                    }
                    out[s] = sum * scale;
                });
        return out;
    }

    private static double distance(ShortestPathSearch search, int v) {
        return search.weighted() ? search.dist[v] : search.hops[v];
    }

    /**
     * PageRank as NetworkX's {@code pagerank} (uniform teleport and dangling distribution).
     *
     * @throws IllegalStateException if it has not converged after {@code maxIterations}
     */
    public static double[] pageRank(CsrGraph graph, boolean weighted, double alpha, double tolerance,
                                    int maxIterations) {
        Objects.requireNonNull(graph, "graph");
        int n = graph.vertexCount();
        if (n == 0) {
            return new double[0];
        }
        double[] inverseStrength = new double[n];
        for (int v = 0; v < n; v++) {
            double s = weighted ? strength(graph, v) : graph.degree(v);
            inverseStrength[v] = s == 0.0 ? 0.0 : 1.0 / s;
        }
        double[] x = new double[n];
        Arrays.fill(x, 1.0 / n);
        double[] previous = new double[n];
        double teleport = (1.0 - alpha) / n;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double[] swap = previous;
            previous = x;
            x = swap;
            double dangling = 0.0;
            for (int v = 0; v < n; v++) {
                if (inverseStrength[v] == 0.0) {
                    dangling += previous[v];
                }
            }
            double danglingShare = dangling / n;
            double error = 0.0;
            for (int v = 0; v < n; v++) {
                double in = 0.0;
                for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                    int u = graph.target(s);
                    double w = weighted ? graph.weight(s) : 1.0;
                    in += previous[u] * w * inverseStrength[u];
                }
                x[v] = alpha * (in + danglingShare) + teleport;
                error += Math.abs(x[v] - previous[v]);
            }
            if (error < n * tolerance) {
                return x;
            }
        }
        throw new IllegalStateException("PageRank did not converge in " + maxIterations + " iterations");
    }

    /**
     * Eigenvector centrality as NetworkX's {@code eigenvector_centrality} (power iteration on A + I).
     *
     * @throws IllegalStateException if it has not converged after {@code maxIterations}
     */
    public static double[] eigenvector(CsrGraph graph, boolean weighted, double tolerance, int maxIterations) {
        Objects.requireNonNull(graph, "graph");
        int n = graph.vertexCount();
        if (n == 0) {
            return new double[0];
        }
        double[] x = new double[n];
        Arrays.fill(x, 1.0 / n);
        double[] previous = new double[n];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double[] swap = previous;
            previous = x;
            x = swap;
            double squares = 0.0;
            for (int v = 0; v < n; v++) {
                double sum = previous[v];
                for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                    sum += previous[graph.target(s)] * (weighted ? graph.weight(s) : 1.0);
                }
                x[v] = sum;
                squares += sum * sum;
            }
            double norm = Math.sqrt(squares);
            if (norm == 0.0) {
                norm = 1.0;
            }
            double error = 0.0;
            for (int v = 0; v < n; v++) {
                x[v] /= norm;
                error += Math.abs(x[v] - previous[v]);
            }
            if (error < n * tolerance) {
                return x;
            }
        }
        throw new IllegalStateException("eigenvector centrality did not converge in " + maxIterations
                + " iterations");
    }

    /** Core number of each vertex (JGraphT's {@link Coreness}, checked against NetworkX). */
    public static double[] coreness(CsrGraph graph) {
        Objects.requireNonNull(graph, "graph");
        Map<Integer, Integer> cores = new Coreness<Integer, DefaultWeightedEdge>(graph.asJGraphT()).getScores();
        double[] out = new double[graph.vertexCount()];
        for (int v = 0; v < out.length; v++) {
            out[v] = cores.get(v);
        }
        return out;
    }

    /** Local clustering coefficient; weighted: NetworkX's geometric-mean variant. */
    public static double[] clustering(CsrGraph graph, boolean weighted, int threads) {
        Objects.requireNonNull(graph, "graph");
        int n = graph.vertexCount();
        double[] out = new double[n];
        double maxWeight = 0.0;
        for (int s = 0, slots = n == 0 ? 0 : graph.offsetEnd(n - 1); s < slots; s++) {
            maxWeight = Math.max(maxWeight, graph.weight(s));
        }
        double scale = weighted && maxWeight > 0 ? 1.0 / maxWeight : 1.0;
        ParallelSweep.forEach(n, ParallelSweep.resolveThreads(threads), () -> new double[n],
                (v, neighbourWeight, unused) -> {
                    int degree = graph.degree(v);
                    if (degree < 2) {
                        return;
                    }
                    // neighbourWeight[u] > 0 marks u as a neighbour of v, holding the scaled weight of {v,u}.
                    for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                        neighbourWeight[graph.target(s)] = weighted ? graph.weight(s) * scale : 1.0;
                    }
                    double triangles = 0.0;
                    for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                        int u = graph.target(s);
                        double wvu = neighbourWeight[u];
                        for (int t = graph.offset(u), tEnd = graph.offsetEnd(u); t < tEnd; t++) {
                            int x = graph.target(t);
                            // x > u counts each triangle at v once.
                            if (x > u && neighbourWeight[x] > 0.0) {
                                triangles += weighted
                                        ? Math.cbrt(wvu * graph.weight(t) * scale * neighbourWeight[x]) : 1.0;
                            }
                        }
                    }
                    for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                        neighbourWeight[graph.target(s)] = 0.0;
                    }
                    out[v] = 2.0 * triangles / ((double) degree * (degree - 1));
                });
        return out;
    }

    private static double strength(CsrGraph graph, int v) {
        double s = 0.0;
        for (int slot = graph.offset(v), end = graph.offsetEnd(v); slot < end; slot++) {
            s += graph.weight(slot);
        }
        return s;
    }
}
