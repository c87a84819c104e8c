package org.civnet.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.civnet.demo.DemoVocabulary.MandateSpec;
import org.civnet.demo.DemoVocabulary.Theme;
import org.civnet.network.Activities.Communication;
import org.civnet.network.Activities.CountryVisit;
import org.civnet.network.Activities.Training;
import org.civnet.domain.CommunicationType;
import org.civnet.network.Contact;
import org.civnet.domain.ContactKind;
import org.civnet.domain.EcosocStatus;
import org.civnet.network.Introduction;
import org.civnet.domain.IntroductionStatus;
import org.civnet.network.Mandate;
import org.civnet.domain.MandateKind;
import org.civnet.network.Network;
import org.civnet.network.NetworkDocument;
import org.civnet.network.Organisation;
import org.civnet.domain.OrganisationType;
import org.civnet.domain.Region;
import org.civnet.network.Regions;
import org.civnet.domain.RiskLevel;
import org.civnet.domain.Scope;
import org.civnet.network.Tie;
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

    public static DemoNetwork generate(Options options) {
        Objects.requireNonNull(options, "options");
        return new Generation(options).run();
    }

    /** One generation run: all state lives here so the public class stays stateless. */
    private static final class Generation {
        private static final Region[] REGIONS = Region.values();
        private static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
        private static final int CONTACT = 0;
        private static final int ORGANISATION = 1;
        /** Weight of Africa and the Arab region when a cross-region tie, partner or member is drawn. */
        private static final double UNDERSERVED_FACTOR = 0.35;
        private static final double SHARE_WITHIN_COMMUNITY = 0.8;
        private static final double SHARE_SAME_REGION_ACROSS = 0.65;
        private static final int THEMATIC_MANDATES = 45;
        private static final ContactKind[] KINDS = {ContactKind.DEFENDER, ContactKind.VICTIM, ContactKind.RELATIVE,
            ContactKind.JOURNALIST, ContactKind.LAWYER, ContactKind.ACADEMIC, ContactKind.OFFICIAL,
            ContactKind.OTHER};
        private static final double[] KIND_CUM = cumulative(new double[] {34, 9, 5, 10, 12, 12, 5, 8});
        private static final OrganisationType[] COMMUNITY_ORG_TYPES = {OrganisationType.NGO_NATIONAL,
            OrganisationType.VICTIMS_GROUP, OrganisationType.COMMUNITY_BASED, OrganisationType.ACADEMIC,
            OrganisationType.PROFESSIONAL_ASSOCIATION, OrganisationType.FAITH_BASED,
            OrganisationType.SOCIAL_MOVEMENT, OrganisationType.MEDIA, OrganisationType.UNION, OrganisationType.OTHER};
        private static final double[] COMMUNITY_ORG_CUM = cumulative(new double[] {42, 11, 9, 8, 8, 6, 4, 4, 3, 2});
        private static final double[] TRUST_WITHIN_CUM = cumulative(new double[] {3, 8, 34, 40, 15});
        private static final double[] TRUST_ACROSS_CUM = cumulative(new double[] {8, 20, 40, 25, 7});

        private final SplittableRandom rng;
        private final int n;
        private final double averageKnows;
        private final double scale;
        private final LocalDate[] days;
        private final int lastDay;
        private final Map<String, String> countryNames = new HashMap<>();
        /** Themes as bits (the vocabulary has fewer than 64), so theme matching is one AND. */
        private final Map<String, Integer> themeBit = new HashMap<>();
        private final long[] contactThemes;
        private long[] organisationThemes = new long[64];

        private final String[][] regionCountries = new String[REGIONS.length][];
        private final double[][] regionCountryCum = new double[REGIONS.length][];
        private final double[][] regionThemeCum = new double[REGIONS.length][];

        // Contacts, by final index; "plan positions" order them by community for range sampling.
        private final Contact[] contacts;
        private final String[] contactIds;
        private final int[] contactCommunity;
        private final boolean[] planted;
        private final int[] primaryOrg;
        private final int[] memberAt;
        private double[] cumWeight;
        private int regularCount;
        private final int[] regionStart = new int[REGIONS.length + 1];
        private final List<Integer> hros = new ArrayList<>();
        private int[] plannedLgbti;
        private int[] plannedLand;

        // Communities, in plan order.
        private final IntList communityStart = new IntList();
        private final List<String> communityTheme = new ArrayList<>();
        private final List<String> communityCountry = new ArrayList<>();
        private final IntList communityRegion = new IntList();
        private final IntList communityOrgStart = new IntList();

        private final List<Organisation> organisations = new ArrayList<>();
        private final List<Boolean> organisationPlanted = new ArrayList<>();
        private final List<Mandate> mandates = new ArrayList<>();
        private final List<Network> networks = new ArrayList<>();
        private final List<Communication> communications = new ArrayList<>();
        private final List<CountryVisit> visits = new ArrayList<>();
        private final List<Training> trainings = new ArrayList<>();
        private final List<Introduction> introductions = new ArrayList<>();
        private final List<PlantedGroup> plantedGroups = new ArrayList<>();
        private final Map<String, Integer> nameUses = new HashMap<>();
        private final Map<String, Integer> unEntityByCountry = new HashMap<>();
        private final Map<String, Integer> nhriByCountry = new HashMap<>();

        private final ArrayList<Tie> ties;
        private final LongHashSet tieKeys;
        private final IntList knowsA;
        private final IntList knowsB;

        Generation(Options options) {
            rng = new SplittableRandom(options.seed());
            n = options.contacts();
            averageKnows = options.averageKnowsPerContact();
            scale = Math.sqrt(Math.max(1.0, n / 2000.0));
            int dayCount = (int) ChronoUnit.DAYS.between(FIRST_DAY, TODAY);
            days = new LocalDate[dayCount];
            for (int d = 0; d < dayCount; d++) {
                days[d] = FIRST_DAY.plusDays(d);
            }
            lastDay = dayCount - 1;
            contacts = new Contact[n];
            contactIds = new String[n];
            // Wide enough for n, so string order equals index order (KNOWS is stored from the smaller id).
            int idWidth = Math.max(6, Integer.toString(n).length());
            for (int c = 0; c < n; c++) {
                contactIds[c] = paddedId("c-", c + 1, idWidth);
            }
            contactCommunity = new int[n];
            contactThemes = new long[n];
            planted = new boolean[n];
            primaryOrg = new int[n];
            Arrays.fill(primaryOrg, -1);
            memberAt = new int[n];
            int expectedTies = (int) Math.min(Integer.MAX_VALUE / 4, (long) (n * (averageKnows + 1.6)) + 1024);
            ties = new ArrayList<>(expectedTies);
            tieKeys = new LongHashSet(expectedTies);
            knowsA = new IntList(expectedTies);
            knowsB = new IntList(expectedTies);

            for (int t = 0; t < DemoVocabulary.THEMES.size(); t++) {
                themeBit.put(DemoVocabulary.THEMES.get(t).tag(), t);
            }
            for (Region region : REGIONS) {
                prepareRegion(region);
            }
        }

        private void prepareRegion(Region region) {
            int r = region.ordinal();
            // Iterate the sorted country set, never the hub map, so the draw order is the same in every JVM.
            String[] codes = Regions.countriesIn(region).toArray(String[]::new);
            Map<String, Double> hubs = DemoVocabulary.HUB_COUNTRIES.get(region);
            double[] weights = new double[codes.length];
            for (int i = 0; i < codes.length; i++) {
                String code = codes[i];
                if (hubs.containsKey(code)) {
                    weights[i] = hubs.get(code);
                } else if (DemoVocabulary.UNINHABITED.contains(code)) {
                    weights[i] = 0;
                } else if (DemoVocabulary.SMALL_TERRITORIES.contains(code)) {
                    weights[i] = 0.02;
                } else {
                    weights[i] = 0.25;
                }
            }
            regionCountries[r] = codes;
            regionCountryCum[r] = cumulative(weights);
            Map<String, Double> emphasis = DemoVocabulary.THEME_EMPHASIS.get(region);
            double[] themeWeights = new double[DemoVocabulary.THEMES.size()];
            for (int t = 0; t < themeWeights.length; t++) {
                Theme theme = DemoVocabulary.THEMES.get(t);
                themeWeights[t] = theme.weight() * emphasis.getOrDefault(theme.tag(), 1.0);
            }
            regionThemeCum[r] = cumulative(themeWeights);
        }

        DemoNetwork run() {
            planContacts();
            createOrganisations();
            affiliate();
            knowsWithinCommunities();
            String hroId = knowsForHros();
            plantIsolatedGroup();
            plantSingleBrokerGroup();
            knowsAcrossCommunities();
            createMandatesAndPartners();
            createNetworks();
            createCommunications();
            createCountryVisits();
            createTrainings();
            createIntroductions();
            NetworkDocument document = new NetworkDocument(List.of(contacts), List.copyOf(organisations),
                    List.copyOf(mandates), List.copyOf(networks), List.copyOf(communications), List.copyOf(visits),
                    List.copyOf(trainings), Collections.unmodifiableList(ties), List.copyOf(introductions));
            return new DemoNetwork(document, plantedGroups, hroId);
        }

        // ---------------------------------------------------------------- contacts and communities

        private void planContacts() {
            int[] quota = largestRemainderQuotas();
            int hroCount = Math.max(5, (int) Math.round(n / 400.0));
            int lgbtiSize = 6 + rng.nextInt(3);
            int landSize = 8 + rng.nextInt(4);
            int[] reserved = new int[REGIONS.length];
            for (int h = 0; h < hroCount; h++) {
                reserved[hroRegion(h).ordinal()]++;
            }
            reserved[Region.ARAB_REGION.ordinal()] += lgbtiSize;
            reserved[Region.AFRICA.ordinal()] += landSize;

            // Shuffled ids, so neither a community nor a planted group shows as a run of consecutive ids.
            for (int i = 0; i < n; i++) {
                memberAt[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int swap = memberAt[i];
                memberAt[i] = memberAt[j];
                memberAt[j] = swap;
            }

            int minSize = Math.max(15, (int) Math.ceil(2.5 * averageKnows));
            double meanExtra = Math.max(20, 4 * averageKnows);
            int position = 0;
            for (Region region : REGIONS) {
                int r = region.ordinal();
                regionStart[r] = position;
                int remaining = quota[r] - reserved[r];
                while (remaining > 0) {
                    int size = minSize + (int) (-Math.log(1 - rng.nextDouble()) * meanExtra);
                    if (remaining - size < minSize) {
                        size = remaining;
                    }
                    startCommunity(region, position);
                    for (int p = position; p < position + size; p++) {
                        createRegularContact(memberAt[p], communityStart.size() - 1, region);
                    }
                    position += size;
                    remaining -= size;
                }
            }
            regularCount = position;
            regionStart[REGIONS.length] = position;
            communityStart.add(position);

            cumWeight = new double[regularCount];
            double sum = 0;
            for (int p = 0; p < regularCount; p++) {
                // Pareto-tailed activity: a few people know many more than the rest, as in real coalitions.
                sum += Math.min(25.0, Math.pow(1 - rng.nextDouble(), -1 / 2.2));
                cumWeight[p] = sum;
            }
            for (int h = 0; h < hroCount; h++) {
                int c = memberAt[position++];
                hros.add(c);
                createHro(c, h);
            }
            int[] lgbti = new int[lgbtiSize];
            for (int i = 0; i < lgbtiSize; i++) {
                lgbti[i] = memberAt[position++];
            }
            int[] land = new int[landSize];
            for (int i = 0; i < landSize; i++) {
                land[i] = memberAt[position++];
            }
            plannedLgbti = lgbti;
            plannedLand = land;
        }

        private int[] largestRemainderQuotas() {
            int[] quota = new int[REGIONS.length];
            double[] remainder = new double[REGIONS.length];
            int assigned = 0;
            for (Region region : REGIONS) {
                double exact = n * REGION_SHARES.get(region) / 100.0;
                quota[region.ordinal()] = (int) Math.floor(exact);
                remainder[region.ordinal()] = exact - Math.floor(exact);
                assigned += quota[region.ordinal()];
            }
            while (assigned < n) {
                int best = 0;
                for (int r = 1; r < REGIONS.length; r++) {
                    if (remainder[r] > remainder[best]) {
                        best = r;
                    }
                }
                quota[best]++;
                remainder[best] = -1;
                assigned++;
            }
            return quota;
        }

        private static Region hroRegion(int h) {
            return h == 0 ? Region.ENACA : REGIONS[(h - 1) % REGIONS.length];
        }

        private void startCommunity(Region region, int position) {
            communityStart.add(position);
            communityRegion.add(region.ordinal());
            communityTheme.add(sampleTheme(region.ordinal()));
            communityCountry.add(sampleCountry(region.ordinal()));
        }

        private void createRegularContact(int c, int community, Region region) {
            int r = region.ordinal();
            contactCommunity[c] = community;
            ContactKind kind = KINDS[draw(KIND_CUM)];
            String country = rng.nextDouble() < 0.75 ? communityCountry.get(community) : sampleCountry(r);
            List<String> themes = themesAround(communityTheme.get(community), r);
            boolean exposed = kind == ContactKind.DEFENDER || kind == ContactKind.JOURNALIST
                    || themes.contains("LGBTI") || themes.contains("LAND") || themes.contains("HUMAN_RIGHTS_DEFENDERS")
                    || themes.contains("FREEDOM_OF_EXPRESSION");
            RiskLevel risk = RiskLevel.NONE;
            if (rng.nextDouble() < (exposed ? 0.105 : 0.04)) {
                risk = rng.nextDouble() < 0.65 ? RiskLevel.ELEVATED : RiskLevel.HIGH;
            }
            boolean atRisk = risk != RiskLevel.NONE;
            boolean confidential = rng.nextDouble() < (atRisk ? 0.3 : 0.03);
            boolean consent = rng.nextDouble() < (atRisk ? 0.35 : 0.62);
            contacts[c] = contact(c, personName(r, c), kind, country, themes, risk, consent, confidential);
        }

        private Contact contact(int c, String[] name, ContactKind kind, String country, List<String> themes,
                RiskLevel risk, boolean consent, boolean confidential) {
            List<String> channels = List.of();
            double u = rng.nextDouble();
            if (u < 0.35) {
                String mail = slug(name[0]) + "." + slug(name[1]) + "." + (c + 1) + "@example.org";
                channels = u < 0.04 ? List.of(mail, "signal:" + slug(name[0]) + "." + (c + 1)) : List.of(mail);
            }
            contactThemes[c] = themeMask(themes);
            return new Contact(contactIds[c], name[0] + " " + name[1], kind, country, null, themes, risk, consent,
                    confidential, channels, null, null, null).normalised(contactIds[c]);
        }

        private void createHro(int c, int h) {
            Region region = hroRegion(h);
            List<String> presences = DemoVocabulary.HRO_COUNTRIES.get(region);
            String country = h == 0 ? "CH" : presences.get(((h - 1) / REGIONS.length) % presences.size());
            contactCommunity[c] = -1;
            List<String> themes = List.of("HUMAN_RIGHTS_DEFENDERS", sampleTheme(region.ordinal()));
            if (themes.get(0).equals(themes.get(1))) {
                themes = List.of("HUMAN_RIGHTS_DEFENDERS");
            }
            contacts[c] = contact(c, personName(region.ordinal(), c), ContactKind.UN_STAFF, country, themes,
                    RiskLevel.NONE, true, false);
        }

        private List<String> themesAround(String main, int r) {
            String second = rng.nextDouble() < 0.4 ? sampleTheme(r) : main;
            String third = rng.nextDouble() < 0.1 ? sampleTheme(r) : main;
            if (second.equals(main) && third.equals(main)) {
                return List.of(main);
            }
            if (third.equals(main) || third.equals(second)) {
                return second.equals(main) ? List.of(main) : List.of(main, second);
            }
            return second.equals(main) ? List.of(main, third) : List.of(main, second, third);
        }

        private String[] personName(int r, int c) {
            List<String> given = DemoVocabulary.GIVEN_NAMES.get(REGIONS[r]);
            List<String> family = DemoVocabulary.SURNAMES.get(REGIONS[r]);
            return new String[] {given.get(rng.nextInt(given.size())), family.get(rng.nextInt(family.size()))};
        }

        // ---------------------------------------------------------------- organisations

        private void createOrganisations() {
            int communities = communityRegion.size();
            for (int k = 0; k < communities; k++) {
                communityOrgStart.add(organisations.size());
                int size = communityStart.get(k + 1) - communityStart.get(k);
                int count = Math.max(1, (int) Math.round(size / 8.0 * (0.75 + 0.5 * rng.nextDouble())));
                Region region = REGIONS[communityRegion.get(k)];
                for (int i = 0; i < count; i++) {
                    OrganisationType type = COMMUNITY_ORG_TYPES[draw(COMMUNITY_ORG_CUM)];
                    String country = rng.nextDouble() < 0.85 ? communityCountry.get(k) : sampleCountry(region.ordinal());
                    String theme = communityTheme.get(k);
                    List<String> themes = rng.nextDouble() < 0.5 ? List.of(theme) : twoThemes(theme, region.ordinal());
                    Scope scope = type == OrganisationType.COMMUNITY_BASED ? Scope.LOCAL
                            : rng.nextDouble() < 0.15 ? Scope.REGIONAL : rng.nextDouble() < 0.2 ? Scope.LOCAL : Scope.NATIONAL;
                    double ecosocChance = type == OrganisationType.NGO_NATIONAL ? 0.42 : 0.25;
                    addOrganisation(type, country, themes, scope, ecosoc(ecosocChance), false);
                }
            }
            communityOrgStart.add(organisations.size());

            int international = Math.max(6, (int) Math.round(regularCount / 160.0));
            for (int i = 0; i < international; i++) {
                int r = rng.nextDouble() < 0.6 ? Region.ENACA.ordinal() : rng.nextInt(REGIONS.length);
                String theme = sampleTheme(r);
                addOrganisation(OrganisationType.NGO_INTERNATIONAL, sampleCountry(r), twoThemes(theme, r),
                        Scope.INTERNATIONAL, ecosoc(0.8), false);
            }
            for (Region region : REGIONS) {
                Map<String, Double> hubs = DemoVocabulary.HUB_COUNTRIES.get(region);
                for (String code : regionCountries[region.ordinal()]) {
                    if (hubs.containsKey(code) && rng.nextDouble() < 0.3) {
                        nhriByCountry.put(code, addOrganisation(OrganisationType.NHRI, code,
                                List.of("HUMAN_RIGHTS_DEFENDERS", "TORTURE"), Scope.NATIONAL, EcosocStatus.NONE,
                                false));
                    }
                }
            }
            for (int c : hros) {
                String country = contacts[c].country();
                if (!unEntityByCountry.containsKey(country)) {
                    unEntityByCountry.put(country, addOrganisation(OrganisationType.UN_ENTITY, country,
                            List.of("HUMAN_RIGHTS_DEFENDERS"), country.equals("CH") ? Scope.INTERNATIONAL
                                    : Scope.REGIONAL, EcosocStatus.NONE, false));
                }
            }
        }

        private List<String> twoThemes(String main, int r) {
            String other = sampleTheme(r);
            return other.equals(main) ? List.of(main) : List.of(main, other);
        }

        private EcosocStatus ecosoc(double chance) {
            if (rng.nextDouble() >= chance) {
                return EcosocStatus.NONE;
            }
            double u = rng.nextDouble();
            return u < 0.7 ? EcosocStatus.SPECIAL : u < 0.8 ? EcosocStatus.GENERAL : EcosocStatus.ROSTER;
        }

        private int addOrganisation(OrganisationType type, String country, List<String> themes, Scope scope,
                EcosocStatus ecosoc, boolean isPlanted) {
            int index = organisations.size();
            String id = paddedId("o-", index + 1, 5);
            if (index == organisationThemes.length) {
                organisationThemes = Arrays.copyOf(organisationThemes, index * 2);
            }
            organisationThemes[index] = themeMask(themes);
            organisations.add(new Organisation(id, organisationName(type, country, themes.get(0)), type, country,
                    null, scope, ecosoc, themes, null, null).normalised(id));
            organisationPlanted.add(isPlanted);
            return index;
        }

        private String organisationName(OrganisationType type, String country, String theme) {
            String place = countryName(country);
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
            int uses = nameUses.merge(base, 1, Integer::sum);
            return uses == 1 ? base : base + " " + uses;
        }

        private String pattern(String phrase) {
            List<String> patterns = DemoVocabulary.ORGANISATION_PATTERNS;
            return String.format(patterns.get(rng.nextInt(patterns.size())), phrase);
        }

        // ---------------------------------------------------------------- ties: affiliation and KNOWS

        private void affiliate() {
            int internationalStart = communityOrgStart.get(communityOrgStart.size() - 1);
            int internationalCount = 0;
            while (internationalStart + internationalCount < organisations.size()
                    && organisations.get(internationalStart + internationalCount).type()
                    == OrganisationType.NGO_INTERNATIONAL) {
                internationalCount++;
            }
            for (int p = 0; p < regularCount; p++) {
                int c = memberAt[p];
                int k = contactCommunity[c];
                if (rng.nextDouble() < 0.85) {
                    int from = communityOrgStart.get(k);
                    int org = from + rng.nextInt(communityOrgStart.get(k + 1) - from);
                    addAffiliation(c, org);
                    primaryOrg[c] = org;
                }
                if (rng.nextDouble() < 0.06) {
                    addAffiliation(c, internationalStart + rng.nextInt(internationalCount));
                }
                Integer nhri = nhriByCountry.get(contacts[c].country());
                if (nhri != null && contacts[c].kind() == ContactKind.OFFICIAL && rng.nextDouble() < 0.5) {
                    addAffiliation(c, nhri);
                }
            }
            for (int c : hros) {
                int org = unEntityByCountry.get(contacts[c].country());
                addAffiliation(c, org);
                primaryOrg[c] = org;
            }
        }

        private void addAffiliation(int c, int org) {
            if (tieKeys.add(key(TieType.AFFILIATED_WITH, CONTACT, c, org))) {
                ties.add(new Tie(TieType.AFFILIATED_WITH, contactIds[c], organisations.get(org).id(), null,
                        days[rng.nextInt(lastDay + 1)], null, role(contacts[c].kind()), null));
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

        private void knowsWithinCommunities() {
            long target = Math.round(averageKnows * n);
            int communities = communityRegion.size();
            for (int k = 0; k < communities; k++) {
                int from = communityStart.get(k);
                int to = communityStart.get(k + 1);
                int size = to - from;
                for (int p = from + 1; p < to; p++) {
                    // Preferential attachment to earlier members keeps the community connected and hub-rich.
                    addKnows(memberAt[p], memberAt[weightedPosition(from, p)], true, -1);
                }
                long pairs = (long) size * (size - 1) / 2;
                long wanted = Math.round(SHARE_WITHIN_COMMUNITY * target * size / (double) regularCount);
                long within = Math.min(Math.max(size - 1L, wanted), Math.max(size - 1L, pairs / 2));
                long extra = within - (size - 1);
                for (long attempt = 0; extra > 0 && attempt < 20 * (within + 1); attempt++) {
                    if (addKnows(memberAt[weightedPosition(from, to)], memberAt[weightedPosition(from, to)], true, -1)) {
                        extra--;
                    }
                }
            }
        }

        /** HROs know many people in their region (the Geneva one everywhere), the main HRO and a few peers. */
        private String knowsForHros() {
            int main = hros.get(0);
            for (int h = 0; h < hros.size(); h++) {
                int c = hros.get(h);
                int r = Regions.regionOf(contacts[c].country()).ordinal();
                int count = h == 0 ? 40 + rng.nextInt(20) : 15 + rng.nextInt(20);
                for (int i = 0; i < count; i++) {
                    int p = h == 0 || rng.nextDouble() < 0.2 ? weightedPosition(0, regularCount)
                            : weightedPosition(regionStart[r], regionStart[r + 1]);
                    addKnows(c, memberAt[p], true, -1);
                }
                addKnows(c, main, true, -1);
                for (int i = 0; i < 3; i++) {
                    addKnows(c, hros.get(rng.nextInt(hros.size())), true, -1);
                }
            }
            return contactIds[main];
        }

        private void plantIsolatedGroup() {
            int r = Region.ARAB_REGION.ordinal();
            String country = sampleHub(r);
            int org = addOrganisation(OrganisationType.COMMUNITY_BASED, country, List.of("LGBTI"), Scope.LOCAL,
                    EcosocStatus.NONE, true);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < plannedLgbti.length; i++) {
                int c = plannedLgbti[i];
                planted[c] = true;
                contactCommunity[c] = -1;
                RiskLevel risk = rng.nextDouble() < 0.5 ? RiskLevel.HIGH : RiskLevel.ELEVATED;
                ContactKind kind = i == 1 ? ContactKind.JOURNALIST : ContactKind.DEFENDER;
                contacts[c] = contact(c, personName(r, c), kind, country,
                        i % 3 == 0 ? List.of("LGBTI", "WOMENS_RIGHTS") : List.of("LGBTI"), risk,
                        rng.nextDouble() < 0.3, rng.nextDouble() < 0.7);
                ids.add(contactIds[c]);
                addAffiliation(c, org);
                primaryOrg[c] = org;
            }
            knitGroup(plannedLgbti);
            plantedGroups.add(new PlantedGroup("isolated-lgbti-group", Region.ARAB_REGION, country, ids,
                    List.of(organisations.get(org).id()), List.of(),
                    "An LGBTI collective and its members with no tie of any kind outside the group: a separate "
                            + "component with no path to any mandate."));
        }

        private void plantSingleBrokerGroup() {
            int r = Region.AFRICA.ordinal();
            int firstCommunity = -1;
            int communities = communityRegion.size();
            for (int k = 0; k < communities; k++) {
                if (communityRegion.get(k) == r) {
                    firstCommunity = firstCommunity < 0 ? k : firstCommunity;
                }
            }
            int lastCommunity = firstCommunity;
            while (lastCommunity + 1 < communities && communityRegion.get(lastCommunity + 1) == r) {
                lastCommunity++;
            }
            int neighbourCommunity = firstCommunity + rng.nextInt(lastCommunity - firstCommunity + 1);
            String country = communityCountry.get(neighbourCommunity);
            int org = addOrganisation(OrganisationType.COMMUNITY_BASED, country, List.of("LAND", "INDIGENOUS_PEOPLES"),
                    Scope.LOCAL, EcosocStatus.NONE, true);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < plannedLand.length; i++) {
                int c = plannedLand[i];
                planted[c] = true;
                contactCommunity[c] = -1;
                boolean broker = i == 0;
                RiskLevel risk = broker || rng.nextDouble() < 0.5 ? RiskLevel.NONE
                        : rng.nextDouble() < 0.5 ? RiskLevel.HIGH : RiskLevel.ELEVATED;
                contacts[c] = contact(c, personName(r, c), broker ? ContactKind.LAWYER : ContactKind.DEFENDER, country,
                        List.of("LAND", "INDIGENOUS_PEOPLES"), risk, broker || rng.nextDouble() < 0.5,
                        !broker && rng.nextDouble() < 0.2);
                ids.add(contactIds[c]);
                addAffiliation(c, org);
                primaryOrg[c] = org;
            }
            knitGroup(plannedLand);
            int broker = plannedLand[0];
            int from = communityStart.get(neighbourCommunity);
            int to = communityStart.get(neighbourCommunity + 1);
            for (int i = 0; i < 3; i++) {
                addKnows(broker, memberAt[weightedPosition(from, to)], false, -1);
            }
            addAffiliation(broker, communityOrgStart.get(neighbourCommunity));
            plantedGroups.add(new PlantedGroup("single-broker-land-group", Region.AFRICA, country, ids,
                    List.of(organisations.get(org).id()), List.of(contactIds[broker]),
                    "Land defenders whose only ties out of the group go through one lawyer: removing that "
                            + "broker (an articulation point) cuts them off from every mandate."));
        }

        /** A connected, fairly dense group: a spanning tree plus about half the remaining pairs. */
        private void knitGroup(int[] members) {
            for (int i = 1; i < members.length; i++) {
                addKnows(members[i], members[rng.nextInt(i)], true, -1);
            }
            for (int i = 0; i < members.length; i++) {
                for (int j = i + 1; j < members.length; j++) {
                    if (rng.nextDouble() < 0.4) {
                        addKnows(members[i], members[j], true, -1);
                    }
                }
            }
        }

        private void knowsAcrossCommunities() {
            long target = Math.round(averageKnows * n);
            double[][] otherRegionCum = new double[REGIONS.length][];
            for (int from = 0; from < REGIONS.length; from++) {
                double[] weights = new double[REGIONS.length];
                for (int r = 0; r < REGIONS.length; r++) {
                    weights[r] = r == from ? 0 : (regionStart[r + 1] - regionStart[r]) * underservedFactor(r);
                }
                otherRegionCum[from] = cumulative(weights);
            }
            long attempts = 0;
            long maxAttempts = 20 * Math.max(1, target - knowsA.size()) + 1000;
            while (knowsA.size() < target && attempts++ < maxAttempts) {
                int pu = weightedPosition(0, regularCount);
                int u = memberAt[pu];
                int ru = communityRegion.get(contactCommunity[u]);
                int rv = ru;
                if (rng.nextDouble() >= SHARE_SAME_REGION_ACROSS) {
                    rv = draw(otherRegionCum[ru]);
                    if (underservedFactor(ru) < 1 && rng.nextDouble() >= UNDERSERVED_FACTOR) {
                        continue;
                    }
                }
                int v = memberAt[weightedPosition(regionStart[rv], regionStart[rv + 1])];
                if (contactCommunity[u] != contactCommunity[v]) {
                    addKnows(u, v, false, -1);
                }
            }
        }

        private static double underservedFactor(int r) {
            return r == Region.AFRICA.ordinal() || r == Region.ARAB_REGION.ordinal() ? UNDERSERVED_FACTOR : 1.0;
        }

        /** Adds a KNOWS tie once; {@code sinceDay} ≥ 0 fixes the start (introductions), else a random one. */
        private boolean addKnows(int a, int b, boolean close, int sinceDay) {
            if (a == b) {
                return false;
            }
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            if (!tieKeys.add(key(TieType.KNOWS, CONTACT, lo, hi))) {
                return false;
            }
            int last = lastDay - (int) Math.min(lastDay, -Math.log(1 - rng.nextDouble()) * 400);
            int since;
            if (sinceDay >= 0) {
                since = sinceDay;
                last = since + rng.nextInt(lastDay - since + 1);
            } else {
                since = rng.nextInt(last + 1);
            }
            int trust = 1 + draw(close ? TRUST_WITHIN_CUM : TRUST_ACROSS_CUM);
            ties.add(new Tie(TieType.KNOWS, contactIds[lo], contactIds[hi], trust, days[since], days[last], null,
                    null));
            knowsA.add(lo);
            knowsB.add(hi);
            return true;
        }

        // ---------------------------------------------------------------- mandates, networks

        private void createMandatesAndPartners() {
            List<MandateSpec> specs = DemoVocabulary.MANDATES;
            WeightedPool[] organisationPools = new WeightedPool[specs.size()];
            WeightedPool[] contactPools = new WeightedPool[specs.size()];
            for (int m = 0; m < specs.size(); m++) {
                MandateSpec spec = specs.get(m);
                String id = paddedId("m-", m + 1, 3);
                mandates.add(new Mandate(id, spec.title(), m < THEMATIC_MANDATES ? MandateKind.THEMATIC
                        : MandateKind.COUNTRY, spec.holder(), spec.country(), spec.themes(), null, null).normalised(id));
                organisationPools[m] = partnerOrganisations(spec);
            }
            partnerContacts(specs, contactPools);
            // Popular themes get the long partner lists: rank mandates by pool size, with some noise.
            Integer[] order = new Integer[specs.size()];
            double[] sortKey = new double[specs.size()];
            for (int m = 0; m < specs.size(); m++) {
                order[m] = m;
                sortKey[m] = (organisationPools[m].size() + contactPools[m].size()) * (0.5 + rng.nextDouble());
            }
            Arrays.sort(order, (x, y) -> Double.compare(sortKey[y], sortKey[x]));
            double most = 30 * scale;
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
            long mask = themeMask(spec.themes());
            Region mandateRegion = spec.country() == null ? null : Regions.regionOf(spec.country());
            for (int o = 0; o < organisations.size(); o++) {
                Organisation org = organisations.get(o);
                if (organisationPlanted.get(o) || org.type() == OrganisationType.UN_ENTITY) {
                    continue;
                }
                double fit;
                if (spec.country() == null) {
                    fit = (organisationThemes[o] & mask) != 0 ? 1 : 0;
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
                masks[m] = themeMask(specs.get(m).themes());
            }
            for (int c = 0; c < n; c++) {
                Contact contact = contacts[c];
                ContactKind kind = contact.kind();
                if (contactCommunity[c] < 0 || (kind != ContactKind.DEFENDER && kind != ContactKind.LAWYER
                        && kind != ContactKind.ACADEMIC && kind != ContactKind.JOURNALIST)) {
                    continue;
                }
                double weight = underservedFactor(contact.region().ordinal());
                for (int m = 0; m < specs.size(); m++) {
                    String country = specs.get(m).country();
                    if (country == null ? (contactThemes[c] & masks[m]) != 0 : country.equals(contact.country())) {
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
            String mandateId = mandates.get(m).id();
            for (int added = 0, attempt = 0; added < slots && attempt < 50 * slots; attempt++) {
                int node = pool.draw(rng);
                if (tieKeys.add(key(TieType.PARTNERS_WITH, label, node, m))) {
                    String from = label == CONTACT ? contactIds[node] : organisations.get(node).id();
                    ties.add(new Tie(TieType.PARTNERS_WITH, from, mandateId, null, days[rng.nextInt(lastDay + 1)],
                            null, null, partnerActivities()));
                    added++;
                }
            }
        }

        private List<String> partnerActivities() {
            List<String> all = DemoVocabulary.PARTNER_ACTIVITIES;
            String first = all.get(rng.nextInt(all.size()));
            String second = all.get(rng.nextInt(all.size()));
            return rng.nextDouble() < 0.5 || first.equals(second) ? List.of(first) : List.of(first, second);
        }

        private void createNetworks() {
            int count = (int) Math.round(20 * scale);
            double[] regionWeight = new double[REGIONS.length];
            for (int r = 0; r < REGIONS.length; r++) {
                regionWeight[r] = REGION_SHARES.get(REGIONS[r]) * (underservedFactor(r) < 1 ? 0.6 : 1);
            }
            double[] regionCum = cumulative(regionWeight);
            for (int j = 0; j < count; j++) {
                String id = paddedId("n-", j + 1, 3);
                double u = rng.nextDouble();
                int r = draw(regionCum);
                String theme = sampleTheme(r);
                String noun = DemoVocabulary.NETWORK_NOUNS.get(rng.nextInt(DemoVocabulary.NETWORK_NOUNS.size()));
                Scope scope = u < 0.25 ? Scope.INTERNATIONAL : u < 0.8 ? Scope.REGIONAL : Scope.NATIONAL;
                String country = scope == Scope.NATIONAL ? sampleHub(r) : null;
                String name = switch (scope) {
                    case INTERNATIONAL -> "Global " + noun + " on " + phrase(theme);
                    case REGIONAL -> DemoVocabulary.REGION_ADJECTIVE.get(REGIONS[r]) + " " + noun + " on " + phrase(theme);
                    default -> "National " + noun + " on " + phrase(theme) + " (" + countryName(country) + ")";
                };
                int uses = nameUses.merge(name, 1, Integer::sum);
                networks.add(new Network(id, uses == 1 ? name : name + " " + uses, scope, List.of(theme), null, null)
                        .normalised(id));
                int size = (int) Math.min(60 * scale, 4 + Math.round(-Math.log(1 - rng.nextDouble()) * 10 * scale));
                WeightedPool pool = networkMembers(scope, REGIONS[r], country, theme, true);
                if (pool.size() < 3) {
                    pool = networkMembers(scope, REGIONS[r], country, theme, false);
                }
                int wanted = Math.min(size, pool.size());
                for (int added = 0, attempt = 0; added < wanted && attempt < 50 * wanted; attempt++) {
                    int o = pool.draw(rng);
                    if (tieKeys.add(key(TieType.MEMBER_OF, ORGANISATION, o, j))) {
                        ties.add(new Tie(TieType.MEMBER_OF, organisations.get(o).id(), id, null,
                                days[rng.nextInt(lastDay + 1)], null, null, null));
                        added++;
                    }
                }
            }
        }

        private WeightedPool networkMembers(Scope scope, Region region, String country, String theme,
                boolean themeRequired) {
            WeightedPool pool = new WeightedPool();
            long mask = themeMask(List.of(theme));
            for (int o = 0; o < organisations.size(); o++) {
                Organisation org = organisations.get(o);
                if (organisationPlanted.get(o) || org.type() == OrganisationType.UN_ENTITY
                        || (themeRequired && (organisationThemes[o] & mask) == 0)) {
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

        // ---------------------------------------------------------------- activities and introductions

        private void createCommunications() {
            int count = Math.max(10, (int) Math.round(n / 50.0));
            int firstDay = (int) ChronoUnit.DAYS.between(FIRST_DAY, LocalDate.of(2018, 1, 1));
            for (int i = 0; i < count; i++) {
                String id = paddedId("com-", i + 1, 5);
                int c = memberAt[rng.nextInt(regularCount)];
                if (!contacts[c].needsProtection() && rng.nextDouble() < 0.5) {
                    c = memberAt[rng.nextInt(regularCount)];
                }
                Contact source = contacts[c];
                double u = rng.nextDouble();
                CommunicationType type = source.riskLevel() != RiskLevel.NONE
                        ? (u < 0.6 ? CommunicationType.URGENT_APPEAL : CommunicationType.ALLEGATION_LETTER)
                        : (u < 0.65 ? CommunicationType.ALLEGATION_LETTER
                                : u < 0.85 ? CommunicationType.URGENT_APPEAL : CommunicationType.OTHER_LETTER);
                int m = mandateFor(source);
                int day = firstDay + rng.nextInt(lastDay - firstDay + 1);
                communications.add(new Communication(id, type, days[day], source.country(), sendersOf(m, source, i),
                        "Invented case for the demo network, concerning " + phrase(source.themes().get(0)) + "."));
                addActivityTie(TieType.SOURCE_OF, CONTACT, c, i, id, day);
                if (primaryOrg[c] >= 0 && rng.nextDouble() < 0.5) {
                    addActivityTie(TieType.SOURCE_OF, ORGANISATION, primaryOrg[c], i, id, day);
                }
                if (rng.nextDouble() < 0.25) {
                    int k = contactCommunity[c];
                    int from = communityStart.get(k);
                    addActivityTie(TieType.SOURCE_OF, CONTACT,
                            memberAt[from + rng.nextInt(communityStart.get(k + 1) - from)], i, id, day);
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
                return List.of(mandates.get(m).id());
            }
            for (int k = 0; k < THEMATIC_MANDATES; k++) {
                int thematic = (communication + k) % THEMATIC_MANDATES;
                if ((themeMask(source.themes()) & themeMask(mandates.get(thematic).themes())) != 0) {
                    return List.of(mandates.get(m).id(), mandates.get(thematic).id());
                }
            }
            return List.of(mandates.get(m).id());
        }

        private int mandateFor(Contact contact) {
            if (rng.nextDouble() < 0.7) {
                for (int m = THEMATIC_MANDATES; m < mandates.size(); m++) {
                    if (contact.country().equals(mandates.get(m).country())) {
                        return m;
                    }
                }
            }
            int start = rng.nextInt(THEMATIC_MANDATES);
            for (int i = 0; i < THEMATIC_MANDATES; i++) {
                int m = (start + i) % THEMATIC_MANDATES;
                if ((themeMask(contact.themes()) & themeMask(mandates.get(m).themes())) != 0) {
                    return m;
                }
            }
            return start;
        }

        private void addActivityTie(TieType type, int label, int node, int activity, String activityId, int day) {
            if (tieKeys.add(key(type, label, node, activity))) {
                String from = label == CONTACT ? contactIds[node] : organisations.get(node).id();
                ties.add(new Tie(type, from, activityId, null, days[day], null, null, null));
            }
        }

        private void createCountryVisits() {
            int count = Math.max(6, (int) Math.round(6 * scale));
            Map<String, IntList> contactsByCountry = new HashMap<>();
            for (int p = 0; p < regularCount; p++) {
                int c = memberAt[p];
                contactsByCountry.computeIfAbsent(contacts[c].country(), x -> new IntList()).add(c);
            }
            Map<String, IntList> organisationsByCountry = new HashMap<>();
            for (int o = 0; o < organisations.size(); o++) {
                if (!organisationPlanted.get(o)) {
                    organisationsByCountry.computeIfAbsent(organisations.get(o).country(), x -> new IntList()).add(o);
                }
            }
            int firstDay = (int) ChronoUnit.DAYS.between(FIRST_DAY, LocalDate.of(2016, 1, 1));
            for (int i = 0; i < count; i++) {
                String id = paddedId("visit-", i + 1, 3);
                int m;
                String country;
                if (rng.nextDouble() < 0.4) {
                    m = THEMATIC_MANDATES + rng.nextInt(mandates.size() - THEMATIC_MANDATES);
                    country = mandates.get(m).country();
                } else {
                    m = rng.nextInt(THEMATIC_MANDATES);
                    country = contacts[memberAt[rng.nextInt(regularCount)]].country();
                }
                int start = firstDay + rng.nextInt(lastDay - 14 - firstDay);
                int end = start + 5 + rng.nextInt(8);
                visits.add(new CountryVisit(id, mandates.get(m).id(), country, days[start], days[end]));
                IntList local = contactsByCountry.get(country);
                if (local == null) {
                    // Nobody recorded in the country (e.g. a closed one): the mandate meets people of the region.
                    int r = Regions.regionOf(country).ordinal();
                    local = new IntList();
                    for (int p = regionStart[r]; p < regionStart[r + 1]; p++) {
                        local.add(memberAt[p]);
                    }
                }
                int met = Math.min(local.size(), 5 + rng.nextInt(21));
                for (int added = 0, attempt = 0; added < met && attempt < 20 * met; attempt++) {
                    int c = local.get(rng.nextInt(local.size()));
                    if (!tieKeys.contains(key(TieType.MET_DURING, CONTACT, c, i))) {
                        addActivityTie(TieType.MET_DURING, CONTACT, c, i, id, start);
                        added++;
                    }
                }
                IntList localOrganisations = organisationsByCountry.get(country);
                if (localOrganisations != null) {
                    int orgsMet = Math.min(localOrganisations.size(), 1 + rng.nextInt(5));
                    for (int j = 0; j < orgsMet; j++) {
                        addActivityTie(TieType.MET_DURING, ORGANISATION,
                                localOrganisations.get(rng.nextInt(localOrganisations.size())), i, id, start);
                    }
                }
            }
        }

        private void createTrainings() {
            int count = Math.max(6, (int) Math.round(6 * scale));
            int firstDay = (int) ChronoUnit.DAYS.between(FIRST_DAY, LocalDate.of(2017, 1, 1));
            for (int i = 0; i < count; i++) {
                String id = paddedId("training-", i + 1, 3);
                int r = (i + rng.nextInt(2)) % REGIONS.length;
                int day = firstDay + rng.nextInt(lastDay - firstDay + 1);
                String place = countryName(sampleHub(r));
                trainings.add(new Training(id, "Engaging with the UN Special Procedures: "
                        + DemoVocabulary.REGION_ADJECTIVE.get(REGIONS[r]) + " workshop", days[day], place,
                        "UN Human Rights (demo)"));
                int size = regionStart[r + 1] - regionStart[r];
                int attending = Math.min(size, 8 + rng.nextInt(23));
                for (int added = 0, attempt = 0; added < attending && attempt < 20 * attending; attempt++) {
                    int c = memberAt[regionStart[r] + rng.nextInt(size)];
                    if (!tieKeys.contains(key(TieType.ATTENDED, CONTACT, c, i))) {
                        addActivityTie(TieType.ATTENDED, CONTACT, c, i, id, day);
                        added++;
                    }
                }
            }
        }

        /**
         * Introductions along existing KNOWS ties: the introducer knows both people. A MADE introduction adds
         * the KNOWS tie it created; people at risk or without consent are declined or left requested.
         */
        private void createIntroductions() {
            int count = Math.max(20, (int) Math.round(n / 100.0));
            int[][] adjacency = knowsAdjacency();
            int firstDay = (int) ChronoUnit.DAYS.between(FIRST_DAY, LocalDate.of(2022, 1, 1));
            for (int i = 0, attempt = 0; i < count && attempt < 50 * count; attempt++) {
                int introducer;
                int introduced;
                int recipient;
                if (rng.nextDouble() < 0.3) {
                    recipient = hros.get(rng.nextInt(hros.size()));
                    introducer = randomNeighbour(adjacency, recipient);
                    introduced = introducer < 0 ? -1 : randomNeighbour(adjacency, introducer);
                } else {
                    introducer = memberAt[rng.nextInt(regularCount)];
                    introduced = randomNeighbour(adjacency, introducer);
                    recipient = randomNeighbour(adjacency, introducer);
                }
                if (introducer < 0 || introduced < 0 || recipient < 0 || introduced == recipient
                        || contactCommunity[introducer] < 0 || contactCommunity[introduced] < 0
                        || planted[recipient] || !contacts[introducer].consentToIntroduce()
                        || tieKeys.contains(key(TieType.KNOWS, CONTACT, Math.min(introduced, recipient),
                                Math.max(introduced, recipient)))) {
                    continue;
                }
                Contact person = contacts[introduced];
                if (!person.consentToIntroduce() && rng.nextDouble() < 0.5) {
                    continue; // introducers mostly propose people who have agreed to be introduced
                }
                IntroductionStatus status;
                double u = rng.nextDouble();
                if (person.needsProtection() || !person.consentToIntroduce()) {
                    status = u < 0.7 ? IntroductionStatus.DECLINED : IntroductionStatus.REQUESTED;
                } else {
                    status = u < 0.6 ? IntroductionStatus.MADE
                            : u < 0.85 ? IntroductionStatus.REQUESTED : IntroductionStatus.DECLINED;
                }
                int day = firstDay + rng.nextInt(lastDay - firstDay + 1);
                introductions.add(new Introduction(paddedId("i-", i + 1, 5), contactIds[introducer],
                        contactIds[introduced], contactIds[recipient], status, days[day], null));
                if (status == IntroductionStatus.MADE) {
                    addKnows(introduced, recipient, false, day);
                }
                i++;
            }
        }

        private int[][] knowsAdjacency() {
            int[] degree = new int[n];
            for (int e = 0; e < knowsA.size(); e++) {
                degree[knowsA.get(e)]++;
                degree[knowsB.get(e)]++;
            }
            int[][] adjacency = new int[n][];
            for (int c = 0; c < n; c++) {
                adjacency[c] = new int[degree[c]];
            }
            int[] filled = new int[n];
            for (int e = 0; e < knowsA.size(); e++) {
                int a = knowsA.get(e);
                int b = knowsB.get(e);
                adjacency[a][filled[a]++] = b;
                adjacency[b][filled[b]++] = a;
            }
            return adjacency;
        }

        private int randomNeighbour(int[][] adjacency, int c) {
            int[] neighbours = adjacency[c];
            return neighbours.length == 0 ? -1 : neighbours[rng.nextInt(neighbours.length)];
        }

        // ---------------------------------------------------------------- sampling helpers

        private String sampleTheme(int r) {
            return DemoVocabulary.THEMES.get(draw(regionThemeCum[r])).tag();
        }

        private String sampleCountry(int r) {
            return regionCountries[r][draw(regionCountryCum[r])];
        }

        /** A hub country of the region (the planted groups and national networks live where people are). */
        private String sampleHub(int r) {
            Map<String, Double> hubs = DemoVocabulary.HUB_COUNTRIES.get(REGIONS[r]);
            String country;
            do {
                country = sampleCountry(r);
            } while (!hubs.containsKey(country));
            return country;
        }

        /** A plan position in [from, to) drawn in proportion to the contacts' activity weights. */
        private int weightedPosition(int from, int to) {
            double low = from == 0 ? 0 : cumWeight[from - 1];
            double x = low + rng.nextDouble() * (cumWeight[to - 1] - low);
            int lo = from;
            int hi = to - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumWeight[mid] > x) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        /** An index drawn in proportion to the weights behind a cumulative array. */
        private int draw(double[] cum) {
            double x = rng.nextDouble() * cum[cum.length - 1];
            int lo = 0;
            int hi = cum.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid] > x) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        private static double[] cumulative(double[] weights) {
            double[] cum = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cum[i] = sum;
            }
            return cum;
        }

        private long themeMask(List<String> themes) {
            long mask = 0;
            for (String theme : themes) {
                mask |= 1L << themeBit.get(theme);
            }
            return mask;
        }

        /** Packs (type, from label, from index, to index) into a non-zero long: 3 + 3 + 29 + 29 bits. */
        private static long key(TieType type, int fromLabel, int from, int to) {
            return ((long) type.ordinal() << 61) | ((long) fromLabel << 58) | ((long) from << 29) | to;
        }

        private String countryName(String code) {
            return countryNames.computeIfAbsent(code, x -> new Locale("", x).getDisplayCountry(Locale.ENGLISH));
        }

        private static String phrase(String theme) {
            for (Theme t : DemoVocabulary.THEMES) {
                if (t.tag().equals(theme)) {
                    return t.phrase();
                }
            }
            return theme;
        }

        private static String slug(String name) {
            StringBuilder out = new StringBuilder(name.length());
            for (int i = 0; i < name.length(); i++) {
                char ch = Character.toLowerCase(name.charAt(i));
                if (ch >= 'a' && ch <= 'z') {
                    out.append(ch);
                }
            }
            return out.toString();
        }

        private static String paddedId(String prefix, int number, int width) {
            String digits = Integer.toString(number);
            StringBuilder id = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
            for (int i = digits.length(); i < width; i++) {
                id.append('0');
            }
            return id.append(digits).toString();
        }
    }
}
