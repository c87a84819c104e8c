package org.civnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.civnet.security.Role;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Hostile requests (issue 14) at the HTTP level: what used to be a 500, a 403 or a container's
 * HTML page is a problem detail with the right status; failed credentials and CSV reads of
 * protected people are audited; and the README's promises (ADMIN may do everything, GET /api/users)
 * hold. Raw requests go through the JDK client, which sends any method and path as written.
 */
class HardeningHttpIT extends IntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void network() {
        ResponseEntity<JsonNode> imported = send(http, HttpMethod.POST, "/api/import", """
                {"contacts": [
                   {"id": "c-1", "name": "Amal", "country": "JO", "consentToIntroduce": true},
                   {"id": "c-2", "name": "Badr", "country": "EG", "riskLevel": "HIGH", "consentToIntroduce": true},
                   {"id": "c-3", "name": "Chidi", "country": "NG"}],
                 "ties": [{"type": "KNOWS", "from": "c-1", "to": "c-2", "trust": 4},
                          {"type": "KNOWS", "from": "c-2", "to": "c-3", "trust": 4}]}""");
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
    }

    // ---- 4. 500 or 403 instead of the right 4xx ----------------------------------------------------

    @Test
    void anAcceptTheApiCannotServeIs406() throws Exception {
        HttpResponse<String> response = raw("GET", "/api/contacts/c-1", adminAuth(), "Accept", "application/xml");
        assertProblem(response, 406);
    }

    @Test
    void unsupportedMethodsAre405WithAllow() throws Exception {
        HttpResponse<String> options = raw("OPTIONS", "/api/contacts/c-1", adminAuth());
        assertProblem(options, 405);
        assertThat(options.headers().firstValue("Allow").orElse("")).contains("GET", "PUT", "PATCH", "DELETE");
        // PATCH is served, as a JSON Merge Patch only: another body type is a 415 problem naming the one it takes.
        HttpResponse<String> plainPatch = raw("PATCH", "/api/contacts/c-1", adminAuth());
        assertProblem(plainPatch, 415);
        assertThat(plainPatch.body()).contains("application/merge-patch+json");
        assertProblem(raw("PATCH", "/api/ties", adminAuth()), 405);
        HttpResponse<String> collection = raw("OPTIONS", "/api/ties", adminAuth());
        assertProblem(collection, 405);
        assertThat(collection.headers().firstValue("Allow").orElse("")).contains("GET", "POST", "DELETE");
        assertProblem(raw("OPTIONS", "/api/no-such-thing", adminAuth()), 404);
    }

    @Test
    void requestsTheFirewallRefusesAreProblems() throws Exception {
        for (String path : List.of("/api/contacts/c%2F1", "/api/contacts;x=1/c-1", "/api//contacts/c-1",
                "/api/contacts/%2e%2e/users")) {
            assertProblem(raw("GET", path, adminAuth()), 400);
        }
        assertProblem(raw("TRACE", "/api/contacts/c-1", adminAuth()), 405);
    }

    @Test
    void aHeaderTooLargeIsAProblem() throws Exception {
        HttpResponse<String> response = raw("GET", "/api/contacts/c-1", adminAuth(), "X-Padding", "x".repeat(20_000));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    // ---- 6. audit gaps ---------------------------------------------------------------------------

    @Test
    void csvReportsAuditReadsOfProtectedPeopleLikeJson() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.valueOf("text/csv")));
        ResponseEntity<String> csv = as(Role.OFFICER).exchange("/api/reports/centrality?format=csv", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getBody()).contains("c-2");
        JsonNode entries = http.getForObject("/api/audit?action=READ_CONFIDENTIAL&user=test-officer", JsonNode.class);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("target").asText()).isEqualTo("c-2");
        assertThat(entries.get(0).get("detail").asText()).isEqualTo("GET /api/reports/centrality");
    }

    @Test
    void failedTokensAndUnreadableBasicHeadersAreLoginFailures() throws Exception {
        assertProblem(raw("GET", "/api/me", "Bearer cvn_wrong"), 401);
        assertProblem(raw("GET", "/api/me", "Basic !!!"), 401);
        assertProblem(raw("GET", "/api/me", "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes())), 401);
        JsonNode failures = http.getForObject("/api/audit?action=LOGIN_FAILURE", JsonNode.class);
        assertThat(failures).extracting(e -> e.get("detail").asText()).containsExactlyInAnyOrder(
                "unknown, expired or revoked API token", "unreadable Basic credentials", "unreadable Basic credentials");
    }

    // ---- 7. README and behaviour ---------------------------------------------------------------------

    @Test
    void administratorsMayAllowAtRiskIntermediaries() {
        JsonNode paths = http.getForObject("/api/referrals?from=c-1&to=c-3&allowAtRisk=true", JsonNode.class);
        assertThat(paths.toString()).contains("c-2");
        assertThat(as(Role.ANALYST).getForEntity("/api/referrals?from=c-1&to=c-3&allowAtRisk=true", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void administratorsListUsersWithoutHashes() {
        as(Role.ANALYST);
        ResponseEntity<String> response = http.getForEntity("/api/users", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).doesNotContain("passwordHash").doesNotContain("$2a$");
        JsonNode users = http.getForObject("/api/users", JsonNode.class);
        assertThat(users).extracting(u -> u.get("username").asText()).contains("admin", "test-analyst");
        JsonNode analyst = java.util.stream.StreamSupport.stream(users.spliterator(), false)
                .filter(u -> u.get("username").asText().equals("test-analyst")).findFirst().orElseThrow();
        assertThat(analyst.get("role").asText()).isEqualTo("ANALYST");
        assertThat(analyst.get("createdAt").asText()).isNotBlank();
        assertThat(as(Role.OFFICER).getForEntity("/api/users", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private String adminAuth() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> raw(String method, String path, String authorization, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", authorization);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.uri().toString())
                .startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }
}
