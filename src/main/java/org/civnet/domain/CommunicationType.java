package org.civnet.domain;

/** Kind of a Special Procedures communication. */
public enum CommunicationType {
    ALLEGATION_LETTER, URGENT_APPEAL, OTHER_LETTER
}
