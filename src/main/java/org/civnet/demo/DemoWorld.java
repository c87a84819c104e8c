package org.civnet.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.civnet.demo.DemoNetworkGenerator.Options;

import org.civnet.demo.DemoVocabulary.Theme;
import org.civnet.domain.Region;
import org.civnet.domain.TieType;
import org.civnet.network.Activities.Communication;
import org.civnet.network.Activities.CountryVisit;
import org.civnet.network.Activities.Training;
import org.civnet.network.Contact;
import org.civnet.network.Introduction;
import org.civnet.network.Mandate;
import org.civnet.network.Network;
import org.civnet.network.NetworkDocument;
import org.civnet.network.Organisation;
import org.civnet.network.Regions;
import org.civnet.network.Tie;

/**
 * The state of one demo network generation, shared by its stages ({@link DemoPeople}, {@link DemoOrganisations},
 * {@link DemoKnowsTies}, ...): the one random generator, the nodes and ties made so far, the plan of contacts by
 * community, and the draws and keys every stage needs. One instance per run, so {@link DemoNetworkGenerator} stays
 * stateless; the fields are package-private because the stages fill them in turn.
 */
final class DemoWorld {
    static final Region[] REGIONS = Region.values();
    static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    static final int CONTACT = 0;
    static final int ORGANISATION = 1;
    /** Weight of Africa and the Arab region when a cross-region tie, partner or member is drawn. */
    static final double UNDERSERVED_FACTOR = 0.35;
    static final int THEMATIC_MANDATES = 45;
    private static final double[] TRUST_WITHIN_CUM = cumulative(new double[] {3, 8, 34, 40, 15});
    private static final double[] TRUST_ACROSS_CUM = cumulative(new double[] {8, 20, 40, 25, 7});

    final SplittableRandom rng;
    /** Draws of the consent records only, so adding them left every other draw (and the network) as it was. */
    final SplittableRandom consentRng;
    final int n;
    final double averageKnows;
    final double scale;
    final LocalDate[] days;
    final int lastDay;
    private final Map<String, String> countryNames = new HashMap<>();
    /** Themes as bits (the vocabulary has fewer than 64), so theme matching is one AND. */
    private final Map<String, Integer> themeBit = new HashMap<>();
    final long[] contactThemes;
    long[] organisationThemes = new long[64];

    final String[][] regionCountries = new String[REGIONS.length][];
    private final double[][] regionCountryCum = new double[REGIONS.length][];
    private final double[][] regionThemeCum = new double[REGIONS.length][];

    // Contacts, by final index; "plan positions" order them by community for range sampling.
    final Contact[] contacts;
    final String[] contactIds;
    final int[] contactCommunity;
    final boolean[] planted;
    final int[] primaryOrg;
    final int[] memberAt;
    double[] cumWeight;
    int regularCount;
    final int[] regionStart = new int[REGIONS.length + 1];
    final List<Integer> hros = new ArrayList<>();
    int[] plannedLgbti;
    int[] plannedLand;

    // Communities, in plan order.
    final IntList communityStart = new IntList();
    final List<String> communityTheme = new ArrayList<>();
    final List<String> communityCountry = new ArrayList<>();
    final IntList communityRegion = new IntList();
    final IntList communityOrgStart = new IntList();

    final List<Organisation> organisations = new ArrayList<>();
    final List<Boolean> organisationPlanted = new ArrayList<>();
    final List<Mandate> mandates = new ArrayList<>();
    final List<Network> networks = new ArrayList<>();
    final List<Communication> communications = new ArrayList<>();
    final List<CountryVisit> visits = new ArrayList<>();
    final List<Training> trainings = new ArrayList<>();
    final List<Introduction> introductions = new ArrayList<>();
    final List<PlantedGroup> plantedGroups = new ArrayList<>();
    final Map<String, Integer> nameUses = new HashMap<>();
    final Map<String, Integer> unEntityByCountry = new HashMap<>();
    final Map<String, Integer> nhriByCountry = new HashMap<>();

    // Ties; the packed keys reject duplicates, and the KNOWS ends serve the introductions.
    final ArrayList<Tie> ties;
    final LongHashSet tieKeys;
    final IntList knowsA;
    final IntList knowsB;

    DemoWorld(Options options) {
        rng = new SplittableRandom(options.seed());
        consentRng = new SplittableRandom(options.seed() * 31 + 19);
        n = options.contacts();
        averageKnows = options.averageKnowsPerContact();
        scale = Math.sqrt(Math.max(1.0, n / 2000.0));
        int dayCount = (int) ChronoUnit.DAYS.between(FIRST_DAY, DemoNetworkGenerator.TODAY);
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

    /** The network made so far, in the import/export format (the last stage has run when this is called). */
    NetworkDocument document() {
        return new NetworkDocument(List.of(contacts), List.copyOf(organisations), List.copyOf(mandates),
                List.copyOf(networks), List.copyOf(communications), List.copyOf(visits), List.copyOf(trainings),
                Collections.unmodifiableList(ties), List.copyOf(introductions));
    }

    static double underservedFactor(int r) {
        return r == Region.AFRICA.ordinal() || r == Region.ARAB_REGION.ordinal() ? UNDERSERVED_FACTOR : 1.0;
    }

    /** Adds a KNOWS tie once; {@code sinceDay} ≥ 0 fixes the start (introductions), else a random one. */
    boolean addKnows(int a, int b, boolean close, int sinceDay) {
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

    String sampleTheme(int r) {
        return DemoVocabulary.THEMES.get(draw(regionThemeCum[r])).tag();
    }

    String sampleCountry(int r) {
        return regionCountries[r][draw(regionCountryCum[r])];
    }

    /** A hub country of the region (the planted groups and national networks live where people are). */
    String sampleHub(int r) {
        Map<String, Double> hubs = DemoVocabulary.HUB_COUNTRIES.get(REGIONS[r]);
        String country;
        do {
            country = sampleCountry(r);
        } while (!hubs.containsKey(country));
        return country;
    }

    /** A plan position in [from, to) drawn in proportion to the contacts' activity weights. */
    int weightedPosition(int from, int to) {
        double low = from == 0 ? 0 : cumWeight[from - 1];
        double x = low + rng.nextDouble() * (cumWeight[to - 1] - low);
        return WeightedPool.firstAbove(cumWeight, from, to, x);
    }

    /** An index drawn in proportion to the weights behind a cumulative array. */
    int draw(double[] cum) {
        return WeightedPool.firstAbove(cum, 0, cum.length, rng.nextDouble() * cum[cum.length - 1]);
    }

    static double[] cumulative(double[] weights) {
        double[] cum = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cum[i] = sum;
        }
        return cum;
    }

    long themeMask(List<String> themes) {
        long mask = 0;
        for (String theme : themes) {
            mask |= 1L << themeBit.get(theme);
        }
        return mask;
    }

    /** Packs (type, from label, from index, to index) into a non-zero long: 3 + 3 + 29 + 29 bits. */
    static long key(TieType type, int fromLabel, int from, int to) {
        return ((long) type.ordinal() << 61) | ((long) fromLabel << 58) | ((long) from << 29) | to;
    }

    String countryName(String code) {
        return countryNames.computeIfAbsent(code, x -> new Locale("", x).getDisplayCountry(Locale.ENGLISH));
    }

    static String phrase(String theme) {
        for (Theme t : DemoVocabulary.THEMES) {
            if (t.tag().equals(theme)) {
                return t.phrase();
            }
        }
        return theme;
    }

    static String paddedId(String prefix, int number, int width) {
        String digits = Integer.toString(number);
        StringBuilder id = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int i = digits.length(); i < width; i++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }
}
