package org.civnet.demo;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.civnet.domain.Region;
import org.civnet.domain.TieType;

/**
 * Generates a realistic, fully invented civil-society network for demos, notebooks and benchmarks.
 *
 * <p>What it builds, following the seeds' facts (docs/DOMAIN.md):
 * <ul>
 * <li>Contacts over the five regions in the seed's shares (32/22/21/12/13 % for ENACA, Asia-Pacific,
 * Latin America &amp; Caribbean, Africa, Arab region; exact up to rounding), concentrated in a handful of
 * countries per region; kinds, themes, about 8 % at risk, about 5 % confidential, about 60 % consenting
 * to introductions; a few UN_STAFF human rights officers (HROs) who know people in many coalitions.</li>
 * <li>Coalitions: contacts are planted in communities (region × theme × country, 15 to ~150 people);
 * each community is connected (a preferential-attachment spanning tree) and most KNOWS ties stay
 * inside it, the rest cross communities and, less often, regions. Ties into Africa and the Arab region
 * are sparser, mirroring the seed's stated gap. Activity weights are heavy-tailed, so brokers emerge.</li>
 * <li>About one organisation per 8 contacts (mostly national NGOs; victims' groups, academic,
 * professional and faith-based bodies; an NHRI in some countries; UN entities; ~30 % with ECOSOC status),
 * 60 mandates (45 thematic, 15 country) whose close partners range from 1 to more than 20 (a geometric
 * decay over theme- or country-matching organisations and contacts, so popular themes get the long lists),
 * about 20 networks with MEMBER_OF ties, some communications, country visits, trainings and introductions.
 * Mandates stay at 60 whatever the size; organisations, networks, activities and the longest partner
 * list grow with it (networks and partners with the square root of contacts / 2000).</li>
 * <li>Two planted groups ({@link PlantedGroup}): an LGBTI group in an Arab-region country that forms a
 * component of its own (no path to any mandate), and a land defenders' group in Africa whose only ties
 * out go through one broker (an articulation point).</li>
 * </ul>
 *
 * <p>Every tie fits {@link TieType#fits}; there are no self ties and no duplicate (type, from, to);
 * KNOWS ties are stored once, from the smaller id to the larger (ids such as {@code c-000123} are
 * zero-padded, so string order is numeric order). Dates lie between 2015-01-01 and the day before
 * {@link #TODAY}, a fixed date, so the output never depends on the clock. The same options give an equal
 * document (one {@link SplittableRandom} drives every choice and nothing iterates a hash map). Names of
 * people are random pairs of common given names and surnames of the region: they are invented.
 *
 * <p>The work is done by package-private stages over one shared {@link DemoWorld}, in the order of
 * {@link #generate(Options)}: {@link DemoPeople}, {@link DemoOrganisations}, {@link DemoKnowsTies},
 * {@link DemoPlantedGroups}, {@link DemoMandates}, {@link DemoNetworkMemberships}, {@link DemoActivities} and
 * {@link DemoIntroductions}. The order is part of the output: every stage draws from the same generator.
 *
 * <p>Cost: O(n + m log n) time for n contacts and m ties (weighted draws are binary searches), O(n + m)
 * memory; duplicates are rejected through a primitive hash set of packed (type, from, to) keys.
 */
public final class DemoNetworkGenerator {
    /** The fixed "today" of the demo world. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

    /** The seed's contact shares per region, in percent (seed 000). */
    static final Map<Region, Integer> REGION_SHARES = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            Region.ENACA, 32, Region.ASIA_PACIFIC, 22, Region.LATIN_AMERICA_CARIBBEAN, 21,
            Region.AFRICA, 12, Region.ARAB_REGION, 13)));

    /**
     * What to generate.
     *
     * @param contacts               number of contacts, at least {@value #MIN_CONTACTS}
     * @param averageKnowsPerContact KNOWS ties divided by contacts (each tie counted once, so the mean KNOWS
     *                               degree is twice this); 1 to 100. Other tie types add about one tie per
     *                               contact on top, so 9 gives roughly 10 ties per contact overall
     * @param seed                   the random seed; same options, same document
     */
    public record Options(int contacts, double averageKnowsPerContact, long seed) {
        public static final int MIN_CONTACTS = 200;
        public static final int MAX_CONTACTS = 10_000_000;

        public Options {
            if (contacts < MIN_CONTACTS || contacts > MAX_CONTACTS) {
                throw new IllegalArgumentException(
                        "contacts must be between " + MIN_CONTACTS + " and " + MAX_CONTACTS + ": " + contacts);
            }
            if (!(averageKnowsPerContact >= 1 && averageKnowsPerContact <= 100)) {
                throw new IllegalArgumentException(
                        "averageKnowsPerContact must be between 1 and 100: " + averageKnowsPerContact);
            }
        }

        /** 2000 contacts, 6 KNOWS ties per contact, seed 42. */
        public static Options defaults() {
            return new Options(2000, 6.0, 42L);
        }

        public Options withContacts(int newContacts) {
            return new Options(newContacts, averageKnowsPerContact, seed);
        }

        public Options withAverageKnowsPerContact(double newAverage) {
            return new Options(contacts, newAverage, seed);
        }

        public Options withSeed(long newSeed) {
            return new Options(contacts, averageKnowsPerContact, newSeed);
        }
    }

    private DemoNetworkGenerator() {
    }

    /** Generates with {@link Options#defaults()}. */
    public static DemoNetwork generate() {
        return generate(Options.defaults());
    }

    /**
     * Runs the stages in their fixed order over one {@link DemoWorld}: the order is part of the output, since
     * every stage draws from the same random generator.
     */
    public static DemoNetwork generate(Options options) {
        Objects.requireNonNull(options, "options");
        DemoWorld world = new DemoWorld(options);
        DemoPeople people = new DemoPeople(world);
        DemoOrganisations organisations = new DemoOrganisations(world);
        DemoKnowsTies knows = new DemoKnowsTies(world);
        DemoPlantedGroups plantedGroups = new DemoPlantedGroups(world, people, organisations);
        DemoActivities activities = new DemoActivities(world);

        people.planContacts();
        organisations.createOrganisations();
        organisations.affiliate();
        knows.knowsWithinCommunities();
        String hroId = knows.knowsForHros();
        plantedGroups.plantIsolatedGroup();
        plantedGroups.plantSingleBrokerGroup();
        knows.knowsAcrossCommunities();
        new DemoMandates(world).createMandatesAndPartners();
        new DemoNetworkMemberships(world).createNetworks();
        activities.createCommunications();
        activities.createCountryVisits();
        activities.createTrainings();
        new DemoIntroductions(world).createIntroductions();
        return new DemoNetwork(world.document(), world.plantedGroups, hroId);
    }
}
