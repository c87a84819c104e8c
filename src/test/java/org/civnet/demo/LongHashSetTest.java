package org.civnet.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LongHashSetTest {

    @Test
    void refusesTheReservedZero() {
        assertThatThrownBy(() -> new LongHashSet(4).add(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void behavesLikeAHashSetThroughGrowth() {
        LongHashSet set = new LongHashSet(1);
        Set<Long> reference = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 50_000; i++) {
            long key = 1 + rng.nextLong(20_000) * (i % 2 == 0 ? 1 : 1L << 40);
            assertThat(set.add(key)).isEqualTo(reference.add(key));
        }
        assertThat(set.size()).isEqualTo(reference.size());
        for (long key : reference) {
            assertThat(set.contains(key)).isTrue();
        }
        assertThat(set.contains(-1)).isFalse();
    }

    @Test
    void weightedPoolDrawsOnlyPositiveWeightsInProportion() {
        WeightedPool pool = new WeightedPool();
        assertThatThrownBy(() -> pool.draw(new SplittableRandom(1))).isInstanceOf(IllegalStateException.class);
        pool.add(7, 0);
        pool.add(8, -1);
        pool.add(9, Double.NaN);
        assertThat(pool.size()).isZero();
        pool.add(1, 1);
        pool.add(2, 3);
        int[] counts = new int[3];
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 40_000; i++) {
            counts[pool.draw(rng)]++;
        }
        assertThat(counts[0]).isZero();
        assertThat(counts[2] / (double) counts[1]).isBetween(2.8, 3.2);
    }
}
