package org.civnet.snapshot;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.civnet.config.CivnetProperties;
import org.civnet.domain.Changes;
import org.civnet.neo4j.Transactions;
import org.civnet.network.NetworkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Snapshots per (scope, graph version). The full graph is read once; at each later version the
 * change records the writes left in the store are applied to it ({@link SnapshotReader#refresh},
 * {@link SnapshotPatch}), or, when they are incomplete (pruned, a restore, a migration), it is
 * read whole again. Each scope is derived from it in memory. Concurrent
 * requests for the same scope wait on one build. Memory is bounded: least recently used scopes
 * are evicted beyond the configured entries or bytes.
 *
 * <p>Refresh ahead ({@code civnet.analysis.refresh-ahead}): when a small write through this instance
 * commits, the most recently used scope is brought forward on a background thread at once, while
 * the write's response is still on its way, so the analysis an officer asks for next (a referral
 * after recording a tie) joins work already under way instead of starting it. Bulk writes (an
 * import batch, a migration) are left to the next request: bringing a scope forward after each of
 * them would only compete with the import.
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
    private final SavedSnapshot saved;
    private final int maxEntries;
    private final long maxBytes;

    private long baseVersion = -1;
    private CompletableFuture<SnapshotReader.Refreshed> base;
    /** The scoped snapshots of the previous version, which a patch of the graph can bring forward ({@link ScopedPatch}). */
    private Map<AnalysisScope, CompletableFuture<NetworkSnapshot>> previousScoped = Map.of();
    private long baseReadMillis;
    private final LinkedHashMap<AnalysisScope, CompletableFuture<NetworkSnapshot>> scoped =
            new LinkedHashMap<>(16, 0.75f, true);
    private long hits;
    private long misses;
    private long builds;
    private long buildNanos;
    private long patches;
    private long patchNanos;
    private long savedTaken;

    /** Change sets of up to this many nodes are always applied, whatever the size of the graph. */
    private static final int MIN_PATCHABLE = 1000;
    /** Writes naming more nodes than this are bulk writes, which do not refresh ahead. */
    static final int MAX_REFRESH_AHEAD_NODES = 100;
    /**
     * Scopes brought forward after a write: the one most recently asked for. Two (the map's and the
     * referrals') made a write at 100k contacts about 15 ms slower for the work's competing with its
     * response on two cores, and the second was usually not the one asked for next.
     */
    static final int REFRESH_AHEAD_SCOPES = 1;

    private final ExecutorService ahead;
    /** True while a refresh ahead waits to start: later writes join it instead of queueing more. */
    private final AtomicBoolean aheadQueued = new AtomicBoolean();
    private long refreshedAhead;
    private final java.util.concurrent.atomic.AtomicLong aheadAsked = new java.util.concurrent.atomic.AtomicLong();
    private final List<java.util.function.Consumer<NetworkSnapshot>> aheadListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public SnapshotCache(SnapshotReader reader, NetworkStore store, SnapshotGuard guard, SavedSnapshot saved,
                         CivnetProperties properties, Transactions transactions) {
        this.reader = reader;
        this.store = store;
        this.guard = guard;
        this.saved = saved;
        this.maxEntries = properties.analysis().cacheEntries();
        this.maxBytes = properties.analysis().cacheMaxBytes().toBytes();
        if (properties.analysis().refreshAhead()) {
            this.ahead = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "civnet-snapshot-ahead");
                thread.setDaemon(true);
                return thread;
            });
            transactions.onCommit(this::committed);
        } else {
            this.ahead = null;
        }
    }

    /** A write of this instance committed: bring the scope used last forward unless it was a bulk write. */
    private void committed(Changes changes, long version) {
        if (changes.all() || changes.nodes().size() > MAX_REFRESH_AHEAD_NODES || !aheadQueued.compareAndSet(false, true)) {
            return;
        }
        aheadAsked.incrementAndGet();
        try {
            // The version the write made, not the store's remembered one: this runs before the writer
            // tells the store its version moved, and a later write's task reads the newest anyway.
            ahead.execute(() -> refreshAhead(version));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            aheadQueued.set(false); // shutting down
        }
    }

    private void refreshAhead(long committed) {
        aheadQueued.set(false);
        List<AnalysisScope> recent;
        synchronized (this) {
            // The cache's access order puts the most recently used last; after a version moved, the
            // scopes of the version before are the ones people were using.
            List<AnalysisScope> used = new ArrayList<>(scoped.isEmpty() ? previousScoped.keySet() : scoped.keySet());
            recent = used.subList(Math.max(0, used.size() - REFRESH_AHEAD_SCOPES), used.size());
        }
        if (recent.isEmpty()) {
            return; // no analysis asked for since start-up: nothing to keep fresh, not even a version to read
        }
        // The store's version when it is already newer (a write committed since), read after the
        // writer has told the store its version moved, which happens right after this was queued.
        long version = Math.max(committed, store.graphVersion());
        for (int i = recent.size() - 1; i >= 0; i--) {
            try {
                NetworkSnapshot snapshot = get(recent.get(i), version).snapshot();
                // What analyses derive per version from the snapshot (a referral's search graph) too.
                aheadListeners.forEach(listener -> listener.accept(snapshot));
                synchronized (this) {
                    refreshedAhead++;
                }
            } catch (RuntimeException e) {
                // Refused (heap) or failed: the next request reads or refuses as it would have.
                log.debug("snapshot: not refreshed ahead ({})", e.getMessage());
                return;
            }
        }
    }

    /**
     * Told, on the refresh-ahead thread, each snapshot brought forward ahead of a request, so a
     * feature can build what it derives per version from it there too; it must not throw.
     */
    public void onRefreshedAhead(java.util.function.Consumer<NetworkSnapshot> listener) {
        aheadListeners.add(listener);
    }

    /**
     * Stops refreshing ahead and saves the graph held for the next start ({@link SavedSnapshot}):
     * before the driver closes, which Spring destroys after this bean, its user.
     */
    @PreDestroy
    void stop() {
        if (ahead != null) {
            ahead.shutdownNow();
        }
        CompletableFuture<SnapshotReader.Refreshed> held;
        synchronized (this) {
            held = base;
        }
        if (!saved.enabled()) {
            return;
        }
        if (held == null || !held.isDone() || held.isCompletedExceptionally()) {
            saved.discard(); // a file saved before and never taken must not outlive this run
            return;
        }
        try {
            // Brought to the store's last version first, so the file never holds what the store no
            // longer does (a person erased since the last analysis); not at the cost of a whole read.
            SnapshotReader.Refreshed last = held.join();
            SnapshotReader.Refreshed current = reader.refresh(last, maxChanged(last.data()), false);
            if (current == null) {
                log.info("snapshot: not saved for the next start (the change records cannot bring it forward)");
                saved.discard();
                return;
            }
            saved.save(current.data(), reader);
        } catch (RuntimeException e) {
            log.warn("snapshot: not saved for the next start ({})", e.getClass().getSimpleName());
            saved.discard();
        }
    }

    public Lookup get(AnalysisScope scope) {
        return get(scope, store.graphVersion());
    }

    /** The scope's snapshot at {@code version}. */
    private Lookup get(AnalysisScope scope, long version) {
        CompletableFuture<NetworkSnapshot> future;
        boolean hit;
        synchronized (this) {
            CompletableFuture<SnapshotReader.Refreshed> data = baseAt(version);
            future = scoped.get(scope);
            hit = future != null;
            if (future == null) {
                CompletableFuture<NetworkSnapshot> before = previousScoped.get(scope);
                future = data.thenApply(d -> derive(d, scope, before));
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

    /**
     * The whole graph at the current graph version, as analyses see it (patched from the change
     * records when they allow); for tests and benchmarks that compare it with a fresh read.
     */
    public GraphData graphData() {
        long version = store.graphVersion();
        CompletableFuture<SnapshotReader.Refreshed> data;
        synchronized (this) {
            data = baseAt(version);
        }
        try {
            return data.join().data();
        } catch (CompletionException e) {
            synchronized (this) {
                baseVersion = -1;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The graph at this version, refreshed from the one before when the version moved. */
    private CompletableFuture<SnapshotReader.Refreshed> baseAt(long version) {
        if (version != baseVersion) {
            baseVersion = version;
            previousScoped = new LinkedHashMap<>(scoped);
            scoped.clear();
            CompletableFuture<SnapshotReader.Refreshed> previous = base;
            base = CompletableFuture.supplyAsync(() -> readBase(previous));
        }
        return base;
    }

    /**
     * The scope's snapshot of a refreshed graph: the previous version's brought forward when the
     * graph was patched from it and it is ready, otherwise selected and built from the graph.
     */
    private static NetworkSnapshot derive(SnapshotReader.Refreshed refreshed, AnalysisScope scope,
                                          CompletableFuture<NetworkSnapshot> before) {
        if (refreshed.patch() != null && before != null && before.isDone() && !before.isCompletedExceptionally()) {
            NetworkSnapshot patched = ScopedPatch.apply(before.join(), refreshed.patch());
            if (patched != null) {
                return patched;
            }
        }
        return NetworkSnapshot.of(refreshed.data(), scope);
    }

    /**
     * The graph at the current version: the previous one with the change records since applied
     * when it is there and they are complete, otherwise read whole.
     */
    private SnapshotReader.Refreshed readBase(CompletableFuture<SnapshotReader.Refreshed> previous) {
        long started = System.nanoTime();
        SnapshotReader.Refreshed last = previous == null ? null : previous.exceptionally(e -> null).join();
        GraphData before = last == null ? null : last.data();
        SnapshotReader.Refreshed refreshed;
        GraphData kept = null;
        if (before == null) {
            // Only a read from nothing is admitted against the heap budget: applying change records
            // to a graph already held costs what changed.
            try (SnapshotGuard.Admission admitted = guard.admitFullRead()) {
                // What civnet held when it last stopped, brought forward by what was written since.
                kept = saved.take(reader);
                refreshed = kept == null ? null
                        : reader.refresh(new SnapshotReader.Refreshed(kept, null), maxChanged(kept), false);
                if (refreshed == null) {
                    kept = null; // let it go before a whole read, which the admission counted once
                    refreshed = new SnapshotReader.Refreshed(reader.read(), null);
                }
            }
        } else {
            refreshed = reader.refresh(last, maxChanged(before));
        }
        GraphData data = refreshed.data();
        boolean incremental = refreshed.incremental();
        if (data == before) {
            return refreshed;
        }
        long elapsed = System.nanoTime() - started;
        baseReadMillis = elapsed / 1_000_000;
        boolean fromSaved = kept != null;
        synchronized (this) {
            if (fromSaved) {
                savedTaken++;
            } else if (incremental) {
                patches++;
                patchNanos += elapsed;
            } else {
                builds++;
                buildNanos += elapsed;
            }
        }
        if (fromSaved) {
            log.info("snapshot: {} nodes and {} ties at graph version {} from the graph saved when civnet stopped, "
                    + "in {} ms", data.nodeCount(), data.tieCount(), data.graphVersion(), baseReadMillis);
        } else if (incremental) {
            log.debug("snapshot: applied changes up to graph version {} in {} ms", data.graphVersion(), baseReadMillis);
        } else {
            log.info("snapshot: read {} nodes and {} ties at graph version {} in {} ms", data.nodeCount(), data.tieCount(),
                    data.graphVersion(), baseReadMillis);
        }
        return refreshed;
    }

    /**
     * Beyond this many changed nodes a whole read is cheaper than reading their rows and ties one
     * by one (an import, a large handover).
     */
    private static int maxChanged(GraphData base) {
        return Math.max(MIN_PATCHABLE, base.nodeCount() / 4);
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

    /** How many times change records were applied instead of reading the graph. */
    public synchronized long patches() {
        return patches;
    }

    /** Total time spent applying them (reading the changed rows included), in nanoseconds. */
    public synchronized long patchNanos() {
        return patchNanos;
    }

    /** How many times the graph saved when civnet stopped was taken instead of a first whole read (0 or 1). */
    public synchronized long savedTaken() {
        return savedTaken;
    }

    /** How many times the whole graph was read from the store (first read, or change records missing or too many). */
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

    /**
     * How many refreshes ahead writes asked for (told on the writer's thread, before its response;
     * writes committed while one was waiting to start join it and are not counted).
     */
    public long refreshesAheadAsked() {
        return aheadAsked.get();
    }

    /** How many scopes were brought forward ahead of a request, after a write. */
    public synchronized long refreshedAhead() {
        return refreshedAhead;
    }
}
