package org.civnet.analysis.cost;

/**
 * What an analysis will need before it runs: peak extra heap in bytes and expected wall-clock
 * seconds, as functions of the scope's vertex count {@code n}, its (undirected, simple) tie count
 * {@code m} and the worker threads {@code T}, in the manner of Neo4j GDS's {@code .estimate}.
 * Nothing here runs an analysis; every method is O(1).
 *
 * <p><b>Memory</b> is counted from the arrays each analysis allocates (8 bytes a double, 4 an int,
 * 16 an array header), so it is an upper bound on the scratch it holds at its peak, not on what it
 * allocates in all; the snapshot's own bytes ({@link #snapshot}) are measured (README, "Memory").
 * <ul>
 *   <li>snapshot read and build: {@code SNAPSHOT_NODE_BYTES·n + SNAPSHOT_TIE_BYTES·m} retained (the
 *       store's columns plus the whole-graph scoped snapshot), plus {@code READ_NODE_BYTES·n +
 *       READ_TIE_BYTES·m} transient while the rows are decoded (element-id strings per tie end, one
 *       row array per node);</li>
 *   <li>exact or sampled betweenness (Brandes): {@code 8n} result {@code + T·(32n + 8n·L)} with
 *       {@code L = 1 + ⌈log₂ min(256, s/4)⌉} pending partial sums per worker for {@code s} sources,
 *       and when weighted {@code + T·17n + 16m} (Dijkstra heap, distances, edge lengths);</li>
 *   <li>closeness and harmonic: {@code 8n + T·16n} (weighted {@code + T·25n + 16m});</li>
 *   <li>Leiden and Louvain: weighted copies of the graph per level and the refinement's, bounded by
 *       four alive: {@code 4·(24n + 24m)} plus {@code 40n} of community arrays;</li>
 *   <li>brokerage (betweenness, Burt's constraint and effective size, Gould–Fernandez roles):
 *       betweenness plus {@code 48n};</li>
 *   <li>isolation: {@code 64n + 16m} (reach, low-link, route counts);</li>
 *   <li>referral k-paths: the hop-bounded ball around both ends, bounded by {@code 48n + 16m}.</li>
 * </ul>
 *
 * <p><b>Time</b> is work divided by a measured rate: {@code seconds = work · NANOS_PER_STEP / T_eff /
 * 10⁹} where Brandes' work is {@code s·(n + 2m)} (unweighted) and {@code s·(n + 2m)·log₂ n}
 * (weighted), closeness and harmonic the same with {@code s = n}; Leiden and Louvain
 * {@code COMMUNITY_SWEEPS·(n + 2m)}; brokerage betweenness plus {@code Σ deg²}, taken as
 * {@code 4(2m)²/n} (heavy-tailed graphs have about four times the uniform value); isolation
 * {@code ISOLATION_PASSES·(n + 2m)}; a snapshot read {@code READ_FIXED_SECONDS + READ_NODE_NANOS·n +
 * READ_TIE_NANOS·m}. {@code T_eff = 1 + 0.85(T − 1)} (two threads gained 1.9× in the betweenness
 * benchmark, not 2×).
 *
 * <p><b>Calibration</b> (docs/BENCHMARKS.md, "Estimates"): the rates were fitted to the
 * benchmark's own figures on the 2-core benchmark machine: exact betweenness at 10k contacts
 * (11.5k vertices, 100k ties) in 16.6 s on one thread gives 6.8 ns per step, sampled betweenness
 * k = 256 at 100k in 2.9 s on two threads 10.9 ns (cache misses on the larger graph); the constant
 * is the larger, so estimates err long. The snapshot read's constants fit 0.79 s at 100k ties and
 * 4.1 s at 1M ties. {@code COMMUNITY_SWEEPS} fits Leiden at 10k in {@code EstimateBench} (2.3 s under a
 * load average near 30, about 0.3 s quiet); Louvain needs fewer, so its estimate errs long. The
 * estimate-versus-actual table in docs/BENCHMARKS.md checks them.
 */
public final class CostModel {

    /**
     * Retained bytes of the snapshot (the store's columns plus the whole-graph snapshot) per vertex and
     * per tie. Measured by {@code EstimateBench} on the 10k demo network (README, "Memory"): 235 bytes a
     * vertex and 80 a tie. The demo generator shares its vocabulary strings (countries, kinds, themes)
     * between rows; read from the store, every row has its own (about 230 bytes more a vertex), and a
     * fifth is added to the tie figure as margin.
     */
    public static final long SNAPSHOT_NODE_BYTES = 480;
    public static final long SNAPSHOT_TIE_BYTES = 96;
    /** Transient bytes while reading: one decoded row per node, two element-id strings per tie. */
    public static final long READ_NODE_BYTES = 400;
    public static final long READ_TIE_BYTES = 200;

    static final double NANOS_PER_STEP = 11.0;
    static final double READ_FIXED_SECONDS = 0.4;
    static final double READ_NODE_NANOS = 5_000;
    static final double READ_TIE_NANOS = 3_200;
    static final int COMMUNITY_SWEEPS = 150;
    static final int ISOLATION_PASSES = 12;
    static final int MAX_LEAVES = 256;

    /** Bytes and seconds an analysis is expected to need. */
    public record Cost(long bytes, double seconds) {

        public static final Cost NONE = new Cost(0, 0);

        public Cost plus(Cost other) {
            return new Cost(bytes + other.bytes, seconds + other.seconds);
        }
    }

    private CostModel() {
    }

    /** Reading the whole graph from the store and building the whole-graph snapshot. */
    public static Cost snapshot(long n, long m) {
        long bytes = (SNAPSHOT_NODE_BYTES + READ_NODE_BYTES) * n + (SNAPSHOT_TIE_BYTES + READ_TIE_BYTES) * m;
        double seconds = READ_FIXED_SECONDS + (READ_NODE_NANOS * n + READ_TIE_NANOS * m) / 1e9;
        return new Cost(bytes, seconds);
    }

    /**
     * Brandes' betweenness from {@code sources} sources ({@code n} exact, {@code k} sampled, the
     * size of the source set for subset betweenness).
     */
    public static Cost betweenness(long n, long m, int threads, long sources, boolean weighted) {
        int t = Math.max(1, threads);
        long s = Math.max(0, Math.min(sources, n));
        long pending = 1 + ceilLog2(Math.max(1, Math.min(MAX_LEAVES, s / 4)));
        long perWorker = 32 * n + 8 * n * pending + (weighted ? 17 * n : 0);
        long bytes = 8 * n + t * perWorker + (weighted ? 16 * m : 0);
        return new Cost(bytes, seconds(s * sweep(n, m, weighted), t));
    }

    /** Closeness or harmonic centrality: one shortest-path search per vertex. */
    public static Cost closeness(long n, long m, int threads, boolean weighted) {
        int t = Math.max(1, threads);
        long bytes = 8 * n + t * (16 * n + (weighted ? 25 * n : 0)) + (weighted ? 16 * m : 0);
        return new Cost(bytes, seconds(n * sweep(n, m, weighted), t));
    }

    /** Degree, PageRank, eigenvector, coreness, clustering: a few passes over the ties. */
    public static Cost linear(long n, long m) {
        return new Cost(32 * n + 16 * m, seconds(COMMUNITY_SWEEPS * (n + 2 * m), 1));
    }

    /** Leiden or Louvain (label propagation costs less). */
    public static Cost communities(long n, long m) {
        return new Cost(4 * (24 * n + 24 * m) + 40 * n, seconds(COMMUNITY_SWEEPS * (n + 2 * m), 1));
    }

    /** The broker report: exact betweenness, structural holes and brokerage roles. */
    public static Cost brokerage(long n, long m, int threads, boolean weighted) {
        Cost betweenness = betweenness(n, m, threads, n, weighted);
        double degreeSquares = n == 0 ? 0 : 4.0 * (2.0 * m) * (2.0 * m) / n;
        return new Cost(betweenness.bytes() + 48 * n, betweenness.seconds() + seconds(degreeSquares, 1));
    }

    /** The isolation report (reach, weak points, routes, suggested ties). */
    public static Cost isolation(long n, long m) {
        return new Cost(64 * n + 16 * m, seconds(ISOLATION_PASSES * (n + 2 * m), 1));
    }

    /** Referral search: {@code k} loop-free paths of at most {@code maxHops} ties (Yen over hop-bounded A*). */
    public static Cost kPaths(long n, long m, int k, int maxHops) {
        double searches = 1 + (double) Math.max(1, k) * Math.max(1, maxHops);
        return new Cost(48 * n + 16 * m, seconds(searches * (n + 2 * m) / 8, 1));
    }

    /** Steps of one shortest-path sweep from a single source. */
    static long sweep(long n, long m, boolean weighted) {
        long steps = n + 2 * m;
        return weighted ? steps * Math.max(1, ceilLog2(Math.max(2, n))) : steps;
    }

    static double seconds(double steps, int threads) {
        double effective = 1 + 0.85 * (Math.max(1, threads) - 1);
        return steps * NANOS_PER_STEP / effective / 1e9;
    }

    static long ceilLog2(long x) {
        return x <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(x - 1);
    }
}
