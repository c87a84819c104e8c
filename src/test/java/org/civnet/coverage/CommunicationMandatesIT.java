package org.civnet.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.neo4j.Neo4jSchema;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
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
 * A communication is sent by one or more mandates, and every mandate an activity names must exist.
 * The fixture's comm-1 is a joint communication of m-hrd and m-foe; c-badr is its source.
 */
class CommunicationMandatesIT extends IntegrationTest {

    @Autowired
    Neo4jSchema schema;

    @BeforeEach
    void network() {
        ResponseEntity<JsonNode> imported = send(http, HttpMethod.POST, "/api/import", Fixtures.MEMORY);
        assertThat(imported.getBody().get("rejected")).isEmpty();
    }

    @Test
    void aJointCommunicationRoundTripsThroughTheApi() {
        ResponseEntity<JsonNode> created = send(http, HttpMethod.POST, "/api/communications", "{\"id\":\"comm-j\","
                + "\"type\":\"ALLEGATION_LETTER\",\"country\":\"KE\",\"mandates\":[\"m-hrd\",\"m-foe\",\"m-hrd\"]}");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(texts(created.getBody().get("mandates"))).containsExactly("m-hrd", "m-foe");     // repeats dropped
        assertThat(texts(http.getForObject("/api/communications/comm-j", JsonNode.class).get("mandates")))
                .containsExactly("m-hrd", "m-foe");
        // Stored as one list property; the old single property is not written.
        assertThat(storedMandates("comm-j")).containsExactly("m-hrd", "m-foe");
        assertThat(hasOldProperty("comm-j")).isFalse();

        ResponseEntity<JsonNode> replaced = send(http, HttpMethod.PUT, "/api/communications/comm-j",
                "{\"type\":\"ALLEGATION_LETTER\",\"mandates\":[\"m-foe\",\"m-er\"]}");
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(texts(http.getForObject("/api/communications/comm-j", JsonNode.class).get("mandates")))
                .containsExactly("m-foe", "m-er");
        // Without mandates is allowed; an empty list or an over-long id is not.
        assertThat(send(http, HttpMethod.POST, "/api/communications", "{\"type\":\"OTHER_LETTER\"}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/communications",
                "{\"type\":\"OTHER_LETTER\",\"mandates\":[]}"))).containsExactly("mandates");
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/communications",
                "{\"type\":\"OTHER_LETTER\",\"mandates\":[\"" + "m".repeat(129) + "\"]}")))
                .singleElement().asString().startsWith("mandates[0]");
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/communications",
                "{\"type\":\"OTHER_LETTER\",\"mandates\":[\" \"]}"))).singleElement().asString().startsWith("mandates[0]");
    }

    @Test
    void aSingleLegacyMandateIsReadAsAList() {
        ResponseEntity<JsonNode> legacy = send(http, HttpMethod.POST, "/api/communications",
                "{\"id\":\"comm-old\",\"type\":\"URGENT_APPEAL\",\"mandate\":\"m-er\"}");
        assertThat(legacy.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(texts(legacy.getBody().get("mandates"))).containsExactly("m-er");
        assertThat(legacy.getBody().has("mandate")).isFalse();
        assertThat(storedMandates("comm-old")).containsExactly("m-er");
        assertThat(hasOldProperty("comm-old")).isFalse();
        // A body with both keeps both: nothing sent is dropped.
        send(http, HttpMethod.PUT, "/api/communications/comm-old",
                "{\"type\":\"URGENT_APPEAL\",\"mandates\":[\"m-hrd\"],\"mandate\":\"m-er\"}");
        assertThat(texts(http.getForObject("/api/communications/comm-old", JsonNode.class).get("mandates")))
                .containsExactly("m-hrd", "m-er");
        // The legacy field is checked like the list: it must name a mandate.
        ResponseEntity<JsonNode> unknown = send(http, HttpMethod.POST, "/api/communications",
                "{\"type\":\"URGENT_APPEAL\",\"mandate\":\"m-none\"}");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // An import document written before joint communications.
        JsonNode report = send(http, HttpMethod.POST, "/api/import", "{\"communications\":[{\"id\":\"comm-doc\","
                + "\"type\":\"OTHER_LETTER\",\"mandate\":\"m-hrd\"}]}").getBody();
        assertThat(report.get("rejected")).isEmpty();
        assertThat(texts(http.getForObject("/api/communications/comm-doc", JsonNode.class).get("mandates")))
                .containsExactly("m-hrd");
        // And CSV files with the old column.
        JsonNode csv = importCsv("communications.csv", "id,type,mandate\ncomm-csv-old,OTHER_LETTER,m-foe\n").getBody();
        assertThat(csv.get("rejected")).isEmpty();
        assertThat(texts(http.getForObject("/api/communications/comm-csv-old", JsonNode.class).get("mandates")))
                .containsExactly("m-foe");
    }

    @Test
    void anUnknownMandateIsRefusedLikeATieToAnUnknownNodeAndWritesNothing() {
        long version = graphVersion();
        ResponseEntity<JsonNode> tie = send(http, HttpMethod.POST, "/api/ties",
                "{\"type\":\"PARTNERS_WITH\",\"from\":\"c-amal\",\"to\":\"m-none\"}");
        ResponseEntity<JsonNode> created = send(http, HttpMethod.POST, "/api/communications",
                "{\"id\":\"comm-x\",\"type\":\"URGENT_APPEAL\",\"mandates\":[\"m-hrd\",\"m-none\"]}");
        assertThat(created.getStatusCode()).isEqualTo(tie.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(created.getHeaders().getContentType().toString()).isEqualTo(tie.getHeaders().getContentType().toString());
        assertThat(created.getBody().get("title").asText()).isEqualTo(tie.getBody().get("title").asText());
        assertThat(created.getBody().get("detail").asText()).contains("mandates").contains("'m-none'");
        assertThat(created.getBody().get("errors").get(0).get("field").asText()).isEqualTo("mandates");
        assertThat(created.getBody().get("errors").get(0).get("reason").asText()).contains("m-none");
        assertThat(send(http, HttpMethod.GET, "/api/communications/comm-x", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> replaced = send(http, HttpMethod.PUT, "/api/communications/comm-1",
                "{\"type\":\"URGENT_APPEAL\",\"mandates\":[\"m-none\"],\"summary\":\"changed\"}");
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode comm1 = http.getForObject("/api/communications/comm-1", JsonNode.class);
        assertThat(texts(comm1.get("mandates"))).containsExactly("m-hrd", "m-foe");
        assertThat(comm1.get("summary").asText()).startsWith("Detention");

        ResponseEntity<JsonNode> visit = send(http, HttpMethod.POST, "/api/country-visits",
                "{\"id\":\"visit-x\",\"mandate\":\"m-none\",\"country\":\"ER\"}");
        assertThat(visit.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(visit.getBody().get("errors").get(0).get("field").asText()).isEqualTo("mandate");
        assertThat(visit.getBody().get("detail").asText()).contains("m-none");
        assertThat(send(http, HttpMethod.PUT, "/api/country-visits/visit-1",
                "{\"mandate\":\"m-none\",\"country\":\"ER\",\"startDate\":\"2020-01-01\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForObject("/api/country-visits/visit-1", JsonNode.class).get("startDate").asText())
                .isEqualTo("2025-05-01");
        assertThat(send(http, HttpMethod.GET, "/api/country-visits/visit-x", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // An id of another kind of node is a 400 naming the field, as a tie of the wrong kind is.
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/communications",
                "{\"type\":\"URGENT_APPEAL\",\"mandates\":[\"m-hrd\",\"c-amal\"]}"))).containsExactly("mandates");
        assertThat(badRequestFields(send(http, HttpMethod.POST, "/api/country-visits",
                "{\"mandate\":\"training-1\",\"country\":\"ER\"}"))).containsExactly("mandate");
        assertThat(graphVersion()).isEqualTo(version);
        assertThat(count("Communication")).isEqualTo(2);
        assertThat(count("CountryVisit")).isEqualTo(1);
    }

    @Test
    void anImportRejectsRowsNamingUnknownMandatesUnlessTheDocumentCreatesThem() {
        String document = """
                {"mandates": [
                   {"id": "m-new", "title": "WG on a new theme", "kind": "THEMATIC", "holderType": "WORKING_GROUP"},
                   {"id": "m-bad", "title": "Refused", "kind": "COUNTRY", "holderType": "WORKING_GROUP"}
                 ],
                 "communications": [
                   {"id": "comm-a", "type": "URGENT_APPEAL", "mandates": ["m-new", "m-hrd"]},
                   {"id": "comm-b", "type": "URGENT_APPEAL", "mandates": ["m-hrd", "m-ghost"]},
                   {"id": "comm-c", "type": "URGENT_APPEAL", "mandates": ["m-bad"]},
                   {"id": "comm-d", "type": "URGENT_APPEAL", "mandates": ["c-amal"]}
                 ],
                 "countryVisits": [
                   {"id": "visit-a", "mandate": "m-new", "country": "SN"},
                   {"id": "visit-b", "mandate": "m-ghost", "country": "SN"}
                 ],
                 "ties": [
                   {"type": "SOURCE_OF", "from": "c-chidi", "to": "comm-a"},
                   {"type": "SOURCE_OF", "from": "c-chidi", "to": "comm-b"}
                 ]}
                """;
        JsonNode dryRun = send(http, HttpMethod.POST, "/api/import?dryRun=true", document).getBody();
        assertThat(count("Communication")).isEqualTo(2);
        JsonNode report = send(http, HttpMethod.POST, "/api/import", document).getBody();
        assertThat(report.get("rejected")).isEqualTo(dryRun.get("rejected"));
        assertThat(report.get("rejected")).extracting(r -> r.get("file").asText() + ":" + r.get("row").asInt())
                .containsExactly("communications:2", "communications:3", "communications:4", "countryVisits:2",
                        "mandates:2", "ties:2");
        assertThat(report.get("rejected").get(0).get("reason").asText()).contains("mandates").contains("m-ghost");
        assertThat(report.get("rejected").get(1).get("reason").asText()).contains("m-bad");       // its mandate was refused
        assertThat(report.get("rejected").get(2).get("reason").asText()).contains("not a Mandate");
        assertThat(report.get("rejected").get(3).get("reason").asText()).startsWith("mandate ").contains("m-ghost");
        assertThat(report.get("rejected").get(5).get("reason").asText()).contains("comm-b");      // a tie to a refused row

        assertThat(texts(http.getForObject("/api/communications/comm-a", JsonNode.class).get("mandates")))
                .containsExactly("m-new", "m-hrd");
        assertThat(http.getForObject("/api/country-visits/visit-a", JsonNode.class).get("mandate").asText()).isEqualTo("m-new");
        for (String refused : List.of("communications/comm-b", "communications/comm-c", "communications/comm-d",
                "country-visits/visit-b", "mandates/m-bad")) {
            assertThat(send(http, HttpMethod.GET, "/api/" + refused, null).getStatusCode()).as(refused)
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(count("Communication")).isEqualTo(3);
        assertThat(http.getForObject("/api/ties?node=comm-a", JsonNode.class)).hasSize(1);

        // CSV: the mandates cell is a list separated by ";" like themes; rows are reported by line number.
        ResponseEntity<JsonNode> csv = importCsv("communications.csv", """
                id,type,date,country,mandates
                comm-csv,ALLEGATION_LETTER,2026-03-01,KE,m-hrd; m-foe
                comm-csv-bad,ALLEGATION_LETTER,2026-03-01,KE,m-hrd;m-ghost
                comm-csv-none,OTHER_LETTER,,,
                """);
        assertThat(csv.getBody().get("rejected")).extracting(r -> r.get("file").asText() + ":" + r.get("row").asInt())
                .containsExactly("communications.csv:3");
        assertThat(csv.getBody().get("rejected").get(0).get("reason").asText()).contains("m-ghost");
        assertThat(texts(http.getForObject("/api/communications/comm-csv", JsonNode.class).get("mandates")))
                .containsExactly("m-hrd", "m-foe");
        assertThat(http.getForObject("/api/communications/comm-csv-none", JsonNode.class).has("mandates")).isFalse();
        assertThat(send(http, HttpMethod.GET, "/api/communications/comm-csv-bad", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theExportCarriesEveryMandateAndReimportsTheSame() {
        JsonNode exported = http.getForObject("/api/export", JsonNode.class);
        JsonNode comm1 = find(exported.get("communications"), "comm-1");
        assertThat(texts(comm1.get("mandates"))).containsExactly("m-hrd", "m-foe");
        assertThat(comm1.has("mandate")).isFalse();
        String graphml = http.getForObject("/api/export?format=graphml", String.class);
        assertThat(graphml).contains("attr.name=\"mandates\"").contains(">m-hrd;m-foe<");
        String gexf = http.getForObject("/api/export?format=gexf", String.class);
        assertThat(gexf).contains("title=\"mandates\"").contains("value=\"m-hrd;m-foe\"");

        clear();
        assertThat(send(http, HttpMethod.POST, "/api/import", exported.toString()).getBody().get("rejected")).isEmpty();
        assertThat(http.getForObject("/api/export", JsonNode.class)).isEqualTo(exported);
    }

    @Test
    void aJointCommunicationIsFollowedUpAndHandedOverUnderEachMandate() {
        for (String mandate : List.of("m-hrd", "m-foe")) {
            JsonNode replies = http.getForObject("/api/followups/communications?mandate=" + mandate, JsonNode.class);
            assertThat(replies).as(mandate).extracting(r -> r.get("activity").get("id").asText() + ":"
                    + r.get("participant").get("id").asText()).containsExactly("comm-1:c-badr");
            assertThat(texts(replies.get(0).get("activity").get("mandates"))).containsExactly("m-hrd", "m-foe");

            JsonNode handover = http.getForObject("/api/handover?mandate=" + mandate, JsonNode.class);
            assertThat(handover.get("contacts")).as(mandate).filteredOn(c -> c.get("id").asText().equals("c-badr"))
                    .singleElement().satisfies(c -> {
                        assertThat(texts(c.get("via"))).containsExactly("ACTIVITY");
                        assertThat(c.get("lastInteraction").get("record").asText()).isEqualTo("comm-1");
                    });
        }
        assertThat(http.getForObject("/api/followups/communications?mandate=m-er", JsonNode.class)).isEmpty();
        // c-dana is comm-2's source, and comm-2 was sent by m-hrd alone.
        assertThat(http.getForObject("/api/handover?mandate=m-foe", JsonNode.class).get("contacts"))
                .extracting(c -> c.get("id").asText()).containsExactly("c-badr");

        JsonNode history = http.getForObject("/api/history/c-badr", JsonNode.class).get("entries");
        assertThat(texts(history.get(0).get("mandates"))).containsExactly("m-hrd", "m-foe");

        // An officer's handover covers every mandate of the communications the officer recorded.
        TestRestTemplate officer = as(Role.OFFICER);
        assertThat(send(officer, HttpMethod.POST, "/api/communications", "{\"id\":\"comm-o\",\"type\":\"URGENT_APPEAL\","
                + "\"date\":\"2026-06-01\",\"mandates\":[\"m-er\",\"m-foe\"]}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        send(officer, HttpMethod.POST, "/api/ties", "{\"type\":\"SOURCE_OF\",\"from\":\"c-chidi\",\"to\":\"comm-o\"}");
        JsonNode officers = http.getForObject("/api/handover?officer=test-officer", JsonNode.class);
        assertThat(texts(officers.get("mandates"))).containsExactly("m-er", "m-foe");
        assertThat(http.getForObject("/api/handover?mandate=m-er", JsonNode.class).get("contacts"))
                .extracting(c -> c.get("id").asText()).contains("c-chidi");
    }

    @Test
    void aStoreWrittenByTheOldCodeIsMigratedAtStartUp() {
        try (Session session = driver.session()) {
            // As the old code wrote them: one mandate as a string property.
            session.run("CREATE (:Node:Communication {id: 'comm-legacy', type: 'URGENT_APPEAL', date: '2024-04-01',"
                    + " mandate: 'm-er', createdAt: '2024-04-01T10:00:00Z', updatedAt: '2024-04-01T10:00:00Z',"
                    + " recordedBy: 'someone-who-left'})").consume();
            // Half-way (both properties): the old value joins the list.
            session.run("CREATE (:Node:Communication {id: 'comm-mixed', type: 'OTHER_LETTER', mandate: 'm-hrd',"
                    + " mandates: ['m-foe']})").consume();
            // Already in the list: not repeated.
            session.run("CREATE (:Node:Communication {id: 'comm-dup', type: 'OTHER_LETTER', mandate: 'm-hrd',"
                    + " mandates: ['m-hrd']})").consume();
        }
        send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"SOURCE_OF\",\"from\":\"c-chidi\",\"to\":\"comm-legacy\"}");
        // Even before the migration, reading an old node loses nothing.
        assertThat(texts(http.getForObject("/api/communications/comm-legacy", JsonNode.class).get("mandates")))
                .containsExactly("m-er");
        long version = graphVersion();

        // Three communications' mandates, and comm-legacy's responsible officer (who recorded it).
        assertThat(schema.migrate()).isEqualTo(4);
        assertThat(schema.migrate()).isZero();          // idempotent
        assertThat(graphVersion()).isGreaterThan(version);

        for (String id : List.of("comm-legacy", "comm-mixed", "comm-dup")) {
            assertThat(hasOldProperty(id)).as(id).isFalse();
        }
        assertThat(storedMandates("comm-legacy")).containsExactly("m-er");
        assertThat(storedMandates("comm-mixed")).containsExactly("m-foe", "m-hrd");
        assertThat(storedMandates("comm-dup")).containsExactly("m-hrd");
        JsonNode migrated = http.getForObject("/api/communications/comm-legacy", JsonNode.class);
        assertThat(texts(migrated.get("mandates"))).containsExactly("m-er");
        assertThat(migrated.get("date").asText()).isEqualTo("2024-04-01");
        assertThat(migrated.get("createdAt").asText()).startsWith("2024-04-01T10:00");
        assertThat(migrated.get("responsibleOfficer").asText()).isEqualTo("someone-who-left");
        assertThat(http.getForObject("/api/followups/communications?mandate=m-er", JsonNode.class))
                .extracting(r -> r.get("activity").get("id").asText()).containsExactly("comm-legacy");
        assertThat(texts(http.getForObject("/api/handover?officer=someone-who-left", JsonNode.class).get("mandates")))
                .containsExactly("m-er");
        assertThat(texts(http.getForObject("/api/communications/comm-mixed", JsonNode.class).get("mandates")))
                .containsExactly("m-foe", "m-hrd");
    }

    @Test
    void theOpenApiDescribesTheMandatesList() {
        JsonNode schema = anonymous.getForObject("/v3/api-docs", JsonNode.class).at("/components/schemas/Communication");
        assertThat(schema.at("/properties/mandates/type").asText()).isEqualTo("array");
        assertThat(schema.at("/properties/mandates/minItems").asInt()).isEqualTo(1);
        assertThat(schema.at("/properties/mandates/description").asText()).contains("at least one");
        // The legacy single field is accepted in requests only, and marked as such.
        assertThat(schema.at("/properties/mandate/writeOnly").asBoolean()).isTrue();
        assertThat(schema.at("/properties/mandate/deprecated").asBoolean()).isTrue();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private ResponseEntity<JsonNode> importCsv(String fileName, String content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add(fileName.replace(".csv", ""), new ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/import", HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    private List<String> storedMandates(String id) {
        try (Session session = driver.session()) {
            Value value = session.run("MATCH (c:Communication {id: $id}) RETURN c.mandates AS m", Map.of("id", id))
                    .single().get("m");
            return value.isNull() ? null : value.asList(Value::asString);
        }
    }

    @Test
    void aMandateThatActivitiesNameIsNotDeleted() {
        long version = graphVersion();
        ResponseEntity<JsonNode> refused = send(http, HttpMethod.DELETE, "/api/mandates/m-hrd", null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail").asText()).contains("m-hrd").contains("comm-1").contains("comm-2");
        ResponseEntity<JsonNode> visitRefused = send(http, HttpMethod.DELETE, "/api/mandates/m-er", null);
        assertThat(visitRefused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(visitRefused.getBody().get("detail").asText()).contains("visit-1");
        assertThat(send(http, HttpMethod.GET, "/api/mandates/m-hrd", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(graphVersion()).isEqualTo(version);

        // Once no record names it, the mandate goes (with its partnership ties).
        assertThat(send(http, HttpMethod.DELETE, "/api/communications/comm-2", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(http, HttpMethod.PUT, "/api/communications/comm-1", "{\"type\":\"URGENT_APPEAL\","
                + "\"date\":\"2026-02-01\",\"country\":\"EG\",\"mandates\":[\"m-foe\"]}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> deleted = send(http, HttpMethod.DELETE, "/api/mandates/m-hrd", null);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(http, HttpMethod.GET, "/api/mandates/m-hrd", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private boolean hasOldProperty(String id) {
        try (Session session = driver.session()) {
            return !session.run("MATCH (c:Communication {id: $id}) RETURN c.mandate AS m", Map.of("id", id))
                    .single().get("m").isNull();
        }
    }

    private long count(String label) {
        return http.getForObject("/api/graph/stats", JsonNode.class).get("nodes").path(label).asLong();
    }

    private long graphVersion() {
        return http.getForObject("/api/graph/stats", JsonNode.class).get("graphVersion").asLong();
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode node : list) {
            if (node.get("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }
}
