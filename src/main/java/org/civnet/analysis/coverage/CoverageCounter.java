package org.civnet.analysis.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.civnet.analysis.coverage.CoverageData.Actor;
import org.civnet.analysis.coverage.CoverageData.ActorType;
import org.civnet.analysis.coverage.CoverageData.MandateInfo;
import org.civnet.analysis.coverage.CoverageData.Partnership;
import org.civnet.analysis.coverage.CoverageFigures.CountRow;
import org.civnet.analysis.coverage.CoverageFigures.CountryRow;
import org.civnet.analysis.coverage.CoverageFigures.Gaps;
import org.civnet.analysis.coverage.CoverageFigures.MandateGap;
import org.civnet.analysis.coverage.CoverageFigures.MandateRegionGap;
import org.civnet.analysis.coverage.CoverageFigures.MandateRow;
import org.civnet.analysis.coverage.CoverageFigures.RegionRow;
import org.civnet.analysis.coverage.CoverageFigures.ThemeGap;
import org.civnet.analysis.coverage.CoverageFigures.ThemeRow;
import org.civnet.analysis.coverage.CoverageFigures.Totals;
import org.civnet.domain.ContactKind;
import org.civnet.domain.EcosocStatus;
import org.civnet.domain.OrganisationType;
import org.civnet.domain.Region;

/**
 * Counts coverage figures (seed 000, VI.3: "analyse statistics to identify geographic gaps"):
 * contacts and organisations by region, country, theme, kind, organisation type and ECOSOC status,
 * the regional shares against target shares, and the gaps, for the whole network or one mandate's
 * partners, now or as of a past date.
 *
 * <p>As of a date {@code d}: an actor or mandate counts when recorded on or before {@code d} (or
 * when its record date is unknown); a partnership counts when both ends count and it began on or
 * before {@code d} (one without a start date counts once both ends do).
 *
 * <p>Regional shares are over the actors that have a region; {@code gap = share − target};
 * {@code neededToReachTarget} is the smallest {@code x} with {@code (n + x) / (N + x) ≥ target}.
 * A country mandate is only expected to have partners (and organisations on its themes) in its own
 * region; a thematic mandate in all five. Cost: linear in actors + partnerships (+ mandates × regions).
 */
public final class CoverageCounter {

    /** Shares are computed in doubles; this absorbs their rounding when counting whole actors. */
    private static final double EPSILON = 1e-9;

    private final CoverageData data;
    private final Map<Region, Double> targetShares;
    private final int minPartners;

    /**
     * @param targetShares target share per region (a region not listed has target 0)
     * @param minPartners  mandates with fewer partners are listed as a gap
     */
    public CoverageCounter(CoverageData data, Map<Region, Double> targetShares, int minPartners) {
        this.data = Objects.requireNonNull(data, "data");
        this.targetShares = new EnumMap<>(Region.class);
        Objects.requireNonNull(targetShares, "targetShares").forEach((region, share) -> {
            if (share == null || share < 0 || share > 1) {
                throw new IllegalArgumentException("target share of " + region + " must be between 0 and 1");
            }
            this.targetShares.put(region, share);
        });
        if (minPartners < 0) {
            throw new IllegalArgumentException("minPartners must not be negative");
        }
        this.minPartners = minPartners;
    }

    /**
     * The figures.
     *
     * @param asOf      count what was on record on this date; null for everything on record
     * @param mandateId count only this mandate's partners; null for the whole network
     */
    public CoverageFigures count(LocalDate asOf, String mandateId) {
        OnRecord record = onRecord(asOf);
        List<MandateInfo> countedMandates;
        List<Actor> population;
        if (mandateId == null) {
            countedMandates = List.copyOf(record.mandates().values());
            population = List.copyOf(record.actors().values());
        } else {
            MandateInfo mandate = record.mandates().get(mandateId);
            countedMandates = mandate == null ? List.of() : List.of(mandate);
            population = record.partnersOf(mandateId).stream().map(record.actors()::get).toList();
        }
        ActorTally actors = new ActorTally();
        population.forEach(actors::add);
        MandateTally mandates = new MandateTally(actors.themeCounts.keySet());
        for (MandateInfo m : countedMandates) {
            mandates.add(m, record);
        }
        List<Region> themeRegions = mandateId == null || countedMandates.isEmpty()
                ? List.of(Region.values()) : relevantRegions(countedMandates.get(0));

        return new CoverageFigures(asOf, mandateId,
                new Totals(actors.contacts, actors.organisations, actors.withoutRegion, countedMandates.size(),
                        mandates.partnerships),
                actors.byRegion(), actors.byCountry(), actors.byTheme(),
                countRows(actors.kinds, actors.contacts), countRows(actors.types, actors.organisations),
                countRows(actors.statuses, actors.organisations),
                List.copyOf(mandates.rows),
                new Gaps(minPartners, mandates.belowMinimum(), List.copyOf(mandates.withoutPartnerInRegion),
                        actors.themeGaps(mandates.themeUniverse, themeRegions)), 0);
    }

    /**
     * What was on record on a date.
     *
     * @param mandates   the mandates recorded, by id
     * @param actors     the actors recorded, by id, in the data's order
     * @param partnersOf per mandate, the ids of its partners, both ends and the partnership on record
     */
    private record OnRecord(Map<String, MandateInfo> mandates, Map<String, Actor> actors,
                            Map<String, Set<String>> partnersOf) {
        Set<String> partnersOf(String mandateId) {
            return partnersOf.getOrDefault(mandateId, Set.of());
        }
    }

    private OnRecord onRecord(LocalDate asOf) {
        Map<String, MandateInfo> mandates = new TreeMap<>();
        for (MandateInfo m : data.mandates()) {
            if (recordedBy(m.recorded(), asOf)) {
                mandates.put(m.id(), m);
            }
        }
        Map<String, Actor> actors = new LinkedHashMap<>();
        for (Actor a : data.actors()) {
            if (recordedBy(a.recorded(), asOf)) {
                actors.put(a.id(), a);
            }
        }
        Map<String, Set<String>> partnersOf = new HashMap<>();
        for (Partnership p : data.partnerships()) {
            Actor partner = actors.get(p.partner());
            if (partner != null && mandates.containsKey(p.mandate())
                    && (p.since() == null || recordedBy(p.since(), asOf))) {
                partnersOf.computeIfAbsent(p.mandate(), k -> new TreeSet<>()).add(p.partner());
            }
        }
        return new OnRecord(mandates, actors, partnersOf);
    }

    /** The counts over the counted actors: by region, country, theme, kind, type and ECOSOC status. */
    private final class ActorTally {
        private int contacts;
        private int organisations;
        private int withoutRegion;
        private final Map<Region, int[]> regionCounts = new EnumMap<>(Region.class);
        private final Map<String, int[]> countryCounts = new TreeMap<>();
        private final Map<String, Region> countryRegion = new HashMap<>();
        private final Map<String, int[]> themeCounts = new TreeMap<>();
        private final Map<String, Integer> kinds = zeroes(ContactKind.values());
        private final Map<String, Integer> types = zeroes(OrganisationType.values());
        private final Map<String, Integer> statuses = zeroes(EcosocStatus.values());
        private final Map<String, Set<Region>> organisationRegionsByTheme = new TreeMap<>();

        /** Counts {@code a} in column 0 (contacts) or 1 (organisations) of every table it belongs to. */
        void add(Actor a) {
            int column = a.type() == ActorType.CONTACT ? 0 : 1;
            if (column == 0) {
                contacts++;
                if (a.subtype() != null) {
                    kinds.merge(a.subtype(), 1, Integer::sum);
                }
            } else {
                organisations++;
                if (a.subtype() != null) {
                    types.merge(a.subtype(), 1, Integer::sum);
                }
                if (a.ecosocStatus() != null) {
                    statuses.merge(a.ecosocStatus(), 1, Integer::sum);
                }
            }
            if (a.region() == null) {
                withoutRegion++;
            } else {
                regionCounts.computeIfAbsent(a.region(), r -> new int[2])[column]++;
            }
            if (a.country() != null) {
                countryCounts.computeIfAbsent(a.country(), c -> new int[2])[column]++;
                countryRegion.putIfAbsent(a.country(), a.region());
            }
            for (String theme : new TreeSet<>(a.themes())) {
                themeCounts.computeIfAbsent(theme, t -> new int[2])[column]++;
                if (column == 1 && a.region() != null) {
                    organisationRegionsByTheme.computeIfAbsent(theme, t -> EnumSet.noneOf(Region.class))
                            .add(a.region());
                }
            }
        }

        private int total() {
            return contacts + organisations;
        }

        List<RegionRow> byRegion() {
            int withRegion = total() - withoutRegion;
            List<RegionRow> rows = new ArrayList<>();
            for (Region region : Region.values()) {
                int[] c = regionCounts.getOrDefault(region, new int[2]);
                int n = c[0] + c[1];
                double share = ratio(n, withRegion);
                double target = targetShares.getOrDefault(region, 0.0);
                rows.add(new RegionRow(region, c[0], c[1], share, target, share - target,
                        needed(n, withRegion, target)));
            }
            return List.copyOf(rows);
        }

        List<CountryRow> byCountry() {
            List<CountryRow> rows = new ArrayList<>();
            countryCounts.forEach((country, c) -> rows.add(
                    new CountryRow(country, countryRegion.get(country), c[0], c[1], ratio(c[0] + c[1], total()))));
            rows.sort(Comparator.comparingInt((CountryRow r) -> -(r.contacts() + r.organisations()))
                    .thenComparing(CountryRow::country));
            return List.copyOf(rows);
        }

        List<ThemeRow> byTheme() {
            List<ThemeRow> rows = new ArrayList<>();
            themeCounts.forEach((theme, c) -> rows.add(new ThemeRow(theme, c[0], c[1], ratio(c[0] + c[1], total()))));
            rows.sort(Comparator.comparingInt((ThemeRow r) -> -(r.contacts() + r.organisations()))
                    .thenComparing(ThemeRow::theme));
            return List.copyOf(rows);
        }

        /** The themes (of actors or mandates) with no organisation in some of {@code regions}. */
        List<ThemeGap> themeGaps(Set<String> themes, List<Region> regions) {
            List<ThemeGap> gaps = new ArrayList<>();
            for (String theme : themes) {
                Set<Region> covered = organisationRegionsByTheme.getOrDefault(theme, Set.of());
                List<Region> missing = regions.stream().filter(r -> !covered.contains(r)).toList();
                if (!missing.isEmpty()) {
                    gaps.add(new ThemeGap(theme, missing));
                }
            }
            return List.copyOf(gaps);
        }
    }

    /** The counted mandates' partners, and the mandates short of partners overall or in a region. */
    private final class MandateTally {
        private final List<MandateRow> rows = new ArrayList<>();
        private final List<MandateGap> belowMin = new ArrayList<>();
        private final List<MandateRegionGap> withoutPartnerInRegion = new ArrayList<>();
        private final Set<String> themeUniverse;
        private int partnerships;

        MandateTally(Set<String> actorThemes) {
            themeUniverse = new TreeSet<>(actorThemes);
        }

        void add(MandateInfo m, OnRecord record) {
            Set<String> partners = record.partnersOf(m.id());
            partnerships += partners.size();
            int partnerContacts = 0;
            Map<Region, Integer> byPartnerRegion = new EnumMap<>(Region.class);
            for (Region region : Region.values()) {
                byPartnerRegion.put(region, 0);
            }
            for (String id : partners) {
                Actor a = record.actors().get(id);
                if (a.type() == ActorType.CONTACT) {
                    partnerContacts++;
                }
                if (a.region() != null) {
                    byPartnerRegion.merge(a.region(), 1, Integer::sum);
                }
            }
            rows.add(new MandateRow(m.id(), m.title(), partners.size(), partnerContacts,
                    partners.size() - partnerContacts, byPartnerRegion));
            if (partners.size() < minPartners) {
                belowMin.add(new MandateGap(m.id(), m.title(), partners.size()));
            }
            List<Region> missing = relevantRegions(m).stream().filter(r -> byPartnerRegion.get(r) == 0).toList();
            if (!missing.isEmpty()) {
                withoutPartnerInRegion.add(new MandateRegionGap(m.id(), m.title(), missing));
            }
            themeUniverse.addAll(m.themes());
        }

        List<MandateGap> belowMinimum() {
            belowMin.sort(Comparator.comparingInt(MandateGap::partners).thenComparing(MandateGap::id));
            return List.copyOf(belowMin);
        }
    }

    private static boolean recordedBy(LocalDate recorded, LocalDate asOf) {
        return asOf == null || recorded == null || !recorded.isAfter(asOf);
    }

    private static List<Region> relevantRegions(MandateInfo mandate) {
        return mandate.region() == null ? List.of(Region.values()) : List.of(mandate.region());
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    /** Smallest x ≥ 0 with (n + x) / (total + x) ≥ target; 0 when already there, or for a target of 1 (never reached). */
    static int needed(int n, int total, double target) {
        if (target >= 1.0 || target <= 0.0 || (total > 0 && ratio(n, total) + EPSILON >= target)) {
            return 0;
        }
        if (total == 0) {
            return 1;
        }
        return (int) Math.ceil((target * total - n) / (1 - target) - EPSILON);
    }

    private static Map<String, Integer> zeroes(Enum<?>[] values) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            out.put(value.name(), 0);
        }
        return out;
    }

    private static List<CountRow> countRows(Map<String, Integer> counts, int whole) {
        List<CountRow> rows = new ArrayList<>();
        counts.forEach((value, count) -> rows.add(new CountRow(value, count, ratio(count, whole))));
        return List.copyOf(rows);
    }
}
