/**
 * Consent follow-ups (issue 19): the list of consents that lapse soon. What a contact consented to is
 * a field of the contact ({@link org.civnet.domain.Consent}, written through {@code network/ConsentRules});
 * referral and exports read it from the snapshot and the store.
 */
package org.civnet.consent;
