package org.civnet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** civnet reads the graph ahead as it starts, so the first analysis after a restart joins that read. */
@TestPropertySource(properties = "civnet.analysis.warm-on-start=true")
class SnapshotWarmUpIT extends IntegrationTest {

    @Autowired
    SnapshotCache cache;

    @Test
    void theGraphIsReadAtStartUpWithoutAnyRequest() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (cache.builds() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(cache.builds()).as("whole reads of the graph since start-up").isGreaterThanOrEqualTo(1);
        assertThat(cache.misses()).as("scoped snapshots asked for: the whole-network scope, by the read ahead")
                .isGreaterThanOrEqualTo(1);
    }
}
