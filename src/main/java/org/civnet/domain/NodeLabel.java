package org.civnet.domain;

/**
 * The node labels civnet stores: the allow-list that every label in a query or scope must come
 * from, so no user text is ever spliced into Cypher.
 */
public enum NodeLabel {
    Contact(true), Organisation(true), Mandate(true), Network(true),
    Communication(false), CountryVisit(false), Training(false), Introduction(false);

    private final boolean actor;

    NodeLabel(boolean actor) {
        this.actor = actor;
    }

    /** Actors are the people and bodies the analyses rank; the rest are activity records. */
    public boolean isActor() {
        return actor;
    }
}
