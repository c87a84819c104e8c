package org.civnet.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 18's small-heap test: civnet in a JVM of {@code -Xmx256m} (its own surefire execution,
 * {@code small-heap} in the pom; the embedded Neo4j shares that heap) on a store whose snapshot
 * would not fit answers every analysis endpoint with either a result or the 503 problem naming the
 * estimate and the heap, and stays UP throughout. 100,000 contacts and 250,000 ties: the snapshot's
 * estimate (about 160 MB) is more than a 256 MB heap keeps free beside Spring and Neo4j.
 */
class SmallHeapIT extends IntegrationTest {

    private static final int CONTACTS = 100_000;
    private static final int TIES = 250_000;

    private static final List<String> GETS = List.of(
            "/api/analysis/centrality?metric=degree",
            "/api/analysis/centrality?metric=betweenness",
            "/api/analysis/centrality?metric=betweenness&approx=64",
            "/api/analysis/centrality?metric=betweenness&weighted=true",
            "/api/analysis/centrality?metric=closeness",
            "/api/analysis/centrality?metric=harmonic",
            "/api/analysis/centrality?metric=pagerank",
            "/api/reports/centrality?metric=betweenness",
            "/api/analysis/brokers",
            "/api/analysis/coalitions",
            "/api/analysis/coalitions?algorithm=louvain",
            "/api/analysis/isolation",
            "/api/analysis/graph?nodes=Contact&region=AFRICA",
            "/api/referrals?from=c0&to=c1",
            "/api/referrals?from=c0&country=BR",
            "/api/referrals/coverage?from=c0&country=EG");

    @Test
    void everyAnalysisAnswersOrRefusesAndTheServiceStaysUp() {
        long started = System.nanoTime();
        GeneratedNetwork.parts(CONTACTS, TIES, 10_000, 18, body -> {
            ResponseEntity<JsonNode> imported = send(http, HttpMethod.POST, "/api/import", body);
            assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
            assertThat(imported.getBody().get("rejected")).isEmpty();
        });
        System.out.printf("SmallHeapIT: imported in %d s, heap max %d MB%n", (System.nanoTime() - started) / 1_000_000_000,
                Runtime.getRuntime().maxMemory() >> 20);
        assertThat(Runtime.getRuntime().maxMemory()).as("runs in the small-heap JVM").isLessThan(300L << 20);
        List<String> refused = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (String path : GETS) {
                check(path, http.getForEntity(path, JsonNode.class), refused);
                assertUp();
                if (!path.contains("coverage")) {
                    ResponseEntity<JsonNode> estimate = http.getForEntity(path + (path.contains("?") ? "&" : "?")
                            + "estimate=true", JsonNode.class);
                    assertThat(estimate.getStatusCode()).as(path + " estimate").isEqualTo(HttpStatus.OK);
                    assertThat(estimate.getBody().at("/snapshot/bytes").asLong()).as(path).isGreaterThan(100L << 20);
                    assertThat(estimate.getBody().get("vertices").asLong()).isGreaterThanOrEqualTo(CONTACTS);
                }
            }
            check("resilience", send(http, HttpMethod.POST, "/api/analysis/resilience", "{\"removeTop\":3}"), refused);
            assertUp();
        }
        assertThat(refused).as("the snapshot's estimate exceeds the free heap, so reads are refused").isNotEmpty();
    }

    private static void check(String path, ResponseEntity<JsonNode> response, List<String> refused) {
        if (response.getStatusCode() == HttpStatus.OK) {
            return;
        }
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        JsonNode problem = response.getBody();
        assertThat(problem.get("title").asText()).as(path).isEqualTo("Analysis refused");
        assertThat(problem.get("estimateBytes").asLong()).as(path).isPositive();
        assertThat(problem.get("maxHeapBytes").asLong()).as(path).isPositive();
        assertThat(problem.has("freeHeapBytes")).as(path).isTrue();
        assertThat(problem.get("detail").asText()).as(path).contains("estimated").contains("MB");
        refused.add(path);
    }

    private void assertUp() {
        ResponseEntity<JsonNode> health = anonymous.getForEntity("/actuator/health", JsonNode.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
    }
}
