package org.civnet.snapshot;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.civnet.config.CivnetProperties;
import org.civnet.network.NetworkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Snapshots per (scope, graph version). The full graph is read once per version; each scope is
 * derived from it in memory. A write bumps the version, so the next request rebuilds. Concurrent
 * requests for the same scope wait on one build. Memory is bounded: least recently used scopes
 * are evicted beyond the configured entries or bytes.
 */
@Service
public class SnapshotCache {

    private static final Logger log = LoggerFactory.getLogger(SnapshotCache.class);

    /** A snapshot and how it was obtained, for response metadata. */
    public record Lookup(NetworkSnapshot snapshot, boolean cacheHit, long readMillis) {
    }

    private final SnapshotReader reader;
    private final NetworkStore store;
    private final SnapshotGuard guard;
    private final int maxEntries;
    private final long maxBytes;

    private long baseVersion = -1;
    private CompletableFuture<GraphData> base;
    private long baseReadMillis;
    private final LinkedHashMap<AnalysisScope, CompletableFuture<NetworkSnapshot>> scoped =
            new LinkedHashMap<>(16, 0.75f, true);
    private long hits;
    private long misses;
    private long builds;
    private long buildNanos;

    public SnapshotCache(SnapshotReader reader, NetworkStore store, SnapshotGuard guard, CivnetProperties properties) {
        this.reader = reader;
        this.store = store;
        this.guard = guard;
        this.maxEntries = properties.analysis().cacheEntries();
        this.maxBytes = properties.analysis().cacheMaxBytes().toBytes();
    }

    public Lookup get(AnalysisScope scope) {
        long version = store.graphVersion();
        CompletableFuture<NetworkSnapshot> future;
        boolean hit;
        synchronized (this) {
            if (version != baseVersion) {
                baseVersion = version;
                scoped.clear();
                base = CompletableFuture.supplyAsync(this::readBase);
            }
            CompletableFuture<GraphData> data = base;
            future = scoped.get(scope);
            hit = future != null;
            if (future == null) {
                future = data.thenApply(d -> NetworkSnapshot.of(d, scope));
                scoped.put(scope, future);
                misses++;
            } else {
                hits++;
            }
        }
        try {
            NetworkSnapshot snapshot = future.join();
            evictBeyondLimits();
            return new Lookup(snapshot, hit, hit ? 0 : baseReadMillis);
        } catch (CompletionException e) {
            synchronized (this) {
                scoped.remove(scope);
                baseVersion = -1;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private GraphData readBase() {
        long started = System.nanoTime();
        GraphData data;
        try (SnapshotGuard.Admission admitted = guard.admitFullRead()) {
            data = reader.read();
        }
        long elapsed = System.nanoTime() - started;
        baseReadMillis = elapsed / 1_000_000;
        synchronized (this) {
            builds++;
            buildNanos += elapsed;
        }
        log.info("snapshot: read {} nodes and {} ties at graph version {} in {} ms", data.nodeCount(), data.tieCount(),
                data.graphVersion(), baseReadMillis);
        return data;
    }

    private synchronized void evictBeyondLimits() {
        long bytes = 0;
        for (CompletableFuture<NetworkSnapshot> f : scoped.values()) {
            if (f.isDone() && !f.isCompletedExceptionally()) {
                bytes += f.join().approximateBytes();
            }
        }
        Iterator<Map.Entry<AnalysisScope, CompletableFuture<NetworkSnapshot>>> eldest = scoped.entrySet().iterator();
        while ((scoped.size() > maxEntries || bytes > maxBytes) && scoped.size() > 1 && eldest.hasNext()) {
            CompletableFuture<NetworkSnapshot> f = eldest.next().getValue();
            if (f.isDone() && !f.isCompletedExceptionally()) {
                bytes -= f.join().approximateBytes();
            }
            eldest.remove();
        }
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    /** How many times the graph was read from the store (once per graph version seen). */
    public synchronized long builds() {
        return builds;
    }

    /** Total time spent in those reads, in nanoseconds. */
    public synchronized long buildNanos() {
        return buildNanos;
    }

    public synchronized int size() {
        return scoped.size();
    }
}
