package org.civnet.analysis.community;

/**
 * Options shared by the community detection algorithms.
 *
 * @param resolution    the modularity resolution {@code γ >= 0} (NetworkX / igraph definition:
 *                      {@code Q = 1/(2m) Σ_ij [A_ij − γ k_i k_j / (2m)] δ(c_i, c_j)}); larger values
 *                      give more, smaller communities. Label propagation does not optimise modularity
 *                      and uses it only to report {@link Partition#modularity()}.
 * @param seed          the seed of the single random stream an algorithm draws from; the same graph,
 *                      options and seed always give the same partition
 * @param maxIterations a safety bound {@code >= 1}: for Leiden the number of full runs, each starting
 *                      from the previous result, stopping as soon as a run changes nothing; for Louvain
 *                      the number of local-moving sweeps per level; for label propagation the number
 *                      of sweeps
 * @param weighted      whether edge weights (tie strength) count; when false every edge weighs 1, as
 *                      NetworkX's {@code weight=None}
 */
public record CommunityOptions(double resolution, long seed, int maxIterations, boolean weighted) {

    public static final double DEFAULT_RESOLUTION = 1.0;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    public CommunityOptions {
        if (!(resolution >= 0) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("resolution must be finite and >= 0: " + resolution);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1: " + maxIterations);
        }
    }

    /** Resolution 1, seed 42, 100 iterations, weighted (as NetworkX's default {@code weight="weight"}). */
    public static CommunityOptions defaults() {
        return new CommunityOptions(DEFAULT_RESOLUTION, DEFAULT_SEED, DEFAULT_MAX_ITERATIONS, true);
    }

    public CommunityOptions withResolution(double newResolution) {
        return new CommunityOptions(newResolution, seed, maxIterations, weighted);
    }

    public CommunityOptions withSeed(long newSeed) {
        return new CommunityOptions(resolution, newSeed, maxIterations, weighted);
    }

    public CommunityOptions withMaxIterations(int newMaxIterations) {
        return new CommunityOptions(resolution, seed, newMaxIterations, weighted);
    }

    public CommunityOptions withWeighted(boolean newWeighted) {
        return new CommunityOptions(resolution, seed, maxIterations, newWeighted);
    }
}
