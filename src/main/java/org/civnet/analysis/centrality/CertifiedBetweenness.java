package org.civnet.analysis.centrality;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Betweenness estimated from uniformly sampled shortest paths, with a stated guarantee: with
 * probability at least {@code 1 - delta}, <em>every</em> vertex's normalised estimate is within
 * {@code epsilon} of its exact normalised betweenness.
 *
 * <p>Definition and normalisation are those of {@link Betweenness} (NetworkX): the normalised value
 * is {@code b(v) = sum over unordered pairs {s,t}, v not in {s,t}, of sigma(s,t|v)/sigma(s,t)},
 * divided by {@code (n-1)(n-2)/2}; unweighted hop counts unless {@code weighted} (edge length
 * {@code 1/weight}); undirected. Each sample draws an ordered pair {@code s != t} uniformly, then one
 * of the shortest s-t paths uniformly ({@link ShortestPathSampler}: balanced bidirectional BFS,
 * Dijkstra when weighted), and counts its interior vertices. The fraction of samples through v
 * estimates Riondato and Kornaropoulos' {@code b'(v) = b(v) (n-2)/n} (their average runs over all
 * {@code n(n-1)} ordered pairs, NetworkX's over the {@code (n-1)(n-2)} without v), so the estimate is
 * that fraction times {@code n/(n-2)}, and a bound {@code epsilon} on {@code b} asks for
 * {@code epsilon (n-2)/n} on {@code b'}.
 *
 * <p>Sample size (Riondato &amp; Kornaropoulos, "Fast approximation of betweenness centrality
 * through sampling", WSDM 2014 and Data Min. Knowl. Disc. 30(2), 2016, Theorem 2; from the VC
 * dimension of shortest paths, at most {@code floor(log2(VD - 2)) + 1}):
 * {@code r = ceil((c / eps'^2) (floor(log2(VD - 2)) + 1 + ln(1/delta)))} with {@code c = 0.5} (the
 * constant the authors use, after Löffler and Phillips), {@code eps' = epsilon (n-2)/n} and VD an
 * upper bound on the vertex diameter ({@link VertexDiameter}: {@code 2 ecc + 1} per component from a
 * BFS; the component size when weighted). A graph with {@code n <= 2} or {@code VD <= 2} has no
 * interior vertex on any shortest path: every value is exactly 0 and nothing is sampled.
 *
 * <p>Top-k mode ({@code topK > 0}) samples progressively, in the spirit of Riondato and Upfal's
 * ABRA (KDD 2016) and of KADABRA's per-vertex intervals: stage i draws {@code r_i = r_1 2^(i-1)}
 * samples in total and spends {@code delta/2^i}, half on the bound {@code eps_i} that Theorem 2 gives
 * for {@code r_i} samples, half on one empirical Bernstein interval per vertex (Maurer and Pontil,
 * COLT 2009, Theorem 4, at {@code delta/(2^(i+1) n)} each, both sides); each vertex keeps the
 * narrower interval. By the union bound every stage's intervals hold at once with probability at
 * least {@code 1 - delta}, so stopping at any stage is sound. A vertex of the estimated top k is
 * <em>certified</em> when fewer than k others have an interval reaching above the bottom of its own:
 * it is then among the k highest. Sampling stops when all k are certified, when {@code eps_i <=
 * epsilon} (a floor; 0 for none), or at {@code maxSamples}.
 *
 * <p>Determinism: sample i draws from its own {@link SplittableRandom} seeded by (seed, i), and the
 * counts are integers summed exactly, so a seed gives the same result for any thread count.
 *
 * <p>Cost: O(n + m) for the bound, then r samples of one bidirectional search each (KADABRA's
 * balanced bidirectional BFS visits far fewer than m edges on small-world graphs; a full Dijkstra,
 * O(m log n), when weighted); O(n) memory per thread plus O(n) per pending partial sum. r grows as
 * {@code 1/epsilon^2}, not with n.
 */
public final class CertifiedBetweenness extends VertexScores {

    /** Riondato and Kornaropoulos' constant for the VC-dimension sample bound. */
    public static final double C = 0.5;
    /** Samples in the first stage of top-k mode. */
    public static final int FIRST_STAGE = 1024;

    /** Why sampling ended. */
    public enum Stop {
        /** No shortest path has an interior vertex: every value is exactly 0, nothing sampled. */
        EXACT,
        /** The sample size for epsilon and delta was drawn. */
        SAMPLE_SIZE,
        /** Top-k mode: every one of the top k is certified. */
        TOP_K_SEPARATED,
        /** Top-k mode: the uniform bound reached the requested epsilon before all of the top k were certified. */
        EPSILON_REACHED,
        /** maxSamples was reached first; the stated epsilon is what that many samples guarantee. */
        SAMPLE_CAP
    }

    /**
     * @param epsilon    bound on the error of every normalised value, 0 &lt; epsilon &lt; 1 (in top-k
     *                   mode a floor at which to stop, where 0 means none)
     * @param delta      probability that the bound fails, 0 &lt; delta &lt; 1
     * @param topK       0 for the epsilon mode; k &gt; 0 for the top-k mode
     * @param maxSamples the most samples to draw
     * @param normalized report normalised values (else raw NetworkX values, bound scaled alike)
     * @param weighted   edge weights are tie strengths (edge length 1/weight)
     * @param seed       random seed
     * @param threads    worker threads, 0 for all processors
     */
    public record Options(double epsilon, double delta, int topK, long maxSamples, boolean normalized,
                          boolean weighted, long seed, int threads) {

        public Options {
            boolean epsilonOk = topK > 0 ? epsilon >= 0 && epsilon < 1 : epsilon > 0 && epsilon < 1;
            if (!epsilonOk) {
                throw new IllegalArgumentException("epsilon must be in (0, 1): " + epsilon);
            }
            if (!(delta > 0 && delta < 1)) {
                throw new IllegalArgumentException("delta must be in (0, 1): " + delta);
            }
            if (topK < 0 || maxSamples < 1 || maxSamples > Integer.MAX_VALUE || threads < 0) {
                throw new IllegalArgumentException("need topK >= 0, 1 <= maxSamples <= 2^31-1, threads >= 0");
            }
        }

        /** Epsilon mode: normalised, unweighted, seed 42, all processors, at most 10 million samples. */
        public static Options of(double epsilon, double delta) {
            return new Options(epsilon, delta, 0, 10_000_000L, true, false, 42L, 0);
        }

        /** Top-k mode with no epsilon floor, otherwise as {@link #of}. */
        public static Options topK(int k, double delta) {
            return new Options(0.0, delta, k, 10_000_000L, true, false, 42L, 0);
        }

        public Options withMaxSamples(long value) {
            return new Options(epsilon, delta, topK, value, normalized, weighted, seed, threads);
        }

        public Options withNormalized(boolean value) {
            return new Options(epsilon, delta, topK, maxSamples, value, weighted, seed, threads);
        }

        public Options withWeighted(boolean value) {
            return new Options(epsilon, delta, topK, maxSamples, normalized, value, seed, threads);
        }

        public Options withSeed(long value) {
            return new Options(epsilon, delta, topK, maxSamples, normalized, weighted, value, threads);
        }

        public Options withThreads(int value) {
            return new Options(epsilon, delta, topK, maxSamples, normalized, weighted, seed, value);
        }

        public Options withEpsilon(double value) {
            return new Options(value, delta, topK, maxSamples, normalized, weighted, seed, threads);
        }
    }

    /** What the epsilon mode will draw, known before sampling (O(n + m)). */
    public record Plan(int vertexDiameterBound, long samples) {
    }

    private final Options options;
    private final int vertexDiameterBound;
    private final long samples;
    private final double epsilon;
    private final Stop stop;
    private final double[] scores;
    private final int[] top;
    private final boolean[] topCertified;

    public CertifiedBetweenness(CsrGraph graph, Options options) {
        Objects.requireNonNull(graph, "graph");
        this.options = Objects.requireNonNull(options, "options");
        int n = graph.vertexCount();
        this.vertexDiameterBound = VertexDiameter.upperBound(graph, options.weighted() && graph.isWeighted());
        Sampling run = new Sampling(graph, options, vertexDiameterBound);
        if (n <= 2 || vertexDiameterBound <= 2) {
            run.exact();
        } else if (options.topK() > 0) {
            run.untilTopKSeparated();
        } else {
            run.fixedSize();
        }
        this.samples = run.drawn;
        this.epsilon = run.epsilon;
        this.stop = run.stop;
        this.scores = run.estimates();
        this.top = topVertices(scores, Math.min(options.topK(), n));
        this.topCertified = certify(scores, top, run.halfWidths());
    }

    /** The vertex-diameter bound and the sample size the epsilon mode draws (before any cap). */
    public static Plan plan(CsrGraph graph, Options options) {
        int vd = VertexDiameter.upperBound(graph, options.weighted() && graph.isWeighted());
        int n = graph.vertexCount();
        if (n <= 2 || vd <= 2) {
            return new Plan(vd, 0);
        }
        return new Plan(vd, sampleSize(options.epsilon() * (n - 2.0) / n, options.delta(), vd));
    }

    /**
     * Riondato and Kornaropoulos' sample size for a bound {@code eps} on the betweenness averaged over
     * all ordered pairs: {@code ceil((C / eps^2) (floor(log2(vd - 2)) + 1 + ln(1/delta)))}, vd &gt; 2.
     */
    public static long sampleSize(double eps, double delta, int vd) {
        return (long) Math.ceil(C / (eps * eps) * (vcBound(vd) + Math.log(1.0 / delta)));
    }

    /** The bound on eps that {@code r} samples give, inverting {@link #sampleSize}. */
    static double epsilonFor(long r, double delta, int vd) {
        return Math.sqrt(C * (vcBound(vd) + Math.log(1.0 / delta)) / r);
    }

    /** {@code floor(log2(vd - 2)) + 1}, the VC-dimension bound for vertex diameter vd &gt; 2. */
    private static int vcBound(int vd) {
        return 31 - Integer.numberOfLeadingZeros(vd - 2) + 1;
    }

    /** Factor from normalised values to the reported ones. */
    private static double unitScale(int n, boolean normalized) {
        return normalized || n <= 2 ? 1.0 : (n - 1.0) * (n - 2.0) / 2.0;
    }

    public Options options() {
        return options;
    }

    /** With probability at least 1 - delta, every normalised value is within this of the exact one. */
    public double epsilon() {
        return epsilon;
    }

    /** {@link #epsilon()} in the units of {@link #scores()} (raw values when not normalised). */
    public double errorBound() {
        return epsilon * unitScale(scores.length, options.normalized());
    }

    public double delta() {
        return options.delta();
    }

    /** The vertex-diameter upper bound the sample size was computed from. */
    public int vertexDiameterBound() {
        return vertexDiameterBound;
    }

    /** Shortest paths sampled. */
    public long samples() {
        return samples;
    }

    public Stop stop() {
        return stop;
    }

    /** Top-k mode: the k vertices of highest estimate, highest first (ties: lower index); else empty. */
    public int[] topK() {
        return top.clone();
    }

    /** Top-k mode: whether {@code topK()[i]} is certainly among the k highest (probability 1 - delta). */
    public boolean certified(int rank) {
        return topCertified[Objects.checkIndex(rank, topCertified.length)];
    }

    /** How many of the top k are certified. */
    public int certifiedCount() {
        int count = 0;
        for (boolean c : topCertified) {
            count += c ? 1 : 0;
        }
        return count;
    }

    @Override
    protected double[] scoreArray() {
        return scores;
    }

    /** The k highest, highest first, ties by lower index. */
    static int[] topVertices(double[] values, int k) {
        return java.util.stream.IntStream.range(0, values.length).boxed()
                .sorted((a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a]) : Integer.compare(a, b))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Certified: fewer than k other vertices could lie above it, that is, fewer than k others have an
     * upper end {@code value + width} above its lower end {@code value - width}.
     */
    static boolean[] certify(double[] values, int[] top, double[] widths) {
        boolean[] certified = new boolean[top.length];
        if (top.length == 0) {
            return certified;
        }
        double[] upper = new double[values.length];
        for (int v = 0; v < values.length; v++) {
            upper[v] = values[v] + widths[v];
        }
        Arrays.sort(upper);
        for (int i = 0; i < top.length; i++) {
            int v = top[i];
            double lower = values[v] - widths[v];
            int above = upper.length - upperBoundIndex(upper, lower);
            if (values[v] + widths[v] > lower) {
                above--; // v itself
            }
            certified[i] = above < top.length;
        }
        return certified;
    }

    /** The first index whose value is greater than {@code x} in an ascending array. */
    private static int upperBoundIndex(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The sampling state: counts of interior hits so far, and how the run ended. */
    private static final class Sampling {
        private final CsrGraph graph;
        private final Options options;
        private final int vd;
        private final int n;
        private final double[] lengths;
        private final double[] counts;
        /** Top-k mode: per-vertex interval half-widths (normalised units) of the last stage. */
        private double[] widths;
        long drawn;
        double epsilon;
        Stop stop;

        Sampling(CsrGraph graph, Options options, int vd) {
            this.graph = graph;
            this.options = options;
            this.vd = vd;
            this.n = graph.vertexCount();
            this.lengths = options.weighted() && graph.isWeighted() ? ShortestPathSearch.inverseWeightLengths(graph) : null;
            this.counts = new double[n];
        }

        void exact() {
            epsilon = 0.0;
            stop = Stop.EXACT;
        }

        void fixedSize() {
            long wanted = sampleSize(options.epsilon() * (n - 2.0) / n, options.delta(), vd);
            long r = Math.min(wanted, options.maxSamples());
            drawUpTo(r);
            stop = r < wanted ? Stop.SAMPLE_CAP : Stop.SAMPLE_SIZE;
            epsilon = r < wanted ? toNormalised(epsilonFor(r, options.delta(), vd)) : options.epsilon();
        }

        /**
         * Doubling stages; stage i spends delta/2^i, half on the uniform bound and half on one
         * empirical Bernstein interval per vertex (Maurer &amp; Pontil, COLT 2009, Theorem 4, both
         * sides, a union bound over the n vertices), which is far narrower for the many vertices of
         * small betweenness. Each vertex keeps the narrower of its two intervals.
         */
        void untilTopKSeparated() {
            int k = Math.min(options.topK(), n);
            double stageDelta = options.delta();
            long stage = FIRST_STAGE;
            while (true) {
                long r = Math.min(stage, options.maxSamples());
                stageDelta /= 2;
                drawUpTo(r);
                epsilon = toNormalised(epsilonFor(r, stageDelta / 2, vd));
                widths = bernsteinWidths(r, stageDelta / 2);
                double[] estimates = estimates();
                boolean[] certified = certify(estimates, topVertices(estimates, k), halfWidths());
                boolean all = true;
                for (boolean c : certified) {
                    all &= c;
                }
                if (all) {
                    stop = Stop.TOP_K_SEPARATED;
                } else if (epsilon <= options.epsilon()) {
                    stop = Stop.EPSILON_REACHED;
                } else if (r >= options.maxSamples()) {
                    stop = Stop.SAMPLE_CAP;
                } else {
                    stage *= 2;
                    continue;
                }
                return;
            }
        }

        /**
         * Per vertex, the half-width of a two-sided empirical Bernstein interval on the fraction of
         * samples through it, at {@code delta / n} each, capped by the uniform bound; normalised units.
         */
        private double[] bernsteinWidths(long r, double delta) {
            double log = Math.log(4.0 * n / delta);
            double[] out = new double[n];
            for (int v = 0; v < n; v++) {
                double p = counts[v] / r;
                double variance = p * (1 - p) * r / (r - 1.0);
                double width = Math.sqrt(2 * variance * log / r) + 7 * log / (3 * (r - 1.0));
                out[v] = Math.min(epsilon, toNormalised(width));
            }
            return out;
        }

        /** Interval half-widths in the units of the estimates: per vertex in top-k mode, else epsilon. */
        double[] halfWidths() {
            double[] out = new double[n];
            double scale = unitScale(n, options.normalized());
            for (int v = 0; v < n; v++) {
                out[v] = (widths == null ? epsilon : widths[v]) * scale;
            }
            return out;
        }

        /** A bound on b' (averaged over all ordered pairs) as a bound on NetworkX's normalised b. */
        private double toNormalised(double eps) {
            return eps * n / (n - 2.0);
        }

        /** Draws samples {@code drawn .. r-1}. */
        private void drawUpTo(long r) {
            long from = drawn;
            int count = (int) (r - from);
            long seed = mix(options.seed());
            int threads = ParallelSweep.resolveThreads(options.threads());
            double[] hits = ParallelSweep.sum(count, n, threads, () -> new ShortestPathSampler(graph, lengths),
                    (i, sampler, partial) -> {
                        SplittableRandom random = new SplittableRandom(mix(seed + (from + i) * 0x9E3779B97F4A7C15L));
                        int s = random.nextInt(n);
                        int t = random.nextInt(n - 1);
                        sampler.sample(s, t >= s ? t + 1 : t, random, partial);
                    });
            for (int v = 0; v < n; v++) {
                counts[v] += hits[v];
            }
            drawn = r;
        }

        double[] estimates() {
            double[] out = new double[n];
            if (drawn == 0) {
                return out;
            }
            double scale = n / (n - 2.0) / drawn * unitScale(n, options.normalized());
            for (int v = 0; v < n; v++) {
                out[v] = counts[v] * scale;
            }
            return out;
        }

        /** SplitMix64's finaliser: spreads consecutive seeds over the whole range. */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }
}
