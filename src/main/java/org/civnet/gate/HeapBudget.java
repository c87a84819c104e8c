package org.civnet.gate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.civnet.analysis.cost.CostModel;
import org.civnet.config.CivnetProperties;
import org.civnet.domain.OverCapacityException;
import org.springframework.stereotype.Component;

/**
 * The heap an analysis may still take: the maximum heap minus what is in use, minus the reserve kept
 * for everything else, minus what admitted analyses have been promised and may not have allocated
 * yet. "In use" includes garbage not yet collected, so the figure errs low; before refusing, one
 * collection (at most every {@value #COLLECT_EVERY_MILLIS} ms) tells garbage from what is live.
 */
@Component
public class HeapBudget {

    private static final long COLLECT_EVERY_MILLIS = 10_000;
    private static final long MB = 1024 * 1024;

    /** Memory promised to an admitted analysis; closing gives it back. */
    public interface Reservation extends AutoCloseable {
        @Override
        void close();
    }

    private final long budget;
    private final long reserve;
    private long promised;
    private long lastCollection;
    private long refusals;

    public HeapBudget(CivnetProperties properties) {
        this.budget = properties.analysis().memoryBudget().toBytes();
        this.reserve = properties.analysis().heapReserve().toBytes();
    }

    /** Promises {@code cost.bytes()} to {@code what}, or refuses with the estimate and the limit it met. */
    public synchronized Reservation reserve(String what, CostModel.Cost cost, long retryAfterSeconds) {
        long bytes = cost.bytes();
        if (budget > 0 && bytes > budget) {
            throw refusal(what, cost, "the configured budget (civnet.analysis.memory-budget) is " + mb(budget), null);
        }
        long free = free();
        if (bytes > free && System.currentTimeMillis() - lastCollection > COLLECT_EVERY_MILLIS) {
            lastCollection = System.currentTimeMillis();
            System.gc(); // once, rarely: tells garbage from live data before refusing
            free = free();
        }
        if (bytes > free) {
            // Waiting helps only if the heap could hold it once the running analyses are done.
            Long retry = promised > 0 && bytes <= Runtime.getRuntime().maxMemory() - reserve ? retryAfterSeconds : null;
            throw refusal(what, cost, "the heap has " + mb(Math.max(0, free)) + " free for analyses", retry);
        }
        promised += bytes;
        return () -> release(bytes);
    }

    /** Whether {@code bytes} would be admitted now (no collection is forced). */
    public synchronized boolean wouldAdmit(long bytes) {
        return (budget <= 0 || bytes <= budget) && bytes <= free();
    }

    /** Heap free for analyses now: maximum minus used minus the reserve minus what is promised. */
    public synchronized long free() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        return runtime.maxMemory() - used - reserve - promised;
    }

    public long budget() {
        return budget;
    }

    public long reserve() {
        return reserve;
    }

    public synchronized long promised() {
        return promised;
    }

    /** Requests refused for memory since start. */
    public synchronized long refusals() {
        return refusals;
    }

    private synchronized void release(long bytes) {
        promised -= bytes;
    }

    private OverCapacityException refusal(String what, CostModel.Cost cost, String limit, Long retryAfter) {
        refusals++;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("analysis", what);
        figures.put("estimateBytes", cost.bytes());
        figures.put("estimateSeconds", Math.round(cost.seconds() * 10) / 10.0);
        figures.put("budgetBytes", budget > 0 ? budget : null);
        figures.put("freeHeapBytes", Math.max(0, free()));
        figures.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        figures.put("heapReserveBytes", reserve);
        figures.values().removeIf(java.util.Objects::isNull);
        return new OverCapacityException(what + " would need an estimated " + mb(cost.bytes()) + " of heap; " + limit
                + " (heap maximum " + mb(Runtime.getRuntime().maxMemory()) + ", " + mb(reserve)
                + " kept for the rest of the service). Narrow the scope, use approx=k, or give civnet more heap.",
                figures, retryAfter);
    }

    static String mb(long bytes) {
        return (bytes + MB - 1) / MB + " MB";
    }
}
