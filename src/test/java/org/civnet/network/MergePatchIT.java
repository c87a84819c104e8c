package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * PATCH with JSON Merge Patch (RFC 7396) on records and introductions: only the fields named change,
 * {@code null} removes one, everything else is kept; the patched record is checked like any body.
 * PUT still replaces.
 */
class MergePatchIT extends IntegrationTest {

    @BeforeEach
    void people() {
        send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[
                  {"id":"me","name":"The Officer","country":"CH","consentToIntroduce":true},
                  {"id":"amira","name":"Amira Haddad","country":"JO","consentToIntroduce":true,
                   "channels":["signal:amira"],"notes":"met at the 2025 consultation","themes":["WOMENS_RIGHTS"]},
                  {"id":"laila","name":"Laila Nassar","country":"LB","consentToIntroduce":true}],
                 "ties":[{"type":"KNOWS","from":"me","to":"amira","trust":4},
                         {"type":"KNOWS","from":"amira","to":"laila","trust":3}]}""");
    }

    private ResponseEntity<JsonNode> patch(TestRestTemplate client, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/merge-patch+json"));
        return client.exchange(path, HttpMethod.PATCH, new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void aPatchChangesOnlyTheFieldsItNames() {
        ResponseEntity<JsonNode> patched = patch(as(Role.OFFICER), "/api/contacts/amira", "{\"kind\":\"JOURNALIST\"}");
        assertThat(patched.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode amira = http.getForObject("/api/contacts/amira", JsonNode.class);
        assertThat(amira.get("kind").asText()).isEqualTo("JOURNALIST");
        assertThat(amira.get("notes").asText()).isEqualTo("met at the 2025 consultation");
        assertThat(amira.get("channels").get(0).asText()).isEqualTo("signal:amira");
        assertThat(amira.get("themes").get(0).asText()).isEqualTo("WOMENS_RIGHTS");

        // null removes a field, and only that one.
        assertThat(patch(http, "/api/contacts/amira", "{\"notes\":null}").getStatusCode()).isEqualTo(HttpStatus.OK);
        amira = http.getForObject("/api/contacts/amira", JsonNode.class);
        assertThat(amira.has("notes")).isFalse();
        assertThat(amira.get("kind").asText()).isEqualTo("JOURNALIST");
    }

    @Test
    void aPatchIsCheckedLikeAnyBodyAndChangesNothingWhenRefused() {
        assertThat(badRequestFields(patch(http, "/api/contacts/amira", "{\"riskLevel\":\"SOMEWHAT\"}"))).contains("riskLevel");
        assertThat(badRequestFields(patch(http, "/api/contacts/amira", "{\"country\":\"XX\"}"))).contains("country");
        assertThat(badRequestFields(patch(http, "/api/contacts/amira", "{\"id\":\"someone-else\"}"))).contains("id");
        assertThat(badRequestFields(patch(http, "/api/contacts/amira", "[1,2]"))).contains("(body)");
        assertThat(http.getForObject("/api/contacts/amira", JsonNode.class).get("country").asText()).isEqualTo("JO");
        assertThat(patch(http, "/api/contacts/nobody", "{\"kind\":\"JOURNALIST\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(patch(as(Role.ANALYST), "/api/contacts/amira", "{\"kind\":\"JOURNALIST\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void markingAnIntroductionMadeKeepsTheNoteAndCreatesTheTie() {
        assertThat(send(as(Role.OFFICER), HttpMethod.POST, "/api/introductions", """
                {"id":"ask-1","introducer":"amira","introduced":"laila","recipient":"me","status":"REQUESTED",
                 "date":"2026-11-20","note":"Amira will ask Laila after the hearing"}""").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        // A PUT replaces: a body with only the status is refused, it does not drop the rest silently.
        assertThat(send(as(Role.OFFICER), HttpMethod.PUT, "/api/introductions/ask-1", "{\"status\":\"MADE\"}")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<JsonNode> made = patch(as(Role.OFFICER), "/api/introductions/ask-1", "{\"status\":\"MADE\"}");
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode introduction = http.getForObject("/api/introductions/ask-1", JsonNode.class);
        assertThat(introduction.get("status").asText()).isEqualTo("MADE");
        assertThat(introduction.get("note").asText()).isEqualTo("Amira will ask Laila after the hearing");
        assertThat(introduction.get("date").asText()).isEqualTo("2026-11-20");
        assertThat(http.getForObject("/api/ties?node=me", JsonNode.class).toString()).contains("laila");

        // A patch that removes the id changes nothing of who it is: no second introduction appears.
        assertThat(patch(as(Role.OFFICER), "/api/introductions/ask-1", "{\"id\":null,\"note\":\"asked again\"}")
                .getBody().get("id").asText()).isEqualTo("ask-1");
        assertThat(http.getForObject("/api/export", JsonNode.class).get("introductions")).hasSize(1);
    }
}
