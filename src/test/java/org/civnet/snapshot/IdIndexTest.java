package org.civnet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IdIndexTest {

    @Test
    void anEmptyColumnFindsNothing() {
        IdIndex index = new IdIndex(new String[0]);
        assertThat(index.indexOf("c-1")).isEqualTo(-1);
        assertThat(index.indexOf(null)).isEqualTo(-1);
    }

    @Test
    void idsWhoseHashCodesCollideAreToldApart() {
        // "Aa" and "BB" share String.hashCode (2112), as do "AaAa", "AaBB", "BBAa" and "BBBB".
        String[] ids = {"Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "c-1"};
        IdIndex index = new IdIndex(ids);
        for (int i = 0; i < ids.length; i++) {
            assertThat(index.indexOf(ids[i])).as(ids[i]).isEqualTo(i);
        }
        assertThat(index.indexOf("BBBBAa")).isEqualTo(-1);
        assertThat(index.indexOf("")).isEqualTo(-1);
    }

    @Test
    void agreesWithAHashMapOnManyIdsAndMisses() {
        Random random = new Random(18);
        String[] ids = new String[100_000];
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "c-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            expected.putIfAbsent(ids[i], i);
        }
        IdIndex index = new IdIndex(ids);
        for (String id : ids) {
            assertThat(index.indexOf(id)).isEqualTo(expected.get(id));
        }
        for (int k = 0; k < 10_000; k++) {
            String missing = "o-" + k;
            assertThat(index.indexOf(missing)).isEqualTo(-1);
        }
    }

    @Test
    void nullIdsAreSkipped() {
        IdIndex index = new IdIndex(new String[] {null, "m-1"});
        assertThat(index.indexOf("m-1")).isEqualTo(1);
        assertThat(index.indexOf(null)).isEqualTo(-1);
    }

    @Test
    void anIndexExtendedWithAppendedIdsFindsOldAndNewOnes() {
        String[] ids = new String[1000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "c-" + i;
        }
        IdIndex index = new IdIndex(ids);
        // A few more fit in the same slots; many more than doubling the load rebuilds it.
        for (int more : new int[] {0, 3, 1000}) {
            String[] longer = java.util.Arrays.copyOf(ids, ids.length + more);
            for (int i = ids.length; i < longer.length; i++) {
                longer[i] = "o-" + i;
            }
            IdIndex extended = index.withAppended(longer);
            for (int i = 0; i < longer.length; i++) {
                assertThat(extended.indexOf(longer[i])).isEqualTo(i);
            }
            assertThat(extended.indexOf("o-" + (longer.length + 1))).isEqualTo(-1);
        }
        // The original index is untouched by extending it.
        assertThat(index.indexOf("o-1000")).isEqualTo(-1);
    }
}
