package org.civnet.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The relationship types between nodes, each with the node kinds it may join. This is the
 * allow-list for relationship types in Cypher: a type reaches a query only as one of these names.
 */
public enum TieType {
    /** Contact – Contact, undirected in meaning; trust 1–5, since, lastContact. */
    KNOWS(EnumSet.of(NodeLabel.Contact), EnumSet.of(NodeLabel.Contact)),
    /** Contact → Organisation; role, since. */
    AFFILIATED_WITH(EnumSet.of(NodeLabel.Contact), EnumSet.of(NodeLabel.Organisation)),
    /** Organisation or Contact → Mandate; since, activities. */
    PARTNERS_WITH(EnumSet.of(NodeLabel.Organisation, NodeLabel.Contact), EnumSet.of(NodeLabel.Mandate)),
    /** Organisation → Network. */
    MEMBER_OF(EnumSet.of(NodeLabel.Organisation), EnumSet.of(NodeLabel.Network)),
    /** Contact or Organisation → Communication (always confidential). */
    SOURCE_OF(EnumSet.of(NodeLabel.Contact, NodeLabel.Organisation), EnumSet.of(NodeLabel.Communication)),
    /** Contact or Organisation → CountryVisit. */
    MET_DURING(EnumSet.of(NodeLabel.Contact, NodeLabel.Organisation), EnumSet.of(NodeLabel.CountryVisit)),
    /** Contact → Training. */
    ATTENDED(EnumSet.of(NodeLabel.Contact), EnumSet.of(NodeLabel.Training));

    private final Set<NodeLabel> fromLabels;
    private final Set<NodeLabel> toLabels;

    TieType(Set<NodeLabel> fromLabels, Set<NodeLabel> toLabels) {
        this.fromLabels = fromLabels;
        this.toLabels = toLabels;
    }

    public boolean fits(NodeLabel from, NodeLabel to) {
        return fromLabels.contains(from) && toLabels.contains(to);
    }

    public Set<NodeLabel> fromLabels() {
        return fromLabels;
    }

    public Set<NodeLabel> toLabels() {
        return toLabels;
    }

    /** Whether the tie carries a trust level (1–5). */
    public boolean hasTrust() {
        return this == KNOWS;
    }
}
