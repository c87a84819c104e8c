package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Hostile input (issue 14): each case is refused with a problem naming the field, writes nothing,
 * and leaves every analysis answering; values that got into the store some other way (written
 * with Cypher here) neither take the analyses down nor break the XML exports.
 */
class HardeningIT extends IntegrationTest {

    static final List<String> ANALYSES = List.of("/api/analysis/centrality", "/api/analysis/brokers",
            "/api/analysis/coalitions", "/api/analysis/isolation", "/api/analysis/graph",
            "/api/referrals?from=c-12&to=c-14", "/api/reports/centrality");

    @BeforeEach
    void network() {
        ResponseEntity<JsonNode> imported = send(http, HttpMethod.POST, "/api/import", """
                {"contacts": [
                   {"id": "c-12", "name": "Amal", "country": "JO", "consentToIntroduce": true},
                   {"id": "c-13", "name": "Badr", "country": "EG", "consentToIntroduce": true},
                   {"id": "c-14", "name": "Chidi", "country": "NG", "riskLevel": "HIGH"}],
                 "mandates": [{"id": "m-1", "title": "SR on defenders", "kind": "THEMATIC",
                                "holderType": "SPECIAL_RAPPORTEUR"}],
                 "ties": [{"type": "KNOWS", "from": "c-12", "to": "c-13", "trust": 4, "since": "2020-01-01"},
                          {"type": "KNOWS", "from": "c-13", "to": "c-14", "trust": 3}]}""");
        assertThat(imported.getBody().get("rejected")).isEmpty();
    }

    // ---- 1. dates out of range -----------------------------------------------------------------

    @Test
    void tieDatesOutsideTheYears1900To2200AreRefusedAndAnalysesStillAnswer() {
        for (String since : List.of("-9999-01-01", "+999999999-12-31", "1899-12-31", "2201-01-01")) {
            ResponseEntity<JsonNode> response = send(http, HttpMethod.POST, "/api/ties",
                    "{\"type\":\"KNOWS\",\"from\":\"c-12\",\"to\":\"c-14\",\"since\":\"" + since + "\"}");
            assertProblem(response, "since");
        }
        assertProblem(send(http, HttpMethod.POST, "/api/ties",
                "{\"type\":\"KNOWS\",\"from\":\"c-12\",\"to\":\"c-14\",\"lastContact\":\"-9999-01-01\"}"), "lastContact");
        assertThat(tiesOf("c-14")).hasSize(1);
        assertThat(send(http, HttpMethod.POST, "/api/ties",
                "{\"type\":\"KNOWS\",\"from\":\"c-12\",\"to\":\"c-14\",\"since\":\"1900-01-01\",\"lastContact\":\"2200-12-31\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertAnalysesAnswer();
    }

    @Test
    void everyRecordsDateFieldsAreChecked() {
        assertProblem(send(http, HttpMethod.POST, "/api/contacts",
                "{\"id\":\"c-old\",\"name\":\"Old\",\"country\":\"JO\",\"createdAt\":\"1800-01-01T00:00:00Z\"}"), "createdAt");
        assertProblem(send(http, HttpMethod.POST, "/api/contacts",
                "{\"id\":\"c-old\",\"name\":\"Old\",\"country\":\"JO\",\"updatedAt\":\"2201-01-01T00:00:00Z\"}"), "updatedAt");
        assertProblem(send(http, HttpMethod.POST, "/api/communications",
                "{\"id\":\"comm-x\",\"type\":\"URGENT_APPEAL\",\"date\":\"-9999-01-01\",\"mandates\":[\"m-1\"]}"), "date");
        assertProblem(send(http, HttpMethod.POST, "/api/country-visits",
                "{\"id\":\"v-x\",\"mandate\":\"m-1\",\"country\":\"EG\",\"startDate\":\"0001-01-01\"}"), "startDate");
        assertProblem(send(http, HttpMethod.POST, "/api/country-visits",
                "{\"id\":\"v-x\",\"mandate\":\"m-1\",\"country\":\"EG\",\"endDate\":\"+10000-01-01\"}"), "endDate");
        assertProblem(send(http, HttpMethod.POST, "/api/trainings",
                "{\"id\":\"t-x\",\"title\":\"Training\",\"date\":\"2999-01-01\"}"), "date");
        assertProblem(send(http, HttpMethod.POST, "/api/introductions",
                "{\"id\":\"i-x\",\"introducer\":\"c-13\",\"introduced\":\"c-14\",\"recipient\":\"c-12\",\"date\":\"1066-10-14\"}"),
                "date");
        for (String path : List.of("/api/contacts/c-old", "/api/communications/comm-x", "/api/country-visits/v-x",
                "/api/trainings/t-x", "/api/introductions/i-x")) {
            assertThat(http.getForEntity(path, JsonNode.class).getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertAnalysesAnswer();
    }

    @Test
    void importsRejectRowsWithDatesOutOfRange() {
        JsonNode json = send(http, HttpMethod.POST, "/api/import", """
                {"ties": [{"type": "KNOWS", "from": "c-12", "to": "c-14", "since": "-9999-01-01"}],
                 "trainings": [{"id": "t-1", "title": "Training", "date": "+999999999-12-31"}]}""").getBody();
        assertThat(json.get("rejected")).extracting(r -> r.get("file").asText() + " " + r.get("reason").asText())
                .containsExactlyInAnyOrder("ties since must be within the years 1900 to 2200",
                        "trainings date must be within the years 1900 to 2200");
        JsonNode csv = importCsv(Map.of("ties.csv", "type,from,to,since\nKNOWS,c-12,c-14,1899-01-01\n")).getBody();
        assertThat(csv.get("rejected")).extracting(r -> r.get("problems").get(0).get("field").asText()).containsExactly("since");
        assertThat(tiesOf("c-14")).hasSize(1);
        assertThat(http.getForEntity("/api/trainings/t-1", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertAnalysesAnswer();
    }

    @Test
    void storedValuesTheReaderCannotUseAreSkippedAndCounted() {
        try (Session session = driver.session()) {
            session.run("MATCH (:Contact {id: 'c-12'})-[r:KNOWS]-(:Contact {id: 'c-13'}) SET r.since = '-9999-01-01', "
                    + "r.lastContact = '+999999999-12-31'").consume();
            session.run("MATCH (c:Contact {id: 'c-13'}) SET c.createdAt = 'yesterday', c.riskLevel = 'SOMEWHAT'").consume();
        }
        assertAnalysesAnswer();
        JsonNode report = http.getForObject("/api/analysis/centrality", JsonNode.class);
        assertThat(report.at("/snapshot/unreadableValues").asInt()).isEqualTo(4);
        assertThat(report.at("/snapshot/vertices").asInt()).isEqualTo(4);
        assertThat(report.at("/snapshot/ties").asInt()).isEqualTo(2);
    }

    // ---- 2. control characters -------------------------------------------------------------------

    @Test
    void controlCharactersAreRefusedExceptTabAndLineBreaksInFreeText() {
        assertProblem(send(http, HttpMethod.POST, "/api/contacts",
                "{\"id\":\"c-nul\",\"name\":\"nul\\u0000byte\",\"country\":\"JO\"}"), "name");
        assertProblem(send(http, HttpMethod.POST, "/api/contacts",
                "{\"id\":\"c-nul\",\"name\":\"Nul\",\"country\":\"JO\",\"notes\":\"bell\\u0007\"}"), "notes");
        assertProblem(send(http, HttpMethod.POST, "/api/contacts",
                "{\"id\":\"c-nul\",\"name\":\"Nul\",\"country\":\"JO\",\"channels\":[\"esc\\u001b\"]}"), "channels[0]");
        assertProblem(send(http, HttpMethod.POST, "/api/communications",
                "{\"id\":\"comm-x\",\"type\":\"URGENT_APPEAL\",\"summary\":\"del\\u007f\"}"), "summary");
        assertThat(http.getForEntity("/api/contacts/c-nul", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode rejected = send(http, HttpMethod.POST, "/api/import",
                "{\"organisations\":[{\"id\":\"o-x\",\"name\":\"a\\u0001b\",\"type\":\"NGO_NATIONAL\",\"country\":\"TN\"}]}")
                .getBody().get("rejected");
        assertThat(rejected).extracting(r -> r.get("problems").get(0).get("field").asText()).containsExactly("name");
        assertThat(send(http, HttpMethod.POST, "/api/contacts",
                "{\"id\":\"c-tab\",\"name\":\"Tab\",\"country\":\"JO\",\"notes\":\"line one\\r\\n\\tline two\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertAnalysesAnswer();
    }

    @Test
    void xmlExportsAreWellFormedWhateverTheStoreHolds() throws Exception {
        try (Session session = driver.session()) {
            session.run("MATCH (c:Contact {id: 'c-12'}) SET c.name = $name, c.themes = [$theme]",
                    Map.of("name", "nul\u0000byte\u001b<&>\"", "theme", "X\u0008")).consume();
            session.run("MATCH (:Contact {id: 'c-12'})-[r:KNOWS]-() SET r.role = $role", Map.of("role", "r\u0001")).consume();
        }
        DocumentBuilder parser = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        for (String format : List.of("graphml", "gexf")) {
            String xml = new String(http.getForObject("/api/export?format=" + format, byte[].class), StandardCharsets.UTF_8);
            assertThat(xml).doesNotContain("&#0;").contains("nul\uFFFDbyte\uFFFD");
            parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(XmlText.legal("a\uD800b\uDC00c\uD83D\uDE00")).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
        assertAnalysesAnswer();
    }

    // ---- 3. updates that drop fields -------------------------------------------------------------

    @Test
    void postingAStoredTieChangesOnlyTheFieldsItNames() {
        ResponseEntity<JsonNode> update = send(http, HttpMethod.POST, "/api/ties",
                "{\"type\":\"KNOWS\",\"from\":\"c-13\",\"to\":\"c-12\",\"lastContact\":\"2026-05-01\"}");
        assertThat(update.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(update.getBody().get("from").asText()).isEqualTo("c-13");
        assertThat(update.getBody().get("trust").asInt()).isEqualTo(4);
        assertThat(update.getBody().get("since").asText()).isEqualTo("2020-01-01");
        assertThat(update.getBody().get("lastContact").asText()).isEqualTo("2026-05-01");
        JsonNode stored = tiesOf("c-12").get(0);
        assertThat(stored.get("trust").asInt()).isEqualTo(4);
        assertThat(stored.get("since").asText()).isEqualTo("2020-01-01");

        // The merged tie is checked as a whole: a lastContact before the stored since is refused.
        assertProblem(send(http, HttpMethod.POST, "/api/ties",
                "{\"type\":\"KNOWS\",\"from\":\"c-12\",\"to\":\"c-13\",\"lastContact\":\"2019-01-01\"}"), "lastContact");
        assertThat(tiesOf("c-12").get(0).get("lastContact").asText()).isEqualTo("2026-05-01");
        assertThat(send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"KNOWS\",\"from\":\"c-12\",\"to\":\"c-14\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertAnalysesAnswer();
    }

    // ---- 5. lenient input ------------------------------------------------------------------------

    @Test
    void bodiesAreOneJsonDocument() {
        assertProblem(send(http, HttpMethod.POST, "/api/contacts",
                "{\"id\":\"c-x\",\"name\":\"X\",\"country\":\"JO\"} xyz"), "(body)");
        assertProblem(send(http, HttpMethod.POST, "/api/contacts",
                "{\"id\":\"c-x\",\"name\":\"X\",\"country\":\"JO\"}{\"id\":\"c-y\",\"name\":\"Y\",\"country\":\"JO\"}"), "(body)");
        assertProblem(send(http, HttpMethod.POST, "/api/import",
                "{\"contacts\":[{\"id\":\"c-x\",\"name\":\"X\",\"country\":\"JO\"}]} xyz"), "(body)");
        assertProblem(send(http, HttpMethod.POST, "/api/import",
                "{\"contacts\":[{\"id\":\"c-x\",\"name\":\"X\",\"country\":\"JO\"}]}{\"contacts\":[]}"), "(body)");
        assertThat(http.getForEntity("/api/contacts/c-x", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertAnalysesAnswer();
    }

    @Test
    void scalarsAreNotCoerced() {
        assertProblem(send(http, HttpMethod.POST, "/api/ties",
                "{\"type\":\"KNOWS\",\"from\":\"c-12\",\"to\":\"c-14\",\"trust\":3.5}"), "trust");
        assertProblem(send(http, HttpMethod.POST, "/api/contacts", "{\"id\":\"c-x\",\"name\":123,\"country\":\"JO\"}"), "name");
        assertProblem(send(http, HttpMethod.POST, "/api/contacts", "{\"id\":\"c-x\",\"name\":true,\"country\":\"JO\"}"), "name");
        assertThat(tiesOf("c-14")).hasSize(1);
        // CSV cells are text: numbers, booleans and enumerations in them still import.
        JsonNode csv = importCsv(Map.of("contacts.csv", "id,name,kind,country,riskLevel,consentToIntroduce\n"
                + "c-20,Dana,DEFENDER,MA,NONE,true\n", "ties.csv", "type,from,to,trust\nKNOWS,c-20,c-12,4\nKNOWS,c-20,c-13,3.5\n"))
                .getBody();
        assertThat(csv.get("rejected")).extracting(r -> r.get("problems").get(0).get("field").asText()).containsExactly("trust");
        assertThat(http.getForObject("/api/contacts/c-20", JsonNode.class).get("consentToIntroduce").asBoolean()).isTrue();
        assertThat(tiesOf("c-20")).hasSize(1);
        assertAnalysesAnswer();
    }

    @Test
    void namesOfUnicodeSpacesOnlyAreBlank() {
        for (String blank : List.of("\\u00a0", "\\u2007 \\u202f", " \\u00a0\\t")) {
            assertProblem(send(http, HttpMethod.POST, "/api/contacts",
                    "{\"id\":\"c-x\",\"name\":\"" + blank + "\",\"country\":\"JO\"}"), "name");
        }
        assertProblem(send(http, HttpMethod.POST, "/api/trainings", "{\"id\":\"t-x\",\"title\":\"\\u00a0\"}"), "title");
        assertThat(http.getForEntity("/api/contacts/c-x", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertAnalysesAnswer();
    }

    @Test
    void themesAreAtMostFiftyAndRepeatsAreDropped() {
        String many = String.join(",", java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(i -> "\"T" + i + "\"").toList());
        assertProblem(send(http, HttpMethod.POST, "/api/contacts",
                "{\"id\":\"c-x\",\"name\":\"X\",\"country\":\"JO\",\"themes\":[" + many + "]}"), "themes");
        ResponseEntity<JsonNode> repeated = send(http, HttpMethod.POST, "/api/organisations",
                "{\"id\":\"o-x\",\"name\":\"X\",\"type\":\"NGO_NATIONAL\",\"country\":\"JO\",\"themes\":[\"LAND\",\"TORTURE\",\"LAND\"]}");
        assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(repeated.getBody().get("themes")).extracting(JsonNode::asText).containsExactly("LAND", "TORTURE");
        assertThat(http.getForEntity("/api/contacts/c-x", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertAnalysesAnswer();
    }

    @Test
    void csvFilesNeedAHeaderNamingEachColumnOnce() {
        assertProblem(importCsv(Map.of("contacts.csv", "")), "contacts.csv");
        ResponseEntity<JsonNode> twice = importCsv(Map.of("contacts.csv", "id,name,country,name\nc-x,X,JO,Y\n"));
        assertProblem(twice, "contacts.csv");
        assertThat(twice.getBody().get("detail").asText()).contains("'name'");
        assertThat(http.getForEntity("/api/contacts/c-x", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertAnalysesAnswer();
    }

    @Test
    void anIntroducerIntroducesSomeoneElseToAThirdPerson() {
        assertProblem(send(http, HttpMethod.POST, "/api/introductions",
                "{\"id\":\"i-x\",\"introducer\":\"c-12\",\"introduced\":\"c-13\",\"recipient\":\"c-12\"}"), "recipient");
        assertProblem(send(http, HttpMethod.POST, "/api/introductions",
                "{\"id\":\"i-x\",\"introducer\":\"c-13\",\"introduced\":\"c-13\",\"recipient\":\"c-12\"}"), "introduced");
        JsonNode rejected = send(http, HttpMethod.POST, "/api/import",
                "{\"introductions\":[{\"id\":\"i-y\",\"introducer\":\"c-12\",\"introduced\":\"c-13\",\"recipient\":\"c-12\"}]}")
                .getBody().get("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(http.getForEntity("/api/introductions/i-x", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/introductions/i-y", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertAnalysesAnswer();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A 400 problem detail naming {@code field} among its errors. */
    static void assertProblem(ResponseEntity<JsonNode> response, String field) {
        assertThat(badRequestFields(response)).contains(field);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(400);
    }

    void assertAnalysesAnswer() {
        for (String path : ANALYSES) {
            ResponseEntity<String> response = http.getForEntity(path, String.class);
            assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        }
    }

    JsonNode tiesOf(String node) {
        return http.getForObject("/api/ties?node=" + node, JsonNode.class);
    }

    ResponseEntity<JsonNode> importCsv(Map<String, String> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        files.forEach((name, content) -> parts.add("file", file(name, content)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/import", HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }

}
