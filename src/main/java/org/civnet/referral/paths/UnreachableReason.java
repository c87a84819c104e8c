package org.civnet.referral.paths;

/**
 * Why a target cannot be reached from a source, checked in this order (the first that applies).
 * Only the category is reported, never who blocks, so the reason itself names nobody.
 */
public enum UnreachableReason {
    /** A path of at most {@code maxHops} ties exists whose intermediaries are all allowed. */
    REACHABLE,
    /**
     * Within {@code maxHops} ties every path runs through someone who may not be an intermediary
     * (excluded, not consenting to introduce, or at risk): asking for consent or allowing
     * at-risk people would open a path, a longer hop limit might too.
     */
    ONLY_THROUGH_DISALLOWED,
    /** Source and target are connected, but not within {@code maxHops} ties even ignoring consent and risk. */
    NO_PATH_WITHIN_MAX_HOPS,
    /** Source and target lie in different connected components: no chain of ties at all. */
    NOT_CONNECTED
}
