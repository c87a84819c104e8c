package org.civnet.analysis.graph;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * Depth-first discovery times and low-points, and what they tell: articulation points, bridges
 * and biconnected blocks.
 *
 * <p><b>Definitions.</b> A depth-first search starts at every undiscovered vertex in ascending
 * order ({@link #of}) or at one root only ({@link #from}), scanning neighbours in adjacency
 * order. {@code disc(v)} is {@code v}'s preorder position (-1 when not discovered), so a subtree
 * occupies the positions {@code disc(v) .. disc(v) + subtreeSize(v) - 1} and a DFS tree those of
 * its root. {@code low(v)} is the smallest {@code disc} reachable from {@code v}'s subtree by
 * tree edges down and one other edge. Only the first edge back to the parent is the tree edge,
 * so in a multigraph a parallel edge counts as a second route. A child {@code c} of {@code p} is
 * <em>separated</em> when {@code low(c) >= disc(p)} (removing {@code p} cuts {@code c}'s subtree
 * off) and its tree edge is a <em>bridge</em> when {@code low(c) > disc(p)}; a vertex is an
 * articulation point when it has a separated child and is not a root, or is a root with two or
 * more children. These agree with NetworkX's {@code articulation_points} and {@code bridges}.
 *
 * <p><b>Blocks.</b> Each separated child {@code c} of {@code p} closes one block (biconnected
 * component): its <em>head</em> {@code p} and the discovered vertices of {@code c}'s subtree not
 * already in a lower block. Blocks are numbered in the order they close (deepest first), members
 * listed deepest first; every discovered vertex but a root lies in exactly one block,
 * {@link #ownBlock}, the one below it, whose head is its nearest cut vertex towards the root.
 *
 * <p><b>Method.</b> Hopcroft &amp; Tarjan 1973 ("Algorithm 447: efficient algorithms for graph
 * manipulation", CACM 16(6)) with an explicit stack, so deep graphs (100k-vertex paths) are safe,
 * and Tarjan's vertex stack for the blocks.
 *
 * <p><b>Cost.</b> {@code O(n + m)} time, {@code O(n)} memory. Immutable and thread-safe.
 */
public final class LowLink {

    private final int n;
    private final int[] disc;
    private final int[] low;
    private final int[] parent;
    private final int[] root;
    private final int[] order;
    private final int discovered;
    private final int[] subtreeSize;
    private final int[] ownBlock;
    private final int[] blockHead;
    private final BitSet bridgeBlocks = new BitSet();
    /** Members of block {@code b} are {@code members[memberOffsets[b] .. memberOffsets[b+1])}. */
    private final int[] memberOffsets;
    private final int[] members;

    /** A search from every vertex not yet discovered, in ascending order: the whole graph. */
    public static LowLink of(Adjacency graph) {
        return new LowLink(graph, -1);
    }

    /** A search from {@code root} only: its component; other vertices stay undiscovered. */
    public static LowLink from(Adjacency graph, int root) {
        Objects.checkIndex(root, Objects.requireNonNull(graph, "graph").vertexCount());
        return new LowLink(graph, root);
    }

    private LowLink(Adjacency graph, int onlyRoot) {
        Objects.requireNonNull(graph, "graph");
        n = graph.vertexCount();
        disc = new int[n];
        low = new int[n];
        parent = new int[n];
        root = new int[n];
        order = new int[n];
        subtreeSize = new int[n];
        ownBlock = new int[n];
        Arrays.fill(disc, -1);
        Arrays.fill(parent, -1);
        Arrays.fill(root, -1);
        Arrays.fill(ownBlock, -1);
        Search search = new Search(graph);
        if (onlyRoot >= 0) {
            search.run(onlyRoot);
        } else {
            for (int r = 0; r < n; r++) {
                if (disc[r] < 0) {
                    search.run(r);
                }
            }
        }
        discovered = search.time;
        blockHead = Arrays.copyOf(search.heads, search.blocks);
        memberOffsets = Arrays.copyOf(search.blockEnds, search.blocks + 1);
        members = Arrays.copyOf(search.blockMembers, search.written);
        for (int i = discovered - 1; i >= 0; i--) {
            int v = order[i];
            subtreeSize[v] += 1;
            if (parent[v] >= 0) {
                subtreeSize[parent[v]] += subtreeSize[v];
            }
        }
    }

    /** The iterative search; its stacks live only while the constructor runs. */
    private final class Search {
        final Adjacency graph;
        final int[] stack = new int[n];
        final int[] nextSlot = new int[n];
        final boolean[] parentSkipped = new boolean[n];
        final int[] pending = new int[n];
        final int[] heads = new int[n];
        final int[] blockEnds = new int[n + 1];
        final int[] blockMembers = new int[n];
        int pendingTop;
        int blocks;
        int written;
        int time;

        Search(Adjacency graph) {
            this.graph = graph;
        }

        void run(int r) {
            int top = 0;
            stack[0] = r;
            nextSlot[0] = graph.offset(r);
            discover(r, r);
            while (top >= 0) {
                int v = stack[top];
                int slot = nextSlot[top];
                if (slot < graph.offsetEnd(v)) {
                    nextSlot[top] = slot + 1;
                    int w = graph.target(slot);
                    if (w == parent[v] && !parentSkipped[v]) {
                        parentSkipped[v] = true;
                    } else if (disc[w] < 0) {
                        parent[w] = v;
                        discover(w, r);
                        pending[pendingTop++] = w;
                        top++;
                        stack[top] = w;
                        nextSlot[top] = graph.offset(w);
                    } else {
                        low[v] = Math.min(low[v], disc[w]);
                    }
                } else {
                    top--;
                    int p = parent[v];
                    if (p >= 0) {
                        low[p] = Math.min(low[p], low[v]);
                        if (low[v] >= disc[p]) {
                            closeBlock(p, v);
                        }
                    }
                }
            }
        }

        private void discover(int v, int r) {
            disc[v] = low[v] = time;
            root[v] = r;
            order[time++] = v;
        }

        private void closeBlock(int head, int child) {
            int block = blocks++;
            heads[block] = head;
            // A lone tree edge with no other edge across (not even a parallel one) is a bridge.
            bridgeBlocks.set(block, low[child] > disc[head]);
            int y;
            do {
                y = pending[--pendingTop];
                ownBlock[y] = block;
                blockMembers[written++] = y;
            } while (y != child);
            blockEnds[block + 1] = written;
        }
    }

    public int vertexCount() {
        return n;
    }

    /** Number of vertices the search discovered ({@code n} for {@link #of}). */
    public int discoveredCount() {
        return discovered;
    }

    public boolean isDiscovered(int v) {
        return disc[v] >= 0;
    }

    /** Preorder position of {@code v}, -1 when not discovered. */
    public int disc(int v) {
        return disc[v];
    }

    public int low(int v) {
        return low[v];
    }

    /** DFS parent of {@code v}; -1 for a root or an undiscovered vertex. */
    public int parent(int v) {
        return parent[v];
    }

    /** The root of {@code v}'s DFS tree (with {@link #of}: its component's smallest vertex); -1 when undiscovered. */
    public int root(int v) {
        return root[v];
    }

    /** The vertex at preorder position {@code position}. */
    public int vertexAt(int position) {
        Objects.checkIndex(position, discovered);
        return order[position];
    }

    /** Vertices in {@code v}'s DFS subtree, {@code v} included; 0 when undiscovered. */
    public int subtreeSize(int v) {
        return subtreeSize[v];
    }

    /** True when {@code c} has a parent whose removal cuts {@code c}'s subtree off. */
    public boolean isSeparated(int c) {
        return parent[c] >= 0 && low[c] >= disc[parent[c]];
    }

    /** True when the tree edge from {@code c} to its parent is a bridge. */
    public boolean isBridgeToParent(int c) {
        return parent[c] >= 0 && low[c] > disc[parent[c]];
    }

    /** The articulation points (cut vertices). */
    public BitSet articulationPoints() {
        int[] separatedChildren = new int[n];
        for (int v = 0; v < n; v++) {
            if (isSeparated(v)) {
                separatedChildren[parent[v]]++;
            }
        }
        BitSet cut = new BitSet(n);
        for (int v = 0; v < n; v++) {
            // A root's children are always separated; it cuts only when it has two or more.
            if (separatedChildren[v] >= (parent[v] < 0 ? 2 : 1)) {
                cut.set(v);
            }
        }
        return cut;
    }

    public int blockCount() {
        return blockHead.length;
    }

    /** The block {@code v} lies in below its head; -1 for a root or an undiscovered vertex. */
    public int ownBlock(int v) {
        return ownBlock[v];
    }

    /** The head of block {@code b}: the vertex the block hangs from. */
    public int head(int b) {
        return blockHead[b];
    }

    /** True when block {@code b} is a single bridge (its head and one member). */
    public boolean isBridge(int b) {
        return bridgeBlocks.get(b);
    }

    /** First index of block {@code b}'s members, for {@link #member(int)}. */
    public int membersStart(int b) {
        return memberOffsets[b];
    }

    /** End (exclusive) of block {@code b}'s members. */
    public int membersEnd(int b) {
        return memberOffsets[b + 1];
    }

    /** The member at index {@code i}; block {@code b}'s are {@code membersStart(b) <= i < membersEnd(b)}. */
    public int member(int i) {
        return members[i];
    }
}
