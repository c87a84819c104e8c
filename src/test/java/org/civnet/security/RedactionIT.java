package org.civnet.security;

import java.util.ArrayList;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: the leaks of the list-based redaction, through the API, for ANALYST and REPORTS. c-7
 * (Zyxwa Qorvath, LY) is confidential; free text (a tie's role and activities, a training's title,
 * place and organiser, notes) names them or the trainer Vorlak Quenby.
 */
class RedactionIT extends IntegrationTest {

    private static final List<String> SECRETS = List.of("zyxwa", "qorvath", "vorlak", "quenby", "hidden.example", "c-7");

    @BeforeEach
    void network() {
        JsonNode report = send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[
                  {"id":"c-1","name":"Hana Officer","kind":"UN_STAFF","country":"CH","consentToIntroduce":true},
                  {"id":"c-2","name":"Amal Open","country":"LY","consentToIntroduce":true},
                  {"id":"c-3","name":"Person 49","country":"TN","consentToIntroduce":true},
                  {"id":"c-4","name":"Person 50","country":"TN","consentToIntroduce":true},
                  {"id":"c-7","name":"Zyxwa Qorvath","country":"LY","confidential":true,
                   "channels":["zyxwa.qorvath@hidden.example"],"notes":"contact via zyxwa.qorvath@hidden.example"}],
                 "organisations":[{"id":"o-1","name":"Open League","country":"LY"}],
                 "mandates":[{"id":"m-1","title":"Special Rapporteur on defenders","kind":"THEMATIC","holderType":"SPECIAL_RAPPORTEUR"}],
                 "trainings":[{"id":"train-1","title":"Training with Vorlak Quenby","date":"2026-03-01",
                               "place":"Vorlak's house","organiser":"Quenby and friends"}],
                 "ties":[
                  {"type":"KNOWS","from":"c-1","to":"c-2","trust":4,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"c-2","to":"c-7","trust":4,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"c-2","to":"c-3","trust":4},
                  {"type":"KNOWS","from":"c-3","to":"c-4","trust":4},
                  {"type":"AFFILIATED_WITH","from":"c-7","to":"o-1","role":"Zyxwa Qorvath coordinator"},
                  {"type":"AFFILIATED_WITH","from":"c-2","to":"o-1","role":"ZYXWA QORVATH's deputy"},
                  {"type":"PARTNERS_WITH","from":"o-1","to":"m-1","activities":["met Zyxwa Qorvath in Tripoli"]},
                  {"type":"ATTENDED","from":"c-2","to":"train-1"}],
                 "introductions":[{"id":"i-1","introducer":"c-2","introduced":"c-3","recipient":"c-1",
                   "status":"REQUESTED","date":"2026-10-02","note":"contact via zyxwa.qorvath@hidden.example, ask ZYXWA QORVATH"}]}
                """).getBody();
        assertThat(report.get("rejected")).as(report.toString()).isEmpty();
    }

    private static String text(TestRestTemplate client, String path) {
        ResponseEntity<String> response = client.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static void assertNoSecret(String where, String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        for (String secret : SECRETS) {
            assertThat(lower).as(where + " shows " + secret + ": " + body).doesNotContain(secret);
        }
    }

    @Test
    void freeTextAndProtectedPeopleReachNoAnalystInAnyRepresentation() {
        TestRestTemplate analyst = as(Role.ANALYST);
        List<String> paths = List.of("/api/ties?node=c-2", "/api/ties?node=o-1", "/api/contacts?size=100",
                "/api/organisations/o-1", "/api/trainings/train-1", "/api/trainings?size=100", "/api/introductions/i-1",
                "/api/export", "/api/export?format=graphml", "/api/export?format=gexf", "/api/analysis/graph",
                "/api/analysis/centrality?top=100", "/api/analysis/centrality?top=100&nodes=Contact,Training&ties=KNOWS,ATTENDED",
                "/api/analysis/graph?nodes=Contact,Training&ties=KNOWS,ATTENDED",
                "/api/analysis/brokers", "/api/history/c-2", "/api/history/o-1", "/api/history/c-3",
                "/api/handover?mandate=m-1", "/api/handover?mandate=m-1&format=csv",
                "/api/handover?officer=admin", "/api/handover?officer=admin&format=csv",
                "/api/activities/train-1/participants", "/api/reports/centrality?format=csv&top=100",
                "/api/reports/coverage?format=csv", "/api/referrals?from=c-1&kind=OTHER");
        for (String path : paths) {
            assertNoSecret("ANALYST " + path, text(analyst, path));
        }
        // Cleared roles keep everything.
        assertThat(text(http, "/api/ties?node=c-7")).contains("Zyxwa Qorvath coordinator");
        assertThat(text(http, "/api/trainings/train-1")).contains("Training with Vorlak Quenby", "Vorlak's house");
        assertThat(text(as(Role.OFFICER), "/api/introductions/i-1")).contains("zyxwa.qorvath@hidden.example");
        assertThat(text(as(Role.OFFICER), "/api/reports/centrality?format=csv&top=100&nodes=Contact,Training&ties=KNOWS,ATTENDED"))
                .contains("Training with Vorlak Quenby");
        // The shape stays: the training, the tie and the introduction are there, without their text.
        JsonNode training = analyst.getForObject("/api/trainings/train-1", JsonNode.class);
        assertThat(training.get("id").asText()).isEqualTo("train-1");
        assertThat(training.has("title")).isFalse();
        assertThat(analyst.getForObject("/api/introductions/i-1", JsonNode.class).get("status").asText()).isEqualTo("REQUESTED");
    }

    @Test
    void reportsSeeNoFreeTextInCsvOrJson() {
        TestRestTemplate reports = as(Role.REPORTS);
        String scope = "&nodes=Contact,Training&ties=KNOWS,ATTENDED";
        String csv = text(reports, "/api/reports/centrality?format=csv&top=100" + scope);
        assertNoSecret("REPORTS csv", csv);
        assertThat(csv).contains("train-1").doesNotContain("train-1,Training");
        assertNoSecret("REPORTS json", text(reports, "/api/reports/centrality?top=100" + scope));
        assertNoSecret("REPORTS coverage", text(reports, "/api/reports/coverage"));
        assertNoSecret("REPORTS coverage csv", text(reports, "/api/reports/coverage?format=csv"));
        assertThat(text(http, "/api/reports/centrality?format=csv&top=100" + scope)).contains("train-1,Training with Vorlak Quenby");
    }

    @Test
    void aWithheldCountrySelectsNothing() {
        TestRestTemplate analyst = as(Role.ANALYST);
        JsonNode referral = analyst.getForObject("/api/referrals?from=c-1&country=LY", JsonNode.class);
        assertThat(referral.toString()).doesNotContain("anon-");
        assertThat(analyst.getForObject("/api/referrals/coverage?from=c-1&country=LY", JsonNode.class).get("targets").asInt())
                .isEqualTo(1); // c-2 only
        assertThat(as(Role.OFFICER).getForObject("/api/referrals/coverage?from=c-1&country=LY", JsonNode.class)
                .get("targets").asInt()).isEqualTo(2);
        String betweenness = "/api/analysis/centrality?metric=betweenness&top=100&sources=";
        JsonNode byCountry = analyst.getForObject(betweenness + "country:LY", JsonNode.class).get("scores");
        assertThat(byCountry).isEqualTo(analyst.getForObject(betweenness + "id:c-2,id:o-1", JsonNode.class).get("scores")); // not c-7
        assertThat(analyst.getForObject(betweenness + "id:c-7", JsonNode.class).get("scores"))
                .isEqualTo(analyst.getForObject(betweenness + "id:c-nobody", JsonNode.class).get("scores"));
        assertThat(analyst.getForObject("/api/contacts?country=LY", JsonNode.class).get("total").asInt()).isEqualTo(1);
        assertThat(analyst.getForObject("/api/contacts?q=qorvath", JsonNode.class).get("total").asInt()).isZero();
        assertThat(analyst.getForObject("/api/trainings?q=vorlak", JsonNode.class).get("total").asInt()).isZero();
        // REPORTS has none of these endpoints.
        for (String path : List.of("/api/referrals?from=c-1&country=LY", "/api/referrals/coverage?from=c-1&country=LY",
                betweenness + "country:LY", "/api/contacts?country=LY")) {
            assertThat(as(Role.REPORTS).getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void groupingByCountryAndRemovingByIdGiveNoProtectedPersonAway() {
        TestRestTemplate analyst = as(Role.ANALYST);
        for (String path : List.of("/api/analysis/brokers?groupBy=country&top=100", "/api/analysis/isolation?groupBy=country")) {
            String body = text(analyst, path);
            // The confidential person is in the LY group for an officer, never for an analyst.
            assertThat(body).as(path).doesNotContain("zyxwa");
            JsonNode groupsOfficer = as(Role.OFFICER).getForObject(path, JsonNode.class);
            assertThat(groupsOfficer.toString()).as(path).contains("LY");
        }
        // The LY group counts the confidential person for an officer, not for an analyst.
        assertThat(sizeOfGroup(analyst, "LY")).isEqualTo(sizeOfGroup(as(Role.OFFICER), "LY") - 1);
        // Naming the protected person's real id in a what-if answers as an unknown id does.
        ResponseEntity<JsonNode> byRealId = send(analyst, HttpMethod.POST, "/api/analysis/resilience", "{\"remove\":[\"c-7\"]}");
        ResponseEntity<JsonNode> byUnknown = send(analyst, HttpMethod.POST, "/api/analysis/resilience", "{\"remove\":[\"c-8\"]}");
        assertThat(byRealId.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND).isEqualTo(byUnknown.getStatusCode());
        assertThat(send(as(Role.OFFICER), HttpMethod.POST, "/api/analysis/resilience", "{\"remove\":[\"c-7\"]}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static int sizeOfGroup(TestRestTemplate client, String name) {
        for (JsonNode group : client.getForObject("/api/analysis/isolation?groupBy=country", JsonNode.class).path("groups")) {
            if (name.equals(group.path("name").asText())) {
                return group.path("size").asInt();
            }
        }
        throw new AssertionError("no group " + name);
    }

    @Test
    void listsAreOrderedByWhatTheRoleSeesAndAGuessedIdIsUnknown() {
        TestRestTemplate analyst = as(Role.ANALYST);
        List<String> ids = new ArrayList<>();
        analyst.getForObject("/api/contacts?size=100", JsonNode.class).get("items").forEach(i -> ids.add(i.get("id").asText()));
        assertThat(ids).hasSize(5).isSorted().anyMatch(id -> id.startsWith("anon-"));
        List<String> exported = analyst.getForObject("/api/export", JsonNode.class).get("contacts").findValuesAsText("id");
        assertThat(exported).hasSize(5).isSorted();
        for (Role role : List.of(Role.ANALYST, Role.REPORTS)) {
            for (String path : List.of("/api/contacts/", "/api/history/", "/api/ties?node=")) {
                ResponseEntity<String> guessed = as(role).getForEntity(path + "c-7", String.class);
                ResponseEntity<String> unknown = as(role).getForEntity(path + "c-9", String.class);
                assertThat(guessed.getStatusCode()).as(role + " " + path).isEqualTo(unknown.getStatusCode());
                assertThat(guessed.getBody().replace("c-7", "ID")).as(role + " " + path)
                        .isEqualTo(unknown.getBody().replace("c-9", "ID"));
            }
        }
        assertThat(as(Role.ANALYST).getForEntity("/api/contacts/c-7", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(text(as(Role.OFFICER), "/api/contacts/c-7")).contains("Zyxwa Qorvath");
    }
}
