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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * An officer imports who took part in activities (participation ties between existing nodes), with
 * the dry-run preview listing every refused row; anything else in her file is refused as a whole and
 * writes nothing; an administrator's import is unchanged.
 */
class OfficerImportIT extends IntegrationTest {

    private static final String PARTICIPANTS = """
            type,from,to,followUp
            ATTENDED,c-1,train-1,
            ATTENDED,c-2,train-1,
            MET_DURING,c-2,visit-1,REPORT_SENT
            SOURCE_OF,o-1,comm-1,INFORMED
            ATTENDED,c-nobody,train-1,
            MET_DURING,c-1,visit-1,INFORMED
            """;

    @BeforeEach
    void network() {
        JsonNode report = send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[{"id":"c-1","name":"Amal","country":"LY"},{"id":"c-2","name":"Basma","country":"TN"}],
                 "organisations":[{"id":"o-1","name":"League","country":"LY"}],
                 "mandates":[{"id":"m-1","title":"SR defenders","kind":"THEMATIC","holderType":"SPECIAL_RAPPORTEUR"}],
                 "communications":[{"id":"comm-1","type":"ALLEGATION_LETTER","date":"2026-01-10","mandates":["m-1"]}],
                 "countryVisits":[{"id":"visit-1","mandate":"m-1","country":"TN","startDate":"2026-02-01"}],
                 "trainings":[{"id":"train-1","title":"Training","date":"2026-03-01"}]}
                """).getBody();
        assertThat(report.get("rejected")).as(report.toString()).isEmpty();
    }

    private static ResponseEntity<JsonNode> csv(TestRestTemplate client, String query, String... namesAndContents) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            parts.add("file", file(namesAndContents[i], namesAndContents[i + 1]));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return client.exchange("/api/import" + query, HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }


    private long ties() {
        JsonNode stats = http.getForObject("/api/graph/stats", JsonNode.class);
        long total = 0;
        for (JsonNode count : stats.path("ties")) {
            total += count.asLong();
        }
        return total;
    }

    @Test
    void anOfficerPreviewsThenCommitsParticipants() {
        TestRestTemplate officer = as(Role.OFFICER);
        long before = ties();

        JsonNode preview = csv(officer, "?dryRun=true", "ties.csv", PARTICIPANTS).getBody();
        assertThat(preview.get("dryRun").asBoolean()).isTrue();
        assertThat(preview.at("/sections/ties/received").asInt()).isEqualTo(6);
        assertThat(preview.at("/sections/ties/accepted").asInt()).isEqualTo(4);
        // Every refused row, with its line and reason: an unknown participant, a status that does not fit the tie.
        assertThat(preview.get("rejected")).extracting(r -> r.get("file").asText() + ":" + r.get("row").asInt())
                .containsExactly("ties.csv:6", "ties.csv:7");
        assertThat(preview.get("rejected").get(0).get("reason").asText()).contains("c-nobody");
        assertThat(preview.get("rejected").get(1).get("reason").asText()).contains("followUp");
        assertThat(ties()).isEqualTo(before);

        JsonNode committed = csv(officer, "", "ties.csv", PARTICIPANTS).getBody();
        assertThat(committed.at("/sections/ties/created").asInt()).isEqualTo(4);
        assertThat(ties()).isEqualTo(before + 4);
        JsonNode participants = officer.getForObject("/api/activities/visit-1/participants", JsonNode.class);
        assertThat(participants.toString()).contains("c-2", "REPORT_SENT");

        // The same as a JSON document: ties only.
        ResponseEntity<JsonNode> json = send(officer, HttpMethod.POST, "/api/import",
                "{\"ties\":[{\"type\":\"ATTENDED\",\"from\":\"c-2\",\"to\":\"train-1\"}]}");
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode audit = http.getForObject("/api/audit?action=IMPORT&user=test-officer", JsonNode.class);
        assertThat(audit).hasSize(3);
    }

    @Test
    void anOfficerFileWithAnythingElseIsRefusedAsAWholeAndWritesNothing() {
        TestRestTemplate officer = as(Role.OFFICER);
        long before = ties();
        String contacts = """
                id,name,country
                c-9,New Person,KE
                """;
        ResponseEntity<JsonNode> withContacts = csv(officer, "", "ties.csv", PARTICIPANTS, "contacts.csv", contacts);
        assertThat(withContacts.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(withContacts.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(withContacts.getBody().get("detail").asText())
                .contains("an officer may import only activity participants (ties SOURCE_OF, MET_DURING, ATTENDED)")
                .contains("contacts.csv has contacts");

        ResponseEntity<JsonNode> knows = csv(officer, "?dryRun=true", "ties.csv", PARTICIPANTS + "KNOWS,c-1,c-2,\n");
        assertThat(knows.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(knows.getBody().get("detail").asText()).contains("ties.csv row 8 is a KNOWS tie");

        ResponseEntity<JsonNode> json = send(officer, HttpMethod.POST, "/api/import",
                "{\"ties\":[{\"type\":\"ATTENDED\",\"from\":\"c-2\",\"to\":\"train-1\"}],"
                        + "\"contacts\":[{\"id\":\"c-9\",\"name\":\"New Person\",\"country\":\"KE\"}]}");
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json.getBody().get("detail").asText()).contains("this document has contacts");

        assertThat(ties()).isEqualTo(before);
        assertThat(http.getForEntity("/api/contacts/c-9", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // Analysts and REPORTS import nothing, not even participants.
        for (Role role : new Role[] {Role.ANALYST, Role.REPORTS}) {
            assertThat(csv(as(role), "?dryRun=true", "ties.csv", PARTICIPANTS).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void anAdministratorStillImportsAnything() {
        String contacts = """
                id,name,country
                c-9,New Person,KE
                """;
        ResponseEntity<JsonNode> response = csv(http, "", "ties.csv", PARTICIPANTS + "KNOWS,c-1,c-9,\n", "contacts.csv", contacts);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().at("/sections/contacts/created").asInt()).isEqualTo(1);
        assertThat(response.getBody().at("/sections/ties/created").asInt()).isEqualTo(5);
    }
}
