package org.civnet.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The retention review's boundaries: what counts as a sign of life, and the day the cut falls on. */
class RetentionIT extends IntegrationTest {

    /** As of 1 June 2026, three years: the cut is 1 June 2023; a last sign of life before it is listed. */
    private static final String REVIEW = "/api/retention/review?asOf=2026-06-01&years=3";

    @Test
    void contactsWithoutAnySignOfLifeSinceTheCutAreListedOldestFirstAndNothingIsDeleted() {
        String network = """
                {"contacts": [
                  {"id": "r-never", "name": "Never Since 2018", "country": "KE", "createdAt": "2018-01-01T00:00:00Z", "updatedAt": "2018-01-01T00:00:00Z"},
                  {"id": "r-day-before", "name": "Updated The Day Before", "country": "KE", "createdAt": "2019-01-01T00:00:00Z", "updatedAt": "2023-05-31T23:59:59Z"},
                  {"id": "r-on-the-day", "name": "Updated On The Day", "country": "KE", "createdAt": "2019-01-01T00:00:00Z", "updatedAt": "2023-06-01T00:00:00Z"},
                  {"id": "r-tie", "name": "Old Record Recent Tie", "country": "KE", "createdAt": "2019-01-01T00:00:00Z", "updatedAt": "2019-01-01T00:00:00Z"},
                  {"id": "r-training", "name": "Old Record Recent Training", "country": "KE", "createdAt": "2019-01-01T00:00:00Z", "updatedAt": "2019-01-01T00:00:00Z"},
                  {"id": "r-introduced", "name": "Old Record Recent Introduction", "country": "KE", "createdAt": "2019-01-01T00:00:00Z", "updatedAt": "2019-01-01T00:00:00Z"},
                  {"id": "r-old-tie", "name": "Old Record Old Tie", "country": "KE", "createdAt": "2019-01-01T00:00:00Z", "updatedAt": "2019-01-01T00:00:00Z"}
                ],
                "trainings": [{"id": "t-2023", "title": "A training", "date": "2023-07-01", "createdAt": "2019-01-01T00:00:00Z", "updatedAt": "2019-01-01T00:00:00Z"}],
                "ties": [
                  {"type": "KNOWS", "from": "r-tie", "to": "r-introduced", "trust": 3, "since": "2019-01-01", "lastContact": "2024-02-01"},
                  {"type": "KNOWS", "from": "r-old-tie", "to": "r-never", "trust": 3, "since": "2018-01-01", "lastContact": "2020-02-01"},
                  {"type": "ATTENDED", "from": "r-training", "to": "t-2023"}
                ],
                "introductions": [{"id": "i-r", "introducer": "r-tie", "introduced": "r-introduced", "recipient": "r-training",
                                   "status": "MADE", "date": "2025-01-10"}]}
                """;
        assertThat(send(http, HttpMethod.POST, "/api/import", network).getBody().get("rejected")).isEmpty();

        JsonNode review = http.getForObject(REVIEW, JsonNode.class);
        assertThat(review.get("cutoff").asText()).isEqualTo("2023-06-01");
        assertThat(ids(review)).containsExactly("r-never", "r-old-tie", "r-day-before");
        assertThat(review.get("total").asLong()).isEqualTo(3);
        assertThat(review.get("items").get(0).get("lastActivity").asText()).isEqualTo("2020-02-01");
        assertThat(review.get("items").get(1).get("lastActivity").asText()).isEqualTo("2020-02-01");
        assertThat(review.get("items").get(2).get("lastActivity").asText()).isEqualTo("2023-05-31");
        assertThat(review.get("items").get(2).get("name").asText()).isEqualTo("Updated The Day Before");

        // A day later the one updated on the day falls out of time too; with five years only the oldest are.
        assertThat(ids(http.getForObject("/api/retention/review?asOf=2026-06-02&years=3", JsonNode.class)))
                .containsExactly("r-never", "r-old-tie", "r-day-before", "r-on-the-day");
        assertThat(ids(http.getForObject("/api/retention/review?asOf=2026-06-01&years=5", JsonNode.class)))
                .containsExactly("r-never", "r-old-tie");
        // Pages.
        JsonNode second = http.getForObject(REVIEW + "&size=2&page=1", JsonNode.class);
        assertThat(ids(second)).containsExactly("r-day-before");
        assertThat(second.get("total").asLong()).isEqualTo(3);

        // Listed, never deleted.
        assertThat(send(http, HttpMethod.GET, "/api/contacts/r-never", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theReviewIsForAdministratorsAndOfficersWithItsLimitsNamed() {
        assertThat(send(as(Role.OFFICER), HttpMethod.GET, REVIEW, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(as(Role.ANALYST), HttpMethod.GET, REVIEW, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(as(Role.REPORTS), HttpMethod.GET, REVIEW, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> zero = send(http, HttpMethod.GET, "/api/retention/review?years=0", null);
        assertThat(zero.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badRequestFields(zero)).containsExactly("years");
        // The default span is the configured one (3 years).
        assertThat(http.getForObject("/api/retention/review", JsonNode.class).get("years").asInt()).isEqualTo(3);
    }

    private static List<String> ids(JsonNode review) {
        List<String> ids = new ArrayList<>();
        review.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
