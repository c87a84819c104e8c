package org.civnet.analysis.isolation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.civnet.analysis.graph.CsrGraph;
import org.civnet.analysis.graph.LowLink;

/**
 * Single points of failure between people and the UN human rights mechanisms: articulation
 * points and bridges, and who would lose every path to a mandate if one of them were lost.
 *
 * <p>Definitions. An articulation point (cut vertex) is a vertex whose removal increases the number
 * of connected components; a bridge is such an edge. Both follow NetworkX's
 * {@code articulation_points} and {@code bridges}. Removing a vertex {@code a} <em>cuts off</em> a
 * vertex {@code x != a} when {@code x} reached a mandate before and no longer does; the same for a
 * tie. {@link #hangsByThread(int)} marks the reachable non-mandate vertices that one non-mandate
 * vertex or one tie can cut off; mandates are never counted as failure points (see the package
 * documentation).
 *
 * <p>Method: one iterative depth-first search ({@link LowLink}: Hopcroft &amp; Tarjan 1973, "Algorithm 447:
 * efficient algorithms for graph manipulation", CACM 16(6)) computes discovery times and low-points.
 * Removing {@code a} splits its component into one piece per DFS child {@code c} with
 * {@code low(c) >= disc(a)} (the child's subtree) plus the rest; this is the block-cut tree read off
 * the DFS tree. With subtree sums of mandates and of any vertex set, the number of that set's
 * vertices cut off by removing each vertex is computed for all vertices at once, instead of a
 * search per articulation point. The explicit stack keeps the search safe on deep graphs (100k
 * vertex paths).
 *
 * <p>Cost: {@code O(n + m)} to build; {@link #cutOffCounts(BitSet)} is {@code O(n)} per call;
 * {@link #cutOffBy(int, BitSet)} is {@code O(n)}. Immutable and thread-safe.
 */
public final class WeakPoints {

    /**
     * An articulation point.
     *
     * @param vertex          the vertex
     * @param mandate         true when it is itself a mandate (a what-if: mandates are not treated
     *                        as failure points elsewhere)
     * @param atRiskCutOff    at-risk vertices that would lose every path to a mandate
     * @param verticesCutOff  all vertices that would lose every path to a mandate
     */
    public record CutVertex(int vertex, boolean mandate, int atRiskCutOff, int verticesCutOff) {
    }

    /**
     * A bridge {@code {u, v}}, {@code u < v}.
     *
     * @param edgeId         the CSR edge id, for side arrays
     * @param atRiskCutOff   at-risk vertices that would lose every path to a mandate
     * @param verticesCutOff all vertices that would lose every path to a mandate
     */
    public record Bridge(int u, int v, int edgeId, int atRiskCutOff, int verticesCutOff) {
    }

    private static final Comparator<CutVertex> CUT_VERTEX_ORDER = Comparator
            .comparingInt((CutVertex c) -> -c.atRiskCutOff())
            .thenComparingInt(c -> -c.verticesCutOff())
            .thenComparingInt(CutVertex::vertex);
    private static final Comparator<Bridge> BRIDGE_ORDER = Comparator
            .comparingInt((Bridge b) -> -b.atRiskCutOff())
            .thenComparingInt(b -> -b.verticesCutOff())
            .thenComparingInt(Bridge::u)
            .thenComparingInt(Bridge::v);

    private final MandateReach reach;
    private final CsrGraph graph;
    private final BitSet mandates;
    private final BitSet atRisk;
    private final int n;
    /** Discovery times are preorder positions: the vertices of a subtree and of a component are contiguous. */
    private final LowLink dfs;
    private final int[] componentMandates;
    private final int[] subtreeMandates;
    /** Mandates in the separated child subtrees of each vertex. */
    private final int[] separatedMandates;
    private final BitSet articulation;
    private final BitSet thread = new BitSet();
    private final List<CutVertex> cutVertices;
    private final List<Bridge> bridges;

    public WeakPoints(MandateReach reach, BitSet atRisk) {
        this.reach = Objects.requireNonNull(reach, "reach");
        this.graph = reach.graph();
        this.n = graph.vertexCount();
        this.mandates = reach.mandates();
        this.atRisk = Checks.vertexSet(atRisk, n, "atRisk");
        dfs = LowLink.of(graph);
        articulation = dfs.articulationPoints();
        componentMandates = new int[n];
        subtreeMandates = subtreeSums(mandates);
        separatedMandates = new int[n];
        for (int v = 0; v < n; v++) {
            componentMandates[v] = reach.mandatesInComponentOf(v);
            int p = dfs.parent(v);
            if (p >= 0 && isSeparated(v)) {
                separatedMandates[p] += subtreeMandates[v];
            }
        }
        markThreads();
        int[] atRiskCut = cutOffCounts(this.atRisk);
        int[] allCut = cutOffCountsOf(null);
        List<CutVertex> cuts = new ArrayList<>();
        for (int a = articulation.nextSetBit(0); a >= 0; a = articulation.nextSetBit(a + 1)) {
            cuts.add(new CutVertex(a, mandates.get(a), atRiskCut[a], allCut[a]));
        }
        cuts.sort(CUT_VERTEX_ORDER);
        this.cutVertices = List.copyOf(cuts);
        this.bridges = findBridges();
    }

    /** True when removing {@code parent(c)} separates {@code c}'s subtree from the rest. */
    private boolean isSeparated(int c) {
        return dfs.isSeparated(c);
    }

    private boolean isBridgeToParent(int c) {
        return dfs.isBridgeToParent(c);
    }

    /** Per vertex, how many members of {@code set} lie in its DFS subtree ({@code null} = all). */
    private int[] subtreeSums(BitSet set) {
        int[] sums = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            int v = dfs.vertexAt(i);
            if (set == null || set.get(v)) {
                sums[v]++;
            }
            if (dfs.parent(v) >= 0) {
                sums[dfs.parent(v)] += sums[v];
            }
        }
        return sums;
    }

    /**
     * Marks every vertex that one non-mandate vertex or one bridge can cut off, with a difference
     * array over preorder positions (subtrees and components are intervals there).
     */
    private void markThreads() {
        int[] diff = new int[n + 1];
        for (int c = 0; c < n; c++) {
            int a = dfs.parent(c);
            if (a < 0 || componentMandates[c] == 0) {
                continue;
            }
            boolean separated = isSeparated(c);
            if (separated && !mandates.get(a) && subtreeMandates[c] == 0) {
                addInterval(diff, dfs.disc(c), dfs.subtreeSize(c), 1);
            }
            if (isBridgeToParent(c)) {
                if (subtreeMandates[c] == 0) {
                    addInterval(diff, dfs.disc(c), dfs.subtreeSize(c), 1);
                } else if (componentMandates[c] == subtreeMandates[c]) {
                    addInterval(diff, componentStart(c), componentSize(c), 1);
                    addInterval(diff, dfs.disc(c), dfs.subtreeSize(c), -1);
                }
            }
        }
        for (int a = 0; a < n; a++) {
            if (mandates.get(a) || componentMandates[a] == 0 || remainderMandates(a) > 0) {
                continue;
            }
            // All mandates sit in separated subtrees of a: the rest of the component is cut off.
            addInterval(diff, componentStart(a), componentSize(a), 1);
            addInterval(diff, dfs.disc(a), 1, -1);
            for (int s = graph.offset(a), end = graph.offsetEnd(a); s < end; s++) {
                int c = graph.target(s);
                if (dfs.parent(c) == a && isSeparated(c)) {
                    addInterval(diff, dfs.disc(c), dfs.subtreeSize(c), -1);
                }
            }
        }
        int running = 0;
        for (int i = 0; i < n; i++) {
            running += diff[i];
            int v = dfs.vertexAt(i);
            if (running > 0 && !mandates.get(v)) {
                thread.set(v);
            }
        }
    }

    /** First preorder position of {@code v}'s component. */
    private int componentStart(int v) {
        return dfs.disc(dfs.root(v));
    }

    private int componentSize(int v) {
        return dfs.subtreeSize(dfs.root(v));
    }

    private static void addInterval(int[] diff, int from, int length, int delta) {
        diff[from] += delta;
        diff[from + length] -= delta;
    }

    /** Mandates left in the piece that keeps {@code a}'s DFS parent once {@code a} is removed. */
    private int remainderMandates(int a) {
        return componentMandates[a] - (mandates.get(a) ? 1 : 0) - separatedMandates[a];
    }

    private List<Bridge> findBridges() {
        int[] atRiskSub = subtreeSums(atRisk);
        int[] componentAtRisk = componentTotals(atRiskSub);
        List<Bridge> found = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int p = dfs.parent(c);
            if (p < 0 || !isBridgeToParent(c)) {
                continue;
            }
            int atRiskLost = 0;
            int allLost = 0;
            if (componentMandates[c] > 0) {
                if (subtreeMandates[c] == 0) {
                    atRiskLost = atRiskSub[c];
                    allLost = dfs.subtreeSize(c);
                } else if (subtreeMandates[c] == componentMandates[c]) {
                    atRiskLost = componentAtRisk[c] - atRiskSub[c];
                    allLost = componentSize(c) - dfs.subtreeSize(c);
                }
            }
            int edgeId = graph.edgeId(graph.slotOf(p, c));
            found.add(new Bridge(Math.min(p, c), Math.max(p, c), edgeId, atRiskLost, allLost));
        }
        found.sort(BRIDGE_ORDER);
        return List.copyOf(found);
    }

    /** Per vertex, the total of a subtree-summed quantity over its whole component. */
    private int[] componentTotals(int[] subtreeSums) {
        int[] totals = new int[n];
        for (int v = 0; v < n; v++) {
            totals[v] = subtreeSums[dfs.root(v)];
        }
        return totals;
    }

    /**
     * For every vertex {@code a}: how many vertices of {@code set}, other than {@code a}, reach a
     * mandate now and would reach none once {@code a} is removed. Defined for mandates too (a
     * what-if). Non-articulation non-mandate vertices always get 0.
     *
     * <p>Cost {@code O(n)}.
     */
    public int[] cutOffCounts(BitSet set) {
        return cutOffCountsOf(Checks.vertexSet(set, n, "set"));
    }

    private int[] cutOffCountsOf(BitSet set) {
        int[] sub = subtreeSums(set);
        int[] lost = new int[n];
        int[] separatedMembers = new int[n];
        for (int c = 0; c < n; c++) {
            int a = dfs.parent(c);
            if (a >= 0 && isSeparated(c)) {
                separatedMembers[a] += sub[c];
                if (componentMandates[c] > 0 && subtreeMandates[c] == 0) {
                    lost[a] += sub[c];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            if (componentMandates[a] > 0 && remainderMandates(a) == 0) {
                int componentMembers = sub[dfs.root(a)];
                int self = set == null || set.get(a) ? 1 : 0;
                lost[a] += componentMembers - self - separatedMembers[a];
            }
        }
        return lost;
    }

    /**
     * The vertices of {@code among} that removing {@code vertex} would cut off from every mandate,
     * ascending. Cost {@code O(n)}.
     */
    public List<Integer> cutOffBy(int vertex, BitSet among) {
        Checks.vertex(vertex, n);
        BitSet filter = Checks.vertexSet(among, n, "among");
        BitSet lost = new BitSet(n);
        if (componentMandates[vertex] > 0) {
            BitSet separatedPositions = new BitSet(n);
            for (int s = graph.offset(vertex), end = graph.offsetEnd(vertex); s < end; s++) {
                int c = graph.target(s);
                if (dfs.parent(c) == vertex && isSeparated(c)) {
                    separatedPositions.set(dfs.disc(c), dfs.disc(c) + dfs.subtreeSize(c));
                    if (subtreeMandates[c] == 0) {
                        markPositions(lost, dfs.disc(c), dfs.disc(c) + dfs.subtreeSize(c));
                    }
                }
            }
            if (remainderMandates(vertex) == 0) {
                int from = componentStart(vertex);
                for (int i = from; i < from + componentSize(vertex); i++) {
                    if (i != dfs.disc(vertex) && !separatedPositions.get(i)) {
                        lost.set(dfs.vertexAt(i));
                    }
                }
            }
        }
        lost.and(filter);
        return lost.stream().boxed().toList();
    }

    private void markPositions(BitSet target, int from, int to) {
        for (int i = from; i < to; i++) {
            target.set(dfs.vertexAt(i));
        }
    }

    /** Articulation points (mandates included), most at-risk dependants first. */
    public List<CutVertex> cutVertices() {
        return cutVertices;
    }

    /**
     * The articulation points that are not mandates and cut off at least one at-risk vertex,
     * most dependants first: the people and organisations the at-risk contacts hang on.
     */
    public List<CutVertex> critical() {
        return cutVertices.stream().filter(c -> !c.mandate() && c.atRiskCutOff() > 0).toList();
    }

    /** Bridges, most at-risk dependants first. */
    public List<Bridge> bridges() {
        return bridges;
    }

    /** Bridges that cut off at least one at-risk vertex. */
    public List<Bridge> criticalBridges() {
        return bridges.stream().filter(b -> b.atRiskCutOff() > 0).toList();
    }

    public boolean isArticulationPoint(int v) {
        return articulation.get(Checks.vertex(v, n));
    }

    /**
     * True when {@code v} reaches a mandate, is not one, and some single non-mandate vertex
     * {@code != v} or single tie could cut it off from all of them. Equivalent to fewer than two
     * {@link DisjointRoutes}.
     */
    public boolean hangsByThread(int v) {
        return thread.get(Checks.vertex(v, n));
    }

    /** A copy of the set of vertices that {@link #hangsByThread(int)}. */
    public BitSet threads() {
        return (BitSet) thread.clone();
    }

    public MandateReach reach() {
        return reach;
    }

    /** A copy of the at-risk set this analysis counted. */
    public BitSet atRisk() {
        return (BitSet) atRisk.clone();
    }
}
