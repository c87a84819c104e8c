package org.civnet.gate;

import org.civnet.analysis.cost.CostModel;
import org.civnet.snapshot.SnapshotGuard;
import org.springframework.stereotype.Component;

/**
 * Guards the full read of the graph: counts the store's nodes and ties (constant time), estimates
 * the read ({@link CostModel#snapshot}) and admits it only if that fits the heap and the budget, so
 * a store too large for the heap answers 503 rather than running out of memory mid-read.
 */
@Component
class SnapshotAdmission implements SnapshotGuard {

    private final GraphCounts counts;
    private final HeapBudget heap;

    SnapshotAdmission(GraphCounts counts, HeapBudget heap) {
        this.counts = counts;
        this.heap = heap;
    }

    @Override
    public Admission admitFullRead() {
        GraphCounts.Counts c = counts.count();
        HeapBudget.Reservation reservation = heap.reserve("reading the graph (" + c.nodes() + " nodes, " + c.ties()
                + " ties) into a snapshot", CostModel.snapshot(c.nodes(), c.ties()), 10);
        return reservation::close;
    }
}
