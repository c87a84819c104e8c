package org.civnet.domain;

/**
 * What a person may consent to, one record each ({@link Consent}). The JSON name of each is the key
 * of the contact's {@code consent} object.
 */
public enum ConsentPurpose {
    /** Being asked to introduce others: only then may referral route through the person. */
    INTRODUCE("introduce"),
    /** Being introduced to someone (the person is the target of an introduction). */
    BE_INTRODUCED("beIntroduced"),
    /** Being named to a UN mandate (in a communication, an allegation letter, a submission). */
    NAME_TO_MANDATE("nameToMandate");

    private final String key;

    ConsentPurpose(String key) {
        this.key = key;
    }

    /** The key in the contact's {@code consent} object and the stem of the stored properties. */
    public String key() {
        return key;
    }
}
