package org.civnet.snapshot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Small LRU cache of computed analysis results, keyed by the snapshot's graph version and scope
 * plus the analysis parameters, so repeating a report (a dashboard polling, a page redrawn) does
 * not recompute an O(nm) measure. A write bumps the version and so misses every old key.
 *
 * <p>Identical requests share one computation: the first caller computes, callers arriving while
 * it runs wait for its result rather than computing it again. A failed computation is forgotten,
 * so the next caller tries afresh.
 */
@Component
public class ResultCache {

    private static final int MAX_ENTRIES = 64;

    private final Map<Object, CompletableFuture<Object>> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, CompletableFuture<Object>> eldest) {
            return size() > MAX_ENTRIES && eldest.getValue().isDone();
        }
    };

    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        CompletableFuture<Object> future;
        boolean mine = false;
        synchronized (entries) {
            future = entries.get(key);
            if (future == null) {
                future = new CompletableFuture<>();
                entries.put(key, future);
                mine = true;
            }
        }
        if (mine) {
            try {
                future.complete(compute.get());
            } catch (RuntimeException | Error e) {
                synchronized (entries) {
                    entries.remove(key, future);
                }
                future.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return (T) future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
