package org.civnet.snapshot;

/**
 * Asked before every full read of the graph: refuses (by throwing) a read the heap cannot hold,
 * else admits it for as long as the returned admission is open (its memory counted as taken).
 */
public interface SnapshotGuard {

    /** An admitted read; closing it gives its reserved memory back. */
    interface Admission extends AutoCloseable {
        @Override
        void close();
    }

    Admission admitFullRead();
}
