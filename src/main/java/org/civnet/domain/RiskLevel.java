package org.civnet.domain;

/** How much a contact is at risk; ELEVATED and HIGH people are never used as intermediaries by default. */
public enum RiskLevel {
    NONE, ELEVATED, HIGH
}
