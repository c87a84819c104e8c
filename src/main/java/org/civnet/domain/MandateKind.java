package org.civnet.domain;

/** A Special Procedure covers a theme or a country. */
public enum MandateKind {
    THEMATIC, COUNTRY
}
