package org.civnet.ops;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.civnet.snapshot.SnapshotCache;
import org.springframework.stereotype.Component;

/**
 * Publishes the snapshot cache's own counters as Micrometer meters, read when the registry is
 * scraped (so the cache itself stays free of metrics code):
 * <ul>
 *   <li>{@code civnet.snapshot.build} (timer): reading the graph from Neo4j into memory, once per
 *       graph version an instance sees;</li>
 *   <li>{@code civnet.snapshot.cache.gets} (counter, {@code result=hit|miss}): analysis requests served
 *       from a cached snapshot or needing a new one;</li>
 *   <li>{@code civnet.snapshot.cache.size} (gauge): scoped snapshots held.</li>
 * </ul>
 * Request latencies are Boot's {@code http.server.requests}.
 */
@Component
class SnapshotMetrics implements MeterBinder {

    private final SnapshotCache cache;

    SnapshotMetrics(SnapshotCache cache) {
        this.cache = cache;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionTimer.builder("civnet.snapshot.build", cache, SnapshotCache::builds, SnapshotCache::buildNanos,
                        TimeUnit.NANOSECONDS)
                .description("reading the whole graph from Neo4j into an in-memory snapshot (first read, or change records missing)")
                .register(registry);
        FunctionTimer.builder("civnet.snapshot.patch", cache, SnapshotCache::patches, SnapshotCache::patchNanos,
                        TimeUnit.NANOSECONDS)
                .description("graph versions brought up to date by applying change records instead of a whole read")
                .register(registry);
        FunctionCounter.builder("civnet.snapshot.cache.gets", cache, SnapshotCache::hits)
                .tag("result", "hit").description("analysis requests served from a cached snapshot").register(registry);
        FunctionCounter.builder("civnet.snapshot.cache.gets", cache, SnapshotCache::misses)
                .tag("result", "miss").description("analysis requests that needed a new snapshot").register(registry);
        Gauge.builder("civnet.snapshot.cache.size", cache, SnapshotCache::size)
                .description("scoped snapshots held in memory").register(registry);
    }
}
