package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 15: a file of many refused rows gets a bounded report (the first 1,000 rows in full, every
 * row counted by reason) and writes nothing.
 */
class ImportBoundsIT extends IntegrationTest {

    private static final int UNKNOWN_COUNTRY = 19_000;
    private static final int BLANK_NAME = 1_000;
    private static final int TIES = 500;

    @Test
    void twentyThousandRefusedRowsAreListedUpToAThousandAndCountedByReasonAndWriteNothing() {
        long versionBefore = http.getForObject("/api/graph/stats", JsonNode.class).get("graphVersion").asLong();
        StringBuilder contacts = new StringBuilder("id,name,kind,country\n");
        for (int i = 0; i < UNKNOWN_COUNTRY + BLANK_NAME; i++) {
            boolean blankName = i % 20 == 19;
            contacts.append("h-").append(i).append(',').append(blankName ? "" : "Person " + i)
                    .append(",DEFENDER,").append(blankName ? "FR" : "XX").append('\n');
        }
        StringBuilder ties = new StringBuilder("type,from,to,trust\n");
        for (int i = 0; i < TIES; i++) {
            ties.append("KNOWS,h-").append(i).append(",h-").append(i + 1).append(",3\n");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("ties.csv", ties.toString());
        files.put("contacts.csv", contacts.toString());

        ResponseEntity<JsonNode> response = importCsv(files);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = response.getBody();
        long total = UNKNOWN_COUNTRY + BLANK_NAME + TIES;
        assertThat(report.get("rejectedTotal").asLong()).isEqualTo(total);
        assertThat(report.get("rejected")).hasSize(1_000);
        // In full, by file then row: contacts.csv comes first, from line 2 (the header is line 1).
        assertThat(report.get("rejected").get(0).get("file").asText()).isEqualTo("contacts.csv");
        assertThat(report.get("rejected").get(0).get("row").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").get(999).get("row").asLong()).isEqualTo(1_001);
        assertThat(report.get("rejected").get(0).get("problems")).isNotEmpty();
        assertThat(report.get("rejectedByReason").get("country: '…' is not an ISO 3166-1 alpha-2 country code").asLong())
                .isEqualTo(UNKNOWN_COUNTRY);
        assertThat(report.get("rejectedByReason").get("name: must not be blank").asLong()).isEqualTo(BLANK_NAME);
        assertThat(report.get("rejectedByReason").get("from: node '…' does not exist").asLong()).isEqualTo(TIES);
        assertThat(sum(report.get("rejectedByReason"))).isEqualTo(total);
        assertThat(report.at("/sections/contacts/received").asLong()).isEqualTo(UNKNOWN_COUNTRY + BLANK_NAME);
        assertThat(report.at("/sections/contacts/rejected").asLong() + report.at("/sections/ties/rejected").asLong())
                .isEqualTo(total);

        JsonNode stats = http.getForObject("/api/graph/stats", JsonNode.class);
        assertThat(stats.at("/nodes/Contact").asLong()).isZero();
        assertThat(stats.at("/ties/KNOWS").asLong()).isZero();
        assertThat(stats.get("graphVersion").asLong()).isEqualTo(versionBefore);
    }

    private ResponseEntity<JsonNode> importCsv(Map<String, String> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        files.forEach((name, content) -> parts.add("file", IntegrationTest.file(name, content)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/import", HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    private static long sum(JsonNode counts) {
        return StreamSupport.stream(counts.spliterator(), false).mapToLong(JsonNode::asLong).sum();
    }
}
