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
 * for the copies (bulk {@link System#arraycopy} over the runs of kept rows and ties: a few
 * milliseconds at a million ties) and one pass over the ties' ends to find those of the changed
 * nodes. To find the changed rows: in place, a look-up per changed node and per far end of a tie
 * read back, in an index of the rows carried from the previous patch ({@link Patched#rowIndex};
 * built, O(n), when there is none); when rows move, a hash look-up per row.
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
        return applyWithLayout(base, null, changed, rows, version).data();
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
     *
     * <p>The ties before {@code firstNewTie} are the base's {@code baseTieCount} ties without
     * {@code removedBaseTies} (ascending: those touching a changed node), in order; in place a write
     * removes tens of a million, so they are kept as that short list rather than as the tie each
     * data tie was ({@link #baseTieOfDataTie}). {@code rowIndex}: the row of each id of
     * {@code data}, for the next patch (in place it is the base's carried forward); null when not
     * kept.
     */
    public record Patched(GraphData data, Set<String> changed, long fromVersion, int firstNewNode, int firstNewTie,
                          int baseTieCount, int[] removedBaseTies, boolean inPlace, int[] overwrittenRows,
                          IdIndex rowIndex) {

        /** Data tie {@code k} (below {@code firstNewTie}) is the base's tie {@code baseTieOfDataTie()[k]}; O(m). */
        public int[] baseTieOfDataTie() {
            int[] out = new int[firstNewTie];
            int k = 0;
            int r = 0;
            for (int b = 0; b < baseTieCount; b++) {
                if (r < removedBaseTies.length && removedBaseTies[r] == b) {
                    r++;
                } else {
                    out[k++] = b;
                }
            }
            return out;
        }
    }

    /** As {@link #apply}, with the layout of the result. */
    public static Patched applyWithLayout(GraphData base, Set<String> changed, Rows rows, long version) {
        return applyWithLayout(base, null, changed, rows, version);
    }

    /**
     * As {@link #apply}, with the layout of the result; {@code baseRows}, when known, indexes the
     * rows of {@code base} by id (the previous patch's {@link Patched#rowIndex}), and spares a pass
     * over every row.
     */
    static Patched applyWithLayout(GraphData base, IdIndex baseRows, Set<String> changed, Rows rows, long version) {
        if (base.unreadableValues() > 0 || rows.rows().unreadableValues() > 0) {
            throw new IllegalArgumentException("unreadable values are counted per read, not per node");
        }
        Patched inPlace = applyInPlace(base, baseRows != null ? baseRows : new IdIndex(base.ids()), changed, rows,
                version);
        return inPlace != null ? inPlace : applyMovingChangedRows(base, changed, rows, version);
    }

    /**
     * The common case, when no node the records name was deleted: each changed row is overwritten
     * where it is and new nodes are appended, so every other row keeps its position and the scoped
     * snapshots keep their vertex numbers ({@link ScopedPatch}). Null when a named node is gone
     * (the rows after it would move): {@link #applyMovingChangedRows} then.
     *
     * <p>Rows keep their places, so the kept ties keep their ends, and every column is the base's
     * with a few entries replaced (nodes) or squeezed out (ties: {@link Renumbering#copyKept}) and
     * the rows and ties read back added: bulk copies, plus the one pass over the tie ends that
     * finds the ties of the changed rows.
     */
    private static Patched applyInPlace(GraphData base, IdIndex baseRows, Set<String> changed, Rows rows,
                                        long version) {
        GraphData delta = rows.rows();
        int n = base.nodeCount();
        Map<String, Integer> deltaRow = new HashMap<>();
        for (int r = 0; r < delta.nodeCount(); r++) {
            deltaRow.put(delta.ids()[r], r);
        }
        int[] rowOfDelta = new int[delta.nodeCount()];
        java.util.Arrays.fill(rowOfDelta, -1);
        boolean[] changedRow = new boolean[n];
        int[] overwrittenRows = new int[changed.size()];
        int overwritten = 0;
        for (String id : changed) {
            int i = baseRows.indexOf(id);
            if (i < 0) {
                continue;
            }
            Integer r = deltaRow.get(id);
            if (r == null) {
                return null;
            }
            rowOfDelta[r] = i;
            changedRow[i] = true;
            overwrittenRows[overwritten++] = i;
        }
        overwrittenRows = java.util.Arrays.copyOf(overwrittenRows, overwritten);
        java.util.Arrays.sort(overwrittenRows);
        int appended = 0;
        int[] newRows = new int[delta.nodeCount()];
        for (int r = 0; r < rowOfDelta.length; r++) {
            if (rowOfDelta[r] < 0) {
                rowOfDelta[r] = n + appended;
                newRows[appended++] = r;
            }
        }
        int[] appendedRows = java.util.Arrays.copyOf(newRows, appended);
        Renumbering keptTies = Renumbering.removing(base.tieCount(), tiesTouching(base, changedRow));
        // A row read back is where it was written; a far end is an unchanged row, found by id
        // (a changed one without a row read back was deleted, and then this is not in place).
        TieEnds added = addedTieEnds(rows, r -> rowOfDelta[r], baseRows::indexOf);
        int[] tieFrom = keptThenAdded(base.tieFrom(), keptTies, added.from(), added.from().length);
        int[] tieTo = keptThenAdded(base.tieTo(), keptTies, added.to(), added.to().length);
        GraphData data = construct(base, delta, version,
                (baseColumn, deltaColumn) -> overwrite(baseColumn, deltaColumn, rowOfDelta, appendedRows),
                (baseColumn, deltaColumn) -> keptThenAdded(baseColumn, keptTies, pick(deltaColumn, added.addedTies()),
                        added.addedTies().length),
                tieFrom, tieTo);
        String[] ids = data.ids();
        IdIndex rowIndex = ids.length == n ? baseRows : baseRows.withAppended(ids);
        return new Patched(data, changed, base.graphVersion(), n, keptTies.keptCount(), base.tieCount(),
                keptTies.removed(), true, overwrittenRows, rowIndex);
    }

    /** The ties of {@code base} with an end in a {@code touched} row, in order: one pass over the tie ends. */
    private static int[] tiesTouching(GraphData base, boolean[] touched) {
        int[] from = base.tieFrom();
        int[] to = base.tieTo();
        java.util.stream.IntStream.Builder out = java.util.stream.IntStream.builder();
        for (int e = 0; e < from.length; e++) {
            if (touched[from[e]] | touched[to[e]]) {
                out.add(e);
            }
        }
        return out.build().toArray();
    }

    /** The kept entries of a tie column, then the first {@code count} entries of {@code added}. */
    private static <A> A keptThenAdded(A column, Renumbering keptTies, Object added, int count) {
        @SuppressWarnings("unchecked")
        A out = (A) Array.newInstance(column.getClass().getComponentType(), keptTies.keptCount() + count);
        keptTies.copyKept(column, out);
        System.arraycopy(added, 0, out, keptTies.keptCount(), count);
        return out;
    }

    /** The entries of {@code column} at {@code rows}, in that order. */
    private static Object pick(Object column, int[] rows) {
        Object out = Array.newInstance(column.getClass().getComponentType(), rows.length);
        copyRuns(column, rows, out, 0);
        return out;
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
        TieEnds added = addedTieEnds(rows, r -> keptCount + r, id -> farEnds.getOrDefault(id, -1));
        int[] tieFrom = keptThenAddedEnds(base.tieFrom(), keptTies, newIndex, added.from());
        int[] tieTo = keptThenAddedEnds(base.tieTo(), keptTies, newIndex, added.to());
        int[] allRows = new int[delta.nodeCount()];
        for (int i = 0; i < allRows.length; i++) {
            allRows[i] = i;
        }
        GraphData data = construct(base, delta, version,
                (baseColumn, deltaColumn) -> concat(baseColumn, keptNodes, deltaColumn, allRows),
                (baseColumn, deltaColumn) -> concat(baseColumn, keptTies, deltaColumn, added.addedTies()),
                tieFrom, tieTo);
        return new Patched(data, changed, base.graphVersion(), kept, keptTies.length, base.tieCount(),
                removedTies(keptTies, base.tieCount()), false, new int[0], null);
    }

    /** The ties not in {@code keptTies} (ascending), among {@code tieCount}. */
    private static int[] removedTies(int[] keptTies, int tieCount) {
        int[] out = new int[tieCount - keptTies.length];
        int r = 0;
        int k = 0;
        for (int e = 0; e < tieCount; e++) {
            if (k < keptTies.length && keptTies[k] == e) {
                k++;
            } else {
                out[r++] = e;
            }
        }
        return out;
    }

    /** The kept ties' ends renumbered through {@code newIndex}, then the added ties' ends. */
    private static int[] keptThenAddedEnds(int[] baseEnds, int[] keptTies, int[] newIndex, int[] addedEnds) {
        int[] out = new int[keptTies.length + addedEnds.length];
        for (int k = 0; k < keptTies.length; k++) {
            out[k] = newIndex[baseEnds[keptTies[k]]];
        }
        System.arraycopy(addedEnds, 0, out, keptTies.length, addedEnds.length);
        return out;
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

    /** The ends of the ties read back whose two ends are found, and which ties those are. */
    private record TieEnds(int[] from, int[] to, int[] addedTies) {
    }

    /**
     * The ends, as rows of the result, of each tie read back whose two ends are found: a row read
     * back through {@code rowNode}, a far end named by id through {@code farEnd} (-1 when it is not
     * there); a tie with an end in neither is left out.
     */
    private static TieEnds addedTieEnds(Rows rows, java.util.function.IntUnaryOperator rowNode,
                                        java.util.function.ToIntFunction<String> farEnd) {
        GraphData delta = rows.rows();
        int m = delta.tieCount();
        int[] tieFrom = new int[m];
        int[] tieTo = new int[m];
        boolean[] resolved = new boolean[m];
        int added = 0;
        for (int e = 0; e < m; e++) {
            int a = end(delta.tieFrom()[e], rows.tieFromIds()[e], rowNode, farEnd);
            int b = end(delta.tieTo()[e], rows.tieToIds()[e], rowNode, farEnd);
            if (a >= 0 && b >= 0) {
                resolved[e] = true;
                tieFrom[added] = a;
                tieTo[added] = b;
                added++;
            }
        }
        return new TieEnds(java.util.Arrays.copyOf(tieFrom, added), java.util.Arrays.copyOf(tieTo, added),
                kept(resolved, added));
    }

    /** A tie end: a row read back, or an untouched node named by id, or -1 when it is in neither. */
    private static int end(int inRows, String id, java.util.function.IntUnaryOperator rowNode,
                           java.util.function.ToIntFunction<String> farEnd) {
        return inRows >= 0 ? rowNode.applyAsInt(inRows) : farEnd.applyAsInt(id);
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
     * The patched columns: each node column made by {@code nodeColumn} and each tie column by
     * {@code tieColumn} from the base's column and the delta's, the tie ends given.
     */
    private static GraphData construct(GraphData base, GraphData delta, long version,
                                       java.util.function.BinaryOperator<Object> nodeColumn,
                                       java.util.function.BinaryOperator<Object> tieColumn, int[] tieFrom, int[] tieTo) {
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
                    args[c] = name.startsWith("tie") ? tieColumn.apply(baseColumn, deltaColumn)
                            : nodeColumn.apply(baseColumn, deltaColumn);
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
