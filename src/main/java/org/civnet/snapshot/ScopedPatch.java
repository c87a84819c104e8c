package org.civnet.snapshot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

import org.civnet.analysis.graph.CsrGraph;

/**
 * Brings a scoped snapshot from one graph version to the next when the graph was patched from
 * change records ({@link SnapshotPatch}), instead of selecting the scope and building the CSR graph
 * again: the result is exactly {@code NetworkSnapshot.of(patched.data(), scope)} (same vertex
 * numbers, edge ids and adjacency), built in O(n + m) bulk copies without sorting a million ties.
 *
 * <p>Why that holds, in both layouts of {@link SnapshotPatch.Patched}: the patch keeps the unchanged
 * ties in their relative order and appends the ties read back, each of which touches a changed node;
 * so the edges between unchanged vertices keep their relative first-insertion order (edge ids
 * renumbered by rank) and the new edges come after them in the order of their first tie. In place,
 * every row keeps its position, so every vertex keeps its number when no changed node entered or
 * left the scope, and a changed vertex's new incidences take their sorted places in its neighbours'
 * slices. With the changed rows moved to the end instead, the unchanged vertices keep their order
 * (renumbered monotonically, which keeps every adjacency slice sorted) and every changed vertex
 * comes after all of them (its incidences go to the end of each slice).
 */
final class ScopedPatch {

    private ScopedPatch() {
    }

    /**
     * {@code old} (the scope at the patch's base version) brought to the patched graph; null when
     * it does not fit (another scope or version), and the caller builds the snapshot whole.
     */
    static NetworkSnapshot apply(NetworkSnapshot old, SnapshotPatch.Patched patch) {
        if (old.graphVersion() != patch.fromVersion()) {
            return null;
        }
        return patch.inPlace() ? applyInPlace(old, patch) : applyMovingChangedRows(old, patch);
    }

    /**
     * The graph was patched in place (no named node deleted: {@link SnapshotPatch.Patched#inPlace}),
     * so when no changed node entered or left the scope every vertex keeps its number and the new
     * nodes' vertices follow. Then only the slices of the changed vertices and of their neighbours
     * (before and after) are rebuilt; the slices between them are copied in runs, their edge ids
     * renumbered by rank (the edges of the changed vertices leave, the new ones are numbered after
     * the rest, as a whole build numbers them). Null when the vertex numbering moved.
     *
     * <p>A write changes one or two nodes, so tens of a million edges leave: everything here is
     * either bulk copies (runs of slices, runs of edge and node columns, {@link Renumbering}) or
     * work on the changed vertices and their neighbours, never a gather through an array of a
     * million entries, nor a pass over the rows or ties of the patched graph. O(n + m) copies.
     */
    private static NetworkSnapshot applyInPlace(NetworkSnapshot old, SnapshotPatch.Patched patch) {
        long started = System.nanoTime();
        GraphData data = patch.data();
        AnalysisScope scope = old.scope();
        String[] ids = data.ids();
        int oldN = old.vertexCount();
        // Rows keep their places, and an unchanged row its scope: the numbering holds when no
        // overwritten row entered or left the scope. The new rows in scope are numbered after.
        int[] overwrittenRows = patch.overwrittenRows();
        int firstNewNode = patch.firstNewNode();
        int[] rewritten = new int[overwrittenRows.length + data.nodeCount() - firstNewNode];
        int[] rewrittenRows = new int[rewritten.length];
        int count = 0;
        for (int row : overwrittenRows) {
            int v = old.indexOf(ids[row]);
            if ((v >= 0) != NetworkSnapshot.inScope(data, row, scope)) {
                return null;
            }
            if (v >= 0) {
                rewritten[count] = v;
                rewrittenRows[count++] = row;
            }
        }
        int changedOld = count;
        int[] vertexOfNewRow = new int[data.nodeCount() - firstNewNode];
        for (int row = firstNewNode; row < data.nodeCount(); row++) {
            boolean in = NetworkSnapshot.inScope(data, row, scope);
            vertexOfNewRow[row - firstNewNode] = in ? oldN + count - changedOld : -1;
            if (in) {
                rewritten[count] = oldN + count - changedOld;
                rewrittenRows[count++] = row;
            }
        }
        rewritten = Arrays.copyOf(rewritten, count);
        rewrittenRows = Arrays.copyOf(rewrittenRows, count);
        int kept = oldN + count - changedOld;
        boolean[] changed = new boolean[kept];
        for (int v : rewritten) {
            changed[v] = true;
        }
        CsrGraph before = old.graph();
        int[] oldOffsets = before.offsetsArray();
        int[] oldTargets = before.targetsArray();
        int[] oldEdgeIds = before.edgeIdsArray();
        double[] oldWeights = before.weightsArray();
        // The changed vertices' edges leave; their unchanged neighbours' slices are rebuilt without them.
        IntStream.Builder removed = IntStream.builder();
        IntStream.Builder rebuilt = IntStream.builder();
        for (int v : rewritten) {
            rebuilt.add(v);
            if (v >= oldN) {
                continue;
            }
            for (int s = oldOffsets[v]; s < oldOffsets[v + 1]; s++) {
                removed.add(oldEdgeIds[s]);
                if (!changed[oldTargets[s]]) {
                    rebuilt.add(oldTargets[s]);
                }
            }
        }
        Renumbering edgeIds = Renumbering.removing(before.edgeCount(), removed.build().toArray());
        int keptEdges = edgeIds.keptCount();
        IntUnaryOperator vertexOfRow = row -> row < firstNewNode ? old.indexOf(ids[row]) : vertexOfNewRow[row - firstNewNode];
        NewEdges added = newEdges(data, scope, vertexOfRow, patch.firstNewTie(), keptEdges);
        for (int k = 0; k < added.incidences; k++) {
            rebuilt.add(added.from[k]);
        }
        int[] rebuiltVertices = rebuilt.build().sorted().distinct().toArray();
        int edges = keptEdges + added.count;
        int[] offsets = new int[kept + 1];
        int[] targets = new int[2 * edges];
        int[] edgeIdsOut = new int[2 * edges];
        double[] weights = new double[2 * edges];
        // Slices are written in vertex order: between two rebuilt vertices, a run of old slices
        // (all below oldN: every new vertex is rebuilt) copied whole, shifted by what came before.
        int at = 0;
        int u = 0;
        int k = 0;
        for (int r = 0; r <= rebuiltVertices.length; r++) {
            int next = r < rebuiltVertices.length ? rebuiltVertices[r] : kept;
            if (next > u) {
                int from = oldOffsets[u];
                int length = oldOffsets[next] - from;
                int shift = at - from;
                for (int x = u; x < next; x++) {
                    offsets[x + 1] = oldOffsets[x + 1] + shift;
                }
                System.arraycopy(oldTargets, from, targets, at, length);
                System.arraycopy(oldWeights, from, weights, at, length);
                edgeIds.renumber(oldEdgeIds, from, edgeIdsOut, at, length);
                at += length;
            }
            if (r == rebuiltVertices.length) {
                break;
            }
            u = next;
            // Merge by neighbour: the old incidences to unchanged vertices (none for a changed vertex)
            // and the new incidences, which all lead to changed vertices.
            int s = u < oldN && !changed[u] ? oldOffsets[u] : 0;
            int sEnd = u < oldN && !changed[u] ? oldOffsets[u + 1] : 0;
            int kEnd = k;
            while (kEnd < added.incidences && added.from[kEnd] == u) {
                kEnd++;
            }
            while (s < sEnd || k < kEnd) {
                if (s < sEnd && changed[oldTargets[s]]) {
                    s++;
                } else if (k >= kEnd || (s < sEnd && oldTargets[s] < added.to[k])) {
                    targets[at] = oldTargets[s];
                    weights[at] = oldWeights[s];
                    edgeIdsOut[at++] = edgeIds.newId(oldEdgeIds[s++]);
                } else {
                    targets[at] = added.to[k];
                    edgeIdsOut[at] = added.id[k];
                    weights[at++] = added.weight[added.id[k] - keptEdges];
                    k++;
                }
            }
            offsets[u + 1] = at;
            u++;
        }
        CsrGraph graph = CsrGraph.fromArrays(kept, offsets, targets, edgeIdsOut, weights, edges, anyNotOne(weights));
        // The patch keeps the surviving ties in order: base tie b is data tie b - (removed ties below b).
        Renumbering tieIds = Renumbering.removing(patch.baseTieCount(), patch.removedBaseTies().clone());
        return old.patchedInPlace(data, kept, rewritten, rewrittenRows, graph, edgeIds, tieIds,
                Arrays.copyOf(added.firstTie, added.count), started);
    }

    /** Whether some weight differs from 1 (what the builder calls weighted). */
    private static boolean anyNotOne(double[] weights) {
        for (double w : weights) {
            if (w != 1.0) {
                return true;
            }
        }
        return false;
    }

    /** Each edge's first tie in the patched graph: the survivors' through the patch's tie layout, then the new ones'. */
    private static int[] firstTies(NetworkSnapshot old, SnapshotPatch.Patched patch, int[] newEdgeId, int edges,
                                   int keptEdges, NewEdges added) {
        int[] dataTieOfBaseTie = inverse(patch.baseTieOfDataTie(), patch.firstNewTie());
        int[] firstTie = new int[edges];
        for (int e = 0; e < newEdgeId.length; e++) {
            if (newEdgeId[e] >= 0) {
                firstTie[newEdgeId[e]] = dataTieOfBaseTie[old.firstTie(e)];
            }
        }
        System.arraycopy(added.firstTie, 0, firstTie, keptEdges, added.count);
        return firstTie;
    }

    /** The graph was patched with the changed rows moved to the end: see the class comment. */
    private static NetworkSnapshot applyMovingChangedRows(NetworkSnapshot old, SnapshotPatch.Patched patch) {
        long started = System.nanoTime();
        GraphData data = patch.data();
        AnalysisScope scope = old.scope();
        int[] newIndex = NetworkSnapshot.vertices(data, scope);
        int kept = 0;
        int survivors = 0;
        for (int i = 0; i < newIndex.length; i++) {
            if (newIndex[i] >= 0) {
                kept++;
                if (i < patch.firstNewNode()) {
                    survivors++;
                }
            }
        }
        // Old vertex -> new vertex: survivors are the old vertices whose node the patch did not name.
        int oldN = old.vertexCount();
        int[] remap = new int[oldN];
        int r = 0;
        for (int v = 0; v < oldN; v++) {
            remap[v] = patch.changed().contains(old.id(v)) ? -1 : r++;
        }
        if (r != survivors) {
            return null;
        }
        CsrGraph before = old.graph();
        int[] oldOffsets = before.offsetsArray();
        int[] oldTargets = before.targetsArray();
        int[] oldEdgeIds = before.edgeIdsArray();
        double[] oldWeights = before.weightsArray();
        // Surviving edges, renumbered by rank of their old id; each survivor's surviving incidences
        // counted in the same pass (one walk of the old adjacency instead of two).
        boolean[] survives = new boolean[before.edgeCount()];
        int[] degree = new int[kept];
        for (int v = 0; v < oldN; v++) {
            int u = remap[v];
            if (u < 0) {
                continue;
            }
            for (int s = oldOffsets[v]; s < oldOffsets[v + 1]; s++) {
                if (remap[oldTargets[s]] >= 0) {
                    survives[oldEdgeIds[s]] = true;
                    degree[u]++;
                }
            }
        }
        int[] newEdgeId = new int[before.edgeCount()];
        int keptEdges = 0;
        for (int e = 0; e < survives.length; e++) {
            newEdgeId[e] = survives[e] ? keptEdges++ : -1;
        }
        NewEdges added = newEdges(data, scope, i -> newIndex[i], patch.firstNewTie(), keptEdges);
        int edges = keptEdges + added.count;
        // Adjacency: each survivor's old slice without changed neighbours, then the new incidences.
        for (int k = 0; k < added.incidences; k++) {
            degree[added.from[k]]++;
        }
        int[] offsets = new int[kept + 1];
        for (int u = 0; u < kept; u++) {
            offsets[u + 1] = offsets[u] + degree[u];
        }
        int[] targets = new int[2 * edges];
        int[] edgeIds = new int[2 * edges];
        double[] weights = new double[2 * edges];
        int[] fill = Arrays.copyOf(offsets, kept);
        for (int v = 0; v < oldN; v++) {
            int u = remap[v];
            if (u < 0) {
                continue;
            }
            for (int s = oldOffsets[v]; s < oldOffsets[v + 1]; s++) {
                int t = remap[oldTargets[s]];
                if (t >= 0) {
                    targets[fill[u]] = t;
                    edgeIds[fill[u]] = newEdgeId[oldEdgeIds[s]];
                    weights[fill[u]++] = oldWeights[s];
                }
            }
        }
        for (int k = 0; k < added.incidences; k++) {
            int u = added.from[k];
            targets[fill[u]] = added.to[k];
            edgeIds[fill[u]] = added.id[k];
            weights[fill[u]++] = added.weight[added.id[k] - keptEdges];
        }
        CsrGraph graph = CsrGraph.fromArrays(kept, offsets, targets, edgeIds, weights, edges, anyNotOne(weights));
        int[] firstTie = firstTies(old, patch, newEdgeId, edges, keptEdges, added);
        return NetworkSnapshot.assemble(data, scope, newIndex, kept, graph, firstTie, started);
    }

    /**
     * The edges built from the new ties (from {@code firstNewTie} on): deduplicated, with both
     * directions; {@code vertexOfRow} gives a row's vertex, or -1 when it is out of scope.
     */
    private static NewEdges newEdges(GraphData data, AnalysisScope scope, IntUnaryOperator vertexOfRow, int firstNewTie,
                                     int firstId) {
        NewEdges out = new NewEdges(data.tieCount() - firstNewTie);
        Map<Long, Integer> byPair = new HashMap<>();
        for (int e = firstNewTie; e < data.tieCount(); e++) {
            int a = vertexOfRow.applyAsInt(data.tieFrom()[e]);
            int b = vertexOfRow.applyAsInt(data.tieTo()[e]);
            if (a < 0 || b < 0 || a == b || !NetworkSnapshot.tieInScope(data, e, scope)) {
                continue;
            }
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            double w = NetworkSnapshot.strength(data, e);
            Integer known = byPair.get(((long) lo << 32) | hi);
            if (known != null) {
                out.weight[known] = Math.max(out.weight[known], w);
                continue;
            }
            byPair.put(((long) lo << 32) | hi, out.count);
            out.firstTie[out.count] = e;
            out.weight[out.count] = w;
            out.add(lo, hi, firstId + out.count);
            out.add(hi, lo, firstId + out.count);
            out.count++;
        }
        out.sortByEnds();
        return out;
    }

    private static int[] inverse(int[] baseTieOfDataTie, int count) {
        int max = 0;
        for (int k = 0; k < count; k++) {
            max = Math.max(max, baseTieOfDataTie[k] + 1);
        }
        int[] out = new int[max];
        Arrays.fill(out, -1);
        for (int k = 0; k < count; k++) {
            out[baseTieOfDataTie[k]] = k;
        }
        return out;
    }

    /** Incidences of the new edges, as (from, to, edge id), sorted by from then to. */
    private static final class NewEdges {
        int count;
        int incidences;
        final int[] firstTie;
        final double[] weight;
        int[] from;
        int[] to;
        int[] id;

        NewEdges(int ties) {
            firstTie = new int[ties];
            weight = new double[ties];
            from = new int[2 * ties];
            to = new int[2 * ties];
            id = new int[2 * ties];
        }

        void add(int u, int v, int edgeId) {
            from[incidences] = u;
            to[incidences] = v;
            id[incidences++] = edgeId;
        }

        void sortByEnds() {
            Integer[] order = new Integer[incidences];
            for (int k = 0; k < incidences; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (x, y) -> from[x] != from[y] ? Integer.compare(from[x], from[y]) : Integer.compare(to[x], to[y]));
            int[] f = new int[incidences];
            int[] t = new int[incidences];
            int[] d = new int[incidences];
            for (int k = 0; k < incidences; k++) {
                f[k] = from[order[k]];
                t[k] = to[order[k]];
                d[k] = id[order[k]];
            }
            from = f;
            to = t;
            id = d;
        }
    }
}
