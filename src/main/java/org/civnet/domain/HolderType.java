package org.civnet.domain;

/** Who holds a Special Procedures mandate. */
public enum HolderType {
    SPECIAL_RAPPORTEUR, INDEPENDENT_EXPERT, WORKING_GROUP
}
