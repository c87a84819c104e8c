package org.civnet.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.civnet.analysis.cost.CostModel;
import org.civnet.config.CivnetProperties;
import org.civnet.domain.OverCapacityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The gate's rules without a store: shared computations, a bounded pool, refusals that say why. */
class AnalysisGateTest {

    private static final CostModel.Cost SMALL = new CostModel.Cost(1024, 2.0);

    private AnalysisGate gate;
    private final ExecutorService callers = Executors.newFixedThreadPool(4);

    private static AnalysisGate gate(Map<String, String> settings) {
        CivnetProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("civnet", CivnetProperties.class);
        return new AnalysisGate(new HeapBudget(properties), properties);
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        if (gate != null) {
            gate.destroy();
        }
    }

    @Test
    void defaultsLeaveACoreToWritesAndResolveToAtLeastOne() {
        CivnetProperties.Analysis defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("civnet", CivnetProperties.class).analysis();
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(defaults.resolvedPoolSize()).isEqualTo(Math.max(1, processors / 2));
        assertThat(defaults.resolvedThreads() * defaults.resolvedPoolSize()).isLessThanOrEqualTo(Math.max(1, processors - 1));
        assertThat(defaults.queue()).isEqualTo(4);
        assertThat(defaults.memoryBudget().toBytes()).isZero();
    }

    @Test
    void identicalRequestsShareOneComputation() throws Exception {
        gate = gate(Map.of("civnet.analysis.pool-size", "1", "civnet.analysis.queue", "0"));
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> first = callers.submit(() -> gate.run(new AnalysisGate.Work("slow", "key", 0, SMALL), () -> {
            computed.incrementAndGet();
            await(release);
            return 42;
        }));
        waitUntil(() -> gate.running() == 1);
        Future<Integer> second = callers.submit(() -> gate.run(new AnalysisGate.Work("slow", "key", 0, SMALL), () -> {
            computed.incrementAndGet();
            return -1;
        }));
        waitUntil(() -> gate.shared() == 1);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(42);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(42);
        assertThat(computed).hasValue(1);
    }

    @Test
    void aFullPoolRefusesAtOnceWithRetryAfter() throws Exception {
        gate = gate(Map.of("civnet.analysis.pool-size", "1", "civnet.analysis.queue", "1"));
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> running = callers.submit(() -> gate.run(new AnalysisGate.Work("a", "a", 0, SMALL), () -> {
            await(release);
            return 1;
        }));
        waitUntil(() -> gate.running() == 1);
        Future<Integer> queued = callers.submit(() -> gate.run(new AnalysisGate.Work("b", "b", 0, SMALL), () -> 2));
        waitUntil(() -> gate.waiting() == 1);
        assertThatThrownBy(() -> gate.run(new AnalysisGate.Work("c", "c", 0, SMALL), () -> 3))
                .isInstanceOfSatisfying(OverCapacityException.class, e -> {
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 300L);
                    assertThat(e.getMessage()).contains("busy");
                    assertThat(e.figures()).containsEntry("poolSize", 1).containsEntry("analysis", "c");
                });
        assertThat(gate.rejected()).isEqualTo(1);
        assertThatThrownBy(() -> gate.refuseIfFull("d", "d")).isInstanceOf(OverCapacityException.class);
        gate.refuseIfFull("a", "a"); // the running one's parameters: may join it, so not refused before reading
        assertThat(gate.rejected()).isEqualTo(2);
        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(gate.run(new AnalysisGate.Work("c", "c", 0, SMALL), () -> 3)).isEqualTo(3);
    }

    @Test
    void anEstimateOverTheBudgetIsRefusedNamingBoth() {
        gate = gate(Map.of("civnet.analysis.memory-budget", "1MB"));
        AtomicInteger computed = new AtomicInteger();
        assertThatThrownBy(() -> gate.run(new AnalysisGate.Work("betweenness", "k", 0,
                new CostModel.Cost(5L << 20, 1)), computed::incrementAndGet))
                .isInstanceOfSatisfying(OverCapacityException.class, e -> {
                    assertThat(e.figures()).containsEntry("estimateBytes", 5L << 20).containsEntry("budgetBytes", 1L << 20);
                    assertThat(e.getMessage()).contains("betweenness").contains("5 MB").contains("1 MB");
                    assertThat(e.retryAfterSeconds()).isNull();
                });
        assertThat(computed).hasValue(0);
    }

    @Test
    void anEstimateOverTheFreeHeapIsRefused() {
        gate = gate(Map.of());
        long tooMuch = Runtime.getRuntime().maxMemory();
        assertThatThrownBy(() -> gate.run(new AnalysisGate.Work("leiden", "k", 0, new CostModel.Cost(tooMuch, 1)), () -> 1))
                .isInstanceOfSatisfying(OverCapacityException.class, e -> {
                    assertThat(e.figures()).containsKeys("freeHeapBytes", "maxHeapBytes", "heapReserveBytes");
                    assertThat(e.getMessage()).contains("leiden").contains("free");
                });
        assertThat(gate.heap().promised()).isZero();
        assertThat(gate.run(new AnalysisGate.Work("leiden", "k", 0, SMALL), () -> 1)).isEqualTo(1);
    }

    @Test
    void workThatNeedsOtherWorkRunsInlineOnItsWorker() {
        gate = gate(Map.of("civnet.analysis.pool-size", "1", "civnet.analysis.queue", "0"));
        int result = gate.run(new AnalysisGate.Work("brokers", "outer", 0, SMALL),
                () -> gate.run(new AnalysisGate.Work("betweenness", "inner", 0, SMALL), () -> 20) + 1);
        assertThat(result).isEqualTo(21);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
