package org.civnet.demo;

import java.util.List;
import java.util.Objects;

import org.civnet.domain.Region;

/**
 * A group the generator cut off on purpose, so the isolation analyses have a known answer to find.
 *
 * @param label           short name, e.g. "isolated-lgbti-group"
 * @param region          where the group lives
 * @param country         ISO 3166-1 alpha-2 code of the group's country
 * @param contactIds      the group's contacts
 * @param organisationIds the group's own organisations
 * @param brokerIds       the only members with ties outside the group (empty: no tie out at all)
 * @param reason          what an analysis should find, in words
 */
public record PlantedGroup(String label, Region region, String country, List<String> contactIds,
        List<String> organisationIds, List<String> brokerIds, String reason) {

    public PlantedGroup {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(country, "country");
        contactIds = List.copyOf(contactIds);
        organisationIds = List.copyOf(organisationIds);
        brokerIds = List.copyOf(brokerIds);
        Objects.requireNonNull(reason, "reason");
    }
}
