package org.civnet.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.neo4j.Neo4jSchema;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Consent as a record, through the API. The officer "hro" reaches "target" through one intermediary,
 * "amal", whose consent to introduce each test sets; "bea" is a second way, never consenting:
 * <pre>
 *   hro -4- amal -4- target
 *   hro -5- bea  -5- target
 * </pre>
 */
class ConsentIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    Neo4jSchema schema;

    private void network(String amalConsent, String targetConsent) {
        JsonNode report = send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[
                  {"id":"hro","name":"Officer","kind":"UN_STAFF","country":"CH"},
                  {"id":"amal","name":"Amal","country":"FR","consent":%s},
                  {"id":"bea","name":"Bea","country":"KE"},
                  {"id":"target","name":"Target Person","country":"KE","consent":%s}],
                 "ties":[
                  {"type":"KNOWS","from":"hro","to":"amal","trust":4,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"amal","to":"target","trust":4,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"hro","to":"bea","trust":5,"lastContact":"2026-10-01"},
                  {"type":"KNOWS","from":"bea","to":"target","trust":5,"lastContact":"2026-10-01"}]}
                """.formatted(amalConsent, targetConsent)).getBody();
        assertThat(report.get("rejected")).isEmpty();
    }

    private static String introduce(LocalDate given, LocalDate until, LocalDate withdrawn) {
        return "{\"introduce\":{\"given\":\"" + given + "\",\"until\":\"" + until + "\",\"method\":\"WRITTEN\""
                + (withdrawn == null ? "" : ",\"withdrawn\":\"" + withdrawn + "\"") + "}}";
    }

    private JsonNode referral(String query) {
        return as(Role.OFFICER).getForObject("/api/referrals?from=hro&to=target&k=3&" + query, JsonNode.class);
    }

    private static List<List<String>> paths(JsonNode result) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode path : result.get("paths")) {
            List<String> nodes = new ArrayList<>();
            path.get("nodes").forEach(n -> nodes.add(n.asText()));
            out.add(nodes);
        }
        return out;
    }

    private ResponseEntity<JsonNode> patch(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/merge-patch+json"));
        return http.exchange(path, HttpMethod.PATCH, new HttpEntity<>(body, headers), JsonNode.class);
    }

    @BeforeEach
    void clean() {
        clear();
    }

    @Test
    void aStoredYesBecomesAConsentToIntroduceOfUnknownDateCurrentUntilTheReviewDate() {
        try (Session session = driver.session()) {
            session.run("""
                    CREATE (:Node:Contact {id: 'old-yes', name: 'Old Yes', country: 'KE', consentToIntroduce: true}),
                           (:Node:Contact {id: 'old-no', name: 'Old No', country: 'KE', consentToIntroduce: false})
                    """).consume();
        }
        assertThat(schema.migrate()).isEqualTo(2);
        assertThat(schema.migrate()).as("a second run finds nothing to do").isZero();

        JsonNode yes = http.getForObject("/api/contacts/old-yes", JsonNode.class);
        assertThat(yes.get("consentToIntroduce").asBoolean()).isTrue();
        JsonNode record = yes.at("/consent/introduce");
        assertThat(record.has("given")).as("the date it was given is unknown").isFalse();
        assertThat(LocalDate.parse(record.get("until").asText())).isAfter(TODAY);
        JsonNode no = http.getForObject("/api/contacts/old-no", JsonNode.class);
        assertThat(no.get("consentToIntroduce").asBoolean()).isFalse();
        assertThat(no.has("consent")).isFalse();
        try (Session session = driver.session()) {
            assertThat(session.run("MATCH (c:Contact) WHERE c.consentToIntroduce IS NOT NULL RETURN count(c) AS n")
                    .single().get("n").asLong()).as("the old property is gone").isZero();
        }
    }

    @Test
    void theBooleanIsStillAcceptedAndTheRecordWinsWhereTheyDisagree() {
        JsonNode created = send(http, HttpMethod.POST, "/api/contacts", """
                {"name":"Says Yes, Withdrew","country":"KE","consentToIntroduce":true,
                 "consent":{"introduce":{"given":"2025-03-01","until":"2030-03-01","withdrawn":"2026-01-10"}}}
                """).getBody();
        assertThat(created.get("consentToIntroduce").asBoolean()).isFalse();
        assertThat(created.at("/consent/introduce/withdrawn").asText()).isEqualTo("2026-01-10");
        assertThat(created.at("/consent/introduce/recordedBy").asText()).as("the user who wrote it").isEqualTo("admin");

        JsonNode plain = send(http, HttpMethod.POST, "/api/contacts", """
                {"name":"Only The Boolean","country":"KE","consentToIntroduce":true}
                """).getBody();
        assertThat(plain.get("consentToIntroduce").asBoolean()).isTrue();
        assertThat(plain.at("/consent/introduce").has("given")).isFalse();

        send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[{"id":"imp","name":"Imported","country":"KE","consentToIntroduce":false,
                  "consent":{"introduce":{"given":"2025-03-01","until":"2030-03-01","method":"IN_PERSON"},
                             "nameToMandate":{"given":"2025-04-01"}}}]}
                """);
        JsonNode imported = http.getForObject("/api/contacts/imp", JsonNode.class);
        assertThat(imported.get("consentToIntroduce").asBoolean()).isTrue();
        assertThat(imported.at("/consent/introduce/method").asText()).isEqualTo("IN_PERSON");
        assertThat(imported.at("/consent/nameToMandate/given").asText()).isEqualTo("2025-04-01");

        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders csvHeaders = new HttpHeaders();
        csvHeaders.setContentType(MediaType.valueOf("text/csv"));
        parts.add("contacts", new HttpEntity<>(new ByteArrayResource("id,name,country,consentToIntroduce\ncsv1,Csv Person,MA,true\n"
                .getBytes()) {
            @Override
            public String getFilename() {
                return "contacts.csv";
            }
        }, csvHeaders));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        http.exchange("/api/import", HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
        JsonNode csv = http.getForObject("/api/contacts/csv1", JsonNode.class);
        assertThat(csv.get("consentToIntroduce").asBoolean()).isTrue();
        assertThat(csv.at("/consent/introduce/until").isTextual()).isTrue();

        JsonNode exported = http.getForObject("/api/export", JsonNode.class);
        JsonNode inExport = null;
        for (JsonNode c : exported.get("contacts")) {
            if (c.get("id").asText().equals("imp")) {
                inExport = c;
            }
        }
        assertThat(inExport.at("/consent/introduce/given").asText()).isEqualTo("2025-03-01");
    }

    @Test
    void aConsentOutOfOrderIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> response = send(http, HttpMethod.POST, "/api/contacts", """
                {"name":"Backwards","country":"KE",
                 "consent":{"beIntroduced":{"given":"2025-03-01","until":"2024-03-01","recordedBy":"Not A User!"}}}
                """);
        assertThat(badRequestFields(response)).contains("consent.beIntroduced.until", "consent.beIntroduced.recordedBy");
    }

    @Test
    void anIntermediaryMustHoldAConsentToIntroduceCurrentOnTheDayAskedAbout() {
        LocalDate given = TODAY.minusDays(100);
        LocalDate until = TODAY.plusDays(100);
        network(introduce(given, until, null), "null");
        JsonNode current = referral("");
        assertThat(paths(current)).containsExactly(List.of("hro", "amal", "target"));
        JsonNode consent = current.at("/paths/0/consents/0");
        assertThat(consent.get("id").asText()).isEqualTo("amal");
        assertThat(consent.get("given").asText()).isEqualTo(given.toString());
        assertThat(consent.get("until").asText()).isEqualTo(until.toString());
        assertThat(current.get("on").asText()).isEqualTo(TODAY.toString());

        assertThat(paths(referral("on=" + until.plusDays(1)))).as("expired on that day").isEmpty();
        assertThat(paths(referral("on=" + given.minusDays(1)))).as("not yet given on that day").isEmpty();
        JsonNode later = referral("on=" + until);
        assertThat(paths(later)).containsExactly(List.of("hro", "amal", "target"));
        assertThat(referral("on=" + until.plusDays(1)).at("/unreachable/0/reason").asText())
                .contains("consent to introduce is not current on " + until.plusDays(1));
    }

    @Test
    void expiredFutureAndWithdrawnConsentsExcludeTheIntermediaryToday() {
        network(introduce(TODAY.minusDays(400), TODAY.minusDays(1), null), "null");
        assertThat(paths(referral(""))).as("expired yesterday").isEmpty();

        clear();
        network(introduce(TODAY.plusDays(1), TODAY.plusDays(400), null), "null");
        assertThat(paths(referral(""))).as("given from tomorrow").isEmpty();

        clear();
        network(introduce(TODAY.minusDays(400), TODAY.plusDays(400), TODAY.minusDays(3)), "null");
        assertThat(paths(referral(""))).as("withdrawn").isEmpty();
        assertThat(paths(referral("on=" + TODAY.minusDays(10)))).as("a withdrawal counts on every day").isEmpty();
    }

    @Test
    void aWithdrawalTakesEffectAtOnceOnACachedReferral() {
        network(introduce(TODAY.minusDays(100), TODAY.plusDays(100), null), "null");
        assertThat(paths(referral(""))).containsExactly(List.of("hro", "amal", "target"));
        assertThat(paths(referral(""))).as("asked again: the cached answer").hasSize(1);

        ResponseEntity<JsonNode> withdrawn = patch("/api/contacts/amal", "{\"consentToIntroduce\": false}");
        assertThat(withdrawn.getStatusCode()).as(String.valueOf(withdrawn.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody().at("/consent/introduce/withdrawn").asText()).isEqualTo(TODAY.toString());
        assertThat(withdrawn.getBody().at("/consent/introduce/given").asText()).as("the record is kept")
                .isEqualTo(TODAY.minusDays(100).toString());
        assertThat(paths(referral(""))).isEmpty();

        patch("/api/contacts/amal", "{\"consent\": {\"introduce\": {\"given\": \"" + TODAY + "\", \"until\": \""
                + TODAY.plusYears(1) + "\", \"withdrawn\": null, \"method\": \"IN_PERSON\"}}}");
        assertThat(paths(referral(""))).as("renewed").hasSize(1);
        patch("/api/contacts/amal", "{\"consent\": {\"introduce\": {\"withdrawn\": \"" + TODAY + "\"}}}");
        assertThat(paths(referral(""))).as("withdrawn through the record").isEmpty();
    }

    @Test
    void aStatedPurposeReachesOnlyPeopleWhoseConsentCoversIt() {
        network(introduce(TODAY.minusDays(100), TODAY.plusDays(100), null), "null");
        assertThat(paths(referral(""))).hasSize(1);
        JsonNode introduction = referral("purpose=INTRODUCTION");
        assertThat(paths(introduction)).isEmpty();
        assertThat(introduction.at("/unreachable/0/reason").asText()).contains("no current consent to be introduced");

        patch("/api/contacts/target", "{\"consent\": {\"beIntroduced\": {\"given\": \"" + TODAY.minusDays(5) + "\"}}}");
        assertThat(paths(referral("purpose=INTRODUCTION"))).containsExactly(List.of("hro", "amal", "target"));
        assertThat(paths(referral("purpose=MANDATE_SUBMISSION"))).as("not consented to be named to a mandate").isEmpty();

        JsonNode byTarget = as(Role.OFFICER).getForObject("/api/referrals?from=hro&country=KE&purpose=INTRODUCTION",
                JsonNode.class);
        assertThat(byTarget.get("paths")).extracting(p -> p.get("target").asText()).containsOnly("target");
    }

    @Test
    void anExportForAPurposeLeavesOutThoseWithoutConsentAndSaysHowMany() {
        network(introduce(TODAY.minusDays(100), TODAY.plusDays(100), null),
                "{\"nameToMandate\":{\"given\":\"" + TODAY.minusDays(5) + "\"}}");
        ResponseEntity<JsonNode> mandate = http.getForEntity("/api/export?purpose=MANDATE_SUBMISSION", JsonNode.class);
        assertThat(mandate.getBody().get("contacts")).extracting(c -> c.get("id").asText()).containsExactly("target");
        assertThat(mandate.getBody().get("ties")).as("ties to those left out go with them").isEmpty();
        assertThat(mandate.getHeaders().getFirst("Civnet-Left-Out")).isEqualTo("3");
        assertThat(mandate.getHeaders().getFirst("Civnet-Purpose")).isEqualTo("MANDATE_SUBMISSION");

        ResponseEntity<JsonNode> introduction = http.getForEntity("/api/export?purpose=INTRODUCTION", JsonNode.class);
        assertThat(introduction.getBody().get("contacts")).extracting(c -> c.get("id").asText()).containsExactly("amal");
        assertThat(introduction.getHeaders().getFirst("Civnet-Left-Out")).isEqualTo("3");

        ResponseEntity<JsonNode> all = http.getForEntity("/api/export", JsonNode.class);
        assertThat(all.getBody().get("contacts")).hasSize(4);
        assertThat(all.getHeaders().getFirst("Civnet-Left-Out")).isNull();
    }

    @Test
    void theFollowUpListShowsConsentsLapsingWithinThirtyDays() {
        send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[
                  {"id":"soon","name":"Soon","country":"KE","consent":{"introduce":{"given":"2025-01-01","until":"%s"},
                                                                      "beIntroduced":{"given":"2025-01-01","until":"%s"}}},
                  {"id":"later","name":"Later","country":"KE","consent":{"introduce":{"given":"2025-01-01","until":"%s"}}},
                  {"id":"gone","name":"Gone","country":"KE","consent":{"introduce":{"given":"2025-01-01","until":"%s",
                                                                      "withdrawn":"2025-06-01"}}},
                  {"id":"lapsed","name":"Lapsed","country":"KE","consent":{"introduce":{"given":"2025-01-01","until":"%s"}}},
                  {"id":"secret","name":"Secret Source","country":"KE","confidential":true,
                   "consent":{"nameToMandate":{"given":"2025-01-01","until":"%s","method":"WRITTEN"}}}]}
                """.formatted(TODAY.plusDays(10), TODAY.plusDays(30), TODAY.plusDays(31), TODAY.plusDays(5),
                TODAY.minusDays(1), TODAY.plusDays(20)));
        JsonNode list = http.getForObject("/api/followups/consents", JsonNode.class);
        assertThat(list).extracting(e -> e.get("id").asText() + ":" + e.get("purpose").asText())
                .containsExactly("soon:INTRODUCE", "secret:NAME_TO_MANDATE", "soon:BE_INTRODUCED");
        assertThat(list.get(0).get("until").asText()).isEqualTo(TODAY.plusDays(10).toString());
        assertThat(http.getForObject("/api/followups/consents?within=31", JsonNode.class)).hasSize(4);

        JsonNode analyst = as(Role.ANALYST).getForObject("/api/followups/consents", JsonNode.class);
        JsonNode secret = analyst.get(1);
        assertThat(secret.get("pseudonymised").asBoolean()).isTrue();
        assertThat(secret.has("until")).as("a protected person's consent details are withheld").isFalse();
        assertThat(secret.get("name").asText()).isNotEqualTo("Secret Source");
    }

    @Test
    void aProtectedPersonsConsentIsWithheldFromRolesWithoutClearance() {
        send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[
                  {"id":"hro","name":"Officer","country":"CH"},
                  {"id":"hidden","name":"Hidden Helper","country":"KE","confidential":true,
                   "consent":{"introduce":{"given":"2025-01-01","until":"2099-01-01"}}},
                  {"id":"target","name":"Target Person","country":"KE"}],
                 "ties":[
                  {"type":"KNOWS","from":"hro","to":"hidden","trust":4},
                  {"type":"KNOWS","from":"hidden","to":"target","trust":4}]}
                """);
        assertThat(http.getForObject("/api/contacts/hidden", JsonNode.class).at("/consent/introduce/until").asText())
                .isEqualTo("2099-01-01");
        JsonNode analystPath = as(Role.ANALYST).getForObject("/api/referrals?from=hro&to=target", JsonNode.class)
                .at("/paths/0/consents/0");
        assertThat(analystPath.get("id").asText()).isNotEqualTo("hidden");
        assertThat(analystPath.has("until")).isFalse();
        assertThat(referralAsAdmin().at("/paths/0/consents/0/until").asText()).isEqualTo("2099-01-01");
        JsonNode contacts = as(Role.ANALYST).getForObject("/api/contacts?size=50", JsonNode.class);
        for (JsonNode c : contacts.get("items")) {
            if (c.path("pseudonymised").asBoolean()) {
                assertThat(c.has("consent")).isFalse();
            }
        }
    }

    private JsonNode referralAsAdmin() {
        return http.getForObject("/api/referrals?from=hro&to=target", JsonNode.class);
    }
}
