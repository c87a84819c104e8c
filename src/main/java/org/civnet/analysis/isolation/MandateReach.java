package org.civnet.analysis.isolation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

import org.civnet.analysis.graph.Components;
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
 * then by smallest vertex ({@link Components#largestFirst()}); a component is <em>unreached</em> when it contains no mandate.
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
        this.components = findComponents();
        List<Component> none = new ArrayList<>();
        for (Component c : components) {
            if (!c.reached()) {
                none.add(c);
            }
        }
        this.unreached = List.copyOf(none);
    }

    private List<Component> findComponents() {
        Components found = new Components(graph);
        int[] mandateCounts = new int[found.count()];
        for (int m = mandates.nextSetBit(0); m >= 0; m = mandates.nextSetBit(m + 1)) {
            mandateCounts[found.componentOf(m)]++;
        }
        int[] order = found.largestFirst();
        int[] relabel = new int[order.length];
        List<Component> result = new ArrayList<>(order.length);
        for (int id = 0; id < order.length; id++) {
            relabel[order[id]] = id;
            List<Integer> members = Arrays.stream(found.members(order[id])).boxed().toList();
            result.add(new Component(id, members, mandateCounts[order[id]]));
        }
        for (int v = 0; v < componentOf.length; v++) {
            componentOf[v] = relabel[found.componentOf(v)];
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
