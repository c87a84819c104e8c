package org.civnet.network;

/** Who holds a Special Procedures mandate. */
public enum HolderType {
    SPECIAL_RAPPORTEUR, INDEPENDENT_EXPERT, WORKING_GROUP
}
