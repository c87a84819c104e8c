package org.civnet.demo;

import static org.civnet.demo.DemoWorld.ORGANISATION;
import static org.civnet.demo.DemoWorld.REGIONS;
import static org.civnet.demo.DemoWorld.cumulative;
import static org.civnet.demo.DemoWorld.key;
import static org.civnet.demo.DemoWorld.paddedId;
import static org.civnet.demo.DemoWorld.phrase;
import static org.civnet.demo.DemoWorld.underservedFactor;

import java.util.List;

import org.civnet.domain.OrganisationType;
import org.civnet.domain.Region;
import org.civnet.domain.Scope;
import org.civnet.domain.TieType;
import org.civnet.network.Network;
import org.civnet.network.Organisation;
import org.civnet.network.Tie;

/**
 * The networks of organisations in the demo network (global, regional or national, on one theme) and their
 * MEMBER_OF ties; about 20, growing with the square root of the size.
 */
final class DemoNetworkMemberships {
    private final DemoWorld world;

    DemoNetworkMemberships(DemoWorld world) {
        this.world = world;
    }

    void createNetworks() {
        int count = (int) Math.round(20 * world.scale);
        double[] regionWeight = new double[REGIONS.length];
        for (int r = 0; r < REGIONS.length; r++) {
            regionWeight[r] = DemoNetworkGenerator.REGION_SHARES.get(REGIONS[r]) * (underservedFactor(r) < 1 ? 0.6 : 1);
        }
        double[] regionCum = cumulative(regionWeight);
        for (int j = 0; j < count; j++) {
            String id = paddedId("n-", j + 1, 3);
            double u = world.rng.nextDouble();
            int r = world.draw(regionCum);
            String theme = world.sampleTheme(r);
            String noun = DemoVocabulary.NETWORK_NOUNS.get(world.rng.nextInt(DemoVocabulary.NETWORK_NOUNS.size()));
            Scope scope = u < 0.25 ? Scope.INTERNATIONAL : u < 0.8 ? Scope.REGIONAL : Scope.NATIONAL;
            String country = scope == Scope.NATIONAL ? world.sampleHub(r) : null;
            String name = switch (scope) {
                case INTERNATIONAL -> "Global " + noun + " on " + phrase(theme);
                case REGIONAL -> DemoVocabulary.REGION_ADJECTIVE.get(REGIONS[r]) + " " + noun + " on " + phrase(theme);
                default -> "National " + noun + " on " + phrase(theme) + " (" + world.countryName(country) + ")";
            };
            int uses = world.nameUses.merge(name, 1, Integer::sum);
            world.networks.add(new Network(id, uses == 1 ? name : name + " " + uses, scope, List.of(theme), null, null)
                    .normalised(id));
            int size = (int) Math.min(60 * world.scale,
                    4 + Math.round(-Math.log(1 - world.rng.nextDouble()) * 10 * world.scale));
            WeightedPool pool = networkMembers(scope, REGIONS[r], country, theme, true);
            if (pool.size() < 3) {
                pool = networkMembers(scope, REGIONS[r], country, theme, false);
            }
            int wanted = Math.min(size, pool.size());
            for (int added = 0, attempt = 0; added < wanted && attempt < 50 * wanted; attempt++) {
                int o = pool.draw(world.rng);
                if (world.tieKeys.add(key(TieType.MEMBER_OF, ORGANISATION, o, j))) {
                    world.ties.add(new Tie(TieType.MEMBER_OF, world.organisations.get(o).id(), id, null,
                            world.days[world.rng.nextInt(world.lastDay + 1)], null, null, null));
                    added++;
                }
            }
        }
    }

    private WeightedPool networkMembers(Scope scope, Region region, String country, String theme,
            boolean themeRequired) {
        WeightedPool pool = new WeightedPool();
        long mask = world.themeMask(List.of(theme));
        for (int o = 0; o < world.organisations.size(); o++) {
            Organisation org = world.organisations.get(o);
            if (world.organisationPlanted.get(o) || org.type() == OrganisationType.UN_ENTITY
                    || (themeRequired && (world.organisationThemes[o] & mask) == 0)) {
                continue;
            }
            boolean inScope = switch (scope) {
                case INTERNATIONAL -> true;
                case NATIONAL -> org.country().equals(country);
                default -> org.region() == region;
            };
            if (inScope) {
                pool.add(o, underservedFactor(org.region().ordinal())
                        * (org.type() == OrganisationType.NGO_INTERNATIONAL ? 1.5 : 1));
            }
        }
        return pool;
    }
}
