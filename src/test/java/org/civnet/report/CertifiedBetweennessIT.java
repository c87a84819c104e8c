package org.civnet.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.civnet.support.IntegrationTest;
import org.civnet.support.Karate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code approx=auto} through the API, on the karate club stored in the embedded Neo4j. */
class CertifiedBetweennessIT extends IntegrationTest {

    private void karate() {
        JsonNode report = send(http, HttpMethod.POST, "/api/import", Karate.document()).getBody();
        assertThat(report.get("rejected")).isEmpty();
    }

    /** Null values are left out of the JSON. */
    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static double maxError(JsonNode report) {
        JsonNode expected = Karate.reference().at("/node_metrics/betweenness_normalized");
        double max = 0;
        for (JsonNode score : report.get("scores")) {
            String member = score.get("id").asText().substring(1);
            max = Math.max(max, Math.abs(score.get("score").asDouble() - expected.get(member).asDouble()));
        }
        return max;
    }

    @Test
    void epsilonModeStatesItsGuaranteeAndKeepsIt() {
        karate();
        JsonNode report = http.getForObject(
                "/api/analysis/centrality?metric=betweenness&top=34&approx=auto&epsilon=0.05&delta=0.1&seed=3", JsonNode.class);
        JsonNode certified = report.get("certified");
        assertThat(certified.get("epsilon").asDouble()).isEqualTo(0.05);
        assertThat(certified.get("delta").asDouble()).isEqualTo(0.1);
        assertThat(certified.get("normalisation").asText()).contains("(n-1)(n-2)/2");
        assertThat(certified.get("guarantee").asText()).contains("0.9").contains("0.05");
        int vd = certified.get("vertexDiameterBound").asInt();
        assertThat(vd).isBetween(6, 11); // karate's diameter is 5 hops: 6 vertices
        long expected = (long) Math.ceil(0.5 / Math.pow(0.05 * 32 / 34, 2)
                * (Math.floor(Math.log(vd - 2) / Math.log(2)) + 1 + Math.log(10)));
        assertThat(certified.get("samples").asLong()).isEqualTo(expected);
        assertThat(certified.get("stop").asText()).isEqualTo("sample_size");
        assertThat(absent(certified.path("topK"))).isTrue();
        assertThat(report.get("scores")).hasSize(34);
        assertThat(absent(report.at("/scores/0/certified"))).isTrue();
        assertThat(maxError(report)).isLessThanOrEqualTo(0.05);
        assertThat(report.at("/scores/0/id").asText()).isEqualTo("k0");

        // Defaults (epsilon 0.01, delta 0.1), the same answer for the same seed, and the CSV report too.
        JsonNode defaults = http.getForObject("/api/analysis/centrality?metric=betweenness&top=34&approx=auto", JsonNode.class);
        assertThat(defaults.at("/certified/epsilon").asDouble()).isEqualTo(0.01);
        assertThat(defaults.at("/certified/delta").asDouble()).isEqualTo(0.1);
        assertThat(maxError(defaults)).isLessThanOrEqualTo(0.01);
        JsonNode report2 = http.getForObject("/api/reports/centrality?metric=betweenness&top=34&approx=auto", JsonNode.class);
        assertThat(report2.get("scores")).isEqualTo(defaults.get("scores"));
        // Pivot sampling still answers as before.
        JsonNode pivots = http.getForObject("/api/analysis/centrality?metric=betweenness&top=5&approx=34", JsonNode.class);
        assertThat(pivots.get("approx").asInt()).isEqualTo(34);
        assertThat(absent(pivots.path("certified"))).isTrue();
    }

    @Test
    void topKModeMarksTheCertifiedOnes() {
        karate();
        JsonNode report = http.getForObject("/api/analysis/centrality?metric=betweenness&top=5&approx=auto&topK=2", JsonNode.class);
        JsonNode certified = report.get("certified");
        assertThat(certified.get("topK").asInt()).isEqualTo(2);
        assertThat(certified.get("stop").asText()).isEqualTo("top_k_separated");
        assertThat(certified.get("certifiedInTopK").asInt()).isEqualTo(2);
        assertThat(certified.get("samples").asLong() % 1024).isZero();
        assertThat(report.get("scores").findValuesAsText("id").subList(0, 2)).containsExactly("k0", "k33");
        assertThat(report.at("/scores/0/certified").asBoolean()).isTrue();
        assertThat(report.at("/scores/1/certified").asBoolean()).isTrue();
        assertThat(absent(report.at("/scores/2/certified"))).isTrue();
        assertThat(maxError(report)).isLessThanOrEqualTo(certified.get("epsilon").asDouble());
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        karate();
        assertBadRequest("/api/analysis/centrality?metric=betweenness&approx=auto&epsilon=0", "epsilon");
        assertBadRequest("/api/analysis/centrality?metric=betweenness&approx=auto&epsilon=1", "epsilon");
        assertBadRequest("/api/analysis/centrality?metric=betweenness&approx=auto&delta=0", "delta");
        assertBadRequest("/api/analysis/centrality?metric=betweenness&approx=auto&delta=1.5", "delta");
        assertBadRequest("/api/analysis/centrality?metric=betweenness&approx=auto&topK=0", "topK");
        assertBadRequest("/api/analysis/centrality?metric=betweenness&epsilon=0.1", "epsilon");
        assertBadRequest("/api/analysis/centrality?metric=betweenness&approx=10&topK=3", "topK");
        assertBadRequest("/api/analysis/centrality?metric=betweenness&approx=sometimes", "approx");
        assertBadRequest("/api/analysis/centrality?metric=betweenness&approx=0", "approx");
        assertBadRequest("/api/analysis/centrality?metric=degree&approx=auto", "metric");
        assertBadRequest("/api/analysis/centrality?metric=betweenness&approx=auto&sources=label:Contact", "approx");
        assertBadRequest("/api/reports/centrality?metric=betweenness&approx=auto&delta=-1", "delta");
        // An epsilon that needs more samples than civnet.analysis.approx-max-samples (1,000,000).
        ResponseEntity<JsonNode> tooFine = http.getForEntity(
                "/api/analysis/centrality?metric=betweenness&approx=auto&epsilon=0.001", JsonNode.class);
        assertThat(tooFine.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooFine.getBody().get("errors").findValuesAsText("field")).contains("epsilon");
        assertThat(tooFine.getBody().get("errors").findValuesAsText("reason").get(0)).contains("1000000");
    }

    private void assertBadRequest(String path, String field) {
        ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).as(path).contains(field);
    }
}
