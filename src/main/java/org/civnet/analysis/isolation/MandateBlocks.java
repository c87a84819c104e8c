package org.civnet.analysis.isolation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.civnet.analysis.graph.CsrGraph;

/**
 * The block-cut tree of the graph with all mandates contracted into one vertex {@code omega},
 * rooted at {@code omega}; it answers "which vertices would a new tie give a second route".
 *
 * <p>In the contracted multigraph a vertex has two or more routes to the mandates exactly when it
 * shares a biconnected block other than a bridge with {@code omega} (Menger; a vertex tied to two
 * mandates gets two parallel edges, a block of its own). Adding a tie {@code u-v} merges the blocks on the tree path
 * between {@code u} and {@code v} into one block (e.g. Westbrook &amp; Tarjan 1992, "Maintaining
 * bridge-connected and biconnected components on-line"), so the tie helps exactly when that path
 * runs through {@code omega}, and the vertices that gain a second route are those of the merged
 * blocks.
 *
 * <p>Each vertex {@code y} of omega's component except omega lies in exactly one block below it,
 * {@code ownBlock(y)}; {@code up(y)}, the head of that block, is the nearest cut vertex between
 * {@code y} and the mandates (omega when there is none). Cost {@code O(n + m)} to build, then
 * {@code O(length of the up-chains)} per query. Package-private: used by {@link DisjointRoutes}
 * and {@link SuggestedTies}.
 */
final class MandateBlocks {

    private final int n;
    private final int omega;
    private final BitSet mandates;
    /** Per vertex (index n = omega): its block below, -1 for omega and for unreached vertices. */
    private final int[] ownBlock;
    private final int[] depth;
    private final int[] head;
    private final int[] memberOffsets;
    private final int[] members;
    private final BitSet bridgeBlocks = new BitSet();

    MandateBlocks(MandateReach reach) {
        CsrGraph graph = reach.graph();
        this.n = graph.vertexCount();
        this.omega = n;
        this.mandates = reach.mandates();
        int[] offsets = new int[n + 2];
        int[] targets = contract(graph, offsets);
        this.ownBlock = new int[n + 1];
        Arrays.fill(ownBlock, -1);
        List<Integer> heads = new ArrayList<>();
        int[] blockMembers = new int[n];
        int[] blockEnds = new int[n + 1];
        int blockCount = decompose(offsets, targets, heads, blockMembers, blockEnds);
        this.head = heads.stream().mapToInt(Integer::intValue).toArray();
        this.memberOffsets = Arrays.copyOf(blockEnds, blockCount + 1);
        this.members = blockMembers;
        this.depth = new int[n + 1];
        // Members were popped deepest block first; walking blocks in reverse creation order visits
        // each head's block before the blocks hanging below it.
        for (int b = blockCount - 1; b >= 0; b--) {
            for (int i = memberOffsets[b]; i < memberOffsets[b + 1]; i++) {
                depth[members[i]] = depth[head[b]] + 1;
            }
        }
    }

    /** Adjacency of the contracted multigraph: mandate ends become omega, mandate-mandate ties vanish. */
    private int[] contract(CsrGraph graph, int[] offsets) {
        for (int v = 0; v < n; v++) {
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                int w = graph.target(s);
                if (mandates.get(v) && !mandates.get(w)) {
                    offsets[omega + 1]++;
                } else if (!mandates.get(v)) {
                    offsets[v + 1]++;
                }
            }
        }
        for (int v = 0; v <= n; v++) {
            offsets[v + 1] += offsets[v];
        }
        int[] targets = new int[offsets[n + 1]];
        int[] fill = Arrays.copyOf(offsets, n + 1);
        for (int v = 0; v < n; v++) {
            for (int s = graph.offset(v), end = graph.offsetEnd(v); s < end; s++) {
                int w = graph.target(s);
                if (mandates.get(v) && !mandates.get(w)) {
                    targets[fill[omega]++] = w;
                } else if (!mandates.get(v)) {
                    targets[fill[v]++] = mandates.get(w) ? omega : w;
                }
            }
        }
        return targets;
    }

    /**
     * Iterative Hopcroft-Tarjan from omega with a vertex stack; returns the block count. Parallel
     * edges are kept: only the first edge back to the parent is the tree edge.
     */
    private int decompose(int[] offsets, int[] targets, List<Integer> heads, int[] blockMembers,
                          int[] blockEnds) {
        int size = n + 1;
        int[] disc = new int[size];
        int[] low = new int[size];
        int[] parent = new int[size];
        boolean[] parentSkipped = new boolean[size];
        Arrays.fill(disc, -1);
        int[] stack = new int[size];
        int[] nextSlot = new int[size];
        int[] pending = new int[size];
        int pendingTop = 0;
        int written = 0;
        int time = 0;
        int top = 0;
        stack[0] = omega;
        nextSlot[0] = offsets[omega];
        parent[omega] = -1;
        disc[omega] = low[omega] = time++;
        while (top >= 0) {
            int v = stack[top];
            int slot = nextSlot[top];
            if (slot < offsets[v + 1]) {
                nextSlot[top] = slot + 1;
                int w = targets[slot];
                if (w == parent[v] && !parentSkipped[v]) {
                    parentSkipped[v] = true;
                } else if (disc[w] < 0) {
                    parent[w] = v;
                    disc[w] = low[w] = time++;
                    pending[pendingTop++] = w;
                    top++;
                    stack[top] = w;
                    nextSlot[top] = offsets[w];
                } else {
                    low[v] = Math.min(low[v], disc[w]);
                }
            } else {
                top--;
                int p = parent[v];
                if (p >= 0) {
                    low[p] = Math.min(low[p], low[v]);
                    if (low[v] >= disc[p]) {
                        int block = heads.size();
                        heads.add(p);
                        // A lone tree edge with no back edge (not even a parallel one) is a bridge.
                        bridgeBlocks.set(block, low[v] > disc[p]);
                        int y;
                        do {
                            y = pending[--pendingTop];
                            ownBlock[y] = block;
                            blockMembers[written++] = y;
                        } while (y != v);
                        blockEnds[block + 1] = written;
                    }
                }
            }
        }
        return heads.size();
    }

    private int node(int v) {
        return mandates.get(v) ? omega : v;
    }

    /**
     * True when {@code v} is a mandate or shares a block other than a bridge with them: two or more
     * routes.
     */
    boolean safe(int v) {
        int y = node(v);
        return y == omega
                || ownBlock[y] >= 0 && head[ownBlock[y]] == omega && !bridgeBlocks.get(ownBlock[y]);
    }

    /** Capped routes of {@code v} to the mandates: 0 unreachable, 1 fragile, 2 safe. */
    int routes(int v) {
        if (safe(v)) {
            return RouteCounter.CAP;
        }
        return ownBlock[node(v)] >= 0 ? 1 : 0;
    }

    /** Per block, how many vertices of {@code set} it contains (its head included). */
    int[] blockCounts(BitSet set) {
        int[] counts = new int[head.length];
        for (int b = 0; b < head.length; b++) {
            int c = head[b] != omega && set.get(head[b]) ? 1 : 0;
            for (int i = memberOffsets[b]; i < memberOffsets[b + 1]; i++) {
                if (set.get(members[i])) {
                    c++;
                }
            }
            counts[b] = c;
        }
        return counts;
    }

    /**
     * How many vertices of {@code set} (whose per-block counts are {@code counts}) a new tie
     * {@code u-v} would put in a block with the mandates, or -1 when the tie gives {@code u} no
     * second route. Both ends must reach a mandate already.
     */
    int gain(int u, int v, BitSet set, int[] counts) {
        int[] result = {0};
        return walk(u, v, set, counts, null, result) ? result[0] : -1;
    }

    /** The vertices of {@code set} that the tie {@code u-v} puts in a block with the mandates. */
    List<Integer> gainers(int u, int v, BitSet set) {
        BitSet found = new BitSet();
        walk(u, v, set, null, found, new int[1]);
        return found.stream().boxed().toList();
    }

    /**
     * Walks the two up-chains to their meeting point, adding up (or collecting) the set's vertices
     * in the blocks passed; returns whether the chains meet at omega.
     */
    private boolean walk(int u, int v, BitSet set, int[] counts, BitSet collect, int[] sum) {
        int a = node(u);
        int b = node(v);
        if (a == b || a != omega && ownBlock[a] < 0 || b != omega && ownBlock[b] < 0) {
            return false;
        }
        boolean aMoved = false;
        boolean bMoved = false;
        while (a != b) {
            if (a != omega && b != omega && ownBlock[a] == ownBlock[b]) {
                int block = ownBlock[a];
                take(block, counts, collect, sum, set);
                sum[0] -= (aMoved && in(set, a) ? 1 : 0) + (bMoved && in(set, b) ? 1 : 0);
                return head[block] == omega;
            }
            boolean moveA = depth[a] >= depth[b];
            int y = moveA ? a : b;
            int block = ownBlock[y];
            take(block, counts, collect, sum, set);
            // y was already counted as the head of the block taken before on this side.
            if ((moveA ? aMoved : bMoved) && in(set, y)) {
                sum[0]--;
            }
            if (moveA) {
                a = head[block];
                aMoved = true;
            } else {
                b = head[block];
                bMoved = true;
            }
        }
        if (aMoved && bMoved && in(set, a)) {
            sum[0]--;
        }
        return a == omega;
    }

    private boolean in(BitSet set, int y) {
        return y != omega && set.get(y);
    }

    private void take(int block, int[] counts, BitSet collect, int[] sum, BitSet set) {
        if (counts != null) {
            sum[0] += counts[block];
        }
        if (collect != null) {
            if (in(set, head[block])) {
                collect.set(head[block]);
            }
            for (int i = memberOffsets[block]; i < memberOffsets[block + 1]; i++) {
                if (set.get(members[i])) {
                    collect.set(members[i]);
                }
            }
        }
    }
}
