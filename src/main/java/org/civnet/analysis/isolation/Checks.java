package org.civnet.analysis.isolation;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/** Argument checks shared by the classes of this package. */
final class Checks {

    private Checks() {
    }

    /** Rejects a set naming a vertex outside {@code 0..n-1}, a sign of a snapshot mismatch. */
    static BitSet vertexSet(BitSet set, int n, String name) {
        Objects.requireNonNull(set, name);
        if (set.length() > n) {
            throw new IllegalArgumentException(name + " contains vertex " + (set.length() - 1)
                    + " but the graph has " + n + " vertices");
        }
        return (BitSet) set.clone();
    }

    static List<BitSet> groups(List<BitSet> groups, int n) {
        Objects.requireNonNull(groups, "groups");
        BitSet[] copy = new BitSet[groups.size()];
        for (int g = 0; g < copy.length; g++) {
            copy[g] = vertexSet(groups.get(g), n, "groups[" + g + "]");
        }
        return List.of(copy);
    }

    static int vertex(int v, int n) {
        return Objects.checkIndex(v, n);
    }
}
