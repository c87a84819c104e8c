package org.civnet.network;

/** A Special Procedure covers a theme or a country. */
public enum MandateKind {
    THEMATIC, COUNTRY
}
