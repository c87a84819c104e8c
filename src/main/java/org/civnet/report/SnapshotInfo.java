package org.civnet.report;

import org.civnet.snapshot.SnapshotCache;

/** Response metadata: how big the analysed snapshot is and what it cost. */
public record SnapshotInfo(int vertices, int ties, long buildMillis, long readMillis, boolean cacheHit, long computeMillis) {

    public static SnapshotInfo of(SnapshotCache.Lookup lookup, long computeMillis) {
        return new SnapshotInfo(lookup.snapshot().vertexCount(), lookup.snapshot().graph().edgeCount(),
                lookup.snapshot().buildMillis(), lookup.readMillis(), lookup.cacheHit(), computeMillis);
    }
}
