package org.civnet.demo;

import static org.civnet.demo.DemoWorld.REGIONS;
import static org.civnet.demo.DemoWorld.cumulative;

import java.util.Arrays;
import java.time.LocalDate;
import java.util.List;

import org.civnet.domain.Consent;
import org.civnet.domain.ConsentMethod;
import org.civnet.domain.ConsentRecord;
import org.civnet.domain.ContactKind;
import org.civnet.domain.Region;
import org.civnet.domain.RiskLevel;
import org.civnet.network.Contact;

/**
 * The people of the demo network: plans the contacts over regions and communities (region × theme × country), with
 * the regions' exact shares, gives every regular contact a kind, a country, themes, a risk level, consent and
 * channels, places the UN human rights officers (HROs) and sets aside the members of the two planted groups.
 * Also draws the Pareto-tailed activity weights that later pick who knows many people.
 */
final class DemoPeople {
    private static final ContactKind[] KINDS = {ContactKind.DEFENDER, ContactKind.VICTIM, ContactKind.RELATIVE,
        ContactKind.JOURNALIST, ContactKind.LAWYER, ContactKind.ACADEMIC, ContactKind.OFFICIAL,
        ContactKind.OTHER};
    private static final double[] KIND_CUM = cumulative(new double[] {34, 9, 5, 10, 12, 12, 5, 8});

    private final DemoWorld world;

    DemoPeople(DemoWorld world) {
        this.world = world;
    }

    /**
     * Plans every contact: regular contacts in communities region by region (in the regions' exact shares, less
     * the places reserved), then the HROs, then the members of the two planted groups, each at a shuffled id.
     */
    void planContacts() {
        int[] quota = largestRemainderQuotas();
        int hroCount = Math.max(5, (int) Math.round(world.n / 400.0));
        int lgbtiSize = 6 + world.rng.nextInt(3);
        int landSize = 8 + world.rng.nextInt(4);
        int[] reserved = new int[REGIONS.length];
        for (int h = 0; h < hroCount; h++) {
            reserved[hroRegion(h).ordinal()]++;
        }
        reserved[Region.ARAB_REGION.ordinal()] += lgbtiSize;
        reserved[Region.AFRICA.ordinal()] += landSize;
        shuffleIds();
        int position = planCommunities(quota, reserved);
        drawActivityWeights();
        for (int h = 0; h < hroCount; h++) {
            int c = world.memberAt[position++];
            world.hros.add(c);
            createHro(c, h);
        }
        world.plannedLgbti = Arrays.copyOfRange(world.memberAt, position, position + lgbtiSize);
        world.plannedLand = Arrays.copyOfRange(world.memberAt, position + lgbtiSize, position + lgbtiSize + landSize);
    }

    /** Shuffled ids, so neither a community nor a planted group shows as a run of consecutive ids. */
    private void shuffleIds() {
        for (int i = 0; i < world.n; i++) {
            world.memberAt[i] = i;
        }
        for (int i = world.n - 1; i > 0; i--) {
            int j = world.rng.nextInt(i + 1);
            int swap = world.memberAt[i];
            world.memberAt[i] = world.memberAt[j];
            world.memberAt[j] = swap;
        }
    }

    /**
     * Fills each region's quota (less what is reserved) with communities of at least {@code minSize} and an
     * exponential number more, and creates their contacts; returns the plan position after the last one.
     */
    private int planCommunities(int[] quota, int[] reserved) {
        int minSize = Math.max(15, (int) Math.ceil(2.5 * world.averageKnows));
        double meanExtra = Math.max(20, 4 * world.averageKnows);
        int position = 0;
        for (Region region : REGIONS) {
            int r = region.ordinal();
            world.regionStart[r] = position;
            int remaining = quota[r] - reserved[r];
            while (remaining > 0) {
                int size = minSize + (int) (-Math.log(1 - world.rng.nextDouble()) * meanExtra);
                if (remaining - size < minSize) {
                    size = remaining;
                }
                startCommunity(region, position);
                for (int p = position; p < position + size; p++) {
                    createRegularContact(world.memberAt[p], world.communityStart.size() - 1, region);
                }
                position += size;
                remaining -= size;
            }
        }
        world.regularCount = position;
        world.regionStart[REGIONS.length] = position;
        world.communityStart.add(position);
        return position;
    }

    /** Pareto-tailed activity: a few people know many more than the rest, as in real coalitions. */
    private void drawActivityWeights() {
        world.cumWeight = new double[world.regularCount];
        double sum = 0;
        for (int p = 0; p < world.regularCount; p++) {
            sum += Math.min(25.0, Math.pow(1 - world.rng.nextDouble(), -1 / 2.2));
            world.cumWeight[p] = sum;
        }
    }

    private int[] largestRemainderQuotas() {
        int[] quota = new int[REGIONS.length];
        double[] remainder = new double[REGIONS.length];
        int assigned = 0;
        for (Region region : REGIONS) {
            double exact = world.n * DemoNetworkGenerator.REGION_SHARES.get(region) / 100.0;
            quota[region.ordinal()] = (int) Math.floor(exact);
            remainder[region.ordinal()] = exact - Math.floor(exact);
            assigned += quota[region.ordinal()];
        }
        while (assigned < world.n) {
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
        world.communityStart.add(position);
        world.communityRegion.add(region.ordinal());
        world.communityTheme.add(world.sampleTheme(region.ordinal()));
        world.communityCountry.add(world.sampleCountry(region.ordinal()));
    }

    private void createRegularContact(int c, int community, Region region) {
        int r = region.ordinal();
        world.contactCommunity[c] = community;
        ContactKind kind = KINDS[world.draw(KIND_CUM)];
        String country = world.rng.nextDouble() < 0.75 ? world.communityCountry.get(community) : world.sampleCountry(r);
        List<String> themes = themesAround(world.communityTheme.get(community), r);
        boolean exposed = kind == ContactKind.DEFENDER || kind == ContactKind.JOURNALIST
                || themes.contains("LGBTI") || themes.contains("LAND") || themes.contains("HUMAN_RIGHTS_DEFENDERS")
                || themes.contains("FREEDOM_OF_EXPRESSION");
        RiskLevel risk = RiskLevel.NONE;
        if (world.rng.nextDouble() < (exposed ? 0.105 : 0.04)) {
            risk = world.rng.nextDouble() < 0.65 ? RiskLevel.ELEVATED : RiskLevel.HIGH;
        }
        boolean atRisk = risk != RiskLevel.NONE;
        boolean confidential = world.rng.nextDouble() < (atRisk ? 0.3 : 0.03);
        boolean consent = world.rng.nextDouble() < (atRisk ? 0.35 : 0.62);
        world.contacts[c] = contact(c, personName(r, c), kind, country, themes, risk, consent, confidential);
    }

    Contact contact(int c, String[] name, ContactKind kind, String country, List<String> themes,
            RiskLevel risk, boolean consent, boolean confidential) {
        List<String> channels = List.of();
        double u = world.rng.nextDouble();
        if (u < 0.35) {
            String mail = slug(name[0]) + "." + slug(name[1]) + "." + (c + 1) + "@example.org";
            channels = u < 0.04 ? List.of(mail, "signal:" + slug(name[0]) + "." + (c + 1)) : List.of(mail);
        }
        world.contactThemes[c] = world.themeMask(themes);
        return new Contact(world.contactIds[c], name[0] + " " + name[1], kind, country, null, themes, risk, consent,
                confidential, channels, null, null, null).withConsent(consentRecords(consent), consent)
                .normalised(world.contactIds[c]);
    }

    /**
     * Consent records around the demo's today: a consent to introduce for those who gave one (8 % of
     * them lapsing in the weeks after today, 3 % withdrawn since), to be introduced for 70 %, to be
     * named to a mandate for 40 %; most without an end date, so the demo keeps working as time passes.
     */
    private Consent consentRecords(boolean introduces) {
        java.util.SplittableRandom r = world.consentRng;
        ConsentRecord introduce = null;
        if (introduces) {
            LocalDate given = DemoNetworkGenerator.TODAY.minusDays(30 + r.nextInt(1500));
            double u = r.nextDouble();
            LocalDate until = u < 0.08 ? DemoNetworkGenerator.TODAY.plusDays(20 + r.nextInt(56)) : null;
            LocalDate withdrawn = u > 0.97 ? DemoNetworkGenerator.TODAY.minusDays(r.nextInt(20)) : null;
            introduce = new ConsentRecord(given, until, METHODS[r.nextInt(METHODS.length)], null, withdrawn);
        }
        ConsentRecord beIntroduced = r.nextDouble() < 0.7 ? new ConsentRecord(
                DemoNetworkGenerator.TODAY.minusDays(30 + r.nextInt(1500)), null, METHODS[r.nextInt(METHODS.length)],
                null, null) : null;
        ConsentRecord nameToMandate = r.nextDouble() < 0.4 ? new ConsentRecord(
                DemoNetworkGenerator.TODAY.minusDays(30 + r.nextInt(1500)), null, ConsentMethod.WRITTEN, null, null) : null;
        Consent consent = new Consent(introduce, beIntroduced, nameToMandate);
        return consent.none() ? null : consent;
    }

    private static final ConsentMethod[] METHODS = ConsentMethod.values();

    private void createHro(int c, int h) {
        Region region = hroRegion(h);
        List<String> presences = DemoVocabulary.HRO_COUNTRIES.get(region);
        String country = h == 0 ? "CH" : presences.get(((h - 1) / REGIONS.length) % presences.size());
        world.contactCommunity[c] = -1;
        List<String> themes = List.of("HUMAN_RIGHTS_DEFENDERS", world.sampleTheme(region.ordinal()));
        if (themes.get(0).equals(themes.get(1))) {
            themes = List.of("HUMAN_RIGHTS_DEFENDERS");
        }
        world.contacts[c] = contact(c, personName(region.ordinal(), c), ContactKind.UN_STAFF, country, themes,
                RiskLevel.NONE, true, false);
    }

    private List<String> themesAround(String main, int r) {
        String second = world.rng.nextDouble() < 0.4 ? world.sampleTheme(r) : main;
        String third = world.rng.nextDouble() < 0.1 ? world.sampleTheme(r) : main;
        if (second.equals(main) && third.equals(main)) {
            return List.of(main);
        }
        if (third.equals(main) || third.equals(second)) {
            return second.equals(main) ? List.of(main) : List.of(main, second);
        }
        return second.equals(main) ? List.of(main, third) : List.of(main, second, third);
    }

    String[] personName(int r, int c) {
        List<String> given = DemoVocabulary.GIVEN_NAMES.get(REGIONS[r]);
        List<String> family = DemoVocabulary.SURNAMES.get(REGIONS[r]);
        return new String[] {given.get(world.rng.nextInt(given.size())), family.get(world.rng.nextInt(family.size()))};
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
}
