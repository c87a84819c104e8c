package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ImportExportIT extends IntegrationTest {

    @Autowired
    ObjectMapper json;

    static String fixture(String name) {
        try (InputStream in = ImportExportIT.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<JsonNode> importJson(String body, String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/import" + query, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private JsonNode stats() {
        return http.getForObject("/api/graph/stats", JsonNode.class);
    }

    @Test
    void importingTheSameDocumentTwiceChangesNothing() {
        JsonNode first = importJson(fixture("small-network.json"), "").getBody();
        assertThat(first.get("rejected")).isEmpty();
        assertThat(first.at("/sections/contacts/created").asLong()).isEqualTo(4);
        assertThat(first.at("/sections/ties/created").asLong()).isEqualTo(8);
        assertThat(first.at("/sections/introductions/created").asLong()).isEqualTo(1);
        long version = stats().get("graphVersion").asLong();
        String exported = http.getForObject("/api/export", String.class);

        JsonNode second = importJson(fixture("small-network.json"), "").getBody();
        assertThat(second.get("rejected")).isEmpty();
        for (String section : new String[] {"contacts", "organisations", "mandates", "networks", "ties", "introductions"}) {
            assertThat(second.at("/sections/" + section + "/created").asLong()).as(section).isZero();
            assertThat(second.at("/sections/" + section + "/updated").asLong()).as(section).isZero();
        }
        assertThat(stats().get("graphVersion").asLong()).isEqualTo(version);
        assertThat(http.getForObject("/api/export", String.class)).isEqualTo(exported);
    }

    @Test
    void changedRowsAreCountedAsUpdated() throws Exception {
        importJson(fixture("small-network.json"), "");
        ObjectNode changed = (ObjectNode) json.readTree(fixture("small-network.json"));
        ((ObjectNode) changed.get("contacts").get(3)).put("name", "Chidi Obi-Eze");
        JsonNode report = importJson(changed.toString(), "").getBody();
        assertThat(report.at("/sections/contacts/updated").asLong()).isEqualTo(1);
        assertThat(report.at("/sections/contacts/created").asLong()).isZero();
        assertThat(http.getForObject("/api/contacts/c-chidi", JsonNode.class).get("name").asText()).isEqualTo("Chidi Obi-Eze");
    }

    @Test
    void rejectedRowsAreReportedByNumberAndWriteNothing() {
        String document = """
                {"contacts": [
                   {"id": "ok-1", "name": "Fine", "country": "FR"},
                   {"id": "bad-1", "name": "Nowhere", "country": "XX"},
                   {"id": "bad-2", "country": "FR", "riskLevel": "EXTREME"},
                   {"id": "ok-1", "name": "Twice", "country": "FR"},
                   {"id": "ok-2", "name": "Also fine", "country": "MA"}
                 ],
                 "organisations": [{"id": "org-1", "name": "Org", "country": "MA"}],
                 "ties": [
                   {"type": "KNOWS", "from": "ok-1", "to": "ok-2", "trust": 4},
                   {"type": "KNOWS", "from": "ok-1", "to": "bad-1", "trust": 4},
                   {"type": "KNOWS", "from": "ok-1", "to": "org-1"},
                   {"type": "AFFILIATED_WITH", "from": "ok-2", "to": "org-1", "trust": 2},
                   {"type": "KNOWS", "from": "ok-2", "to": "ok-1", "trust": 2}
                 ]}
                """;
        JsonNode report = importJson(document, "").getBody();
        assertThat(report.get("rejected")).extracting(r -> r.get("file").asText() + ":" + r.get("row").asInt())
                .containsExactly("contacts:2", "contacts:3", "contacts:4", "ties:2", "ties:3", "ties:4", "ties:5");
        assertThat(report.get("rejected").get(0).get("reason").asText()).contains("country");
        assertThat(report.get("rejected").get(1).get("reason").asText()).contains("riskLevel");
        assertThat(report.get("rejected").get(2).get("reason").asText()).contains("repeats contacts row 1");
        assertThat(report.get("rejected").get(3).get("reason").asText()).contains("bad-1");
        assertThat(report.at("/sections/contacts/created").asLong()).isEqualTo(2);
        assertThat(report.at("/sections/contacts/rejected").asLong()).isEqualTo(3);

        JsonNode stats = stats();
        assertThat(stats.at("/nodes/Contact").asLong()).isEqualTo(2);
        assertThat(stats.at("/ties/KNOWS").asLong()).isEqualTo(1);
        assertThat(stats.at("/ties/AFFILIATED_WITH").asLong()).isZero();
        assertThat(http.getForObject("/api/contacts/ok-1", JsonNode.class).get("name").asText()).isEqualTo("Fine");
        assertThat(http.getForEntity("/api/contacts/bad-1", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void dryRunValidatesOnly() {
        JsonNode report = importJson(fixture("small-network.json"), "?dryRun=true").getBody();
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.at("/sections/contacts/accepted").asLong()).isEqualTo(4);
        assertThat(stats().at("/nodes/Contact").asLong()).isZero();
    }

    @Test
    void malformedDocumentsAre400s() {
        assertThat(importJson("{\"contacts\": [", "").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> unknownSection = importJson("{\"people\": []}", "");
        assertThat(unknownSection.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownSection.getBody().get("errors").get(0).get("field").asText()).isEqualTo("people");
        assertThat(importJson("[1,2]", "").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void csvFilesImportWithLineNumbers() {
        String contacts = """
                id,name,kind,country,themes,riskLevel,consentToIntroduce
                k1,Karim,DEFENDER,MA,LAND;MINORITIES,NONE,true
                k2,"Lina, Jr.",JOURNALIST,LB,,ELEVATED,false
                k3,Broken,DEFENDER,ZZ,,NONE,true
                """;
        String ties = """
                type,from,to,trust,since
                KNOWS,k1,k2,4,2023-01-15
                KNOWS,k1,k3,2,2023-01-15
                """;
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("ties", file("ties.csv", ties));
        parts.add("contacts", file("contacts.csv", contacts));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        JsonNode report = http.exchange("/api/import", HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class).getBody();
        assertThat(report.get("rejected")).extracting(r -> r.get("file").asText() + ":" + r.get("row").asInt())
                .containsExactly("contacts.csv:4", "ties.csv:3");
        JsonNode k1 = http.getForObject("/api/contacts/k1", JsonNode.class);
        assertThat(k1.get("themes")).extracting(JsonNode::asText).containsExactly("LAND", "MINORITIES");
        assertThat(k1.get("consentToIntroduce").asBoolean()).isTrue();
        assertThat(http.getForObject("/api/contacts/k2", JsonNode.class).get("name").asText()).isEqualTo("Lina, Jr.");
        assertThat(stats().at("/ties/KNOWS").asLong()).isEqualTo(1);
    }


    @Test
    void exportRoundTripsThroughAnEmptyStore() throws Exception {
        importJson(fixture("small-network.json"), "");
        // Make the introduction MADE so the export carries the tie it created.
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        http.exchange("/api/introductions/i-1", HttpMethod.PUT, new HttpEntity<>(
                "{\"introducer\":\"c-amal\",\"introduced\":\"c-chidi\",\"recipient\":\"c-hro\",\"status\":\"MADE\",\"date\":\"2026-10-25\"}",
                headers), JsonNode.class);
        String first = http.getForObject("/api/export", String.class);
        JsonNode firstTree = json.readTree(first);
        assertThat(firstTree.get("contacts")).hasSize(4);
        assertThat(firstTree.get("ties")).hasSize(9);
        assertThat(firstTree.get("contacts").get(1).get("channels").get(0).asText()).isEqualTo("signal:+20-000");

        clear();
        JsonNode report = importJson(first, "").getBody();
        assertThat(report.get("rejected")).isEmpty();
        String second = http.getForObject("/api/export", String.class);
        assertThat(json.readTree(second)).isEqualTo(firstTree);
        // Re-importing a MADE introduction must not strengthen the tie again.
        assertThat(json.readTree(second).get("ties").toString()).isEqualTo(firstTree.get("ties").toString());
    }

    @Test
    void graphmlAndGexfCarryNodesAndAttributes() throws Exception {
        importJson(fixture("small-network.json"), "");
        for (String format : new String[] {"graphml", "gexf"}) {
            String xml = http.getForObject("/api/export?format=" + format, String.class);
            var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            assertThat(document.getElementsByTagName("node").getLength()).as(format).isEqualTo(11);
            assertThat(document.getElementsByTagName("edge").getLength()).as(format).isEqualTo(8);
            assertThat(xml).contains("ARAB_REGION");
        }
        assertThat(http.getForEntity("/api/export?format=pdf", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
