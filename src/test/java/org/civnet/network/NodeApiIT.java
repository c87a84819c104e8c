package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class NodeApiIT extends IntegrationTest {


    @Test
    void contactLifecycleWithDefaultsAndDerivedRegion() {
        ResponseEntity<JsonNode> created = send(http, HttpMethod.POST, "/api/contacts",
                "{\"id\":\"c1\",\"name\":\"Amina Diallo\",\"country\":\"SN\",\"themes\":[\"LAND\"]}");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/contacts/c1");
        JsonNode body = created.getBody();
        assertThat(body.get("region").asText()).isEqualTo("AFRICA");
        assertThat(body.get("kind").asText()).isEqualTo("OTHER");
        assertThat(body.get("riskLevel").asText()).isEqualTo("NONE");
        assertThat(body.get("consentToIntroduce").asBoolean()).isFalse();
        assertThat(body.get("confidential").asBoolean()).isFalse();
        assertThat(body.get("createdAt").asText()).isNotBlank();

        JsonNode read = http.getForObject("/api/contacts/c1", JsonNode.class);
        assertThat(read.get("name").asText()).isEqualTo("Amina Diallo");

        ResponseEntity<JsonNode> replaced = send(http, HttpMethod.PUT, "/api/contacts/c1",
                "{\"name\":\"Amina Diallo\",\"country\":\"TN\",\"kind\":\"DEFENDER\",\"riskLevel\":\"HIGH\"}");
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replaced.getBody().get("region").asText()).isEqualTo("ARAB_REGION");
        assertThat(replaced.getBody().get("riskLevel").asText()).isEqualTo("HIGH");
        assertThat(replaced.getBody().get("themes")).isEmpty();

        send(http, HttpMethod.POST, "/api/contacts", "{\"id\":\"c2\",\"name\":\"Bo\",\"country\":\"FR\"}");
        send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"KNOWS\",\"from\":\"c1\",\"to\":\"c2\",\"trust\":4}");
        ResponseEntity<JsonNode> deleted = send(http, HttpMethod.DELETE, "/api/contacts/c1", null);
        assertThat(deleted.getBody().get("tiesRemoved").asLong()).isEqualTo(1);
        assertThat(send(http, HttpMethod.GET, "/api/contacts/c1", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void listFiltersAndPages() {
        send(http, HttpMethod.POST, "/api/contacts", "{\"id\":\"a\",\"name\":\"Ana Silva\",\"country\":\"BR\",\"themes\":[\"LAND\"]}");
        send(http, HttpMethod.POST, "/api/contacts", "{\"id\":\"b\",\"name\":\"Ben Okoro\",\"country\":\"NG\",\"themes\":[\"LAND\",\"TORTURE\"]}");
        send(http, HttpMethod.POST, "/api/contacts", "{\"id\":\"c\",\"name\":\"Chen Li\",\"country\":\"NG\"}");

        JsonNode africa = http.getForObject("/api/contacts?region=AFRICA", JsonNode.class);
        assertThat(africa.get("total").asLong()).isEqualTo(2);
        JsonNode land = http.getForObject("/api/contacts?theme=LAND&country=NG", JsonNode.class);
        assertThat(land.get("items")).extracting(n -> n.get("id").asText()).containsExactly("b");
        JsonNode byName = http.getForObject("/api/contacts?q=silva", JsonNode.class);
        assertThat(byName.get("items")).extracting(n -> n.get("id").asText()).containsExactly("a");
        JsonNode page = http.getForObject("/api/contacts?page=1&size=2", JsonNode.class);
        assertThat(page.get("items")).extracting(n -> n.get("id").asText()).containsExactly("c");
        assertThat(page.get("total").asLong()).isEqualTo(3);

        ResponseEntity<JsonNode> badRegion = send(http, HttpMethod.GET, "/api/contacts?region=MARS", null);
        assertThat(badRegion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badRegion.getBody().get("errors").get(0).get("field").asText()).isEqualTo("region");
        assertThat(send(http, HttpMethod.GET, "/api/contacts?size=100000", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void invalidFieldsAreAllNamed() {
        ResponseEntity<JsonNode> response = send(http, HttpMethod.POST, "/api/contacts", "{\"country\":\"XX\",\"themes\":[\"not a theme\"]}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<String> fields = response.getBody().get("errors").findValuesAsText("field");
        assertThat(fields).contains("name", "country", "themes[0].<list element>");
        assertThat(count("Contact")).isZero();
    }

    @Test
    void unknownEnumValueIsA400ListingTheValues() {
        ResponseEntity<JsonNode> response = send(http, HttpMethod.POST, "/api/contacts",
                "{\"name\":\"X\",\"country\":\"FR\",\"riskLevel\":\"EXTREME\"}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = response.getBody().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("riskLevel");
        assertThat(error.get("reason").asText()).contains("NONE, ELEVATED, HIGH");
    }

    @Test
    void malformedJsonAndUnknownFieldsAre400s() {
        assertThat(send(http, HttpMethod.POST, "/api/contacts", "{\"name\": ").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> unknown = send(http, HttpMethod.POST, "/api/contacts", "{\"name\":\"X\",\"country\":\"FR\",\"nmae\":1}");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("errors").get(0).get("field").asText()).isEqualTo("nmae");
    }

    @Test
    void duplicateCreateIsAConflictEvenAcrossKinds() {
        assertThat(send(http, HttpMethod.POST, "/api/contacts", "{\"id\":\"x1\",\"name\":\"X\",\"country\":\"FR\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(http, HttpMethod.POST, "/api/contacts", "{\"id\":\"x1\",\"name\":\"Y\",\"country\":\"FR\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(send(http, HttpMethod.POST, "/api/organisations", "{\"id\":\"x1\",\"name\":\"Org\",\"country\":\"FR\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.getForObject("/api/contacts/x1", JsonNode.class).get("name").asText()).isEqualTo("X");
    }

    @Test
    void generatedIdsAndOtherKinds() {
        ResponseEntity<JsonNode> org = send(http, HttpMethod.POST, "/api/organisations",
                "{\"name\":\"Ligue\",\"country\":\"TN\",\"type\":\"NGO_NATIONAL\",\"ecosocStatus\":\"SPECIAL\"}");
        assertThat(org.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(org.getBody().get("id").asText()).startsWith("o-");
        assertThat(org.getBody().get("region").asText()).isEqualTo("ARAB_REGION");
        ResponseEntity<JsonNode> countryMandate = send(http, HttpMethod.POST, "/api/mandates",
                "{\"title\":\"SR on Eritrea\",\"kind\":\"COUNTRY\",\"holderType\":\"SPECIAL_RAPPORTEUR\"}");
        assertThat(countryMandate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(countryMandate.getBody().get("errors").findValuesAsText("field")).contains("country");
        assertThat(send(http, HttpMethod.POST, "/api/networks", "{\"name\":\"Coalition\",\"scope\":\"REGIONAL\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void graphStatsCountKindsAndEveryWriteBumpsTheVersion() {
        long before = http.getForObject("/api/graph/stats", JsonNode.class).get("graphVersion").asLong();
        send(http, HttpMethod.POST, "/api/contacts", "{\"id\":\"s1\",\"name\":\"S\",\"country\":\"FR\"}");
        send(http, HttpMethod.POST, "/api/contacts", "{\"id\":\"s2\",\"name\":\"T\",\"country\":\"FR\"}");
        send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"KNOWS\",\"from\":\"s2\",\"to\":\"s1\",\"trust\":3}");
        JsonNode stats = http.getForObject("/api/graph/stats", JsonNode.class);
        assertThat(stats.get("nodes").get("Contact").asLong()).isEqualTo(2);
        assertThat(stats.get("ties").get("KNOWS").asLong()).isEqualTo(1);
        assertThat(stats.get("graphVersion").asLong()).isEqualTo(before + 3);
    }

    @Test
    void oversizeBodyIs413AndWritesNothing() {
        String big = "{\"name\":\"" + "x".repeat(2_000_000) + "\",\"country\":\"FR\"}";
        ResponseEntity<JsonNode> response = send(http, HttpMethod.POST, "/api/contacts", big);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(count("Contact")).isZero();
    }

    private long count(String label) {
        return http.getForObject("/api/graph/stats", JsonNode.class).get("nodes").get(label).asLong();
    }

    static Map<String, Object> map(Object... kv) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
