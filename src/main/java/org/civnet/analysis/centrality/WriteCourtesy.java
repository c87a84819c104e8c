package org.civnet.analysis.centrality;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Lets the betweenness sweeps step aside while writes are in flight: between two sources a sweep
 * parks (a tenth of a millisecond at a time, at most {@link #MAX_PARKS} times) as long as the
 * installed signal says a write is running, so on a small machine a write gets every core rather
 * than sharing one with the analysis (issue 18: writes never wait behind an analysis). The service
 * installs the signal ({@code gate/WriteTraffic}); without one, nothing waits.
 */
public final class WriteCourtesy {

    /** At most this many parks between two sources (20 ms): an analysis slows, it never stops. */
    static final int MAX_PARKS = 200;
    private static final long PARK_NANOS = 100_000;
    private static volatile BooleanSupplier writing = () -> false;

    private WriteCourtesy() {
    }

    /** Installs what says whether a write is in flight. */
    public static void install(BooleanSupplier writesInFlight) {
        writing = writesInFlight;
    }

    /** Called between sources: waits (bounded) while a write is in flight. */
    static void yieldToWrites() {
        BooleanSupplier signal = writing;
        for (int parks = 0; parks < MAX_PARKS && signal.getAsBoolean(); parks++) {
            LockSupport.parkNanos(PARK_NANOS);
        }
    }
}
