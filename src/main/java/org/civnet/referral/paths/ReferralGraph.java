package org.civnet.referral.paths;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.civnet.analysis.graph.Components;
import org.civnet.analysis.graph.CsrGraph;

/**
 * The tie graph referral searches run over: the graph, a cost per tie (see {@link TieCost}) and
 * its connected components (when first asked for), built once per snapshot and shared by every query on it, whatever
 * the query's intermediary rule and hop limit.
 *
 * <p>Immutable and thread-safe. Queries borrow their working memory ({@link SearchScratch}: two
 * O(n) int arrays plus slots for the vertices a query touches) from a pool kept here, so a
 * per-request search allocates no O(n) array once the pool is warm, and concurrent queries never
 * share one; the pool holds at most one scratch per query that ever ran at the same time.
 *
 * <p>Cost: O(m) to build (the cost check); the components, O(n + m), on the first query that needs
 * them to tell whether two people are joined at all ({@link UnreachableReasons} first tries a
 * bounded search of its own).
 */
public final class ReferralGraph {

    /** See {@link #borrow}. */
    static final int ANY_STRIDE = 0;

    private final CsrGraph graph;
    private final double[] cost;
    /** Built on the first question that needs it (explaining why a target is unreachable), not per version. */
    private volatile Components components;
    private final ConcurrentLinkedQueue<SearchScratch> pool = new ConcurrentLinkedQueue<>();

    /**
     * @param graph        the tie graph
     * @param costByEdgeId cost per edge id, each finite and &gt; 0 (copied)
     */
    public ReferralGraph(CsrGraph graph, double[] costByEdgeId) {
        this.graph = Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(costByEdgeId, "costByEdgeId");
        if (costByEdgeId.length != graph.edgeCount()) {
            throw new IllegalArgumentException("costByEdgeId has " + costByEdgeId.length
                    + " entries for " + graph.edgeCount() + " edges");
        }
        for (int e = 0; e < costByEdgeId.length; e++) {
            double c = costByEdgeId[e];
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("edge cost must be finite and > 0, edge " + e + ": " + c);
            }
        }
        this.cost = costByEdgeId.clone();
    }

    public CsrGraph graph() {
        return graph;
    }

    public int vertexCount() {
        return graph.vertexCount();
    }

    /** The cost of edge {@code edgeId}. */
    public double cost(int edgeId) {
        return cost[Objects.checkIndex(edgeId, cost.length)];
    }

    /** True when some chain of ties, ignoring every rule and hop limit, joins {@code u} and {@code v}. */
    public boolean connected(int u, int v) {
        return components().connected(u, v);
    }

    /** Whether the components are already computed, so {@link #connected} costs O(1). */
    boolean hasComponents() {
        return components != null;
    }

    /**
     * The connected components, computed once on first use: they ignore the rules, so every query on
     * this graph shares them, and a query that reaches its target never needs them (a million ties
     * take tens of milliseconds that a write followed by a referral would otherwise wait for).
     */
    private Components components() {
        Components c = components;
        if (c == null) {
            synchronized (this) {
                c = components;
                if (c == null) {
                    c = new Components(graph);
                    components = c;
                }
            }
        }
        return c;
    }

    /** The costs by edge id, not copied: for the searches of this package, which never write them. */
    double[] costs() {
        return cost;
    }

    /**
     * Working memory for one query with {@code stride} layers per vertex, or {@link #ANY_STRIDE} for a
     * breadth-first search, which uses no layers; hand it back when done.
     */
    SearchScratch borrow(int stride) {
        SearchScratch s = pool.poll();
        if (s == null) {
            return new SearchScratch(graph.vertexCount(), Math.max(stride, 1));
        }
        if (stride != ANY_STRIDE) {
            s.restride(stride);
        }
        return s;
    }

    void giveBack(SearchScratch s) {
        pool.offer(s);
    }
}
