package org.civnet.gate;

import static org.civnet.domain.Sensitivity.Kind.SAFE;

import org.civnet.domain.Sensitivity;

/**
 * What an analysis would need, answered to {@code estimate=true} without running it.
 *
 * @param analysis   the analysis and its parameters that change the cost
 * @param vertices   vertices counted: the store's node count, an upper bound for any scope
 * @param ties       ties counted likewise
 * @param threads    threads the analysis would use
 * @param snapshot   reading the graph into memory, needed when no snapshot of this graph version is held
 * @param work       the analysis itself on that snapshot
 * @param peakBytes  snapshot plus analysis: the most it would hold at once when the snapshot is read first
 * @param freeHeapBytes heap free for analyses now (maximum minus used minus the reserve)
 * @param budgetBytes the configured per-analysis budget; null when only the free heap bounds it
 * @param admitted   whether the analysis would be admitted now on memory (the pool may still be busy)
 * @param model      where the formulas are stated
 */
public record Estimate(@Sensitivity(SAFE) String analysis, long vertices, long ties, int threads, Part snapshot,
                       Part work, long peakBytes, long freeHeapBytes, Long budgetBytes, boolean admitted,
                       @Sensitivity(SAFE) String model) {

    /** Bytes of heap and expected seconds. */
    public record Part(long bytes, double seconds) {
    }
}
