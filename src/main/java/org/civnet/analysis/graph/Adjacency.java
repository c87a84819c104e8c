package org.civnet.analysis.graph;

import java.util.Objects;

/**
 * Read access to an undirected graph (or multigraph) in compressed sparse row form: the
 * neighbours of {@code v} are {@code target(slot)} for {@code offset(v) <= slot < offsetEnd(v)},
 * every edge stored once from each end. {@link CsrGraph} is one; {@link #of} wraps raw arrays,
 * e.g. a contracted multigraph with parallel edges, which {@link CsrGraph} would merge.
 */
public interface Adjacency {

    int vertexCount();

    int offset(int v);

    int offsetEnd(int v);

    int target(int slot);

    /**
     * Raw CSR arrays (not copied, so they must not change): {@code offsets} has
     * {@code vertexCount + 1} entries, non-decreasing, ending at {@code targets.length}.
     */
    static Adjacency of(int[] offsets, int[] targets) {
        Objects.requireNonNull(offsets, "offsets");
        Objects.requireNonNull(targets, "targets");
        if (offsets.length == 0 || offsets[offsets.length - 1] != targets.length) {
            throw new IllegalArgumentException("offsets must end at targets.length");
        }
        return new ArrayAdjacency(offsets, targets);
    }
}

/** {@link Adjacency} over raw arrays. */
record ArrayAdjacency(int[] offsets, int[] targets) implements Adjacency {

    @Override
    public int vertexCount() {
        return offsets.length - 1;
    }

    @Override
    public int offset(int v) {
        return offsets[v];
    }

    @Override
    public int offsetEnd(int v) {
        return offsets[v + 1];
    }

    @Override
    public int target(int slot) {
        return targets[slot];
    }
}
