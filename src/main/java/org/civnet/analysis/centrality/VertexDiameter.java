package org.civnet.analysis.centrality;

import org.civnet.analysis.graph.CsrGraph;

/**
 * An upper bound on the vertex diameter of an undirected graph: the largest number of vertices on
 * any shortest path (so an edge has vertex diameter 2, an empty or edgeless graph 1 or 0).
 *
 * <p>Unweighted (hop counts): per connected component C, for any vertex x, every distance satisfies
 * {@code d(u,v) <= d(u,x) + d(x,v) <= 2 ecc(x)}, so a shortest path has at most {@code 2 ecc(x) + 1}
 * vertices, and never more than |C|. Two breadth-first searches per component (from its first vertex,
 * and from its highest-degree vertex, often central) and the smaller bound is kept, as Riondato and
 * Kornaropoulos suggest (DMKD 2016, section 5.1). Weighted: a shortest path is a simple path, so the
 * bound is |C|.
 *
 * <p>Cost: O(n + m) time, O(n) memory.
 */
final class VertexDiameter {

    private VertexDiameter() {
    }

    /** The bound: at least the true vertex diameter of {@code graph}; 0 for the empty graph. */
    static int upperBound(CsrGraph graph, boolean weighted) {
        int n = graph.vertexCount();
        int[] component = new int[n];
        java.util.Arrays.fill(component, -1);
        int[] queue = new int[n];
        int[] dist = new int[n];
        int[] second = new int[n];
        java.util.Arrays.fill(second, -1);
        int bound = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (component[root] >= 0) {
                continue;
            }
            int c = components++;
            // First search labels the component, measures ecc(root) and finds its best-connected vertex.
            component[root] = c;
            dist[root] = 0;
            queue[0] = root;
            int tail = 1;
            int ecc = 0;
            int hub = root;
            for (int head = 0; head < tail; head++) {
                int v = queue[head];
                ecc = Math.max(ecc, dist[v]);
                if (graph.degree(v) > graph.degree(hub)) {
                    hub = v;
                }
                for (int slot = graph.offset(v), end = graph.offsetEnd(v); slot < end; slot++) {
                    int w = graph.target(slot);
                    if (component[w] < 0) {
                        component[w] = c;
                        dist[w] = dist[v] + 1;
                        queue[tail++] = w;
                    }
                }
            }
            int size = tail;
            long componentBound = weighted ? size : Math.min(size, 2L * Math.min(ecc, eccentricity(graph, hub,
                    queue, second)) + 1);
            bound = (int) Math.max(bound, componentBound);
        }
        return bound;
    }

    /** ecc(source) by BFS; {@code seen} must hold -1 for the component's vertices and is left marked. */
    private static int eccentricity(CsrGraph graph, int source, int[] queue, int[] seen) {
        seen[source] = 0;
        queue[0] = source;
        int tail = 1;
        int ecc = 0;
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            ecc = Math.max(ecc, seen[v]);
            for (int slot = graph.offset(v), end = graph.offsetEnd(v); slot < end; slot++) {
                int w = graph.target(slot);
                if (seen[w] < 0) {
                    seen[w] = seen[v] + 1;
                    queue[tail++] = w;
                }
            }
        }
        return ecc;
    }
}
