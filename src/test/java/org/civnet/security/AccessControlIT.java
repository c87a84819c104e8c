package org.civnet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class AccessControlIT extends IntegrationTest {

    @BeforeEach
    void network() {
        send(http, HttpMethod.POST, "/api/import", ImportFixtures.SMALL);
    }

    /** One row of the role matrix: a request and the status each role gets. */
    record Row(HttpMethod method, String path, String body, int admin, int officer, int analyst, int reports) {
        int expected(Role role) {
            return switch (role) {
                case ADMIN -> admin;
                case OFFICER -> officer;
                case ANALYST -> analyst;
                case REPORTS -> reports;
            };
        }
    }

    private static final String NEW_CONTACT = "{\"name\":\"New person\",\"country\":\"KE\"}";

    /** role × endpoint → expected status; write rows use bodies that succeed when allowed. */
    private static final List<Row> MATRIX = List.of(
            new Row(HttpMethod.GET, "/api/contacts", null, 200, 200, 200, 403),
            new Row(HttpMethod.GET, "/api/contacts/c-amal", null, 200, 200, 200, 403),
            new Row(HttpMethod.POST, "/api/contacts", NEW_CONTACT, 201, 201, 403, 403),
            new Row(HttpMethod.PUT, "/api/contacts/c-chidi", "{\"name\":\"Chidi Obi\",\"country\":\"NG\"}", 200, 200, 403, 403),
            new Row(HttpMethod.GET, "/api/organisations", null, 200, 200, 200, 403),
            new Row(HttpMethod.POST, "/api/organisations", "{\"name\":\"Org\",\"country\":\"KE\"}", 201, 201, 403, 403),
            new Row(HttpMethod.GET, "/api/mandates", null, 200, 200, 200, 403),
            new Row(HttpMethod.GET, "/api/networks", null, 200, 200, 200, 403),
            new Row(HttpMethod.GET, "/api/ties?node=c-amal", null, 200, 200, 200, 403),
            new Row(HttpMethod.POST, "/api/ties", "{\"type\":\"KNOWS\",\"from\":\"c-hro\",\"to\":\"c-chidi\",\"trust\":3}", 201, 201, 403, 403),
            new Row(HttpMethod.GET, "/api/introductions/i-1", null, 200, 200, 200, 403),
            new Row(HttpMethod.GET, "/api/introductions", null, 200, 200, 200, 403),
            new Row(HttpMethod.POST, "/api/handover/reassign", "{\"from\":\"gone-officer\",\"to\":\"admin\"}", 200, 403, 403, 403),
            new Row(HttpMethod.GET, "/api/graph/stats", null, 200, 200, 200, 200),
            new Row(HttpMethod.POST, "/api/import?dryRun=true", "{\"contacts\":[]}", 200, 403, 403, 403),
            // An officer imports activity participants (participation ties) only.
            new Row(HttpMethod.POST, "/api/import?dryRun=true", "{\"ties\":[]}", 200, 200, 403, 403),
            new Row(HttpMethod.GET, "/api/export", null, 200, 200, 200, 403),
            new Row(HttpMethod.GET, "/api/audit", null, 200, 403, 403, 403),
            new Row(HttpMethod.POST, "/api/users", "{\"username\":\"someone\",\"password\":\"a-long-password-1\",\"role\":\"ANALYST\"}", 201, 403, 403, 403),
            new Row(HttpMethod.GET, "/api/tokens", null, 200, 200, 200, 200),
            new Row(HttpMethod.GET, "/api/me", null, 200, 200, 200, 200),
            new Row(HttpMethod.GET, "/actuator/health", null, 200, 200, 200, 200),
            new Row(HttpMethod.GET, "/actuator/info", null, 200, 403, 403, 403),
            new Row(HttpMethod.DELETE, "/api/contacts/c-chidi", null, 200, 200, 403, 403));

    @Test
    void everyRoleGetsExactlyWhatTheMatrixSays() {
        for (Role role : Role.values()) {
            TestRestTemplate client = as(role);
            send(http, HttpMethod.POST, "/api/import", ImportFixtures.SMALL);
            for (Row row : MATRIX) {
                ResponseEntity<JsonNode> response = send(client, row.method(), row.path(), row.body());
                assertThat(response.getStatusCode().value()).as(role + " " + row.method() + " " + row.path())
                        .isEqualTo(row.expected(role));
                if (response.getStatusCode().value() == 403) {
                    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
                }
            }
        }
    }

    @Test
    void anonymousRequestsAre401ProblemsButThePublicPartsAreOpen() {
        ResponseEntity<JsonNode> response = send(anonymous, HttpMethod.GET, "/api/contacts", null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getBody().get("status").asInt()).isEqualTo(401);
        assertThat(send(anonymous, HttpMethod.GET, "/api/graph/stats", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.withBasicAuth("admin", "wrong-password").getForEntity("/api/contacts", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void analystsSeeStablePseudonymsNeverNamesChannelsOrCountries() {
        TestRestTemplate analyst = as(Role.ANALYST);
        // Issue 15: a protected person's id is no key for a role without clearance (it answered with the
        // pseudonym, confirming who it was); the pseudonym is found where the person appears instead.
        JsonNode amalTies = analyst.getForObject("/api/ties?node=c-amal", JsonNode.class);
        String pseudonym = java.util.stream.Stream.concat(amalTies.findValuesAsText("from").stream(),
                amalTies.findValuesAsText("to").stream()).filter(id -> id.startsWith("anon-")).findFirst().orElseThrow();
        JsonNode badr = null;
        for (JsonNode item : analyst.getForObject("/api/contacts?size=100", JsonNode.class).get("items")) {
            if (item.get("id").asText().equals(pseudonym)) {
                badr = item;
            }
        }
        assertThat(badr).isNotNull();
        assertThat(badr.get("name").asText()).isEqualTo(pseudonym);
        assertThat(badr.has("channels")).isFalse();
        assertThat(badr.has("notes")).isFalse();
        assertThat(badr.has("country")).isFalse();
        assertThat(badr.get("region").asText()).isEqualTo("ARAB_REGION");
        // Stable across requests and endpoints.
        ResponseEntity<String> guessed = analyst.getForEntity("/api/contacts/c-badr", String.class);
        ResponseEntity<String> unknown = analyst.getForEntity("/api/contacts/c-nobody", String.class);
        assertThat(guessed.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(guessed.getBody().replace("c-badr", "ID")).isEqualTo(unknown.getBody().replace("c-nobody", "ID"));
        JsonNode ties = analyst.getForObject("/api/ties?node=c-amal", JsonNode.class);
        assertThat(ties.toString()).contains(pseudonym).doesNotContain("c-badr");
        String list = analyst.getForObject("/api/contacts?size=100", String.class);
        assertThat(list).contains(pseudonym).doesNotContain("Badr Salem").doesNotContain("signal:+20-000").contains("Amal Haddad");
        // Searching by name or country must not tie a pseudonym to a name.
        assertThat(analyst.getForObject("/api/contacts?q=Badr", JsonNode.class).get("total").asLong()).isZero();
        assertThat(analyst.getForObject("/api/contacts?country=EG", JsonNode.class).get("total").asLong()).isZero();
        assertThat(as(Role.OFFICER).getForObject("/api/contacts?q=Badr", JsonNode.class).get("total").asLong()).isEqualTo(1);
        // A non-protected contact is shown in full.
        assertThat(analyst.getForObject("/api/contacts/c-amal", JsonNode.class).get("country").asText()).isEqualTo("JO");
    }

    @Test
    void exportsObeyTheRoleAndOnlyAdminGetsTheFullOne() {
        for (Role role : List.of(Role.ANALYST, Role.OFFICER)) {
            for (String format : List.of("json", "graphml", "gexf")) {
                String body = as(role).getForObject("/api/export?format=" + format, String.class);
                assertThat(body).as(role + " " + format).doesNotContain("Badr Salem").doesNotContain("c-badr")
                        .doesNotContain("signal:+20-000").contains("anon-").contains("Amal Haddad");
            }
        }
        assertThat(http.getForObject("/api/export", String.class)).contains("Badr Salem").contains("signal:+20-000");
        JsonNode audit = http.getForObject("/api/audit?action=EXPORT", JsonNode.class);
        assertThat(audit).hasSizeGreaterThanOrEqualTo(7);
        assertThat(audit.findValuesAsText("detail")).contains("full", "pseudonymised");
    }

    @Test
    void officersSeeIdentitiesAndTheReadIsAudited() {
        JsonNode badr = as(Role.OFFICER).getForObject("/api/contacts/c-badr", JsonNode.class);
        assertThat(badr.get("name").asText()).isEqualTo("Badr Salem");
        assertThat(badr.get("channels").get(0).asText()).isEqualTo("signal:+20-000");
        JsonNode audit = http.getForObject("/api/audit?action=READ_CONFIDENTIAL&user=test-officer", JsonNode.class);
        assertThat(audit).isNotEmpty();
        assertThat(audit.get(0).get("target").asText()).contains("c-badr");
    }

    @Test
    void tokenLifecycle() {
        TestRestTemplate officer = as(Role.OFFICER);
        ResponseEntity<JsonNode> created = send(officer, HttpMethod.POST, "/api/tokens", "{\"name\":\"notebook\",\"expiresInDays\":30}");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String token = created.getBody().get("token").asText();
        assertThat(token).startsWith("cvn_");

        assertThat(bearer(token, "/api/me").getBody().get("username").asText()).isEqualTo("test-officer");
        assertThat(bearer(token, "/api/me").getBody().get("role").asText()).isEqualTo("OFFICER");
        JsonNode listed = officer.getForObject("/api/tokens", JsonNode.class);
        assertThat(listed.toString()).contains("notebook").doesNotContain(token);
        try (Session session = driver.session()) {
            String stored = session.run("MATCH (t:ApiToken {name: 'notebook'}) RETURN t.hash AS h").single().get("h").asString();
            assertThat(stored).isNotEqualTo(token).isEqualTo(UserAccounts.hash(token));
        }
        assertThat(send(officer, HttpMethod.POST, "/api/tokens", "{\"name\":\"notebook\"}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        assertThat(send(officer, HttpMethod.DELETE, "/api/tokens/notebook", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(bearer(token, "/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(bearer("cvn_not-a-real-token", "/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        String expiring = send(officer, HttpMethod.POST, "/api/tokens", "{\"name\":\"short\",\"expiresInDays\":1}")
                .getBody().get("token").asText();
        try (Session session = driver.session()) {
            session.run("MATCH (t:ApiToken {name: 'short'}) SET t.expiresAt = '2000-01-01T00:00:00.000000Z'").consume();
        }
        assertThat(bearer(expiring, "/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(send(officer, HttpMethod.POST, "/api/tokens", "{\"name\":\"long\",\"expiresInDays\":9999}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        List<String> actions = http.getForObject("/api/audit?user=test-officer", JsonNode.class).findValuesAsText("action");
        assertThat(actions).contains("TOKEN_CREATED", "TOKEN_REVOKED");
    }

    private ResponseEntity<JsonNode> bearer(String token, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return anonymous.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    @Test
    void usersAreCreatedWithAValidRoleAndStrongPassword() {
        assertThat(send(http, HttpMethod.POST, "/api/users", "{\"username\":\"weak\",\"password\":\"short\",\"role\":\"ANALYST\"}")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(http, HttpMethod.POST, "/api/users", "{\"username\":\"ok-user\",\"password\":\"long-enough-pass\",\"role\":\"GOD\"}")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(http, HttpMethod.POST, "/api/users", "{\"username\":\"ok-user\",\"password\":\"long-enough-pass\",\"role\":\"REPORTS\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(anonymous.withBasicAuth("ok-user", "long-enough-pass").getForEntity("/api/graph/stats", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        try (Session session = driver.session()) {
            String hash = session.run("MATCH (u:User {username: 'ok-user'}) RETURN u.passwordHash AS h").single().get("h").asString();
            assertThat(hash).startsWith("$2a$12$").doesNotContain("long-enough-pass");
        }
        assertThat(send(http, HttpMethod.DELETE, "/api/users/ok-user", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(anonymous.withBasicAuth("ok-user", "long-enough-pass").getForEntity("/api/graph/stats", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(send(http, HttpMethod.DELETE, "/api/users/ok-user", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        List<String> actions = http.getForObject("/api/audit", JsonNode.class).findValuesAsText("action");
        assertThat(actions).contains("USER_CREATED", "USER_DELETED");
    }

    @Test
    void repeatedFailedLoginsAreThrottledAndAudited() {
        send(http, HttpMethod.POST, "/api/users", "{\"username\":\"target\",\"password\":\"the-right-password\",\"role\":\"ANALYST\"}");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(anonymous.withBasicAuth("target", "guess-" + i).getForEntity("/api/me", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<JsonNode> blocked = anonymous.withBasicAuth("target", "the-right-password").getForEntity("/api/me", JsonNode.class);
        assertThat(blocked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(blocked.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(http.getForObject("/api/audit?action=LOGIN_FAILURE&user=target", JsonNode.class)).hasSize(LoginThrottle.MAX_FAILURES);
        // Other users are not affected.
        assertThat(http.getForEntity("/api/me", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void importsExportsAndDeletesAreAuditedAndTheLogCannotBeEdited() {
        send(http, HttpMethod.DELETE, "/api/contacts/c-chidi", null);
        http.getForObject("/api/export", String.class);
        List<String> actions = http.getForObject("/api/audit", JsonNode.class).findValuesAsText("action");
        assertThat(actions).contains("IMPORT", "EXPORT", "DELETE");
        int before = http.getForObject("/api/audit", JsonNode.class).size();
        assertThat(send(http, HttpMethod.DELETE, "/api/audit", null).getStatusCode().is4xxClientError()).isTrue();
        assertThat(send(http, HttpMethod.PUT, "/api/audit", "{}").getStatusCode().is4xxClientError()).isTrue();
        assertThat(http.getForObject("/api/audit", JsonNode.class).size()).isGreaterThanOrEqualTo(before);
        assertThat(http.getForObject("/api/audit?action=DELETE", JsonNode.class).get(0).get("target").asText()).isEqualTo("c-chidi");
    }

    @Test
    void hostileInputsGetA4xxAndWriteNothing() {
        long version = http.getForObject("/api/graph/stats", JsonNode.class).get("graphVersion").asLong();
        Map<String, String> bodies = Map.of(
                "/api/contacts", "{\"id\":\"x' OR 1=1 //\",\"name\":\"n\",\"country\":\"FR\"}",
                "/api/organisations", "{\"id\":\"o\\\"}) DETACH DELETE n //\",\"name\":\"n\",\"country\":\"FR\"}",
                "/api/ties", "{\"type\":\"KNOWS]->() DETACH DELETE n //\",\"from\":\"c-amal\",\"to\":\"c-hro\"}");
        bodies.forEach((path, body) -> assertThat(send(http, HttpMethod.POST, path, body).getStatusCode().value())
                .as(path).isEqualTo(400));
        assertThat(send(http, HttpMethod.GET, "/api/contacts/x' OR 1=1 RETURN n //", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode search = http.getForObject("/api/contacts?q=') MATCH (n) DETACH DELETE n //", JsonNode.class);
        assertThat(search.get("total").asLong()).isZero();
        assertThat(send(http, HttpMethod.GET, "/api/contacts?region=AFRICA' OR 1=1", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(http, HttpMethod.DELETE, "/api/ties?type=KNOWS%5D-()&from=a&to=b", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(http, HttpMethod.POST, "/api/contacts", "{\"name\": [}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(http, HttpMethod.POST, "/api/import", "{\"contacts\": [{\"id\": \"a\", \"name\": ").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentDispositionFormData("file", "contacts.csv");
        parts.add("file", new HttpEntity<>(new org.springframework.core.io.ByteArrayResource(
                "id,name,country\nz1,\"unterminated,FR,extra,cells\nz2,Fine,FR,too,many\n".getBytes()) {
            @Override
            public String getFilename() {
                return "contacts.csv";
            }
        }, partHeaders));
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        assertThat(http.exchange("/api/import", HttpMethod.POST, new HttpEntity<>(parts, multipart), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(http, HttpMethod.POST, "/api/contacts", "{\"name\":\"" + "y".repeat(1_100_000) + "\",\"country\":\"FR\"}")
                .getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        JsonNode stats = http.getForObject("/api/graph/stats", JsonNode.class);
        assertThat(stats.get("graphVersion").asLong()).isEqualTo(version);
        assertThat(stats.at("/nodes/Contact").asLong()).isEqualTo(4);
    }
}
