package org.civnet.demo;

import static org.civnet.demo.DemoWorld.CONTACT;
import static org.civnet.demo.DemoWorld.REGIONS;
import static org.civnet.demo.DemoWorld.cumulative;
import static org.civnet.demo.DemoWorld.key;
import static org.civnet.demo.DemoWorld.paddedId;
import static org.civnet.demo.DemoWorld.phrase;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.civnet.domain.ContactKind;
import org.civnet.domain.EcosocStatus;
import org.civnet.domain.OrganisationType;
import org.civnet.domain.Region;
import org.civnet.domain.Scope;
import org.civnet.domain.TieType;
import org.civnet.network.Organisation;
import org.civnet.network.Tie;

/**
 * The organisations of the demo network and the contacts' AFFILIATED_WITH ties: about one organisation per 8
 * contacts in each community (mostly national NGOs), international NGOs, an NHRI in some hub countries and a UN
 * entity wherever an HRO sits; most contacts work for one organisation of their community.
 */
final class DemoOrganisations {
    private static final OrganisationType[] COMMUNITY_ORG_TYPES = {OrganisationType.NGO_NATIONAL,
        OrganisationType.VICTIMS_GROUP, OrganisationType.COMMUNITY_BASED, OrganisationType.ACADEMIC,
        OrganisationType.PROFESSIONAL_ASSOCIATION, OrganisationType.FAITH_BASED,
        OrganisationType.SOCIAL_MOVEMENT, OrganisationType.MEDIA, OrganisationType.UNION, OrganisationType.OTHER};
    private static final double[] COMMUNITY_ORG_CUM = cumulative(new double[] {42, 11, 9, 8, 8, 6, 4, 4, 3, 2});

    private final DemoWorld world;

    DemoOrganisations(DemoWorld world) {
        this.world = world;
    }

    void createOrganisations() {
        int communities = world.communityRegion.size();
        for (int k = 0; k < communities; k++) {
            world.communityOrgStart.add(world.organisations.size());
            int size = world.communityStart.get(k + 1) - world.communityStart.get(k);
            int count = Math.max(1, (int) Math.round(size / 8.0 * (0.75 + 0.5 * world.rng.nextDouble())));
            Region region = REGIONS[world.communityRegion.get(k)];
            for (int i = 0; i < count; i++) {
                OrganisationType type = COMMUNITY_ORG_TYPES[world.draw(COMMUNITY_ORG_CUM)];
                String country = world.rng.nextDouble() < 0.85 ? world.communityCountry.get(k)
                        : world.sampleCountry(region.ordinal());
                String theme = world.communityTheme.get(k);
                List<String> themes = world.rng.nextDouble() < 0.5 ? List.of(theme)
                        : twoThemes(theme, region.ordinal());
                Scope scope = type == OrganisationType.COMMUNITY_BASED ? Scope.LOCAL
                        : world.rng.nextDouble() < 0.15 ? Scope.REGIONAL
                        : world.rng.nextDouble() < 0.2 ? Scope.LOCAL : Scope.NATIONAL;
                double ecosocChance = type == OrganisationType.NGO_NATIONAL ? 0.42 : 0.25;
                addOrganisation(type, country, themes, scope, ecosoc(ecosocChance), false);
            }
        }
        world.communityOrgStart.add(world.organisations.size());

        int international = Math.max(6, (int) Math.round(world.regularCount / 160.0));
        for (int i = 0; i < international; i++) {
            int r = world.rng.nextDouble() < 0.6 ? Region.ENACA.ordinal() : world.rng.nextInt(REGIONS.length);
            String theme = world.sampleTheme(r);
            addOrganisation(OrganisationType.NGO_INTERNATIONAL, world.sampleCountry(r), twoThemes(theme, r),
                    Scope.INTERNATIONAL, ecosoc(0.8), false);
        }
        for (Region region : REGIONS) {
            Map<String, Double> hubs = DemoVocabulary.HUB_COUNTRIES.get(region);
            for (String code : world.regionCountries[region.ordinal()]) {
                if (hubs.containsKey(code) && world.rng.nextDouble() < 0.3) {
                    world.nhriByCountry.put(code, addOrganisation(OrganisationType.NHRI, code,
                            List.of("HUMAN_RIGHTS_DEFENDERS", "TORTURE"), Scope.NATIONAL, EcosocStatus.NONE,
                            false));
                }
            }
        }
        for (int c : world.hros) {
            String country = world.contacts[c].country();
            if (!world.unEntityByCountry.containsKey(country)) {
                world.unEntityByCountry.put(country, addOrganisation(OrganisationType.UN_ENTITY, country,
                        List.of("HUMAN_RIGHTS_DEFENDERS"), country.equals("CH") ? Scope.INTERNATIONAL
                                : Scope.REGIONAL, EcosocStatus.NONE, false));
            }
        }
    }

    private List<String> twoThemes(String main, int r) {
        String other = world.sampleTheme(r);
        return other.equals(main) ? List.of(main) : List.of(main, other);
    }

    private EcosocStatus ecosoc(double chance) {
        if (world.rng.nextDouble() >= chance) {
            return EcosocStatus.NONE;
        }
        double u = world.rng.nextDouble();
        return u < 0.7 ? EcosocStatus.SPECIAL : u < 0.8 ? EcosocStatus.GENERAL : EcosocStatus.ROSTER;
    }

    int addOrganisation(OrganisationType type, String country, List<String> themes, Scope scope,
            EcosocStatus ecosoc, boolean isPlanted) {
        int index = world.organisations.size();
        String id = paddedId("o-", index + 1, 5);
        if (index == world.organisationThemes.length) {
            world.organisationThemes = Arrays.copyOf(world.organisationThemes, index * 2);
        }
        world.organisationThemes[index] = world.themeMask(themes);
        world.organisations.add(new Organisation(id, organisationName(type, country, themes.get(0)), type, country,
                null, scope, ecosoc, themes, null, null).normalised(id));
        world.organisationPlanted.add(isPlanted);
        return index;
    }

    private String organisationName(OrganisationType type, String country, String theme) {
        String place = world.countryName(country);
        String phrase = phrase(theme);
        String base = switch (type) {
            case NHRI -> "National Human Rights Commission of " + place;
            case UN_ENTITY -> country.equals("CH") ? "UN Human Rights Office, Geneva (demo)"
                    : "UN Human Rights Office in " + place + " (demo)";
            case VICTIMS_GROUP -> "Families and Survivors for " + phrase + " (" + place + ")";
            case ACADEMIC -> "Research Centre on " + phrase + " (" + place + ")";
            case PROFESSIONAL_ASSOCIATION -> "Lawyers for " + phrase + " (" + place + ")";
            case FAITH_BASED -> "Interfaith Council for " + phrase + " (" + place + ")";
            case UNION -> "Workers' Union for " + phrase + " (" + place + ")";
            case MEDIA -> "Independent Media for " + phrase + " (" + place + ")";
            case NGO_INTERNATIONAL -> "International " + pattern(phrase);
            default -> pattern(phrase) + " (" + place + ")";
        };
        int uses = world.nameUses.merge(base, 1, Integer::sum);
        return uses == 1 ? base : base + " " + uses;
    }

    private String pattern(String phrase) {
        List<String> patterns = DemoVocabulary.ORGANISATION_PATTERNS;
        return String.format(patterns.get(world.rng.nextInt(patterns.size())), phrase);
    }

    void affiliate() {
        int internationalStart = world.communityOrgStart.get(world.communityOrgStart.size() - 1);
        int internationalCount = 0;
        while (internationalStart + internationalCount < world.organisations.size()
                && world.organisations.get(internationalStart + internationalCount).type()
                == OrganisationType.NGO_INTERNATIONAL) {
            internationalCount++;
        }
        for (int p = 0; p < world.regularCount; p++) {
            int c = world.memberAt[p];
            int k = world.contactCommunity[c];
            if (world.rng.nextDouble() < 0.85) {
                int from = world.communityOrgStart.get(k);
                int org = from + world.rng.nextInt(world.communityOrgStart.get(k + 1) - from);
                addAffiliation(c, org);
                world.primaryOrg[c] = org;
            }
            if (world.rng.nextDouble() < 0.06) {
                addAffiliation(c, internationalStart + world.rng.nextInt(internationalCount));
            }
            Integer nhri = world.nhriByCountry.get(world.contacts[c].country());
            if (nhri != null && world.contacts[c].kind() == ContactKind.OFFICIAL && world.rng.nextDouble() < 0.5) {
                addAffiliation(c, nhri);
            }
        }
        for (int c : world.hros) {
            int org = world.unEntityByCountry.get(world.contacts[c].country());
            addAffiliation(c, org);
            world.primaryOrg[c] = org;
        }
    }

    void addAffiliation(int c, int org) {
        if (world.tieKeys.add(key(TieType.AFFILIATED_WITH, CONTACT, c, org))) {
            world.ties.add(new Tie(TieType.AFFILIATED_WITH, world.contactIds[c], world.organisations.get(org).id(),
                    null, world.days[world.rng.nextInt(world.lastDay + 1)], null, role(world.contacts[c].kind()),
                    null));
        }
    }

    private static String role(ContactKind kind) {
        return switch (kind) {
            case DEFENDER -> "coordinator";
            case LAWYER -> "legal adviser";
            case ACADEMIC -> "researcher";
            case JOURNALIST -> "correspondent";
            case OFFICIAL -> "liaison officer";
            case UN_STAFF -> "human rights officer";
            case OTHER -> "volunteer";
            default -> "member";
        };
    }
}
