package org.civnet.snapshot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Small LRU cache of computed analysis results, keyed by the snapshot's graph version and scope
 * plus the analysis parameters, so repeating a report (a dashboard polling, a page redrawn) does
 * not recompute an O(nm) measure. A write bumps the version and so misses every old key.
 */
@Component
public class ResultCache {

    private static final int MAX_ENTRIES = 64;

    private final Map<Object, Object> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        synchronized (entries) {
            Object hit = entries.get(key);
            if (hit != null) {
                return (T) hit;
            }
        }
        T value = compute.get();
        synchronized (entries) {
            entries.put(key, value);
        }
        return value;
    }
}
