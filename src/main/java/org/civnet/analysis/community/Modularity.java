package org.civnet.analysis.community;

import java.util.Objects;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Newman–Girvan modularity with a resolution parameter, as NetworkX's
 * {@code networkx.community.modularity} and igraph's {@code modularity} define it:
 *
 * <pre>Q = 1/(2m) Σ_ij [A_ij − γ k_i k_j / (2m)] δ(c_i, c_j)
 *   = Σ_c [ L_c / m − γ (K_c / 2m)² ]</pre>
 *
 * where {@code m} is the total edge weight, {@code k_i} the (weighted) degree, {@code L_c} the
 * weight of edges inside community {@code c} and {@code K_c} the degree sum of its members.
 * Unweighted means every edge weighs 1 (NetworkX's {@code weight=None}).
 *
 * <p>A graph without edges has modularity 0 by convention here (NetworkX divides by zero, igraph
 * returns NaN); a JSON-friendly number is more useful to the API.
 *
 * <p>Reference: M. E. J. Newman, "Finding community structure in networks using the eigenvectors
 * of matrices", Phys. Rev. E 74, 036104 (2006); resolution: J. Reichardt and S. Bornholdt,
 * Phys. Rev. E 74, 016110 (2006). Cost: {@code O(n + m)}.
 */
public final class Modularity {

    private Modularity() {
    }

    /**
     * Modularity of the partition given by {@code labels} (vertices with equal labels share a
     * community; any int values).
     */
    public static double of(CsrGraph graph, int[] labels, double resolution, boolean weighted) {
        int[] canonical = Partitions.canonicalLabelsOf(graph, labels);
        return ofCanonical(graph, canonical, Partitions.count(canonical), resolution, weighted);
    }

    /** Modularity of {@code partition}'s communities, ignoring the value it carries. */
    public static double of(CsrGraph graph, Partition partition, double resolution, boolean weighted) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(partition, "partition");
        if (partition.vertexCount() != graph.vertexCount()) {
            throw new IllegalArgumentException("partition has " + partition.vertexCount()
                    + " vertices, graph " + graph.vertexCount());
        }
        return ofCanonical(graph, partition.communityOf(), partition.communityCount(), resolution, weighted);
    }

    static double ofCanonical(CsrGraph graph, int[] communityOf, int count, double resolution, boolean weighted) {
        if (!(resolution >= 0) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("resolution must be finite and >= 0: " + resolution);
        }
        boolean useWeights = weighted && graph.isWeighted();
        double[] inside = new double[count];
        double[] degreeSum = new double[count];
        double twoM = 0;
        for (int u = 0; u < graph.vertexCount(); u++) {
            int cu = communityOf[u];
            for (int slot = graph.offset(u); slot < graph.offsetEnd(u); slot++) {
                double w = useWeights ? graph.weight(slot) : 1.0;
                degreeSum[cu] += w;
                twoM += w;
                if (communityOf[graph.target(slot)] == cu) {
                    inside[cu] += w; // each inner edge is seen from both ends: this sums 2 L_c
                }
            }
        }
        if (twoM == 0) {
            return 0.0;
        }
        double q = 0;
        for (int c = 0; c < count; c++) {
            double share = degreeSum[c] / twoM;
            q += inside[c] / twoM - resolution * share * share;
        }
        return q;
    }
}
