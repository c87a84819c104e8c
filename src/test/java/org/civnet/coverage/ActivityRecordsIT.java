package org.civnet.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.NetworkSnapshot;
import org.civnet.snapshot.SnapshotCache;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Communications, country visits and trainings: CRUD, validation, participation ties, confidential sources. */
class ActivityRecordsIT extends IntegrationTest {

    @Autowired
    SnapshotCache snapshots;

    @BeforeEach
    void network() {
        ResponseEntity<JsonNode> imported = send(http, HttpMethod.POST, "/api/import", Fixtures.MEMORY);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("rejected")).isEmpty();
    }

    @Test
    void eachActivityKindHasCrudEndpoints() {
        record Kind(String path, String body, String changed, String field, String value) {
        }
        List<Kind> kinds = List.of(
                new Kind("/api/communications", "{\"id\":\"comm-9\",\"type\":\"OTHER_LETTER\",\"date\":\"2026-03-01\",\"country\":\"KE\",\"mandates\":[\"m-hrd\"]}",
                        "{\"type\":\"ALLEGATION_LETTER\",\"date\":\"2026-03-02\",\"country\":\"KE\",\"mandates\":[\"m-hrd\"]}", "type", "ALLEGATION_LETTER"),
                new Kind("/api/country-visits", "{\"id\":\"visit-9\",\"mandate\":\"m-er\",\"country\":\"ER\",\"startDate\":\"2026-04-01\",\"endDate\":\"2026-04-09\"}",
                        "{\"mandate\":\"m-er\",\"country\":\"ER\",\"startDate\":\"2026-04-02\",\"endDate\":\"2026-04-09\"}", "startDate", "2026-04-02"),
                new Kind("/api/trainings", "{\"id\":\"training-9\",\"title\":\"Reporting to treaty bodies\",\"date\":\"2026-05-01\",\"place\":\"Nairobi\"}",
                        "{\"title\":\"Reporting to the treaty bodies\",\"date\":\"2026-05-01\"}", "title", "Reporting to the treaty bodies"));
        for (Kind kind : kinds) {
            ResponseEntity<JsonNode> created = send(http, HttpMethod.POST, kind.path(), kind.body());
            assertThat(created.getStatusCode()).as(kind.path()).isEqualTo(HttpStatus.CREATED);
            String id = created.getBody().get("id").asText();
            assertThat(created.getHeaders().getLocation().getPath()).isEqualTo(kind.path() + "/" + id);
            assertThat(created.getBody().get("createdAt").asText()).isNotBlank();
            assertThat(send(http, HttpMethod.POST, kind.path(), kind.body()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            ResponseEntity<JsonNode> replaced = send(http, HttpMethod.PUT, kind.path() + "/" + id, kind.changed());
            assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(send(http, HttpMethod.GET, kind.path() + "/" + id, null).getBody().get(kind.field()).asText())
                    .isEqualTo(kind.value());
            JsonNode list = send(http, HttpMethod.GET, kind.path() + "?size=100", null).getBody();
            assertThat(list.get("total").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(send(http, HttpMethod.DELETE, kind.path() + "/" + id, null).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(send(http, HttpMethod.GET, kind.path() + "/" + id, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        // Deleting an activity removes its participation ties.
        JsonNode deleted = send(http, HttpMethod.DELETE, "/api/trainings/training-1", null).getBody();
        assertThat(deleted.get("tiesRemoved").asLong()).isEqualTo(2);
    }

    @Test
    void invalidActivitiesAreRefusedFieldByField() {
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/communications", "{\"country\":\"ZZ\",\"date\":\"2026-01-01\"}")))
                .contains("type", "country");
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/communications", "{\"type\":\"TELEGRAM\"}"))).isNotEmpty();
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/country-visits", "{\"startDate\":\"2026-01-01\"}")))
                .contains("mandate", "country");
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/country-visits",
                "{\"mandate\":\"m-er\",\"country\":\"ER\",\"startDate\":\"2026-01-10\",\"endDate\":\"2026-01-01\"}")))
                .containsExactly("endDate");
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/trainings", "{\"title\":\" \",\"id\":\"bad id!\"}")))
                .contains("title", "id");
        assertThat(send(http, HttpMethod.PUT, "/api/trainings/training-1", "{\"id\":\"other\",\"title\":\"x\"}")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(http, HttpMethod.GET, "/api/trainings/nope", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void participationTiesCarryOnlyTheFollowUpThatFitsThem() {
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/ties",
                "{\"type\":\"ATTENDED\",\"from\":\"c-chidi\",\"to\":\"training-1\",\"followUp\":\"INFORMED\"}")))
                .containsExactly("followUp");
        ResponseEntity<JsonNode> wrong = send(http, HttpMethod.POST, "/api/ties",
                "{\"type\":\"MET_DURING\",\"from\":\"c-dana\",\"to\":\"visit-1\",\"followUp\":\"INFORMED\"}");
        assertThat(wrong.getBody().toString()).contains("REPORT_SENT");
        assertThat(send(http, HttpMethod.POST, "/api/ties",
                "{\"type\":\"MET_DURING\",\"from\":\"c-dana\",\"to\":\"visit-1\",\"followUp\":\"REPORT_SENT\",\"since\":\"2025-05-02\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(http, HttpMethod.POST, "/api/ties",
                "{\"type\":\"SOURCE_OF\",\"from\":\"c-amal\",\"to\":\"visit-1\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // The import applies the same rule, and a refused row writes nothing.
        JsonNode report = send(http, HttpMethod.POST, "/api/import",
                "{\"ties\":[{\"type\":\"SOURCE_OF\",\"from\":\"c-chidi\",\"to\":\"comm-1\",\"followUp\":\"REPORT_SENT\"}]}").getBody();
        assertThat(report.get("rejected").get(0).get("reason").asText()).contains("followUp");
        // The status survives export → import.
        String exported = http.getForObject("/api/export", String.class);
        assertThat(exported).contains("\"followUp\":\"INFORMED\"").contains("\"followUp\":\"REPORT_SENT\"");
        assertThat(http.getForEntity("/api/export?format=graphml", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void participantsAndTheirFollowUpCanBeReadAndMovedAlong() {
        JsonNode participants = http.getForObject("/api/activities/visit-1/participants", JsonNode.class);
        assertThat(participants).extracting(p -> p.get("id").asText() + ":" + p.path("followUp").asText("-"))
                .containsExactly("c-amal:NOT_SENT", "c-chidi:-", "o-ligue:REPORT_SENT");
        long version = http.getForObject("/api/graph/stats", JsonNode.class).get("graphVersion").asLong();

        ResponseEntity<JsonNode> sent = send(as(Role.OFFICER), HttpMethod.PUT, "/api/activities/visit-1/participants/c-chidi",
                "{\"followUp\":\"REPORT_SENT\"}");
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(sent.getBody().get("followUp").asText()).isEqualTo("REPORT_SENT");
        assertThat(http.getForObject("/api/graph/stats", JsonNode.class).get("graphVersion").asLong()).isGreaterThan(version);
        // Other properties of the tie are kept.
        JsonNode ties = http.getForObject("/api/ties?node=c-chidi", JsonNode.class);
        assertThat(ties.toString()).contains("REPORT_SENT").contains("\"role\":\"member\"");

        assertThat(badRequestFields(send(http, HttpMethod.PUT, "/api/activities/visit-1/participants/c-amal", "{\"followUp\":\"INFORMED\"}")))
                .containsExactly("followUp");
        assertThat(badRequestFields(send(http, HttpMethod.PUT, "/api/activities/training-1/participants/c-amal", "{\"followUp\":\"NOT_SENT\"}")))
                .containsExactly("followUp");
        assertThat(badRequestFields(send(http, HttpMethod.PUT, "/api/activities/visit-1/participants/c-amal", "{}")))
                .containsExactly("followUp");
        assertThat(send(http, HttpMethod.PUT, "/api/activities/visit-1/participants/c-dana", "{\"followUp\":\"REPORT_SENT\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(http, HttpMethod.GET, "/api/activities/c-amal/participants", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(http, HttpMethod.GET, "/api/activities/nothing/participants", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(as(Role.ANALYST), HttpMethod.PUT, "/api/activities/visit-1/participants/c-amal",
                "{\"followUp\":\"REPORT_SENT\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void followUpListsShowWhoIsStillWaiting() {
        JsonNode reports = http.getForObject("/api/followups/visit-reports?visit=visit-1", JsonNode.class);
        assertThat(reports).extracting(r -> r.get("participant").get("id").asText() + ":" + r.get("followUp").asText())
                .containsExactly("c-amal:NOT_SENT", "c-chidi:NOT_SENT");
        assertThat(reports.get(0).get("activity").get("mandates")).extracting(JsonNode::asText).containsExactly("m-er");
        assertThat(reports.get(0).get("activity").get("date").asText()).isEqualTo("2025-05-01");
        assertThat(http.getForObject("/api/followups/visit-reports?mandate=m-hrd", JsonNode.class)).isEmpty();
        assertThat(send(http, HttpMethod.GET, "/api/followups/visit-reports?visit=comm-1", null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(http, HttpMethod.GET, "/api/followups/visit-reports?visit=visit-404", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode replies = http.getForObject("/api/followups/communications", JsonNode.class);
        assertThat(replies).extracting(r -> r.get("activity").get("id").asText() + ":" + r.get("participant").get("id").asText())
                .containsExactly("comm-1:c-badr");       // c-dana was informed about comm-2
        send(http, HttpMethod.PUT, "/api/activities/comm-1/participants/c-badr", "{\"followUp\":\"INFORMED\"}");
        assertThat(http.getForObject("/api/followups/communications", JsonNode.class)).isEmpty();
        send(http, HttpMethod.PUT, "/api/activities/comm-1/participants/c-badr", "{\"followUp\":\"NOT_INFORMED\"}");
        assertThat(http.getForObject("/api/followups/communications?communication=comm-1", JsonNode.class)).hasSize(1);
    }

    @Test
    void sourcesOfCommunicationsAreConfidentialForAnalystsAndReports() {
        // An organisation can be a source too.
        send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"SOURCE_OF\",\"from\":\"o-ligue\",\"to\":\"comm-2\"}");
        TestRestTemplate analyst = as(Role.ANALYST);
        // c-badr and c-dana are neither confidential nor at risk: being a source is what protects them.
        String everywhere = String.join("\n",
                analyst.getForObject("/api/ties?node=comm-1", String.class),
                analyst.getForObject("/api/activities/comm-1/participants", String.class),
                analyst.getForObject("/api/activities/training-1/participants", String.class),
                analyst.getForObject("/api/followups/communications", String.class),
                // (GET /api/contacts/c-badr is a 404 for an analyst now, issue 15: its problem echoes the id sent)
                analyst.getForObject("/api/communications/comm-1", String.class),
                analyst.getForObject("/api/handover?mandate=m-hrd", String.class),
                analyst.getForObject("/api/handover?mandate=m-hrd&format=csv", String.class),
                analyst.getForObject("/api/history/c-amal", String.class),
                analyst.getForObject("/api/activities/visit-1/participants", String.class),
                analyst.getForObject("/api/followups/visit-reports", String.class));
        assertThat(everywhere).doesNotContain("c-badr").doesNotContain("Badr").doesNotContain("signal:+20-000")
                .doesNotContain("c-dana").doesNotContain("Dana").doesNotContain("Ligue").doesNotContain("o-ligue")
                .contains("anon-")
                .contains("Amal Haddad");       // not a source: shown in full
        JsonNode participants = analyst.getForObject("/api/activities/comm-1/participants", JsonNode.class);
        assertThat(participants.get(0).get("pseudonymised").asBoolean()).isTrue();
        // The summary is free text: withheld from roles without clearance, the rest of the record stays
        // (issue 15: it was scrubbed of the exact name only, so other spellings and channels leaked).
        JsonNode communication = analyst.getForObject("/api/communications/comm-1", JsonNode.class);
        assertThat(communication.has("summary")).isFalse();
        assertThat(communication.get("country").asText()).isEqualTo("EG");

        // REPORTS reads reports only: none of the activity endpoints, and no source in the coverage report.
        TestRestTemplate reports = as(Role.REPORTS);
        for (String path : List.of("/api/communications", "/api/communications/comm-1", "/api/country-visits",
                "/api/trainings", "/api/activities/comm-1/participants", "/api/followups/communications",
                "/api/followups/visit-reports", "/api/history/c-badr", "/api/handover?mandate=m-hrd", "/api/ties?node=comm-1")) {
            assertThat(send(reports, HttpMethod.GET, path, null).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        String coverage = reports.getForObject("/api/reports/coverage", String.class)
                + reports.getForObject("/api/reports/coverage?format=csv", String.class)
                + reports.getForObject("/api/reports/coverage?mandate=m-hrd", String.class);
        assertThat(coverage).contains("byRegion").doesNotContain("c-badr").doesNotContain("Badr").doesNotContain("c-dana");

        // Officers see the sources, and reading them is audited.
        assertThat(as(Role.OFFICER).getForObject("/api/activities/comm-1/participants", String.class)).contains("Badr Salem");
        JsonNode audit = http.getForObject("/api/audit?action=READ_CONFIDENTIAL", JsonNode.class);
        assertThat(audit.toString()).contains("c-badr");
    }

    @Test
    void writesNeedAnOfficerReadsAnAnalyst() {
        TestRestTemplate analyst = as(Role.ANALYST);
        TestRestTemplate officer = as(Role.OFFICER);
        for (String path : List.of("/api/communications", "/api/country-visits", "/api/trainings")) {
            assertThat(send(analyst, HttpMethod.GET, path, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(send(analyst, HttpMethod.POST, "/api/trainings", "{\"title\":\"x\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(analyst, HttpMethod.DELETE, "/api/communications/comm-1", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(officer, HttpMethod.POST, "/api/trainings", "{\"title\":\"x\"}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(send(officer, HttpMethod.PUT, "/api/country-visits/visit-1",
                "{\"mandate\":\"m-er\",\"country\":\"ER\",\"startDate\":\"2025-05-01\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(officer, HttpMethod.DELETE, "/api/communications/comm-2", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void participationIsAnAnalysisScope() {
        // Co-participants of a training are linked through it: ties=ATTENDED over contacts and trainings.
        NetworkSnapshot trainings = snapshots.get(AnalysisScope.parse("Contact,Training", "ATTENDED", null, null, null, null))
                .snapshot();
        int training = trainings.indexOf("training-1");
        assertThat(training).isNotNegative();
        assertThat(neighbours(trainings, training)).containsExactlyInAnyOrder("c-amal", "c-dana");
        assertThat(trainings.graph().edgeCount()).isEqualTo(2);
        assertThat(trainings.indexOf("comm-1")).isNegative();

        NetworkSnapshot participation = snapshots.get(AnalysisScope.parse("Contact,Organisation,Communication,CountryVisit,Training",
                "MET_DURING,ATTENDED,SOURCE_OF", null, null, null, null)).snapshot();
        assertThat(participation.graph().edgeCount()).isEqualTo(7);
        assertThat(neighbours(participation, participation.indexOf("visit-1"))).containsExactlyInAnyOrder("c-amal", "c-chidi", "o-ligue");
        assertThat(neighbours(participation, participation.indexOf("c-badr"))).containsExactly("comm-1");
    }

    @Test
    void theCentralityEndpointTakesParticipationTiesAsItsScope() {
        JsonNode report = http.getForObject("/api/analysis/centrality?nodes=Contact,Training&ties=ATTENDED"
                + "&metric=degree&normalized=false", JsonNode.class);
        JsonNode scores = report.get("scores");
        assertThat(scores.get(0).get("id").asText()).isEqualTo("training-1");
        assertThat(scores.get(0).get("score").asDouble()).isEqualTo(2.0);
        assertThat(scores).filteredOn(s -> s.get("score").asDouble() == 1.0).extracting(s -> s.get("id").asText())
                .containsExactlyInAnyOrder("c-amal", "c-dana");
        assertThat(scores).hasSize(6);      // five contacts and the training
        // A source stays a pseudonym in an analysis too.
        String analyst = as(Role.ANALYST).getForObject("/api/analysis/centrality?nodes=Contact,Training&ties=ATTENDED"
                + "&metric=degree", String.class);
        assertThat(analyst).contains("Amal Haddad").doesNotContain("Dana").doesNotContain("c-dana");
    }

    private static List<String> neighbours(NetworkSnapshot snapshot, int v) {
        List<String> out = new ArrayList<>();
        for (int u : snapshot.graph().neighbors(v)) {
            out.add(snapshot.id(u));
        }
        return out;
    }
}
