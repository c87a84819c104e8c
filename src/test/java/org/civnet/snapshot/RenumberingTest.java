package org.civnet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link Renumbering} against the plain array of new ids it stands in for. */
class RenumberingTest {

    @Test
    void nothingRemovedKeepsEveryId() {
        Renumbering same = Renumbering.removing(10, new int[0]);
        int[] ids = {9, 0, 4};
        same.renumber(ids, 0, ids.length);
        assertThat(ids).containsExactly(9, 0, 4);
        assertThat(same.keptCount()).isEqualTo(10);
    }

    @Test
    void theFirstAndLastIdsRemovedShiftTheRestDownByOne() {
        Renumbering r = Renumbering.removing(6, new int[] {5, 0, 0});
        assertThat(r.removedCount()).isEqualTo(2);
        assertThat(new int[] {r.newId(1), r.newId(2), r.newId(4)}).containsExactly(0, 1, 3);
        int[] column = {10, 11, 12, 13, 14, 15};
        int[] out = new int[r.keptCount()];
        r.copyKept(column, out);
        assertThat(out).containsExactly(11, 12, 13, 14);
    }

    @Test
    void agreesWithAnArrayOfNewIdsAtManySizesAndDensities() {
        Random random = new Random(18);
        // Sizes below and well above one id per block, so blocks of one id and of many are both met.
        for (int size : new int[] {1, 2, 7, 4095, 4096, 4097, 30_000, 1_000_003}) {
            for (int removedCount : new int[] {0, 1, 3, 40, size / 2, size}) {
                int[] removed = new int[removedCount];
                boolean[] gone = new boolean[size];
                for (int k = 0; k < removedCount; k++) {
                    removed[k] = k < 2 ? (k == 0 ? 0 : size - 1) : random.nextInt(size);
                    gone[removed[k]] = true;
                }
                Renumbering r = Renumbering.removing(size, removed.clone());
                int[] expected = new int[size];
                int next = 0;
                for (int e = 0; e < size; e++) {
                    expected[e] = gone[e] ? -1 : next++;
                }
                assertThat(r.keptCount()).as("size %d, removed %d", size, removedCount).isEqualTo(next);
                int[] column = new int[size];
                int[] keptIds = new int[next];
                int[] actual = new int[size];
                for (int e = 0; e < size; e++) {
                    column[e] = e;
                    actual[e] = gone[e] ? -1 : r.newId(e);
                    if (!gone[e]) {
                        keptIds[expected[e]] = e;
                    }
                }
                assertThat(actual).isEqualTo(expected);
                int[] squeezed = new int[next];
                r.copyKept(column, squeezed);
                assertThat(squeezed).isEqualTo(keptIds);
                int[] renumbered = new int[next];
                r.renumber(keptIds, 0, renumbered, 0, next);
                int[] ranks = new int[next];
                Arrays.setAll(ranks, i -> i);
                assertThat(renumbered).isEqualTo(ranks);
            }
        }
    }
}
