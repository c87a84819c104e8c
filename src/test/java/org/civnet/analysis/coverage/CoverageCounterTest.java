package org.civnet.analysis.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.civnet.analysis.coverage.CoverageData.Actor;
import org.civnet.analysis.coverage.CoverageData.ActorType;
import org.civnet.analysis.coverage.CoverageData.MandateInfo;
import org.civnet.analysis.coverage.CoverageData.Partnership;
import org.civnet.analysis.coverage.CoverageFigures.CountRow;
import org.civnet.analysis.coverage.CoverageFigures.MandateGap;
import org.civnet.analysis.coverage.CoverageFigures.MandateRegionGap;
import org.civnet.analysis.coverage.CoverageFigures.RegionRow;
import org.civnet.analysis.coverage.CoverageFigures.ThemeGap;
import org.civnet.domain.Region;
import org.junit.jupiter.api.Test;

/**
 * The figures of a hand-counted network (the same as {@code fixtures/coverage-network.json}):
 *
 * <pre>
 * contacts        c1 DEFENDER KE AFRICA [LAND] 2024-01-10     c2 JOURNALIST EG ARAB [FoE] 2024-06-01
 *                 c3 DEFENDER FR ENACA [LAND, WR] 2023-05-01  c4 LAWYER BR LAC [] 2025-02-01
 *                 c5 ACADEMIC FR ENACA [WR] 2023-01-01
 * organisations   o1 NGO_NATIONAL KE AFRICA SPECIAL [LAND] 2024-03-01
 *                 o2 NHRI TH ASIA_PACIFIC NONE [WR] 2023-02-01
 *                 o3 NGO_INTERNATIONAL CH ENACA GENERAL [LAND, WR] 2022-01-01
 * mandates        m1 thematic [DEFENDERS] 2022-01-01; m2 country MM (ASIA_PACIFIC) 2023-01-01; m3 thematic [FoE] 2025-01-01
 * partnerships    o1→m1 2024-04-01, c3→m1 2023-06-01, o3→m1 (no date), o2→m2 2023-03-01, c2→m3 2025-03-01
 * </pre>
 */
class CoverageCounterTest {

    static final Map<Region, Double> BASELINE = Map.of(Region.ENACA, 0.32, Region.ASIA_PACIFIC, 0.22,
            Region.LATIN_AMERICA_CARIBBEAN, 0.21, Region.AFRICA, 0.12, Region.ARAB_REGION, 0.13);
    private static final double TOLERANCE = 1e-9;

    static CoverageData fixture() {
        return new CoverageData(List.of(
                contact("c1", "KE", Region.AFRICA, List.of("LAND"), "DEFENDER", "2024-01-10"),
                contact("c2", "EG", Region.ARAB_REGION, List.of("FREEDOM_OF_EXPRESSION"), "JOURNALIST", "2024-06-01"),
                contact("c3", "FR", Region.ENACA, List.of("LAND", "WOMENS_RIGHTS"), "DEFENDER", "2023-05-01"),
                contact("c4", "BR", Region.LATIN_AMERICA_CARIBBEAN, List.of(), "LAWYER", "2025-02-01"),
                contact("c5", "FR", Region.ENACA, List.of("WOMENS_RIGHTS"), "ACADEMIC", "2023-01-01"),
                organisation("o1", "KE", Region.AFRICA, List.of("LAND"), "NGO_NATIONAL", "SPECIAL", "2024-03-01"),
                organisation("o2", "TH", Region.ASIA_PACIFIC, List.of("WOMENS_RIGHTS"), "NHRI", "NONE", "2023-02-01"),
                organisation("o3", "CH", Region.ENACA, List.of("LAND", "WOMENS_RIGHTS"), "NGO_INTERNATIONAL", "GENERAL",
                        "2022-01-01")),
                List.of(new MandateInfo("m1", "SR on defenders", null, List.of("DEFENDERS"), day("2022-01-01")),
                        new MandateInfo("m2", "SR on Myanmar", Region.ASIA_PACIFIC, List.of(), day("2023-01-01")),
                        new MandateInfo("m3", "SR on expression", null, List.of("FREEDOM_OF_EXPRESSION"), day("2025-01-01"))),
                List.of(new Partnership("o1", "m1", day("2024-04-01")), new Partnership("c3", "m1", day("2023-06-01")),
                        new Partnership("o3", "m1", null), new Partnership("o2", "m2", day("2023-03-01")),
                        new Partnership("c2", "m3", day("2025-03-01"))));
    }

    @Test
    void theWholeNetworkNow() {
        CoverageFigures f = new CoverageCounter(fixture(), BASELINE, 3).count(null, null);

        assertThat(f.asOf()).isNull();
        assertThat(f.totals()).isEqualTo(new CoverageFigures.Totals(5, 3, 0, 3, 5));
        // 8 actors: ENACA c3 c5 o3, ASIA o2, LAC c4, AFRICA c1 o1, ARAB c2.
        assertRegion(f, Region.ENACA, 2, 1, 3 / 8.0, 0.32, 0);
        assertRegion(f, Region.ASIA_PACIFIC, 0, 1, 1 / 8.0, 0.22, 1);          // 2/9 = 0.222 ≥ 0.22
        assertRegion(f, Region.LATIN_AMERICA_CARIBBEAN, 1, 0, 1 / 8.0, 0.21, 1);
        assertRegion(f, Region.AFRICA, 1, 1, 2 / 8.0, 0.12, 0);
        assertRegion(f, Region.ARAB_REGION, 1, 0, 1 / 8.0, 0.13, 1);          // 0.125 is just below 0.13
        assertThat(f.byRegion()).extracting(RegionRow::region).containsExactly(Region.values());

        assertThat(f.byCountry()).extracting(r -> r.country() + ":" + r.contacts() + "+" + r.organisations())
                .containsExactly("FR:2+0", "KE:1+1", "BR:1+0", "CH:0+1", "EG:1+0", "TH:0+1");
        assertThat(f.byCountry().get(0).share()).isCloseTo(0.25, within(TOLERANCE));
        assertThat(f.byCountry().get(0).region()).isEqualTo(Region.ENACA);
        assertThat(f.byTheme()).extracting(r -> r.theme() + ":" + r.contacts() + "+" + r.organisations())
                .containsExactly("LAND:2+2", "WOMENS_RIGHTS:2+2", "FREEDOM_OF_EXPRESSION:1+0");
        assertThat(f.byTheme().get(2).share()).isCloseTo(0.125, within(TOLERANCE));

        assertThat(count(f.byContactKind(), "DEFENDER")).isEqualTo(new CountRow("DEFENDER", 2, 0.4));
        assertThat(count(f.byContactKind(), "VICTIM")).isEqualTo(new CountRow("VICTIM", 0, 0.0));
        assertThat(f.byContactKind()).hasSize(9);
        assertThat(count(f.byOrganisationType(), "NHRI").count()).isEqualTo(1);
        assertThat(count(f.byOrganisationType(), "NHRI").share()).isCloseTo(1 / 3.0, within(TOLERANCE));
        assertThat(f.byEcosocStatus()).extracting(r -> r.value() + ":" + r.count())
                .containsExactly("GENERAL:1", "SPECIAL:1", "ROSTER:0", "NONE:1");

        assertThat(f.mandates()).extracting(m -> m.id() + ":" + m.partners() + "=" + m.contacts() + "+" + m.organisations())
                .containsExactly("m1:3=1+2", "m2:1=0+1", "m3:1=1+0");
        assertThat(f.mandates().get(0).partnersByRegion()).containsEntry(Region.ENACA, 2).containsEntry(Region.AFRICA, 1)
                .containsEntry(Region.ARAB_REGION, 0);

        assertThat(f.gaps().minPartners()).isEqualTo(3);
        assertThat(f.gaps().mandatesBelowMinPartners()).containsExactly(
                new MandateGap("m2", "SR on Myanmar", 1), new MandateGap("m3", "SR on expression", 1));
        // m2 is a country mandate: only its own region (Asia-Pacific) is expected, and it has a partner there.
        assertThat(f.gaps().mandatesWithoutPartnerInRegion()).containsExactly(
                new MandateRegionGap("m1", "SR on defenders",
                        List.of(Region.ASIA_PACIFIC, Region.LATIN_AMERICA_CARIBBEAN, Region.ARAB_REGION)),
                new MandateRegionGap("m3", "SR on expression",
                        List.of(Region.ENACA, Region.ASIA_PACIFIC, Region.LATIN_AMERICA_CARIBBEAN, Region.AFRICA)));
        assertThat(f.gaps().themesWithoutOrganisationInRegion()).containsExactly(
                new ThemeGap("DEFENDERS", List.of(Region.values())),
                new ThemeGap("FREEDOM_OF_EXPRESSION", List.of(Region.values())),
                new ThemeGap("LAND", List.of(Region.ASIA_PACIFIC, Region.LATIN_AMERICA_CARIBBEAN, Region.ARAB_REGION)),
                new ThemeGap("WOMENS_RIGHTS", List.of(Region.LATIN_AMERICA_CARIBBEAN, Region.AFRICA, Region.ARAB_REGION)));
    }

    @Test
    void asOfTheEndOf2023OnlyWhatWasRecordedThenCounts() {
        CoverageFigures f = new CoverageCounter(fixture(), BASELINE, 3).count(day("2023-12-31"), null);

        assertThat(f.asOf()).isEqualTo(day("2023-12-31"));
        // c3, c5, o2, o3; m1, m2; c3→m1, o3→m1 (no date, both ends on record), o2→m2.
        assertThat(f.totals()).isEqualTo(new CoverageFigures.Totals(2, 2, 0, 2, 3));
        assertRegion(f, Region.ENACA, 2, 1, 0.75, 0.32, 0);
        assertRegion(f, Region.ASIA_PACIFIC, 0, 1, 0.25, 0.22, 0);
        assertRegion(f, Region.LATIN_AMERICA_CARIBBEAN, 0, 0, 0.0, 0.21, 2);   // 1/5 = 0.20 < 0.21, 2/6 ≥ 0.21
        assertRegion(f, Region.AFRICA, 0, 0, 0.0, 0.12, 1);
        assertRegion(f, Region.ARAB_REGION, 0, 0, 0.0, 0.13, 1);
        assertThat(f.mandates()).extracting(m -> m.id() + ":" + m.partners()).containsExactly("m1:2", "m2:1");
        assertThat(f.gaps().mandatesBelowMinPartners()).extracting(MandateGap::id).containsExactly("m2", "m1");
        assertThat(f.gaps().mandatesWithoutPartnerInRegion()).extracting(MandateRegionGap::id).containsExactly("m1");
        assertThat(f.gaps().themesWithoutOrganisationInRegion()).containsExactly(
                new ThemeGap("DEFENDERS", List.of(Region.values())),
                new ThemeGap("LAND", List.of(Region.ASIA_PACIFIC, Region.LATIN_AMERICA_CARIBBEAN, Region.AFRICA,
                        Region.ARAB_REGION)),
                new ThemeGap("WOMENS_RIGHTS", List.of(Region.LATIN_AMERICA_CARIBBEAN, Region.AFRICA, Region.ARAB_REGION)));
        assertThat(f.byTheme()).extracting(r -> r.theme() + ":" + r.contacts() + "+" + r.organisations())
                .containsExactly("WOMENS_RIGHTS:2+2", "LAND:1+1");
    }

    @Test
    void aPartnershipCountsFromItsStartDate() {
        // o1 is on record from 2024-03-01 but partners m1 only from 2024-04-01.
        CoverageCounter counter = new CoverageCounter(fixture(), BASELINE, 3);
        assertThat(counter.count(day("2024-03-15"), null).mandates().get(0).partners()).isEqualTo(2);
        assertThat(counter.count(day("2024-04-01"), null).mandates().get(0).partners()).isEqualTo(3);
    }

    @Test
    void oneMandateCountsItsPartnersOnly() {
        CoverageFigures f = new CoverageCounter(fixture(), BASELINE, 3).count(null, "m1");

        assertThat(f.mandate()).isEqualTo("m1");
        assertThat(f.totals()).isEqualTo(new CoverageFigures.Totals(1, 2, 0, 1, 3));
        assertRegion(f, Region.ENACA, 1, 1, 2 / 3.0, 0.32, 0);
        assertRegion(f, Region.AFRICA, 0, 1, 1 / 3.0, 0.12, 0);
        assertRegion(f, Region.ARAB_REGION, 0, 0, 0.0, 0.13, 1);
        assertThat(f.mandates()).extracting(CoverageFigures.MandateRow::id).containsExactly("m1");
        assertThat(f.gaps().mandatesBelowMinPartners()).isEmpty();
        assertThat(f.gaps().themesWithoutOrganisationInRegion()).containsExactly(
                new ThemeGap("DEFENDERS", List.of(Region.values())),
                new ThemeGap("LAND", List.of(Region.ASIA_PACIFIC, Region.LATIN_AMERICA_CARIBBEAN, Region.ARAB_REGION)),
                new ThemeGap("WOMENS_RIGHTS", List.of(Region.ASIA_PACIFIC, Region.LATIN_AMERICA_CARIBBEAN,
                        Region.AFRICA, Region.ARAB_REGION)));
    }

    @Test
    void aCountryMandateIsOnlyExpectedInItsOwnRegion() {
        CoverageFigures f = new CoverageCounter(fixture(), BASELINE, 3).count(null, "m2");
        assertThat(f.totals().organisations()).isEqualTo(1);
        assertThat(f.gaps().mandatesWithoutPartnerInRegion()).isEmpty();
        assertThat(f.gaps().themesWithoutOrganisationInRegion()).isEmpty();
        assertThat(f.gaps().mandatesBelowMinPartners()).containsExactly(new MandateGap("m2", "SR on Myanmar", 1));
    }

    @Test
    void aMandateRecordedAfterTheDateHasNoPartnersYet() {
        CoverageFigures f = new CoverageCounter(fixture(), BASELINE, 3).count(day("2024-12-31"), "m3");
        assertThat(f.totals()).isEqualTo(new CoverageFigures.Totals(0, 0, 0, 0, 0));
        assertThat(f.byRegion()).allSatisfy(r -> assertThat(r.share()).isZero());
    }

    @Test
    void anEmptyNetworkHasZeroSharesAndNeedsOneActorPerRegion() {
        CoverageFigures f = new CoverageCounter(new CoverageData(List.of(), List.of(), List.of()), BASELINE, 3)
                .count(null, null);
        assertThat(f.byRegion()).allSatisfy(r -> {
            assertThat(r.share()).isZero();
            assertThat(r.gap()).isCloseTo(-r.targetShare(), within(TOLERANCE));
            assertThat(r.neededToReachTarget()).isEqualTo(1);
        });
        assertThat(f.gaps().themesWithoutOrganisationInRegion()).isEmpty();
        assertThat(f.mandates()).isEmpty();
    }

    @Test
    void actorsWithoutRegionAreCountedButLeftOutOfTheRegionalShares() {
        CoverageData data = new CoverageData(List.of(contact("a", "FR", Region.ENACA, List.of(), "OTHER", null),
                contact("b", "ZZ", null, List.of(), "OTHER", null)), List.of(), List.of());
        CoverageFigures f = new CoverageCounter(data, BASELINE, 3).count(day("2000-01-01"), null);
        assertThat(f.totals().contacts()).isEqualTo(2);         // undated records always count
        assertThat(f.totals().withoutRegion()).isEqualTo(1);
        assertRegion(f, Region.ENACA, 1, 0, 1.0, 0.32, 0);
        assertThat(f.byCountry()).extracting(CoverageFigures.CountryRow::share).containsExactly(0.5, 0.5);
    }

    @Test
    void neededToReachTargetIsTheSmallestSufficientNumber() {
        assertThat(CoverageCounter.needed(12, 100, 0.12)).isZero();
        assertThat(CoverageCounter.needed(11, 100, 0.12)).isEqualTo(2);   // 12/101 = 0.1188, 13/102 = 0.1275
        assertThat(CoverageCounter.needed(0, 0, 0.2)).isEqualTo(1);
        assertThat(CoverageCounter.needed(0, 10, 0.0)).isZero();
        assertThat(CoverageCounter.needed(5, 10, 1.0)).isZero();
        for (int n = 0; n <= 30; n++) {
            for (int total = n; total <= 60; total += 7) {
                int x = CoverageCounter.needed(n, total, 0.13);
                assertThat((n + x) / (double) (total + x)).as(n + "/" + total).isGreaterThanOrEqualTo(0.13 - 1e-12);
                if (x > 0 && total + x - 1 > 0) {
                    assertThat((n + x - 1) / (double) (total + x - 1)).isLessThan(0.13);
                }
            }
        }
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new CoverageCounter(null, BASELINE, 3)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CoverageCounter(fixture(), Map.of(Region.AFRICA, 1.5), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CoverageCounter(fixture(), BASELINE, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRegion(CoverageFigures f, Region region, int contacts, int organisations, double share,
                                     double target, int needed) {
        RegionRow row = f.byRegion().stream().filter(r -> r.region() == region).findFirst().orElseThrow();
        assertThat(row.contacts()).as(region + " contacts").isEqualTo(contacts);
        assertThat(row.organisations()).as(region + " organisations").isEqualTo(organisations);
        assertThat(row.share()).as(region + " share").isCloseTo(share, within(TOLERANCE));
        assertThat(row.targetShare()).as(region + " target").isCloseTo(target, within(TOLERANCE));
        assertThat(row.gap()).as(region + " gap").isCloseTo(share - target, within(TOLERANCE));
        assertThat(row.neededToReachTarget()).as(region + " needed").isEqualTo(needed);
    }

    private static CountRow count(List<CountRow> rows, String value) {
        return rows.stream().filter(r -> r.value().equals(value)).findFirst().orElseThrow();
    }

    private static Actor contact(String id, String country, Region region, List<String> themes, String kind, String day) {
        return new Actor(id, ActorType.CONTACT, country, region, themes, kind, null, day == null ? null : day(day));
    }

    private static Actor organisation(String id, String country, Region region, List<String> themes, String type,
                                      String ecosoc, String day) {
        return new Actor(id, ActorType.ORGANISATION, country, region, themes, type, ecosoc, day(day));
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
