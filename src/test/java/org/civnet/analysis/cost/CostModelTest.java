package org.civnet.analysis.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The cost model's formulas, from the empty graph up, and the orders of growth they state. */
class CostModelTest {

    @Test
    void theEmptyGraphCostsOnlyTheFixedPartOfARead() {
        assertThat(CostModel.snapshot(0, 0).bytes()).isZero();
        assertThat(CostModel.snapshot(0, 0).seconds()).isEqualTo(CostModel.READ_FIXED_SECONDS);
        assertThat(CostModel.betweenness(0, 0, 2, 0, false)).isEqualTo(CostModel.Cost.NONE);
        assertThat(CostModel.closeness(0, 0, 2, false)).isEqualTo(CostModel.Cost.NONE);
        assertThat(CostModel.brokerage(0, 0, 1, false)).isEqualTo(CostModel.Cost.NONE);
    }

    @Test
    void theSnapshotIsLinearInNodesAndTies() {
        CostModel.Cost c = CostModel.snapshot(100_000, 1_000_000);
        long perNode = CostModel.SNAPSHOT_NODE_BYTES + CostModel.READ_NODE_BYTES;
        long perTie = CostModel.SNAPSHOT_TIE_BYTES + CostModel.READ_TIE_BYTES;
        assertThat(c.bytes()).isEqualTo(100_000 * perNode + 1_000_000 * perTie);
        // The fit: 4.1 s measured for this size (docs/BENCHMARKS.md).
        assertThat(c.seconds()).isCloseTo(4.1, within(0.5));
    }

    @Test
    void exactBetweennessGrowsAsNTimesMAndSamplingDividesIt() {
        CostModel.Cost exact = CostModel.betweenness(10_000, 100_000, 1, 10_000, false);
        CostModel.Cost sampled = CostModel.betweenness(10_000, 100_000, 1, 100, false);
        assertThat(exact.seconds() / sampled.seconds()).isCloseTo(100, within(1e-9));
        CostModel.Cost doubled = CostModel.betweenness(20_000, 200_000, 1, 20_000, false);
        assertThat(doubled.seconds() / exact.seconds()).isCloseTo(4, within(0.01));
        // One thread's scratch: search and dependency arrays plus log-many pending partial sums.
        long pending = 1 + CostModel.ceilLog2(256);
        assertThat(exact.bytes()).isEqualTo(8 * 10_000 + 32 * 10_000 + 8 * 10_000 * pending);
    }

    @Test
    void threadsCostMemoryAndSaveTime() {
        CostModel.Cost one = CostModel.betweenness(10_000, 100_000, 1, 10_000, false);
        CostModel.Cost two = CostModel.betweenness(10_000, 100_000, 2, 10_000, false);
        assertThat(two.bytes()).isGreaterThan(one.bytes());
        assertThat(one.seconds() / two.seconds()).isCloseTo(1.85, within(1e-9));
    }

    @Test
    void weightedSearchesCostMore() {
        assertThat(CostModel.betweenness(1000, 5000, 1, 1000, true).seconds())
                .isGreaterThan(CostModel.betweenness(1000, 5000, 1, 1000, false).seconds() * 5);
        assertThat(CostModel.closeness(1000, 5000, 1, true).bytes())
                .isGreaterThan(CostModel.closeness(1000, 5000, 1, false).bytes() + 16 * 5000);
    }

    @Test
    void sourcesBeyondTheVerticesCountAsAll() {
        assertThat(CostModel.betweenness(100, 300, 1, 1_000, false)).isEqualTo(CostModel.betweenness(100, 300, 1, 100, false));
    }

    @Test
    void ceilLog2() {
        assertThat(CostModel.ceilLog2(1)).isZero();
        assertThat(CostModel.ceilLog2(2)).isEqualTo(1);
        assertThat(CostModel.ceilLog2(3)).isEqualTo(2);
        assertThat(CostModel.ceilLog2(256)).isEqualTo(8);
    }
}
