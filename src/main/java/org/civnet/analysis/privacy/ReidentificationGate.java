package org.civnet.analysis.privacy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Decides, for each pseudonymised vertex of a graph, what an output may reveal of it so that every
 * pseudonymised vertex the output shows is indistinguishable from at least {@code k - 1} other
 * pseudonymised vertices it shows: keep it, coarsen it (its region and its ties withheld, its degree
 * stated only as a range), or withhold it with its ties.
 *
 * <h2>The model</h2>
 * The released view {@code G'} is the graph without the withheld vertices and without the ties of
 * withheld and coarsened vertices. For a released vertex {@code v}: {@code deg'(v)} is its number of
 * distinct neighbours in {@code G'} (0 when coarsened); {@code deg(v)} its degree in the graph given,
 * which analyses state (a degree centrality), shown for a coarsened vertex only as its range
 * {@link #degreeBucket}; {@code region'(v)} its region, or "withheld" when {@code v} is coarsened
 * (named vertices are never coarsened); {@code cat(v)} its category (label and kind, e.g.
 * {@code Contact:DEFENDER}). Two quasi-identifiers of a released pseudonymised vertex:
 * <ul>
 * <li><b>degree class</b>, after <em>k-degree anonymity</em> (K. Liu and E. Terzi, "Towards identity
 * anonymization on graphs", SIGMOD 2008, where every degree value of the published graph occurs at
 * least k times), with the vertex's own attributes added: {@code Q1(v) = (cat(v), region'(v), deg(v), deg'(v))};</li>
 * <li><b>neighbourhood class</b>, after the <em>d-k-anonymity</em> of R. G. de Jong, M. P. J. van der
 * Loo and F. W. Takes ("The effect of distant connections on node anonymity in complex networks",
 * Scientific Reports 14, 1156, 2024) at {@code d = 1}: there a vertex is d-k-anonymous when at least
 * k - 1 other vertices have the same structural position in their d-neighbourhood (the subgraph
 * induced by the vertices within distance d, compared by isomorphism mapping one centre onto the
 * other). We implement its <em>attribute</em> form at d = 1:
 * {@code Q2(v) = (cat(v), region'(v), deg(v), multiset { (cat(u), region'(u)) : u released neighbour of v })}.
 * It keeps the paper's radius and adds the attributes an output shows, but leaves out the ties
 * <em>among</em> the neighbours (which the paper's isomorphism compares), and it counts named
 * neighbours by their attributes, not by their identity.</li>
 * </ul>
 * Both hold {@code deg(v)} (or its range) besides {@code deg'(v)}: analyses are computed over the
 * graph given, so two vertices with the same released degree but different degrees there would be
 * told apart by joining the two outputs on the pseudonym (pseudonyms are stable across outputs). A
 * coarsened vertex's quasi-identifiers are thus {@code (cat, withheld, range of deg, 0)} and
 * {@code (cat, withheld, range of deg, {})}.
 * {@code class_i(v)} is the number of released <em>pseudonymised</em> vertices {@code w} with
 * {@code Q_i(w) = Q_i(v)} (v included): a named vertex is known by name, so it hides no one.
 * {@code Q2} determines {@code Q1} (the multiset's size is the degree), so
 * {@code class2(v) <= class1(v)}, and the gate needs only {@code class2(v) >= k}.
 *
 * <h2>The decision</h2>
 * Every pseudonymised vertex starts at its floor (default KEEP). Each round computes both classes
 * over the current released view; then, all at once, a KEEP vertex whose neighbourhood class is
 * below k becomes COARSEN, and a COARSEN vertex whose class (computed coarsened) is still below k
 * becomes WITHHOLD. Coarsening and withholding take ties out of the released view, which changes
 * the neighbours' released degrees and multisets, so rounds repeat until none changes. Releases only ever grow
 * (KEEP, COARSEN, WITHHOLD), so this ends within {@code 2p + 1} rounds for p pseudonymised
 * vertices (in practice a handful). At the fixed point no released pseudonymised vertex has a class
 * below k (or it would have moved): the released view is k-anonymous under both quasi-identifiers.
 * A withheld vertex is reported with the quasi-identifier that failed last ({@link Reason}).
 *
 * <h2>What it does not model</h2>
 * Ties among neighbours, neighbours' degrees, vertices two hops away, named neighbours' identities,
 * attributes other than category and region (risk level, themes, centrality scores, dates), and
 * comparisons of several outputs computed on different graphs (other scopes, other versions).
 *
 * <p><b>Cost.</b> Per round O(n + m log Δ) time (sorting each multiset) and O(n + m) memory; the
 * number of rounds is small and bounded by {@code 2p + 1}. Pure: no I/O, immutable results.
 */
public final class ReidentificationGate {

    /** What an output may reveal of a vertex. Ordered: a release only ever moves down this list. */
    public enum Release { KEEP, COARSEN, WITHHOLD }

    /** Why a vertex was withheld: its class that stayed below k. */
    public enum Reason {
        /** Even with its region withheld, fewer than k pseudonymised vertices share its (category, degree). */
        DEGREE_CLASS_BELOW_K,
        /** Fewer than k pseudonymised vertices share its category and its neighbours' categories and regions. */
        NEIGHBOURHOOD_CLASS_BELOW_K,
        /** Withheld by the floor the caller gave (a wider view withheld it, so every view does). */
        WITHHELD_BY_FLOOR
    }

    private static final int NO_REGION = 0;
    private static final int WITHHELD_REGION = 1;

    private final CsrGraph graph;
    private final int k;
    private final boolean[] pseudonymised;
    private final int[] category;
    private final int[] region;
    private final int regionCodes;
    private final Release[] release;
    private final Reason[] reason;
    private final int[] degreeClass;
    private final int[] neighbourhoodClass;
    private final int[] releasedDegree;
    private int rounds;

    /**
     * @param graph          the scope's graph (undirected, simple)
     * @param categories     each vertex's category (label and kind); never null
     * @param regions        each vertex's region, or null for none
     * @param pseudonymised  which vertices an output shows only by pseudonym
     * @param floor          the least each vertex's release must be (null: KEEP for all)
     * @param k              the least class size; 1 or less keeps everyone
     */
    public ReidentificationGate(CsrGraph graph, String[] categories, String[] regions, boolean[] pseudonymised,
                                Release[] floor, int k) {
        int n = graph.vertexCount();
        if (categories.length != n || regions.length != n || pseudonymised.length != n
                || floor != null && floor.length != n) {
            throw new IllegalArgumentException("one attribute per vertex expected (" + n + " vertices)");
        }
        this.graph = graph;
        this.k = k;
        this.pseudonymised = pseudonymised.clone();
        this.category = codes(categories, 0);
        Map<String, Integer> regionIndex = new HashMap<>();
        this.region = new int[n];
        for (int v = 0; v < n; v++) {
            region[v] = regions[v] == null ? NO_REGION
                    : regionIndex.computeIfAbsent(regions[v], r -> regionIndex.size() + 2);
        }
        this.regionCodes = regionIndex.size() + 2;
        this.release = new Release[n];
        this.reason = new Reason[n];
        for (int v = 0; v < n; v++) {
            release[v] = !pseudonymised[v] ? Release.KEEP : floor == null || floor[v] == null ? Release.KEEP : floor[v];
            if (release[v] == Release.WITHHOLD) {
                reason[v] = Reason.WITHHELD_BY_FLOOR;
            }
        }
        this.degreeClass = new int[n];
        this.neighbourhoodClass = new int[n];
        this.releasedDegree = new int[n];
        decide();
    }

    private static int[] codes(String[] values, int first) {
        Map<String, Integer> index = new HashMap<>();
        int[] out = new int[values.length];
        for (int v = 0; v < values.length; v++) {
            out[v] = index.computeIfAbsent(String.valueOf(values[v]), c -> index.size() + first);
        }
        return out;
    }

    private void decide() {
        boolean changed = true;
        while (changed) {
            rounds++;
            measure();
            changed = false;
            if (k <= 1) {
                break;
            }
            Release[] next = release.clone();
            for (int v = 0; v < release.length; v++) {
                if (!pseudonymised[v] || release[v] == Release.WITHHOLD || neighbourhoodClass[v] >= k) {
                    continue;
                }
                if (release[v] == Release.KEEP) {
                    next[v] = Release.COARSEN;
                } else {
                    next[v] = Release.WITHHOLD;
                    reason[v] = degreeClass[v] < k ? Reason.DEGREE_CLASS_BELOW_K : Reason.NEIGHBOURHOOD_CLASS_BELOW_K;
                }
                changed = true;
            }
            System.arraycopy(next, 0, release, 0, release.length);
        }
    }

    /** Computes the released degrees and both classes of every released pseudonymised vertex. */
    private void measure() {
        int n = release.length;
        Map<Q1, Integer> degreeCounts = new HashMap<>();
        Map<Q2, Integer> neighbourhoodCounts = new HashMap<>();
        Q1[] q1 = new Q1[n];
        Q2[] q2 = new Q2[n];
        for (int v = 0; v < n; v++) {
            degreeClass[v] = 0;
            neighbourhoodClass[v] = 0;
            releasedDegree[v] = 0;
            if (release[v] == Release.WITHHOLD) {
                continue;
            }
            int[] around = release[v] == Release.COARSEN ? new int[0] : neighbourCodes(v);
            releasedDegree[v] = around.length;
            if (!pseudonymised[v]) {
                continue;
            }
            int self = code(v);
            // A coarsened vertex shows its degree in the graph only as a range (negative: never equal to a degree).
            int stated = release[v] == Release.COARSEN ? -1 - bucketIndex(graph.degree(v)) : graph.degree(v);
            q1[v] = new Q1(self, stated, around.length);
            q2[v] = new Q2(self, stated, around);
            degreeCounts.merge(q1[v], 1, Integer::sum);
            neighbourhoodCounts.merge(q2[v], 1, Integer::sum);
        }
        for (int v = 0; v < n; v++) {
            if (q1[v] != null) {
                degreeClass[v] = degreeCounts.get(q1[v]);
                neighbourhoodClass[v] = neighbourhoodCounts.get(q2[v]);
            }
        }
    }

    /** The sorted multiset of the (category, region) codes of the neighbours whose ties with {@code v} are released. */
    private int[] neighbourCodes(int v) {
        int[] out = new int[graph.degree(v)];
        int size = 0;
        for (int slot = graph.offset(v); slot < graph.offsetEnd(v); slot++) {
            int u = graph.target(slot);
            if (u != v && release[u] == Release.KEEP) {
                out[size++] = code(u);
            }
        }
        int[] multiset = Arrays.copyOf(out, size);
        Arrays.sort(multiset);
        return multiset;
    }

    private static int bucketIndex(int degree) {
        return degree <= 0 ? 0 : 32 - Integer.numberOfLeadingZeros(degree);
    }

    /** (category, region as shown) as one int. */
    private int code(int v) {
        int shownRegion = release[v] == Release.COARSEN ? WITHHELD_REGION : region[v];
        return category[v] * regionCodes + shownRegion;
    }

    private record Q1(int self, int scopeDegree, int degree) {
    }

    private record Q2(int self, int scopeDegree, int[] neighbours) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Q2 other && other.self == self && other.scopeDegree == scopeDegree
                    && Arrays.equals(other.neighbours, neighbours);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * self + scopeDegree) + Arrays.hashCode(neighbours);
        }
    }

    public int vertexCount() {
        return release.length;
    }

    /** The least class size the released view keeps. */
    public int k() {
        return k;
    }

    public Release release(int v) {
        return release[v];
    }

    /** Why {@code v} is withheld; null when it is not. */
    public Reason reason(int v) {
        return reason[v];
    }

    public boolean pseudonymised(int v) {
        return pseudonymised[v];
    }

    /** Class of {@code v} under (category, shown region, released degree); 0 when not a released pseudonymised vertex. */
    public int degreeClass(int v) {
        return degreeClass[v];
    }

    /** Class of {@code v} under its attributed one-hop neighbourhood; 0 when not a released pseudonymised vertex. */
    public int neighbourhoodClass(int v) {
        return neighbourhoodClass[v];
    }

    /** Distinct released neighbours of {@code v} (0 when {@code v} is withheld). */
    public int releasedDegree(int v) {
        return releasedDegree[v];
    }

    /** Rounds until the fixed point (the last one changes nothing). */
    public int rounds() {
        return rounds;
    }

    /** How many vertices have {@code r}. */
    public int count(Release r) {
        int c = 0;
        for (int v = 0; v < release.length; v++) {
            if (pseudonymised[v] && release[v] == r) {
                c++;
            }
        }
        return c;
    }

    /**
     * A degree as a range of powers of two ("0", "1", "2-3", "4-7", "8-15", …): what outputs that
     * state a coarsened vertex's degree show instead of the number.
     */
    public static String degreeBucket(int degree) {
        if (degree <= 1) {
            return Integer.toString(Math.max(degree, 0));
        }
        int low = Integer.highestOneBit(degree);
        return low + "-" + (2 * low - 1);
    }
}
