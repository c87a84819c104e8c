package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class TieAndIntroductionIT extends IntegrationTest {


    @BeforeEach
    void people() {
        for (String id : new String[] {"hro", "amal", "badr"}) {
            send(http, HttpMethod.POST, "/api/contacts", "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"country\":\"JO\"}");
        }
        send(http, HttpMethod.POST, "/api/organisations", "{\"id\":\"org\",\"name\":\"Org\",\"country\":\"JO\"}");
        send(http, HttpMethod.POST, "/api/mandates",
                "{\"id\":\"sr-hrd\",\"title\":\"SR on defenders\",\"kind\":\"THEMATIC\",\"holderType\":\"SPECIAL_RAPPORTEUR\"}");
    }

    @Test
    void tieRulesFollowTheNodeKinds() {
        assertThat(send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"AFFILIATED_WITH\",\"from\":\"amal\",\"to\":\"org\",\"role\":\"director\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"PARTNERS_WITH\",\"from\":\"org\",\"to\":\"sr-hrd\",\"activities\":[\"consultation\"]}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> misfit = send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"KNOWS\",\"from\":\"amal\",\"to\":\"org\",\"trust\":3}");
        assertThat(misfit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(misfit.getBody().get("errors").get(0).get("field").asText()).isEqualTo("type");

        ResponseEntity<JsonNode> unknown = send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"KNOWS\",\"from\":\"amal\",\"to\":\"nobody\"}");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("detail").asText()).contains("nobody");

        ResponseEntity<JsonNode> badTrust = send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"KNOWS\",\"from\":\"amal\",\"to\":\"badr\",\"trust\":9}");
        assertThat(badTrust.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badTrust.getBody().get("errors").get(0).get("field").asText()).isEqualTo("trust");

        ResponseEntity<JsonNode> badType = send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"LOVES\",\"from\":\"amal\",\"to\":\"badr\"}");
        assertThat(badType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badType.getBody().get("errors").get(0).get("field").asText()).isEqualTo("type");

        JsonNode ties = http.getForObject("/api/ties?node=amal", JsonNode.class);
        assertThat(ties).hasSize(1);
        assertThat(ties.get(0).get("role").asText()).isEqualTo("director");
        assertThat(send(http, HttpMethod.GET, "/api/ties?node=nobody", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void knowsIsStoredOncePerPairAndCanBeDeletedFromEitherEnd() {
        send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"KNOWS\",\"from\":\"badr\",\"to\":\"amal\",\"trust\":2}");
        send(http, HttpMethod.POST, "/api/ties", "{\"type\":\"KNOWS\",\"from\":\"amal\",\"to\":\"badr\",\"trust\":4,\"since\":\"2024-03-01\"}");
        JsonNode ties = http.getForObject("/api/ties?node=badr", JsonNode.class);
        assertThat(ties).hasSize(1);
        assertThat(ties.get(0).get("trust").asInt()).isEqualTo(4);
        assertThat(ties.get(0).get("since").asText()).isEqualTo("2024-03-01");
        assertThat(send(http, HttpMethod.DELETE, "/api/ties?type=KNOWS&from=badr&to=amal", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.getForObject("/api/ties?node=badr", JsonNode.class)).isEmpty();
        assertThat(send(http, HttpMethod.DELETE, "/api/ties?type=KNOWS&from=badr&to=amal", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMadeIntroductionCreatesThenStrengthensKnowsOnce() {
        ResponseEntity<JsonNode> requested = send(http, HttpMethod.POST, "/api/introductions",
                "{\"id\":\"i1\",\"introducer\":\"amal\",\"introduced\":\"badr\",\"recipient\":\"hro\",\"date\":\"2026-10-01\"}");
        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(requested.getBody().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(http.getForObject("/api/ties?node=hro", JsonNode.class)).isEmpty();

        send(http, HttpMethod.PUT, "/api/introductions/i1",
                "{\"introducer\":\"amal\",\"introduced\":\"badr\",\"recipient\":\"hro\",\"status\":\"MADE\",\"date\":\"2026-10-05\"}");
        JsonNode ties = http.getForObject("/api/ties?node=hro", JsonNode.class);
        assertThat(ties).hasSize(1);
        assertThat(ties.get(0).get("type").asText()).isEqualTo("KNOWS");
        assertThat(ties.get(0).get("trust").asInt()).isEqualTo(NetworkStore.INTRODUCED_TRUST);

        // Saving the same MADE introduction again must not raise trust a second time.
        send(http, HttpMethod.PUT, "/api/introductions/i1",
                "{\"introducer\":\"amal\",\"introduced\":\"badr\",\"recipient\":\"hro\",\"status\":\"MADE\",\"date\":\"2026-10-05\",\"note\":\"met in Amman\"}");
        assertThat(http.getForObject("/api/ties?node=hro", JsonNode.class).get(0).get("trust").asInt())
                .isEqualTo(NetworkStore.INTRODUCED_TRUST);

        // A second introduction of the same pair, once made, strengthens the tie.
        send(http, HttpMethod.POST, "/api/introductions",
                "{\"id\":\"i2\",\"introducer\":\"amal\",\"introduced\":\"badr\",\"recipient\":\"hro\"}");
        send(http, HttpMethod.PUT, "/api/introductions/i2",
                "{\"introducer\":\"amal\",\"introduced\":\"badr\",\"recipient\":\"hro\",\"status\":\"MADE\"}");
        assertThat(http.getForObject("/api/ties?node=hro", JsonNode.class).get(0).get("trust").asInt())
                .isEqualTo(NetworkStore.INTRODUCED_TRUST + 1);

        assertThat(send(http, HttpMethod.POST, "/api/introductions",
                "{\"id\":\"i1\",\"introducer\":\"amal\",\"introduced\":\"badr\",\"recipient\":\"hro\"}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(send(http, HttpMethod.POST, "/api/introductions",
                "{\"introducer\":\"amal\",\"introduced\":\"org\",\"recipient\":\"hro\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForObject("/api/introductions/i1", JsonNode.class).get("note").asText()).isEqualTo("met in Amman");
    }
}
