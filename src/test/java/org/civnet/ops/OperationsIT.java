package org.civnet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.security.Role;
import org.civnet.snapshot.AnalysisScope;
import org.civnet.snapshot.SnapshotCache;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Actuator access, civnet's own metrics, and the request log. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsIT extends IntegrationTest {

    private static final String CONFIDENTIAL_NAME = "Badr Salem";

    @Autowired
    private SnapshotCache snapshots;

    @BeforeEach
    void network() {
        send(http, HttpMethod.POST, "/api/import", OpsFixtures.SMALL_NETWORK);
    }

    @Test
    void onlyHealthIsPublicAndItIncludesNeo4j() {
        JsonNode health = anonymous.getForObject("/actuator/health", JsonNode.class);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).as("details stay hidden from the public").isFalse();
        assertThat(as(Role.ANALYST).getForObject("/actuator/health", JsonNode.class).has("components")).isFalse();
        // An administrator sees the parts, Neo4j among them (Boot's indicator, over the same driver).
        JsonNode neo4j = http.getForObject("/actuator/health", JsonNode.class).at("/components/neo4j");
        assertThat(neo4j.get("status").asText()).isEqualTo("UP");
        assertThat(neo4j.at("/details/edition").asText()).isNotEmpty();
        assertThat(http.getForObject("/actuator/health/neo4j", JsonNode.class).get("status").asText()).isEqualTo("UP");
        // Probes for load balancers: public, status only; readiness includes Neo4j.
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(anonymous.getForObject(probe, JsonNode.class).get("status").asText()).as(probe).isEqualTo("UP");
        }
        assertThat(http.getForObject("/actuator/health/readiness", JsonNode.class).at("/components/neo4j/status").asText())
                .isEqualTo("UP");

        for (String path : List.of("/actuator", "/actuator/info", "/actuator/metrics", "/actuator/metrics/jvm.memory.used")) {
            assertThat(anonymous.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            for (Role role : List.of(Role.OFFICER, Role.ANALYST, Role.REPORTS)) {
                assertThat(as(role).getForEntity(path, String.class).getStatusCode()).as(role + " " + path)
                        .isEqualTo(HttpStatus.FORBIDDEN);
            }
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as("admin " + path).isEqualTo(HttpStatus.OK);
        }
        assertThat(http.getForObject("/actuator/info", JsonNode.class).at("/app/name").asText()).isEqualTo("civnet");
        // Endpoints that would reveal configuration are not exposed at all, not even to an administrator.
        for (String path : List.of("/actuator/env", "/actuator/configprops", "/actuator/heapdump", "/actuator/loggers")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void metricsCoverRequestLatenciesSnapshotBuildsAndCacheHits() {
        http.getForObject("/api/contacts/c-amal", JsonNode.class);
        JsonNode requests = http.getForObject("/actuator/metrics/http.server.requests?tag={tag}", JsonNode.class,
                "uri:/api/contacts/{id}");
        assertThat(statistic(requests, "COUNT")).isGreaterThanOrEqualTo(1);
        assertThat(statistic(requests, "TOTAL_TIME")).isPositive();

        double hits = gets("hit");
        double misses = gets("miss");
        double builds = statistic(http.getForObject("/actuator/metrics/civnet.snapshot.build", JsonNode.class), "COUNT");
        // A write since the last read (the import above) means a new version: one miss and one build, then a hit.
        snapshots.get(AnalysisScope.all());
        snapshots.get(AnalysisScope.all());
        assertThat(gets("miss")).isEqualTo(misses + 1);
        assertThat(gets("hit")).isEqualTo(hits + 1);
        JsonNode build = http.getForObject("/actuator/metrics/civnet.snapshot.build", JsonNode.class);
        assertThat(statistic(build, "COUNT")).isEqualTo(builds + 1);
        assertThat(statistic(build, "TOTAL_TIME")).isPositive();
        assertThat(statistic(http.getForObject("/actuator/metrics/civnet.snapshot.cache.size", JsonNode.class), "VALUE"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyRequestIsOneLogLineWithoutNamesTokensOrPasswords(CapturedOutput output) {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        String token = http.exchange("/api/tokens", HttpMethod.POST,
                new HttpEntity<>("{\"name\":\"log-test-" + System.nanoTime() + "\"}", json), JsonNode.class)
                .getBody().get("token").asText();
        HttpHeaders bearer = new HttpHeaders();
        bearer.setBearerAuth(token);

        ResponseEntity<String> search = anonymous.exchange("/api/contacts?q=" + CONFIDENTIAL_NAME + "&size=10", HttpMethod.GET,
                new HttpEntity<>(bearer), String.class);
        assertThat(search.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(search.getBody()).contains(CONFIDENTIAL_NAME);
        anonymous.exchange("/api/contacts/c-badr", HttpMethod.GET, new HttpEntity<>(bearer), String.class);
        anonymous.getForEntity("/api/contacts/" + CONFIDENTIAL_NAME, String.class);
        anonymous.getForEntity("/no/such/" + CONFIDENTIAL_NAME + "?" + CONFIDENTIAL_NAME + "=1", String.class);
        anonymous.withBasicAuth(CONFIDENTIAL_NAME, "a-guessed-password-1").getForEntity("/api/me", String.class);
        send(as(Role.ANALYST), HttpMethod.GET, "/api/audit?user=" + CONFIDENTIAL_NAME, null);
        send(http, HttpMethod.POST, "/api/contacts", "{\"name\":\"" + CONFIDENTIAL_NAME + " Junior\",\"country\":\"EG\","
                + "\"confidential\":true}");

        assertThat(output.getOut()).doesNotContain("Badr").doesNotContain("Salem").doesNotContain("c-badr")
                .doesNotContain(token).doesNotContain(token.substring(4, 20)).doesNotContain(ADMIN_PASSWORD)
                .doesNotContain("a-guessed-password-1");
        assertThat(output.getOut())
                .contains("request method=GET path=/api/contacts query=q,size status=200 ms=")
                .contains("request method=GET path=/api/contacts/{id} query=- status=200 ms=")
                .contains("request method=GET path=/api/contacts/* query=- status=401 ms=")
                .contains("request method=GET path=/*/*/* query=* status=401 ms=")
                .contains("request method=GET path=/api/audit query=user status=403 ms=")
                .contains("request method=POST path=/api/contacts query=- status=201 ms=");
        assertThat(output.getOut().lines().filter(l -> l.contains("request method=GET path=/api/contacts query=q,size")))
                .singleElement().satisfies(line -> assertThat(line).endsWith("user=admin"));
        assertThat(output.getOut().lines().filter(l -> l.contains("path=/api/audit query=user status=403")))
                .singleElement().satisfies(line -> assertThat(line).endsWith("user=test-analyst"));
        assertThat(output.getOut().lines().filter(l -> l.contains("path=/api/me query=- status=401")))
                .singleElement().satisfies(line -> assertThat(line).endsWith("user=anonymous"));
    }

    private double gets(String result) {
        return statistic(http.getForObject("/actuator/metrics/civnet.snapshot.cache.gets?tag=result:" + result, JsonNode.class),
                "COUNT");
    }

    private static double statistic(JsonNode metric, String name) {
        for (JsonNode measurement : metric.get("measurements")) {
            if (measurement.get("statistic").asText().equals(name)) {
                return measurement.get("value").asDouble();
            }
        }
        throw new AssertionError("no " + name + " in " + metric);
    }
}
