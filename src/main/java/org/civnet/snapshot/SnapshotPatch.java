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
 * holds the same nodes and ties as a fresh read (in another order: kept rows keep theirs, changed
 * rows go to the end).
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
     * A patched graph and where its new parts start: rows from {@code firstNewNode} and ties from
     * {@code firstNewTie} on are those read back; the rest keep the base's relative order (what
     * {@link ScopedPatch} relies on), tie {@code k} below {@code firstNewTie} being the base's tie
     * {@code baseTieOfDataTie[k]}.
     */
    public record Patched(GraphData data, Set<String> changed, long fromVersion, int firstNewNode, int firstNewTie,
                          int[] baseTieOfDataTie) {
    }

    /** As {@link #apply}, with the layout of the result. */
    public static Patched applyWithLayout(GraphData base, Set<String> changed, Rows rows, long version) {
        if (base.unreadableValues() > 0 || rows.rows().unreadableValues() > 0) {
            throw new IllegalArgumentException("unreadable values are counted per read, not per node");
        }
        GraphData delta = rows.rows();
        int n = base.nodeCount();
        String[] ids = base.ids();
        // Which base nodes go, and where the ends of the new ties are among those that stay.
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
        int[] keptTies = keptTies(base, newIndex);
        int m = keptTies.length + delta.tieCount();
        int[] tieFrom = new int[m];
        int[] tieTo = new int[m];
        for (int k = 0; k < keptTies.length; k++) {
            tieFrom[k] = newIndex[base.tieFrom()[keptTies[k]]];
            tieTo[k] = newIndex[base.tieTo()[keptTies[k]]];
        }
        boolean[] resolved = new boolean[delta.tieCount()];
        int added = 0;
        for (int e = 0; e < delta.tieCount(); e++) {
            int a = end(delta.tieFrom()[e], rows.tieFromIds()[e], farEnds, kept);
            int b = end(delta.tieTo()[e], rows.tieToIds()[e], farEnds, kept);
            if (a >= 0 && b >= 0) {
                resolved[e] = true;
                tieFrom[keptTies.length + added] = a;
                tieTo[keptTies.length + added] = b;
                added++;
            }
        }
        int[] addedTies = kept(resolved, added);
        GraphData data = construct(base, delta, version, keptNodes, keptTies, addedTies,
                java.util.Arrays.copyOf(tieFrom, keptTies.length + added),
                java.util.Arrays.copyOf(tieTo, keptTies.length + added));
        return new Patched(data, changed, base.graphVersion(), kept, keptTies.length, keptTies);
    }

    /** A tie end: a changed row's new index, or an untouched node's, or -1 when it is in neither. */
    private static int end(int inRows, String id, Map<String, Integer> farEnds, int keptCount) {
        if (inRows >= 0) {
            return keptCount + inRows;
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

    private static int[] keptTies(GraphData base, int[] newIndex) {
        int m = base.tieCount();
        int[] out = new int[m];
        int k = 0;
        int[] from = base.tieFrom();
        int[] to = base.tieTo();
        for (int e = 0; e < m; e++) {
            if (newIndex[from[e]] >= 0 && newIndex[to[e]] >= 0) {
                out[k++] = e;
            }
        }
        return k == m ? out : java.util.Arrays.copyOf(out, k);
    }

    private static GraphData construct(GraphData base, GraphData delta, long version, int[] keptNodes, int[] keptTies,
                                       int[] addedTies, int[] tieFrom, int[] tieTo) {
        Object[] args = new Object[COMPONENTS.length];
        int[] allRows = new int[delta.nodeCount()];
        for (int i = 0; i < allRows.length; i++) {
            allRows[i] = i;
        }
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
                    boolean tie = name.startsWith("tie");
                    args[c] = concat(value(component, base), tie ? keptTies : keptNodes,
                            value(component, delta), tie ? addedTies : allRows);
                }
            }
        }
        try {
            return CONSTRUCTOR.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct GraphData", e);
        }
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
