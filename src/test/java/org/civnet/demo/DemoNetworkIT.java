package org.civnet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.network.ImportReport;
import org.civnet.network.NetworkImporter;
import org.civnet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo network through the whole service: it imports cleanly, and the analyses find what the
 * generator planted (an isolated group no mandate reaches, a group that hangs on one broker).
 */
class DemoNetworkIT extends IntegrationTest {

    @Autowired
    NetworkImporter importer;

    private DemoNetwork demo;

    @BeforeEach
    void load() {
        demo = DemoNetworkGenerator.generate();
        ImportReport report = importer.importDocument(demo.document(), false);
        assertThat(report.rejected()).isEmpty();
    }

    private PlantedGroup planted(String label) {
        return demo.isolatedGroups().stream().filter(g -> g.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void theIsolatedGroupsArePlantedAndFound() {
        JsonNode stats = http.getForObject("/api/graph/stats", JsonNode.class);
        assertThat(stats.at("/nodes/Contact").asLong()).isEqualTo(demo.document().contacts().size());
        assertThat(stats.at("/nodes/Mandate").asLong()).isEqualTo(60);

        JsonNode isolation = http.getForObject("/api/analysis/isolation?groupBy=theme&top=1000", JsonNode.class);
        List<String> unreached = new ArrayList<>();
        isolation.get("unreached").forEach(c -> c.get("members").forEach(m -> unreached.add(m.asText())));
        PlantedGroup lgbti = planted("isolated-lgbti-group");
        assertThat(unreached).containsAll(lgbti.contactIds());

        PlantedGroup land = planted("single-broker-land-group");
        assertThat(isolation.get("cutVertices").findValuesAsText("id")).containsAll(land.brokerIds());

        JsonNode resilience = send(http, org.springframework.http.HttpMethod.POST, "/api/analysis/resilience",
                "{\"remove\":" + toJson(land.brokerIds()) + "}").getBody();
        List<String> lost = new ArrayList<>();
        resilience.get("lostAllPaths").forEach(n -> lost.add(n.asText()));
        List<String> dependants = new ArrayList<>(land.contactIds());
        dependants.removeAll(land.brokerIds());
        assertThat(lost).containsAll(dependants).doesNotContainAnyElementsOf(land.brokerIds());
    }

    @Test
    void theOfficerCanBeReferredIntoTheLandGroupThroughItsBroker() {
        PlantedGroup land = planted("single-broker-land-group");
        String target = land.contactIds().stream().filter(id -> !land.brokerIds().contains(id)).findFirst().orElseThrow();
        JsonNode result = http.getForObject("/api/referrals?from=" + demo.hroContactId() + "&to=" + target + "&k=2&maxHops=6",
                JsonNode.class);
        assertThat(result.get("paths")).isNotEmpty();
        for (JsonNode path : result.get("paths")) {
            List<String> nodes = new ArrayList<>();
            path.get("nodes").forEach(n -> nodes.add(n.asText()));
            assertThat(nodes).containsAnyElementsOf(land.brokerIds());
        }
        JsonNode coalitions = http.getForObject("/api/analysis/coalitions", JsonNode.class);
        assertThat(coalitions.get("modularity").asDouble()).isGreaterThan(0.3);
        JsonNode brokers = http.getForObject("/api/analysis/brokers?top=5", JsonNode.class);
        assertThat(brokers.get("brokers")).hasSize(5);
        assertThat(brokers.at("/brokers/0/why").asText()).isNotBlank();
    }

    private static String toJson(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
    }
}
