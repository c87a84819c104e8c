package org.civnet.analysis.coverage;

import org.civnet.domain.Sensitivity;
import static org.civnet.domain.Sensitivity.Kind.NAME;
import static org.civnet.domain.Sensitivity.Kind.SAFE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.civnet.domain.Region;

/**
 * Coverage of the network: contacts and organisations by region, country, theme, contact kind,
 * organisation type and ECOSOC status, with shares as fractions of 1, the regional shares against
 * their targets, and the gaps (mandates with too few partners or none in a region, themes without
 * an organisation in a region).
 *
 * @param asOf    the date the figures are counted at (null: everything on record now)
 * @param mandate the mandate whose partners were counted, or null for the whole network
 * @param graphVersion the store's graph version the data was read at (0 for data not read from a store)
 */
public record CoverageFigures(
        LocalDate asOf,
        @Sensitivity(SAFE) String mandate,
        Totals totals,
        List<RegionRow> byRegion,
        List<CountryRow> byCountry,
        List<ThemeRow> byTheme,
        List<CountRow> byContactKind,
        List<CountRow> byOrganisationType,
        List<CountRow> byEcosocStatus,
        List<MandateRow> mandates,
        Gaps gaps,
        long graphVersion) {

    /** The same figures, labelled with the date they describe. */
    public CoverageFigures withAsOf(LocalDate date) {
        return new CoverageFigures(date, mandate, totals, byRegion, byCountry, byTheme, byContactKind,
                byOrganisationType, byEcosocStatus, mandates, gaps, graphVersion);
    }

    /** The same figures, labelled with the graph version their data was read at. */
    public CoverageFigures withGraphVersion(long version) {
        return new CoverageFigures(asOf, mandate, totals, byRegion, byCountry, byTheme, byContactKind,
                byOrganisationType, byEcosocStatus, mandates, gaps, version);
    }

    /**
     * @param withoutRegion actors whose country maps to no region (left out of the regional shares)
     * @param mandates      mandates on record (one with {@code ?mandate})
     * @param partnerships  partnerships of the counted mandates
     */
    public record Totals(int contacts, int organisations, int withoutRegion, int mandates, int partnerships) {
    }

    /**
     * @param share               (contacts + organisations in the region) / (all with a region)
     * @param gap                 share − targetShare: negative when the region is below its target
     * @param neededToReachTarget actors to add in the region, others unchanged, to reach the target
     */
    public record RegionRow(Region region, int contacts, int organisations, double share, double targetShare,
                            double gap, int neededToReachTarget) {
    }

    /** @param share of all counted contacts and organisations */
    public record CountryRow(@Sensitivity(SAFE) String country, Region region, int contacts, int organisations, double share) {
    }

    /** @param share of all counted contacts and organisations that carry the theme (shares may sum above 1) */
    public record ThemeRow(@Sensitivity(SAFE) String theme, int contacts, int organisations, double share) {
    }

    /** One value of a contact kind, organisation type or ECOSOC status; share of its contacts or organisations. */
    public record CountRow(@Sensitivity(SAFE) String value, int count, double share) {
    }

    /** A mandate's partners (organisations and contacts with PARTNERS_WITH) and their regions. */
    public record MandateRow(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String title, int partners, int contacts, int organisations,
                             @Sensitivity(SAFE) Map<Region, Integer> partnersByRegion) {
    }

    public record Gaps(int minPartners, List<MandateGap> mandatesBelowMinPartners,
                       List<MandateRegionGap> mandatesWithoutPartnerInRegion,
                       List<ThemeGap> themesWithoutOrganisationInRegion) {
    }

    public record MandateGap(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String title, int partners) {
    }

    /** Regions that matter for the mandate (its own for a country mandate, all five otherwise) without a partner. */
    public record MandateRegionGap(@Sensitivity(SAFE) String id, @Sensitivity(NAME) String title, List<Region> missingRegions) {
    }

    public record ThemeGap(@Sensitivity(SAFE) String theme, List<Region> missingRegions) {
    }
}
