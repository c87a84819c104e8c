package org.civnet.domain;

/**
 * The fixed list of purposes a referral or an export may state. A stated purpose limits the answer to
 * people whose consent covers it on the day asked about: a referral then reaches only targets who
 * consented to {@link #targetsNeed()}, an export keeps only contacts who did (intermediaries of a
 * referral always need {@link ConsentPurpose#INTRODUCE}, whatever the purpose). An export for
 * {@link #INTRODUCTION} keeps contacts who consented to introduce or to be introduced.
 */
public enum Purpose {
    /** An introduction: the person reached is introduced to the officer or the mandate. */
    INTRODUCTION(ConsentPurpose.BE_INTRODUCED),
    /** A submission to a mandate that names the person (a communication, an allegation letter). */
    MANDATE_SUBMISSION(ConsentPurpose.NAME_TO_MANDATE);

    private final ConsentPurpose targetsNeed;

    Purpose(ConsentPurpose targetsNeed) {
        this.targetsNeed = targetsNeed;
    }

    /** The consent a person reached for this purpose must hold. */
    public ConsentPurpose targetsNeed() {
        return targetsNeed;
    }

    /** Whether a contact with {@code consent} may appear in an export for this purpose on {@code day}. */
    public boolean covers(Consent consent, java.time.LocalDate day) {
        return consent != null && (consent.covers(targetsNeed, day)
                || this == INTRODUCTION && consent.covers(ConsentPurpose.INTRODUCE, day));
    }
}
