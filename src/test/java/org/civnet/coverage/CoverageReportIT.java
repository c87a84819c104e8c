package org.civnet.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The coverage report over HTTP on the hand-counted network of {@code CoverageCounterTest}
 * (fixtures/coverage-network.json): the same figures, read from Neo4j, now and as of a past date.
 */
class CoverageReportIT extends IntegrationTest {

    @BeforeEach
    void network() {
        assertThat(send(http, HttpMethod.POST, "/api/import", Fixtures.COVERAGE).getBody().get("rejected")).isEmpty();
    }

    @Test
    void regionalSharesAgainstTheSeedsBaselineNow() {
        JsonNode report = http.getForObject("/api/reports/coverage", JsonNode.class);
        assertThat(report.get("asOf").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(report.has("mandate")).isFalse();
        JsonNode byRegion = report.get("byRegion");
        assertThat(byRegion).extracting(r -> r.get("region").asText() + ":" + r.get("contacts").asInt() + "+"
                        + r.get("organisations").asInt())
                .containsExactly("ENACA:2+1", "ASIA_PACIFIC:0+1", "LATIN_AMERICA_CARIBBEAN:1+0", "AFRICA:1+1", "ARAB_REGION:1+0");
        double[] shares = {3 / 8.0, 1 / 8.0, 1 / 8.0, 2 / 8.0, 1 / 8.0};
        double[] targets = {0.32, 0.22, 0.21, 0.12, 0.13};
        for (int i = 0; i < 5; i++) {
            assertThat(byRegion.get(i).get("share").asDouble()).isCloseTo(shares[i], within(1e-9));
            assertThat(byRegion.get(i).get("targetShare").asDouble()).isCloseTo(targets[i], within(1e-9));
            assertThat(byRegion.get(i).get("gap").asDouble()).isCloseTo(shares[i] - targets[i], within(1e-9));
        }
        assertThat(byRegion.get(4).get("neededToReachTarget").asInt()).isEqualTo(1);
        assertThat(report.get("totals").toString()).isEqualTo(
                "{\"contacts\":5,\"organisations\":3,\"withoutRegion\":0,\"mandates\":3,\"partnerships\":5}");
        assertThat(report.get("byCountry").get(0).get("country").asText()).isEqualTo("FR");
        assertThat(report.get("byTheme").get(0).get("theme").asText()).isEqualTo("LAND");
        assertThat(report.get("byEcosocStatus")).extracting(r -> r.get("value").asText() + ":" + r.get("count").asInt())
                .containsExactly("GENERAL:1", "SPECIAL:1", "ROSTER:0", "NONE:1");
        assertThat(report.get("byOrganisationType").toString()).contains("{\"value\":\"NHRI\",\"count\":1,");
        JsonNode gaps = report.get("gaps");
        assertThat(gaps.get("minPartners").asInt()).isEqualTo(3);
        assertThat(gaps.get("mandatesBelowMinPartners")).extracting(g -> g.get("id").asText() + ":" + g.get("partners").asInt())
                .containsExactly("m2:1", "m3:1");
        assertThat(gaps.get("mandatesWithoutPartnerInRegion")).extracting(g -> g.get("id").asText() + ":" + g.get("missingRegions"))
                .containsExactly("m1:[\"ASIA_PACIFIC\",\"LATIN_AMERICA_CARIBBEAN\",\"ARAB_REGION\"]",
                        "m3:[\"ENACA\",\"ASIA_PACIFIC\",\"LATIN_AMERICA_CARIBBEAN\",\"AFRICA\"]");
        assertThat(gaps.get("themesWithoutOrganisationInRegion")).extracting(g -> g.get("theme").asText())
                .containsExactly("DEFENDERS", "FREEDOM_OF_EXPRESSION", "LAND", "WOMENS_RIGHTS");
        assertThat(report.get("mandates").get(0).get("partnersByRegion").get("ENACA").asInt()).isEqualTo(2);
        // minPartners can be asked for.
        assertThat(http.getForObject("/api/reports/coverage?minPartners=1", JsonNode.class).get("gaps")
                .get("mandatesBelowMinPartners")).isEmpty();
    }

    @Test
    void asOfAPastDateCountsWhatWasOnRecordThen() {
        JsonNode report = http.getForObject("/api/reports/coverage?asOf=2023-12-31", JsonNode.class);
        assertThat(report.get("asOf").asText()).isEqualTo("2023-12-31");
        assertThat(report.get("totals").toString()).isEqualTo(
                "{\"contacts\":2,\"organisations\":2,\"withoutRegion\":0,\"mandates\":2,\"partnerships\":3}");
        assertThat(report.get("byRegion")).extracting(r -> r.get("region").asText() + ":" + r.get("share").asDouble()
                        + ":" + r.get("neededToReachTarget").asInt())
                .containsExactly("ENACA:0.75:0", "ASIA_PACIFIC:0.25:0", "LATIN_AMERICA_CARIBBEAN:0.0:2", "AFRICA:0.0:1",
                        "ARAB_REGION:0.0:1");
        assertThat(report.get("gaps").get("mandatesBelowMinPartners")).extracting(g -> g.get("id").asText())
                .containsExactly("m2", "m1");
        // o1 joined on 2024-03-01 but became m1's partner on 2024-04-01.
        assertThat(partnersOfM1("2024-03-15")).isEqualTo(2);
        assertThat(partnersOfM1("2024-04-01")).isEqualTo(3);
        // The progress since then, for "enlarging the network in Africa and the Arab region".
        JsonNode now = http.getForObject("/api/reports/coverage", JsonNode.class);
        assertThat(now.get("byRegion").get(3).get("share").asDouble()).isGreaterThan(report.get("byRegion").get(3).get("share").asDouble());
    }

    @Test
    void oneMandatesPartners() {
        JsonNode report = http.getForObject("/api/reports/coverage?mandate=m1", JsonNode.class);
        assertThat(report.get("mandate").asText()).isEqualTo("m1");
        assertThat(report.get("totals").get("contacts").asInt()).isEqualTo(1);
        assertThat(report.get("totals").get("organisations").asInt()).isEqualTo(2);
        assertThat(report.get("byRegion").get(0).get("share").asDouble()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(report.get("mandates")).hasSize(1);
        JsonNode country = http.getForObject("/api/reports/coverage?mandate=m2", JsonNode.class);
        assertThat(country.get("gaps").get("mandatesWithoutPartnerInRegion")).isEmpty();
        assertThat(send(http, HttpMethod.GET, "/api/reports/coverage?mandate=m-none", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(http, HttpMethod.GET, "/api/reports/coverage?mandate=c1", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void csvByFormatOrAcceptWithFormulasNeutralised() {
        String csv = http.getForObject("/api/reports/coverage?format=csv&asOf=2026-01-01", String.class);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("section,key,region,contacts,organisations,count,share,targetShare,gap,neededToReachTarget,detail"
                + ",graphVersion,scope,pseudonymised");
        long version = http.getForObject("/api/graph/stats", JsonNode.class).get("graphVersion").asLong();
        String provenance = "," + version + ",whole network asOf=2026-01-01 minPartners=3,false";
        assertThat(lines[1]).isEqualTo("asOf,2026-01-01,,,,,,,,,whole network" + provenance);
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).as("every row says what it describes").endsWith(provenance);
        }
        assertThat(lines[2]).startsWith("region,ENACA,ENACA,2,1,3,0.375,0.32,0.05");
        assertThat(csv).contains("\r\nregion,AFRICA,AFRICA,1,1,2,0.25,0.12,0.13")
                .contains("\r\nmandateBelowMinPartners,m3,,,,1,,,,,'=cmd|' /C calc'!A0" + provenance + "\r\n")
                .contains("\r\nmandateWithoutPartnerInRegion,m1,ARAB_REGION,")
                .contains("\r\nthemeWithoutOrganisationInRegion,LAND,ARAB_REGION,")
                .contains("\r\necosocStatus,ROSTER,,,,0,0.0,")
                .doesNotContain(",=cmd");
        HttpHeaders accept = new HttpHeaders();
        accept.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<String> negotiated = http.exchange("/api/reports/coverage?asOf=2026-01-01", HttpMethod.GET,
                new HttpEntity<>(accept), String.class);
        assertThat(negotiated.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(negotiated.getBody()).isEqualTo(csv);
        // Redacted for roles without clearance (nothing here is protected, so the figures are the same), and
        // every row says so.
        assertThat(as(Role.REPORTS).getForObject("/api/reports/coverage?format=csv&asOf=2026-01-01", String.class))
                .isEqualTo(csv.replace(",false\r\n", ",true\r\n"));
        assertThat(send(http, HttpMethod.GET, "/api/reports/coverage?format=xml", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void everyRoleMayReadItAndBadParametersAre400() {
        for (Role role : Role.values()) {
            assertThat(send(as(role), HttpMethod.GET, "/api/reports/coverage", null).getStatusCode()).as(role.name())
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(send(anonymous, HttpMethod.GET, "/api/reports/coverage", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String query : List.of("asOf=yesterday", "asOf=2024-13-01", "minPartners=-1", "minPartners=x")) {
            assertThat(send(http, HttpMethod.GET, "/api/reports/coverage?" + query, null).getStatusCode()).as(query)
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(http.getForObject("/api/audit?action=ANALYSIS", JsonNode.class).toString()).contains("coverage report");
    }

    @Test
    void aWriteIsSeenByTheNextReport() {
        JsonNode before = http.getForObject("/api/reports/coverage", JsonNode.class).get("byRegion").get(4);
        send(http, HttpMethod.POST, "/api/organisations", "{\"name\":\"New Arab organisation\",\"country\":\"MA\",\"themes\":[\"LAND\"]}");
        JsonNode report = http.getForObject("/api/reports/coverage", JsonNode.class);
        JsonNode after = report.get("byRegion").get(4);
        assertThat(after.get("organisations").asInt()).isEqualTo(before.get("organisations").asInt() + 1);
        assertThat(after.get("share").asDouble()).isCloseTo(2 / 9.0, within(1e-9));
        List<String> landGaps = new ArrayList<>();
        report.get("gaps").get("themesWithoutOrganisationInRegion").forEach(g -> {
            if (g.get("theme").asText().equals("LAND")) {
                g.get("missingRegions").forEach(r -> landGaps.add(r.asText()));
            }
        });
        assertThat(landGaps).containsExactly("ASIA_PACIFIC", "LATIN_AMERICA_CARIBBEAN");
    }

    private int partnersOfM1(String asOf) {
        return http.getForObject("/api/reports/coverage?asOf=" + asOf, JsonNode.class).get("mandates").get(0).get("partners").asInt();
    }
}
