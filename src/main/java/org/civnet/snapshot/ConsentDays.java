package org.civnet.snapshot;

import java.util.Arrays;

import org.civnet.domain.ConsentPurpose;

/**
 * One node's consents as the snapshot keeps them: per {@link ConsentPurpose}, the first and last epoch
 * day on which it is current (inclusive). A purpose without a record, or with a withdrawn one, is
 * never current; a record given on an unknown date is current from the beginning of time, one
 * without an end date to the end of it. Immutable; nodes without any consent share {@link #NONE}.
 */
public final class ConsentDays {

    /** First day of a record given on an unknown date. */
    public static final int UNKNOWN_START = Integer.MIN_VALUE;
    /** Last day of a record without an end date. */
    public static final int OPEN_END = Integer.MAX_VALUE;

    private static final int PURPOSES = ConsentPurpose.values().length;

    public static final ConsentDays NONE = new ConsentDays(filled(Integer.MAX_VALUE), filled(Integer.MIN_VALUE));

    /** A consent to introduce without dates: what the old yes/no meant (test graphs, benchmarks). */
    public static final ConsentDays INTRODUCE_ALWAYS = NONE.with(ConsentPurpose.INTRODUCE, UNKNOWN_START, OPEN_END);

    private final int[] from;
    private final int[] until;

    private ConsentDays(int[] from, int[] until) {
        this.from = from;
        this.until = until;
    }

    /** The old yes/no as consent days: a yes is a consent to introduce on every day. */
    public static ConsentDays of(boolean consentToIntroduce) {
        return consentToIntroduce ? INTRODUCE_ALWAYS : NONE;
    }

    /** These days with {@code purpose} current from {@code firstDay} through {@code lastDay}. */
    public ConsentDays with(ConsentPurpose purpose, int firstDay, int lastDay) {
        int[] f = from.clone();
        int[] u = until.clone();
        f[purpose.ordinal()] = firstDay;
        u[purpose.ordinal()] = lastDay;
        return new ConsentDays(f, u);
    }

    /** Whether the consent for {@code purpose} is current on {@code epochDay}. */
    public boolean on(ConsentPurpose purpose, long epochDay) {
        return from[purpose.ordinal()] <= epochDay && epochDay <= until[purpose.ordinal()];
    }

    /** Whether there is a current-able (recorded, not withdrawn) consent for {@code purpose}. */
    public boolean recorded(ConsentPurpose purpose) {
        return from[purpose.ordinal()] <= until[purpose.ordinal()];
    }

    /** The day the consent was given; {@link #UNKNOWN_START} when unknown. Only for a recorded purpose. */
    public int firstDay(ConsentPurpose purpose) {
        return from[purpose.ordinal()];
    }

    /** The last day it is current; {@link #OPEN_END} when it has no end. Only for a recorded purpose. */
    public int lastDay(ConsentPurpose purpose) {
        return until[purpose.ordinal()];
    }

    private static int[] filled(int value) {
        int[] a = new int[PURPOSES];
        Arrays.fill(a, value);
        return a;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConsentDays o && Arrays.equals(from, o.from) && Arrays.equals(until, o.until);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(from) + Arrays.hashCode(until);
    }

    /** Per purpose, the first and last day current (epoch days), for test messages. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("ConsentDays[");
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            int p = purpose.ordinal();
            out.append(purpose.key()).append('=').append(from[p]).append("..").append(until[p]).append(p + 1 < PURPOSES ? ", " : "]");
        }
        return out.toString();
    }
}
