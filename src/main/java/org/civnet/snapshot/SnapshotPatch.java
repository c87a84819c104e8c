package org.civnet.snapshot;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Applies the change records between two graph versions to a {@link GraphData}, instead of reading
 * the whole graph again: every node a record names is dropped with every tie that touches it, and
 * the rows of those that still exist come back with all their ties ({@link Rows}). The result
 * holds the same nodes and ties as a fresh read, in another order: when no named node was deleted
 * (the usual write) each changed row is overwritten in place and new nodes are appended, otherwise
 * the kept rows keep their relative order and the changed ones go to the end; kept ties keep their
 * order and the ties read back follow.
 *
 * <p>Columns are copied generically, so a column added to {@link GraphData} needs no change here:
 * components named {@code tie…} are tie columns, every other array is a node column. Cost: O(n + m)
 * for the copies (bulk {@link System#arraycopy} over the runs of kept rows: a few milliseconds at a
 * million ties) plus a hash look-up per node to find the changed ones.
 */
public final class SnapshotPatch {

    /**
     * The current rows of the changed nodes that still exist, and every tie touching one of them
     * (each once). {@code rows}' tie ends are indices into its rows, or -1 for an end outside them,
     * which {@code tieFromIds}/{@code tieToIds} name.
     */
    public record Rows(GraphData rows, String[] tieFromIds, String[] tieToIds) {
    }

    private static final RecordComponent[] COMPONENTS = GraphData.class.getRecordComponents();
    private static final Constructor<GraphData> CONSTRUCTOR = canonicalConstructor();

    private SnapshotPatch() {
    }

    /**
     * The graph at {@code version}: {@code base} without the {@code changed} nodes and their ties,
     * plus {@code rows}. Stored values the reader could not use are counted per read, not per node,
     * so a caller with such values on either side reads the whole graph instead.
     *
     * @throws IllegalArgumentException when a column cannot be patched (a caller then reads the whole graph)
     */
    public static GraphData apply(GraphData base, Set<String> changed, Rows rows, long version) {
        return applyWithLayout(base, changed, rows, version).data();
    }

    /**
     * A patched graph and where its new parts start. Ties from {@code firstNewTie} on are those read
     * back; the ones before keep the base's relative order, tie {@code k} being the base's tie
     * {@code baseTieOfDataTie[k]} (what {@link ScopedPatch} relies on). Rows: when {@code inPlace},
     * row {@code i} below {@code firstNewNode} is the base's row {@code i} (the changed ones with
     * their new values) and the rows from there on are new nodes; otherwise the rows below
     * {@code firstNewNode} are the base's unchanged rows in their order and every changed row
     * follows. {@code overwrittenRows}: in place, the rows below {@code firstNewNode} written over
     * with a changed node's new values, ascending (so a scoped snapshot finds its changed vertices
     * without a pass over the rows); empty otherwise.
     */
    public record Patched(GraphData data, Set<String> changed, long fromVersion, int firstNewNode, int firstNewTie,
                          int[] baseTieOfDataTie, boolean inPlace, int[] overwrittenRows) {
    }

    /** As {@link #apply}, with the layout of the result. */
    public static Patched applyWithLayout(GraphData base, Set<String> changed, Rows rows, long version) {
        if (base.unreadableValues() > 0 || rows.rows().unreadableValues() > 0) {
            throw new IllegalArgumentException("unreadable values are counted per read, not per node");
        }
        Patched inPlace = applyInPlace(base, changed, rows, version);
        return inPlace != null ? inPlace : applyMovingChangedRows(base, changed, rows, version);
    }

    /**
     * The common case, when no node the records name was deleted: each changed row is overwritten
     * where it is and new nodes are appended, so every other row keeps its position and the scoped
     * snapshots keep their vertex numbers ({@link ScopedPatch}). Null when a named node is gone
     * (the rows after it would move): {@link #applyMovingChangedRows} then.
     */
    private static Patched applyInPlace(GraphData base, Set<String> changed, Rows rows, long version) {
        GraphData delta = rows.rows();
        int n = base.nodeCount();
        String[] ids = base.ids();
        Map<String, Integer> deltaRow = new HashMap<>();
        for (int r = 0; r < delta.nodeCount(); r++) {
            deltaRow.put(delta.ids()[r], r);
        }
        Map<String, Integer> wanted = wanted(changed, rows);
        int[] rowOfDelta = new int[delta.nodeCount()];
        java.util.Arrays.fill(rowOfDelta, -1);
        boolean[] changedRow = new boolean[n];
        Map<String, Integer> farEnds = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Integer mark = wanted.get(ids[i]);
            if (mark == null) {
                continue;
            }
            if (mark == -1) {
                Integer r = deltaRow.get(ids[i]);
                if (r == null) {
                    return null;
                }
                rowOfDelta[r] = i;
                changedRow[i] = true;
            } else {
                farEnds.put(ids[i], i);
            }
        }
        int appended = 0;
        int[] newRows = new int[delta.nodeCount()];
        int[] overwrittenRows = new int[delta.nodeCount()];
        int overwritten = 0;
        for (int r = 0; r < rowOfDelta.length; r++) {
            if (rowOfDelta[r] < 0) {
                rowOfDelta[r] = n + appended;
                newRows[appended++] = r;
            } else {
                overwrittenRows[overwritten++] = rowOfDelta[r];
            }
        }
        overwrittenRows = java.util.Arrays.copyOf(overwrittenRows, overwritten);
        java.util.Arrays.sort(overwrittenRows);
        int[] keptTies = keptTies(base, changedRow);
        // Kept ties keep their ends (rows do not move); a row read back is where it was written.
        TieEnds ends = tieEnds(base, keptTies, node -> node, rows, r -> rowOfDelta[r], farEnds);
        GraphData data = construct(base, delta, version, null, rowOfDelta, java.util.Arrays.copyOf(newRows, appended),
                keptTies, ends.addedTies(), ends.from(), ends.to());
        return new Patched(data, changed, base.graphVersion(), n, keptTies.length, keptTies, true, overwrittenRows);
    }

    /** The ties of {@code base} touching no changed (or dropped) row, in order. */
    private static int[] keptTies(GraphData base, boolean[] changedRow) {
        int m = base.tieCount();
        int[] out = new int[m];
        int k = 0;
        int[] from = base.tieFrom();
        int[] to = base.tieTo();
        for (int e = 0; e < m; e++) {
            if (!changedRow[from[e]] && !changedRow[to[e]]) {
                out[k++] = e;
            }
        }
        return k == m ? out : java.util.Arrays.copyOf(out, k);
    }

    /**
     * When a node the records name was deleted: every changed row is dropped and the rows read back
     * are appended, the unchanged rows keeping their relative order.
     */
    private static Patched applyMovingChangedRows(GraphData base, Set<String> changed, Rows rows, long version) {
        GraphData delta = rows.rows();
        int n = base.nodeCount();
        String[] ids = base.ids();
        // Which base nodes go, and where the ends of the new ties are among those that stay.
        Map<String, Integer> wanted = wanted(changed, rows);
        int[] newIndex = new int[n];
        int kept = 0;
        Map<String, Integer> farEnds = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Integer mark = wanted.get(ids[i]);
            if (mark != null && mark == -1) {
                newIndex[i] = -1;
                continue;
            }
            if (mark != null) {
                farEnds.put(ids[i], kept);
            }
            newIndex[i] = kept++;
        }
        int[] keptNodes = kept(newIndex, n, kept);
        boolean[] dropped = new boolean[n];
        for (int i = 0; i < n; i++) {
            dropped[i] = newIndex[i] < 0;
        }
        int[] keptTies = keptTies(base, dropped);
        // Kept ties' ends renumbered; the rows read back follow the kept ones.
        int keptCount = kept;
        TieEnds ends = tieEnds(base, keptTies, node -> newIndex[node], rows, r -> keptCount + r, farEnds);
        int[] allRows = new int[delta.nodeCount()];
        for (int i = 0; i < allRows.length; i++) {
            allRows[i] = i;
        }
        GraphData data = construct(base, delta, version, keptNodes, null, allRows, keptTies, ends.addedTies(),
                ends.from(), ends.to());
        return new Patched(data, changed, base.graphVersion(), kept, keptTies.length, keptTies, false, new int[0]);
    }

    /**
     * One look-up per base row finds what the patch needs of it: a node the records name (-1), or
     * the far end, named by id, of a tie read back (-2).
     */
    private static Map<String, Integer> wanted(Set<String> changed, Rows rows) {
        GraphData delta = rows.rows();
        Map<String, Integer> wanted = new HashMap<>();
        for (String id : changed) {
            wanted.put(id, -1);
        }
        for (int e = 0; e < delta.tieCount(); e++) {
            if (delta.tieFrom()[e] < 0) {
                wanted.putIfAbsent(rows.tieFromIds()[e], -2);
            }
            if (delta.tieTo()[e] < 0) {
                wanted.putIfAbsent(rows.tieToIds()[e], -2);
            }
        }
        return wanted;
    }

    /** The patched tie ends, kept ties first, and which ties read back were added (both ends found). */
    private record TieEnds(int[] from, int[] to, int[] addedTies) {
    }

    /**
     * The ends of the kept ties ({@code keptNode}: a base row's row in the result) and then of each tie
     * read back whose two ends are found: a row read back through {@code rowNode}, a far end named by
     * id through {@code farEnds} (rows of the result); a tie with an end in neither is left out.
     */
    private static TieEnds tieEnds(GraphData base, int[] keptTies, java.util.function.IntUnaryOperator keptNode, Rows rows,
                                   java.util.function.IntUnaryOperator rowNode, Map<String, Integer> farEnds) {
        GraphData delta = rows.rows();
        int m = keptTies.length + delta.tieCount();
        int[] tieFrom = new int[m];
        int[] tieTo = new int[m];
        int[] baseFrom = base.tieFrom();
        int[] baseTo = base.tieTo();
        for (int k = 0; k < keptTies.length; k++) {
            tieFrom[k] = keptNode.applyAsInt(baseFrom[keptTies[k]]);
            tieTo[k] = keptNode.applyAsInt(baseTo[keptTies[k]]);
        }
        boolean[] resolved = new boolean[delta.tieCount()];
        int added = 0;
        for (int e = 0; e < delta.tieCount(); e++) {
            int a = end(delta.tieFrom()[e], rows.tieFromIds()[e], rowNode, farEnds);
            int b = end(delta.tieTo()[e], rows.tieToIds()[e], rowNode, farEnds);
            if (a >= 0 && b >= 0) {
                resolved[e] = true;
                tieFrom[keptTies.length + added] = a;
                tieTo[keptTies.length + added] = b;
                added++;
            }
        }
        return new TieEnds(java.util.Arrays.copyOf(tieFrom, keptTies.length + added),
                java.util.Arrays.copyOf(tieTo, keptTies.length + added), kept(resolved, added));
    }

    /** A tie end: a row read back, or an untouched node named by id, or -1 when it is in neither. */
    private static int end(int inRows, String id, java.util.function.IntUnaryOperator rowNode, Map<String, Integer> farEnds) {
        if (inRows >= 0) {
            return rowNode.applyAsInt(inRows);
        }
        Integer v = farEnds.get(id);
        return v == null ? -1 : v;
    }

    private static int[] kept(int[] newIndex, int n, int count) {
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (newIndex[i] >= 0) {
                out[k++] = i;
            }
        }
        return out;
    }

    private static int[] kept(boolean[] keep, int count) {
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /**
     * The patched columns. Node columns: either the base's {@code keptNodes} then the delta's
     * {@code appendedRows} ({@code keptNodes} given), or the whole base column with each delta row
     * {@code r} written over row {@code rowOfDelta[r]} and the {@code appendedRows} at the end
     * ({@code keptNodes} null: in place). Tie columns: the base's {@code keptTies} then the delta's
     * {@code addedTies}.
     */
    private static GraphData construct(GraphData base, GraphData delta, long version, int[] keptNodes, int[] rowOfDelta,
                                       int[] appendedRows, int[] keptTies, int[] addedTies, int[] tieFrom, int[] tieTo) {
        Object[] args = new Object[COMPONENTS.length];
        for (int c = 0; c < COMPONENTS.length; c++) {
            RecordComponent component = COMPONENTS[c];
            String name = component.getName();
            Class<?> type = component.getType();
            switch (name) {
                case "graphVersion" -> args[c] = version;
                case "unreadableValues" -> args[c] = 0;
                case "tieFrom" -> args[c] = tieFrom;
                case "tieTo" -> args[c] = tieTo;
                default -> {
                    if (!type.isArray()) {
                        throw new IllegalArgumentException("GraphData." + name + " is neither a node nor a tie column");
                    }
                    Object baseColumn = value(component, base);
                    Object deltaColumn = value(component, delta);
                    if (name.startsWith("tie")) {
                        args[c] = concat(baseColumn, keptTies, deltaColumn, addedTies);
                    } else if (keptNodes != null) {
                        args[c] = concat(baseColumn, keptNodes, deltaColumn, appendedRows);
                    } else {
                        args[c] = overwrite(baseColumn, deltaColumn, rowOfDelta, appendedRows);
                    }
                }
            }
        }
        try {
            return CONSTRUCTOR.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct GraphData", e);
        }
    }

    /** {@code base} copied whole, delta row {@code r} written over row {@code rowOfDelta[r]}, the appended rows after. */
    private static Object overwrite(Object base, Object delta, int[] rowOfDelta, int[] appendedRows) {
        int n = Array.getLength(base);
        Object out = Array.newInstance(base.getClass().getComponentType(), n + appendedRows.length);
        System.arraycopy(base, 0, out, 0, n);
        for (int r = 0; r < rowOfDelta.length; r++) {
            Array.set(out, rowOfDelta[r], Array.get(delta, r));
        }
        return out;
    }

    /** The picked rows of {@code first} then of {@code second}, copied in runs of consecutive rows. */
    static Object concat(Object first, int[] firstRows, Object second, int[] secondRows) {
        Object out = Array.newInstance(first.getClass().getComponentType(), firstRows.length + secondRows.length);
        int at = copyRuns(first, firstRows, out, 0);
        copyRuns(second, secondRows, out, at);
        return out;
    }

    private static int copyRuns(Object source, int[] rows, Object target, int at) {
        int k = 0;
        while (k < rows.length) {
            int start = k;
            while (k + 1 < rows.length && rows[k + 1] == rows[k] + 1) {
                k++;
            }
            int length = k - start + 1;
            System.arraycopy(source, rows[start], target, at, length);
            at += length;
            k++;
        }
        return at;
    }

    private static Object value(RecordComponent component, GraphData data) {
        try {
            return component.getAccessor().invoke(data);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read GraphData." + component.getName(), e);
        }
    }

    private static Constructor<GraphData> canonicalConstructor() {
        Class<?>[] types = new Class<?>[COMPONENTS.length];
        for (int c = 0; c < COMPONENTS.length; c++) {
            types[c] = COMPONENTS[c].getType();
        }
        try {
            return GraphData.class.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
