package org.civnet.analysis.isolation;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * How many independent routes each at-risk contact has to the UN human rights mechanisms: 0, 1, or
 * 2 (meaning two or more).
 *
 * <p>Definition: the number of internally vertex-disjoint paths from the contact to the set of
 * mandates, capped at 2. All mandates are contracted into one sink, so two routes may end at the
 * same mandate but share no intermediary; a direct tie to a mandate is a route of its own. By
 * Menger's theorem a reachable contact has fewer than two routes exactly when a single non-mandate
 * vertex or a single tie can cut it off ({@link WeakPoints#hangsByThread(int)}). NetworkX has no
 * vertex-to-set version; {@code node_connectivity} between the contact and one vertex standing for
 * all mandates (with a tie to two mandates counted twice) gives the same value before the cap. A
 * mandate in the source set gets the cap, 2.
 *
 * <p>Two methods, which the tests check against each other and against JGraphT's Edmonds-Karp:
 * <ul>
 *   <li>all sources at once: the block-cut tree of the network with the mandates contracted into
 *       one vertex; a source has 2 routes when it shares a non-bridge block with that vertex
 *       (Hopcroft &amp; Tarjan 1973). {@code O(n + m)} however many sources.</li>
 *   <li>one source ({@link #routesOf(MandateReach, int)}): maximum flow in the vertex-split network
 *       (each vertex {@code in(v) -> out(v)} of capacity 1), stopped after two augmenting paths
 *       (Ford &amp; Fulkerson 1956; Even &amp; Tarjan 1975). {@code O(n + m)} worst case, usually
 *       far less, since each search stops at the first mandate it meets. Per-source flow for all
 *       at-risk contacts cost up to 1 s on a 10k-vertex network with a 5,000-vertex pocket behind
 *       one broker, hence the tree for the bulk case.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class DisjointRoutes {

    private final MandateReach reach;
    private final MandateBlocks blocks;
    private final BitSet sources;
    /** Routes per vertex; -1 for vertices that are not sources. */
    private final int[] routes;
    private final int[] countByRoutes = new int[RouteCounter.CAP + 1];

    /**
     * @param reach   the graph and mandates
     * @param sources the vertices to evaluate, usually the at-risk contacts
     */
    public DisjointRoutes(MandateReach reach, BitSet sources) {
        this.reach = Objects.requireNonNull(reach, "reach");
        int n = reach.graph().vertexCount();
        this.sources = Checks.vertexSet(sources, n, "sources");
        this.blocks = new MandateBlocks(reach);
        this.routes = new int[n];
        Arrays.fill(routes, -1);
        for (int s = this.sources.nextSetBit(0); s >= 0; s = this.sources.nextSetBit(s + 1)) {
            routes[s] = blocks.routes(s);
            countByRoutes[routes[s]]++;
        }
    }

    /**
     * Routes from one vertex by the two-augmentation flow, without building the block-cut tree:
     * for a single contact.
     */
    public static int routesOf(MandateReach reach, int vertex) {
        Objects.requireNonNull(reach, "reach");
        Checks.vertex(vertex, reach.graph().vertexCount());
        return new RouteCounter(reach).count(vertex);
    }

    /**
     * Routes from one source vertex to the mandates: 0, 1, or 2 for "two or more".
     *
     * @throws IllegalArgumentException when {@code v} was not among the sources
     */
    public int routes(int v) {
        int r = routes[Checks.vertex(v, routes.length)];
        if (r < 0) {
            throw new IllegalArgumentException("vertex " + v + " was not a source");
        }
        return r;
    }

    /** Number of sources with exactly {@code r} routes ({@code r} = 2 counts "two or more"). */
    public int count(int r) {
        Objects.checkIndex(r, countByRoutes.length);
        return countByRoutes[r];
    }

    /** Sources with exactly {@code r} routes, ascending. */
    public List<Integer> withRoutes(int r) {
        Objects.checkIndex(r, countByRoutes.length);
        return sources.stream().filter(v -> routes[v] == r).boxed().toList();
    }

    /** Sources with fewer than two routes, ascending: the ones hanging by a thread or cut off. */
    public List<Integer> fragile() {
        return sources.stream().filter(v -> routes[v] < RouteCounter.CAP).boxed().toList();
    }

    /** A copy of the source set. */
    public BitSet sources() {
        return (BitSet) sources.clone();
    }

    public MandateReach reach() {
        return reach;
    }

    MandateBlocks blocks() {
        return blocks;
    }
}
