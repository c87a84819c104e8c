package org.civnet.snapshot;

/**
 * {@link ScopedPatch} is package-private (only {@link SnapshotCache} brings snapshots forward); the
 * benchmarks in {@code org.civnet.bench} reach it through this test-side door instead of widening it.
 */
public final class ScopedPatchProbe {

    private ScopedPatchProbe() {
    }

    /** {@link ScopedPatch#apply}: {@code old} brought to the patched graph, or null when it does not fit. */
    public static NetworkSnapshot bringForward(NetworkSnapshot old, SnapshotPatch.Patched patch) {
        return ScopedPatch.apply(old, patch);
    }
}
