package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The page's pickers and forms: GET /api/search tells two people of one name apart; GET /api/vocabulary. */
class SearchAndVocabularyIT extends IntegrationTest {

    @BeforeEach
    void network() {
        JsonNode report = send(http, HttpMethod.POST, "/api/import", """
                {"contacts":[
                  {"id":"c-1","name":"Laura Haddad","kind":"DEFENDER","country":"EG","themes":["WOMENS_RIGHTS"]},
                  {"id":"c-2","name":"Laura Haddad","kind":"JOURNALIST","country":"LB"},
                  {"id":"c-3","name":"Laura Secret","country":"LY","confidential":true},
                  {"id":"c-4","name":"Omar Other","country":"TN"}],
                 "organisations":[{"id":"o-1","name":"Cairo Women's Forum","country":"EG","themes":["LAND"]},
                                  {"id":"o-2","name":"Beirut Press Club","country":"LB"}],
                 "mandates":[{"id":"m-1","title":"Special Rapporteur on Laura's rights","kind":"THEMATIC","holderType":"SPECIAL_RAPPORTEUR"}],
                 "ties":[{"type":"AFFILIATED_WITH","from":"c-1","to":"o-1"},{"type":"AFFILIATED_WITH","from":"c-2","to":"o-2"},
                         {"type":"AFFILIATED_WITH","from":"c-3","to":"o-1"}]}
                """).getBody();
        assertThat(report.get("rejected")).as(report.toString()).isEmpty();
    }

    @Test
    void twoPeopleOfOneNameDifferByKindCountryAndOrganisation() {
        JsonNode matches = http.getForObject("/api/search?q=laura h", JsonNode.class);
        assertThat(matches).hasSize(2);
        List<String> described = new ArrayList<>();
        matches.forEach(m -> described.add(m.get("kind").asText() + "|" + m.get("country").asText() + "|"
                + m.get("organisations").get(0).get("name").asText()));
        assertThat(described).containsExactlyInAnyOrder("DEFENDER|EG|Cairo Women's Forum", "JOURNALIST|LB|Beirut Press Club");
        assertThat(matches.get(0).get("region").asText()).isIn("ARAB_REGION");
    }

    @Test
    void labelsChooseTheKindsAndBadInputNamesItsField() {
        JsonNode all = http.getForObject("/api/search?q=laura&labels=Contact,Organisation,Mandate", JsonNode.class);
        List<String> labels = new ArrayList<>();
        all.forEach(m -> labels.add(m.get("label").asText()));
        assertThat(labels).containsExactlyInAnyOrder("Contact", "Contact", "Contact", "Mandate");
        assertThat(badRequestFields(http.exchange("/api/search?q=laura&labels=Training", HttpMethod.GET, null, JsonNode.class)))
                .contains("labels");
        assertThat(badRequestFields(http.exchange("/api/search?q=", HttpMethod.GET, null, JsonNode.class))).contains("q");
        assertThat(badRequestFields(http.exchange("/api/search?q=a&limit=1000", HttpMethod.GET, null, JsonNode.class))).contains("limit");
    }

    @Test
    void anAnalystNeverFindsAProtectedPersonByTheirNameAndReportsCannotSearch() {
        ResponseEntity<String> response = as(Role.ANALYST).getForEntity("/api/search?q=laura", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("Laura Haddad").doesNotContain("Secret").doesNotContain("c-3");
        assertThat(http.getForObject("/api/search?q=laura secret", JsonNode.class)).hasSize(1);
        assertThat(as(Role.REPORTS).getForEntity("/api/search?q=laura", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void vocabularyListsEnumerationsCountriesAndTheThemesInUse() {
        JsonNode words = as(Role.REPORTS).getForObject("/api/vocabulary", JsonNode.class);
        assertThat(words.at("/enumerations/contactKind").toString()).contains("DEFENDER", "UN_STAFF");
        assertThat(words.at("/enumerations/organisationType")).isNotEmpty();
        JsonNode egypt = null;
        for (JsonNode c : words.get("countries")) {
            if (c.get("code").asText().equals("EG")) {
                egypt = c;
            }
        }
        assertThat(egypt).isNotNull();
        assertThat(egypt.get("name").asText()).isEqualTo("Egypt");
        assertThat(egypt.get("region").asText()).isEqualTo("ARAB_REGION");
        List<String> themes = new ArrayList<>();
        words.get("themes").forEach(t -> themes.add(t.asText()));
        assertThat(themes).containsExactly("LAND", "WOMENS_RIGHTS");
        assertThat(anonymous.getForEntity("/api/vocabulary", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
