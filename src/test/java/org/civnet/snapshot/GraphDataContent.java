package org.civnet.snapshot;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link GraphData} holds, independent of row order: each node's columns by id, each tie's
 * columns by its key (type and end ids), every column of the record included (a column added later
 * is compared without a change here). Two reads of the same graph have equal contents.
 */
record GraphDataContent(long graphVersion, Map<String, String> nodes, Map<String, Integer> ties) {

    static GraphDataContent of(GraphData data) {
        RecordComponent[] components = GraphData.class.getRecordComponents();
        Map<String, String> nodes = new TreeMap<>();
        for (int i = 0; i < data.nodeCount(); i++) {
            List<String> row = new ArrayList<>();
            for (RecordComponent c : components) {
                if (c.getType().isArray() && !c.getName().startsWith("tie")) {
                    row.add(c.getName() + "=" + cell(value(c, data), i));
                }
            }
            String previous = nodes.put(data.ids()[i], String.join(", ", row));
            if (previous != null) {
                throw new AssertionError("node " + data.ids()[i] + " twice");
            }
        }
        Map<String, Integer> ties = new TreeMap<>();
        for (int e = 0; e < data.tieCount(); e++) {
            List<String> row = new ArrayList<>();
            row.add(data.ids()[data.tieFrom()[e]] + "->" + data.ids()[data.tieTo()[e]]);
            for (RecordComponent c : components) {
                if (c.getType().isArray() && c.getName().startsWith("tie") && !c.getName().equals("tieFrom")
                        && !c.getName().equals("tieTo")) {
                    row.add(c.getName() + "=" + cell(value(c, data), e));
                }
            }
            ties.merge(String.join(", ", row), 1, Integer::sum);
        }
        return new GraphDataContent(data.graphVersion(), nodes, ties);
    }

    private static String cell(Object column, int i) {
        Object v = Array.get(column, i);
        return v instanceof Object[] array ? Arrays.toString(array) : String.valueOf(v);
    }

    private static Object value(RecordComponent c, GraphData data) {
        try {
            return c.getAccessor().invoke(data);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
