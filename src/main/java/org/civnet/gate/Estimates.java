package org.civnet.gate;

import org.civnet.analysis.cost.CostModel;
import org.springframework.stereotype.Service;

/** Answers {@code estimate=true}: the cost model applied to the store's counts, nothing run. */
@Service
public class Estimates {

    /** An analysis' cost on a scope of {@code n} vertices and {@code m} ties using {@code threads} threads. */
    @FunctionalInterface
    public interface ScopeCost {
        CostModel.Cost of(long n, long m, int threads);
    }

    static final String MODEL = "org.civnet.analysis.cost.CostModel (formulas and calibration in its javadoc and "
            + "docs/BENCHMARKS.md); vertices and ties are the store's counts, an upper bound for any scope";

    private final GraphCounts counts;
    private final AnalysisGate gate;

    public Estimates(GraphCounts counts, AnalysisGate gate) {
        this.counts = counts;
        this.gate = gate;
    }

    /** The estimate of {@code analysis} (a name with the parameters that change its cost). */
    public Estimate estimate(String analysis, ScopeCost cost) {
        GraphCounts.Counts c = counts.count();
        int threads = gate.threads();
        CostModel.Cost read = CostModel.snapshot(c.nodes(), c.ties());
        CostModel.Cost work = cost.of(c.nodes(), c.ties(), threads);
        HeapBudget heap = gate.heap();
        return new Estimate(analysis, c.nodes(), c.ties(), threads, part(read), part(work),
                read.bytes() + work.bytes(), Math.max(0, heap.free()), heap.budget() > 0 ? heap.budget() : null,
                heap.wouldAdmit(work.bytes()), MODEL);
    }

    private static Estimate.Part part(CostModel.Cost cost) {
        return new Estimate.Part(cost.bytes(), Math.round(cost.seconds() * 1000) / 1000.0);
    }
}
