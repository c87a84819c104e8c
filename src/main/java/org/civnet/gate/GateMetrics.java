package org.civnet.gate;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The analysis pool and the heap budget as meters (read when scraped, under {@code /actuator/metrics}):
 * {@code civnet.analysis.pool.running}, {@code .waiting}, {@code .size} (gauges);
 * {@code civnet.analysis.refused} ({@code reason=busy|memory}) and {@code civnet.analysis.shared}
 * (requests that joined an identical computation) as counters; {@code civnet.analysis.heap.promised}
 * (bytes promised to admitted analyses and reads).
 */
@Component
class GateMetrics implements MeterBinder {

    private final AnalysisGate gate;

    GateMetrics(AnalysisGate gate) {
        this.gate = gate;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("civnet.analysis.pool.running", gate, AnalysisGate::running)
                .description("heavy analyses running").register(registry);
        Gauge.builder("civnet.analysis.pool.waiting", gate, AnalysisGate::waiting)
                .description("heavy analyses admitted and waiting for a worker").register(registry);
        Gauge.builder("civnet.analysis.pool.size", gate, AnalysisGate::poolSize)
                .description("workers of the heavy-analysis pool").register(registry);
        FunctionCounter.builder("civnet.analysis.refused", gate, AnalysisGate::rejected).tag("reason", "busy")
                .description("analyses refused with 503 because every worker and queue place was taken").register(registry);
        FunctionCounter.builder("civnet.analysis.refused", gate.heap(), HeapBudget::refusals).tag("reason", "memory")
                .description("analyses and snapshot reads refused with 503 because their estimate did not fit")
                .register(registry);
        FunctionCounter.builder("civnet.analysis.shared", gate, AnalysisGate::shared)
                .description("requests that joined an identical computation instead of starting one").register(registry);
        Gauge.builder("civnet.analysis.heap.promised", gate.heap(), HeapBudget::promised).baseUnit("bytes")
                .description("heap promised to admitted analyses and snapshot reads").register(registry);
    }
}
