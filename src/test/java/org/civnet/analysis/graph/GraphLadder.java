package org.civnet.analysis.graph;

/** Graphs for the rungs of a test ladder that {@link CsrGraph#parse} is too short for. */
public final class GraphLadder {

    private GraphLadder() {
    }

    /** The path {@code 0-1-...-(n-1)}: deep enough at 100,000 vertices to overflow a recursive search. */
    public static CsrGraph path(int n) {
        CsrGraph.Builder b = CsrGraph.builder(n);
        for (int v = 1; v < n; v++) {
            b.addEdge(v - 1, v);
        }
        return b.build();
    }
}
