package org.civnet.demo;

import static org.civnet.demo.DemoWorld.CONTACT;
import static org.civnet.demo.DemoWorld.FIRST_DAY;
import static org.civnet.demo.DemoWorld.ORGANISATION;
import static org.civnet.demo.DemoWorld.REGIONS;
import static org.civnet.demo.DemoWorld.THEMATIC_MANDATES;
import static org.civnet.demo.DemoWorld.key;
import static org.civnet.demo.DemoWorld.paddedId;
import static org.civnet.demo.DemoWorld.phrase;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civnet.domain.CommunicationType;
import org.civnet.domain.RiskLevel;
import org.civnet.domain.TieType;
import org.civnet.network.Activities.Communication;
import org.civnet.network.Activities.CountryVisit;
import org.civnet.network.Activities.Training;
import org.civnet.network.Contact;
import org.civnet.network.Regions;
import org.civnet.network.Tie;

/**
 * The activities of the demo network: communications with their SOURCE_OF ties, country visits with the people and
 * organisations met (MET_DURING), and trainings with their participants (ATTENDED).
 */
final class DemoActivities {
    private final DemoWorld world;

    DemoActivities(DemoWorld world) {
        this.world = world;
    }

    void createCommunications() {
        int count = Math.max(10, (int) Math.round(world.n / 50.0));
        int firstDay = (int) ChronoUnit.DAYS.between(FIRST_DAY, LocalDate.of(2018, 1, 1));
        for (int i = 0; i < count; i++) {
            String id = paddedId("com-", i + 1, 5);
            int c = world.memberAt[world.rng.nextInt(world.regularCount)];
            if (!world.contacts[c].needsProtection() && world.rng.nextDouble() < 0.5) {
                c = world.memberAt[world.rng.nextInt(world.regularCount)];
            }
            Contact source = world.contacts[c];
            double u = world.rng.nextDouble();
            CommunicationType type = source.riskLevel() != RiskLevel.NONE
                    ? (u < 0.6 ? CommunicationType.URGENT_APPEAL : CommunicationType.ALLEGATION_LETTER)
                    : (u < 0.65 ? CommunicationType.ALLEGATION_LETTER
                            : u < 0.85 ? CommunicationType.URGENT_APPEAL : CommunicationType.OTHER_LETTER);
            int m = mandateFor(source);
            int day = firstDay + world.rng.nextInt(world.lastDay - firstDay + 1);
            world.communications.add(new Communication(id, type, world.days[day], source.country(),
                    sendersOf(m, source, i), "Invented case for the demo network, concerning " + phrase(source.themes().get(0)) + "."));
            addActivityTie(TieType.SOURCE_OF, CONTACT, c, i, id, day);
            if (world.primaryOrg[c] >= 0 && world.rng.nextDouble() < 0.5) {
                addActivityTie(TieType.SOURCE_OF, ORGANISATION, world.primaryOrg[c], i, id, day);
            }
            if (world.rng.nextDouble() < 0.25) {
                int k = world.contactCommunity[c];
                int from = world.communityStart.get(k);
                addActivityTie(TieType.SOURCE_OF, CONTACT,
                        world.memberAt[from + world.rng.nextInt(world.communityStart.get(k + 1) - from)], i, id, day);
            }
        }
    }

    /**
     * The mandates that send a communication: a country mandate writes jointly with a thematic
     * mandate on the source's themes, as real joint communications do. Chosen without the random
     * generator, so the rest of the demo network stays what it was for a seed.
     */
    private List<String> sendersOf(int m, Contact source, int communication) {
        if (m < THEMATIC_MANDATES) {
            return List.of(world.mandates.get(m).id());
        }
        for (int k = 0; k < THEMATIC_MANDATES; k++) {
            int thematic = (communication + k) % THEMATIC_MANDATES;
            if ((world.themeMask(source.themes()) & world.themeMask(world.mandates.get(thematic).themes())) != 0) {
                return List.of(world.mandates.get(m).id(), world.mandates.get(thematic).id());
            }
        }
        return List.of(world.mandates.get(m).id());
    }

    private int mandateFor(Contact contact) {
        if (world.rng.nextDouble() < 0.7) {
            for (int m = THEMATIC_MANDATES; m < world.mandates.size(); m++) {
                if (contact.country().equals(world.mandates.get(m).country())) {
                    return m;
                }
            }
        }
        int start = world.rng.nextInt(THEMATIC_MANDATES);
        for (int i = 0; i < THEMATIC_MANDATES; i++) {
            int m = (start + i) % THEMATIC_MANDATES;
            if ((world.themeMask(contact.themes()) & world.themeMask(world.mandates.get(m).themes())) != 0) {
                return m;
            }
        }
        return start;
    }

    private void addActivityTie(TieType type, int label, int node, int activity, String activityId, int day) {
        if (world.tieKeys.add(key(type, label, node, activity))) {
            String from = label == CONTACT ? world.contactIds[node] : world.organisations.get(node).id();
            world.ties.add(new Tie(type, from, activityId, null, world.days[day], null, null, null));
        }
    }

    void createCountryVisits() {
        int count = Math.max(6, (int) Math.round(6 * world.scale));
        Map<String, IntList> contactsByCountry = new HashMap<>();
        for (int p = 0; p < world.regularCount; p++) {
            int c = world.memberAt[p];
            contactsByCountry.computeIfAbsent(world.contacts[c].country(), x -> new IntList()).add(c);
        }
        Map<String, IntList> organisationsByCountry = new HashMap<>();
        for (int o = 0; o < world.organisations.size(); o++) {
            if (!world.organisationPlanted.get(o)) {
                organisationsByCountry.computeIfAbsent(world.organisations.get(o).country(), x -> new IntList()).add(o);
            }
        }
        int firstDay = (int) ChronoUnit.DAYS.between(FIRST_DAY, LocalDate.of(2016, 1, 1));
        for (int i = 0; i < count; i++) {
            String id = paddedId("visit-", i + 1, 3);
            int m;
            String country;
            if (world.rng.nextDouble() < 0.4) {
                m = THEMATIC_MANDATES + world.rng.nextInt(world.mandates.size() - THEMATIC_MANDATES);
                country = world.mandates.get(m).country();
            } else {
                m = world.rng.nextInt(THEMATIC_MANDATES);
                country = world.contacts[world.memberAt[world.rng.nextInt(world.regularCount)]].country();
            }
            int start = firstDay + world.rng.nextInt(world.lastDay - 14 - firstDay);
            int end = start + 5 + world.rng.nextInt(8);
            world.visits.add(new CountryVisit(id, world.mandates.get(m).id(), country, world.days[start],
                    world.days[end]));
            IntList local = contactsByCountry.get(country);
            if (local == null) {
                // Nobody recorded in the country (e.g. a closed one): the mandate meets people of the region.
                int r = Regions.regionOf(country).ordinal();
                local = new IntList();
                for (int p = world.regionStart[r]; p < world.regionStart[r + 1]; p++) {
                    local.add(world.memberAt[p]);
                }
            }
            int met = Math.min(local.size(), 5 + world.rng.nextInt(21));
            for (int added = 0, attempt = 0; added < met && attempt < 20 * met; attempt++) {
                int c = local.get(world.rng.nextInt(local.size()));
                if (!world.tieKeys.contains(key(TieType.MET_DURING, CONTACT, c, i))) {
                    addActivityTie(TieType.MET_DURING, CONTACT, c, i, id, start);
                    added++;
                }
            }
            IntList localOrganisations = organisationsByCountry.get(country);
            if (localOrganisations != null) {
                int orgsMet = Math.min(localOrganisations.size(), 1 + world.rng.nextInt(5));
                for (int j = 0; j < orgsMet; j++) {
                    addActivityTie(TieType.MET_DURING, ORGANISATION,
                            localOrganisations.get(world.rng.nextInt(localOrganisations.size())), i, id, start);
                }
            }
        }
    }

    void createTrainings() {
        int count = Math.max(6, (int) Math.round(6 * world.scale));
        int firstDay = (int) ChronoUnit.DAYS.between(FIRST_DAY, LocalDate.of(2017, 1, 1));
        for (int i = 0; i < count; i++) {
            String id = paddedId("training-", i + 1, 3);
            int r = (i + world.rng.nextInt(2)) % REGIONS.length;
            int day = firstDay + world.rng.nextInt(world.lastDay - firstDay + 1);
            String place = world.countryName(world.sampleHub(r));
            world.trainings.add(new Training(id, "Engaging with the UN Special Procedures: "
                    + DemoVocabulary.REGION_ADJECTIVE.get(REGIONS[r]) + " workshop", world.days[day], place,
                    "UN Human Rights (demo)"));
            int size = world.regionStart[r + 1] - world.regionStart[r];
            int attending = Math.min(size, 8 + world.rng.nextInt(23));
            for (int added = 0, attempt = 0; added < attending && attempt < 20 * attending; attempt++) {
                int c = world.memberAt[world.regionStart[r] + world.rng.nextInt(size)];
                if (!world.tieKeys.contains(key(TieType.ATTENDED, CONTACT, c, i))) {
                    addActivityTie(TieType.ATTENDED, CONTACT, c, i, id, day);
                    added++;
                }
            }
        }
    }
}
