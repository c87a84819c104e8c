package org.civnet.analysis.isolation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.civnet.analysis.graph.CsrGraph;

/**
 * How far every vertex is from the UN human rights mechanisms, and which parts of the network no
 * mandate reaches.
 *
 * <p>Definition: {@code hops(v)} is the unweighted shortest-path distance from {@code v} to the
 * nearest mandate (0 for a mandate, -1 when no mandate is in {@code v}'s connected component),
 * computed by one multi-source breadth-first search seeded with every mandate. It equals
 * {@code min} over mandates of NetworkX's {@code shortest_path_length(G, m, v)}; edge weights are
 * ignored. Components follow NetworkX's {@code connected_components}, listed by size descending,
 * then by smallest vertex; a component is <em>unreached</em> when it contains no mandate.
 *
 * <p>Every other analysis of this package starts from a {@code MandateReach}, which carries the
 * graph and the mandate set.
 *
 * <p>Cost: {@code O(n + m)} time, {@code O(n)} memory. Immutable and thread-safe.
 */
public final class MandateReach {

    /**
     * A connected component.
     *
     * @param id           position in {@link #components()} (0 = largest)
     * @param vertices     its vertices, ascending
     * @param mandateCount how many of them are mandates; 0 means no member can reach a mandate
     */
    public record Component(int id, List<Integer> vertices, int mandateCount) {
        public Component {
            vertices = List.copyOf(vertices);
        }

        public int size() {
            return vertices.size();
        }

        public boolean reached() {
            return mandateCount > 0;
        }
    }

    private final CsrGraph graph;
    private final BitSet mandates;
    private final int[] hops;
    private final int[] nearest;
    private final int[] componentOf;
    private final List<Component> components;
    private final List<Component> unreached;
    private final int reachableCount;
    private final int maxHops;

    public MandateReach(CsrGraph graph, BitSet mandates) {
        this.graph = Objects.requireNonNull(graph, "graph");
        int n = graph.vertexCount();
        this.mandates = Checks.vertexSet(mandates, n, "mandates");
        this.hops = new int[n];
        this.nearest = new int[n];
        Arrays.fill(hops, -1);
        Arrays.fill(nearest, -1);
        int[] queue = new int[n];
        int tail = 0;
        for (int m = this.mandates.nextSetBit(0); m >= 0; m = this.mandates.nextSetBit(m + 1)) {
            hops[m] = 0;
            nearest[m] = m;
            queue[tail++] = m;
        }
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                int w = graph.target(s);
                if (hops[w] < 0) {
                    hops[w] = hops[v] + 1;
                    nearest[w] = nearest[v];
                    queue[tail++] = w;
                }
            }
        }
        this.reachableCount = tail;
        this.maxHops = tail == 0 ? -1 : hops[queue[tail - 1]];
        this.componentOf = new int[n];
        this.components = findComponents(queue);
        List<Component> none = new ArrayList<>();
        for (Component c : components) {
            if (!c.reached()) {
                none.add(c);
            }
        }
        this.unreached = List.copyOf(none);
    }

    private List<Component> findComponents(int[] queue) {
        int n = graph.vertexCount();
        Arrays.fill(componentOf, -1);
        List<int[]> found = new ArrayList<>();
        List<Integer> mandateCounts = new ArrayList<>();
        for (int root = 0; root < n; root++) {
            if (componentOf[root] >= 0) {
                continue;
            }
            int label = found.size();
            int tail = 0;
            queue[tail++] = root;
            componentOf[root] = label;
            int mandateCount = 0;
            for (int head = 0; head < tail; head++) {
                int v = queue[head];
                if (mandates.get(v)) {
                    mandateCount++;
                }
                for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                    int w = graph.target(s);
                    if (componentOf[w] < 0) {
                        componentOf[w] = label;
                        queue[tail++] = w;
                    }
                }
            }
            int[] members = Arrays.copyOf(queue, tail);
            Arrays.sort(members);
            found.add(members);
            mandateCounts.add(mandateCount);
        }
        // Roots are scanned in ascending order, so each component's label already follows its
        // smallest vertex; a stable sort by size gives NetworkX's reference order.
        Integer[] order = new Integer[found.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> -found.get(i).length));
        int[] relabel = new int[order.length];
        List<Component> result = new ArrayList<>(order.length);
        for (int id = 0; id < order.length; id++) {
            relabel[order[id]] = id;
            int[] members = found.get(order[id]);
            List<Integer> boxed = new ArrayList<>(members.length);
            for (int v : members) {
                boxed.add(v);
            }
            result.add(new Component(id, boxed, mandateCounts.get(order[id])));
        }
        for (int v = 0; v < n; v++) {
            componentOf[v] = relabel[componentOf[v]];
        }
        return List.copyOf(result);
    }

    public CsrGraph graph() {
        return graph;
    }

    /** A copy of the mandate set. */
    public BitSet mandates() {
        return (BitSet) mandates.clone();
    }

    public boolean isMandate(int v) {
        return mandates.get(Checks.vertex(v, hops.length));
    }

    /** Hops from {@code v} to its nearest mandate; 0 for a mandate, -1 when unreachable. */
    public int hops(int v) {
        return hops[Checks.vertex(v, hops.length)];
    }

    /** A copy of the per-vertex hops array (see {@link #hops(int)}). */
    public int[] hopsArray() {
        return hops.clone();
    }

    /**
     * One nearest mandate of {@code v} (among equally near ones, the one whose search wave arrived
     * first; waves start in ascending mandate order), or -1 when unreachable.
     */
    public int nearestMandate(int v) {
        return nearest[Checks.vertex(v, hops.length)];
    }

    public boolean isReachable(int v) {
        return hops(v) >= 0;
    }

    /** Number of vertices, mandates included, that have a path to some mandate. */
    public int reachableCount() {
        return reachableCount;
    }

    /** {@link #reachableCount()} over the vertex count; 0 for the empty graph. */
    public double reachableShare() {
        return hops.length == 0 ? 0.0 : (double) reachableCount / hops.length;
    }

    /** The largest finite hops value, or -1 when no vertex reaches a mandate. */
    public int maxHops() {
        return maxHops;
    }

    /** Index of {@code v}'s component in {@link #components()}. */
    public int componentOf(int v) {
        return componentOf[Checks.vertex(v, hops.length)];
    }

    /** All connected components, largest first, then by smallest vertex. */
    public List<Component> components() {
        return components;
    }

    /** The components that contain no mandate, in the order of {@link #components()}. */
    public List<Component> unreached() {
        return unreached;
    }

    /** Mandates in the component of {@code v}. */
    int mandatesInComponentOf(int v) {
        return components.get(componentOf[v]).mandateCount();
    }
}
