package org.civnet.demo;

import java.util.List;
import java.util.Objects;

import org.civnet.network.NetworkDocument;

/**
 * A generated demo network and what was planted in it.
 *
 * @param document       the network, in the import/export format
 * @param isolatedGroups the groups cut off on purpose (no path to any mandate, or a single broker)
 * @param hroContactId   a well-connected human rights officer (UN_STAFF, Geneva): a natural "me" for
 *                       referral paths
 */
public record DemoNetwork(NetworkDocument document, List<PlantedGroup> isolatedGroups, String hroContactId) {

    public DemoNetwork {
        Objects.requireNonNull(document, "document");
        isolatedGroups = List.copyOf(isolatedGroups);
        Objects.requireNonNull(hroContactId, "hroContactId");
    }
}
