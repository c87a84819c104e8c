package org.civnet.analysis.isolation;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.civnet.analysis.graph.Adjacency;
import org.civnet.analysis.graph.CsrGraph;
import org.civnet.analysis.graph.LowLink;

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
    /** Blocks of the contracted multigraph (vertex n = omega) from omega; unreached vertices have none. */
    private final LowLink blocks;
    private final int[] depth;

    MandateBlocks(MandateReach reach) {
        CsrGraph graph = reach.graph();
        this.n = graph.vertexCount();
        this.omega = n;
        this.mandates = reach.mandates();
        int[] offsets = new int[n + 2];
        int[] targets = contract(graph, offsets);
        this.blocks = LowLink.from(Adjacency.of(offsets, targets), omega);
        this.depth = new int[n + 1];
        // Blocks close deepest first; walking them in reverse visits each head's block before the
        // blocks hanging below it.
        for (int b = blocks.blockCount() - 1; b >= 0; b--) {
            for (int i = blocks.membersStart(b); i < blocks.membersEnd(b); i++) {
                depth[blocks.member(i)] = depth[blocks.head(b)] + 1;
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

    private int node(int v) {
        return mandates.get(v) ? omega : v;
    }

    /**
     * True when {@code v} is a mandate or shares a block other than a bridge with them: two or more
     * routes.
     */
    boolean safe(int v) {
        int y = node(v);
        int block = blocks.ownBlock(y);
        return y == omega || block >= 0 && blocks.head(block) == omega && !blocks.isBridge(block);
    }

    /** Capped routes of {@code v} to the mandates: 0 unreachable, 1 fragile, 2 safe. */
    int routes(int v) {
        if (safe(v)) {
            return RouteCounter.CAP;
        }
        return blocks.ownBlock(node(v)) >= 0 ? 1 : 0;
    }

    /** Per block, how many vertices of {@code set} it contains (its head included). */
    int[] blockCounts(BitSet set) {
        int[] counts = new int[blocks.blockCount()];
        for (int b = 0; b < blocks.blockCount(); b++) {
            int c = blocks.head(b) != omega && set.get(blocks.head(b)) ? 1 : 0;
            for (int i = blocks.membersStart(b); i < blocks.membersEnd(b); i++) {
                if (set.get(blocks.member(i))) {
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
        if (a == b || a != omega && blocks.ownBlock(a) < 0 || b != omega && blocks.ownBlock(b) < 0) {
            return false;
        }
        boolean aMoved = false;
        boolean bMoved = false;
        while (a != b) {
            if (a != omega && b != omega && blocks.ownBlock(a) == blocks.ownBlock(b)) {
                int block = blocks.ownBlock(a);
                take(block, counts, collect, sum, set);
                sum[0] -= (aMoved && in(set, a) ? 1 : 0) + (bMoved && in(set, b) ? 1 : 0);
                return blocks.head(block) == omega;
            }
            boolean moveA = depth[a] >= depth[b];
            int y = moveA ? a : b;
            int block = blocks.ownBlock(y);
            take(block, counts, collect, sum, set);
            // y was already counted as the head of the block taken before on this side.
            if ((moveA ? aMoved : bMoved) && in(set, y)) {
                sum[0]--;
            }
            if (moveA) {
                a = blocks.head(block);
                aMoved = true;
            } else {
                b = blocks.head(block);
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
            if (in(set, blocks.head(block))) {
                collect.set(blocks.head(block));
            }
            for (int i = blocks.membersStart(block); i < blocks.membersEnd(block); i++) {
                if (set.get(blocks.member(i))) {
                    collect.set(blocks.member(i));
                }
            }
        }
    }
}
