package org.civnet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every CSV report ends each row with {@code graphVersion}, {@code scope} and {@code pseudonymised}:
 * read with a CSV parser (as pandas' {@code read_csv} reads it), the graph version is the one
 * {@code /api/graph/stats} gives, the flag says whether the role saw pseudonyms.
 */
class CsvProvenanceIT extends IntegrationTest {

    private static final List<String> REPORTS = List.of(
            "/api/reports/centrality?format=csv&metric=betweenness",
            "/api/reports/coverage?format=csv&mandate=m1",
            "/api/handover?format=csv&mandate=m1");

    private void network() {
        JsonNode report = send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[{"id":"a","name":"Plain A","country":"FR"},
                             {"id":"b","name":"Secret Source","country":"FR","confidential":true},
                             {"id":"c","name":"Plain, C","country":"KE"}],
                 "mandates":[{"id":"m1","title":"Mandate one","kind":"THEMATIC","holderType":"SPECIAL_RAPPORTEUR"}],
                 "ties":[{"type":"KNOWS","from":"a","to":"b","trust":3},{"type":"KNOWS","from":"b","to":"c","trust":3},
                         {"type":"PARTNERS_WITH","from":"a","to":"m1"},{"type":"PARTNERS_WITH","from":"b","to":"m1"}]}
                """).getBody();
        assertThat(report.get("rejected")).as(String.valueOf(report)).isEmpty();
    }

    private static List<Map<String, String>> rows(String csv) throws Exception {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }

    private List<Map<String, String>> csvAs(Role role, String path) throws Exception {
        ResponseEntity<String> response = as(role).getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(role + " " + path).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<Map<String, String>> rows = rows(response.getBody());
        assertThat(response.getBody().split("\r\n")[0]).endsWith(",graphVersion,scope,pseudonymised");
        assertThat(rows).as(path).isNotEmpty();
        return rows;
    }

    @Test
    void everyCsvReportSaysItsGraphVersionScopeAndWhetherItIsPseudonymised() throws Exception {
        network();
        long version = http.getForObject("/api/graph/stats", JsonNode.class).get("graphVersion").asLong();
        for (String path : REPORTS) {
            for (Role role : List.of(Role.ADMIN, Role.OFFICER, Role.ANALYST)) {
                List<Map<String, String>> rows = csvAs(role, path);
                String pseudonymised = String.valueOf(!role.hasClearance());
                for (Map<String, String> row : rows) {
                    assertThat(row.get("graphVersion")).as(role + " " + path).isEqualTo(String.valueOf(version));
                    assertThat(row.get("pseudonymised")).as(role + " " + path).isEqualTo(pseudonymised);
                    assertThat(row.get("scope")).as(role + " " + path).isNotBlank();
                }
                String all = rows.toString();
                if (role.hasClearance()) {
                    assertThat(all).as(path).doesNotContain("anon-");
                } else {
                    assertThat(all).as(path).doesNotContain("Secret Source");
                }
            }
        }
        // REPORTS, the role made for report consumers, reads both reports pseudonymised.
        for (String path : REPORTS.subList(0, 2)) {
            assertThat(csvAs(Role.REPORTS, path)).allSatisfy(row -> assertThat(row.get("pseudonymised")).isEqualTo("true"));
        }
        // The scope says what the rows cover.
        assertThat(csvAs(Role.ANALYST, REPORTS.get(0)).get(0).get("scope"))
                .isEqualTo(http.getForObject("/api/reports/centrality?metric=betweenness", JsonNode.class).get("scope").asText())
                .startsWith("nodes=");
        assertThat(csvAs(Role.ADMIN, REPORTS.get(1)).get(0).get("scope")).startsWith("mandate=m1 asOf=");
        assertThat(csvAs(Role.ADMIN, REPORTS.get(2)).get(0).get("scope")).isEqualTo("mandate=m1");
        assertThat(csvAs(Role.ADMIN, "/api/handover?format=csv&officer=admin").get(0).get("scope")).isEqualTo("officer=admin");

        // After a write, the next file names the new version, as the JSON does.
        send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"KNOWS\",\"from\":\"a\",\"to\":\"c\",\"trust\":2}");
        long after = http.getForObject("/api/graph/stats", JsonNode.class).get("graphVersion").asLong();
        assertThat(after).isGreaterThan(version);
        for (String path : REPORTS) {
            assertThat(csvAs(Role.ANALYST, path)).allSatisfy(row -> assertThat(row.get("graphVersion")).isEqualTo(String.valueOf(after)));
        }
        assertThat(http.getForObject("/api/reports/coverage", JsonNode.class).get("graphVersion").asLong()).isEqualTo(after);
        assertThat(http.getForObject("/api/handover?mandate=m1", JsonNode.class).get("graphVersion").asLong()).isEqualTo(after);
    }
}
