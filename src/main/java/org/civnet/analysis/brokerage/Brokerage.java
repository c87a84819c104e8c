package org.civnet.analysis.brokerage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Gould-Fernandez brokerage roles of every vertex for a grouping of the vertices (e.g. by region),
 * with the expected counts and z-scores of R's {@code sna::brokerage}.
 *
 * <p>Counts: for each vertex b, every ordered pair (a, c) of distinct neighbours of b that are not
 * adjacent to each other is an open two-path a &rarr; b &rarr; c, and b gets one count in the role
 * {@link BrokerageRole#of}(group(a), group(b), group(c)). Undirected ties are read as symmetric directed
 * ties, as {@code sna::brokerage} does with a symmetric adjacency matrix, so each undirected open
 * two-path a-b-c counts once in each direction: the counts of b sum to {@code deg(b)(deg(b)-1) - 2t(b)}
 * (t = ties among b's neighbours), and REPRESENTATIVE and GATEKEEPER counts are always equal.
 *
 * <p>Expected counts and variances follow {@code brokerage} in C. T. Butts' R package sna (checked
 * against sna 2.7-1), which models the graph as a Bernoulli graph with the observed density
 * {@code d = 2m/(N(N-1))} and fixed group sizes. With {@code q = d^2(1-d)}, {@code r = d^3(1-d)^3},
 * N vertices, n_i the size of the broker's group and the sums over the other groups j:
 * <pre>
 *   coordinator     E = q (n_i-1)(n_i-2)                  V = E(1-q) + 2 (n_i-1)(n_i-2)(n_i-3) r
 *   consultant      E = q sum_j n_j(n_j-1)                V = E(1-q) + 2 sum_j n_j(n_j-1)(n_j-2) r
 *   representative  E = q (N-n_i)(n_i-1)                  V = E(1-q) + 2 ((n_i-1) C(N-n_i,2) + (N-n_i) C(n_i-1,2)) r
 *   gatekeeper      as representative
 *   liaison         E = q ((sum_j n_j)^2 - sum_j n_j^2)   V = E(1-q) + 4 sum_j n_j C(N-n_j-n_i,2) r
 *   total           E = q (N-1)(N-2)                      V = E(1-q) + 2 (N-1)(N-2)(N-3) r
 * </pre>
 * and {@code z = (observed - E)/sqrt(V)}. The graph-level statistics (sums over all vertices) use the
 * package's graph-level formulas, transcribed in {@link #graphStatistic}. Where {@code sqrt(V) = 0} (for
 * example a group of one, or density 0 or 1) R yields NaN or an infinity; here z is NaN ("undefined").
 *
 * <p>References: R. V. Gould and R. M. Fernandez, "Structures of mediation: a formal approach to
 * brokerage in transaction networks", Sociological Methodology 19:89-126, 1989; C. T. Butts, sna: Tools
 * for Social Network Analysis, R package, function {@code brokerage}.
 *
 * <p>Cost: O(n + sum over vertices of deg(v)^2 + G^3) time for G non-empty groups (meant for regions or
 * countries, not thousands of groups), O(n + G) memory; {@link #flows} costs O(deg(v)^2) per call.
 */
public final class Brokerage {

    /** An observed count with its expectation, standard deviation and z-score under sna's model. */
    public record RoleStatistic(long observed, double expected, double standardDeviation, double zScore) {
    }

    /**
     * How many of a vertex's open two-paths in {@code role} run from a vertex of {@code fromGroup} to one
     * of {@code toGroup} (e.g. GATEKEEPER, from ENACA, to AFRICA: "gatekeeper for 14 paths from ENACA into
     * AFRICA").
     */
    public record RoleFlow(BrokerageRole role, int fromGroup, int toGroup, long count) {
    }

    private static final int ROLES = BrokerageRole.values().length;
    private static final int TOTAL = ROLES;

    private final CsrGraph graph;
    private final int[] groupOf;
    private final int groupCount;
    /** counts[v * ROLES + role.ordinal()]. */
    private final long[] counts;
    /** Per group, per role (+ total): expectation and standard deviation for a broker of that group. */
    private final double[][] expected;
    private final double[][] deviation;
    private final long[] graphObserved = new long[ROLES + 1];
    private final double[] graphExpected = new double[ROLES + 1];
    private final double[] graphDeviation = new double[ROLES + 1];

    /**
     * @param groupOf the group index (0, 1, ...) of each vertex; every vertex needs one, so give vertices
     *                with unknown attributes a group of their own
     */
    public Brokerage(CsrGraph graph, int[] groupOf) {
        this.graph = Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(groupOf, "groupOf");
        int n = graph.vertexCount();
        if (groupOf.length != n) {
            throw new IllegalArgumentException("groupOf has " + groupOf.length + " entries for " + n + " vertices");
        }
        int max = -1;
        for (int g : groupOf) {
            if (g < 0) {
                throw new IllegalArgumentException("group indices must be >= 0: " + g);
            }
            max = Math.max(max, g);
        }
        this.groupOf = groupOf.clone();
        this.groupCount = max + 1;
        this.counts = countRoles();
        double[] sizes = new double[groupCount];
        for (int g : groupOf) {
            sizes[g]++;
        }
        double density = n < 2 ? Double.NaN : 2.0 * graph.edgeCount() / ((double) n * (n - 1));
        this.expected = new double[groupCount][ROLES + 1];
        this.deviation = new double[groupCount][ROLES + 1];
        vertexMoments(sizes, n, density);
        graphMoments(sizes, n, density);
        for (int v = 0; v < n; v++) {
            for (int r = 0; r < ROLES; r++) {
                graphObserved[r] += counts[v * ROLES + r];
                graphObserved[TOTAL] += counts[v * ROLES + r];
            }
        }
    }

    public int vertexCount() {
        return groupOf.length;
    }

    /** Number of group indices, {@code max(groupOf) + 1}. */
    public int groupCount() {
        return groupCount;
    }

    public long count(int v, BrokerageRole role) {
        Objects.checkIndex(v, groupOf.length);
        return counts[v * ROLES + role.ordinal()];
    }

    /** Number of ordered open two-paths through {@code v}: the sum of its five role counts. */
    public long totalCount(int v) {
        Objects.checkIndex(v, groupOf.length);
        long sum = 0;
        for (int r = 0; r < ROLES; r++) {
            sum += counts[v * ROLES + r];
        }
        return sum;
    }

    public RoleStatistic statistic(int v, BrokerageRole role) {
        int r = role.ordinal();
        return statistic(count(v, role), expected[groupOf[v]][r], deviation[groupOf[v]][r]);
    }

    public RoleStatistic totalStatistic(int v) {
        return statistic(totalCount(v), expected[groupOf[v]][TOTAL], deviation[groupOf[v]][TOTAL]);
    }

    /** The role's count summed over all vertices, against sna's graph-level expectation. */
    public RoleStatistic graphStatistic(BrokerageRole role) {
        int r = role.ordinal();
        return statistic(graphObserved[r], graphExpected[r], graphDeviation[r]);
    }

    public RoleStatistic graphTotalStatistic() {
        return statistic(graphObserved[TOTAL], graphExpected[TOTAL], graphDeviation[TOTAL]);
    }

    /**
     * The open two-paths through {@code v} broken down by role and by the groups of their two ends,
     * largest count first (ties: role order, then group indices). Only non-zero flows are listed.
     */
    public List<RoleFlow> flows(int v) {
        Objects.checkIndex(v, groupOf.length);
        int start = graph.offset(v);
        int end = graph.offsetEnd(v);
        // Local indices for the groups present among v's neighbours keep the pair matrix small.
        int[] local = new int[groupCount];
        Arrays.fill(local, -1);
        int[] present = new int[end - start];
        int presentCount = 0;
        long[] sizeAmongNeighbours = new long[end - start];
        for (int s = start; s < end; s++) {
            int g = groupOf[graph.target(s)];
            if (local[g] < 0) {
                local[g] = presentCount;
                present[presentCount++] = g;
            }
            sizeAmongNeighbours[local[g]]++;
        }
        long[][] pairs = new long[presentCount][presentCount];
        for (int i = 0; i < presentCount; i++) {
            for (int j = 0; j < presentCount; j++) {
                pairs[i][j] = sizeAmongNeighbours[i] * (i == j ? sizeAmongNeighbours[j] - 1 : sizeAmongNeighbours[j]);
            }
        }
        forEachClosedPair(v, (a, c) -> pairs[local[groupOf[a]]][local[groupOf[c]]]--);
        List<RoleFlow> flows = new ArrayList<>();
        int broker = groupOf[v];
        for (int i = 0; i < presentCount; i++) {
            for (int j = 0; j < presentCount; j++) {
                if (pairs[i][j] > 0) {
                    flows.add(new RoleFlow(BrokerageRole.of(present[i], broker, present[j]), present[i], present[j],
                            pairs[i][j]));
                }
            }
        }
        flows.sort(Comparator.comparingLong(RoleFlow::count).reversed()
                .thenComparing(RoleFlow::role)
                .thenComparingInt(RoleFlow::fromGroup)
                .thenComparingInt(RoleFlow::toGroup));
        return List.copyOf(flows);
    }

    private long[] countRoles() {
        int n = groupOf.length;
        long[] out = new long[n * ROLES];
        long[] perGroup = new long[groupCount];
        for (int b = 0; b < n; b++) {
            int k = graph.degree(b);
            if (k < 2) {
                continue;
            }
            int gb = groupOf[b];
            for (int s = graph.offset(b), end = graph.offsetEnd(b); s < end; s++) {
                perGroup[groupOf[graph.target(s)]]++;
            }
            // Every ordered pair of distinct neighbours by groups, then remove the closed (adjacent) pairs.
            long inside = perGroup[gb];
            long outside = k - inside;
            long sameOutsideGroup = 0;
            long squaresOutside = 0;
            for (int s = graph.offset(b), end = graph.offsetEnd(b); s < end; s++) {
                int g = groupOf[graph.target(s)];
                long size = perGroup[g];
                if (g != gb && size > 0) {
                    sameOutsideGroup += size * (size - 1);
                    squaresOutside += size * size;
                    perGroup[g] = 0; // count each group once
                }
            }
            perGroup[gb] = 0;
            int base = b * ROLES;
            out[base + BrokerageRole.COORDINATOR.ordinal()] = inside * (inside - 1);
            out[base + BrokerageRole.REPRESENTATIVE.ordinal()] = inside * outside;
            out[base + BrokerageRole.GATEKEEPER.ordinal()] = outside * inside;
            out[base + BrokerageRole.CONSULTANT.ordinal()] = sameOutsideGroup;
            out[base + BrokerageRole.LIAISON.ordinal()] = outside * outside - squaresOutside;
            forEachClosedPair(b, (a, c) -> out[base + BrokerageRole.of(groupOf[a], gb, groupOf[c]).ordinal()]--);
        }
        return out;
    }

    private interface PairConsumer {
        void accept(int a, int c);
    }

    /** Calls {@code action} for every ordered pair of adjacent neighbours of {@code b}. */
    private void forEachClosedPair(int b, PairConsumer action) {
        for (int s = graph.offset(b), end = graph.offsetEnd(b); s < end; s++) {
            int a = graph.target(s);
            // Both slices are sorted: merge them to find the common neighbours.
            int i = graph.offset(a);
            int iEnd = graph.offsetEnd(a);
            int j = graph.offset(b);
            while (i < iEnd && j < end) {
                int x = graph.target(i);
                int y = graph.target(j);
                if (x < y) {
                    i++;
                } else if (x > y) {
                    j++;
                } else {
                    action.accept(a, x);
                    i++;
                    j++;
                }
            }
        }
    }

    private void vertexMoments(double[] n, double total, double d) {
        double q = d * d * (1 - d);
        double r = Math.pow(d, 3) * Math.pow(1 - d, 3);
        for (int i = 0; i < groupCount; i++) {
            double ni = n[i];
            double sameOther = 0;
            double sameOtherCubic = 0;
            double other = 0;
            double otherSquares = 0;
            double liaisonPairs = 0;
            for (int j = 0; j < groupCount; j++) {
                if (j == i) {
                    continue;
                }
                double nj = n[j];
                sameOther += nj * (nj - 1);
                sameOtherCubic += nj * (nj - 1) * (nj - 2);
                other += nj;
                otherSquares += nj * nj;
                liaisonPairs += nj * choose2(total - nj - ni);
            }
            double[] e = expected[i];
            double[] v = new double[ROLES + 1];
            e[BrokerageRole.COORDINATOR.ordinal()] = q * (ni - 1) * (ni - 2);
            v[BrokerageRole.COORDINATOR.ordinal()] = e[BrokerageRole.COORDINATOR.ordinal()] * (1 - q)
                    + 2 * (ni - 1) * (ni - 2) * (ni - 3) * r;
            e[BrokerageRole.CONSULTANT.ordinal()] = q * sameOther;
            v[BrokerageRole.CONSULTANT.ordinal()] = e[BrokerageRole.CONSULTANT.ordinal()] * (1 - q)
                    + 2 * sameOtherCubic * r;
            e[BrokerageRole.REPRESENTATIVE.ordinal()] = q * (total - ni) * (ni - 1);
            v[BrokerageRole.REPRESENTATIVE.ordinal()] = e[BrokerageRole.REPRESENTATIVE.ordinal()] * (1 - q)
                    + 2 * ((ni - 1) * choose2(total - ni) + (total - ni) * choose2(ni - 1)) * r;
            e[BrokerageRole.GATEKEEPER.ordinal()] = e[BrokerageRole.REPRESENTATIVE.ordinal()];
            v[BrokerageRole.GATEKEEPER.ordinal()] = v[BrokerageRole.REPRESENTATIVE.ordinal()];
            e[BrokerageRole.LIAISON.ordinal()] = q * (other * other - otherSquares);
            v[BrokerageRole.LIAISON.ordinal()] = e[BrokerageRole.LIAISON.ordinal()] * (1 - q) + 4 * liaisonPairs * r;
            e[TOTAL] = q * (total - 1) * (total - 2);
            v[TOTAL] = e[TOTAL] * (1 - q) + 2 * (total - 1) * (total - 2) * (total - 3) * r;
            for (int k = 0; k <= ROLES; k++) {
                deviation[i][k] = Math.sqrt(v[k]);
            }
        }
    }

    /** sna's graph-level moments (the {@code egbr}/{@code vgbr} block of {@code brokerage}). */
    private void graphMoments(double[] n, double total, double d) {
        double q = d * d * (1 - d);
        double r3 = Math.pow(d, 3) * Math.pow(1 - d, 3);
        double r4 = Math.pow(d, 4) * Math.pow(1 - d, 2);
        double r5 = Math.pow(d, 5) * (1 - d);
        double bigN = total;
        double[] e = graphExpected;
        double[] v = new double[ROLES + 1];
        int coordinator = BrokerageRole.COORDINATOR.ordinal();
        int consultant = BrokerageRole.CONSULTANT.ordinal();
        int representative = BrokerageRole.REPRESENTATIVE.ordinal();
        int gatekeeper = BrokerageRole.GATEKEEPER.ordinal();
        int liaison = BrokerageRole.LIAISON.ordinal();
        double s1 = 0;
        double s1v = 0;
        double s2 = 0;
        double s3v = 0;
        double s5 = 0;
        double s2vDiagonal = 0;
        for (double x : n) {
            s1 += x * (x - 1) * (x - 2);
            s1v += x * (x - 1) * (x - 2) * ((4 * x - 10) * r3 - 4 * (x - 3) * r4 + (x - 3) * r5);
            s2 += x * (bigN - x) * (x - 1);
            s3v += x * (bigN - x) * (x - 1) * ((bigN - 3) * r3 + (x - 2) * r5);
            s5 -= x * x * (bigN - 2 * x);
            s2vDiagonal += x * x * (x - 1) * ((4 * x - 6) * r3 + (bigN - x - 1) * r5);
        }
        double s2vOuter = 0;
        for (double x : n) {
            for (double y : n) {
                s2vOuter += x * y * (x - 1) * ((2 * x + 2 * y - 6) * r3 + (bigN - x - 1) * r5);
                s5 += x * y * (bigN - x - y);
            }
        }
        e[coordinator] = q * s1;
        v[coordinator] = e[coordinator] * (1 - q) + s1v;
        e[consultant] = q * s2;
        v[consultant] = e[consultant] * (1 - q) + (s2vOuter - s2vDiagonal);
        e[representative] = q * s2;
        v[representative] = e[representative] * (1 - q) + s3v;
        e[gatekeeper] = e[representative];
        v[gatekeeper] = v[representative];
        e[liaison] = q * s5;
        double liaisonVariance = e[liaison] * (1 - q);
        double[] m = Arrays.stream(n).filter(size -> size > 0).toArray(); // empty groups add nothing
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                for (int k = 0; k < m.length; k++) {
                    if (i != j && j != k && i != k) {
                        liaisonVariance += m[i] * m[j] * m[k]
                                * ((4 * (bigN - m[j]) - 2 * (m[i] + m[k] + 1)) * r3
                                - (4 * (bigN - m[k]) - 2 * (m[i] + m[j] + 1)) * r4
                                + (bigN - (m[i] + m[k] + 1)) * r5);
                    }
                }
            }
        }
        v[liaison] = liaisonVariance;
        e[TOTAL] = q * bigN * (bigN - 1) * (bigN - 2);
        v[TOTAL] = e[TOTAL] * (1 - q)
                + bigN * (bigN - 1) * (bigN - 2) * ((4 * bigN - 10) * r3 - 4 * (bigN - 3) * r4 + (bigN - 3) * r5);
        for (int k = 0; k <= ROLES; k++) {
            graphDeviation[k] = Math.sqrt(v[k]);
        }
    }

    private static double choose2(double x) {
        return x * (x - 1) / 2;
    }

    private static RoleStatistic statistic(long observed, double expected, double deviation) {
        double z = deviation > 0 ? (observed - expected) / deviation : Double.NaN;
        return new RoleStatistic(observed, expected, deviation, z);
    }
}
