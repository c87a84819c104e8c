package org.civnet.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
import org.springframework.http.ResponseEntity;

/** The history of a contact or organisation, who recorded what, and the handover export. */
class HistoryAndHandoverIT extends IntegrationTest {

    @BeforeEach
    void network() {
        assertThat(send(http, HttpMethod.POST, "/api/import", Fixtures.MEMORY).getBody().get("rejected")).isEmpty();
    }

    @Test
    void historyListsEveryActivityAndIntroductionNewestFirstWithWhoRecordedIt() {
        JsonNode history = http.getForObject("/api/history/c-amal", JsonNode.class);
        assertThat(history.get("subject").get("name").asText()).isEqualTo("Amal Haddad");
        assertThat(history.get("recordedBy").asText()).isEqualTo("admin");
        assertThat(history.get("entries")).extracting(e -> e.get("record").asText() + ":" + e.get("role").asText()
                        + ":" + e.get("date").asText())
                .containsExactly("i-1:INTRODUCER:2026-10-20", "training-1:ATTENDED:2025-09-01",
                        "visit-1:MET_DURING:2025-05-01", "i-2:INTRODUCED:2024-01-01");
        JsonNode introduction = history.get("entries").get(0);
        assertThat(introduction.get("kind").asText()).isEqualTo("Introduction");
        assertThat(introduction.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(introduction.get("introduced").asText()).isEqualTo("c-chidi");
        assertThat(introduction.get("recipient").asText()).isEqualTo("c-hro");
        assertThat(introduction.get("summary").asText()).isEqualTo("for the land rights brief");
        JsonNode visit = history.get("entries").get(2);
        assertThat(visit.get("followUp").asText()).isEqualTo("NOT_SENT");
        assertThat(visit.get("mandates")).extracting(JsonNode::asText).containsExactly("m-er");
        assertThat(visit.get("endDate").asText()).isEqualTo("2025-05-10");
        assertThat(history.get("entries")).allSatisfy(e -> {
            assertThat(e.get("recordedBy").asText()).isEqualTo("admin");
            assertThat(e.get("recordedAt").asText()).isNotBlank();
        });

        // What an officer records carries the officer's name; an undated record sorts by when it was recorded.
        TestRestTemplate officer = as(Role.OFFICER);
        assertThat(send(officer, HttpMethod.POST, "/api/trainings",
                "{\"id\":\"training-2\",\"title\":\"Digital security\",\"date\":\"2026-11-05\"}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        send(officer, HttpMethod.POST, "/api/trainings", "{\"id\":\"training-3\",\"title\":\"Undated session\"}");
        send(officer, HttpMethod.POST, "/api/ties", "{\"type\":\"ATTENDED\",\"from\":\"c-amal\",\"to\":\"training-2\"}");
        send(officer, HttpMethod.POST, "/api/ties", "{\"type\":\"ATTENDED\",\"from\":\"c-amal\",\"to\":\"training-3\"}");
        JsonNode after = officer.getForObject("/api/history/c-amal", JsonNode.class).get("entries");
        assertThat(after).extracting(e -> e.get("record").asText())
                .containsExactly("training-3", "training-2", "i-1", "training-1", "visit-1", "i-2");
        assertThat(after.get(1).get("recordedBy").asText()).isEqualTo("test-officer");
        assertThat(after.get(1).get("title").asText()).isEqualTo("Digital security");
        assertThat(after.get(0).has("date")).isFalse();

        JsonNode organisation = http.getForObject("/api/history/o-ligue", JsonNode.class);
        assertThat(organisation.get("entries")).extracting(e -> e.get("record").asText() + ":" + e.get("followUp").asText())
                .containsExactly("visit-1:REPORT_SENT");
        assertThat(send(http, HttpMethod.GET, "/api/history/m-hrd", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(http, HttpMethod.GET, "/api/history/nobody", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void whoRecordedANodeSurvivesUpdatesAndReimports() {
        TestRestTemplate officer = as(Role.OFFICER);
        assertThat(send(officer, HttpMethod.POST, "/api/contacts",
                "{\"id\":\"c-new\",\"name\":\"New Contact\",\"country\":\"SN\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.getForObject("/api/history/c-new", JsonNode.class).get("recordedBy").asText()).isEqualTo("test-officer");
        send(http, HttpMethod.PUT, "/api/contacts/c-new", "{\"name\":\"New Contact Renamed\",\"country\":\"SN\"}");
        send(http, HttpMethod.POST, "/api/import", "{\"contacts\":[{\"id\":\"c-new\",\"name\":\"Again\",\"country\":\"SN\"}]}");
        JsonNode history = http.getForObject("/api/history/c-new", JsonNode.class);
        assertThat(history.get("subject").get("name").asText()).isEqualTo("Again");
        assertThat(history.get("recordedBy").asText()).isEqualTo("test-officer");
        assertThat(history.get("entries")).isEmpty();
        // The same for introductions: moving one along keeps who recorded it.
        send(officer, HttpMethod.POST, "/api/introductions", "{\"id\":\"i-3\",\"introducer\":\"c-hro\","
                + "\"introduced\":\"c-new\",\"recipient\":\"c-amal\",\"date\":\"2026-11-01\"}");
        send(http, HttpMethod.PUT, "/api/introductions/i-3", "{\"introducer\":\"c-hro\",\"introduced\":\"c-new\","
                + "\"recipient\":\"c-amal\",\"status\":\"MADE\",\"date\":\"2026-11-02\"}");
        JsonNode entry = http.getForObject("/api/history/c-new", JsonNode.class).get("entries").get(0);
        assertThat(entry.get("record").asText()).isEqualTo("i-3");
        assertThat(entry.get("status").asText()).isEqualTo("MADE");
        assertThat(entry.get("recordedBy").asText()).isEqualTo("test-officer");
    }

    @Test
    void aMandatesHandoverListsItsContactsPartnersAndOpenIntroductions() {
        JsonNode handover = http.getForObject("/api/handover?mandate=m-hrd", JsonNode.class);
        assertThat(handover.get("mandates")).extracting(JsonNode::asText).containsExactly("m-hrd");
        // Most recent interaction first: c-amal and c-chidi are in i-1 (2026-10-20), c-badr is comm-1's source,
        // c-dana comm-2's (later than the training and the introduction she was in).
        assertThat(handover.get("contacts")).extracting(c -> c.get("id").asText() + ":" + c.get("via").toString() + ":"
                        + c.get("lastInteraction").get("date").asText() + ":" + c.get("lastInteraction").get("record").asText())
                .containsExactly("c-amal:[\"PARTNER\"]:2026-10-20:i-1",
                        "c-chidi:[\"PARTNER_ORGANISATION\"]:2026-10-20:i-1",
                        "c-badr:[\"ACTIVITY\"]:2026-02-01:comm-1",
                        "c-dana:[\"ACTIVITY\"]:2025-11-01:comm-2");
        JsonNode chidi = handover.get("contacts").get(1);
        assertThat(chidi.get("organisations")).extracting(o -> o.get("id").asText() + ":" + o.get("name").asText())
                .containsExactly("o-ligue:Ligue des droits");
        assertThat(chidi.get("kind").asText()).isEqualTo("LAWYER");
        assertThat(chidi.get("lastInteraction").get("kind").asText()).isEqualTo("Introduction");
        assertThat(handover.get("partners")).extracting(p -> p.get("id").asText() + ":" + p.get("label").asText())
                .containsExactly("c-amal:Contact", "o-ligue:Organisation");
        assertThat(handover.get("partners").get(1).get("activities").get(0).asText()).isEqualTo("communications");
        assertThat(handover.get("openIntroductions")).extracting(i -> i.get("id").asText()).containsExactly("i-1");

        // A KNOWS tie's last contact counts too, when it is the latest.
        send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"KNOWS\",\"from\":\"c-hro\",\"to\":\"c-dana\",\"trust\":3,"
                + "\"lastContact\":\"2026-11-20\"}");
        JsonNode dana = http.getForObject("/api/handover?mandate=m-hrd", JsonNode.class).get("contacts").get(0);
        assertThat(dana.get("id").asText()).isEqualTo("c-dana");
        assertThat(dana.get("lastInteraction").get("kind").asText()).isEqualTo("KNOWS");
        assertThat(dana.get("lastInteraction").get("record").asText()).isEqualTo("c-hro");

        assertThat(http.getForObject("/api/audit?action=EXPORT", JsonNode.class).toString()).contains("handover");
    }

    @Test
    void anOfficersHandoverFollowsWhatTheOfficerRecorded() {
        TestRestTemplate officer = as(Role.OFFICER);
        send(officer, HttpMethod.POST, "/api/contacts", "{\"id\":\"c-new\",\"name\":\"New Contact\",\"country\":\"SN\"}");
        send(officer, HttpMethod.POST, "/api/country-visits", "{\"id\":\"visit-2\",\"mandate\":\"m-er\",\"country\":\"ER\","
                + "\"startDate\":\"2026-09-01\"}");
        send(officer, HttpMethod.POST, "/api/ties", "{\"type\":\"MET_DURING\",\"from\":\"c-chidi\",\"to\":\"visit-2\"}");
        send(officer, HttpMethod.POST, "/api/ties", "{\"type\":\"PARTNERS_WITH\",\"from\":\"o-ligue\",\"to\":\"m-er\"}");
        send(officer, HttpMethod.POST, "/api/introductions", "{\"id\":\"i-3\",\"introducer\":\"c-hro\","
                + "\"introduced\":\"c-new\",\"recipient\":\"c-dana\",\"date\":\"2026-11-01\"}");

        JsonNode handover = http.getForObject("/api/handover?officer=test-officer", JsonNode.class);
        assertThat(handover.get("officer").asText()).isEqualTo("test-officer");
        assertThat(handover.get("contacts")).extracting(c -> c.get("id").asText() + ":" + c.get("via").toString())
                .containsExactlyInAnyOrder("c-new:[\"INTRODUCTION\",\"RECORDED\",\"RESPONSIBLE\"]", "c-chidi:[\"ACTIVITY\"]",
                        "c-hro:[\"INTRODUCTION\"]", "c-dana:[\"INTRODUCTION\"]");
        assertThat(handover.get("mandates")).extracting(JsonNode::asText).containsExactly("m-er");
        assertThat(handover.get("partners")).extracting(p -> p.get("mandate").asText() + ":" + p.get("id").asText())
                .containsExactly("m-er:o-ligue");
        // i-3 was recorded by the officer; i-1 involves the officer's contacts c-chidi and c-hro.
        assertThat(handover.get("openIntroductions")).extracting(i -> i.get("id").asText()).containsExactly("i-3", "i-1");
        JsonNode nobody = http.getForObject("/api/handover?officer=someone-who-left", JsonNode.class);
        assertThat(nobody.get("contacts")).isEmpty();
        assertThat(nobody.get("openIntroductions")).isEmpty();
    }

    @Test
    void theHandoverIsAlsoCsvNeutralisedAndRedactedWithoutClearance() {
        send(http, HttpMethod.POST, "/api/organisations", "{\"id\":\"o-formula\",\"name\":\"=SUM(A1:A9)\",\"country\":\"FR\"}");
        send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"PARTNERS_WITH\",\"from\":\"o-formula\",\"to\":\"m-hrd\"}");

        String csv = http.getForObject("/api/handover?mandate=m-hrd&format=csv", String.class);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("section,mandate,id,name,label,kind,country,region,themes,riskLevel");
        assertThat(lines).hasSize(1 + 4 + 3 + 1);
        assertThat(lines[1]).startsWith("contact,m-hrd,c-amal,Amal Haddad,Contact,DEFENDER,JO,ARAB_REGION,WOMENS_RIGHTS,NONE,,PARTNER,2026-10-20,Introduction,i-1");
        assertThat(csv).contains("partner,m-hrd,o-formula,'=SUM(A1:A9),Organisation").contains("Badr Salem")
                .contains("openIntroduction,m-hrd,i-1,,Introduction");
        HttpHeaders accept = new HttpHeaders();
        accept.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<String> negotiated = http.exchange("/api/handover?mandate=m-hrd", HttpMethod.GET,
                new HttpEntity<>(accept), String.class);
        assertThat(negotiated.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(negotiated.getBody().split("\r\n")[0]).isEqualTo(lines[0]);

        String analystCsv = as(Role.ANALYST).getForObject("/api/handover?mandate=m-hrd&format=csv", String.class);
        assertThat(analystCsv.split("\r\n")).hasSize(lines.length);
        assertThat(analystCsv).doesNotContain("Badr").doesNotContain("c-badr").doesNotContain("c-dana").contains("anon-")
                .contains("Amal Haddad").contains("'=SUM(A1:A9)");
        // A protected contact's country is left out (the region stays).
        String badrRow = List.of(analystCsv.split("\r\n")).stream().filter(l -> l.contains("JOURNALIST")).findFirst().orElseThrow();
        assertThat(badrRow).doesNotContain(",EG,").contains("ARAB_REGION");
    }

    @Test
    void handoverParametersAreChecked() {
        assertThat(send(http, HttpMethod.GET, "/api/handover", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(http, HttpMethod.GET, "/api/handover?mandate=m-hrd&officer=admin", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(http, HttpMethod.GET, "/api/handover?mandate=m-none", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(http, HttpMethod.GET, "/api/handover?mandate=c-amal", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(http, HttpMethod.GET, "/api/handover?mandate=m-hrd&format=xml", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(as(Role.REPORTS), HttpMethod.GET, "/api/handover?mandate=m-hrd", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(as(Role.ANALYST), HttpMethod.GET, "/api/history/c-amal", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
