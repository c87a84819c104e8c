package org.civnet.analysis.centrality;

/**
 * The vertex metrics {@link Centralities#compute} offers, each following the NetworkX function named
 * in its description.
 */
public enum CentralityMetric {
    /** {@code degree_centrality}: degree/(n-1); raw: the degree; weighted: strength (sum of weights). */
    DEGREE(true, true),
    /** {@code betweenness_centrality}: see {@link Betweenness}. */
    BETWEENNESS(true, true),
    /** {@code closeness_centrality(wf_improved=True)}; always on NetworkX's scale. */
    CLOSENESS(false, true),
    /** {@code harmonic_centrality}: sum of 1/d; normalised: divided by n-1. */
    HARMONIC(true, true),
    /** {@code pagerank(alpha=0.85, tol=1e-6)}; sums to 1. */
    PAGERANK(false, true),
    /** {@code eigenvector_centrality(tol=1e-6)}; L2 norm 1. */
    EIGENVECTOR(false, true),
    /** {@code core_number}; unweighted only. */
    CORENESS(false, false),
    /** {@code clustering}: local clustering coefficient; weighted: geometric-mean variant. */
    CLUSTERING(false, true);

    private final boolean normalizable;
    private final boolean weightable;

    CentralityMetric(boolean normalizable, boolean weightable) {
        this.normalizable = normalizable;
        this.weightable = weightable;
    }

    /** True when the {@code normalized} flag changes the values; other metrics ignore it. */
    public boolean isNormalizable() {
        return normalizable;
    }

    /** True when the metric has a weighted variant; asking for weights otherwise is an error. */
    public boolean isWeightable() {
        return weightable;
    }
}
