package org.civnet.snapshot;

import java.util.Set;

/**
 * {@link ScopedPatch} and the row index {@link SnapshotCache} carries from patch to patch are
 * package-private; the benchmarks in {@code org.civnet.bench} reach them through this test-side door
 * instead of widening them.
 */
public final class PatchProbe {

    private PatchProbe() {
    }

    /** {@link ScopedPatch#apply}: {@code old} brought to the patched graph, or null when it does not fit. */
    public static NetworkSnapshot bringForward(NetworkSnapshot old, SnapshotPatch.Patched patch) {
        return ScopedPatch.apply(old, patch);
    }

    /** Patches one base graph as the cache does once it holds the base's row index (built here once). */
    public static Patcher patcher(GraphData base) {
        return new Patcher(base, new IdIndex(base.ids()));
    }

    public static final class Patcher {
        private final GraphData base;
        private final IdIndex rows;

        private Patcher(GraphData base, IdIndex rows) {
            this.base = base;
            this.rows = rows;
        }

        public SnapshotPatch.Patched apply(Set<String> changed, SnapshotPatch.Rows delta, long version) {
            return SnapshotPatch.applyWithLayout(base, rows, changed, delta, version);
        }
    }
}
