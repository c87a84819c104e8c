package org.civnet.demo;

import static org.civnet.demo.DemoWorld.CONTACT;
import static org.civnet.demo.DemoWorld.ORGANISATION;
import static org.civnet.demo.DemoWorld.THEMATIC_MANDATES;
import static org.civnet.demo.DemoWorld.key;
import static org.civnet.demo.DemoWorld.paddedId;
import static org.civnet.demo.DemoWorld.underservedFactor;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.civnet.demo.DemoVocabulary.MandateSpec;
import org.civnet.domain.ContactKind;
import org.civnet.domain.MandateKind;
import org.civnet.domain.OrganisationType;
import org.civnet.domain.Region;
import org.civnet.domain.TieType;
import org.civnet.network.Contact;
import org.civnet.network.Mandate;
import org.civnet.network.Organisation;
import org.civnet.network.Regions;
import org.civnet.network.Tie;

/**
 * The 60 mandates of the demo network and their PARTNERS_WITH ties: partners are drawn from the organisations and
 * contacts that match a mandate's themes or country, and the lists decay geometrically from about 30 (times the
 * size scale) for the best-partnered mandate down to 1.
 */
final class DemoMandates {
    private final DemoWorld world;

    DemoMandates(DemoWorld world) {
        this.world = world;
    }

    void createMandatesAndPartners() {
        List<MandateSpec> specs = DemoVocabulary.MANDATES;
        WeightedPool[] organisationPools = new WeightedPool[specs.size()];
        WeightedPool[] contactPools = new WeightedPool[specs.size()];
        for (int m = 0; m < specs.size(); m++) {
            MandateSpec spec = specs.get(m);
            String id = paddedId("m-", m + 1, 3);
            world.mandates.add(new Mandate(id, spec.title(), m < THEMATIC_MANDATES ? MandateKind.THEMATIC
                    : MandateKind.COUNTRY, spec.holder(), spec.country(), spec.themes(), null, null).normalised(id));
            organisationPools[m] = partnerOrganisations(spec);
        }
        partnerContacts(specs, contactPools);
        // Popular themes get the long partner lists: rank mandates by pool size, with some noise.
        Integer[] order = new Integer[specs.size()];
        double[] sortKey = new double[specs.size()];
        for (int m = 0; m < specs.size(); m++) {
            order[m] = m;
            sortKey[m] = (organisationPools[m].size() + contactPools[m].size()) * (0.5 + world.rng.nextDouble());
        }
        Arrays.sort(order, (x, y) -> Double.compare(sortKey[y], sortKey[x]));
        double most = 30 * world.scale;
        for (int rank = 0; rank < order.length; rank++) {
            int m = order[rank];
            // Geometric decay from ~30 (times the size scale) for the best-partnered mandate down to 1.
            int wanted = (int) Math.round(most * Math.pow(1 / most, rank / (order.length - 1.0)));
            int organisationPool = organisationPools[m].size();
            int contactPool = contactPools[m].size();
            wanted = Math.max(1, Math.min(wanted, organisationPool + contactPool));
            int contactSlots = Math.min(contactPool, (int) Math.round(wanted * 0.15));
            int organisationSlots = Math.min(organisationPool, wanted - contactSlots);
            contactSlots = wanted - organisationSlots;
            drawPartners(m, ORGANISATION, organisationPools[m], organisationSlots);
            drawPartners(m, CONTACT, contactPools[m], contactSlots);
        }
    }

    private WeightedPool partnerOrganisations(MandateSpec spec) {
        WeightedPool pool = new WeightedPool();
        long mask = world.themeMask(spec.themes());
        Region mandateRegion = spec.country() == null ? null : Regions.regionOf(spec.country());
        for (int o = 0; o < world.organisations.size(); o++) {
            Organisation org = world.organisations.get(o);
            if (world.organisationPlanted.get(o) || org.type() == OrganisationType.UN_ENTITY) {
                continue;
            }
            double fit;
            if (spec.country() == null) {
                fit = (world.organisationThemes[o] & mask) != 0 ? 1 : 0;
            } else if (org.country().equals(spec.country())) {
                fit = 3;
            } else if (org.type() == OrganisationType.NGO_INTERNATIONAL) {
                fit = 1;
            } else {
                fit = org.region() == mandateRegion ? 0.1 : 0;
            }
            pool.add(o, fit * typeWeight(org.type()) * underservedFactor(org.region().ordinal()));
        }
        return pool;
    }

    private static double typeWeight(OrganisationType type) {
        return switch (type) {
            case NGO_INTERNATIONAL -> 3;
            case NHRI -> 2;
            case NGO_NATIONAL -> 1.5;
            default -> 1;
        };
    }

    /** One pass over the contacts fills every mandate's pool: people who work on its themes or country. */
    private void partnerContacts(List<MandateSpec> specs, WeightedPool[] pools) {
        long[] masks = new long[specs.size()];
        for (int m = 0; m < specs.size(); m++) {
            pools[m] = new WeightedPool();
            masks[m] = world.themeMask(specs.get(m).themes());
        }
        for (int c = 0; c < world.n; c++) {
            Contact contact = world.contacts[c];
            ContactKind kind = contact.kind();
            if (world.contactCommunity[c] < 0 || (kind != ContactKind.DEFENDER && kind != ContactKind.LAWYER
                    && kind != ContactKind.ACADEMIC && kind != ContactKind.JOURNALIST)) {
                continue;
            }
            double weight = underservedFactor(contact.region().ordinal());
            for (int m = 0; m < specs.size(); m++) {
                String country = specs.get(m).country();
                if (country == null ? (world.contactThemes[c] & masks[m]) != 0 : country.equals(contact.country())) {
                    pools[m].add(c, weight);
                }
            }
        }
    }

    private void drawPartners(int m, int label, WeightedPool pool, int slots) {
        if (pool.size() == 0) {
            // A small network may have nobody in a country mandate's country: that mandate has no such partner.
            return;
        }
        String mandateId = world.mandates.get(m).id();
        for (int added = 0, attempt = 0; added < slots && attempt < 50 * slots; attempt++) {
            int node = pool.draw(world.rng);
            if (world.tieKeys.add(key(TieType.PARTNERS_WITH, label, node, m))) {
                String from = label == CONTACT ? world.contactIds[node] : world.organisations.get(node).id();
                LocalDate since = world.days[world.rng.nextInt(world.lastDay + 1)];
                world.ties.add(new Tie(TieType.PARTNERS_WITH, from, mandateId, null, since, null, null,
                        partnerActivities()));
                added++;
            }
        }
    }

    private List<String> partnerActivities() {
        List<String> all = DemoVocabulary.PARTNER_ACTIVITIES;
        String first = all.get(world.rng.nextInt(all.size()));
        String second = all.get(world.rng.nextInt(all.size()));
        return world.rng.nextDouble() < 0.5 || first.equals(second) ? List.of(first) : List.of(first, second);
    }
}
