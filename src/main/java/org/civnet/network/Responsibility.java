package org.civnet.network;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.civnet.domain.NodeLabel;

/**
 * Contacts, introductions and activities name the officer responsible for them, so a handover can
 * move them to a successor. A write that leaves it out (a create, a PUT, an import row: defaults
 * apply, as for every field) names the user who writes, so nothing is left without an officer;
 * outside a request (the demo loader) there is nobody to name.
 */
final class Responsibility {

    static final String FIELD = "responsibleOfficer";
    static final Set<NodeLabel> CARRIED_BY = EnumSet.of(NodeLabel.Contact, NodeLabel.Introduction,
            NodeLabel.Communication, NodeLabel.CountryVisit, NodeLabel.Training);

    private Responsibility() {
    }

    /** The stored properties of a {@code label} record, with the writer as responsible officer when none is given. */
    static Map<String, Object> withDefault(NodeLabel label, Map<String, Object> properties, String writer) {
        if (writer != null && CARRIED_BY.contains(label) && properties.get(FIELD) == null) {
            properties.put(FIELD, writer);
        }
        return properties;
    }
}
