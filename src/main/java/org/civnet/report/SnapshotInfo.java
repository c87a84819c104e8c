package org.civnet.report;

import org.civnet.snapshot.SnapshotCache;

/**
 * Response metadata: how big the analysed snapshot is and what it cost; {@code unreadableValues}
 * counts stored values (a malformed date, an unknown risk level…) that were skipped, logged once.
 */
public record SnapshotInfo(int vertices, int ties, long buildMillis, long readMillis, boolean cacheHit, long computeMillis,
                           int unreadableValues) {

    public static SnapshotInfo of(SnapshotCache.Lookup lookup, long computeMillis) {
        return new SnapshotInfo(lookup.snapshot().vertexCount(), lookup.snapshot().graph().edgeCount(),
                lookup.snapshot().buildMillis(), lookup.readMillis(), lookup.cacheHit(), computeMillis,
                lookup.snapshot().unreadableValues());
    }
}
