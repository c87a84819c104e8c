package org.civnet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A role without clearance names a protected person by the pseudonym it was shown, wherever an id
 * is expected; the answer stays pseudonymised, the resolution is audited, and neither a cleared role
 * nor a guess gains anything: for ADMIN a pseudonym is an unknown id, and a protected person's real
 * id still names nobody for an analyst. c-7 (Zyxwa Qorvath) is confidential; c-8 is at HIGH risk.
 */
class PseudonymIdsIT extends IntegrationTest {

    private static final List<String> SECRETS = List.of("zyxwa", "qorvath", "c-7", "c-8", "hidden.example");

    @BeforeEach
    void network() {
        JsonNode report = send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[
                  {"id":"c-1","name":"Hana Officer","kind":"UN_STAFF","country":"CH","consentToIntroduce":true},
                  {"id":"c-2","name":"Amal Open","country":"LY","consentToIntroduce":true},
                  {"id":"c-3","name":"Basma Target","country":"TN","consentToIntroduce":true},
                  {"id":"c-7","name":"Zyxwa Qorvath","country":"LY","confidential":true,"consentToIntroduce":true,
                   "channels":["zyxwa@hidden.example"]},
                  {"id":"c-8","name":"Risky Person","country":"LY","riskLevel":"HIGH"}],
                 "mandates":[{"id":"m-1","title":"Special Rapporteur on defenders","kind":"THEMATIC","holderType":"SPECIAL_RAPPORTEUR"}],
                 "trainings":[{"id":"train-1","title":"Training","date":"2026-03-01"}],
                 "ties":[
                  {"type":"KNOWS","from":"c-7","to":"c-2","trust":4,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"c-2","to":"c-3","trust":4,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"c-1","to":"c-2","trust":4},
                  {"type":"KNOWS","from":"c-8","to":"c-2","trust":3},
                  {"type":"PARTNERS_WITH","from":"c-3","to":"m-1"},
                  {"type":"ATTENDED","from":"c-7","to":"train-1"}]}
                """).getBody();
        assertThat(report.get("rejected")).as(report.toString()).isEmpty();
    }

    /** The pseudonym an analyst is shown for a neighbour of c-2 who is protected, found as the page would. */
    private String pseudonymOfNeighbour(TestRestTemplate analyst, String riskOrConfidential) {
        for (JsonNode contact : analyst.getForObject("/api/contacts?size=100", JsonNode.class).get("items")) {
            if (contact.path("pseudonymised").asBoolean()
                    && (riskOrConfidential.equals("HIGH") == "HIGH".equals(contact.path("riskLevel").asText()))) {
                return contact.get("id").asText();
            }
        }
        throw new AssertionError("no pseudonymised contact");
    }

    private static void assertNoSecret(String where, Object body) {
        String lower = String.valueOf(body).toLowerCase(Locale.ROOT);
        for (String secret : SECRETS) {
            assertThat(lower).as(where + " shows " + secret + ": " + body).doesNotContain(secret);
        }
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response, String where) {
        assertThat(response.getStatusCode()).as(where + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        assertNoSecret(where, response.getBody());
        return response.getBody();
    }

    private static ResponseEntity<JsonNode> get(TestRestTemplate client, String path) {
        return send(client, HttpMethod.GET, path, null);
    }

    @Test
    void anAnalystNamesAProtectedPersonByPseudonymEverywhereAndEachResolutionIsAudited() {
        TestRestTemplate analyst = as(Role.ANALYST);
        String zyxwa = pseudonymOfNeighbour(analyst, "CONFIDENTIAL");
        assertThat(zyxwa).matches("anon-[0-9a-f]{12}");

        // The record, the ties and the history of the pseudonym, still pseudonymised.
        JsonNode record = ok(get(analyst, "/api/contacts/" + zyxwa), "record");
        assertThat(record.get("id").asText()).isEqualTo(zyxwa);
        assertThat(record.get("name").asText()).isEqualTo(zyxwa);
        assertThat(record.get("pseudonymised").asBoolean()).isTrue();
        assertThat(record.has("country")).isFalse();
        assertThat(record.has("channels")).isFalse();

        JsonNode ties = ok(get(analyst, "/api/ties?node=" + zyxwa), "ties");
        assertThat(ties).hasSize(2);
        List<String> others = new java.util.ArrayList<>();
        for (JsonNode tie : ties) { // KNOWS is stored once per pair, in either direction
            String from = tie.get("from").asText();
            String to = tie.get("to").asText();
            assertThat(List.of(from, to)).as(tie.toString()).contains(zyxwa);
            others.add(from.equals(zyxwa) ? to : from);
        }
        assertThat(others).containsExactlyInAnyOrder("c-2", "train-1");

        JsonNode history = ok(get(analyst, "/api/history/" + zyxwa), "history");
        assertThat(history.path("subject").path("id").asText()).isEqualTo(zyxwa);
        assertThat(history.get("entries").findValuesAsText("record")).containsExactly("train-1");

        // A referral from the pseudonym to another person: paths whose nodes are pseudonymised.
        JsonNode referral = ok(get(analyst, "/api/referrals?from=" + zyxwa + "&to=c-3"), "referral");
        assertThat(referral.get("from").asText()).isEqualTo(zyxwa);
        assertThat(referral.get("paths")).isNotEmpty();
        assertThat(referral.get("paths").get(0).get("nodes")).extracting(JsonNode::asText).containsExactly(zyxwa, "c-2", "c-3");
        // ... and towards it, excluding the only intermediary by its id: no path then.
        JsonNode towards = ok(get(analyst, "/api/referrals?from=c-3&to=" + zyxwa), "referral to");
        assertThat(towards.get("paths").get(0).get("nodes").get(2).asText()).isEqualTo(zyxwa);
        assertThat(ok(get(analyst, "/api/referrals?from=c-3&to=" + zyxwa + "&exclude=c-2"), "exclude").get("paths")).isEmpty();

        // Excluding the at-risk person by pseudonym is accepted (it changes nothing: she is never an intermediary).
        String risky = pseudonymOfNeighbour(analyst, "HIGH");
        assertThat(risky).isNotEqualTo(zyxwa);
        ok(get(analyst, "/api/referrals?from=c-1&to=c-3&exclude=" + risky), "exclude pseudonym");

        // What if the person were lost; betweenness from the person.
        JsonNode whatIf = ok(send(analyst, HttpMethod.POST, "/api/analysis/resilience", "{\"remove\":[\"" + zyxwa + "\"]}"),
                "resilience");
        assertThat(whatIf.toString()).contains(zyxwa);
        JsonNode fromZyxwa = ok(get(analyst, "/api/analysis/centrality?metric=betweenness&top=100&sources=id:" + zyxwa
                + "&targets=id:c-3"), "betweenness");
        JsonNode fromUnknown = ok(get(analyst, "/api/analysis/centrality?metric=betweenness&top=100&sources=id:c-nobody"
                + "&targets=id:c-3"), "betweenness unknown");
        assertThat(score(fromZyxwa, "c-2")).isPositive();
        assertThat(score(fromUnknown, "c-2")).isZero();
        assertThat(fromZyxwa.get("sources").asText()).isEqualTo("id:" + zyxwa);

        // Each resolution is audited (ADMIN only), naming the pseudonym, the endpoint and the person.
        JsonNode audit = http.getForObject("/api/audit?action=PSEUDONYM_RESOLVED&user=test-analyst", JsonNode.class);
        assertThat(audit.findValuesAsText("target")).contains(zyxwa, risky);
        assertThat(audit.findValuesAsText("detail")).anyMatch(d -> d.contains("/api/contacts/") && d.contains("c-7"))
                .anyMatch(d -> d.contains("/api/ties") && d.contains("node"))
                .anyMatch(d -> d.contains("/api/history/"))
                .anyMatch(d -> d.contains("/api/referrals") && d.contains("from"))
                .anyMatch(d -> d.contains("/api/referrals") && d.contains("exclude") && d.contains("c-8"))
                .anyMatch(d -> d.contains("/api/analysis/resilience") && d.contains("remove"))
                .anyMatch(d -> d.contains("/api/analysis/centrality") && d.contains("sources"));
        assertThat(get(analyst, "/api/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static double score(JsonNode report, String id) {
        for (JsonNode s : report.get("scores")) {
            if (s.get("id").asText().equals(id)) {
                return s.get("score").asDouble();
            }
        }
        throw new AssertionError(id + " not in " + report);
    }

    @Test
    void aPseudonymIsUnknownToClearedRolesAndAnUnknownOneIsA404NamingIt() {
        String zyxwa = pseudonymOfNeighbour(as(Role.ANALYST), "CONFIDENTIAL");
        for (TestRestTemplate cleared : List.of(http, as(Role.OFFICER))) {
            for (String path : List.of("/api/contacts/", "/api/ties?node=", "/api/history/", "/api/referrals?to=c-3&from=")) {
                ResponseEntity<JsonNode> response = get(cleared, path + zyxwa);
                assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(response.getBody().get("detail").asText()).as(path).contains("'" + zyxwa + "'");
            }
        }
        TestRestTemplate analyst = as(Role.ANALYST);
        String unknown = "anon-0123456789ab";
        for (String path : List.of("/api/contacts/", "/api/ties?node=", "/api/history/", "/api/referrals?to=c-3&from=")) {
            ResponseEntity<JsonNode> response = get(analyst, path + unknown);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getBody().get("detail").asText()).as(path).contains("'" + unknown + "'");
        }
        ResponseEntity<JsonNode> whatIf = send(analyst, HttpMethod.POST, "/api/analysis/resilience", "{\"remove\":[\"" + unknown + "\"]}");
        assertThat(whatIf.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(whatIf.getBody().get("detail").asText()).contains("'" + unknown + "'");
        assertThat(http.getForObject("/api/audit?action=PSEUDONYM_RESOLVED", JsonNode.class)).isEmpty();
    }

    @Test
    void theRealIdStillNamesNobodyAndAnErrorAfterResolutionNamesOnlyThePseudonym() {
        TestRestTemplate analyst = as(Role.ANALYST);
        String zyxwa = pseudonymOfNeighbour(analyst, "CONFIDENTIAL");
        // The real id answers as an unknown id, in every position, also beside the pseudonym.
        for (String[] pair : List.of(new String[] {"/api/referrals?from=" + zyxwa + "&to=c-7", "/api/referrals?from=" + zyxwa + "&to=c-9"},
                new String[] {"/api/referrals?from=c-7&to=c-3", "/api/referrals?from=c-9&to=c-3"},
                new String[] {"/api/contacts/c-7", "/api/contacts/c-9"})) {
            ResponseEntity<String> real = analyst.getForEntity(pair[0], String.class);
            ResponseEntity<String> none = analyst.getForEntity(pair[1], String.class);
            assertThat(real.getStatusCode()).as(pair[0]).isEqualTo(HttpStatus.NOT_FOUND).isEqualTo(none.getStatusCode());
            assertThat(real.getBody().replace("c-7", "ID")).as(pair[0]).isEqualTo(none.getBody().replace("c-9", "ID"));
        }
        ResponseEntity<String> both = analyst.exchange("/api/analysis/resilience", HttpMethod.POST,
                jsonEntity("{\"remove\":[\"" + zyxwa + "\",\"c-7\"]}"), String.class);
        ResponseEntity<String> other = analyst.exchange("/api/analysis/resilience", HttpMethod.POST,
                jsonEntity("{\"remove\":[\"" + zyxwa + "\",\"c-9\"]}"), String.class);
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND).isEqualTo(other.getStatusCode());
        assertThat(both.getBody().replace("c-7", "ID")).isEqualTo(other.getBody().replace("c-9", "ID"));
        // Excluding the real id changes nothing; selecting it selects nothing.
        assertThat(analyst.getForObject("/api/referrals?from=c-3&to=" + zyxwa + "&exclude=c-7", JsonNode.class).get("paths"))
                .isNotEmpty();
        // A pseudonym naming a person of another kind: the 404 names the pseudonym, never the real id.
        ResponseEntity<JsonNode> wrongKind = get(analyst, "/api/organisations/" + zyxwa);
        assertThat(wrongKind.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertNoSecret("wrong kind", wrongKind.getBody());
        assertThat(wrongKind.getBody().get("detail").asText()).contains("'" + zyxwa + "'");
        ResponseEntity<JsonNode> sameAsFrom = get(analyst, "/api/referrals?from=" + zyxwa + "&to=" + zyxwa);
        assertThat(sameAsFrom.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertNoSecret("same as from", sameAsFrom.getBody());
    }

    private static org.springframework.http.HttpEntity<String> jsonEntity(String json) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(json, headers);
    }
}
