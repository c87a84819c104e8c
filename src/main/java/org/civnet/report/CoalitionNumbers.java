package org.civnet.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civnet.analysis.community.CommunityTracker;
import org.civnet.neo4j.Transactions;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The previous coalition numbering of each coalition scope, kept in Neo4j ({@code :CoalitionTrack},
 * one node per scope key: the analysis scope, algorithm, resolution, seed and weighting), so that
 * every civnet on the store, and a restarted one, numbers the same groups alike.
 *
 * <p>A node holds the numbering at its graph version ({@code ids}, {@code numbers}, {@code next}) and
 * the one it was compared with ({@code previous…}). A request at graph version W:
 * <ul>
 *   <li>stored version below W: compare with it, then store W (it becomes the previous one);</li>
 *   <li>stored version W: compare with the previous one again, so every request at W (on any
 *       civnet) gets the same numbers and changes;</li>
 *   <li>stored version above W (a request that read the graph before a write another request has
 *       already numbered): compare with the newer one, store nothing.</li>
 * </ul>
 * At most {@link #KEEP} scopes are kept, the least recently stored go first: each holds two id lists
 * of the scope's size, and any analyst can ask for new scopes.
 */
@Component
class CoalitionNumbers {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CoalitionNumbers.class);

    /** Scopes kept; the page asks for one. */
    static final int KEEP = 32;

    /** One stored numbering: each member's number, the high-water mark, the graph version. */
    record Numbered(long version, Map<String, Integer> numbers, int next) {
    }

    /** The numbering of a partition and what it was compared with ({@code null}: nothing). */
    record Result(CommunityTracker<String> tracker, Long comparedWith) {
    }

    private final Transactions transactions;

    CoalitionNumbers(Transactions transactions) {
        this.transactions = transactions.require("coalition/track-find", "coalition/track-save", "coalition/track-evict");
    }

    /**
     * Numbers {@code communities} (each its member ids) at graph {@code version} for {@code key},
     * and stores the numbering when it is the newest.
     */
    Result number(String key, long version, List<List<String>> communities) {
        List<Record> rows = transactions.read("coalition/track-find", Map.of("key", key), r -> r);
        Numbered current = rows.isEmpty() ? null : numbered(rows.get(0), "version", "ids", "numbers", "next");
        Numbered previous = rows.isEmpty() ? null
                : numbered(rows.get(0), "previousVersion", "previousIds", "previousNumbers", "previousNext");
        Numbered base;
        boolean store;
        if (current == null || current.version() < version) {
            base = current;
            store = true;
        } else if (current.version() == version) {
            base = previous;
            store = false;
        } else {
            base = current;
            store = false;
        }
        CommunityTracker<String> tracker = new CommunityTracker<>(base == null ? Map.of() : base.numbers(),
                base == null ? 0 : base.next(), communities);
        if (store) {
            save(key, version, communities, tracker, current == null ? -1 : current.version());
        }
        return new Result(tracker, base == null ? null : base.version());
    }

    private void save(String key, long version, List<List<String>> communities, CommunityTracker<String> tracker, long base) {
        List<String> ids = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        int[] number = tracker.numbers();
        for (int c = 0; c < communities.size(); c++) {
            for (String id : communities.get(c)) {
                ids.add(id);
                numbers.add(number[c]);
            }
        }
        try {
            transactions.run("coalition/track-save", Map.of("key", key, "version", version, "base", base, "ids", ids,
                    "numbers", numbers, "next", tracker.nextNumber()));
            transactions.run("coalition/track-evict", Map.of("keep", KEEP));
        } catch (RuntimeException e) {
            // The answer stands; the next request compares with the last numbering that was stored.
            log.warn("coalition numbering for graph version {} not stored: {}", version, e.toString());
        }
    }

    private static Numbered numbered(Record row, String version, String ids, String numbers, String next) {
        Value v = row.get(version);
        if (v.isNull()) {
            return null;
        }
        List<String> idList = row.get(ids).asList(Value::asString);
        List<Integer> numberList = row.get(numbers).asList(Value::asInt);
        Map<String, Integer> byId = new HashMap<>(idList.size() * 2);
        for (int i = 0; i < idList.size() && i < numberList.size(); i++) {
            byId.put(idList.get(i), numberList.get(i));
        }
        return new Numbered(v.asLong(), byId, row.get(next).isNull() ? 0 : row.get(next).asInt());
    }
}
