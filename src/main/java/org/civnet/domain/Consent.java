package org.civnet.domain;

import java.time.LocalDate;
import java.util.function.UnaryOperator;

/**
 * What a contact consented to, one {@link ConsentRecord} per {@link ConsentPurpose} (null: never
 * asked, or never recorded). In JSON an object keyed by purpose:
 * {@code {"introduce": {"given": "2025-03-01", "until": "2027-03-01"}}}.
 */
public record Consent(ConsentRecord introduce, ConsentRecord beIntroduced, ConsentRecord nameToMandate) {

    public static final Consent NONE = new Consent(null, null, null);

    public ConsentRecord of(ConsentPurpose purpose) {
        return switch (purpose) {
            case INTRODUCE -> introduce;
            case BE_INTRODUCED -> beIntroduced;
            case NAME_TO_MANDATE -> nameToMandate;
        };
    }

    /** Whether the consent for {@code purpose} is current on {@code day}. */
    public boolean covers(ConsentPurpose purpose, LocalDate day) {
        ConsentRecord record = of(purpose);
        return record != null && record.currentOn(day);
    }

    /** This consent with the record for {@code purpose} replaced. */
    public Consent with(ConsentPurpose purpose, ConsentRecord record) {
        return new Consent(purpose == ConsentPurpose.INTRODUCE ? record : introduce,
                purpose == ConsentPurpose.BE_INTRODUCED ? record : beIntroduced,
                purpose == ConsentPurpose.NAME_TO_MANDATE ? record : nameToMandate);
    }

    /** This consent with every record passed through {@code change} (nulls stay null). */
    public Consent map(UnaryOperator<ConsentRecord> change) {
        return new Consent(introduce == null ? null : change.apply(introduce),
                beIntroduced == null ? null : change.apply(beIntroduced),
                nameToMandate == null ? null : change.apply(nameToMandate));
    }

    /** Whether no purpose has a record. */
    public boolean none() {
        return introduce == null && beIntroduced == null && nameToMandate == null;
    }
}
