package org.civnet.analysis.centrality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteCourtesyTest {

    @AfterEach
    void nothingInFlight() {
        WriteCourtesy.install(() -> false);
    }

    @Test
    void withNoWriteInFlightASweepDoesNotWait() {
        AtomicInteger asked = new AtomicInteger();
        WriteCourtesy.install(() -> asked.incrementAndGet() < 0);
        WriteCourtesy.yieldToWrites();
        assertThat(asked.get()).isEqualTo(1);
    }

    @Test
    void aSweepWaitsWhileAWriteRunsAndGoesOnWhenItEnds() {
        AtomicInteger asked = new AtomicInteger();
        WriteCourtesy.install(() -> asked.incrementAndGet() <= 3);
        WriteCourtesy.yieldToWrites();
        assertThat(asked.get()).isEqualTo(4);
    }

    @Test
    void aWriteThatNeverEndsDelaysASweepOnlyBoundedly() {
        AtomicInteger asked = new AtomicInteger();
        WriteCourtesy.install(() -> asked.incrementAndGet() > 0);
        WriteCourtesy.yieldToWrites();
        assertThat(asked.get()).isEqualTo(WriteCourtesy.MAX_PARKS);
        // and the betweenness still comes out whole while "writing"
        assertThat(new Betweenness(org.civnet.analysis.graph.CsrGraph.parse(3, "0-1, 1-2")).score(1)).isEqualTo(1.0);
    }
}
