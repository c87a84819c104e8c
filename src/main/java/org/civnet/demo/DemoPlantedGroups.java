package org.civnet.demo;

import java.util.ArrayList;
import java.util.List;

import org.civnet.domain.ContactKind;
import org.civnet.domain.EcosocStatus;
import org.civnet.domain.OrganisationType;
import org.civnet.domain.Region;
import org.civnet.domain.RiskLevel;
import org.civnet.domain.Scope;

/**
 * The two groups planted in the demo network: an LGBTI collective in an Arab-region country with no tie outside the
 * group, and a land defenders' group in Africa whose only way out is one lawyer (an articulation point).
 */
final class DemoPlantedGroups {
    private final DemoWorld world;
    private final DemoPeople peopleStage;
    private final DemoOrganisations organisationStage;

    DemoPlantedGroups(DemoWorld world, DemoPeople peopleStage, DemoOrganisations organisationStage) {
        this.world = world;
        this.peopleStage = peopleStage;
        this.organisationStage = organisationStage;
    }

    void plantIsolatedGroup() {
        int r = Region.ARAB_REGION.ordinal();
        String country = world.sampleHub(r);
        int org = organisationStage.addOrganisation(OrganisationType.COMMUNITY_BASED, country, List.of("LGBTI"),
                Scope.LOCAL, EcosocStatus.NONE, true);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < world.plannedLgbti.length; i++) {
            int c = world.plannedLgbti[i];
            world.planted[c] = true;
            world.contactCommunity[c] = -1;
            RiskLevel risk = world.rng.nextDouble() < 0.5 ? RiskLevel.HIGH : RiskLevel.ELEVATED;
            ContactKind kind = i == 1 ? ContactKind.JOURNALIST : ContactKind.DEFENDER;
            world.contacts[c] = peopleStage.contact(c, peopleStage.personName(r, c), kind, country,
                    i % 3 == 0 ? List.of("LGBTI", "WOMENS_RIGHTS") : List.of("LGBTI"), risk,
                    world.rng.nextDouble() < 0.3, world.rng.nextDouble() < 0.7);
            ids.add(world.contactIds[c]);
            organisationStage.addAffiliation(c, org);
            world.primaryOrg[c] = org;
        }
        knitGroup(world.plannedLgbti);
        world.plantedGroups.add(new PlantedGroup("isolated-lgbti-group", Region.ARAB_REGION, country, ids,
                List.of(world.organisations.get(org).id()), List.of(),
                "An LGBTI collective and its members with no tie of any kind outside the group: a separate "
                        + "component with no path to any mandate."));
    }

    void plantSingleBrokerGroup() {
        int r = Region.AFRICA.ordinal();
        int firstCommunity = -1;
        int communities = world.communityRegion.size();
        for (int k = 0; k < communities; k++) {
            if (world.communityRegion.get(k) == r) {
                firstCommunity = firstCommunity < 0 ? k : firstCommunity;
            }
        }
        int lastCommunity = firstCommunity;
        while (lastCommunity + 1 < communities && world.communityRegion.get(lastCommunity + 1) == r) {
            lastCommunity++;
        }
        int neighbourCommunity = firstCommunity + world.rng.nextInt(lastCommunity - firstCommunity + 1);
        String country = world.communityCountry.get(neighbourCommunity);
        int org = organisationStage.addOrganisation(OrganisationType.COMMUNITY_BASED, country,
                List.of("LAND", "INDIGENOUS_PEOPLES"), Scope.LOCAL, EcosocStatus.NONE, true);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < world.plannedLand.length; i++) {
            int c = world.plannedLand[i];
            world.planted[c] = true;
            world.contactCommunity[c] = -1;
            boolean broker = i == 0;
            RiskLevel risk = broker || world.rng.nextDouble() < 0.5 ? RiskLevel.NONE
                    : world.rng.nextDouble() < 0.5 ? RiskLevel.HIGH : RiskLevel.ELEVATED;
            ContactKind kind = broker ? ContactKind.LAWYER : ContactKind.DEFENDER;
            world.contacts[c] = peopleStage.contact(c, peopleStage.personName(r, c), kind, country,
                    List.of("LAND", "INDIGENOUS_PEOPLES"), risk, broker || world.rng.nextDouble() < 0.5,
                    !broker && world.rng.nextDouble() < 0.2);
            ids.add(world.contactIds[c]);
            organisationStage.addAffiliation(c, org);
            world.primaryOrg[c] = org;
        }
        knitGroup(world.plannedLand);
        int broker = world.plannedLand[0];
        int from = world.communityStart.get(neighbourCommunity);
        int to = world.communityStart.get(neighbourCommunity + 1);
        for (int i = 0; i < 3; i++) {
            world.addKnows(broker, world.memberAt[world.weightedPosition(from, to)], false, -1);
        }
        organisationStage.addAffiliation(broker, world.communityOrgStart.get(neighbourCommunity));
        world.plantedGroups.add(new PlantedGroup("single-broker-land-group", Region.AFRICA, country, ids,
                List.of(world.organisations.get(org).id()), List.of(world.contactIds[broker]),
                "Land defenders whose only ties out of the group go through one lawyer: removing that "
                        + "broker (an articulation point) cuts them off from every mandate."));
    }

    /** A connected, fairly dense group: a spanning tree plus about half the remaining pairs. */
    private void knitGroup(int[] members) {
        for (int i = 1; i < members.length; i++) {
            world.addKnows(members[i], members[world.rng.nextInt(i)], true, -1);
        }
        for (int i = 0; i < members.length; i++) {
            for (int j = i + 1; j < members.length; j++) {
                if (world.rng.nextDouble() < 0.4) {
                    world.addKnows(members[i], members[j], true, -1);
                }
            }
        }
    }
}
