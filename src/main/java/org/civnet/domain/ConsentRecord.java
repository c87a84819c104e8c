package org.civnet.domain;

import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.LocalDate;

/**
 * One consent of one person for one {@link ConsentPurpose}: given on {@code given} (null: on a date
 * nobody recorded, as for a consent migrated from the old yes/no field), valid through {@code until}
 * (null: until withdrawn), given how ({@code method}), recorded by which user ({@code recordedBy}), and
 * withdrawn on {@code withdrawn}. A withdrawn consent is never current again, whatever the day asked
 * about: a withdrawal is meant to stop every use at once, including plans for dates before it.
 */
public record ConsentRecord(
        LocalDate given,
        LocalDate until,
        ConsentMethod method,
        @Sensitivity(SAFE) String recordedBy,
        LocalDate withdrawn) {

    /** Current on {@code day}: given on or before it (or on an unknown date), valid through it, not withdrawn. */
    public boolean currentOn(LocalDate day) {
        return withdrawn == null && (given == null || !given.isAfter(day)) && (until == null || !until.isBefore(day));
    }

    public ConsentRecord withRecordedBy(String user) {
        return new ConsentRecord(given, until, method, user, withdrawn);
    }

    public ConsentRecord withdrawnOn(LocalDate day) {
        return new ConsentRecord(given, until, method, recordedBy, day);
    }
}
