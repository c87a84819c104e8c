package org.civnet.analysis.isolation;

import java.util.BitSet;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Counts internally vertex-disjoint routes from one vertex to the mandate set, capped at 2, by at
 * most two augmenting searches in the vertex-split residual network (Ford &amp; Fulkerson; vertex
 * capacities by splitting each vertex {@code v} into {@code in(v) -> out(v)} of capacity 1).
 * Mandates are contracted into one sink, so routes may share their final mandate.
 *
 * <p>Arrays are reused between calls with stamps, so a call costs only what its searches touch.
 * Not thread-safe: one instance per thread.
 */
final class RouteCounter {

    static final int CAP = 2;

    private final CsrGraph graph;
    private final BitSet mandates;
    private final int[] hops;
    /** Search marks per state: 2v = in(v), 2v+1 = out(v). */
    private final int[] seen;
    private final int[] queue;
    /** BFS parents of the first route's search. */
    private final int[] from;
    /** Inner vertices of the first route have onRoute == routeStamp and flowPred = their predecessor. */
    private final int[] onRoute;
    private final int[] flowPred;
    private int stamp;
    private int routeStamp;
    /** Last vertex before the sink on the first route, and the mandate it ends at. */
    private int lastBeforeSink;
    private int sinkMandate;
    private int source;

    RouteCounter(MandateReach reach) {
        this.graph = reach.graph();
        this.mandates = reach.mandates();
        this.hops = reach.hopsArray();
        int n = graph.vertexCount();
        this.seen = new int[2 * n];
        this.queue = new int[2 * n];
        this.from = new int[n];
        this.onRoute = new int[n];
        this.flowPred = new int[n];
    }

    /** Routes from {@code s}: 0, 1 or 2 (meaning 2 or more); a mandate gets 2. */
    int count(int s) {
        if (mandates.get(s)) {
            return CAP;
        }
        if (hops[s] < 0 || !firstRoute(s)) {
            return 0;
        }
        return secondRoute() ? 2 : 1;
    }

    /** Plain BFS to the nearest mandate; records the route found as the current flow. */
    private boolean firstRoute(int s) {
        source = s;
        routeStamp = ++stamp;
        int tail = 0;
        seen[2 * s] = routeStamp;
        queue[tail++] = s;
        from[s] = -1;
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int slot = graph.offset(v), end = graph.offsetEnd(v); slot < end; slot++) {
                int w = graph.target(slot);
                if (seen[2 * w] == routeStamp) {
                    continue;
                }
                seen[2 * w] = routeStamp;
                from[w] = v;
                if (mandates.get(w)) {
                    sinkMandate = w;
                    lastBeforeSink = v;
                    for (int x = v; x != s; x = from[x]) {
                        onRoute[x] = routeStamp;
                        flowPred[x] = from[x];
                    }
                    return true;
                }
                queue[tail++] = w;
            }
        }
        return false;
    }

    /** BFS in the residual network of the first route from out(source); true at the sink. */
    private boolean secondRoute() {
        int searchStamp = ++stamp;
        int tail = 0;
        int start = 2 * source + 1;
        seen[start] = searchStamp;
        queue[tail++] = start;
        for (int head = 0; head < tail; head++) {
            int state = queue[head];
            int v = state >> 1;
            boolean vOnRoute = onRoute[v] == routeStamp;
            if ((state & 1) == 1) {
                for (int slot = graph.offset(v), end = graph.offsetEnd(v); slot < end; slot++) {
                    int w = graph.target(slot);
                    if (w == source) {
                        continue;
                    }
                    if (mandates.get(w)) {
                        // Only the first route's own last arc is saturated; any other arc into
                        // the contracted sink completes a second route.
                        if (v != lastBeforeSink || w != sinkMandate) {
                            return true;
                        }
                        continue;
                    }
                    boolean arcUsed = onRoute[w] == routeStamp && flowPred[w] == v;
                    if (!arcUsed) {
                        tail = push(2 * w, searchStamp, tail);
                    }
                }
                if (vOnRoute) {
                    // Residual of the saturated in(v) -> out(v).
                    tail = push(2 * v, searchStamp, tail);
                }
            } else if (!vOnRoute) {
                tail = push(2 * v + 1, searchStamp, tail);
            } else if (flowPred[v] != source) {
                // Residual of the flow arc out(pred) -> in(v): walk the first route backwards.
                tail = push(2 * flowPred[v] + 1, searchStamp, tail);
            }
        }
        return false;
    }

    private int push(int state, int searchStamp, int tail) {
        if (seen[state] == searchStamp) {
            return tail;
        }
        seen[state] = searchStamp;
        queue[tail] = state;
        return tail + 1;
    }
}
