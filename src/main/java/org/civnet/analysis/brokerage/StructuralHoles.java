package org.civnet.analysis.brokerage;

import java.util.Objects;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Burt's structural-hole measures of each vertex's ego network, exactly as NetworkX 2.8 defines them
 * ({@code networkx.constraint}, {@code networkx.effective_size}) for an undirected graph.
 *
 * <p>With {@code p(u,v) = w(u,v) / sum_x w(u,x)} the share of u's tie strength invested in v (NetworkX's
 * normalised mutual weight; the doubling of undirected mutual weights cancels):
 * <ul>
 *   <li>constraint {@code c(v) = sum over n in N(v) of (p(v,n) + sum over w in N(v) of p(v,w) p(w,n))^2}:
 *       high when v's contacts are few and tied to each other (no structural holes to broker).</li>
 *   <li>effective size {@code e(v) = sum over u in N(v) of (1 - sum over w in N(v) of p(v,w) m(u,w))} with
 *       {@code m(u,w) = w(u,w) / max_x w(u,x)}: the number of non-redundant contacts. Unweighted, NetworkX
 *       (and this class) uses Borgatti's equivalent shortcut {@code e(v) = k - 2t/k}, with k = deg(v) and
 *       t the number of ties among v's neighbours.</li>
 * </ul>
 * Weighted variants use the edge weight as tie strength (for civnet: the KNOWS trust). Both measures are
 * undefined for an isolated vertex and are NaN there, as in NetworkX; the API layer should render NaN
 * as null.
 *
 * <p>References: R. S. Burt, Structural Holes: The Social Structure of Competition, Harvard University
 * Press, 1992; R. S. Burt, "Structural holes and good ideas", Am. J. Sociol. 110:349-399, 2004;
 * S. P. Borgatti, "Structural holes: unpacking Burt's redundancy measures", Connections 20(1):35-38, 1997.
 *
 * <p>Cost: O(sum over vertices of deg(v)^2) time, O(n) extra memory.
 */
public final class StructuralHoles {

    private StructuralHoles() {
    }

    /** Burt's constraint of every vertex; NaN for isolated vertices. */
    public static double[] constraint(CsrGraph graph, boolean weighted) {
        Objects.requireNonNull(graph, "graph");
        int n = graph.vertexCount();
        double[] strength = strengths(graph, weighted);
        double[] share = new double[n]; // share[w] = p(v,w) for the current ego v, 0 elsewhere
        double[] out = new double[n];
        for (int v = 0; v < n; v++) {
            if (graph.degree(v) == 0) {
                out[v] = Double.NaN;
                continue;
            }
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                share[graph.target(s)] = weight(graph, s, weighted) / strength[v];
            }
            double c = 0.0;
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                int alter = graph.target(s);
                double indirect = 0.0;
                for (int t = graph.offset(alter), tEnd = graph.offsetEnd(alter); t < tEnd; t++) {
                    int w = graph.target(t);
                    if (share[w] > 0.0) {
                        indirect += share[w] * weight(graph, t, weighted) / strength[w];
                    }
                }
                double local = share[alter] + indirect;
                c += local * local;
            }
            out[v] = c;
            clear(graph, v, share);
        }
        return out;
    }

    /** Burt's effective size of every vertex; NaN for isolated vertices. */
    public static double[] effectiveSize(CsrGraph graph, boolean weighted) {
        Objects.requireNonNull(graph, "graph");
        return weighted ? weightedEffectiveSize(graph) : unweightedEffectiveSize(graph);
    }

    private static double[] unweightedEffectiveSize(CsrGraph graph) {
        int n = graph.vertexCount();
        boolean[] isNeighbour = new boolean[n];
        double[] out = new double[n];
        for (int v = 0; v < n; v++) {
            int k = graph.degree(v);
            if (k == 0) {
                out[v] = Double.NaN;
                continue;
            }
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                isNeighbour[graph.target(s)] = true;
            }
            long endpoints = 0; // each tie among neighbours is seen from both ends: 2t
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                int u = graph.target(s);
                for (int t = graph.offset(u), tEnd = graph.offsetEnd(u); t < tEnd; t++) {
                    if (isNeighbour[graph.target(t)]) {
                        endpoints++;
                    }
                }
            }
            out[v] = k - (double) endpoints / k;
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                isNeighbour[graph.target(s)] = false;
            }
        }
        return out;
    }

    private static double[] weightedEffectiveSize(CsrGraph graph) {
        int n = graph.vertexCount();
        double[] strength = strengths(graph, true);
        double[] maxWeight = new double[n];
        for (int v = 0; v < n; v++) {
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                maxWeight[v] = Math.max(maxWeight[v], graph.weight(s));
            }
        }
        double[] share = new double[n];
        double[] out = new double[n];
        for (int v = 0; v < n; v++) {
            if (graph.degree(v) == 0) {
                out[v] = Double.NaN;
                continue;
            }
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                share[graph.target(s)] = graph.weight(s) / strength[v];
            }
            double size = 0.0;
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                int u = graph.target(s);
                double redundancy = 0.0;
                for (int t = graph.offset(u), tEnd = graph.offsetEnd(u); t < tEnd; t++) {
                    int w = graph.target(t);
                    if (share[w] > 0.0) {
                        redundancy += share[w] * graph.weight(t) / maxWeight[u];
                    }
                }
                size += 1.0 - redundancy;
            }
            out[v] = size;
            clear(graph, v, share);
        }
        return out;
    }

    private static double[] strengths(CsrGraph graph, boolean weighted) {
        double[] strength = new double[graph.vertexCount()];
        for (int v = 0; v < strength.length; v++) {
            double s = 0.0;
            for (int slot = graph.offset(v), end = graph.offsetEnd(v); slot < end; slot++) {
                s += weight(graph, slot, weighted);
            }
            strength[v] = s;
        }
        return strength;
    }

    private static double weight(CsrGraph graph, int slot, boolean weighted) {
        return weighted ? graph.weight(slot) : 1.0;
    }

    private static void clear(CsrGraph graph, int v, double[] share) {
        for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
            share[graph.target(s)] = 0.0;
        }
    }
}
