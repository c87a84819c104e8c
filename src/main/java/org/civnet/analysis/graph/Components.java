package org.civnet.analysis.graph;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * The connected components of an undirected graph.
 *
 * <p><b>Definition.</b> Two vertices lie in the same component when some path joins them (a
 * vertex with no tie is a component of its own). Components are numbered {@code 0..count()-1} in
 * the order of their smallest vertex, the order in which NetworkX's {@code connected_components}
 * yields them for a graph whose nodes were added by index; {@link #largestFirst()} gives the
 * order by size, as {@code sorted(..., key=len, reverse=True)} does.
 *
 * <p><b>Method.</b> Breadth-first search from each vertex not yet labelled, in ascending order
 * (e.g. Hopcroft &amp; Tarjan 1973, "Algorithm 447", CACM 16(6), for the linear bound).
 *
 * <p><b>Cost.</b> {@code O(n + m)} time, {@code O(n)} memory. Immutable and thread-safe.
 */
public final class Components {

    private final int[] componentOf;
    /** Members of component {@code c}, ascending, are {@code members[memberOffsets[c] .. memberOffsets[c+1])}. */
    private final int[] memberOffsets;
    private final int[] members;

    public Components(Adjacency graph) {
        Objects.requireNonNull(graph, "graph");
        int n = graph.vertexCount();
        componentOf = new int[n];
        Arrays.fill(componentOf, -1);
        int[] queue = new int[n];
        int count = 0;
        for (int start = 0; start < n; start++) {
            if (componentOf[start] >= 0) {
                continue;
            }
            int tail = 0;
            queue[tail++] = start;
            componentOf[start] = count;
            for (int head = 0; head < tail; head++) {
                int v = queue[head];
                for (int slot = graph.offset(v), end = graph.offsetEnd(v); slot < end; slot++) {
                    int u = graph.target(slot);
                    if (componentOf[u] < 0) {
                        componentOf[u] = count;
                        queue[tail++] = u;
                    }
                }
            }
            count++;
        }
        // Counting sort by label; scanning vertices in ascending order keeps each component sorted.
        memberOffsets = new int[count + 1];
        for (int v = 0; v < n; v++) {
            memberOffsets[componentOf[v] + 1]++;
        }
        for (int c = 0; c < count; c++) {
            memberOffsets[c + 1] += memberOffsets[c];
        }
        members = new int[n];
        int[] fill = Arrays.copyOf(memberOffsets, count);
        for (int v = 0; v < n; v++) {
            members[fill[componentOf[v]]++] = v;
        }
    }

    /** Number of components; 0 for the empty graph. */
    public int count() {
        return memberOffsets.length - 1;
    }

    /** The component of {@code v}. */
    public int componentOf(int v) {
        return componentOf[Objects.checkIndex(v, componentOf.length)];
    }

    /** True when a path joins {@code u} and {@code v}. */
    public boolean connected(int u, int v) {
        return componentOf(u) == componentOf(v);
    }

    /** Number of vertices in component {@code c}. */
    public int size(int c) {
        Objects.checkIndex(c, count());
        return memberOffsets[c + 1] - memberOffsets[c];
    }

    /** The vertices of component {@code c}, ascending (a copy). */
    public int[] members(int c) {
        Objects.checkIndex(c, count());
        return Arrays.copyOfRange(members, memberOffsets[c], memberOffsets[c + 1]);
    }

    /** The component of every vertex (a copy). */
    public int[] labels() {
        return componentOf.clone();
    }

    /** Component numbers by size descending, equal sizes by smallest vertex (NetworkX's reference order). */
    public int[] largestFirst() {
        Integer[] order = new Integer[count()];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        // Stable: equal sizes keep the smallest-vertex order.
        Arrays.sort(order, Comparator.comparingInt((Integer c) -> -size(c)));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
}
