package org.civnet.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.civnet.domain.Changes;

/**
 * The rows of the batched import statements, built in Java so the statements only set what they
 * are given: a new node's row is its whole property map ({@code node/insert-new} sets it in one
 * step, so the store updates the node's indexes once rather than once per property).
 */
final class BatchRows {

    private BatchRows() {
    }

    /**
     * The rows of a node batch: for {@code node/insert-new} (when {@code insert}) each node's whole
     * property map, else the rows {@code node/upsert} compares with what is stored.
     *
     * @param toMap  a record's properties, id and timestamps included
     * @param stored the stored form of a node's other properties (responsible officer, sealed fields)
     */
    static <T> List<Map<String, Object>> nodes(List<T> records, Function<Object, Map<String, Object>> toMap, boolean insert,
                                               String now, String recordedBy,
                                               BiFunction<String, Map<String, Object>, Map<String, Object>> stored) {
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (T record : records) {
            Map<String, Object> all = toMap.apply(record);
            String id = (String) all.remove("id");
            Object createdAt = all.remove("createdAt");
            Object updatedAt = all.remove("updatedAt");
            Map<String, Object> props = stored.apply(id, all);
            rows.add(insert ? newNode(props, id, createdAt, updatedAt, now, recordedBy)
                    : upsertNode(id, createdAt, updatedAt, props));
        }
        return rows;
    }

    /**
     * A new node's stored properties: the record's, its id, its timestamps (as given, else now; an
     * update time defaults to the creation time) and who recorded it (left out outside a request).
     */
    static Map<String, Object> newNode(Map<String, Object> props, String id, Object createdAt, Object updatedAt,
                                       String now, String recordedBy) {
        Map<String, Object> row = new HashMap<>(props);
        row.put("id", id);
        row.put("createdAt", createdAt != null ? createdAt : now);
        row.put("updatedAt", updatedAt != null ? updatedAt : createdAt != null ? createdAt : now);
        if (recordedBy != null) {
            row.put("recordedBy", recordedBy);
        } else {
            row.remove("recordedBy");
        }
        return row;
    }

    /** A row of {@code node/upsert}: the statement compares it with what is stored. */
    static Map<String, Object> upsertNode(String id, Object createdAt, Object updatedAt, Map<String, Object> props) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("createdAt", createdAt);
        row.put("updatedAt", updatedAt);
        row.put("props", props);
        return row;
    }

    /** A row of the tie statements; {@code stored} is already in canonical order. */
    static Map<String, Object> tie(Tie stored) {
        return Map.of("from", stored.from(), "to", stored.to(), "props", PropertyMapper.tieProperties(stored));
    }

    /**
     * The rows of {@code tie/insert-between-new}: each tie's row with the element ids of its two ends
     * ({@code elementIds}: id to element id of the nodes this import created; every end must be there).
     */
    static List<Map<String, Object>> tiesBetween(List<Tie> ties, Map<String, String> elementIds) {
        List<Map<String, Object>> rows = new ArrayList<>(ties.size());
        for (Tie tie : ties) {
            Tie stored = tie.canonical();
            rows.add(Map.of("from", stored.from(), "to", stored.to(), "a", elementIdOf(elementIds, stored.from()),
                    "b", elementIdOf(elementIds, stored.to()), "props", PropertyMapper.tieProperties(stored)));
        }
        return rows;
    }

    private static String elementIdOf(Map<String, String> elementIds, String id) {
        String elementId = elementIds.get(id);
        if (elementId == null) {
            throw new IllegalArgumentException("no element id for '" + id + "': not a node this import created");
        }
        return elementId;
    }

    /** The nodes a batch of ties touches, for the change record of its transaction. */
    static Changes endsOf(List<Tie> ties) {
        List<String> ends = new ArrayList<>(ties.size() * 2);
        for (Tie tie : ties) {
            ends.add(tie.from());
            ends.add(tie.to());
        }
        return Changes.of(ends);
    }

    /** A row of {@code introduction/upsert}: its three people apart from its stored properties. */
    static Map<String, Object> introduction(Introduction introduction, Map<String, Object> all, Map<String, Object> props) {
        props.remove("introducer");
        props.remove("introduced");
        props.remove("recipient");
        Map<String, Object> row = new HashMap<>();
        row.put("id", introduction.id());
        row.put("introducer", introduction.introducer());
        row.put("introduced", introduction.introduced());
        row.put("recipient", introduction.recipient());
        row.put("createdAt", all.get("createdAt"));
        row.put("updatedAt", all.get("updatedAt"));
        row.put("props", props);
        return row;
    }
}
