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
            if (partner != null && mandates.containsKey(p.mandate()) && (p.since() == null || recordedBy(p.since(), asOf))) {
                partnersOf.computeIfAbsent(p.mandate(), k -> new TreeSet<>()).add(p.partner());
            }
        }
        List<MandateInfo> countedMandates;
        List<Actor> population;
        if (mandateId == null) {
            countedMandates = List.copyOf(mandates.values());
            population = List.copyOf(actors.values());
        } else {
            MandateInfo mandate = mandates.get(mandateId);
            countedMandates = mandate == null ? List.of() : List.of(mandate);
            population = partnersOf.getOrDefault(mandateId, Set.of()).stream().map(actors::get).toList();
        }

        int contacts = 0;
        int organisations = 0;
        int withoutRegion = 0;
        Map<Region, int[]> regionCounts = new EnumMap<>(Region.class);
        Map<String, int[]> countryCounts = new TreeMap<>();
        Map<String, Region> countryRegion = new HashMap<>();
        Map<String, int[]> themeCounts = new TreeMap<>();
        Map<String, Integer> kinds = zeroes(ContactKind.values());
        Map<String, Integer> types = zeroes(OrganisationType.values());
        Map<String, Integer> statuses = zeroes(EcosocStatus.values());
        Map<String, Set<Region>> organisationRegionsByTheme = new TreeMap<>();
        for (Actor a : population) {
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
                    organisationRegionsByTheme.computeIfAbsent(theme, t -> EnumSet.noneOf(Region.class)).add(a.region());
                }
            }
        }
        int total = contacts + organisations;
        int withRegion = total - withoutRegion;

        List<RegionRow> byRegion = new ArrayList<>();
        for (Region region : Region.values()) {
            int[] c = regionCounts.getOrDefault(region, new int[2]);
            int n = c[0] + c[1];
            double share = ratio(n, withRegion);
            double target = targetShares.getOrDefault(region, 0.0);
            byRegion.add(new RegionRow(region, c[0], c[1], share, target, share - target, needed(n, withRegion, target)));
        }
        List<CountryRow> byCountry = new ArrayList<>();
        countryCounts.forEach((country, c) -> byCountry.add(
                new CountryRow(country, countryRegion.get(country), c[0], c[1], ratio(c[0] + c[1], total))));
        byCountry.sort(Comparator.comparingInt((CountryRow r) -> -(r.contacts() + r.organisations()))
                .thenComparing(CountryRow::country));
        List<ThemeRow> byTheme = new ArrayList<>();
        themeCounts.forEach((theme, c) -> byTheme.add(new ThemeRow(theme, c[0], c[1], ratio(c[0] + c[1], total))));
        byTheme.sort(Comparator.comparingInt((ThemeRow r) -> -(r.contacts() + r.organisations()))
                .thenComparing(ThemeRow::theme));

        List<MandateRow> mandateRows = new ArrayList<>();
        List<MandateGap> belowMin = new ArrayList<>();
        List<MandateRegionGap> withoutPartnerInRegion = new ArrayList<>();
        Set<String> themeUniverse = new TreeSet<>(themeCounts.keySet());
        int partnerships = 0;
        for (MandateInfo m : countedMandates) {
            Set<String> partners = partnersOf.getOrDefault(m.id(), Set.of());
            partnerships += partners.size();
            int partnerContacts = 0;
            Map<Region, Integer> byPartnerRegion = new EnumMap<>(Region.class);
            for (Region region : Region.values()) {
                byPartnerRegion.put(region, 0);
            }
            for (String id : partners) {
                Actor a = actors.get(id);
                if (a.type() == ActorType.CONTACT) {
                    partnerContacts++;
                }
                if (a.region() != null) {
                    byPartnerRegion.merge(a.region(), 1, Integer::sum);
                }
            }
            mandateRows.add(new MandateRow(m.id(), m.title(), partners.size(), partnerContacts,
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
        belowMin.sort(Comparator.comparingInt(MandateGap::partners).thenComparing(MandateGap::id));

        List<Region> themeRegions = mandateId == null || countedMandates.isEmpty()
                ? List.of(Region.values()) : relevantRegions(countedMandates.get(0));
        List<ThemeGap> themeGaps = new ArrayList<>();
        for (String theme : themeUniverse) {
            Set<Region> covered = organisationRegionsByTheme.getOrDefault(theme, Set.of());
            List<Region> missing = themeRegions.stream().filter(r -> !covered.contains(r)).toList();
            if (!missing.isEmpty()) {
                themeGaps.add(new ThemeGap(theme, missing));
            }
        }

        return new CoverageFigures(asOf, mandateId,
                new Totals(contacts, organisations, withoutRegion, countedMandates.size(), partnerships),
                List.copyOf(byRegion), List.copyOf(byCountry), List.copyOf(byTheme),
                countRows(kinds, contacts), countRows(types, organisations), countRows(statuses, organisations),
                List.copyOf(mandateRows),
                new Gaps(minPartners, List.copyOf(belowMin), List.copyOf(withoutPartnerInRegion), List.copyOf(themeGaps)));
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
