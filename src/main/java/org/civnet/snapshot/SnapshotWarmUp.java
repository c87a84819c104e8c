package org.civnet.snapshot;

import java.util.concurrent.CompletableFuture;

import org.civnet.config.CivnetProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Starts reading the whole graph in the background as soon as every bean exists (the schema and
 * its migrations included), before the web server accepts requests: the first analysis after a
 * restart joins that read instead of starting it (a whole read is seconds at a million ties).
 * Reading is admitted against the heap budget like any other; a refusal is logged, not fatal.
 */
@Component
class SnapshotWarmUp implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SnapshotWarmUp.class);

    private final SnapshotCache cache;
    private final boolean enabled;

    SnapshotWarmUp(SnapshotCache cache, CivnetProperties properties) {
        this.cache = cache;
        this.enabled = properties.analysis().warmOnStart();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                cache.get(AnalysisScope.all());
            } catch (RuntimeException e) {
                log.info("snapshot: not read ahead at start-up ({})", e.getMessage());
            }
        });
    }
}
