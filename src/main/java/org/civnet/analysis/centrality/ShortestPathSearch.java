package org.civnet.analysis.centrality;

import java.util.Arrays;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Single-source shortest paths over a {@link CsrGraph} with reusable primitive buffers: BFS when
 * unweighted, Dijkstra with an indexed binary heap when weighted. One instance per thread; after
 * each {@link #run} only the vertices it touched are reset, so a sweep over all sources costs
 * O(n + m) per source (O(m log n) weighted) without reallocating.
 *
 * <p>Weighted searches use edge lengths {@code 1/weight}: a weight is a tie strength, so a strong
 * tie is a short hop. Equal-length paths are detected with exact floating-point equality, as in
 * NetworkX; the predecessor test used to count paths is the same one used to accumulate
 * dependencies, so both stay consistent.
 */
final class ShortestPathSearch {

    private final CsrGraph graph;
    /** Per adjacency slot: 1/weight; null for BFS. Shared, read-only. */
    private final double[] lengths;

    /** Reached vertices in non-decreasing distance from the source; the first {@code reached}. */
    final int[] order;
    int reached;
    /** BFS hop counts, -1 when unreached (unweighted searches). */
    final int[] hops;
    /** Distances, +infinity when unreached (weighted searches). */
    final double[] dist;
    /** Number of shortest paths from the source, when counted. */
    final double[] sigma;

    private final boolean[] settled;
    private final int[] heap;
    private final int[] heapPos;
    private int heapSize;

    ShortestPathSearch(CsrGraph graph, double[] lengths) {
        this.graph = graph;
        this.lengths = lengths;
        int n = graph.vertexCount();
        this.order = new int[n];
        this.sigma = new double[n];
        if (lengths == null) {
            this.hops = new int[n];
            Arrays.fill(hops, -1);
            this.dist = null;
            this.settled = null;
            this.heap = null;
            this.heapPos = null;
        } else {
            this.hops = null;
            this.dist = new double[n];
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            this.settled = new boolean[n];
            this.heap = new int[n];
            this.heapPos = new int[n];
        }
    }

    /** Edge lengths {@code 1/weight} per adjacency slot, for weighted searches. */
    static double[] inverseWeightLengths(CsrGraph graph) {
        int slots = graph.vertexCount() == 0 ? 0 : graph.offsetEnd(graph.vertexCount() - 1);
        double[] lengths = new double[slots];
        for (int s = 0; s < slots; s++) {
            lengths[s] = 1.0 / graph.weight(s);
        }
        return lengths;
    }

    boolean weighted() {
        return lengths != null;
    }

    /** Searches from {@code source}; fills {@code order}, distances and, if asked, {@code sigma}. */
    void run(int source, boolean countPaths) {
        reset();
        if (lengths == null) {
            bfs(source, countPaths);
        } else {
            dijkstra(source, countPaths);
        }
    }

    /**
     * True when {@code pred} is the previous vertex of some shortest path to {@code v}; {@code slot}
     * is the position of {@code pred} in {@code v}'s adjacency.
     */
    boolean isPredecessor(int pred, int v, int slot) {
        if (lengths == null) {
            return hops[pred] >= 0 && hops[pred] == hops[v] - 1;
        }
        // dist[pred] < dist[v] guards against a length too small to change a large distance.
        return settled[pred] && dist[pred] < dist[v] && dist[pred] + lengths[slot] == dist[v];
    }

    private void bfs(int source, boolean countPaths) {
        int[] q = order;
        q[0] = source;
        hops[source] = 0;
        sigma[source] = 1.0;
        int head = 0;
        int tail = 1;
        while (head < tail) {
            int v = q[head++];
            int next = hops[v] + 1;
            double sv = sigma[v];
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                int w = graph.target(s);
                if (hops[w] < 0) {
                    hops[w] = next;
                    q[tail++] = w;
                }
                if (countPaths && hops[w] == next) {
                    sigma[w] += sv;
                }
            }
        }
        reached = tail;
    }

    private void dijkstra(int source, boolean countPaths) {
        dist[source] = 0.0;
        push(source);
        int count = 0;
        while (heapSize > 0) {
            int v = pop();
            settled[v] = true;
            order[count++] = v;
            double dv = dist[v];
            if (countPaths) {
                if (v == source) {
                    sigma[v] = 1.0;
                } else {
                    double paths = 0.0;
                    for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                        int u = graph.target(s);
                        if (isPredecessor(u, v, s)) {
                            paths += sigma[u];
                        }
                    }
                    sigma[v] = paths;
                }
            }
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                int w = graph.target(s);
                if (settled[w]) {
                    continue;
                }
                double candidate = dv + lengths[s];
                if (candidate < dist[w]) {
                    boolean queued = dist[w] != Double.POSITIVE_INFINITY;
                    dist[w] = candidate;
                    if (queued) {
                        siftUp(heapPos[w]);
                    } else {
                        push(w);
                    }
                }
            }
        }
        reached = count;
    }

    private void reset() {
        for (int i = 0; i < reached; i++) {
            int v = order[i];
            sigma[v] = 0.0;
            if (lengths == null) {
                hops[v] = -1;
            } else {
                dist[v] = Double.POSITIVE_INFINITY;
                settled[v] = false;
            }
        }
        reached = 0;
    }

    // Indexed binary min-heap keyed by dist[].

    private void push(int v) {
        heap[heapSize] = v;
        heapPos[v] = heapSize;
        siftUp(heapSize++);
    }

    private int pop() {
        int top = heap[0];
        int last = heap[--heapSize];
        if (heapSize > 0) {
            heap[0] = last;
            heapPos[last] = 0;
            siftDown(0);
        }
        return top;
    }

    private void siftUp(int i) {
        int v = heap[i];
        double key = dist[v];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (dist[p] <= key) {
                break;
            }
            heap[i] = p;
            heapPos[p] = i;
            i = parent;
        }
        heap[i] = v;
        heapPos[v] = i;
    }

    private void siftDown(int i) {
        int v = heap[i];
        double key = dist[v];
        int half = heapSize >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int c = heap[child];
            int right = child + 1;
            if (right < heapSize && dist[heap[right]] < dist[c]) {
                child = right;
                c = heap[child];
            }
            if (key <= dist[c]) {
                break;
            }
            heap[i] = c;
            heapPos[c] = i;
            i = child;
        }
        heap[i] = v;
        heapPos[v] = i;
    }
}
